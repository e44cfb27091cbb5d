/* SPDX-License-Identifier: MIT */
/*
 * Machine software and timer interrupts from the CLINT (privileged spec
 * 3.1.9, 3.2.1): msip and mtimecmp drive mip.MSIP/MTIP; an interrupt is
 * taken only when enabled in mie and by mstatus.MIE in M-mode, and right
 * after the CSR write that enables it; U-mode takes M interrupts whatever
 * mstatus.MIE says; MSI goes before MTI; vectored mtvec dispatches to
 * base + 4 * cause; wfi wakes up on a pending enabled interrupt even with
 * mstatus.MIE = 0; mtime counts up.
 */
#include "test.h"

#define MSIP0 (CLINT_BASE + CLINT_MSIP)
#define MTIMECMP0 (CLINT_BASE + CLINT_MTIMECMP)
#define MTIME (CLINT_BASE + CLINT_MTIME)
#define SPIN_LIMIT 4000000

/* a6 = low XLEN bits of mtime (rv32: the low word, enough for deltas). */
.macro READ_MTIME
    li t2, MTIME
#if XLEN == 64
    ld a6, 0(t2)
#else
    lw a6, 0(t2)
#endif
.endm

/* mtimecmp = mtime + ticks. rv32 writes the high word to all ones first
 * so no intermediate value fires early. */
.macro TIMER_IN ticks
#if XLEN == 64
    li t2, MTIME
    ld a6, 0(t2)
    li a7, \ticks
    add a6, a6, a7
    li t2, MTIMECMP0
    sd a6, 0(t2)
#else
    li t2, MTIME
1:  lw a7, 4(t2)
    lw a6, 0(t2)
    lw t3, 4(t2)
    bne a7, t3, 1b
    li t3, \ticks
    add t3, a6, t3
    sltu a6, t3, a6
    add a7, a7, a6
    li t2, MTIMECMP0
    li a6, -1
    sw a6, 4(t2)
    sw t3, 0(t2)
    sw a7, 4(t2)
#endif
.endm

/* mtimecmp = all ones: the timer never fires. */
.macro TIMER_OFF
    li t2, MTIMECMP0
    li a6, -1
#if XLEN == 64
    sd a6, 0(t2)
#else
    sw a6, 4(t2)
    sw a6, 0(t2)
#endif
.endm

/* mtimecmp = 0: the timer is pending now. */
.macro TIMER_NOW
    li t2, MTIMECMP0
#if XLEN == 64
    sd zero, 0(t2)
#else
    sw zero, 0(t2)
    sw zero, 4(t2)
#endif
.endm

/* Spin until the trap record counts a trap (bounded). */
.macro WAIT_TRAP
    li a5, SPIN_LIMIT
    csrr t0, mscratch
1:  LREG t1, ST_COUNT(t0)
    bnez t1, 2f
    addi a5, a5, -1
    bnez a5, 1b
2:
.endm

/* a0 = mip & bit */
.macro MIP_BIT bit
    csrr a0, mip
    andi a0, a0, \bit
.endm

TEST_BEGIN interrupts

    li s0, MSIP0
    csrw mie, zero
    csrci mstatus, MSTATUS_MIE
    TIMER_OFF
    MIP_BIT MIP_MTIP
    CHECK a0, 0

    /* msip sets mip.MSIP; with mstatus.MIE = 0 nothing is taken */
    li a0, MIP_MSIP
    csrw mie, a0
    TRAP_EXPECT
    li a1, 1
    sw a1, 0(s0)
    lw a1, 0(s0)
    CHECK a1, 1
    MIP_BIT MIP_MSIP
    CHECK a0, MIP_MSIP
    csrr t0, mscratch
    LREG t1, ST_COUNT(t0)
    CHECK t1, 0
    /* enabling MIE takes it before the next instruction */
    csrsi mstatus, MSTATUS_MIE
1:  csrci mstatus, MSTATUS_MIE
    CHECK_TRAP IRQ_BIT | IRQ_M_SOFT
    CHECK_EPC 1b
    /* the handler masked mie.MSIE; clearing msip clears mip.MSIP */
    csrr a0, mie
    CHECK a0, 0
    sw zero, 0(s0)
    MIP_BIT MIP_MSIP
    CHECK a0, 0

    /* with mstatus.MIE = 1, mie gates: enabling MSIE takes it at once */
    csrsi mstatus, MSTATUS_MIE
    TRAP_EXPECT
    li a1, 1
    sw a1, 0(s0)
    csrr t0, mscratch
    LREG t1, ST_COUNT(t0)
    CHECK t1, 0
    li a0, MIP_MSIP
    csrs mie, a0
