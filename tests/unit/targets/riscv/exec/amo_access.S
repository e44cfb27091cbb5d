/* SPDX-License-Identifier: MIT */
/* An AMO on unmapped memory: a store/AMO access fault. */
#include "exec.h"

    trap_prologue
    li t0, 0x1000
    amoswap.w a0, a1, (t0)
