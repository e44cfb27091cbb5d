/* SPDX-License-Identifier: MIT */
/* A fault inside an IT block: the handler returns past the UDF and the
 * block goes on with the stacked ITSTATE. */
#include "exec.h"

usage_h:
    ldr r4, [sp, #28]
    ldr r2, [sp, #24]
    adds r2, #2
    str r2, [sp, #24]
    bx lr
reset:
    ldr r0, =0xe000ed24
    mov r1, #0x40000
    str r1, [r0]
    movs r0, #0
    movs r3, #0
    cmp r0, #0
    ittet eq
    addeq r3, #1
    udfeq #1
    addne r3, #2
    addeq r3, #4
1:  wfi
    b 1b