1:  sw zero, 0(s0)
    CHECK_TRAP IRQ_BIT | IRQ_M_SOFT
    CHECK_EPC 1b
    csrci mstatus, MSTATUS_MIE

    /* machine timer: mtimecmp in the near future */
    READ_MTIME
    mv s1, a6
    li a0, 1000
1:  addi a0, a0, -1
    bnez a0, 1b
    READ_MTIME
    sub a0, a6, s1
    snez a0, a0
    CHECK a0, 1
    li a0, MIP_MTIP
    csrw mie, a0
    TRAP_EXPECT
    csrsi mstatus, MSTATUS_MIE
    TIMER_IN 1000
    WAIT_TRAP
    csrci mstatus, MSTATUS_MIE
    CHECK_TRAP IRQ_BIT | IRQ_M_TIMER
    MIP_BIT MIP_MTIP
    CHECK a0, MIP_MTIP
    TIMER_OFF
    MIP_BIT MIP_MTIP
    CHECK a0, 0

    /* wfi wakes up on a pending enabled interrupt with mstatus.MIE = 0 */
    li a0, MIP_MTIP
    csrw mie, a0
    TIMER_IN 2000
    li a5, 1000
1:  wfi
    MIP_BIT MIP_MTIP
    bnez a0, 2f
    addi a5, a5, -1
    bnez a5, 1b
2:  CHECK a0, MIP_MTIP
    TRAP_EXPECT
    csrsi mstatus, MSTATUS_MIE
    csrci mstatus, MSTATUS_MIE
    CHECK_TRAP IRQ_BIT | IRQ_M_TIMER
    TIMER_OFF

    /* vectored mtvec: base + 4 * cause; MSI is taken before MTI */
    la a0, vec_table + 1
    csrw mtvec, a0
    csrr t0, mscratch
    SREG zero, ST_MARK(t0)
    li a1, 1
    sw a1, 0(s0)
    TIMER_NOW
    li a0, MIP_MSIP | MIP_MTIP
    csrw mie, a0
    TRAP_EXPECT 2
    csrsi mstatus, MSTATUS_MIE
    csrci mstatus, MSTATUS_MIE
    sw zero, 0(s0)
    TIMER_OFF
    csrr t0, mscratch
    LREG a0, ST_MARK(t0)
    CHECK a0, 0x37
    LREG a0, ST_COUNT(t0)
    CHECK a0, 2
    /* exceptions still go to the base */
    TRAP_EXPECT
    ecall
    CHECK_TRAP CAUSE_ECALL_M
    csrr t0, mscratch
    LREG a0, ST_MARK(t0)
    CHECK a0, 0x370
    la a0, rt_trap_entry
    csrw mtvec, a0

    /* U-mode takes machine interrupts even with mstatus.MIE = 0 */
    PMP_OPEN_ALL
    li a0, MIP_MSIP
    csrw mie, a0
    TRAP_EXPECT
    ENTER_USER user_msip
user_back:
    CHECK_TRAP CAUSE_ECALL_U
    NEXT_CHECK
    CMP s2, 1
    CMP s3, IRQ_BIT | IRQ_M_SOFT
    li a0, MSTATUS_MPP
    and s4, s4, a0
    CMP s4, 0

    TEST_PASS

/* U-mode: raise a software interrupt, note what the trap recorded, then
 * ecall back to M-mode. */
user_msip:
    li a1, 1
    li a2, MSIP0
    sw a1, 0(a2)
    li a5, SPIN_LIMIT
    la t0, rt_trap_state
1:  LREG t1, ST_COUNT(t0)
    bnez t1, 2f
    addi a5, a5, -1
    bnez a5, 1b
2:  sw zero, 0(a2)
    LREG s2, ST_COUNT(t0)
    LREG s3, ST_CAUSE(t0)
    LREG s4, ST_MSTATUS(t0)
    TRAP_EXPECT_FROM_USER user_back
    ecall

/* Vectored entries mark the trap record (mark = mark * 16 + cause). */
.macro VEC_MARK code
    csrrw t0, mscratch, t0
    SREG t1, ST_T1(t0)
    LREG t1, ST_MARK(t0)
    slli t1, t1, 4
    addi t1, t1, \code
    SREG t1, ST_MARK(t0)
    LREG t1, ST_T1(t0)
    csrrw t0, mscratch, t0
    j rt_trap_entry
.endm

    .align 8
vec_table:
    .option push
    .option norvc
    j vec_exception
    j vec_other
    j vec_other
    j vec_msi
    j vec_other
    j vec_other
    j vec_other
    j vec_mti
    j vec_other
    j vec_other
    j vec_other
    j vec_other
    .option pop
vec_exception:
    VEC_MARK 0
vec_msi:
    VEC_MARK 3
vec_mti:
    VEC_MARK 7
vec_other:
    VEC_MARK 0xf
