/* SPDX-License-Identifier: MIT */
/*
 * Zicsr and the machine-mode CSRs (unprivileged chapter 9, privileged
 * chapter 3.1): the six CSR instructions with their read/write rules
 * (rs1 = x0 or uimm = 0 does not write; rd = x0 does not read), mhartid,
 * misa (MXL, I, M, A, C, U), the mstatus fields MIE, MPIE, MPP and MPRV,
 * mepc, mtvec direct and vectored, mcause, mtval, mie, the read-only
 * bits of mip, mcycle and minstret counting, and the illegal-instruction
 * trap (mtval = instruction bits) for an unimplemented CSR and for a write
 * to a read-only one.
 */
#include "test.h"

/* One case: insn (at a label) raises an illegal-instruction trap whose
 * mtval holds its encoding. */
.macro TEST_ILLEGAL_CSR insn
    TRAP_EXPECT
.Linsn\@:
    \insn
    CHECK_TRAP CAUSE_ILLEGAL
    LOAD_INSN a5, .Linsn\@
    CHECK_TVAL_REG a5
.endm

TEST_BEGIN csr

    /* mscratch is the trap record pointer: keep it while testing */
    csrr s11, mscratch

    li a0, 0x12345678
    csrw mscratch, a0
    csrr a1, mscratch
    CHECK a1, 0x12345678
    li a2, -1
    csrrw a3, mscratch, a2
    CHECK a3, 0x12345678
    csrr a1, mscratch
    CHECK a1, -1
    li a2, 0xff
    csrrc a3, mscratch, a2
    CHECK a3, -1
    csrr a1, mscratch
    CHECK a1, ~0xff
    li a2, 0x0f
    csrrs a3, mscratch, a2
    CHECK a3, ~0xff
    csrr a1, mscratch
    CHECK a1, ~0xf0
    csrrwi a3, mscratch, 31
    CHECK a3, ~0xf0
    csrr a1, mscratch
    CHECK a1, 31
    csrrci a3, mscratch, 0x11
    CHECK a3, 31
    csrrsi a3, mscratch, 0x10
    CHECK a3, 14
    csrr a1, mscratch
    CHECK a1, 30
    /* rs1 = x0 / uimm = 0: read without writing */
    csrrs a3, mscratch, x0
    CHECK a3, 30
    csrrc a3, mscratch, x0
    csrrsi a3, mscratch, 0
    csrrci a3, mscratch, 0
    CHECK a3, 30
    /* rd = rs1: the old value lands in rd after rs1 was used */
    li a0, 0x55
    csrrw a0, mscratch, a0
    CHECK a0, 30
    csrr a1, mscratch
    CHECK a1, 0x55
    /* rd = x0 still writes */
    li a0, XMIN
    csrrw x0, mscratch, a0
    CHECK x0, 0
    csrr a1, mscratch
    CHECK a1, XMIN
    csrw mscratch, s11

    /* identification */
    csrr a0, mhartid
    CHECK a0, 0
    csrr a0, misa
    srli a1, a0, XLEN - 2
#if XLEN == 64
    CHECK a1, 2
#else
    CHECK a1, 1
