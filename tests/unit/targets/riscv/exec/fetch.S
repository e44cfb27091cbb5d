/* SPDX-License-Identifier: MIT */
/* A jump to unmapped memory: an instruction access fault. */
#include "exec.h"

    trap_prologue
    li t0, 0x1000
    jr t0
