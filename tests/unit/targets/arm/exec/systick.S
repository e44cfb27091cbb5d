/* SPDX-License-Identifier: MIT */
/* SysTick on the processor clock: three wraps counted by the handler
 * while the core sleeps, then semihosting exits with the count. */
#include "exec.h"

reset:
    ldr r0, =0xe000e010
    ldr r1, =49999
    str r1, [r0, #4]
    movs r1, #0
    str r1, [r0, #8]
    movs r1, #7
    str r1, [r0]
    ldr r2, =0x20000000
1:  ldr r3, [r2]
    cmp r3, #3
    bge 2f
    wfi
    b 1b
2:  ldr r4, [r0]
    ldr r5, [r0, #8]
    movs r1, #0
    str r1, [r0]
    ldr r6, [r0, #12]
    ldr r1, =exit
    movs r0, #0x20
    bkpt 0xab
systick_h:
    ldr r0, =0x20000000
    ldr r1, [r0]
    adds r1, #1
    str r1, [r0]
    bx lr
.align 2
exit: .word 0x20026, 3
