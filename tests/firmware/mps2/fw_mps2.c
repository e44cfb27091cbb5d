/* SPDX-License-Identifier: MIT */
/*
 * The fw.h API on the MPS2 boards (see mps2.h): console output on CMSDK
 * UART0, the exit code through semihosting SYS_EXIT_EXTENDED (as under
 * qemu-system-arm -semihosting), locks and atomics on LDREX/STREX.
 * Printing and memset/memcpy are in ../common/fw_lib.c.
 */
#include "mps2.h"

uint32_t fw_semihost(uint32_t op, const void *arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;

    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void fw_semihost_puts(const char *s)
{
    fw_semihost(SEMIHOST_SYS_WRITE0, s);
}

void fw_uart_init(void)
{
    UART_BAUDDIV(MPS2_UART0) = 16;
    UART_CTRL(MPS2_UART0) = UART_CTRL_TXEN;
}

void fw_putc(char c)
{
    while (UART_STATE(MPS2_UART0) & UART_STATE_TXFULL)
        ;
    UART_DATA(MPS2_UART0) = (uint8_t)c;
}

_Noreturn void fw_exit(int code)
{
    const uint32_t block[2] = {SEMIHOST_STOPPED_APPLICATION_EXIT, (uint32_t)code};

    fw_semihost(SEMIHOST_SYS_EXIT_EXTENDED, block);
    fw_park();
}

_Noreturn void fw_park(void)
{
    __asm__ volatile("cpsid i");
    for (;;)
        __asm__ volatile("wfi");
}

uint32_t fw_atomic_add(volatile uint32_t *p, uint32_t v)
{
    uint32_t old, failed;

    do {
        __asm__ volatile("ldrex %0, [%1]" : "=r"(old) : "r"(p) : "memory");
        __asm__ volatile("strex %0, %2, [%1]" : "=&r"(failed) : "r"(p), "r"(old + v) : "memory");
    } while (failed);
    __asm__ volatile("dmb" ::: "memory");
    return old;
}

void fw_lock(volatile uint32_t *lock)
{
    uint32_t old, failed = 1;

    while (failed) {
        __asm__ volatile("ldrex %0, [%1]" : "=r"(old) : "r"(lock) : "memory");
        if (old)
            __asm__ volatile("clrex" ::: "memory");
        else
            __asm__ volatile("strex %0, %2, [%1]" : "=&r"(failed) : "r"(lock), "r"(1u) : "memory");
    }
    __asm__ volatile("dmb" ::: "memory");
}

void fw_unlock(volatile uint32_t *lock)
{
    __asm__ volatile("dmb" ::: "memory");
    *lock = 0;
}
