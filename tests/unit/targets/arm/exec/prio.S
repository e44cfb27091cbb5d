/* SPDX-License-Identifier: MIT */
/* Priorities: BASEPRI and PRIMASK mask, a higher priority preempts,
 * PRIGROUP 7 stops preemption; each step appends to a log at 0x20000000. */
#include "exec.h"

reset:
    ldr r0, =0xe000e400
    ldr r1, =0xc0204080
    str r1, [r0]
    ldr r0, =0xe000e100
    movs r1, #0xf
    str r1, [r0]
    movs r0, #0x40
    msr basepri, r0
    ldr r4, =0xe000e200
    movs r1, #1
    str r1, [r4]
    isb
    movs r0, #0x10
    bl log
    movs r1, #2
    str r1, [r4]
    isb
    movs r0, #0x11
    bl log
    movs r0, #0
    msr basepri, r0
    movs r0, #0x12
    bl log
    cpsid i
    movs r1, #4
    str r1, [r4]
    isb
    movs r0, #0x13
    bl log
    cpsie i
    movs r0, #0x14
    bl log
    ldr r0, =0xe000ed0c
    ldr r1, =0x05fa0700
    str r1, [r0]
    movs r1, #8
    str r1, [r4]
    isb
    movs r0, #0x15
    bl log
1:  wfi
    b 1b
irq0_h:
    push {r4, lr}
    movs r0, #0x20
    bl log
    pop {r4, pc}
irq1_h:
    push {r4, lr}
    movs r0, #0x21
    bl log
    ldr r4, =0xe000e200
    movs r1, #4
    str r1, [r4]
    isb
    movs r0, #0x25
    bl log
    pop {r4, pc}
irq2_h:
    push {r4, lr}
    movs r0, #0x22
    bl log
    pop {r4, pc}
irq3_h:
    push {r4, lr}
    movs r0, #0x23
    bl log
    ldr r4, =0xe000e200
    movs r1, #4
    str r1, [r4]
    isb
    movs r0, #0x26
    bl log
    pop {r4, pc}
log:
    ldr r1, =0x20000000
    ldr r2, [r1]
    adds r2, #1
    str r2, [r1]
    str r0, [r1, r2, lsl #2]
    bx lr
