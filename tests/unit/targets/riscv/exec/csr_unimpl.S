/* SPDX-License-Identifier: MIT */
/* medeleg does not exist without S-mode: reading it traps. */
#include "exec.h"

    trap_prologue
    csrr a0, mhartid
    li a1, 1
    csrr a1, 0x302
