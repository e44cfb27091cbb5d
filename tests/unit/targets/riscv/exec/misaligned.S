/* SPDX-License-Identifier: MIT */
/* Ordinary loads and stores work misaligned; an AMO traps. */
#include "exec.h"

    trap_prologue
    la t0, data
    lw a0, 1(t0)
    sh a0, 7(t0)
    lhu a1, 7(t0)
    li a2, 1
    amoadd.w a3, a2, (t0)
    addi t1, t0, 2
    amoadd.w a4, a2, (t1)
.align 3
data:
    .word 0x44332211, 0x88776655
