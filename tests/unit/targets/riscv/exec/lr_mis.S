/* SPDX-License-Identifier: MIT */
/* A misaligned lr.w traps (a load address misaligned). */
#include "exec.h"

    trap_prologue
    la t0, 1f
    addi t0, t0, 2
    lr.w a0, (t0)
.align 3
1:  .word 0, 0
