/* SPDX-License-Identifier: MIT */
/*
 * Architectural details where QEMU 7.2 differs, so run.sh runs this file
 * on Mosaic only: a divide by zero that traps (CCR.DIV_0_TRP) does not
 * write its destination, like every other instruction that faults
 * (ARMv7-M ARM A7.7.127: GenerateIntegerZeroDivide before R[d] is set).
 */
#include "test.h"

TEST_BEGIN strict

    WR32 SCB_SHCSR, SHCSR_USGFAULTENA
    RD32 r0, SCB_CCR
    orr r0, r0, #CCR_DIV_0_TRP
    str r0, [r10]
    SYNC
    EXC_EXPECT
    movs r0, #7
    movs r1, #0
    movs r2, #0x33
1:  sdiv r2, r0, r1
    CHECK_EXC EXC_USAGEFAULT
    CHECK_EXC_PC 1b
    CHECK_EXC_FIELD ST_R2, 0x33
    CHECK r2, 0x33
    EXC_EXPECT
    movs r3, #0x44
2:  udiv r3, r0, r1
    CHECK_EXC EXC_USAGEFAULT
    CHECK r3, 0x44

    TEST_PASS
