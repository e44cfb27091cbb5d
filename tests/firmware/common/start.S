/* SPDX-License-Identifier: MIT */
/*
 * Reset entry of the C firmware (see fw.h). Every hart starts here in
 * M-mode at the start of RAM. Each gets a stack of 1 << FW_STACK_SHIFT
 * bytes below __stack_top, gp for linker relaxation, and a trap vector
 * that reports an unexpected trap and exits 99. Hart 0 clears .bss, releases the others
 * through fw_boot_done (in .data, so the clearing cannot race with their
 * reads) and calls main(0); the exit code is main's return value. Harts
 * FW_MAX_HARTS and up park at once.
 */
#include "fw.h"

    .section .text.init, "ax"
    .globl _start
_start:
    csrr a0, mhartid
    li t0, FW_MAX_HARTS
    bgeu a0, t0, fw_park
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    slli t0, a0, FW_STACK_SHIFT
    sub sp, sp, t0
    csrw mie, zero
    la t0, fw_trap_entry
    csrw mtvec, t0
    bnez a0, 3f

    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  fence rw, rw
    li t1, 1
    la t0, fw_boot_done
    sw t1, 0(t0)
    li a0, 0
    call main
    call fw_exit

3:  la t0, fw_boot_done
4:  lw t1, 0(t0)
    beqz t1, 4b
    fence rw, rw
    call secondary_main
    call fw_park

    .weak secondary_main
secondary_main:
    call fw_park

/* An unexpected trap: print what happened and exit 99. */
    .align 2
fw_trap_entry:
    la a0, fw_msg_trap
    call fw_puts
    csrr a0, mcause
    call fw_put_hex
    la a0, fw_msg_epc
    call fw_puts
    csrr a0, mepc
    call fw_put_hex
    li a0, '\n'
    call fw_putc
    li a0, 99
    call fw_exit

    .section .rodata
fw_msg_trap:
    .asciz "unexpected trap: mcause "
fw_msg_epc:
    .asciz " mepc "

    .data
    .align 2
fw_boot_done:
    .word 0
