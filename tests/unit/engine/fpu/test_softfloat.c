/* SPDX-License-Identifier: MIT */
/*
 * engine/fpu/softfloat.c against the host's IEEE 754 unit (x86-64 SSE:
 * tininess after rounding, like the soft-float conventions) in the four
 * rounding modes the host has: results bit for bit, with host NaNs taken
 * as the default NaN, and all five flags. Operands are random with a bias
 * to what breaks arithmetic: zeros, subnormals, the edges of the exponent
 * range, infinities, both kinds of NaN, and pairs a few ulps apart
 * (cancellation, ties). Round to nearest, ties away, has no host
 * equivalent: tests/isa's differential run against QEMU covers it, and a
 * table of exact ties checks it here. On other hosts the test skips.
 */
#include <fenv.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "engine/fpu/softfloat.h"

#define ROUNDS 40000

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* An interesting bit pattern of a format with @eb exponent and @mb
 * significand bits; @near, when not ~0, is a value to land close to. */
static uint64_t gen(unsigned eb, unsigned mb, uint64_t near)
{
    uint64_t emax = (1ull << eb) - 1, r = rnd(), m = rnd() & ((1ull << mb) - 1);
    uint64_t sign = (r & 1) << (eb + mb), e;
    switch ((r >> 1) % 12) {
    case 0: return rnd() & ((sign << 1) - 1);
    /* clang-format off */
    case 1: e = 0; break;                                  /* zero, subnormal */
    case 2: e = 1 + (r >> 8) % 3; break;                   /* smallest normals */
    case 3: e = emax - 1 - (r >> 8) % 3; break;            /* largest */
    case 4: e = emax; m = (r >> 8) & 1 ? 0 : m; break;     /* inf, NaN */
    case 5: m = (r >> 8) & 1 ? 0 : m >> ((r >> 9) % mb); e = emax; break;
    case 6: m = 0; e = (r >> 8) % 4 ? emax / 2 : 0; break; /* powers of 2, 0 */
    /* clang-format on */
    case 7:
    case 8:
        if (near != ~0ull)
            return (near + (int64_t)((r >> 8) % 7) - 3) ^ ((r >> 12) & 1 ? sign : 0);
        /* fall through */
    default: e = emax / 2 - mb / 2 + (r >> 8) % (mb + 2); break; /* around 1 */
    }
    if ((r >> 20) % 4 == 0)
        m &= ~0ull << (mb / 2); /* short significands: exact results, ties */
    return sign | e << mb | m;
}

static uint32_t gen32(uint32_t near)
{
    return (uint32_t)gen(8, 23, near == ~0u ? ~0ull : near);
}

static uint64_t gen64(uint64_t near)
{
    return gen(11, 52, near);
}

static const int host_modes[] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
static const uint8_t sf_modes[] = {SF_RNE, SF_RTZ, SF_RDN, SF_RUP};

static uint8_t host_flags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    return (e & FE_INEXACT ? SF_NX : 0) | (e & FE_UNDERFLOW ? SF_UF : 0) |
           (e & FE_OVERFLOW ? SF_OF : 0) | (e & FE_DIVBYZERO ? SF_DZ : 0) |
           (e & FE_INVALID ? SF_NV : 0);
}

static float f32(uint32_t b)
{
    float f;
    memcpy(&f, &b, 4);
    return f;
}

static double f64(uint64_t b)
{
    double d;
    memcpy(&d, &b, 8);
    return d;
}

static uint32_t bits32(float f)
{
    uint32_t b;
    memcpy(&b, &f, 4);
    return sf_f32_is_nan(b) ? SF_F32_DEFAULT_NAN : b;
}

static uint64_t bits64(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return sf_f64_is_nan(b) ? SF_F64_DEFAULT_NAN : b;
}

enum op { ADD, SUB, MUL, DIV, SQRT, FMA, CVT, TOI32, TOI64, FROMI64, FROMU64, EQ, LT, LE, NOPS };
static const char *const op_names[] = {"add",      "sub", "mul",    "div",    "sqrt",
                                       "fma",      "cvt", "to_i32", "to_i64", "from_i64",
                                       "from_u64", "eq",  "lt",     "le"};

/* float -> signed integer of @bits as the host rounds it; out of range
 * saturates with invalid only. */
static int64_t host_to_int(double x, unsigned bits)
{
    volatile double vx = x;
    long long r = llrint(vx);
    int64_t max = bits == 64 ? INT64_MAX : INT32_MAX, min = bits == 64 ? INT64_MIN : INT32_MIN;
    if ((fetestexcept(FE_INVALID)) || r > max || r < min) {
        feclearexcept(FE_ALL_EXCEPT);
        feraiseexcept(FE_INVALID);
        return isnan(x) || x > 0 ? max : min;
    }
    return r;
}

/* x86 leaves infinity times zero plus a quiet NaN valid; IEEE 754 lets
 * either be, and the soft-float (RISC-V) raises invalid. @other is the
 * factor that is not infinite. */
static void host_fma_fixup(double other, bool inf_factor, bool nan_addend)
{
    if (inf_factor && other == 0 && nan_addend)
        feraiseexcept(FE_INVALID);
}

struct result {
    uint64_t v;
    uint8_t flags;
};

static struct result host_op32(enum op op, uint32_t a, uint32_t b, uint32_t c, uint64_t i)
{
    volatile float x = f32(a), y = f32(b), z = f32(c);
    uint64_t v = 0;
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case ADD: v = bits32(x + y); break;
    case SUB: v = bits32(x - y); break;
    case MUL: v = bits32(x * y); break;
    case DIV: v = bits32(x / y); break;
    case SQRT: v = bits32(sqrtf(x)); break;
    case FMA:
        v = bits32(fmaf(x, y, z));
        host_fma_fixup(isinf(x) ? y : x, isinf(x) || isinf(y), isnan(z));
        break;
    case CVT: v = bits64((double)x); break;
    case TOI32: v = (uint64_t)host_to_int(x, 32); break;
    case TOI64: v = (uint64_t)host_to_int(x, 64); break;
    case FROMI64: v = bits32((float)(int64_t)i); break;
    case FROMU64: v = bits32((float)i); break;
    case EQ: v = x == y; break;
    case LT: v = x < y; break;
    case LE: v = x <= y; break;
    default: break;
    }
    return (struct result){v, host_flags()};
}

static struct result sf_op32(enum op op, uint32_t a, uint32_t b, uint32_t c, uint64_t i, uint8_t rm)
{
    struct sf_status st = {.round = rm};
    uint64_t v = 0;
    switch (op) {
    case ADD: v = sf_f32_add(a, b, &st); break;
    case SUB: v = sf_f32_sub(a, b, &st); break;
    case MUL: v = sf_f32_mul(a, b, &st); break;
    case DIV: v = sf_f32_div(a, b, &st); break;
    case SQRT: v = sf_f32_sqrt(a, &st); break;
    case FMA: v = sf_f32_fma(a, b, c, &st); break;
    case CVT: v = sf_f32_to_f64(a, &st); break;
    case TOI32: v = (uint64_t)(int64_t)sf_f32_to_i32(a, &st); break;
    case TOI64: v = (uint64_t)sf_f32_to_i64(a, &st); break;
    case FROMI64: v = sf_i64_to_f32((int64_t)i, &st); break;
    case FROMU64: v = sf_u64_to_f32(i, &st); break;
    case EQ: v = sf_f32_eq(a, b, &st); break;
    case LT: v = sf_f32_lt(a, b, &st); break;
    case LE: v = sf_f32_le(a, b, &st); break;
    default: break;
    }
    return (struct result){v, st.flags};
}

static struct result host_op64(enum op op, uint64_t a, uint64_t b, uint64_t c, uint64_t i)
{
    volatile double x = f64(a), y = f64(b), z = f64(c);
    uint64_t v = 0;
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case ADD: v = bits64(x + y); break;
    case SUB: v = bits64(x - y); break;
    case MUL: v = bits64(x * y); break;
    case DIV: v = bits64(x / y); break;
    case SQRT: v = bits64(sqrt(x)); break;
    case FMA:
        v = bits64(fma(x, y, z));
        host_fma_fixup(isinf(x) ? y : x, isinf(x) || isinf(y), isnan(z));
        break;
    case CVT: v = bits32((float)x); break;
    case TOI32: v = (uint64_t)host_to_int(x, 32); break;
    case TOI64: v = (uint64_t)host_to_int(x, 64); break;
    case FROMI64: v = bits64((double)(int64_t)i); break;
    case FROMU64: v = bits64((double)i); break;
    case EQ: v = x == y; break;
    case LT: v = x < y; break;
    case LE: v = x <= y; break;
    default: break;
    }
    return (struct result){v, host_flags()};
}

static struct result sf_op64(enum op op, uint64_t a, uint64_t b, uint64_t c, uint64_t i, uint8_t rm)
{
    struct sf_status st = {.round = rm};
    uint64_t v = 0;
    switch (op) {
    case ADD: v = sf_f64_add(a, b, &st); break;
    case SUB: v = sf_f64_sub(a, b, &st); break;
    case MUL: v = sf_f64_mul(a, b, &st); break;
    case DIV: v = sf_f64_div(a, b, &st); break;
    case SQRT: v = sf_f64_sqrt(a, &st); break;
    case FMA: v = sf_f64_fma(a, b, c, &st); break;
    case CVT: v = sf_f64_to_f32(a, &st); break;
    case TOI32: v = (uint64_t)(int64_t)sf_f64_to_i32(a, &st); break;
    case TOI64: v = (uint64_t)sf_f64_to_i64(a, &st); break;
    case FROMI64: v = sf_i64_to_f64((int64_t)i, &st); break;
    case FROMU64: v = sf_u64_to_f64(i, &st); break;
    case EQ: v = sf_f64_eq(a, b, &st); break;
    case LT: v = sf_f64_lt(a, b, &st); break;
    case LE: v = sf_f64_le(a, b, &st); break;
    default: break;
    }
    return (struct result){v, st.flags};
}

/* A random integer operand: small, huge, around powers of two. */
static uint64_t gen_int(void)
{
    uint64_t r = rnd();
    switch (r % 4) {
    case 0: return rnd() >> (r >> 8) % 64;
    case 1: return (uint64_t)((int64_t)(r >> 8) % 100000);
    case 2: return (1ull << (r >> 8) % 64) + (uint64_t)((int64_t)(r >> 16) % 5) - 2;
    default: return rnd();
    }
}

static unsigned failures;

static void report(const char *fmt, enum op op, unsigned m, uint64_t a, uint64_t b, uint64_t c,
                   uint64_t i, struct result want, struct result got)
{
    if (failures++ < 20)
        print_error(
            "f%s %s rm %u a %#llx b %#llx c %#llx i %#llx: host %#llx/%#x, soft %#llx/%#x\n", fmt,
            op_names[op], sf_modes[m], (unsigned long long)a, (unsigned long long)b,
            (unsigned long long)c, (unsigned long long)i, (unsigned long long)want.v, want.flags,
            (unsigned long long)got.v, got.flags);
}

static void run_format(bool is64)
{
    failures = 0;
    for (unsigned m = 0; m < 4; m++) {
        fesetround(host_modes[m]);
        for (unsigned n = 0; n < ROUNDS; n++) {
            for (enum op op = 0; op < NOPS; op++) {
                uint64_t a = is64 ? gen64(~0ull) : gen32(~0u);
                uint64_t b = is64 ? gen64(a) : gen32((uint32_t)a);
                uint64_t c = is64 ? gen64(a) : gen32((uint32_t)a);
                uint64_t i = gen_int();
                if ((op == MUL || op == DIV) && rnd() % 4 == 0) {
                    /* a result around the smallest normal (tininess) */
                    struct sf_status st = {.round = SF_RNE};
                    uint64_t t = is64 ? (op == MUL ? sf_f64_div(0x0010000000000000ull, a, &st)
                                                   : sf_f64_div(a, 0x0010000000000000ull, &st))
                                      : (op == MUL ? sf_f32_div(0x00800000, (uint32_t)a, &st)
                                                   : sf_f32_div((uint32_t)a, 0x00800000, &st));
                    b = is64 ? gen64(t) : gen32((uint32_t)t);
                }
                if (op == CVT && is64 && rnd() % 4 == 0) /* just below 2^-126 */
                    a = (0x380fffffe0000000ull | (rnd() & 0x3fffffff)) ^ (rnd() & 1) << 63;
                if (op == FMA && rnd() % 2) {
                    /* c near -a*b: massive cancellation */
                    struct sf_status st = {.round = SF_RNE};
                    uint64_t p =
                        is64 ? sf_f64_mul(a, b, &st) : sf_f32_mul((uint32_t)a, (uint32_t)b, &st);
                    c = is64 ? gen64(p) : gen32((uint32_t)p);
                    c ^= is64 ? 1ull << 63 : 1ull << 31;
                }
                struct result want = is64 ? host_op64(op, a, b, c, i)
                                          : host_op32(op, (uint32_t)a, (uint32_t)b, (uint32_t)c, i);
                struct result got =
                    is64 ? sf_op64(op, a, b, c, i, sf_modes[m])
                         : sf_op32(op, (uint32_t)a, (uint32_t)b, (uint32_t)c, i, sf_modes[m]);
                if (want.v != got.v || want.flags != got.flags)
                    report(is64 ? "64" : "32", op, m, a, b, c, i, want, got);
            }
        }
    }
    fesetround(FE_TONEAREST);
    assert_int_equal(failures, 0);
}

