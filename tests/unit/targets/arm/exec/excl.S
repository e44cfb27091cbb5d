/* SPDX-License-Identifier: MIT */
/* The exclusive monitor: LDREX/STREX pairs, CLREX, and an exception
 * clearing it. */
#include "exec.h"

svc_h:
    bx lr
reset:
    ldr r0, =0x20000100
    movs r1, #5
    str r1, [r0]
    ldrex r2, [r0]
    adds r2, #1
    strex r3, r2, [r0]
    strex r4, r2, [r0]
    ldrex r5, [r0]
    clrex
    strex r6, r2, [r0]
    ldrex r7, [r0]
    svc #0
    strex r8, r2, [r0]
    ldrexb r9, [r0]
    movs r1, #0x77
    strexb r10, r1, [r0]
    ldr r11, [r0]
1:  wfi
    b 1b
