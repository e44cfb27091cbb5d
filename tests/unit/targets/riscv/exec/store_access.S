/* SPDX-License-Identifier: MIT */
/* A store to unmapped memory: a store access fault. */
#include "exec.h"

    trap_prologue
    li t0, 0x1000
    sw a0, 8(t0)
