/* SPDX-License-Identifier: MIT */
/*
 * Faults (ARMv7-M ARM B1.5.14-B1.5.16, B3.2.15-B3.2.18): UDF escalating
 * to HardFault (HFSR.FORCED) while UsageFault is disabled and taken as
 * UsageFault once SHCSR enables it; NOCP for a coprocessor instruction;
 * DIVBYZERO with CCR.DIV_0_TRP; UNALIGNED for LDM, STM, LDRD and LDREX at
 * any unaligned address and for word and halfword accesses with
 * CCR.UNALIGN_TRP; INVSTATE after BX to an even address; precise BusFault
 * on a load from unmapped memory with BFAR, IBUSERR on a fetch there,
 * both escalating to HardFault when BusFault is disabled; escalation of an
 * enabled fault whose priority does not beat BASEPRI; MemManage IACCVIOL
 * for an instruction fetch from the execute-never peripheral region.
 * Status registers are cleared by writing ones (runtime.S does).
 */
#include "test.h"

#define CFSR_NOCP (1 << 19)
#define ALL_FAULTS (SHCSR_USGFAULTENA | SHCSR_BUSFAULTENA | SHCSR_MEMFAULTENA)

/* One case: a UsageFault with cause bits cfsr at label. */
.macro CHECK_USAGE cfsr, label
    CHECK_EXC EXC_USAGEFAULT
    CHECK_EXC_FIELD ST_CFSR, \cfsr
    CHECK_EXC_PC \label
.endm

TEST_BEGIN fault

    /* UDF while UsageFault is disabled: HardFault */
    EXC_EXPECT
1:  udf #0
    CHECK_EXC EXC_HARDFAULT
    CHECK_EXC_PC 1b
    CHECK_EXC_FIELD ST_HFSR, HFSR_FORCED
    CHECK_EXC_FIELD ST_CFSR, CFSR_UNDEFINSTR
    RD32 r0, SCB_CFSR
    CHECK r0, 0
    RD32 r0, SCB_HFSR
    CHECK r0, 0

    /* enabled: UsageFault */
    WR32 SCB_SHCSR, ALL_FAULTS
    RD32 r0, SCB_SHCSR
    CHECK r0, ALL_FAULTS
    EXC_EXPECT
2:  udf.w #0
    CHECK_USAGE CFSR_UNDEFINSTR, 2b
    CHECK_EXC_FIELD ST_HFSR, 0
    CHECK_EXC_FIELD ST_EXCRET, EXC_RETURN_THREAD_MSP
    EXC_EXPECT
3:  mrc p15, 0, r0, c0, c0, 0
    CHECK_USAGE CFSR_NOCP, 3b

    /* divide by zero with the trap on (whether the destination is written
     * first is not checked: QEMU 7.2 writes 0) */
    RD32 r0, SCB_CCR
    orr r0, r0, #CCR_DIV_0_TRP
    str r0, [r10]
    SYNC
    EXC_EXPECT
    movs r0, #7
    movs r1, #0
4:  sdiv r2, r0, r1
    CHECK_USAGE CFSR_DIVBYZERO, 4b
    EXC_EXPECT
    movs r0, #7
    movs r1, #0
5:  udiv r2, r0, r1
    CHECK_USAGE CFSR_DIVBYZERO, 5b
    movs r0, #7
    movs r1, #2
    udiv r2, r0, r1
    CHECK r2, 3
    RD32 r0, SCB_CCR
    bic r0, r0, #CCR_DIV_0_TRP
    str r0, [r10]
    SYNC

    /* unaligned multiple, doubleword and exclusive accesses always fault */
    LI r4, fault_buf + 2
    EXC_EXPECT
6:  ldm r4, {r0, r1}
    CHECK_USAGE CFSR_UNALIGNED, 6b
    EXC_EXPECT
    movs r0, #0x11
    movs r1, #0x22
7:  stmia r4!, {r0, r1}
    CHECK_USAGE CFSR_UNALIGNED, 7b
    LI r0, fault_buf + 2
    CHECK_SAME r4, r0
    LI r0, fault_buf
    ldr r1, [r0]
    CHECK r1, 0xf0f1f2f3
    EXC_EXPECT
8:  ldrd r0, r1, [r4]
    CHECK_USAGE CFSR_UNALIGNED, 8b
    EXC_EXPECT
9:  ldrex r0, [r4]
    CHECK_USAGE CFSR_UNALIGNED, 9b

    /* CCR.UNALIGN_TRP: unaligned words and halfwords fault, bytes not */
    RD32 r0, SCB_CCR
    orr r0, r0, #CCR_UNALIGN_TRP
    str r0, [r10]
    SYNC
    EXC_EXPECT
