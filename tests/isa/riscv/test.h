/* SPDX-License-Identifier: MIT */
/*
 * Shared header of the self-checking RISC-V assembly suite. Every test file
 * includes it and is assembled twice (rv32 and rv64), so it provides
 * XLEN-generic register load/store names, the device addresses of the virt
 * boards, trap causes, and the check macros. A check compares a register
 * with an expected value. Cases (one CHECK, or one TEST_RR with its three
 * register forms) are numbered automatically 1, 2, 3... in source order
 * and a failing case exits the guest with its number as exit code
 * (runtime.S also prints the number, the pc of the failing compare, the
 * value and the expected value on the console, so
 * `addr2line -e test.elf PC` names the source line).
 *
 * Register conventions: gp holds the current case number and t6 the
 * expected value; the trap macros clobber t0 and t1 (LOAD_INSN also t2),
 * a failing compare t4 and t5. Tests keep their values in a0-a7, s0-s11
 * and t2-t3.
 */
#ifndef TEST_H
#define TEST_H

#if __riscv_xlen == 64
#define LREG ld
#define SREG sd
#define XWORD .8byte
#define REGBYTES 8
#define LOG_REGBYTES 3
#else
#define LREG lw
#define SREG sw
#define XWORD .4byte
#define REGBYTES 4
#define LOG_REGBYTES 2
#endif
#define XLEN __riscv_xlen
#if XLEN == 64
#define XMIN 0x8000000000000000
#define XMAX 0x7fffffffffffffff
#else
#define XMIN 0x80000000
#define XMAX 0x7fffffff
#endif

#define TESTNUM gp
#define CHKREG t6

/* Devices of the riscv-virt boards (QEMU virt memory map). */
#define UART_BASE 0x10000000
#define FINISHER_BASE 0x100000
#define CLINT_BASE 0x2000000
#define CLINT_MSIP 0x0
#define CLINT_MTIMECMP 0x4000
#define CLINT_MTIME 0xbff8
/* Nothing is mapped here on the virt and spike boards. */
#define UNMAPPED_ADDR 0x0

/* Harts with a stack and a trap record in runtime.S; others park. */
#define MAX_HARTS 4
#define STACK_SHIFT 12
#define STACK_BYTES (1 << STACK_SHIFT)

/* Privileged spec, section 3.1.6 (mstatus) and 3.1.9 (mip/mie). */
#define MSTATUS_MIE 0x8
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP 0x1800
#define MSTATUS_MPRV 0x20000
#define MIP_MSIP 0x8
#define MIP_MTIP 0x80

/* Privileged spec, table 3.6 (mcause values). */
#define CAUSE_FETCH_MISALIGNED 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_LOAD_MISALIGNED 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_MISALIGNED 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U 8
#define CAUSE_ECALL_M 11
#define IRQ_BIT (1 << (XLEN - 1))
#define IRQ_M_SOFT 3
#define IRQ_M_TIMER 7

/* Per-hart trap record (runtime.S), addressed through mscratch. */
#define ST_ARMED (0 * REGBYTES)   /* number of traps still expected */
#define ST_COUNT (1 * REGBYTES)   /* traps taken since the last arm */
#define ST_CAUSE (2 * REGBYTES)
#define ST_EPC (3 * REGBYTES)
#define ST_TVAL (4 * REGBYTES)
#define ST_RESUME (5 * REGBYTES)  /* nonzero: resume here in M-mode */
#define ST_MSTATUS (6 * REGBYTES) /* mstatus seen by the handler */
#define ST_T0 (7 * REGBYTES)
#define ST_T1 (8 * REGBYTES)
#define ST_T2 (9 * REGBYTES)
#define ST_MARK (10 * REGBYTES)   /* free for tests' own trap vectors */
#define LOG_ST_BYTES (LOG_REGBYTES + 4)

#ifdef __ASSEMBLER__

.set check_count, 0

/* Start of a test file: its name is printed by the PASS/FAIL lines. */
.macro TEST_BEGIN name
    .section .rodata.test_name, "a"
    .globl test_name
test_name:
    .asciz "\name"
    .text
    .globl test_main
test_main:
.endm

/* All checks passed. */
.macro TEST_PASS
    j test_pass
.endm

/* Start the next numbered case: gp = its number, which must fit the exit
 * code. A case may compare several registers (CMP*). */
.macro NEXT_CHECK
    .set check_count, check_count + 1
    .if check_count > 255
    .error "more than 255 cases: split the file so exit codes stay unique"
    .endif
    li TESTNUM, check_count
.endm

/* Fail the current case unless reg == CHKREG; the failure path passes the
 * value in t4 and the pc in t5 (jal). */
.macro CMP_CHKREG reg
    beq \reg, CHKREG, .Lok\@
    mv t4, \reg
    jal t5, test_fail
.Lok\@:
.endm

/* Within the current case: reg must equal the constant val. */
.macro CMP reg, val
    li CHKREG, \val
    CMP_CHKREG \reg
.endm

/* Within the current case: reg must equal the address of label. */
.macro CMP_ADDR reg, label
    la CHKREG, \label
    CMP_CHKREG \reg
.endm

/* Within the current case: reg must equal reg2. */
.macro CMP_SAME reg, reg2
    mv CHKREG, \reg2
    CMP_CHKREG \reg
.endm

/* A case of its own: reg must equal val. */
.macro CHECK reg, val
    NEXT_CHECK
    CMP \reg, \val
.endm

/* A case of its own: reg must equal the address of label. */
.macro CHECK_ADDR reg, label
    NEXT_CHECK
    CMP_ADDR \reg, \label
.endm

/* A case of its own: reg must equal reg2. */
.macro CHECK_SAME reg, reg2
    NEXT_CHECK
    CMP_SAME \reg, \reg2
.endm

/* One case for a register-register op: rd separate, rd = rs1, rd = rs2. */
.macro TEST_RR op, res, a, b
    NEXT_CHECK
    li a1, \a
    li a2, \b
    \op a0, a1, a2
    CMP a0, \res
    \op a1, a1, a2
    CMP a1, \res
    li a1, \a
    \op a2, a1, a2
    CMP a2, \res
.endm

/* Register-register op with both operands the same register. */
.macro TEST_RR_SAME op, res, a
    li a1, \a
    \op a0, a1, a1
    CHECK a0, \res
.endm

/* One case for a register-immediate op, also with rd = rs1. */
.macro TEST_RI op, res, a, imm
    NEXT_CHECK
    li a1, \a
    \op a0, a1, \imm
    CMP a0, \res
    \op a1, a1, \imm
    CMP a1, \res
.endm

/* Arm the trap handler for n traps (default one); an exception resumes
 * after the trapping instruction. */
.macro TRAP_EXPECT n=1
    csrr t0, mscratch
    li t1, \n
    SREG t1, ST_ARMED(t0)
    SREG zero, ST_COUNT(t0)
    SREG zero, ST_RESUME(t0)
.endm

/* The same from U-mode, which cannot read mscratch: hart 0's record. The
 * exception resumes at label in M-mode. */
.macro TRAP_EXPECT_FROM_USER label
    la t0, rt_trap_state
    li t1, 1
    SREG t1, ST_ARMED(t0)
    SREG zero, ST_COUNT(t0)
    la t1, \label
    SREG t1, ST_RESUME(t0)
.endm

/* Arm for one trap and resume at label in M-mode. */
.macro TRAP_EXPECT_RESUME label
    TRAP_EXPECT
    la t1, \label
    SREG t1, ST_RESUME(t0)
.endm

/* Exactly one trap was taken since the arm and its mcause was cause. */
.macro CHECK_TRAP cause
    NEXT_CHECK
    csrr t0, mscratch
    LREG t1, ST_COUNT(t0)
    CMP t1, 1
    LREG t1, ST_CAUSE(t0)
    CMP t1, \cause
.endm

/* The last trap's mtval. */
.macro CHECK_TVAL val
    csrr t0, mscratch
    LREG t1, ST_TVAL(t0)
    CHECK t1, \val
.endm

/* The last trap's mtval equals a register. */
.macro CHECK_TVAL_REG reg
    csrr t0, mscratch
    LREG t1, ST_TVAL(t0)
    CHECK_SAME t1, \reg
.endm

/* The last trap's mepc was the address of label. */
.macro CHECK_EPC label
    csrr t0, mscratch
    LREG t1, ST_EPC(t0)
    CHECK_ADDR t1, \label
.endm

/* The last trap's mtval was the address of label. */
.macro CHECK_TVAL_ADDR label
    csrr t0, mscratch
    LREG t1, ST_TVAL(t0)
    CHECK_ADDR t1, \label
.endm

/* reg = the 32-bit instruction at label (only 2-byte aligned with C);
 * clobbers t2. */
.macro LOAD_INSN reg, label
    la \reg, \label
    lhu t2, 0(\reg)
    lhu \reg, 2(\reg)
    slli \reg, \reg, 16
    or \reg, \reg, t2
.endm

/* Open all memory to U-mode through PMP entry 0 where PMP exists (QEMU
 * enforces PMP for U-mode; a core without PMP CSRs may trap, which the
 * handler skips). Privileged spec 3.7.1: NAPOT with all-ones address. */
.macro PMP_OPEN_ALL
    csrr t0, mscratch
    li t1, 1
    SREG t1, ST_ARMED(t0)
    li t1, -1
    csrw pmpaddr0, t1
    li t1, 1
    SREG t1, ST_ARMED(t0)
    li t1, 0x1f
    csrw pmpcfg0, t1
    SREG zero, ST_ARMED(t0)
.endm

/* mret into U-mode at label (MPP = 0, MPIE = 0). */
.macro ENTER_USER label
    li t0, MSTATUS_MPP | MSTATUS_MPIE
    csrc mstatus, t0
    la t0, \label
    csrw mepc, t0
    mret
.endm

#endif /* __ASSEMBLER__ */
#endif /* TEST_H */
