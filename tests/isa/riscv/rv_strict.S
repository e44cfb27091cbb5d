/* SPDX-License-Identifier: MIT */
/*
 * Machine-mode details where QEMU 7.2 is looser than the privileged spec
 * or than Mosaic's RV32GC/RV64GC + U core (the runner skips this file
 * on QEMU): the exact misa value, mepc bit 0 always zero (3.1.14), MPP
 * holding only M and U (WARL, 3.1.6.1), mtval = pc on ebreak (3.1.16),
 * no S-mode CSRs or sret, mret into U-mode clearing MPRV (3.1.6.3),
 * misaligned LR raising a load address-misaligned trap and misaligned
 * SC/AMOs a store/AMO one, even an SC without reservation, with mtval =
 * the address (unprivileged 8.2-8.4), and an AMO where nothing is mapped
 * raising a store/AMO access fault (cause 7).
 */
#include "test.h"

/* One case: insn raises illegal instruction with mtval = its encoding. */
.macro TEST_ILLEGAL insn
    TRAP_EXPECT
.Linsn\@:
    \insn
    CHECK_TRAP CAUSE_ILLEGAL
    LOAD_INSN a5, .Linsn\@
    CHECK_TVAL_REG a5
.endm

/* One case: a misaligned atomic traps with cause and mtval = address and
 * leaves memory alone. a1 = address. */
.macro TEST_AMO_MISALIGNED insn, cause
    NEXT_CHECK
    la a0, buf
    li t2, -1
    sw t2, 0(a0)
    sw t2, 4(a0)
    sw t2, 8(a0)
    li a2, 0
    TRAP_EXPECT
    \insn
    csrr t0, mscratch
    LREG t1, ST_COUNT(t0)
    CMP t1, 1
    LREG t1, ST_CAUSE(t0)
    CMP t1, \cause
    LREG t1, ST_TVAL(t0)
    CMP_SAME t1, a1
    lw t2, 0(a0)
    CMP t2, -1
    lw t2, 4(a0)
    CMP t2, -1
    lw t2, 8(a0)
    CMP t2, -1
.endm

TEST_BEGIN strict

    /* misa: MXL and exactly A, C, D, F, I, M, U (the boards' gc model) */
    csrr a0, misa
#if XLEN == 64
    CHECK a0, 0x800000000010112d
#else
    CHECK a0, 0x4010112d
#endif

    /* mepc[0] is always zero */
    li a0, -1
    csrw mepc, a0
    csrr a1, mepc
    CHECK a1, -2
    li a0, 0x80000001
    csrw mepc, a0
    csrr a1, mepc
    CHECK a1, 0x80000000

    /* MPP: S (1) and the reserved 2 are not kept */
    li s0, MSTATUS_MPP
    li a0, 0x800
    csrc mstatus, s0
    csrs mstatus, a0
    csrr a1, mstatus
    and a1, a1, s0
    xor a1, a1, a0
    snez a1, a1
    CHECK a1, 1
    li a0, 0x1000
    csrc mstatus, s0
    csrs mstatus, a0
    csrr a1, mstatus
    and a1, a1, s0
    xor a1, a1, a0
    snez a1, a1
    CHECK a1, 1
    csrs mstatus, s0

    /* ebreak and c.ebreak: mtval = pc */
    TRAP_EXPECT
    .option push
    .option norvc
1:  ebreak
    .option pop
    CHECK_TRAP CAUSE_BREAKPOINT
    CHECK_TVAL_ADDR 1b
    TRAP_EXPECT
1:  c.ebreak
    CHECK_TRAP CAUSE_BREAKPOINT
    CHECK_TVAL_ADDR 1b

    /* no S-mode: its CSRs and sret are illegal */
    TEST_ILLEGAL "csrr a0, satp"
    TEST_ILLEGAL "csrr a0, sstatus"
    TEST_ILLEGAL "csrw stvec, a0"
    TEST_ILLEGAL "sret"

    /* an mret into U-mode clears MPRV */
    PMP_OPEN_ALL
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    TRAP_EXPECT_RESUME 1f
    ENTER_USER user_ecall
1:  CHECK_TRAP CAUSE_ECALL_U
    csrr a0, mstatus
    li a1, MSTATUS_MPRV
    and a0, a0, a1
    CHECK a0, 0

    /* misaligned atomics trap and change nothing */
    la a1, buf + 2
    TEST_AMO_MISALIGNED "lr.w a3, (a1)", CAUSE_LOAD_MISALIGNED
    TEST_AMO_MISALIGNED "sc.w a3, a2, (a1)", CAUSE_STORE_MISALIGNED
    TEST_AMO_MISALIGNED "amoswap.w a3, a2, (a1)", CAUSE_STORE_MISALIGNED
    la a1, buf + 1
    TEST_AMO_MISALIGNED "amoadd.w a3, a2, (a1)", CAUSE_STORE_MISALIGNED
    la a1, buf + 3
    TEST_AMO_MISALIGNED "amomaxu.w a3, a2, (a1)", CAUSE_STORE_MISALIGNED
#if XLEN == 64
    la a1, buf + 4
    TEST_AMO_MISALIGNED "lr.d a3, (a1)", CAUSE_LOAD_MISALIGNED
    TEST_AMO_MISALIGNED "sc.d a3, a2, (a1)", CAUSE_STORE_MISALIGNED
    TEST_AMO_MISALIGNED "amoand.d a3, a2, (a1)", CAUSE_STORE_MISALIGNED
#endif

    /* AMOs where nothing is mapped: store/AMO access fault */
    li a1, UNMAPPED_ADDR
    TRAP_EXPECT
    amoadd.w a3, a2, (a1)
    CHECK_TRAP CAUSE_STORE_ACCESS
    CHECK_TVAL UNMAPPED_ADDR
#if XLEN == 64
    TRAP_EXPECT
    amoor.d a3, a2, (a1)
    CHECK_TRAP CAUSE_STORE_ACCESS
#endif

    TEST_PASS

user_ecall:
    ecall

    .data
    .align 3
buf:
    .space 16
