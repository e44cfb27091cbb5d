/* SPDX-License-Identifier: MIT */
/*
 * The fw.h API on the QEMU-virt-like RISC-V boards: UART output with the
 * ns16550 transmit-holding-register-empty check, the finisher exit, locks
 * and atomics on AMOs. Printing and memset/memcpy are in fw_lib.c.
 */
#include "fw.h"

/* ns16550 registers (reg-shift 0) and bits. */
#define UART_THR 0
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_LSR 5
#define UART_LCR_8N1 0x03
#define UART_FCR_ENABLE 0x01
#define UART_LSR_THRE 0x20

/* Test finisher values (QEMU virt's sifive_test). */
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333

static volatile uint8_t *const uart = (volatile uint8_t *)FW_UART_BASE;

void fw_uart_init(void)
{
    uart[UART_IER] = 0;
    uart[UART_LCR] = UART_LCR_8N1;
    uart[UART_FCR] = UART_FCR_ENABLE;
}

void fw_putc(char c)
{
    while (!(uart[UART_LSR] & UART_LSR_THRE))
        ;
    uart[UART_THR] = (uint8_t)c;
}

_Noreturn void fw_exit(int code)
{
    volatile uint32_t *finisher = (volatile uint32_t *)FW_FINISHER_BASE;

    *finisher = code == 0 ? FINISHER_PASS : ((uint32_t)code << 16) | FINISHER_FAIL;
    fw_park();
}

_Noreturn void fw_park(void)
{
    for (;;)
        __asm__ volatile("wfi");
}

void fw_lock(volatile uint32_t *lock)
{
    uint32_t busy;

    do {
        __asm__ volatile("amoswap.w.aq %0, %2, %1" : "=r"(busy), "+A"(*lock) : "r"(1u) : "memory");
    } while (busy);
}

void fw_unlock(volatile uint32_t *lock)
{
    __asm__ volatile("amoswap.w.rl zero, zero, %0" : "+A"(*lock) : : "memory");
}

uint32_t fw_atomic_add(volatile uint32_t *p, uint32_t v)
{
    uint32_t old;

    __asm__ volatile("amoadd.w.aqrl %0, %2, %1" : "=r"(old), "+A"(*p) : "r"(v) : "memory");
    return old;
}
