/* SPDX-License-Identifier: MIT */
/*
 * The FP extension's system side (ARMv7-M ARM B1.5.6-B1.5.8,
 * B3.2.20-B3.2.22): CPACR and the NOCP UsageFault (escalated to HardFault
 * when UsageFault is off; CP10 = 01 denies unprivileged code), CONTROL.FPCA
 * set by the first FP instruction (FPCCR.ASPEN), the extended exception
 * frame (S0-S15 and FPSCR after the basic frame, EXC_RETURN bit 4 clear,
 * always 8-byte aligned), lazy state preservation (FPCCR.LSPEN: FPCAR
 * points into the reserved frame, LSPACT is set until the handler's first
 * FP instruction stores the registers there), immediate preservation
 * with LSPEN clear (a handler may then change the stacked S registers, as
 * an RTOS switching tasks does), a new FP context starting from FPDSCR,
 * and ASPEN clear leaving FPCA to software. Expected values agree with
 * QEMU's mps2-an386 and mps2-an500.
 */
#include "test.h"

    .fpu fpv4-sp-d16

#define CPACR 0xe000ed88
#define FPCCR 0xe000ef34
#define FPCAR 0xe000ef38
#define FPDSCR 0xe000ef3c
#define MVFR0 0xe000ef40
#define CFSR_NOCP (1 << 19)
#define CONTROL_NPRIV 1
#define CONTROL_FPCA 4
#define FPCCR_ASPEN 0x80000000
#define FPCCR_LSPEN 0x40000000
#define FPCCR_LSPACT 0x1
#define EXC_RETURN_THREAD_MSP_FP 0xffffffe9

/* What the hooks saw in the handler (ctx below). */
#define C_FRAME 0     /* the stacked frame */
#define C_FPCCR1 4    /* FPCCR on entry */
#define C_FPCAR 8
#define C_CONTROL1 12 /* CONTROL on entry */
#define C_FPSCR 16    /* FPSCR after the handler's first FP instruction */
#define C_FPCCR2 20   /* FPCCR after it */
#define C_CONTROL2 24
#define C_S0 28       /* the frame's S0 and FPSCR words after it */
#define C_SFPSCR 32

/* s0-s15 = 1.0, 2.0, ... 16.0 (from the constant table). */
.macro FILL_S0_S15
    LI r0, fp_values
    vldmia r0, {s0-s15}
.endm

