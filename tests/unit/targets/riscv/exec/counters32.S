/* SPDX-License-Identifier: MIT */
/* RV32 counters: the upper halves through the ...h CSRs. */
#include "exec.h"

    trap_prologue
    li t0, 1
    csrw minstreth, t0
    csrr a0, minstreth
    csrr a1, minstret
    csrw mcycle, zero
    csrr a2, mcycle
    csrr a3, mcycleh
    rdtime a4
    rdtimeh a5
    csrr a6, cycleh
    wfi
