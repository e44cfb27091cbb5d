/* SPDX-License-Identifier: MIT */
/* Semihosting from RV64: SYS_WRITE0, SYS_WRITE and SYS_EXIT_EXTENDED with a
 * parameter block. The trap sequence must be three uncompressed
 * instructions (RISC-V semihosting spec), and the whole program stays
 * uncompressed so the addresses test_exec checks stay where they are. */
#include "exec.h"

    .option norvc
    .option norelax
_start:
    li a0, 4
    la a1, msg
    call semi
    li a0, 5
    la a1, blk
    call semi
    mv s0, a0
    li a0, 0x20
    la a1, exitblk
    call semi
    wfi
.align 4
semi:
    slli zero, zero, 0x1f
    ebreak
    srai zero, zero, 7
    ret
msg: .asciz "hello "
.align 3
blk: .dword 1, blk_text, 6
blk_text: .ascii "world\n"
.align 3
exitblk: .dword 0x20026, 42
