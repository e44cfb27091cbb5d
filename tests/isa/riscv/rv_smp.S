/* SPDX-License-Identifier: MIT */
/*
 * Two harts (run with 2 CPUs): each has its own mhartid; both increment
 * shared counters with amoadd and with LR/SC loops, so lost updates would
 * show in the totals; each hart wakes the other through its CLINT msip
 * (hart 1 waits in wfi, hart 0 takes the interrupt through the trap
 * handler). Hart 1 only records results; hart 0 checks them, with bounded
 * waits so a missing second hart fails instead of hanging.
 */
#include "test.h"

#define ROUNDS 2000
#define SPIN_LIMIT 20000000

/* Spin (bounded) until the word at label is nonzero; a0 = its value. */
.macro WAIT_NONZERO label
    la a1, \label
    li a5, SPIN_LIMIT
1:  lw a0, 0(a1)
    bnez a0, 2f
    addi a5, a5, -1
    bnez a5, 1b
2:
.endm

/* ROUNDS increments of amo_count (amoadd) and lrsc_count (LR/SC). */
.macro HAMMER
    la a1, amo_count
    la a2, lrsc_count
    li a3, ROUNDS
    li a4, 1
1:  amoadd.w zero, a4, (a1)
2:  lr.w a0, (a2)
    addi a0, a0, 1
    sc.w a5, a0, (a2)
    bnez a5, 2b
    addi a3, a3, -1
    bnez a3, 1b
.endm

TEST_BEGIN smp

    /* release hart 1 and run alongside it */
    li a0, 1
    la a1, go
    amoswap.w.rl zero, a0, (a1)
    HAMMER
    WAIT_NONZERO hart1_done
    CHECK a0, 1
    la a1, hart1_id
    lw a0, 0(a1)
    CHECK a0, 1
    la a1, amo_count
    lw a0, 0(a1)
    CHECK a0, 2 * ROUNDS
    la a1, lrsc_count
    lw a0, 0(a1)
    CHECK a0, 2 * ROUNDS

    /* wake hart 1 out of wfi with its msip */
    li a0, 1
    li a1, CLINT_BASE + CLINT_MSIP + 4
    sw a0, 0(a1)
    WAIT_NONZERO hart1_woken
    CHECK a0, 1

    /* hart 1 interrupts hart 0 */
    li a0, MIP_MSIP
    csrw mie, a0
    TRAP_EXPECT
    csrsi mstatus, MSTATUS_MIE
    li a0, 1
    la a1, ping
    sw a0, 0(a1)
    li a5, SPIN_LIMIT
    csrr t0, mscratch
1:  LREG t1, ST_COUNT(t0)
    bnez t1, 2f
    addi a5, a5, -1
    bnez a5, 1b
2:  csrci mstatus, MSTATUS_MIE
    li a1, CLINT_BASE + CLINT_MSIP
    sw zero, 0(a1)
    CHECK_TRAP IRQ_BIT | IRQ_M_SOFT

    TEST_PASS

    .globl test_secondary
test_secondary:
    csrr a0, mhartid
    li a1, 1
    bne a0, a1, rt_park
    la a1, hart1_id
    sw a0, 0(a1)
    WAIT_NONZERO go
    fence r, rw
    HAMMER
    fence rw, w
    li a0, 1
    la a1, hart1_done
    sw a0, 0(a1)
    /* sleep until hart 0 raises our msip (mie.MSIE with MIE = 0) */
    li a0, MIP_MSIP
    csrw mie, a0
1:  wfi
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    beqz a0, 1b
    li a1, CLINT_BASE + CLINT_MSIP + 4
    sw zero, 0(a1)
    li a0, 1
    la a1, hart1_woken
    sw a0, 0(a1)
    /* then raise hart 0's msip once it is listening */
    WAIT_NONZERO ping
    li a0, 1
    li a1, CLINT_BASE + CLINT_MSIP
    sw a0, 0(a1)
2:  wfi
    j 2b

    .data
    .align 6
go:         .word 0
    .align 6
hart1_id:   .word 0
    .align 6
hart1_done: .word 0
    .align 6
hart1_woken: .word 0
    .align 6
ping:       .word 0
    .align 6
amo_count:  .word 0
    .align 6
lrsc_count: .word 0
