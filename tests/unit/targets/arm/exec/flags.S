/* SPDX-License-Identifier: MIT */
/* NZCV, Q and GE after arithmetic, saturation and SIMD adds; MSR
 * APSR_nzcvq keeps GE. (On a Cortex-M3, QADD is UNDEFINED.) */
#include "exec.h"

reset:
    ldr r0, =0x7fffffff
    adds r8, r0, #1
    mrs r1, apsr
    movs r0, #0
    subs r8, r0, #1
    mrs r2, apsr
    mvns r0, r0
    adds r8, r0, r0
    mrs r3, apsr
    movs r0, #5
    cmp r0, #5
    mrs r4, apsr
    ldr r0, =0x80000000
    movs r7, #1
    sbcs r8, r0, r7
    mrs r5, apsr
    adcs r8, r8, r8
    mrs r6, apsr
    ldr r0, =0x80000000
    asrs r8, r0, #32
    mrs r7, apsr
    mov r0, #0x7fffffff
    qadd r8, r0, r0
    mrs r9, apsr
    ldr r0, =0x01ff7f80
    ldr r12, =0x01017f81
    sadd8 r8, r0, r12
    mrs r10, apsr
    msr apsr_nzcvq, r12
    mrs r11, apsr
1:  wfi
    b 1b
