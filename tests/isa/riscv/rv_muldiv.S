/* SPDX-License-Identifier: MIT */
/*
 * M extension (unprivileged spec, chapter 7): multiplication low and high
 * halves for every signedness, division and remainder rounding toward
 * zero, division by zero (quotient all ones, remainder the dividend) and
 * overflow (MIN / -1 = MIN, remainder 0) without traps, and on rv64 the W
 * forms, which use the low 32 bits of the operands and sign-extend.
 */
#include "test.h"

TEST_BEGIN muldiv

    /* rs1 = rs2 */
    TEST_RR_SAME mul, 49, -7
    TEST_RR_SAME mulhu, 0, 0x1234
    TEST_RR_SAME div, 1, -9
    TEST_RR_SAME rem, 0, 9

    /* results for each XLEN, computed by a reference model */
#if XLEN == 64
    TEST_RR mul, 0, 0, 0
    TEST_RR mul, 21, 3, 7
    TEST_RR mul, 1, -1, -1
    TEST_RR mul, -15, -3, 5
    TEST_RR mul, -0x8000000000000000, XMIN, -1
    TEST_RR mul, 0x123456780, 0x12345678, 16
    TEST_RR mul, 1, XMAX, XMAX
    TEST_RR mul, 0x3fffffff00000001, 0x7fffffff, 0x7fffffff
    TEST_RR mulh, 0, -1, -1
    TEST_RR mulh, -1, 2, -1
    TEST_RR mulh, 0x4000000000000000, XMIN, XMIN
    TEST_RR mulh, 0x3fffffffffffffff, XMAX, XMAX
    TEST_RR mulh, -0x4000000000000000, XMIN, XMAX
    TEST_RR mulh, 0, 3, 5
    TEST_RR mulh, -1, -3, 5
    TEST_RR mulhsu, -1, -1, -1
    TEST_RR mulhsu, -1, XMIN, 2
    TEST_RR mulhsu, -1, -2, 3
    TEST_RR mulhsu, 1, 2, -1
    TEST_RR mulhsu, 0, 3, 5
    TEST_RR mulhsu, 0x7ffffffffffffffe, XMAX, -1
    TEST_RR mulhu, -2, -1, -1
    TEST_RR mulhu, 2, XMIN, 4
    TEST_RR mulhu, 1, 2, -1
    TEST_RR mulhu, 0, 3, 5
    TEST_RR mulhu, 0x3fffffffffffffff, XMAX, XMAX
    TEST_RR div, 3, 20, 6
    TEST_RR div, -3, -20, 6
    TEST_RR div, -3, 20, -6
    TEST_RR div, 3, -20, -6
    TEST_RR div, 0, 0, 5
    TEST_RR div, -1, 7, 0
    TEST_RR div, -1, -7, 0
    TEST_RR div, -0x8000000000000000, XMIN, -1
    TEST_RR div, -0x8000000000000000, XMIN, 1
    TEST_RR div, -0x4000000000000000, XMIN, 2
    TEST_RR divu, 3, 20, 6
    TEST_RR divu, 0x2aaaaaaaaaaaaaa7, -20, 6
    TEST_RR divu, -1, 7, 0
    TEST_RR divu, -1, 0, 0
    TEST_RR divu, 0, XMIN, -1
    TEST_RR divu, -1, -1, 1
    TEST_RR divu, 1, -1, -1
    TEST_RR rem, 2, 20, 6
    TEST_RR rem, -2, -20, 6
    TEST_RR rem, 2, 20, -6
    TEST_RR rem, -2, -20, -6
    TEST_RR rem, 7, 7, 0
    TEST_RR rem, -7, -7, 0
    TEST_RR rem, 0, XMIN, -1
    TEST_RR rem, -2, XMIN, 3
    TEST_RR remu, 2, 20, 6
    TEST_RR remu, 2, -20, 6
    TEST_RR remu, 7, 7, 0
    TEST_RR remu, 0, 0, 0
    TEST_RR remu, -0x8000000000000000, XMIN, -1
    TEST_RR remu, 1, -1, 7
#else
    TEST_RR mul, 0, 0, 0
    TEST_RR mul, 21, 3, 7
    TEST_RR mul, 1, -1, -1
    TEST_RR mul, -15, -3, 5
    TEST_RR mul, -0x80000000, XMIN, -1
    TEST_RR mul, 0x23456780, 0x12345678, 16
    TEST_RR mul, 1, XMAX, XMAX
    TEST_RR mul, 1, 0x7fffffff, 0x7fffffff
    TEST_RR mulh, 0, -1, -1
    TEST_RR mulh, -1, 2, -1
    TEST_RR mulh, 0x40000000, XMIN, XMIN
    TEST_RR mulh, 0x3fffffff, XMAX, XMAX
    TEST_RR mulh, -0x40000000, XMIN, XMAX
    TEST_RR mulh, 0, 3, 5
    TEST_RR mulh, -1, -3, 5
    TEST_RR mulhsu, -1, -1, -1
    TEST_RR mulhsu, -1, XMIN, 2
    TEST_RR mulhsu, -1, -2, 3
    TEST_RR mulhsu, 1, 2, -1
    TEST_RR mulhsu, 0, 3, 5
    TEST_RR mulhsu, 0x7ffffffe, XMAX, -1
    TEST_RR mulhu, -2, -1, -1
    TEST_RR mulhu, 2, XMIN, 4
    TEST_RR mulhu, 1, 2, -1
    TEST_RR mulhu, 0, 3, 5
    TEST_RR mulhu, 0x3fffffff, XMAX, XMAX
    TEST_RR div, 3, 20, 6
    TEST_RR div, -3, -20, 6
    TEST_RR div, -3, 20, -6
    TEST_RR div, 3, -20, -6
    TEST_RR div, 0, 0, 5
    TEST_RR div, -1, 7, 0
    TEST_RR div, -1, -7, 0
    TEST_RR div, -0x80000000, XMIN, -1
    TEST_RR div, -0x80000000, XMIN, 1
    TEST_RR div, -0x40000000, XMIN, 2
    TEST_RR divu, 3, 20, 6
    TEST_RR divu, 0x2aaaaaa7, -20, 6
    TEST_RR divu, -1, 7, 0
    TEST_RR divu, -1, 0, 0
    TEST_RR divu, 0, XMIN, -1
    TEST_RR divu, -1, -1, 1
    TEST_RR divu, 1, -1, -1
    TEST_RR rem, 2, 20, 6
    TEST_RR rem, -2, -20, 6
    TEST_RR rem, 2, 20, -6
    TEST_RR rem, -2, -20, -6
    TEST_RR rem, 7, 7, 0
    TEST_RR rem, -7, -7, 0
    TEST_RR rem, 0, XMIN, -1
    TEST_RR rem, -2, XMIN, 3
    TEST_RR remu, 2, 20, 6
    TEST_RR remu, 2, -20, 6
    TEST_RR remu, 7, 7, 0
    TEST_RR remu, 0, 0, 0
    TEST_RR remu, -0x80000000, XMIN, -1
    TEST_RR remu, 3, -1, 7
#endif

    /* W forms */
#if XLEN == 64
    TEST_RR mulw, -2, 0x7fffffff, 2
    TEST_RR mulw, 15, 0x100000003, 0x100000005
    TEST_RR mulw, 1, -1, -1
    TEST_RR mulw, 0, 0x10000, 0x10000
    TEST_RR mulw, 0x34567800, 0x12345678, 0x100
    TEST_RR divw, 3, 20, 6
    TEST_RR divw, -3, -20, 6
    TEST_RR divw, -0x80000000, 0x80000000, -1
    TEST_RR divw, -1, 7, 0
    TEST_RR divw, -3, 0x1fffffff9, 2
    TEST_RR divw, -0x80000000, 0x80000000, 1
    TEST_RR divuw, -0x80000000, 0x80000000, 1
    TEST_RR divuw, 0x2aaaaaa7, -20, 6
    TEST_RR divuw, -1, 7, 0
    TEST_RR divuw, 4, 0xffffffff00000010, 4
    TEST_RR divuw, -2, 0xfffffffe, 1
    TEST_RR remw, -2, -20, 6
    TEST_RR remw, 0, 0x80000000, -1
    TEST_RR remw, 7, 7, 0
    TEST_RR remw, 7, 0x100000007, 0
    TEST_RR remw, -2, 0xfffffffb, 3
    TEST_RR remuw, 2, -20, 6
    TEST_RR remuw, -0x7ffffff9, 0x80000007, 0
    TEST_RR remuw, 1, 0x100000009, 0x100000004
    TEST_RR remuw, -5, 0xfffffffb, 0x100000000
#endif

    TEST_PASS
