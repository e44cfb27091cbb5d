/* SPDX-License-Identifier: MIT */
/* NMI, pended through ICSR, taken through PRIMASK and FAULTMASK. */
#include "exec.h"

reset:
    cpsid i
    cpsid f
    ldr r0, =0xe000ed04
    mov r1, #0x80000000
    str r1, [r0]
    isb
    movs r5, #1
1:  wfi
    b 1b
nmi_h:
    mrs r11, ipsr
    movs r6, #2
    bx lr