TEST_BEGIN vfpctx
    /* Reset state. */
    RD32 r0, CPACR
    CHECK r0, 0
    RD32 r0, FPCCR
    CHECK r0, FPCCR_ASPEN | FPCCR_LSPEN
    mrs r0, control
    CHECK r0, 0
    RD32 r0, MVFR0
    and r0, r0, #0xf0               /* single precision: 2 */
    CHECK r0, 0x20

    /* CP10/CP11 off: NOCP, a UsageFault or a forced HardFault. */
    WR32 SCB_SHCSR, SHCSR_USGFAULTENA
    EXC_EXPECT
    vadd.f32 s0, s0, s0
    CHECK_EXC EXC_USAGEFAULT
    CHECK_EXC_FIELD ST_CFSR, CFSR_NOCP
    WR32 SCB_SHCSR, 0
    EXC_EXPECT
    vmov s0, r0
    CHECK_EXC EXC_HARDFAULT
    CHECK_EXC_FIELD ST_HFSR, HFSR_FORCED
    CHECK_EXC_FIELD ST_CFSR, CFSR_NOCP
    mrs r0, control                 /* a faulting FP instruction is no context */
    CHECK r0, 0

    /* CP10 = 01: privileged code only. The first FP instruction marks an
     * FP context active (ASPEN). */
    WR32 CPACR, 0x00500000
    SYNC
    vmov.f32 s0, #1.0
    vmov r0, s0
    CHECK r0, 0x3f800000
    mrs r0, control
    CHECK r0, CONTROL_FPCA
    WR32 SCB_SHCSR, SHCSR_USGFAULTENA
    EXC_EXPECT 2
    EXC_HOOK back_to_privileged
    mrs r0, control
    orr r0, r0, #CONTROL_NPRIV
    msr control, r0
    isb
    vmov.f32 s0, #2.0               /* unprivileged: NOCP */
    svc #0                          /* the hook clears nPRIV */
    CHECK_EXC EXC_SVCALL, 2
    CHECK_LOG 0, EXC_USAGEFAULT, EXC_RETURN_THREAD_MSP_FP
    EXC_FIELD ST_LOG + 8
    CHECK r10, EXC_SVCALL
    EXC_HOOK 0
    WR32 SCB_SHCSR, 0
    vmov r0, s0
    CHECK r0, 0x3f800000
    mrs r0, control
    CHECK r0, CONTROL_FPCA

    /* Full access. Lazy preservation: entry reserves the extended frame
     * and records it; the handler's first FP instruction saves S0-S15
     * and FPSCR there and starts a fresh context from FPDSCR; the return
     * restores the thread's registers from the frame. */
    WR32 CPACR, 0x00f00000
    SYNC
    FILL_S0_S15
    LI r0, 0x00c00010               /* RZ, IXC */
    vmsr fpscr, r0
    sub sp, sp, #4                  /* the frame must realign */
    EXC_EXPECT
    EXC_HOOK fp_hook
    svc #0
    add sp, sp, #4
    CHECK_EXC EXC_SVCALL
    CHECK_EXC_FIELD ST_EXCRET, EXC_RETURN_THREAD_MSP_FP
    EXC_FIELD ST_XPSR               /* the stack was realigned */
    and r10, r10, #0x200
    CHECK r10, 0x200
    LI r9, ctx
    ldr r0, [r9, #C_FRAME]
    and r0, r0, #7
    CHECK r0, 0
    ldr r0, [r9, #C_FPCCR1]
    CHECK r0, 0xc0000019            /* ASPEN LSPEN HFRDY THREAD LSPACT */
    ldr r0, [r9, #C_FRAME]
    add r0, r0, #0x20
    ldr r1, [r9, #C_FPCAR]
    CHECK_SAME r1, r0
    ldr r0, [r9, #C_CONTROL1]
    CHECK r0, 0                     /* entry clears FPCA */
    ldr r0, [r9, #C_FPSCR]
    CHECK r0, 0                     /* FPDSCR */
    ldr r0, [r9, #C_FPCCR2]
    CHECK r0, 0xc0000018
    ldr r0, [r9, #C_CONTROL2]
    CHECK r0, CONTROL_FPCA
    ldr r0, [r9, #C_S0]
    CHECK r0, 0x3f800000
    ldr r0, [r9, #C_SFPSCR]
    CHECK r0, 0x00c00010
    vmov r0, s0                     /* the thread's registers are back */
    CHECK r0, 0x3f800000
    vmov r0, s15
    CHECK r0, 0x41800000
    vmrs r0, fpscr
    CHECK r0, 0x00c00010
    mrs r0, control
    CHECK r0, CONTROL_FPCA

    /* A handler without FP instructions: nothing is saved, the return
     * only ends the lazy state. */
    vmov.f32 s0, #3.0
    EXC_EXPECT
    EXC_HOOK 0
    svc #0
    RD32 r0, FPCCR
    CHECK r0, 0xc0000018
    vmov r0, s0
    CHECK r0, 0x40400000

    /* LSPEN clear: entry stores the registers at once, and a handler
     * that changes the stacked S0 and FPSCR changes the thread's. */
    WR32 FPCCR, FPCCR_ASPEN
    vmov.f32 s0, #4.0
    EXC_EXPECT
    EXC_HOOK frame_hook
    svc #0
    LI r9, ctx
    ldr r0, [r9, #C_FPCCR1]
    CHECK r0, FPCCR_ASPEN           /* no lazy state recorded */
    ldr r0, [r9, #C_S0]
    CHECK r0, 0x40800000
    vmov r0, s0
    CHECK r0, 0x41200000            /* 10.0, written by the hook */
    vmrs r0, fpscr
    CHECK r0, 0x02000000
    vmov r0, s1
    CHECK r0, 0x40000000

    /* FPDSCR gives a new context its modes. */
    WR32 FPCCR, FPCCR_ASPEN | FPCCR_LSPEN
    WR32 FPDSCR, 0x01c00000         /* FZ, RZ */
    RD32 r0, FPDSCR
    CHECK r0, 0x01c00000
    EXC_EXPECT
    EXC_HOOK fp_hook
    svc #0
    LI r9, ctx
    ldr r0, [r9, #C_FPSCR]
    CHECK r0, 0x01c00000
    vmrs r0, fpscr                  /* the thread's own is back */
    CHECK r0, 0x02000000
    WR32 FPDSCR, 0

    /* ASPEN clear: FP instructions leave FPCA alone, so exceptions use
     * the basic frame. */
    WR32 FPCCR, 0
    movs r0, #0
    msr control, r0
    isb
    vmov.f32 s0, #5.0
    mrs r0, control
    CHECK r0, 0
    EXC_EXPECT
    EXC_HOOK 0
    svc #0
    CHECK_EXC_FIELD ST_EXCRET, EXC_RETURN_THREAD_MSP
    vmov r0, s0
    CHECK r0, 0x40a00000
    WR32 FPCCR, FPCCR_ASPEN | FPCCR_LSPEN

    TEST_PASS

/* SVC hook: leave Thread mode privileged again. */
    .thumb_func
back_to_privileged:
    cmp r0, #EXC_SVCALL
    bne 1f
    mrs r2, control
    bic r2, r2, #CONTROL_NPRIV
    msr control, r2
1:  bx lr

/* Hook: record the FP state on entry, run an FP instruction, record it
 * again with the frame's S0 and FPSCR words. r1 = the frame. */
    .thumb_func
fp_hook:
    LI r2, ctx
    str r1, [r2, #C_FRAME]
    LI r3, FPCCR
    ldr r0, [r3]
    str r0, [r2, #C_FPCCR1]
    ldr r0, [r3, #FPCAR - FPCCR]
    str r0, [r2, #C_FPCAR]
    mrs r0, control
    str r0, [r2, #C_CONTROL1]
    vmov.f32 s0, #-2.0
    vmrs r0, fpscr
    str r0, [r2, #C_FPSCR]
    ldr r0, [r3]
    str r0, [r2, #C_FPCCR2]
    mrs r0, control
    str r0, [r2, #C_CONTROL2]
    ldr r0, [r1, #0x20]
    str r0, [r2, #C_S0]
    ldr r0, [r1, #0x60]
    str r0, [r2, #C_SFPSCR]
    bx lr

/* Hook: record FPCCR and the stacked S0, then replace the stacked S0
 * with 10.0 and FPSCR with DN, without FP instructions. */
    .thumb_func
frame_hook:
    LI r2, ctx
    LI r3, FPCCR
    ldr r0, [r3]
    str r0, [r2, #C_FPCCR1]
    ldr r0, [r1, #0x20]
    str r0, [r2, #C_S0]
    LI r0, 0x41200000
    str r0, [r1, #0x20]
    LI r0, 0x02000000
    str r0, [r1, #0x60]
    bx lr

    .section .rodata
    .align 2
fp_values:
    .float 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0
    .float 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0

    .bss
    .align 2
ctx:
    .space 64
