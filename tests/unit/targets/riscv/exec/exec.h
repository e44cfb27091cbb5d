/* SPDX-License-Identifier: MIT */
/*
 * What test_exec's RISC-V programs share. Each is linked at 0x80000000
 * (the start of the test machine's RAM, where the hart starts) and
 * assembled for RV64 and/or RV32 by tests/unit/targets/riscv/local.mk;
 * test_exec.c checks the state a program leaves, including addresses in
 * it, so a program's layout is part of what the test asserts.
 */
    .globl _start

/*
 * Most programs start here: install a trap handler that records mcause,
 * mepc and mtval in s0, s1 and s2 and waits (with mie = 0 the wfi halts
 * the hart), then continue at the body. Uncompressed, so the handler is
 * always at 0x80000010 and the body at 0x80000020 (TRAP_PC and BODY in
 * test_exec.c).
 */
.macro trap_prologue
    .option push
    .option norvc
_start:
    la t0, trap
    csrw mtvec, t0
    j body
trap:
    csrr s0, mcause
    csrr s1, mepc
    csrr s2, mtval
    wfi
    .option pop
body:
.endm

/* Drop from M-mode to U-mode and go on at the next instruction. */
.macro enter_user
    la t0, 1f
    csrw mepc, t0
    li t0, 0x1800           /* mstatus.MPP */
    csrc mstatus, t0
    mret
1:
.endm
