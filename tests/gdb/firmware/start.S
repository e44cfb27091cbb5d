/* SPDX-License-Identifier: MIT */
/*
 * Reset code shared by the rv64 (app) and rv32 (rt) images of the gdb
 * tests: every hart starts here, takes its own stack below __stack_top
 * (FW_STACK_SIZE bytes per hart, by mhartid), points mtvec at a trap loop
 * and calls fw_main(hartid). ra is cleared so gdb's backtrace ends at
 * fw_main.
 */
#define FW_STACK_SIZE 0x2000

    .section .text.init, "ax", @progbits
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    a0, mhartid
    la      sp, __stack_top
    li      t0, FW_STACK_SIZE
    mul     t0, t0, a0
    sub     sp, sp, t0
    la      t0, fw_trap
    csrw    mtvec, t0
    li      ra, 0
    call    fw_main
1:  j       1b

    /* An unexpected trap parks the hart here, where gdb can see it. */
    .align  2
    .globl  fw_trap
fw_trap:
    j       fw_trap
