/* SPDX-License-Identifier: MIT */
/*
 * ARMv6-M (Cortex-M0 and M0+; ARMv6-M ARM A5, B1.5, B3.2): the 32-bit
 * encodings other than BL, MSR, MRS, DMB, DSB and ISB, and CBZ, CBNZ and
 * IT, are UNDEFINED, and with only HardFault among the faults they
 * HardFault, as unaligned accesses and UDF do; MRS/MSR of BASEPRI and
 * FAULTMASK read as zero and are ignored; CCR is fixed (STKALIGN,
 * UNALIGN_TRP); SHPR1, CFSR and HFSR do not exist; priorities have two
 * bits; the M0+ has VTOR, the M0 does not. Mosaic only (QEMU has no
 * ARMv6-M MPS2 machine): run on mps2-an385 with /m3.model=cortex-m0 and
 * cortex-m0plus. Its own runtime, since test.h's is Thumb-2: r7 holds the
 * case number, a failure prints "FAIL v6m: case N" and exits N.
 */
    .syntax unified
    .thumb
    .cpu cortex-m0plus

#define UART0 0x40004000
#define CPUID 0xe000ed00
#define VTOR 0xe000ed08
#define CCR 0xe000ed14
#define SHPR1 0xe000ed18
#define SHPR3 0xe000ed20
#define SHCSR 0xe000ed24
#define CFSR 0xe000ed28
#define CPUID_M0 0x410cc200
#define CPUID_M0PLUS 0x410cc601

/* Next case, then fail unless reg == val (clobbers r6). */
.macro CASE
    adds r7, r7, #1
.endm
.macro EXPECT reg, val
    ldr r6, =\val
    cmp \reg, r6
    beq .Lok\@
    bl fail
.Lok\@:
.endm
/* The number of faults taken since the last FAULTS_RESET, and the last
 * one's exception number and stacked pc. */
.macro FAULTS_RESET
    ldr r0, =faults
    movs r1, #0
    str r1, [r0]
