/* SPDX-License-Identifier: MIT */
/* The special registers: MSP/PSP through SPSEL, BASEPRI_MAX, FAULTMASK,
 * unprivileged MSR and MRS, and xPSR. */
#include "exec.h"

reset:
    mrs r0, msp
    ldr r1, =0x20000800
    msr psp, r1
    movs r2, #2
    msr control, r2
    isb
    mov r3, sp
    movs r2, #0
    msr control, r2
    isb
    mov r4, sp
    movs r2, #0x60
    msr basepri, r2
    movs r2, #0x80
    msr basepri_max, r2
    mrs r5, basepri
    movs r2, #0x20
    msr basepri_max, r2
    mrs r6, basepri
    movs r2, #1
    msr faultmask, r2
    mrs r7, faultmask
    cpsie f
    mrs r8, faultmask
    movs r2, #1
    msr control, r2
    isb
    movs r2, #0
    msr basepri, r2
    mrs r9, basepri
    mrs r10, msp
    mrs r12, xpsr
    svc #0
svc_h:
    mrs r11, control
1:  wfi
    b 1b
