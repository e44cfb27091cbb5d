/* SPDX-License-Identifier: MIT */
/* SVC from unprivileged Thread mode on the PSP: the stacked frame, the
 * EXC_RETURN and the immediate read back from the SVC instruction. */
#include "exec.h"

reset:
    ldr r0, =0x20000800
    msr psp, r0
    movs r0, #3
    msr control, r0
    isb
    movs r0, #0x10
    movs r1, #0x11
    movs r2, #0x12
    movs r3, #0x13
    mov r12, #0x1c
    ldr r4, =0x12345678
    mov lr, r4
    movs r5, #0
    subs r5, #1
    svc #42
back:
    mov r6, #1
    mrs r7, control
    mrs r8, psp
    mov r9, sp
1:  wfi
    b 1b
svc_h:
    mrs r10, psp
    mrs r11, ipsr
    ldm r10, {r0-r7}
    ldr r8, =0x20000100
    stm r8, {r0-r7, lr}
    ldr r0, [r10, #24]
    ldrb r1, [r0, #-2]
    str r1, [r10]
    bx lr
