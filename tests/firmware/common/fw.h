/* SPDX-License-Identifier: MIT */
/*
 * Tiny freestanding runtime shared by the demo and bench firmware: start.S
 * brings up each hart (stack, gp, trap vector; hart 0 clears .bss and calls
 * main, the others call secondary_main once it has), and fw.c drives the
 * riscv-virt devices -- ns16550 UART output, the test finisher for the exit
 * code -- plus a spinlock and the few libc functions GCC may call. Built
 * for rv32 and rv64 alike; no libc.
 */
#ifndef FW_H
#define FW_H

/* QEMU virt memory map, which the riscv-virt boards follow. */
#define FW_UART_BASE 0x10000000UL
#define FW_FINISHER_BASE 0x100000UL
/* Harts with a stack (16 KiB each, below __stack_top); others park. */
#define FW_MAX_HARTS 8
#define FW_STACK_SHIFT 14

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

/* Hart 0 after start-up; its return value is the exit code. */
int main(unsigned hart);

/* Harts 1..FW_MAX_HARTS-1 once hart 0 has cleared .bss. The default parks
 * them; a firmware defines its own to use them. */
void secondary_main(unsigned hart);

/* Console output through the UART. */
void fw_uart_init(void);
void fw_putc(char c);
void fw_puts(const char *s);
void fw_put_hex(uint32_t value);
void fw_put_dec(uint32_t value);

/* Stop the machine with an exit code through the test finisher. */
_Noreturn void fw_exit(int code);

/* Sleep forever (wfi with no interrupt enabled). */
_Noreturn void fw_park(void);

/* A test-and-set spinlock on amoswap.w with acquire/release ordering. */
void fw_lock(volatile uint32_t *lock);
void fw_unlock(volatile uint32_t *lock);

/* Atomic add (amoadd.w); returns the old value. */
uint32_t fw_atomic_add(volatile uint32_t *p, uint32_t v);

#endif /* __ASSEMBLER__ */
#endif /* FW_H */