.endm
.macro EXPECT_FAULT exc, label
    ldr r0, =faults
    ldr r1, [r0]
    EXPECT r1, 1
    ldr r1, [r0, #4]
    EXPECT r1, \exc
    ldr r1, [r0, #8]
    EXPECT r1, \label
.endm

    .section .vectors, "a"
    .align 2
vectors:
    .word stack_top
    .word rt_reset
    .word unexpected               /* NMI */
    .word record                   /* HardFault */
    .rept 7
    .word unexpected
    .endr
    .word record                   /* SVCall */
    .rept 4
    .word unexpected
    .endr
    .rept 32
    .word unexpected
    .endr

    .text
    .align 1
    .globl rt_reset
    .thumb_func
rt_reset:
    ldr r0, =UART0
    movs r1, #16
    str r1, [r0, #0x10]            /* BAUDDIV */
    movs r1, #1
    str r1, [r0, #8]               /* CTRL: TX */
    movs r7, #0

    CASE                           /* 1: an ARMv6-M core */
    ldr r0, =CPUID
    ldr r4, [r0]
    ldr r5, =CPUID_M0
    cmp r4, r5
    beq 1f
    EXPECT r4, CPUID_M0PLUS
1:
    CASE                           /* 2: VTOR on the M0+ only */
    ldr r0, =VTOR
    ldr r1, =0x200
    str r1, [r0]
    ldr r2, [r0]
    movs r3, #0
    str r3, [r0]
    cmp r4, r5
    beq 2f
    EXPECT r2, 0x200
    b 3f
2:  EXPECT r2, 0
3:
    CASE                           /* 3: CCR is STKALIGN | UNALIGN_TRP */
    ldr r0, =CCR
    movs r1, #0
    str r1, [r0]
    ldr r1, [r0]
    EXPECT r1, 0x208
    CASE                           /* 4: no SHPR1, CFSR; SHCSR has no enables */
    ldr r0, =SHPR1
    ldr r1, =0xffffffff
    str r1, [r0]
    ldr r2, [r0]
    EXPECT r2, 0
    ldr r0, =SHCSR
    ldr r1, =0x00070000
    str r1, [r0]
    ldr r2, [r0]
    EXPECT r2, 0
    ldr r0, =CFSR
    ldr r2, [r0]
    EXPECT r2, 0
    CASE                           /* 5: two priority bits */
    ldr r0, =SHPR3
    ldr r1, =0xffff0000
    str r1, [r0]
    ldr r2, [r0]
    EXPECT r2, 0xc0c00000
    movs r1, #0
    str r1, [r0]

    b 1f
    .ltorg
1:
    CASE                           /* 6: a Thumb-2 instruction HardFaults */
    FAULTS_RESET
    movs r0, #7
t2_insn:
    .inst.w 0xf04f0001             /* mov.w r0, #1 */
    mov r5, r0
    EXPECT_FAULT 3, t2_insn
    EXPECT r5, 7
    CASE                           /* 7: so do CBZ and IT */
    FAULTS_RESET
    movs r0, #0
cbz_insn:
    .short 0xb100                  /* cbz r0, . + 4 */
    nop
    EXPECT_FAULT 3, cbz_insn
    FAULTS_RESET
it_insn:
    .short 0xbf08                  /* it eq */
    nop
    EXPECT_FAULT 3, it_insn
    CASE                           /* 8: and UDF */
    FAULTS_RESET
udf_insn:
    udf #1
    EXPECT_FAULT 3, udf_insn
    CASE                           /* 9: the 32-bit instructions ARMv6-M has */
    FAULTS_RESET
    mrs r0, primask
    msr primask, r0
    dsb
    dmb
    isb
    bl nothing
    ldr r0, =faults
    ldr r1, [r0]
    EXPECT r1, 0
    b 1f
    .ltorg
1:
    CASE                           /* 10: no BASEPRI, FAULTMASK */
    movs r0, #0x40
    msr basepri, r0
    mrs r1, basepri
    EXPECT r1, 0
    movs r0, #1
    msr faultmask, r0
    mrs r1, faultmask
    EXPECT r1, 0
    ldr r0, =faults
    ldr r1, [r0]
    EXPECT r1, 0
    CASE                           /* 11: unaligned accesses HardFault */
    FAULTS_RESET
    ldr r2, =words
    adds r2, r2, #2
unaligned_insn:
    ldr r0, [r2]
    EXPECT_FAULT 3, unaligned_insn
    CASE                           /* 12: SVCall */
    FAULTS_RESET
svc_insn:
    svc #3
    EXPECT_FAULT 11, svc_insn + 2

    ldr r0, =msg_pass
    bl puts
    movs r0, #0
    b exit

    .thumb_func
nothing:
    bx lr

/* The HardFault and SVCall handler: count, record the exception number
 * and the stacked pc, resume after a faulting instruction. */
    .thumb_func
record:
    mov r0, sp                     /* Thread mode runs on MSP here */
    ldr r1, =faults
    ldr r2, [r1]
    adds r2, r2, #1
    str r2, [r1]
    mrs r2, ipsr
    str r2, [r1, #4]
    ldr r3, [r0, #24]
    str r3, [r1, #8]
    cmp r2, #3
    bne 2f
    ldrh r2, [r3]                  /* skip the faulting instruction */
    ldr r1, =0xe800
    cmp r2, r1
    blo 1f
    adds r3, r3, #2
1:  adds r3, r3, #2
    str r3, [r0, #24]
2:  bx lr

    .thumb_func
unexpected:
    ldr r0, =msg_unexpected
    bl puts
    movs r0, #99
    b exit

/* "FAIL v6m: case N" (N < 100) and exit N. */
    .thumb_func
fail:
    ldr r0, =msg_fail
    bl puts
    movs r0, r7
    movs r1, #10
    bl divide
    movs r5, r2                    /* the units (putc clobbers r2) */
    adds r0, #'0'
    cmp r0, #'0'
    beq 1f
    bl putc
1:  movs r0, r5
    adds r0, #'0'
    bl putc
    movs r0, #'\n'
    bl putc
    movs r0, r7
    b exit

/* r0 = r0 / r1, r2 = remainder (small numbers). */
    .thumb_func
divide:
    movs r2, r0
    movs r0, #0
1:  cmp r2, r1
    blo 2f
    subs r2, r2, r1
    adds r0, r0, #1
    b 1b
2:  bx lr

    .thumb_func
putc:
    ldr r1, =UART0
1:  ldr r2, [r1, #4]               /* STATE: TX full */
    movs r3, #1
    tst r2, r3
    bne 1b
    str r0, [r1]
    bx lr

    .thumb_func
puts:
    push {r4, lr}
    mov r4, r0
1:  ldrb r0, [r4]
    cmp r0, #0
    beq 2f
    bl putc
    adds r4, r4, #1
    b 1b
2:  pop {r4, pc}

/* Semihosting SYS_EXIT_EXTENDED with r0 = code. */
    .thumb_func
exit:
    ldr r1, =exit_block
    str r0, [r1, #4]
    movs r0, #0x20
    bkpt 0xab
1:  b 1b

    .ltorg

    .section .rodata
msg_pass:
    .asciz "PASS v6m\n"
msg_fail:
    .asciz "FAIL v6m: case "
msg_unexpected:
    .asciz "FAIL v6m: unexpected exception\n"

    .data
    .align 2
exit_block:
    .word 0x20026, 0
words:
    .word 0x11223344, 0x55667788

    .bss
    .align 3
faults:
    .space 12
    .align 3
    .space 1024
stack_top:
