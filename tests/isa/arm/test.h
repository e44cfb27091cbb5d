/* SPDX-License-Identifier: MIT */
/*
 * Shared header of the self-checking Thumb-2 suite (ARMv7-M, and the
 * ARMv7E-M DSP subset for the Cortex-M4). Every test runs on the MPS2
 * AN385/AN386 memory map (QEMU's mps2-an385 and mps2-an386, Mosaic's
 * mps2-an385): code, data and stacks in the 4 MiB of SSRAM1 at 0x0, the
 * console on CMSDK UART0, the exit through semihosting. Cases are
 * numbered automatically 1, 2, 3... in source order; a failing case
 * exits with its number (SYS_EXIT_EXTENDED), after printing the number,
 * the pc of the failing compare, the value and the expected value, so
 * `addr2line -e test.elf PC` names the source line.
 *
 * Register conventions: r11 holds the current case number, r12 the
 * expected value of a compare, r10 is the macros' scratch register; tests
 * keep their values in r0-r9. NEXT_CHECK and LI leave the flags alone;
 * the compares (EXPECT*, CHECK*) change them, so capture flags (CHECK_FLAGS)
 * before comparing anything else.
 */
#ifndef TEST_H
#define TEST_H

#define TESTNUM r11
#define CHKREG r12

/* CMSDK UART0 of the MPS2 boards (ARM DDI0479C 4.3). */
#define UART0_BASE 0x40004000
#define UART_DATA 0x0
#define UART_STATE 0x4
#define UART_CTRL 0x8
#define UART_BAUDDIV 0x10

/* Nothing answers here on the AN385 map (QEMU's or Mosaic's). */
#define UNMAPPED_ADDR 0x30000000

/* Semihosting operations (Arm "Semihosting for AArch32 and AArch64"). */
#define SYS_OPEN 0x01
#define SYS_WRITEC 0x03
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUNTIME_ERROR 0x20023

/* APSR flags (ARMv7-M ARM B1.4.2). */
#define FLAG_N 0x80000000
#define FLAG_Z 0x40000000
#define FLAG_C 0x20000000
#define FLAG_V 0x10000000
#define FLAG_Q 0x08000000
#define FLAGS_NZCVQ 0xf8000000
#define FLAGS_GE 0x000f0000
#define XPSR_T 0x01000000

/* System Control Space (ARMv7-M ARM B3.2, B3.3, B3.4). */
#define SYST_CSR 0xe000e010
#define SYST_RVR 0xe000e014
#define SYST_CVR 0xe000e018
#define NVIC_ISER 0xe000e100
#define NVIC_ICER 0xe000e180
#define NVIC_ISPR 0xe000e200
#define NVIC_ICPR 0xe000e280
#define NVIC_IABR 0xe000e300
#define NVIC_IPR 0xe000e400
#define SCB_ICSR 0xe000ed04
#define SCB_VTOR 0xe000ed08
#define SCB_AIRCR 0xe000ed0c
#define SCB_CCR 0xe000ed14
#define SCB_SHPR1 0xe000ed18
#define SCB_SHPR2 0xe000ed1c
#define SCB_SHPR3 0xe000ed20
#define SCB_SHCSR 0xe000ed24
#define SCB_CFSR 0xe000ed28
#define SCB_HFSR 0xe000ed2c
#define SCB_MMFAR 0xe000ed34
#define SCB_BFAR 0xe000ed38
#define NVIC_STIR 0xe000ef00

#define ICSR_PENDSVSET (1 << 28)
#define ICSR_PENDSTSET (1 << 26)
#define ICSR_PENDSTCLR (1 << 25)
#define ICSR_VECTACTIVE 0x1ff
#define CCR_UNALIGN_TRP (1 << 3)
#define CCR_DIV_0_TRP (1 << 4)
#define SHCSR_MEMFAULTENA (1 << 16)
#define SHCSR_BUSFAULTENA (1 << 17)
#define SHCSR_USGFAULTENA (1 << 18)
#define CFSR_IACCVIOL (1 << 0)
#define CFSR_IBUSERR (1 << 8)
#define CFSR_PRECISERR (1 << 9)
#define CFSR_BFARVALID (1 << 15)
#define CFSR_UNDEFINSTR (1 << 16)
#define CFSR_INVSTATE (1 << 17)
#define CFSR_UNALIGNED (1 << 24)
#define CFSR_DIVBYZERO (1 << 25)
#define HFSR_FORCED (1 << 30)
#define SYST_ENABLE 0x1
#define SYST_TICKINT 0x2
#define SYST_CLKSOURCE 0x4
#define SYST_COUNTFLAG 0x10000

