/* SPDX-License-Identifier: MIT */
/*
 * engine/fpu's options for architectures other than RISC-V and its half
 * precision conversions: tininess detected before rounding, the output
 * flush to zero (underflow without inexact, never for half precision),
 * mode 0 keeping the default behaviour, and binary16 to and from binary32
 * and binary64 (overflow, subnormals, NaNs, and binary64 rounded once, not
 * through binary32).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "engine/fpu/softfloat.h"

/* (1 + 2^-23) * (1 - 2^-23) * 2^-126 = (1 - 2^-46) * 2^-126: below the
 * smallest normal before rounding, the smallest normal after rounding
 * even with an unbounded exponent. */
#define MIN_NORMAL 0x00800000u
#define ONE_PLUS 0x3f800001u
#define SUB_MAX 0x007fffffu
#define ONE_MINUS 0x3f7fffffu

static void test_tininess(void **state)
{
    (void)state;
    struct sf_status after = {.round = SF_RNE},
                     before = {.round = SF_RNE, .mode = SF_TININESS_BEFORE};
    assert_int_equal(sf_f32_mul(ONE_PLUS, SUB_MAX, &after), MIN_NORMAL);
    assert_int_equal(after.flags, SF_NX);
    assert_int_equal(sf_f32_mul(ONE_PLUS, SUB_MAX, &before), MIN_NORMAL);
    assert_int_equal(before.flags, SF_NX | SF_UF);
    /* (1 - 2^-24) * 2^-126 is tiny by both rules. */
    after.flags = 0;
    assert_int_equal(sf_f32_mul(MIN_NORMAL, ONE_MINUS, &after), MIN_NORMAL);
    assert_int_equal(after.flags, SF_NX | SF_UF);
    /* An exact subnormal is not an underflow either way. */
    before.flags = 0;
    assert_int_equal(sf_f32_mul(0x0d800000u, 0x30800000u, &before), 0x00080000u);
    assert_int_equal(before.flags, 0);
}

static void test_flush_out(void **state)
{
    (void)state;
    struct sf_status st = {.round = SF_RNE, .mode = SF_TININESS_BEFORE | SF_FLUSH_OUT};
    assert_int_equal(sf_f32_mul(MIN_NORMAL, ONE_MINUS, &st), 0);
    assert_int_equal(st.flags, SF_UF);
    st.flags = 0;
    assert_int_equal(sf_f32_mul(0x0d800000u, 0xb0800000u, &st), 0x80000000u); /* exact, -2^-130 */
    assert_int_equal(st.flags, SF_UF);
    st.flags = 0;
    assert_int_equal(sf_f64_div(0x0010000000000000ull, 0x4000000000000000ull, &st), 0);
    assert_int_equal(st.flags, SF_UF);
    st.flags = 0; /* normal results are untouched */
    assert_int_equal(sf_f32_add(MIN_NORMAL, MIN_NORMAL, &st), 0x01000000u);
    assert_int_equal(st.flags, 0);
    /* Half precision results are never flushed: 2^-20 is a subnormal half. */
    assert_int_equal(sf_f32_to_f16(0x35800000u, &st), 0x0010);
    assert_int_equal(st.flags, 0);
}

static void test_half(void **state)
{
    (void)state;
    struct sf_status st = {.round = SF_RNE};
    assert_int_equal(sf_f32_to_f16(0x3f800000u, &st), 0x3c00);
    assert_int_equal(sf_f32_to_f16(0x477fe000u, &st), 0x7bff); /* 65504 */
    assert_int_equal(st.flags, 0);
    assert_int_equal(sf_f32_to_f16(0x477ff000u, &st), 0x7c00); /* 65520: ties up, overflows */
    assert_int_equal(st.flags, SF_OF | SF_NX);
    st = (struct sf_status){.round = SF_RTZ};
    assert_int_equal(sf_f32_to_f16(0xc77ff000u, &st), 0xfbff);
    assert_int_equal(st.flags, SF_NX);
    st = (struct sf_status){.round = SF_RNE};
    assert_int_equal(sf_f32_to_f16(0x33800000u, &st), 0x0001); /* 2^-24 */
    assert_int_equal(sf_f32_to_f16(0x33000000u, &st), 0x0000); /* 2^-25: a tie to even 0 */
    assert_int_equal(st.flags, SF_UF | SF_NX);
    st.flags = 0;
    assert_int_equal(sf_f32_to_f16(0x7f800001u, &st), SF_F16_DEFAULT_NAN);
    assert_int_equal(st.flags, SF_NV);
    st.flags = 0;
    assert_int_equal(sf_f16_to_f32(0x0001, &st), 0x33800000u);
    assert_int_equal(sf_f16_to_f32(0xfc00, &st), 0xff800000u);
    assert_int_equal(sf_f16_to_f64(0x7bff, &st), 0x40effc0000000000ull);
    assert_int_equal(st.flags, 0);
    assert_int_equal(sf_f16_to_f32(0x7d00, &st), SF_F32_DEFAULT_NAN);
    assert_int_equal(st.flags, SF_NV);
    /* 1 + 2^-11 + 2^-40 rounds up to 1 + 2^-10 in one step; through binary32
     * it would become the tie 1 + 2^-11 and round to even, 1. */
    st.flags = 0;
    assert_int_equal(sf_f64_to_f16(0x3ff0020000001000ull, &st), 0x3c01);
    assert_int_equal(st.flags, SF_NX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tininess),
        cmocka_unit_test(test_flush_out),
        cmocka_unit_test(test_half),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
