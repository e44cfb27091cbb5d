/* SPDX-License-Identifier: MIT */
/*
 * A tiny image for the command-line tests: prints its letter (MSG, a
 * compile-time string) on the virt UART; with EXIT defined it then waits
 * for the other image's letter to have been printed (a flag in RAM at
 * FLAG) and exits through the test finisher with code EXIT, or with 4 when
 * the flag never comes.
 */
    .section .text
    .globl _start
_start:
    li t0, 0x10000000
    la t1, msg
1:  lbu t2, 0(t1)
    beqz t2, 2f
    sb t2, 0(t0)
    addi t1, t1, 1
    j 1b
2:
#ifdef EXIT
    li t0, FLAG
    li t2, 1000000          /* give up after this many polls: exit 4 */
    li t3, (4 << 16) | 0x3333
3:  lw t1, 0(t0)
    bnez t1, 5f
    addi t2, t2, -1
    bnez t2, 3b
    j 6f
5:  li t3, (EXIT << 16) | 0x3333
6:  li t0, 0x100000
    sw t3, 0(t0)
#else
    li t0, FLAG
    li t1, 1
    sw t1, 0(t0)
#endif
4:  wfi
    j 4b
    .section .rodata
msg: .asciz MSG
