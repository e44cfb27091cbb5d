/* SPDX-License-Identifier: MIT */
/*
 * The exception model (ARMv7-M ARM B1.5): SVC with the eight-word frame
 * (r0-r3, r12, lr, return address, xPSR with the flags and the Thumb bit)
 * and its immediate; frames aligned to 8 bytes with xPSR bit 9 when SP
 * was not (CCR.STKALIGN); thread mode on the process stack (EXC_RETURN
 * 0xFFFFFFFD, CONTROL.SPSEL cleared in the handler, restored on return);
 * PendSV through ICSR; SysTick counting, interrupting, COUNTFLAG and
 * ICSR.PENDSTSET; external interrupts pended through ISPR and STIR, seen
 * active in IABR and ICSR.VECTACTIVE, held off while disabled, cleared
 * through ICPR; preemption by a higher priority (EXC_RETURN 0xFFFFFFF1)
 * and the order of pending exceptions by priority then number; an SVC
 * while PRIMASK is set escalates to HardFault; a vector table moved with
 * VTOR.
 */
#include "test.h"

TEST_BEGIN exc

    /* SVC: the frame and the immediate */
    mov r8, sp
    EXC_EXPECT
    LI r0, 0x100
    LI r1, 0x101
    LI r2, 0x102
    LI r3, 0x103
    LI lr, 0x12345679
    SET_FLAGS FLAG_N | FLAG_C
    LI r12, 0x10c
    svc #0x5a
