/* SPDX-License-Identifier: MIT */
/* An IT block to single-step, one instruction per TB. */
#include "exec.h"

reset:
    movs r0, #0
    cmp r0, #0
    itete eq
    addeq r0, #1
    addne r0, #2
    addeq r0, #4
    addne r0, #8
    nop
1:  wfi
    b 1b
