/* SPDX-License-Identifier: MIT */
/* The W counts of Zbb on a value whose low word is zero and whose upper
 * word is not. */
#include "exec.h"

    trap_prologue
    .option arch, +zbb
    li a1, 1
    slli a1, a1, 63
    ctzw a0, a1
    clzw a2, a1
    cpopw a3, a1
    wfi
