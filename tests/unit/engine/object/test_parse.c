/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the number and boolean parsers every user input goes
 * through: bases, suffixes, overflow at the exact limits, and the garbage
 * strtoull would have half-accepted.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "engine/object/object.h"

struct u64_case {
    const char *text;
    bool suffix;
    int err;
    uint64_t value;
};

static const struct u64_case u64_cases[] = {
    {"0", false, 0, 0},
    {"42", false, 0, 42},
    {"007", false, 0, 7},
    {"0x0", false, 0, 0},
    {"0xdeadBEEF", false, 0, 0xdeadbeef},
    {"0X10", false, 0, 16},
    {"0b1011", false, 0, 11},
    {"0B1", false, 0, 1},
    {"18446744073709551615", false, 0, UINT64_MAX},
    {"0xffffffffffffffff", false, 0, UINT64_MAX},
    {"0x0000000000000000ffffffffffffffff", false, 0, UINT64_MAX},
    {"0b1111111111111111111111111111111111111111111111111111111111111111", false, 0, UINT64_MAX},
    {"18446744073709551616", false, -ERANGE, 0},
    {"99999999999999999999999", false, -ERANGE, 0},
    {"0x10000000000000000", false, -ERANGE, 0},
    {"0b10000000000000000000000000000000000000000000000000000000000000000", false, -ERANGE, 0},
    {"", false, -EINVAL, 0},
    {"0x", false, -EINVAL, 0},
    {"0b", false, -EINVAL, 0},
    {"0b102", false, -EINVAL, 0},
    {"12a", false, -EINVAL, 0},
    {"0xg", false, -EINVAL, 0},
    {"1_000", false, -EINVAL, 0},
    {" 1", false, -EINVAL, 0},
    {"1 ", false, -EINVAL, 0},
    {"+1", false, -EINVAL, 0},
    {"-1", false, -EINVAL, 0},
    {"abc", false, -EINVAL, 0},
    {"1K", false, -EINVAL, 0},
    {"99999999999999999999999x", false, -EINVAL, 0}, /* garbage wins over range */
    {"1K", true, 0, 1024},
    {"1k", true, 0, 1024},
    {"128M", true, 0, UINT64_C(128) << 20},
    {"3g", true, 0, UINT64_C(3) << 30},
    {"2T", true, 0, UINT64_C(2) << 40},
    {"0x10M", true, 0, UINT64_C(16) << 20},
    {"0b11K", true, 0, 3072},
    {"4096", true, 0, 4096},
    {"16777215T", true, 0, UINT64_C(16777215) << 40},
    {"16777216T", true, -ERANGE, 0},
    {"18014398509481984K", true, -ERANGE, 0},
    {"18446744073709551616K", true, -ERANGE, 0},
    {"1KB", true, -EINVAL, 0},
    {"1KK", true, -EINVAL, 0},
    {"1P", true, -EINVAL, 0},
    {"K", true, -EINVAL, 0},
    {"1 K", true, -EINVAL, 0},
};

static void test_parse_u64(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(u64_cases) / sizeof(u64_cases[0]); i++) {
        const struct u64_case *c = &u64_cases[i];
        uint64_t v = 0x5a5a;
        int err = parse_u64(c->text, &v, c->suffix);
        if (err != c->err)
            fail_msg("parse_u64(\"%s\", %d) returned %d, expected %d", c->text, c->suffix, err,
                     c->err);
        if (v != (c->err ? 0x5a5a : c->value))
            fail_msg("parse_u64(\"%s\") gave %#llx", c->text, (unsigned long long)v);
    }
}

struct i64_case {
    const char *text;
    int err;
    int64_t value;
};

static const struct i64_case i64_cases[] = {
    {"0", 0, 0},
    {"-0", 0, 0},
    {"17", 0, 17},
    {"-17", 0, -17},
    {"-0x10", 0, -16},
    {"-0b11", 0, -3},
    {"9223372036854775807", 0, INT64_MAX},
    {"-9223372036854775808", 0, INT64_MIN},
    {"0x7fffffffffffffff", 0, INT64_MAX},
    {"9223372036854775808", -ERANGE, 0},
    {"-9223372036854775809", -ERANGE, 0},
    {"0xffffffffffffffff", -ERANGE, 0},
    {"-99999999999999999999", -ERANGE, 0},
    {"", -EINVAL, 0},
    {"-", -EINVAL, 0},
    {"--1", -EINVAL, 0},
    {"- 1", -EINVAL, 0},
    {"1K", -EINVAL, 0},
    {"x", -EINVAL, 0},
};

