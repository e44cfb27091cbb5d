/* SPDX-License-Identifier: MIT */
/*
 * Special registers and masking (ARMv7-M ARM B1.4, B5.2): MRS/MSR of the
 * APSR (flags and Q), IPSR (0 in thread mode), EPSR (reads 0), MSP, PSP,
 * PRIMASK, FAULTMASK, BASEPRI and BASEPRI_MAX (which only ever raises the
 * priority), CONTROL; CPSID/CPSIE for I and F; an enabled, pending
 * interrupt held off by PRIMASK, FAULTMASK and BASEPRI (by priority) and
 * taken once they allow it; WFI returning for a pending interrupt that
 * PRIMASK masks; SEV then WFE; the barriers and hints; unprivileged thread
 * mode ignoring MSR to PRIMASK and CPS, refused (BusFault) by the NVIC,
 * and back to privileged through SVC.
 */
#include "test.h"

TEST_BEGIN sys

    /* APSR, IPSR, EPSR */
    SET_FLAGS FLAG_N | FLAG_Z | FLAG_C | FLAG_V | FLAG_Q
    mrs r0, apsr
    and r0, r0, #FLAGS_NZCVQ
    CHECK r0, FLAGS_NZCVQ
    SET_FLAGS 0
    mrs r0, apsr
    and r0, r0, #FLAGS_NZCVQ
    CHECK r0, 0
    mrs r0, ipsr
    CHECK r0, 0
    mrs r0, epsr
    CHECK r0, 0
    mrs r0, xpsr
    LI r1, ~FLAGS_NZCVQ
    and r0, r0, r1
    CHECK r0, 0
    mrs r0, iepsr
    CHECK r0, 0

    /* MSP and PSP */
    mov r8, sp
    mrs r0, msp
    CHECK_SAME r0, r8
    LI r1, 0x1234
    msr psp, r1
    mrs r0, psp
    CHECK r0, 0x1234
    mrs r0, control
    CHECK r0, 0

    /* PRIMASK, FAULTMASK, BASEPRI */
    cpsid i
    mrs r0, primask
    CHECK r0, 1
    cpsie i
    mrs r0, primask
    CHECK r0, 0
    movs r1, #1
    msr primask, r1
    mrs r0, primask
    CHECK r0, 1
    movs r1, #0
    msr primask, r1
    cpsid f
    mrs r0, faultmask
    CHECK r0, 1
    cpsie f
    mrs r0, faultmask
    CHECK r0, 0
    movs r1, #0x40
    msr basepri, r1
    mrs r0, basepri
    CHECK r0, 0x40
    movs r1, #0x80
    msr basepri_max, r1         /* lower priority: ignored */
    mrs r0, basepri
    CHECK r0, 0x40
    movs r1, #0x20
    msr basepri_max, r1
    mrs r0, basepri
    CHECK r0, 0x20
    movs r1, #0
    msr basepri_max, r1         /* 0 is not a priority: ignored */
    mrs r0, basepri
    CHECK r0, 0x20
    msr basepri, r1
    movs r1, #0x60
    msr basepri_max, r1         /* from 0 any value applies */
    mrs r0, basepri
    CHECK r0, 0x60
    movs r1, #0
    msr basepri, r1

    /* a pending interrupt waits for the masks */
    SET_IRQ_PRIO 16, 0x80
    IRQ_ENABLE 16
    cpsid i
    EXC_EXPECT
    IRQ_PEND 16
    SYNC
    EXC_FIELD ST_COUNT
    CHECK r10, 0
    RD32 r0, SCB_ICSR
    ubfx r0, r0, #12, #9        /* VECTPENDING */
    CHECK r0, EXC_IRQ(16)
    cpsie i
    isb
    CHECK_EXC EXC_IRQ(16)
    cpsid f
    EXC_EXPECT
    IRQ_PEND 16
    SYNC
    EXC_FIELD ST_COUNT
    CHECK r10, 0
    cpsie f
    isb
    CHECK_EXC EXC_IRQ(16)
    /* BASEPRI masks priorities numerically at or above it */
    movs r0, #0x80
    msr basepri, r0
    EXC_EXPECT
    IRQ_PEND 16
    SYNC
    EXC_FIELD ST_COUNT
    CHECK r10, 0
    movs r0, #0x60
    msr basepri, r0
    isb
    EXC_FIELD ST_COUNT
    CHECK r10, 0
    movs r0, #0xa0
    msr basepri, r0
    isb
    CHECK_EXC EXC_IRQ(16)
    movs r0, #0
    msr basepri, r0

    /* WFI returns for an interrupt that PRIMASK masks; SEV then WFE */
    cpsid i
    EXC_EXPECT
    IRQ_PEND 16
    SYNC
    wfi
    EXC_FIELD ST_COUNT
    CHECK r10, 0
    cpsie i
    isb
    CHECK_EXC EXC_IRQ(16)
    IRQ_DISABLE 16
    sev
    wfe
    /* barriers and hints */
    NEXT_CHECK
    movs r0, #1
    dmb
    dsb
    isb
    dmb sy
    dsb sy
    isb sy
    nop
    nop.w
    yield
    EXPECT r0, 1

    /* unprivileged thread mode */
    movs r0, #1
    msr control, r0
    isb
    mrs r0, control
    CHECK r0, 1
    movs r1, #1
    msr primask, r1             /* ignored */
    cpsid i                     /* ignored */
    mrs r0, primask
    CHECK r0, 0
    msr basepri, r1             /* ignored */
    mrs r0, basepri
    CHECK r0, 0
    /* the System Control Space refuses unprivileged access */
    EXC_EXPECT
    LI r1, SCB_ICSR
1:  ldr r0, [r1]
    CHECK_EXC EXC_HARDFAULT
    CHECK_EXC_PC 1b
    /* SVC runs privileged and can drop the restriction */
    EXC_HOOK hook_make_privileged
    EXC_EXPECT
    svc #0
    EXC_HOOK 0
    CHECK_EXC EXC_SVCALL
    CHECK_EXC_FIELD ST_CONTROL, 1
    mrs r0, control
    CHECK r0, 0
    EXC_EXPECT 0
    RD32 r0, SCB_ICSR
    LI r1, ICSR_VECTACTIVE
    and r0, r0, r1
    CHECK r0, 0

    TEST_PASS

/* Hook: clear CONTROL.nPRIV from the handler. */
    .thumb_func
hook_make_privileged:
    mrs r0, control
    bic r0, r0, #1
    msr control, r0
    bx lr