/* Exception numbers (ARMv7-M ARM B1.5.2). */
#define EXC_HARDFAULT 3
#define EXC_MEMMANAGE 4
#define EXC_BUSFAULT 5
#define EXC_USAGEFAULT 6
#define EXC_SVCALL 11
#define EXC_PENDSV 14
#define EXC_SYSTICK 15
#define EXC_IRQ(n) (16 + (n))
#define EXC_RETURN_HANDLER 0xfffffff1
#define EXC_RETURN_THREAD_MSP 0xfffffff9
#define EXC_RETURN_THREAD_PSP 0xfffffffd

/* The exception record of runtime.S (rt_exc): what the last exception
 * saw, and a log of the exceptions entered since the last arm. */
#define ST_ARMED 0    /* exceptions still expected */
#define ST_COUNT 4    /* exceptions taken since the last arm */
#define ST_IPSR 8     /* exception number */
#define ST_EXCRET 12  /* EXC_RETURN (lr on entry) */
#define ST_FRAME 16   /* address of the stacked frame */
#define ST_R0 20      /* the frame: r0, r1, r2, r3, r12, lr, pc, xpsr */
#define ST_R1 24
#define ST_R2 28
#define ST_R3 32
#define ST_R12 36
#define ST_LR 40
#define ST_PC 44
#define ST_XPSR 48
#define ST_CFSR 52    /* fault status at entry (then cleared) */
#define ST_HFSR 56
#define ST_BFAR 60
#define ST_MMFAR 64
#define ST_RESUME 68  /* nonzero: a fault resumes here */
#define ST_HOOK 72    /* nonzero: called with r0 = exception number, r1 = frame */
#define ST_CONTROL 76 /* CONTROL in the handler */
#define ST_LOGN 80    /* entries in the log */
#define ST_LOG 84     /* 8 x (exception number, EXC_RETURN) */
#define ST_SIZE (ST_LOG + 64)
#define LOG_MAX 8

#ifdef __ASSEMBLER__

    .syntax unified
    .thumb

.set check_count, 0

/* Start of a test file: its name is printed by the PASS/FAIL lines. */
.macro TEST_BEGIN name
    .section .rodata.test_name, "a"
    .globl test_name
test_name:
    .asciz "\name"
    .text
    .align 1
    .globl test_main
    .thumb_func
test_main:
.endm

/* All checks passed. */
.macro TEST_PASS
    b.w test_pass
.endm

/* reg = any 32-bit constant or address, without a literal pool and
 * without touching the flags. */
.macro LI reg, val
    movw \reg, #:lower16:\val
    movt \reg, #:upper16:\val
.endm

/* Start the next numbered case (its number must fit the exit code). */
.macro NEXT_CHECK
    .set check_count, check_count + 1
    .if check_count > 255
    .error "more than 255 cases: split the file so exit codes stay unique"
    .endif
    movw TESTNUM, #check_count
.endm

/* Fail the current case unless reg == CHKREG; test_fail gets the value in
 * r10 and the compare's address from lr. */
.macro EXPECT_CHKREG reg
    cmp \reg, CHKREG
    beq .Lok\@
    mov r10, \reg
    bl test_fail
.Lok\@:
.endm

/* Within the current case: reg must equal the constant val. */
.macro EXPECT reg, val
    LI CHKREG, \val
    EXPECT_CHKREG \reg
.endm

/* Within the current case: reg must equal reg2. */
.macro EXPECT_SAME reg, reg2
    mov CHKREG, \reg2
    EXPECT_CHKREG \reg
.endm

/* A case of its own: reg must equal val. */
.macro CHECK reg, val
    NEXT_CHECK
    EXPECT \reg, \val
.endm

/* A case of its own: reg must equal reg2. */
.macro CHECK_SAME reg, reg2
    NEXT_CHECK
    EXPECT_SAME \reg, \reg2
.endm

/* A case of its own: the APSR bits in mask (default N, Z, C, V, Q) equal
 * val. Clobbers r10. */
.macro CHECK_FLAGS val, mask=FLAGS_NZCVQ
    mrs r10, apsr
    NEXT_CHECK
    LI CHKREG, \mask
    and r10, r10, CHKREG
    EXPECT r10, \val
.endm

/* Set the APSR flags N, Z, C, V, Q (and GE on ARMv7E-M) to val. Clobbers
 * r10. */
.macro SET_FLAGS val
    LI r10, \val
    msr APSR_nzcvq, r10
.endm

/* One case for a flag-setting register-register op: the result with rd
 * separate and rd = rn, and the flags, from the flags in in_flags. */