static void test_f32_vs_host(void **state)
{
    (void)state;
    run_format(false);
}

static void test_f64_vs_host(void **state)
{
    (void)state;
    run_format(true);
}

/* Ties away from zero: exact halves round up in magnitude, others as to
 * nearest. */
static void test_rmm(void **state)
{
    (void)state;
    struct sf_status st = {.round = SF_RMM};
    /* 1 + 2^-24 is halfway between 1 and 1 + 2^-23 */
    assert_int_equal(sf_f32_add(0x3f800000, 0x33800000, &st), 0x3f800001);
    assert_int_equal(st.flags, SF_NX);
    assert_int_equal(sf_f32_add(0xbf800000, 0xb3800000, &st), 0xbf800001);
    /* 1.5 and 2.5 to integers: 2 and 3 (to nearest even: 2 and 2) */
    assert_int_equal(sf_f32_to_i32(0x3fc00000, &st), 2);
    assert_int_equal(sf_f32_to_i32(0x40200000, &st), 3);
    assert_int_equal(sf_f64_to_i64(0xc004000000000000ull, &st), -3);
    st.round = SF_RNE;
    assert_int_equal(sf_f32_to_i32(0x40200000, &st), 2);
    /* the smallest subnormal halved: ties away gives it back, with
     * underflow */
    st = (struct sf_status){.round = SF_RMM};
    assert_int_equal(sf_f64_mul(0x0000000000000001ull, 0x3fe0000000000000ull, &st), 1);
    assert_int_equal(st.flags, SF_NX | SF_UF);
    /* 2^63 - 0.5 ulp region: 0x1.fffffep+62 * 1.5 away */
    st.flags = 0;
    assert_int_equal(sf_u64_to_f32(0x8000008000000000ull, &st), 0x5f000001);
    assert_int_equal(st.flags, SF_NX);
}

/* The conventions beyond what the host shows: unsigned conversions and
 * the default NaN on conversion of NaN, and quiet comparisons. */
static void test_conversions(void **state)
{
    (void)state;
    struct sf_status st = {.round = SF_RTZ};
    assert_int_equal(sf_f32_to_u32(0xbf000000, &st), 0); /* -0.5 */
    assert_int_equal(st.flags, SF_NX);
    st.flags = 0;
    assert_int_equal(sf_f32_to_u32(0xbf800000, &st), 0); /* -1 */
    assert_int_equal(st.flags, SF_NV);
    st.flags = 0;
    assert_int_equal(sf_f64_to_u64(0x43f0000000000000ull, &st), UINT64_MAX); /* 2^64 */
    assert_int_equal(st.flags, SF_NV);
    st.flags = 0;
    assert_int_equal(sf_f64_to_u64(0x43efffffffffffffull, &st), 0xfffffffffffff800ull);
    assert_int_equal(st.flags, 0);
    assert_int_equal(sf_f32_to_u32(0x7fc00000, &st), UINT32_MAX);
    assert_int_equal(sf_f32_to_i32(0xffc00000, &st), INT32_MAX);
    assert_int_equal(sf_f64_to_i64(0xfff0000000000000ull, &st), INT64_MIN);
    st.flags = 0;
    assert_int_equal(sf_f32_to_f64(0x7f800001, &st), SF_F64_DEFAULT_NAN);
    assert_int_equal(st.flags, SF_NV);
    assert_true(sf_f32_lt_total(0x80000000, 0));
    assert_false(sf_f32_lt_total(0, 0x80000000));
    assert_false(sf_f64_lt_total(SF_F64_DEFAULT_NAN, 0));
    assert_true(sf_f64_lt_total(0xbff0000000000000ull, 0x8000000000000000ull));
}

int main(void)
{
#if !defined(__x86_64__)
    printf("1..0 # SKIP the host oracle is x86-64 SSE\n");
    return 0;
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_f32_vs_host),
        cmocka_unit_test(test_f64_vs_host),
        cmocka_unit_test(test_rmm),
        cmocka_unit_test(test_conversions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
