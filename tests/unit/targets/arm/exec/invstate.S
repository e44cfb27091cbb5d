/* SPDX-License-Identifier: MIT */
/* BX to an address with bit 0 clear: INVSTATE at the target. */
#include "exec.h"

reset:
    ldr r0, =target
    bic r0, r0, #1
    bx r0
.thumb_func
target:
    nop
