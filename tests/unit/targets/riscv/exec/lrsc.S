/* SPDX-License-Identifier: MIT */
/* LR/SC reservations (kept, consumed, lost to a store) and AMO results. */
#include "exec.h"

    trap_prologue
    la t0, 1f
    li a2, 99
    sc.w a3, a2, (t0)
    lr.w a0, (t0)
    sc.w a1, a2, (t0)
    sc.w a4, a2, (t0)
    lw a5, 0(t0)
    lr.w a0, (t0)
    sw zero, 0(t0)
    sc.w a6, a2, (t0)
    li a7, -5
    amomin.w s3, a7, (t0)
    lw s4, 0(t0)
    amomaxu.w s5, a7, (t0)
    lw s6, 0(t0)
    wfi
.align 3
1:  .word 7, 0