10: ldr r0, [r4]
    CHECK_USAGE CFSR_UNALIGNED, 10b
    EXC_EXPECT
11: ldrh r0, [r4, #1]
    CHECK_USAGE CFSR_UNALIGNED, 11b
    EXC_EXPECT
12: str r0, [r4, #4]
    CHECK_USAGE CFSR_UNALIGNED, 12b
    EXC_EXPECT 0
    ldrh r0, [r4]
    CHECK r0, 0xf0f1
    ldrb r0, [r4, #1]
    CHECK r0, 0xf0
    RD32 r0, SCB_CCR
    bic r0, r0, #CCR_UNALIGN_TRP
    str r0, [r10]
    SYNC

    /* BX to an even address: the next instruction faults with INVSTATE */
    EXC_EXPECT_RESUME 14f
    LI r0, 13f
    bic r0, r0, #1
    bx r0
    .align 2                    /* QEMU 7.2 reports UNALIGNED for 2 mod 4 */
13: nop
    nop
14: CHECK_USAGE CFSR_INVSTATE, 13b
    EXC_FIELD ST_XPSR
    and r10, r10, #XPSR_T
    CHECK r10, 0

    /* BusFault: a load from unmapped memory (precise, BFAR valid) */
    LI r1, UNMAPPED_ADDR + 0x10
    movs r0, #0x55
    EXC_EXPECT
15: ldr r0, [r1]
    CHECK_EXC EXC_BUSFAULT
    CHECK_EXC_PC 15b
    CHECK_EXC_FIELD ST_CFSR, CFSR_PRECISERR | CFSR_BFARVALID
    CHECK_EXC_FIELD ST_BFAR, UNMAPPED_ADDR + 0x10
    CHECK r0, 0x55
    /* a fetch from there: IBUSERR, stacked pc = the address */
    EXC_EXPECT_RESUME 16f
    LI r0, UNMAPPED_ADDR | 1
    blx r0
16: CHECK_EXC EXC_BUSFAULT
    CHECK_EXC_FIELD ST_CFSR, CFSR_IBUSERR
    CHECK_EXC_FIELD ST_PC, UNMAPPED_ADDR
    /* BusFault disabled: both escalate */
    WR32 SCB_SHCSR, SHCSR_USGFAULTENA | SHCSR_MEMFAULTENA
    EXC_EXPECT
17: ldrb r0, [r1, #1]
    CHECK_EXC EXC_HARDFAULT
    CHECK_EXC_PC 17b
    CHECK_EXC_FIELD ST_HFSR, HFSR_FORCED
    CHECK_EXC_FIELD ST_CFSR, CFSR_PRECISERR | CFSR_BFARVALID
    CHECK_EXC_FIELD ST_BFAR, UNMAPPED_ADDR + 0x11
    EXC_EXPECT_RESUME 18f
    LI r0, UNMAPPED_ADDR | 1
    blx r0
18: CHECK_EXC EXC_HARDFAULT
    CHECK_EXC_FIELD ST_HFSR, HFSR_FORCED
    CHECK_EXC_FIELD ST_CFSR, CFSR_IBUSERR

    /* an enabled fault that cannot preempt BASEPRI escalates */
    SET_EXC_PRIO EXC_USAGEFAULT, 0x80
    movs r0, #0x40
    msr basepri, r0
    EXC_EXPECT
19: udf #1
    movs r0, #0
    msr basepri, r0
    CHECK_EXC EXC_HARDFAULT
    CHECK_EXC_PC 19b
    CHECK_EXC_FIELD ST_HFSR, HFSR_FORCED
    CHECK_EXC_FIELD ST_CFSR, CFSR_UNDEFINSTR
    EXC_EXPECT
20: udf #2
    CHECK_USAGE CFSR_UNDEFINSTR, 20b

    /* a fetch from the execute-never peripheral region: MemManage */
    WR32 SCB_SHCSR, ALL_FAULTS
    EXC_EXPECT_RESUME 21f
    LI r0, UART0_BASE | 1
    blx r0
21: CHECK_EXC EXC_MEMMANAGE
    CHECK_EXC_FIELD ST_CFSR, CFSR_IACCVIOL
    CHECK_EXC_FIELD ST_PC, UART0_BASE

    TEST_PASS

    .data
    .align 3
fault_buf:
    .word 0xf0f1f2f3, 0xe0e1e2e3, 0xd0d1d2d3, 0xc0c1c2c3
