/* SPDX-License-Identifier: MIT */
/* A level-sensitive NVIC line taken again while still high; the
 * handler disables it the second time. */
#include "exec.h"

reset:
    ldr r0, =0xe000e100
    movs r1, #8
    str r1, [r0]
    ldr r0, =0xe000e403
    movs r1, #0x40
    strb r1, [r0]
1:  wfi
    b 1b
irq3_h:
    ldr r0, =0x20000000
    ldr r1, [r0]
    adds r1, #1
    str r1, [r0]
    mrs r11, ipsr
    ldr r2, =0xe000e300
    ldr r4, [r2]
    ldr r2, =0xe000e200
    ldr r5, [r2]
    cmp r1, #2
    bne 2f
    ldr r2, =0xe000e180
    movs r3, #8
    str r3, [r2]
2:  bx lr
