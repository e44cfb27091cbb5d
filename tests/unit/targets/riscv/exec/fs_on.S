/* SPDX-License-Identifier: MIT */
/* Software turns the FPU on (mstatus.FS = Initial), reads mstatus back and
 * runs an FP instruction at BODY + 10. */
#include "exec.h"

    trap_prologue
    .option arch, +d
    lui t0, 0x6
    csrs mstatus, t0
    csrr a0, mstatus
    fadd.d fa0, fa1, fa2
    wfi
