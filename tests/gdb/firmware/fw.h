/* SPDX-License-Identifier: MIT */
/*
 * What the two firmware images of the rv-amp board share: the layout of the
 * shared RAM window (seen at different addresses by each cluster), a
 * polled 16550 UART writer and the test finisher. Freestanding, for the
 * gdb tests: everything is plain C built with -O0 -g so gdb can break,
 * step, finish and print in it.
 */
#ifndef MOSAIC_TESTS_GDB_FW_H
#define MOSAIC_TESTS_GDB_FW_H

#include <stdint.h>

/* The shared RAM window: app at 0x90000000, rt at 0x20000000. */
struct fw_shared {
    uint32_t app_counter; /* incremented by app hart 0 */
    uint32_t rt_mailbox;  /* written by rt with its iteration count */
};

/* The test finisher (QEMU virt's sifive_test) at 0x100000 in both views. */
#define FW_FINISHER ((volatile uint32_t *)0x100000)

/* 16550 registers at byte offsets (reg-shift 0): THR and LSR. */
#define FW_UART_THR 0
#define FW_UART_LSR 5
#define FW_UART_LSR_THRE 0x20

static inline void fw_putc(uintptr_t uart, char c)
{
    volatile uint8_t *regs = (volatile uint8_t *)uart;
    while (!(regs[FW_UART_LSR] & FW_UART_LSR_THRE))
        ;
    regs[FW_UART_THR] = (uint8_t)c;
}

static inline void fw_puts(uintptr_t uart, const char *s)
{
    while (*s)
        fw_putc(uart, *s++);
}

/* End the run: 0x5555 passes, 0x3333 fails with @code in the upper half. */
static inline void fw_exit(uint32_t code)
{
    *FW_FINISHER = code ? (code << 16) | 0x3333 : 0x5555;
    for (;;)
        ;
}

/* Called by start.S on every hart with its mhartid. */
void fw_main(unsigned long hartid);

#endif
