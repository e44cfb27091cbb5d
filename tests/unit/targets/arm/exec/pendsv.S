/* SPDX-License-Identifier: MIT */
/* PendSV pended by the SVC handler runs after it and before Thread
 * mode goes on; each step appends to a log at 0x20000000. */
#include "exec.h"

reset:
    ldr r0, =0xe000ed20
    ldr r1, =0x80ff0000
    str r1, [r0]
    movs r0, #1
    bl log
    svc #0
    movs r0, #4
    bl log
1:  wfi
    b 1b
svc_h:
    push {lr}
    movs r0, #2
    bl log
    ldr r0, =0xe000ed04
    mov r1, #0x10000000
    str r1, [r0]
    movs r0, #3
    bl log
    pop {pc}
pendsv_h:
    push {r4, lr}
    movs r0, #5
    bl log
    pop {r4, pc}
log:
    ldr r1, =0x20000000
    ldr r2, [r1]
    adds r2, #1
    str r2, [r1]
    str r0, [r1, r2, lsl #2]
    bx lr