.macro TEST_RRF op, res, flags, a, b, in_flags=0
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    SET_FLAGS \in_flags
    \op r0, r1, r2
    mrs r3, apsr
    EXPECT r0, \res
    SET_FLAGS \in_flags
    \op r1, r1, r2
    EXPECT r1, \res
    LI r10, FLAGS_NZCVQ
    and r3, r3, r10
    EXPECT r3, \flags
.endm

/* One case for a register-register op that leaves the flags alone. */
.macro TEST_RR op, res, a, b
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    \op r0, r1, r2
    EXPECT r0, \res
    \op r1, r1, r2
    EXPECT r1, \res
.endm

/* One case for a one-operand op (rd, rm). */
.macro TEST_R op, res, a
    NEXT_CHECK
    LI r1, \a
    \op r0, r1
    EXPECT r0, \res
.endm

/* Memory-mapped register access: reg = [addr] / [addr] = reg. Clobber r10. */
.macro RD32 reg, addr
    LI r10, \addr
    ldr \reg, [r10]
.endm
.macro WR32 addr, val
    LI r10, \addr
    LI CHKREG, \val
    str CHKREG, [r10]
.endm

/* Arm the exception record for n exceptions (default one): clears the
 * count, the log and the resume address. Clobbers r10, r12. */
.macro EXC_EXPECT n=1
    LI r10, rt_exc
    mov r12, #\n
    str r12, [r10, #ST_ARMED]
    mov r12, #0
    str r12, [r10, #ST_COUNT]
    str r12, [r10, #ST_LOGN]
    str r12, [r10, #ST_RESUME]
.endm

/* Arm for one fault that resumes at label. Clobbers r10, r12. */
.macro EXC_EXPECT_RESUME label
    EXC_EXPECT
    LI r12, \label
    str r12, [r10, #ST_RESUME]
.endm

/* r10 = field off of the exception record. */
.macro EXC_FIELD off
    LI r10, rt_exc
    ldr r10, [r10, #\off]
.endm

/* A case of its own: exactly n exceptions were taken since the arm and
 * the last one was number exc. */
.macro CHECK_EXC exc, n=1
    NEXT_CHECK
    EXC_FIELD ST_COUNT
    EXPECT r10, \n
    EXC_FIELD ST_IPSR
    EXPECT r10, \exc
.endm

/* A case of its own: field off of the record equals val. */
.macro CHECK_EXC_FIELD off, val
    EXC_FIELD \off
    CHECK r10, \val
.endm

/* A case of its own: the stacked pc was the address of label. */
.macro CHECK_EXC_PC label
    EXC_FIELD ST_PC
    NEXT_CHECK
    LI CHKREG, \label
    bic CHKREG, CHKREG, #1
    EXPECT_CHKREG r10
.endm

/* Call the hook function fn (or none: 0) from every exception handler.
 * Clobbers r10, r12. */
.macro EXC_HOOK fn
    LI r10, rt_exc
    LI r12, \fn
    str r12, [r10, #ST_HOOK]
.endm

/* The log entry i of the record: its exception number and EXC_RETURN. */
.macro CHECK_LOG i, exc, excret
    EXC_FIELD ST_LOG + 8 * \i
    CHECK r10, \exc
    EXC_FIELD ST_LOG + 8 * \i + 4
    CHECK r10, \excret
.endm

/* NVIC and SCB set-up by exception or interrupt number. Clobber r10, r12. */
.macro IRQ_ENABLE n
    WR32 NVIC_ISER + 4 * (\n / 32), 1 << (\n % 32)
.endm
.macro IRQ_DISABLE n
    WR32 NVIC_ICER + 4 * (\n / 32), 1 << (\n % 32)
.endm
.macro IRQ_PEND n
    WR32 NVIC_ISPR + 4 * (\n / 32), 1 << (\n % 32)
.endm
/* Priorities are written a byte at a time, as CMSIS does; only the top
 * three bits are used, which every implementation has. */
.macro SET_IRQ_PRIO n, prio
    LI r10, NVIC_IPR + \n
    mov r12, #\prio
    strb r12, [r10]
.endm
.macro SET_EXC_PRIO exc, prio
    LI r10, SCB_SHPR1 + \exc - 4
    mov r12, #\prio
    strb r12, [r10]
.endm
/* Make a write to the SCS take effect before the next instruction. */
.macro SYNC
    dsb
    isb
.endm

/* Busy-wait until the record's count reaches n (bounded). Clobbers r0-r2. */
.macro WAIT_EXC n=1
    LI r0, rt_exc
    LI r2, 10000000
.Lwait\@:
    ldr r1, [r0, #ST_COUNT]
    cmp r1, #\n
    bhs .Lwaited\@
    subs r2, r2, #1
    bne .Lwait\@
.Lwaited\@:
.endm

#endif /* __ASSEMBLER__ */
#endif /* TEST_H */
