/* SPDX-License-Identifier: MIT */
/* AIRCR.SYSRESETREQ resets the core; SRAM keeps a run counter. */
#include "exec.h"

reset:
    ldr r0, =0x20000000
    ldr r1, [r0]
    adds r1, #1
    str r1, [r0]
    cmp r1, #2
    bge 1f
    movs r4, #0x55
    ldr r0, =0xe000ed0c
    ldr r1, =0x05fa0004
    str r1, [r0]
    dsb
2:  b 2b
1:  wfi
    b 1b
