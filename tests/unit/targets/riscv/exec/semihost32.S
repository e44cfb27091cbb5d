/* SPDX-License-Identifier: MIT */
/* Semihosting from RV32: SYS_WRITEC, an unknown operation (-1), and
 * SYS_EXIT taking the reason itself. Uncompressed, as semihost.S. */
#include "exec.h"

    .option norvc
    .option norelax
_start:
    li a0, 3
    la a1, ch
    call semi
    li a0, 0x99
    call semi
    mv s0, a0
    li a0, 0x18
    li a1, 0x20023
    call semi
    wfi
.align 4
semi:
    slli zero, zero, 0x1f
    ebreak
    srai zero, zero, 7
    ret
ch: .byte 'Z'