svc_next:
    CHECK r0, 0x100
    CHECK r3, 0x103
    CHECK_EXC EXC_SVCALL
    CHECK_EXC_FIELD ST_EXCRET, EXC_RETURN_THREAD_MSP
    CHECK_EXC_FIELD ST_R0, 0x100
    CHECK_EXC_FIELD ST_R1, 0x101
    CHECK_EXC_FIELD ST_R2, 0x102
    CHECK_EXC_FIELD ST_R3, 0x103
    CHECK_EXC_FIELD ST_R12, 0x10c
    CHECK_EXC_FIELD ST_LR, 0x12345679
    CHECK_EXC_PC svc_next
    CHECK_EXC_FIELD ST_XPSR, XPSR_T | FLAG_N | FLAG_C
    EXC_FIELD ST_FRAME
    sub r0, r8, #32
    CHECK_SAME r10, r0
    EXC_FIELD ST_PC
    ldrb r0, [r10, #-2]
    CHECK r0, 0x5a
    mov r0, sp
    CHECK_SAME r0, r8

    /* STKALIGN: below an SP that is 4 mod 8 the frame is aligned down and
     * the stacked xPSR has bit 9 set; SP comes back as it was */
    RD32 r0, SCB_CCR
    orr r0, r0, #0x200
    str r0, [r10]
    EXC_EXPECT
    sub sp, sp, #4
    svc #1
    mov r7, sp
    add sp, sp, #4
    sub r0, r8, #4
    CHECK_SAME r7, r0
    EXC_FIELD ST_FRAME
    sub r0, r8, #40
    CHECK_SAME r10, r0
    EXC_FIELD ST_XPSR
    and r10, r10, #0x200
    CHECK r10, 0x200

    /* thread mode on the process stack */
    LI r0, rt_psp_stack_top
    msr psp, r0
    movs r0, #2
    msr control, r0
    isb
    EXC_EXPECT
    mov r9, sp
    svc #2
    CHECK_EXC EXC_SVCALL
    CHECK_EXC_FIELD ST_EXCRET, EXC_RETURN_THREAD_PSP
    CHECK_EXC_FIELD ST_CONTROL, 0
    EXC_FIELD ST_FRAME
    sub r0, r9, #32
    CHECK_SAME r10, r0
    LI r1, rt_psp_stack_top
    CHECK_SAME r9, r1
    mov r0, sp
    CHECK_SAME r0, r1
    mrs r0, control
    CHECK r0, 2
    mrs r0, msp
    CHECK_SAME r0, r8
    mrs r0, psp
    CHECK_SAME r0, r1
    movs r0, #0
    msr control, r0
    isb
    mov r0, sp
    CHECK_SAME r0, r8

    /* PendSV */
    EXC_EXPECT
    WR32 SCB_ICSR, ICSR_PENDSVSET
    SYNC
    CHECK_EXC EXC_PENDSV
    CHECK_EXC_FIELD ST_EXCRET, EXC_RETURN_THREAD_MSP
    RD32 r0, SCB_ICSR
    and r0, r0, #ICSR_PENDSVSET
    CHECK r0, 0

    /* SysTick: the interrupt, then COUNTFLAG (set by a wrap, cleared by
     * reading CSR), then ICSR.PENDSTSET with the counter off */
    EXC_EXPECT
    WR32 SYST_RVR, 9999
    WR32 SYST_CVR, 0
    WR32 SYST_CSR, SYST_ENABLE | SYST_TICKINT | SYST_CLKSOURCE
    WAIT_EXC
    CHECK_EXC EXC_SYSTICK
    RD32 r0, SYST_CSR
    and r0, r0, #SYST_TICKINT
    CHECK r0, 0
    WR32 SYST_RVR, 99999
    WR32 SYST_CVR, 0
    RD32 r0, SYST_CSR
    LI r2, 10000000
1:  ldr r0, [r10]
    tst r0, #SYST_COUNTFLAG
    bne 2f
    subs r2, r2, #1
    bne 1b
2:  ldr r1, [r10]
    and r0, r0, #SYST_COUNTFLAG
    CHECK r0, SYST_COUNTFLAG
    and r1, r1, #SYST_COUNTFLAG
    CHECK r1, 0
    RD32 r0, SYST_CVR
    LI r1, 99999
    NEXT_CHECK
    mov r12, r1
    cmp r0, r1
    bls 3f
    mov r10, r0
    bl test_fail
3:  RD32 r0, SYST_RVR
    CHECK r0, 99999
    WR32 SYST_CSR, 0
    EXC_EXPECT
    WR32 SCB_ICSR, ICSR_PENDSTSET
    SYNC
    CHECK_EXC EXC_SYSTICK

    /* external interrupts: ISPR, active state seen by the handler, STIR */
    SET_IRQ_PRIO 16, 0x80
    SET_IRQ_PRIO 17, 0x80
    IRQ_ENABLE 16
    IRQ_ENABLE 17
    EXC_HOOK hook_record_active
    EXC_EXPECT
    IRQ_PEND 16
    SYNC
    CHECK_EXC EXC_IRQ(16)
    LI r0, seen_vectactive
    ldr r1, [r0]
    CHECK r1, EXC_IRQ(16)
    ldr r1, [r0, #4]
    and r1, r1, #(1 << 16)
    CHECK r1, (1 << 16)
    RD32 r0, NVIC_IABR
    CHECK r0, 0
    EXC_EXPECT
    WR32 NVIC_STIR, 17
    SYNC
    CHECK_EXC EXC_IRQ(17)
    EXC_HOOK 0
    /* disabled: stays pending until enabled; ICPR clears it */
    IRQ_DISABLE 16
    EXC_EXPECT 0
    IRQ_PEND 16
    SYNC
    RD32 r0, NVIC_ISPR
    and r0, r0, #(1 << 16)
    CHECK r0, (1 << 16)
    WR32 NVIC_ICPR, 1 << 16
    RD32 r0, NVIC_ISPR
    CHECK r0, 0
    EXC_EXPECT
    IRQ_PEND 16
    IRQ_ENABLE 16
    SYNC
    CHECK_EXC EXC_IRQ(16)

    /* preemption: an interrupt pended by the PendSV handler with a higher
     * priority is taken at once, returning to the handler */
    SET_EXC_PRIO EXC_PENDSV, 0xe0
    SET_IRQ_PRIO 16, 0x40
    EXC_HOOK hook_pend_irq16
    EXC_EXPECT 2
    WR32 SCB_ICSR, ICSR_PENDSVSET
    SYNC
    CHECK_EXC EXC_IRQ(16), 2
    CHECK_LOG 0, EXC_PENDSV, EXC_RETURN_THREAD_MSP
    CHECK_LOG 1, EXC_IRQ(16), EXC_RETURN_HANDLER
    LI r0, irq16_saw_pendsv
    ldr r0, [r0]
    CHECK r0, 1
    /* the same with a lower priority waits for the handler to end */
    SET_IRQ_PRIO 16, 0xe0
    LI r0, irq16_saw_pendsv
    movs r1, #0
    str r1, [r0]
    EXC_EXPECT 2
    WR32 SCB_ICSR, ICSR_PENDSVSET
    SYNC
    CHECK_EXC EXC_IRQ(16), 2
    CHECK_LOG 0, EXC_PENDSV, EXC_RETURN_THREAD_MSP
    CHECK_LOG 1, EXC_IRQ(16), EXC_RETURN_THREAD_MSP
    LI r0, irq16_saw_pendsv
    ldr r0, [r0]
    CHECK r0, 0
    EXC_HOOK 0

    /* pending exceptions go by priority, then by number */
    SET_IRQ_PRIO 16, 0x80
    SET_IRQ_PRIO 17, 0x40
    cpsid i
    EXC_EXPECT 3
    WR32 NVIC_ISPR, (1 << 16) | (1 << 17)
    WR32 SCB_ICSR, ICSR_PENDSVSET
    SYNC
    EXC_FIELD ST_COUNT
    CHECK r10, 0
    cpsie i
    isb
    EXC_FIELD ST_COUNT
    CHECK r10, 3
    CHECK_LOG 0, EXC_IRQ(17), EXC_RETURN_THREAD_MSP
    CHECK_LOG 1, EXC_IRQ(16), EXC_RETURN_THREAD_MSP
    CHECK_LOG 2, EXC_PENDSV, EXC_RETURN_THREAD_MSP
    SET_IRQ_PRIO 17, 0x80
    cpsid i
    EXC_EXPECT 2
    WR32 NVIC_ISPR, (1 << 16) | (1 << 17)
    SYNC
    cpsie i
    isb
    EXC_FIELD ST_COUNT
    CHECK r10, 2
    CHECK_LOG 0, EXC_IRQ(16), EXC_RETURN_THREAD_MSP
    CHECK_LOG 1, EXC_IRQ(17), EXC_RETURN_THREAD_MSP
    IRQ_DISABLE 16
    IRQ_DISABLE 17

    /* SVC while PRIMASK is set cannot be taken: HardFault */
    cpsid i
    EXC_EXPECT_RESUME svc_escalated
    svc #3
svc_escalated:
    cpsie i
    CHECK_EXC EXC_HARDFAULT
    CHECK_EXC_FIELD ST_HFSR, HFSR_FORCED

    /* a vector table moved with VTOR */
    LI r0, 0
    LI r1, moved_vectors
    movs r2, #48
1:  ldr r3, [r0], #4
    str r3, [r1], #4
    subs r2, r2, #1
    bne 1b
    LI r1, moved_vectors
    LI r0, moved_svc_handler
    str r0, [r1, #4 * EXC_SVCALL]
    WR32 SCB_VTOR, moved_vectors
    RD32 r0, SCB_VTOR
    LI r1, moved_vectors
    CHECK_SAME r0, r1
    SYNC
    EXC_EXPECT 0
    movs r0, #0
    svc #4
    CHECK r0, 0x5c
    WR32 SCB_VTOR, 0
    SYNC
    EXC_EXPECT
    svc #5
    CHECK_EXC EXC_SVCALL

    TEST_PASS

/* Hook: record ICSR.VECTACTIVE and IABR[0] in the handler. */
    .thumb_func
hook_record_active:
    LI r1, SCB_ICSR
    ldr r2, [r1]
    LI r3, ICSR_VECTACTIVE
    and r2, r2, r3
    LI r1, seen_vectactive
    str r2, [r1]
    LI r3, NVIC_IABR
    ldr r2, [r3]
    str r2, [r1, #4]
    bx lr

/* Hook: in the PendSV handler, pend IRQ 16; in IRQ 16's, note whether
 * PendSV is active (it preempted the PendSV handler). */
    .thumb_func
hook_pend_irq16:
    cmp r0, #EXC_PENDSV
    bne 1f
    LI r1, NVIC_ISPR
    LI r2, 1 << 16
    str r2, [r1]
    dsb
    isb
    bx lr
1:  LI r1, SCB_SHCSR
    ldr r2, [r1]
    ubfx r2, r2, #10, #1        /* PENDSVACT */
    LI r1, irq16_saw_pendsv
    str r2, [r1]
    bx lr

/* SVC through the moved table: r0 = 0x5c in the caller's frame. */
    .thumb_func
moved_svc_handler:
    tst lr, #4
    ite eq
    mrseq r1, msp
    mrsne r1, psp
    movs r0, #0x5c
    str r0, [r1]
    bx lr

    .bss
    .align 2
seen_vectactive:
    .word 0, 0
irq16_saw_pendsv:
    .word 0
    .align 8
moved_vectors:
    .space 48 * 4
