/* SPDX-License-Identifier: MIT */
/* A misaligned sc.w traps (a store/AMO address misaligned). */
#include "exec.h"

    trap_prologue
    la t0, 1f
    addi t0, t0, 2
    sc.w a0, a1, (t0)
.align 3
1:  .word 0, 0
