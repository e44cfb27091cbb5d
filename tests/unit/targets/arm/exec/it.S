/* SPDX-License-Identifier: MIT */
/* IT blocks: then/else patterns, conditions, and a branch that ends one. */
#include "exec.h"

reset:
    movs r0, #1
    cmp r0, #1
    itete eq
    moveq r1, #10
    movne r2, #20
    moveq r3, #30
    movne r4, #40
    movs r5, #0
    cmp r0, #2
    ittt gt
    addgt r5, #1
    addgt r5, #2
    addgt r5, #4
    it lt
    addlt r5, #8
    movs r6, #0
    cmp r6, #0
    it eq
    addeq r6, r6, #1
    it eq
    moveq r7, #99
    cmp r0, #1
    it eq
    beq 2f
    mov r8, #1
2:  mov r9, #2
1:  wfi
    b 1b
