/* SPDX-License-Identifier: MIT */
/* A load from unmapped memory: a load access fault. */
#include "exec.h"

    trap_prologue
    li t0, 0x1000
    lw a0, 4(t0)