static void test_parse_i64(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(i64_cases) / sizeof(i64_cases[0]); i++) {
        const struct i64_case *c = &i64_cases[i];
        int64_t v = 0x5a5a;
        int err = parse_i64(c->text, &v);
        if (err != c->err)
            fail_msg("parse_i64(\"%s\") returned %d, expected %d", c->text, err, c->err);
        if (v != (c->err ? 0x5a5a : c->value))
            fail_msg("parse_i64(\"%s\") gave %lld", c->text, (long long)v);
    }
}

static void test_parse_bool(void **state)
{
    (void)state;
    static const char *const yes[] = {"on", "true", "yes", "1", "ON", "True", "YES"};
    static const char *const no[] = {"off", "false", "no", "0", "Off", "FALSE", "No"};
    static const char *const bad[] = {"", "2", "y", "n", "onn", "of", "enable", " on", "01"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        bool v = false;
        assert_int_equal(parse_bool(yes[i], &v), 0);
        assert_true(v);
    }
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
        bool v = true;
        assert_int_equal(parse_bool(no[i], &v), 0);
        assert_false(v);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        bool v = true;
        if (parse_bool(bad[i], &v) != -EINVAL)
            fail_msg("parse_bool(\"%s\") accepted", bad[i]);
        assert_true(v);
    }
}

static void test_parse_duration(void **state)
{
    static const struct {
        const char *text;
        uint64_t ns;
    } good[] = {
        /* clang-format off */
        {"2s", 2000000000u}, {"2", 2000000000u}, {"0.5s", 500000000u}, {"0.25", 250000000u},
        {"250ms", 250000000u}, {"1.5ms", 1500000u}, {"100us", 100000u}, {"7ns", 7u},
        {"0", 0}, {"0.000000001s", 1}, {"1.0000000009s", 1000000000u},
        /* clang-format on */
    };
    static const char *const bad[] = {"", "s", "-1s", "2 s", "2min", "1e3", ".5s", "0x10s"};
    (void)state;
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        uint64_t ns = 12345;
        if (parse_duration(good[i].text, &ns) != 0 || ns != good[i].ns)
            fail_msg("parse_duration(\"%s\") gave %llu", good[i].text, (unsigned long long)ns);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        uint64_t ns;
        if (parse_duration(bad[i], &ns) != -EINVAL)
            fail_msg("parse_duration(\"%s\") accepted", bad[i]);
    }
    /* Printed in the largest exact unit, and read back the same. */
    static const struct {
        uint64_t ns;
        const char *text;
    } printed[] = {{2000000000u, "2s"}, {2500000000u, "2500ms"}, {1500u, "1500ns"}, {0, "0"}};
    for (size_t i = 0; i < sizeof(printed) / sizeof(printed[0]); i++) {
        char buf[32];
        uint64_t back = 1;
        format_duration(printed[i].ns, buf, sizeof(buf));
        assert_string_equal(buf, printed[i].text);
        assert_int_equal(parse_duration(buf, &back), 0);
        assert_int_equal(back, printed[i].ns);
    }
    uint64_t ns;
    assert_int_equal(parse_duration("99999999999999999999s", &ns), -ERANGE);
    assert_int_equal(parse_duration("20000000000s", &ns), -ERANGE);
}

static void test_parse_null(void **state)
{
    (void)state;
    uint64_t u;
    int64_t i;
    bool b;
    assert_int_equal(parse_u64(NULL, &u, true), -EINVAL);
    assert_int_equal(parse_i64(NULL, &i), -EINVAL);
    assert_int_equal(parse_bool(NULL, &b), -EINVAL);
    assert_int_equal(parse_duration(NULL, &u), -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_u64),  cmocka_unit_test(test_parse_i64),
        cmocka_unit_test(test_parse_bool), cmocka_unit_test(test_parse_duration),
        cmocka_unit_test(test_parse_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
