/* SPDX-License-Identifier: MIT */
/* Division by zero: 0 without CCR.DIV_0_TRP, a UsageFault with it. */
#include "exec.h"

reset:
    movs r1, #7
    movs r2, #0
    sdiv r3, r1, r2
    udiv r4, r1, r2
    ldr r0, =0xe000ed14
    ldr r5, [r0]
    orr r5, r5, #0x10
    str r5, [r0]
    ldr r0, =0xe000ed24
    mov r1, #0x40000
    str r1, [r0]
    udiv r4, r1, r2
    b reset
