/* SPDX-License-Identifier: MIT */
/*
 * Multiply and divide (ARMv7-M ARM A5.3.15-A5.3.16, A7.7): MUL (32 and
 * 16-bit MULS, which sets N and Z only), MLA, MLS, the 64-bit UMULL,
 * SMULL, UMLAL and SMLAL, and SDIV/UDIV rounding towards zero, with
 * division by zero giving 0 while CCR.DIV_0_TRP is clear (the trap is in
 * arm_fault.S) and INT_MIN / -1 giving INT_MIN.
 */
#include "test.h"

/* One case for a 64-bit multiply: rdlo, rdhi from a and b (and the
 * accumulator lo:hi for the accumulating forms). */
.macro TEST_LONG op, lo, hi, a, b, acc_lo=0, acc_hi=0
    NEXT_CHECK
    LI r0, \acc_lo
    LI r1, \acc_hi
    LI r2, \a
    LI r3, \b
    \op r0, r1, r2, r3
    EXPECT r0, \lo
    EXPECT r1, \hi
.endm

TEST_BEGIN muldiv

    TEST_RR mul, 6, 2, 3
    TEST_RR mul, 0xfffffffa, 0xfffffffe, 3
    TEST_RR mul, 0x00000001, 0xffffffff, 0xffffffff
    TEST_RR mul, 0x242d2080, 0x12345678, 0x9abcdef0
    /* MULS (16-bit): N and Z from the result; C and V unchanged */
    SET_FLAGS FLAG_C | FLAG_V
    movs r0, #0
    movs r1, #5
    muls r0, r1, r0
    CHECK_FLAGS FLAG_Z | FLAG_C | FLAG_V
    movs r0, #1
    negs r0, r0
    SET_FLAGS 0
    muls r0, r1, r0
    CHECK_FLAGS FLAG_N
    CHECK r0, 0xfffffffb
    /* MLA, MLS */
    NEXT_CHECK
    LI r1, 7
    LI r2, 6
    LI r3, 100
    mla r0, r1, r2, r3
    EXPECT r0, 142
    mls r0, r1, r2, r3
    EXPECT r0, 58
    LI r3, 0
    mls r0, r1, r2, r3
    EXPECT r0, 0xffffffd6
    LI r1, 0x10000
    LI r2, 0x10000
    LI r3, 5
    mla r0, r1, r2, r3
    EXPECT r0, 5

    /* 64-bit results */
    TEST_LONG umull, 0x00000006, 0x00000000, 2, 3
    TEST_LONG umull, 0x00000001, 0xfffffffe, 0xffffffff, 0xffffffff
    TEST_LONG umull, 0x242d2080, 0x0b00ea4e, 0x12345678, 0x9abcdef0
    TEST_LONG smull, 0x00000001, 0x00000000, 0xffffffff, 0xffffffff
    TEST_LONG smull, 0xfffffffa, 0xffffffff, 0xfffffffe, 3
    TEST_LONG smull, 0x00000000, 0x40000000, 0x80000000, 0x80000000
    TEST_LONG smull, 0x242d2080, 0xf8cc93d6, 0x12345678, 0x9abcdef0
    TEST_LONG umlal, 0x00000005, 0x00000001, 0xffffffff, 1, 6, 0
    TEST_LONG umlal, 0xfffffffe, 0xffffffff, 0xffffffff, 0xffffffff, 0xfffffffd, 1
    TEST_LONG smlal, 0x00000003, 0x00000000, 0xffffffff, 2, 5, 0
    TEST_LONG smlal, 0xffffffff, 0xffffffff, 0xffffffff, 1, 0, 0
    TEST_LONG smlal, 0x00000000, 0x00000001, 0x00010000, 0x00010000, 0, 0
    /* The 64-bit forms leave the flags alone. */
    SET_FLAGS FLAG_N | FLAG_V
    LI r2, 0
    umull r0, r1, r2, r2
    smlal r0, r1, r2, r2
    CHECK_FLAGS FLAG_N | FLAG_V

    /* division rounds towards zero */
    TEST_RR udiv, 3, 10, 3
    TEST_RR udiv, 0, 3, 10
    TEST_RR udiv, 0x7fffffff, 0xffffffff, 2
    TEST_RR udiv, 1, 0xffffffff, 0xffffffff
    TEST_RR sdiv, 3, 10, 3
    TEST_RR sdiv, 0xfffffffd, 0xfffffff6, 3
    TEST_RR sdiv, 0xfffffffd, 10, 0xfffffffd
    TEST_RR sdiv, 3, 0xfffffff6, 0xfffffffd
    TEST_RR sdiv, 0, 0xfffffffe, 5
    /* INT_MIN / -1 overflows to INT_MIN */
    TEST_RR sdiv, 0x80000000, 0x80000000, 0xffffffff
    /* by zero without the trap: 0 */
    TEST_RR udiv, 0, 1234, 0
    TEST_RR sdiv, 0, 0x80000000, 0
    SET_FLAGS FLAG_Z
    LI r1, 7
    LI r2, 2
    sdiv r0, r1, r2
    udiv r0, r1, r2
    CHECK_FLAGS FLAG_Z

    TEST_PASS
