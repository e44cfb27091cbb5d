/* SPDX-License-Identifier: MIT */
/* minstret and mcycle: reads, writes and mcountinhibit. */
#include "exec.h"

    trap_prologue
    csrr a0, minstret
    csrr a1, minstret
    li t0, 100
    csrw minstret, t0
    csrr a2, minstret
    csrwi mcountinhibit, 4
    csrr a3, minstret
    nop
    nop
    csrr a4, minstret
    csrwi mcountinhibit, 0
    nop
    csrr a5, minstret
    csrr a6, mcycle
    wfi