#endif
    li a2, 0x101105
    and a1, a0, a2
    CHECK a1, 0x101105

    /* mstatus: MPP holds M and U, MIE/MPIE/MPRV are writable */
    li a0, MSTATUS_MPP
    csrs mstatus, a0
    csrr a1, mstatus
    and a1, a1, a0
    CHECK a1, MSTATUS_MPP
    csrc mstatus, a0
    csrr a1, mstatus
    and a1, a1, a0
    CHECK a1, 0
    li a0, MSTATUS_MPIE | MSTATUS_MPRV
    csrs mstatus, a0
    csrr a1, mstatus
    and a1, a1, a0
    CHECK a1, MSTATUS_MPIE | MSTATUS_MPRV
    csrc mstatus, a0
    csrr a1, mstatus
    and a1, a1, a0
    CHECK a1, 0
    csrsi mstatus, MSTATUS_MIE
    csrr a1, mstatus
    andi a1, a1, MSTATUS_MIE
    CHECK a1, MSTATUS_MIE
    csrci mstatus, MSTATUS_MIE
    csrr a1, mstatus
    andi a1, a1, MSTATUS_MIE
    CHECK a1, 0
    li a0, MSTATUS_MPP
    csrs mstatus, a0

    /* mepc: bit 1 is writable with C (bit 0: rv_csr_mosaic.S) */
    li a0, 0x80000002
    csrw mepc, a0
    csrr a1, mepc
    CHECK a1, 0x80000002

    /* mtvec: direct and vectored modes read back */
    csrr s10, mtvec
    la a0, tvec_base
    csrw mtvec, a0
    csrr a1, mtvec
    CHECK_SAME a1, a0
    ori a0, a0, 1
    csrw mtvec, a0
    csrr a1, mtvec
    CHECK_SAME a1, a0
    /* a vectored mtvec sends exceptions to the base */
    csrr a1, mscratch
    SREG zero, ST_MARK(a1)
    TRAP_EXPECT
    ecall
    CHECK_TRAP CAUSE_ECALL_M
    csrr a1, mscratch
    LREG a1, ST_MARK(a1)
    CHECK a1, 0x7ec
    csrw mtvec, s10

    /* mcause, mtval, mie: read back what was written */
    li a0, IRQ_BIT | IRQ_M_TIMER
    csrw mcause, a0
    csrr a1, mcause
    CHECK a1, IRQ_BIT | IRQ_M_TIMER
    li a0, CAUSE_ILLEGAL
    csrw mcause, a0
    csrr a1, mcause
    CHECK a1, CAUSE_ILLEGAL
    li a0, 0x12345678
    csrw mtval, a0
    csrr a1, mtval
    CHECK a1, 0x12345678
    li a0, MIP_MSIP | MIP_MTIP
    csrw mie, a0
    csrr a1, mie
    and a1, a1, a0
    CHECK a1, MIP_MSIP | MIP_MTIP
    csrw mie, zero
    csrr a1, mie
    and a1, a1, a0
    CHECK a1, 0
    /* mip.MSIP follows the CLINT, not CSR writes */
    csrsi mip, MIP_MSIP
    csrr a1, mip
    andi a1, a1, MIP_MSIP
    CHECK a1, 0

    /* mcycle and minstret count up (over 200 instructions here) */
    csrr a0, mcycle
    csrr a2, minstret
    li a1, 100
1:  addi a1, a1, -1
    bnez a1, 1b
    csrr a1, mcycle
    csrr a3, minstret
    sltu a4, a0, a1
    CHECK a4, 1
    sub a3, a3, a2
    sltiu a4, a3, 100
    CHECK a4, 0
#if XLEN == 32
    /* the high halves exist on rv32 and hold a consistent 64-bit value */
1:  csrr a1, mcycleh
    csrr a0, mcycle
    csrr a2, mcycleh
    bne a1, a2, 1b
    csrr a3, minstreth
    CHECK x0, 0
#endif

    /* unimplemented CSRs (custom M-mode and U-mode numbers) */
    TEST_ILLEGAL_CSR "csrr a0, 0xbc0"
    TEST_ILLEGAL_CSR "csrw 0x8ff, a1"
    TEST_ILLEGAL_CSR "csrrsi a2, 0x7ff, 1"
    /* writes to read-only CSRs, even of the same value or with rd = x0 */
    TEST_ILLEGAL_CSR "csrw mhartid, zero"
    li a1, 1
    TEST_ILLEGAL_CSR "csrrs a0, mhartid, a1"
    TEST_ILLEGAL_CSR "csrrci a0, mhartid, 4"
    TEST_ILLEGAL_CSR "csrrwi x0, mhartid, 0"
    TEST_ILLEGAL_CSR "csrw cycle, a1"
    /* reads of read-only CSRs are fine */
    csrrs a0, mhartid, x0
    csrrsi a0, mhartid, 0
    CHECK a0, 0

    TEST_PASS

/* Vectored mtvec: exceptions arrive at the base. Mark the trap record,
 * then let the runtime's handler do the rest. */
    .align 8
tvec_base:
    csrrw t0, mscratch, t0
    SREG t1, ST_T1(t0)
    li t1, 0x7ec
    SREG t1, ST_MARK(t0)
    LREG t1, ST_T1(t0)
    csrrw t0, mscratch, t0
    j rt_trap_entry
