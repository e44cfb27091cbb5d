/* SPDX-License-Identifier: MIT */
/* TBB, TBH, CBZ, CBNZ, BL, BLX, and POP {pc} / LDR pc as branches. */
#include "exec.h"

reset:
    movs r0, #2
    tbb [pc, r0]
tbl:
    .byte (c0 - tbl) / 2, (c1 - tbl) / 2, (c2 - tbl) / 2, 0
c0: movs r1, #10
    b 3f
c1: movs r1, #11
    b 3f
c2: movs r1, #12
3:  movs r0, #1
    tbh [pc, r0, lsl #1]
tblh:
    .short (h0 - tblh) / 2, (h1 - tblh) / 2
h0: movs r2, #20
    b 4f
h1: movs r2, #21
4:  movs r0, #0
    cbz r0, 5f
    movs r3, #30
5:  cbnz r0, 6f
    movs r4, #40
6:  bl func
    ldr r0, =func
    blx r0
    adr r0, 7f
    adds r0, #1
    push {r0}
    pop {pc}
    movs r7, #1
7:  adr r0, 8f
    adds r0, #1
    push {r0}
    ldr pc, [sp], #4
    movs r7, #2
8:  movs r8, #8
1:  wfi
    b 1b
    .thumb_func
func:
    adds r5, #1
    push {lr}
    pop {pc}
