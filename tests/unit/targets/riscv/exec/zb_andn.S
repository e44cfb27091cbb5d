/* SPDX-License-Identifier: MIT */
/* andn (Zbb): illegal on a model without B, an ordinary instruction with it. */
#include "exec.h"

    trap_prologue
    .option arch, +zbb
    andn a0, a1, a2
    wfi
