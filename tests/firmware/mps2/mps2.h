/* SPDX-License-Identifier: MIT */
/*
 * Freestanding runtime of the C firmware for the MPS2 AN385/AN386 map
 * (QEMU's mps2-an385/-an386, Mosaic's mps2-an385): the registers of the
 * devices it uses, the Cortex-M system registers, semihosting, and the
 * interrupt table of start.c. The common fw.h API (console, exit, locks;
 * tests/firmware/common/fw.h) is implemented for this board in
 * fw_mps2.c, so bench/bench.c builds here unchanged.
 */
#ifndef MPS2_H
#define MPS2_H

#include <stddef.h>
#include <stdint.h>

#include "fw.h"

#define REG32(addr) (*(volatile uint32_t *)(addr))

/* SYSCLK of the AN385/AN386 images: CPU, SysTick (processor clock) and
 * APB timers all count at this rate. */
#define MPS2_SYSCLK_HZ 25000000u

/* CMSDK APB UART and timer (ARM DDI0479C 4.3, 4.2). */
#define MPS2_UART0 0x40004000u
#define UART_DATA(b) REG32((b) + 0x00)
#define UART_STATE(b) REG32((b) + 0x04)
#define UART_CTRL(b) REG32((b) + 0x08)
#define UART_BAUDDIV(b) REG32((b) + 0x10)
#define UART_STATE_TXFULL 0x1u
#define UART_CTRL_TXEN 0x1u

#define MPS2_TIMER0 0x40000000u
#define MPS2_TIMER0_IRQ 8
#define TIMER_CTRL(b) REG32((b) + 0x00)
#define TIMER_VALUE(b) REG32((b) + 0x04)
#define TIMER_RELOAD(b) REG32((b) + 0x08)
#define TIMER_INTCLEAR(b) REG32((b) + 0x0c)
#define TIMER_CTRL_EN 0x1u
#define TIMER_CTRL_IE 0x8u

/* System Control Space (ARMv7-M ARM B3.2-B3.4). */
#define SYST_CSR REG32(0xe000e010u)
#define SYST_RVR REG32(0xe000e014u)
#define SYST_CVR REG32(0xe000e018u)
#define SYST_CSR_ENABLE 0x1u
#define SYST_CSR_TICKINT 0x2u
#define SYST_CSR_CLKSOURCE 0x4u
#define NVIC_ISER(n) REG32(0xe000e100u + 4 * ((n) / 32))
#define NVIC_ICER(n) REG32(0xe000e180u + 4 * ((n) / 32))
#define NVIC_IPR8(n) (*(volatile uint8_t *)(0xe000e400u + (n)))
#define SCB_ICSR REG32(0xe000ed04u)
#define SCB_ICSR_PENDSVSET (1u << 28)
#define SCB_SHPR3 REG32(0xe000ed20u)

/* Exceptions the runtime routes to handlers a firmware may define. */
void svc_handler(void);
void pendsv_handler(void);
void systick_handler(void);

/* Interrupt n (0..31) calls @fn; NULL makes it unexpected again. */
void fw_set_irq_handler(unsigned n, void (*fn)(void));
static inline void fw_irq_enable(unsigned n)
{
    NVIC_ISER(n) = 1u << (n % 32);
}
static inline void fw_irq_disable(unsigned n)
{
    NVIC_ICER(n) = 1u << (n % 32);
}

/* Semihosting (Arm "Semihosting for AArch32 and AArch64"): BKPT 0xAB
 * with the operation in r0 and its argument in r1. */
#define SEMIHOST_SYS_WRITE0 0x04u
#define SEMIHOST_SYS_EXIT_EXTENDED 0x20u
#define SEMIHOST_STOPPED_APPLICATION_EXIT 0x20026u
uint32_t fw_semihost(uint32_t op, const void *arg);
void fw_semihost_puts(const char *s);

#endif /* MPS2_H */
