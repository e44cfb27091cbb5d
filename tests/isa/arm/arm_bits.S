/* SPDX-License-Identifier: MIT */
/*
 * Bit manipulation, extension and saturation (ARMv7-M ARM A5.3.12,
 * A5.2.1, A7.7): CLZ, RBIT, REV, REV16, REVSH; the bit-field BFI, BFC,
 * UBFX, SBFX; SXTB, SXTH, UXTB, UXTH in their 16-bit forms and with a
 * rotation; SSAT and USAT with shifts, which set the sticky Q flag on
 * saturation and leave it alone otherwise (MSR APSR_nzcvq clears it).
 */
#include "test.h"

/* One case: a saturating op with shift (op rd, #bits, rn, shift) gives res
 * and leaves Q as q (Q cleared before). */
.macro TEST_SAT op, res, q, bits, a, shift=lsl #0
    NEXT_CHECK
    SET_FLAGS 0
    LI r1, \a
    \op r0, #\bits, r1, \shift
    mrs r3, apsr
    EXPECT r0, \res
    and r3, r3, #FLAG_Q
    EXPECT r3, \q
.endm

TEST_BEGIN bits

    TEST_R clz, 32, 0
    TEST_R clz, 0, 0x80000000
    TEST_R clz, 31, 1
    TEST_R clz, 12, 0x000fffff
    TEST_R rbit, 0x80000000, 1
    TEST_R rbit, 0x1e6a2c48, 0x12345678
    TEST_R rbit, 0xffff0000, 0x0000ffff
    TEST_R rev, 0x78563412, 0x12345678
    TEST_R rev16, 0x34127856, 0x12345678
    TEST_R revsh, 0x00007856, 0x12345678
    TEST_R revsh, 0xffff80ff, 0x1234ff80
    NEXT_CHECK
    LI r1, 0x11223344
    rev r0, r1
    EXPECT r0, 0x44332211
    rev16 r0, r1
    EXPECT r0, 0x22114433
    revsh r0, r1
    EXPECT r0, 0x4433

    /* bit fields */
    NEXT_CHECK
    LI r0, 0xffffffff
    LI r1, 0x12345678
    bfi r0, r1, #8, #12
    EXPECT r0, 0xfff678ff
    bfi r0, r1, #0, #32
    EXPECT r0, 0x12345678
    bfi r0, r1, #31, #1
    EXPECT r0, 0x12345678
    LI r1, 1
    bfi r0, r1, #31, #1
    EXPECT r0, 0x92345678
    bfc r0, #4, #8
    EXPECT r0, 0x92345008
    bfc r0, #0, #32
    EXPECT r0, 0
    NEXT_CHECK
    LI r1, 0x12345678
    ubfx r0, r1, #4, #8
    EXPECT r0, 0x67
    ubfx r0, r1, #28, #4
    EXPECT r0, 0x1
    ubfx r0, r1, #0, #32
    EXPECT r0, 0x12345678
    sbfx r0, r1, #4, #8
    EXPECT r0, 0x67
    sbfx r0, r1, #0, #4
    EXPECT r0, 0xfffffff8
    LI r1, 0x80000000
    sbfx r0, r1, #31, #1
    EXPECT r0, 0xffffffff
    sbfx r0, r1, #16, #16
    EXPECT r0, 0xffff8000
    ubfx r0, r1, #31, #1
    EXPECT r0, 1

    /* extension */
    NEXT_CHECK
    LI r1, 0x12348780
    sxtb r0, r1
    EXPECT r0, 0xffffff80
    uxtb r0, r1
    EXPECT r0, 0x80
    sxth r0, r1
    EXPECT r0, 0xffff8780
    uxth r0, r1
    EXPECT r0, 0x8780
    sxtb.w r0, r1, ror #8
    EXPECT r0, 0xffffff87
    uxtb.w r0, r1, ror #16
    EXPECT r0, 0x34
    sxth.w r0, r1, ror #16
    EXPECT r0, 0x1234
    uxth.w r0, r1, ror #24
    EXPECT r0, 0x8012
    sxtb.w r0, r1, ror #24
    EXPECT r0, 0x12
    sxth.w r0, r1, ror #8
    EXPECT r0, 0x3487
    movs r0, #0
    sxtb r0, r0
    EXPECT r0, 0

    /* saturation */
    TEST_SAT ssat, 127, FLAG_Q, 8, 300
    TEST_SAT ssat, 0xffffff80, FLAG_Q, 8, 0xfffffed4
    TEST_SAT ssat, 100, 0, 8, 100
    TEST_SAT ssat, 0xffffff80, 0, 8, 0xffffff80
    TEST_SAT ssat, 0x7fff, FLAG_Q, 16, 0x1000, lsl #4
    TEST_SAT ssat, 0xfffffff0, 0, 16, 0xffffff00, asr #4
    TEST_SAT ssat, 0, FLAG_Q, 1, 5
    TEST_SAT ssat, 0xffffffff, 0, 1, 0xffffffff
    TEST_SAT ssat, 0x80000000, 0, 32, 0x80000000
    TEST_SAT ssat, 0xc0000000, FLAG_Q, 31, 0x80000000
    TEST_SAT usat, 255, FLAG_Q, 8, 300
    TEST_SAT usat, 0, FLAG_Q, 8, 0xfffffffb
    TEST_SAT usat, 200, 0, 8, 200
    TEST_SAT usat, 0, 0, 8, 0
    TEST_SAT usat, 0, FLAG_Q, 31, 0x80000000
    TEST_SAT usat, 0x7fffffff, 0, 31, 0x7fffffff
    TEST_SAT usat, 0, 0, 0, 0
    TEST_SAT usat, 0, FLAG_Q, 0, 1
    TEST_SAT usat, 0xf0, 0, 8, 0xf000, asr #8
    /* Q is sticky: a later non-saturating op leaves it set */
    SET_FLAGS 0
    LI r1, 1000
    ssat r0, #8, r1
    LI r1, 5
    ssat r0, #8, r1
    CHECK_FLAGS FLAG_Q
    SET_FLAGS FLAG_N | FLAG_Z | FLAG_C | FLAG_V
    LI r1, 1000
    usat r0, #4, r1
    CHECK_FLAGS FLAG_N | FLAG_Z | FLAG_C | FLAG_V | FLAG_Q
    SET_FLAGS 0
    CHECK_FLAGS 0

    TEST_PASS
