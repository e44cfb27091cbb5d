/* SPDX-License-Identifier: MIT */
/* Unaligned LDR and LDRH are allowed until CCR.UNALIGN_TRP is set. */
#include "exec.h"

reset:
    ldr r0, =0x20000100
    ldr r1, =0x44332211
    str r1, [r0]
    ldr r1, =0x88776655
    str r1, [r0, #4]
    ldr r3, [r0, #1]
    ldrh r4, [r0, #3]
    ldr r1, =0xe000ed14
    ldr r5, [r1]
    orr r5, r5, #8
    str r5, [r1]
    ldrb r6, [r0, #3]
    ldr r7, [r0, #2]
    b reset
