/* SPDX-License-Identifier: MIT */
/* ebreak (compressed) traps with mtval = its address. */
#include "exec.h"

    trap_prologue
    nop
    ebreak
