/* SPDX-License-Identifier: MIT */
/*
 * Synchronous traps in machine mode (privileged spec 3.1.15-3.1.16, 3.3):
 * ecall (cause 11, mtval 0), ebreak (cause 3), illegal
 * instructions (all-zero 16-bit parcel, reserved compressed encodings, an
 * unknown opcode, a floating-point load on a core without F) with mtval =
 * the instruction bits, load/store access faults where nothing is mapped
 * (mtval = the address, rd not written), an instruction access fault on a
 * jump to unmapped memory (mepc = mtval = the target), and what trap entry
 * and mret do to mstatus.MIE, MPIE and MPP.
 */
#include "test.h"

/* Nothing is mapped here on the virt and spike boards (QEMU's and ours). */
#define NOWHERE 0x800
#define RAM_END 0x88000000

/* One case: the 16-bit parcel raises illegal instruction, mtval = parcel. */
.macro TEST_ILLEGAL16 parcel
    TRAP_EXPECT
.Linsn\@:
    .2byte \parcel
    CHECK_TRAP CAUSE_ILLEGAL
    CHECK_EPC .Linsn\@
    CHECK_TVAL \parcel
.endm

/* One case: the 32-bit word raises illegal instruction, mtval = word. */
.macro TEST_ILLEGAL32 word
    TRAP_EXPECT
.Linsn\@:
    .4byte \word
    CHECK_TRAP CAUSE_ILLEGAL
    CHECK_EPC .Linsn\@
    CHECK_TVAL \word
.endm

TEST_BEGIN traps

    /* ecall from M-mode */
    TRAP_EXPECT
1:  ecall
    CHECK_TRAP CAUSE_ECALL_M
    CHECK_EPC 1b
    CHECK_TVAL 0

    /* ebreak (not the semihosting sequence); mtval: rv_strict.S */
    TRAP_EXPECT
    .option push
    .option norvc
1:  ebreak
    .option pop
    CHECK_TRAP CAUSE_BREAKPOINT
    CHECK_EPC 1b

    /* illegal instructions */
    TEST_ILLEGAL16 0x0000
    TEST_ILLEGAL16 0x6081   /* c.lui ra, 0: reserved */
    TEST_ILLEGAL16 0x8002   /* c.jr x0: reserved */
    TEST_ILLEGAL16 0x4002   /* c.lwsp x0: reserved */
    TEST_ILLEGAL32 0x0000000b   /* custom-0 opcode */
    TEST_ILLEGAL32 0x0000002b   /* custom-1 opcode */
    TEST_ILLEGAL32 0xfe000033   /* OP with an unknown funct7 */
    TEST_ILLEGAL32 0x00052007   /* flw f0, 0(a0): no F, or FS = Off */

    /* loads and stores where nothing is mapped; rd keeps its value */
    li a1, NOWHERE
    li a0, 0x1234
    TRAP_EXPECT
1:  lw a0, 0(a1)
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_EPC 1b
    CHECK_TVAL NOWHERE
    CHECK a0, 0x1234
    TRAP_EXPECT
    lbu a0, 3(a1)
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TVAL NOWHERE + 3
    TRAP_EXPECT
    lh a0, -2(a1)
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TVAL NOWHERE - 2
    TRAP_EXPECT
1:  sw a0, 8(a1)
    CHECK_TRAP CAUSE_STORE_ACCESS
    CHECK_EPC 1b
    CHECK_TVAL NOWHERE + 8
    TRAP_EXPECT
    sb a0, 0(zero)
    CHECK_TRAP CAUSE_STORE_ACCESS
    CHECK_TVAL 0
    li a1, RAM_END
    TRAP_EXPECT
    lbu a0, 0(a1)
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TVAL RAM_END
#if XLEN == 64
    li a1, NOWHERE
    TRAP_EXPECT
    ld a0, 16(a1)
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TVAL NOWHERE + 16
    TRAP_EXPECT
    sd a0, 24(a1)
    CHECK_TRAP CAUSE_STORE_ACCESS
    CHECK_TVAL NOWHERE + 24
#endif
    /* a compressed load faults with mepc at its 2-byte instruction */
    li s0, NOWHERE
    TRAP_EXPECT
1:  c.lw a0, 4(s0)
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_EPC 1b
    CHECK_TVAL NOWHERE + 4

    /* instruction fetch where nothing is mapped */
    li a1, NOWHERE
    TRAP_EXPECT_RESUME 1f
    jalr a1
1:  CHECK_TRAP CAUSE_FETCH_ACCESS
    CHECK_TVAL NOWHERE
    csrr t0, mscratch
    LREG t1, ST_EPC(t0)
    CHECK t1, NOWHERE
    li a1, RAM_END
    TRAP_EXPECT_RESUME 1f
    jr a1
1:  CHECK_TRAP CAUSE_FETCH_ACCESS
    CHECK_TVAL RAM_END

    /* trap entry: MPIE = MIE, MIE = 0, MPP = M; mret restores MIE */
    csrw mie, zero
    csrsi mstatus, MSTATUS_MIE
    TRAP_EXPECT
    ecall
    csrr t0, mscratch
    LREG a0, ST_MSTATUS(t0)
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, a0, a1
    CHECK a0, MSTATUS_MPIE | MSTATUS_MPP
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE
    CHECK a0, MSTATUS_MIE
    csrci mstatus, MSTATUS_MIE

    /* mret: MIE = MPIE, MPIE = 1, MPP = U (the least privileged mode) */
    li a0, MSTATUS_MPIE | MSTATUS_MPP
    csrs mstatus, a0
    la a0, 1f
    csrw mepc, a0
    mret
    jal t5, test_fail
1:  csrr a0, mstatus
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, a0, a1
    CHECK a0, MSTATUS_MIE | MSTATUS_MPIE
    csrci mstatus, MSTATUS_MIE
    li a0, MSTATUS_MPIE
    csrc mstatus, a0
    li a0, MSTATUS_MPP
    csrs mstatus, a0
    la a0, 1f
    csrw mepc, a0
    mret
    jal t5, test_fail
1:  csrr a0, mstatus
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, a0, a1
    CHECK a0, MSTATUS_MPIE

    TEST_PASS
