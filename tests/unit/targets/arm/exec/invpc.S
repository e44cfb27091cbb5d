/* SPDX-License-Identifier: MIT */
/* An SVC handler returning to a bad EXC_RETURN: INVPC. */
#include "exec.h"

reset:
    svc #0
    b reset
svc_h:
    ldr r0, =0xfffffff5
    bx r0
