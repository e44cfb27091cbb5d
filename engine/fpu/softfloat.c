/* SPDX-License-Identifier: MIT */
/*
 * Software IEEE 754 binary32/binary64 arithmetic (see softfloat.h for the
 * conventions). One generic implementation serves both formats: a value is
 * unpacked into sign, unbiased exponent and a 64-bit significand with its
 * leading one at bit 62 (value = sig * 2^(exp - 62)), computed on with
 * integer arithmetic (128-bit where products need it), and packed again by
 * one rounding routine. Bits shifted out to the right are "jammed" into
 * the lowest bit (sticky), which keeps every rounding decision exact: the
 * rounding point sits at least ten bits above bit 0 for both formats.
 * The generic functions are always inlined into the per-format entry
 * points, so the format parameters are constants there.
 */
#include <math.h>

#include "engine/fpu/softfloat.h"

typedef unsigned __int128 u128;

#define INLINE static inline __attribute__((always_inline))

struct fmt {
    unsigned mbits; /* stored significand bits */
    unsigned ebits; /* exponent bits */
    int bias;
};

static const struct fmt F32 = {23, 8, 127};
static const struct fmt F64 = {52, 11, 1023};
static const struct fmt F16 = {10, 5, 15};

enum kind { K_ZERO, K_NORMAL, K_INF, K_QNAN, K_SNAN };

/* An unpacked operand. K_NORMAL covers subnormals (normalized here). */
struct unp {
    enum kind kind;
    bool sign;
    int32_t exp;  /* K_NORMAL: unbiased exponent of the leading bit */
    uint64_t sig; /* K_NORMAL: leading one at bit 62 */
};

#define SIG_TOP 62

INLINE uint64_t emax(const struct fmt *f)
{
    return (1ull << f->ebits) - 1;
}

INLINE uint64_t sign_bit(const struct fmt *f)
{
    return 1ull << (f->ebits + f->mbits);
}

INLINE uint64_t default_nan(const struct fmt *f)
{
    return emax(f) << f->mbits | 1ull << (f->mbits - 1);
}

INLINE uint64_t pack_raw(const struct fmt *f, bool sign, uint64_t e, uint64_t m)
{
    return (sign ? sign_bit(f) : 0) | e << f->mbits | m;
}

INLINE uint64_t jam64(uint64_t x, uint32_t n)
{
    if (n == 0)
        return x;
    if (n >= 64)
        return x != 0;
    return x >> n | ((x & ((1ull << n) - 1)) != 0);
}

INLINE u128 jam128(u128 x, uint32_t n)
{
    if (n == 0)
        return x;
    if (n >= 128)
        return x != 0;
    return x >> n | ((x & (((u128)1 << n) - 1)) != 0);
}

INLINE unsigned clz128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? (unsigned)__builtin_clzll(hi) : 64 + (unsigned)__builtin_clzll((uint64_t)x);
}

INLINE struct unp unpack(const struct fmt *f, uint64_t bits)
{
    struct unp u = {.sign = (bits & sign_bit(f)) != 0};
    uint64_t e = (bits >> f->mbits) & emax(f), m = bits & ((1ull << f->mbits) - 1);
    if (e == emax(f)) {
        u.kind = !m ? K_INF : (m >> (f->mbits - 1)) ? K_QNAN : K_SNAN;
    } else if (e == 0) {
        if (!m) {
            u.kind = K_ZERO;
        } else {
            unsigned shift = (unsigned)__builtin_clzll(m) - 1;
            u.kind = K_NORMAL;
            u.sig = m << shift;
            u.exp = 1 - f->bias - (int32_t)(shift - (SIG_TOP - f->mbits));
        }
    } else {
        u.kind = K_NORMAL;
        u.sig = (m | 1ull << f->mbits) << (SIG_TOP - f->mbits);
        u.exp = (int32_t)e - f->bias;
    }
    return u;
}

INLINE bool is_nan(const struct unp *u)
{
    return u->kind == K_QNAN || u->kind == K_SNAN;
}

/* Round up the truncated magnitude? @rem: the bits dropped, @half: the
 * weight of the first dropped bit, @odd: the lowest kept bit. */
INLINE bool round_up(unsigned rm, bool sign, uint64_t rem, uint64_t half, bool odd)
{
    switch (rm) {
    case SF_RNE: return rem > half || (rem == half && odd);
    case SF_RMM: return rem >= half;
    case SF_RDN: return rem && sign;
    case SF_RUP: return rem && !sign;
    default: return false;
    }
}

INLINE uint64_t overflow_result(const struct fmt *f, bool sign, struct sf_status *st)
{
    unsigned rm = st->round;
    st->flags |= SF_OF | SF_NX;
    if (rm == SF_RTZ || (rm == SF_RDN && !sign) || (rm == SF_RUP && sign))
        return pack_raw(f, sign, emax(f) - 1, (1ull << f->mbits) - 1);
    return pack_raw(f, sign, emax(f), 0);
}

/*
 * Round sign * sig * 2^(exp - 62) (sig normalized, leading one at bit 62)
 * to the format and pack it. Tininess is detected after rounding: a result
 * below the smallest normal is tiny unless rounding it with an unbounded
 * exponent gives the smallest normal (st->mode may ask for before rounding,
 * and for flushing such results to zero).
 */
INLINE uint64_t round_pack(const struct fmt *f, bool sign, int32_t exp, uint64_t sig,
                           struct sf_status *st)
{
    const unsigned rbits = SIG_TOP - f->mbits;
    const uint64_t rmask = (1ull << rbits) - 1, half = 1ull << (rbits - 1);
    int32_t e = exp + f->bias;
    bool tiny = false;
    if (e >= (int32_t)emax(f))
        return overflow_result(f, sign, st);
    if (e <= 0) {
        uint64_t q =
            (sig >> rbits) + round_up(st->round, sign, sig & rmask, half, (sig >> rbits) & 1);
        if (st->mode & SF_FLUSH_OUT) {
            st->flags |= SF_UF;
            return sign ? sign_bit(f) : 0;
        }
        tiny = (st->mode & SF_TININESS_BEFORE) || e < 0 || !(q >> (f->mbits + 1));
        sig = jam64(sig, (uint32_t)(1 - e));
        e = 1;
    }
    uint64_t rem = sig & rmask;
    uint64_t q = (sig >> rbits) + round_up(st->round, sign, rem, half, (sig >> rbits) & 1);
    if (rem) {
        st->flags |= SF_NX;
        if (tiny)
            st->flags |= SF_UF;
    }
    /* q includes the leading one: adding it to exponent e - 1 carries a
     * rounding overflow of the significand into the exponent, and a
     * subnormal (e = 1, no leading one) gets exponent 0. */
    uint64_t bits = ((uint64_t)(e - 1) << f->mbits) + q;
    if ((bits >> f->mbits) >= emax(f))
        return overflow_result(f, sign, st);
    return (sign ? sign_bit(f) : 0) | bits;
}

/* The result of an operation with a NaN operand or an invalid one. */
INLINE uint64_t nan_result(const struct fmt *f, bool invalid, struct sf_status *st)
{
    if (invalid)
        st->flags |= SF_NV;
    return default_nan(f);
}

INLINE bool any_snan(const struct unp *a, const struct unp *b)
{
    return a->kind == K_SNAN || (b && b->kind == K_SNAN);
}

INLINE uint64_t zero(const struct fmt *f, bool sign)
{
    return sign ? sign_bit(f) : 0;
}

/* An exact zero from operands of different signs: +0, -0 rounding down. */
INLINE uint64_t cancel_zero(const struct fmt *f, const struct sf_status *st)
{
    return zero(f, st->round == SF_RDN);
}

INLINE uint64_t add(const struct fmt *f, uint64_t a, uint64_t b, bool negb, struct sf_status *st)
{
    struct unp x = unpack(f, a), y = unpack(f, b);
    y.sign ^= negb;
    if (is_nan(&x) || is_nan(&y))
        return nan_result(f, any_snan(&x, &y), st);
    if (x.kind == K_INF || y.kind == K_INF) {
        if (x.kind == K_INF && y.kind == K_INF && x.sign != y.sign)
            return nan_result(f, true, st);
        return pack_raw(f, x.kind == K_INF ? x.sign : y.sign, emax(f), 0);
    }
    if (x.kind == K_ZERO && y.kind == K_ZERO)
        return x.sign == y.sign ? zero(f, x.sign) : cancel_zero(f, st);
    if (x.kind == K_ZERO)
        return negb ? b ^ sign_bit(f) : b;
    if (y.kind == K_ZERO)
        return a;
    if (x.exp < y.exp || (x.exp == y.exp && x.sig < y.sig)) {
        struct unp t = x;
        x = y;
        y = t;
    }
    /* |x| >= |y| now. */
    y.sig = jam64(y.sig, (uint32_t)(x.exp - y.exp));
    if (x.sign == y.sign) {
        uint64_t s = x.sig + y.sig;
        if (s >> 63)
            return round_pack(f, x.sign, x.exp + 1, jam64(s, 1), st);
        return round_pack(f, x.sign, x.exp, s, st);
    }
    uint64_t d = x.sig - y.sig;
    if (!d)
        return cancel_zero(f, st);
    unsigned shift = (unsigned)__builtin_clzll(d) - 1;
    return round_pack(f, x.sign, x.exp - (int32_t)shift, d << shift, st);
}

INLINE uint64_t mul(const struct fmt *f, uint64_t a, uint64_t b, struct sf_status *st)
{
    struct unp x = unpack(f, a), y = unpack(f, b);
    bool sign = x.sign ^ y.sign;
    if (is_nan(&x) || is_nan(&y))
        return nan_result(f, any_snan(&x, &y), st);
    if (x.kind == K_INF || y.kind == K_INF) {
        if (x.kind == K_ZERO || y.kind == K_ZERO)
            return nan_result(f, true, st);
        return pack_raw(f, sign, emax(f), 0);
    }
    if (x.kind == K_ZERO || y.kind == K_ZERO)
        return zero(f, sign);
    /* [2^124, 2^126) -> [2^62, 2^64) */
    uint64_t p = (uint64_t)jam128((u128)x.sig * y.sig, SIG_TOP);
    int32_t exp = x.exp + y.exp;
    if (p >> 63)
        return round_pack(f, sign, exp + 1, jam64(p, 1), st);
    return round_pack(f, sign, exp, p, st);
}

INLINE uint64_t div_op(const struct fmt *f, uint64_t a, uint64_t b, struct sf_status *st)
{
    struct unp x = unpack(f, a), y = unpack(f, b);
    bool sign = x.sign ^ y.sign;
    if (is_nan(&x) || is_nan(&y))
        return nan_result(f, any_snan(&x, &y), st);
    if (x.kind == K_INF) {
        if (y.kind == K_INF)
            return nan_result(f, true, st);
        return pack_raw(f, sign, emax(f), 0);
    }
    if (y.kind == K_INF)
        return zero(f, sign);
    if (y.kind == K_ZERO) {
        if (x.kind == K_ZERO)
            return nan_result(f, true, st);
        st->flags |= SF_DZ;
        return pack_raw(f, sign, emax(f), 0);
    }
    if (x.kind == K_ZERO)
        return zero(f, sign);
    /* x.sig / y.sig is in (1/2, 2): scale the dividend so the quotient's
     * leading one lands on bit 62. */
    int32_t exp = x.exp - y.exp;
    unsigned scale = SIG_TOP;
    if (x.sig < y.sig) {
        scale++;
        exp--;
    }
    u128 n = (u128)x.sig << scale;
    uint64_t q = (uint64_t)(n / y.sig);
    bool rem = (uint64_t)(n % y.sig) != 0;
    return round_pack(f, sign, exp, q | rem, st);
}

/* floor(sqrt(n)) for n < 2^126: a double estimate, one Newton step (the
 * estimate is good to about 2^-52, so the step leaves an error of a unit
 * or two) and an exact correction. */
static uint64_t isqrt128(u128 n)
{
    uint64_t r = (uint64_t)sqrt((double)n);
    if (r)
        r = (uint64_t)(((u128)r + n / r) >> 1);
    while ((u128)r * r > n)
        r--;
    while ((u128)(r + 1) * (r + 1) <= n)
        r++;
    return r;
}

INLINE uint64_t sqrt_op(const struct fmt *f, uint64_t a, struct sf_status *st)
{
    struct unp x = unpack(f, a);
    if (is_nan(&x))
        return nan_result(f, x.kind == K_SNAN, st);
    if (x.kind == K_ZERO)
        return a;
    if (x.sign)
        return nan_result(f, true, st);
    if (x.kind == K_INF)
        return a;
    /* With an even exponent, sqrt(sig * 2^62) has its leading one on bit
     * 62; an odd exponent moves one factor of 2 into the radicand. */
    int32_t exp = x.exp;
    u128 n = (u128)x.sig << SIG_TOP;
    if (exp & 1) {
        n <<= 1;
        exp--;
    }
    uint64_t r = isqrt128(n);
    return round_pack(f, false, exp / 2, r | ((u128)r * r != n), st);
}

INLINE uint64_t fma_op(const struct fmt *f, uint64_t a, uint64_t b, uint64_t c,
                       struct sf_status *st)
{
    struct unp x = unpack(f, a), y = unpack(f, b), z = unpack(f, c);
    bool inf_zero = (x.kind == K_INF && y.kind == K_ZERO) || (x.kind == K_ZERO && y.kind == K_INF);
    bool ps = x.sign ^ y.sign;
    if (is_nan(&x) || is_nan(&y) || is_nan(&z))
        return nan_result(f, inf_zero || any_snan(&x, &y) || z.kind == K_SNAN, st);
    if (inf_zero)
        return nan_result(f, true, st);
    if (x.kind == K_INF || y.kind == K_INF) {
        if (z.kind == K_INF && z.sign != ps)
            return nan_result(f, true, st);
        return pack_raw(f, ps, emax(f), 0);
    }
    if (z.kind == K_INF)
        return c;
    if (x.kind == K_ZERO || y.kind == K_ZERO) {
        if (z.kind == K_ZERO)
            return z.sign == ps ? zero(f, ps) : cancel_zero(f, st);
        return c;
    }
    /* Both addends with the leading one on bit 125: the exact product is
     * in [2^124, 2^126), the addend's significand moves up 63 bits. */
    u128 p = (u128)x.sig * y.sig;
    int32_t pe = x.exp + y.exp;
    if (p >> 125)
        pe++;
    else
        p <<= 1;
    if (z.kind == K_ZERO)
        return round_pack(f, ps, pe, (uint64_t)jam128(p, 63), st);
    u128 q = (u128)z.sig << 63;
    int32_t exp;
    if (pe >= z.exp) {
        q = jam128(q, (uint32_t)(pe - z.exp));
        exp = pe;
    } else {
        p = jam128(p, (uint32_t)(z.exp - pe));
        exp = z.exp;
    }
    bool sign;
    u128 s;
    if (ps == z.sign) {
        s = p + q;
        sign = ps;
        if (s >> 126) {
            s = jam128(s, 1);
            exp++;
        }
    } else {
        if (p == q)
            return cancel_zero(f, st);
        sign = p > q ? ps : z.sign;
        s = p > q ? p - q : q - p;
        unsigned shift = clz128(s) - 2;
        s <<= shift;
        exp -= (int32_t)shift;
    }
    return round_pack(f, sign, exp, (uint64_t)jam128(s, 63), st);
}

/* Ordering of two non-NaN values: -1, 0 or 1 (zeros are equal). */
INLINE int order(const struct fmt *f, uint64_t a, uint64_t b)
{
    uint64_t mag = sign_bit(f) - 1;
    bool sa = a & sign_bit(f), sb = b & sign_bit(f);
    if (!(a & mag) && !(b & mag))
        return 0;
    if (sa != sb)
        return sa ? -1 : 1;
    if ((a & mag) == (b & mag))
        return 0;
    return ((a & mag) < (b & mag)) != sa ? -1 : 1;
}

INLINE bool bits_nan(const struct fmt *f, uint64_t a)
{
    return (a & (sign_bit(f) - 1)) > emax(f) << f->mbits;
}

INLINE bool bits_snan(const struct fmt *f, uint64_t a)
{
    return bits_nan(f, a) && !((a >> (f->mbits - 1)) & 1);
}

/* Compare: 2 when unordered, raising invalid for any NaN if @signaling,
 * else only for a signaling NaN. */
INLINE int compare(const struct fmt *f, uint64_t a, uint64_t b, bool signaling,
                   struct sf_status *st)
{
    if (bits_nan(f, a) || bits_nan(f, b)) {
        if (signaling || bits_snan(f, a) || bits_snan(f, b))
            st->flags |= SF_NV;
        return 2;
    }
    return order(f, a, b);
}

INLINE bool lt_total(const struct fmt *f, uint64_t a, uint64_t b)
{
    if (bits_nan(f, a) || bits_nan(f, b))
        return false;
    if (!((a | b) & (sign_bit(f) - 1))) /* two zeros */
        return (a & sign_bit(f)) && !(b & sign_bit(f));
    return order(f, a, b) < 0;
}

/* Convert from format @from to format @to. */
INLINE uint64_t convert(const struct fmt *from, const struct fmt *to, uint64_t a,
                        struct sf_status *st)
{
    struct unp x = unpack(from, a);
    switch (x.kind) {
    case K_QNAN:
    case K_SNAN: return nan_result(to, x.kind == K_SNAN, st);
    case K_INF: return pack_raw(to, x.sign, emax(to), 0);
    case K_ZERO: return zero(to, x.sign);
    default: return round_pack(to, x.sign, x.exp, x.sig, st);
    }
}

/*
 * To an integer of @width bits, signed or not, rounding in st->round.
 * Out of range (after rounding), infinities and NaN raise invalid only
 * and saturate; NaN gives the largest positive value.
 */
INLINE uint64_t to_int(const struct fmt *f, uint64_t a, bool is_signed, unsigned width,
                       struct sf_status *st)
{
    struct unp x = unpack(f, a);
    uint64_t max = is_signed ? (1ull << (width - 1)) - 1 : ~0ull >> (64 - width);
    uint64_t min = is_signed ? (uint64_t)0 - (1ull << (width - 1)) : 0;
    if (is_nan(&x)) {
        st->flags |= SF_NV;
        return max;
    }
    if (x.kind == K_ZERO)
        return 0;
    if (x.kind == K_INF || x.exp > 63) {
        st->flags |= SF_NV;
        return x.sign ? min : max;
    }
    uint64_t ipart, rem, half;
    if (x.exp >= SIG_TOP) {
        ipart = x.sig << (x.exp - SIG_TOP);
        rem = 0;
        half = 1;
    } else if (x.exp >= -1) {
        unsigned shift = (unsigned)(SIG_TOP - x.exp);
        ipart = x.sig >> shift;
        rem = x.sig & ((1ull << shift) - 1);
        half = 1ull << (shift - 1);
    } else { /* below 1/2: only the sticky fraction is left */
        ipart = 0;
        rem = 1;
        half = 2;
    }
    ipart += round_up(st->round, x.sign, rem, half, ipart & 1);
    bool fits = is_signed ? ipart <= max + x.sign : (!x.sign || !ipart) && ipart <= max;
    if (!fits) {
        st->flags |= SF_NV;
        return x.sign ? min : max;
    }
    if (rem)
        st->flags |= SF_NX;
    return x.sign ? 0 - ipart : ipart;
}

INLINE uint64_t from_int(const struct fmt *f, bool sign, uint64_t mag, struct sf_status *st)
{
    if (!mag)
        return 0;
    unsigned lz = (unsigned)__builtin_clzll(mag);
    if (lz == 0)
        return round_pack(f, sign, 63, jam64(mag, 1), st);
    return round_pack(f, sign, 63 - (int32_t)lz, mag << (lz - 1), st);
}

/* ---- the entry points ----------------------------------------------------- */

uint32_t sf_f32_add(uint32_t a, uint32_t b, struct sf_status *st)
{
    return (uint32_t)add(&F32, a, b, false, st);
}

uint32_t sf_f32_sub(uint32_t a, uint32_t b, struct sf_status *st)
{
    return (uint32_t)add(&F32, a, b, true, st);
}

uint32_t sf_f32_mul(uint32_t a, uint32_t b, struct sf_status *st)
{
    return (uint32_t)mul(&F32, a, b, st);
}

uint32_t sf_f32_div(uint32_t a, uint32_t b, struct sf_status *st)
{
    return (uint32_t)div_op(&F32, a, b, st);
}

uint32_t sf_f32_sqrt(uint32_t a, struct sf_status *st)
{
    return (uint32_t)sqrt_op(&F32, a, st);
}

uint32_t sf_f32_fma(uint32_t a, uint32_t b, uint32_t c, struct sf_status *st)
{
    return (uint32_t)fma_op(&F32, a, b, c, st);
}

uint64_t sf_f64_add(uint64_t a, uint64_t b, struct sf_status *st)
{
    return add(&F64, a, b, false, st);
}

uint64_t sf_f64_sub(uint64_t a, uint64_t b, struct sf_status *st)
{
    return add(&F64, a, b, true, st);
}

uint64_t sf_f64_mul(uint64_t a, uint64_t b, struct sf_status *st)
{
    return mul(&F64, a, b, st);
}

uint64_t sf_f64_div(uint64_t a, uint64_t b, struct sf_status *st)
{
    return div_op(&F64, a, b, st);
}

uint64_t sf_f64_sqrt(uint64_t a, struct sf_status *st)
{
    return sqrt_op(&F64, a, st);
}

uint64_t sf_f64_fma(uint64_t a, uint64_t b, uint64_t c, struct sf_status *st)
{
    return fma_op(&F64, a, b, c, st);
}

bool sf_f32_eq(uint32_t a, uint32_t b, struct sf_status *st)
{
    return compare(&F32, a, b, false, st) == 0;
}

bool sf_f32_lt(uint32_t a, uint32_t b, struct sf_status *st)
{
    return compare(&F32, a, b, true, st) == -1;
}

bool sf_f32_le(uint32_t a, uint32_t b, struct sf_status *st)
{
    return compare(&F32, a, b, true, st) <= 0;
}

bool sf_f64_eq(uint64_t a, uint64_t b, struct sf_status *st)
{
    return compare(&F64, a, b, false, st) == 0;
}

bool sf_f64_lt(uint64_t a, uint64_t b, struct sf_status *st)
{
    return compare(&F64, a, b, true, st) == -1;
}

bool sf_f64_le(uint64_t a, uint64_t b, struct sf_status *st)
{
    return compare(&F64, a, b, true, st) <= 0;
}

bool sf_f32_lt_total(uint32_t a, uint32_t b)
{
    return lt_total(&F32, a, b);
}

bool sf_f64_lt_total(uint64_t a, uint64_t b)
{
    return lt_total(&F64, a, b);
}

bool sf_f32_is_nan(uint32_t a)
{
    return bits_nan(&F32, a);
}

bool sf_f32_is_snan(uint32_t a)
{
    return bits_snan(&F32, a);
}

bool sf_f64_is_nan(uint64_t a)
{
    return bits_nan(&F64, a);
}

bool sf_f64_is_snan(uint64_t a)
{
    return bits_snan(&F64, a);
}

uint64_t sf_f32_to_f64(uint32_t a, struct sf_status *st)
{
    return convert(&F32, &F64, a, st);
}

uint32_t sf_f64_to_f32(uint64_t a, struct sf_status *st)
{
    return (uint32_t)convert(&F64, &F32, a, st);
}

/* Half precision: the output flush never applies (FPRound() with N = 16). */
INLINE uint16_t to_f16(const struct fmt *from, uint64_t a, struct sf_status *st)
{
    uint8_t mode = st->mode;
    st->mode &= (uint8_t)~SF_FLUSH_OUT;
    uint16_t r = (uint16_t)convert(from, &F16, a, st);
    st->mode = mode;
    return r;
}

uint16_t sf_f32_to_f16(uint32_t a, struct sf_status *st)
{
    return to_f16(&F32, a, st);
}

uint16_t sf_f64_to_f16(uint64_t a, struct sf_status *st)
{
    return to_f16(&F64, a, st);
}

uint32_t sf_f16_to_f32(uint16_t a, struct sf_status *st)
{
    return (uint32_t)convert(&F16, &F32, a, st);
}

uint64_t sf_f16_to_f64(uint16_t a, struct sf_status *st)
{
    return convert(&F16, &F64, a, st);
}

int32_t sf_f32_to_i32(uint32_t a, struct sf_status *st)
{
    return (int32_t)to_int(&F32, a, true, 32, st);
}

uint32_t sf_f32_to_u32(uint32_t a, struct sf_status *st)
{
    return (uint32_t)to_int(&F32, a, false, 32, st);
}

int64_t sf_f32_to_i64(uint32_t a, struct sf_status *st)
{
    return (int64_t)to_int(&F32, a, true, 64, st);
}

uint64_t sf_f32_to_u64(uint32_t a, struct sf_status *st)
{
    return to_int(&F32, a, false, 64, st);
}

int32_t sf_f64_to_i32(uint64_t a, struct sf_status *st)
{
    return (int32_t)to_int(&F64, a, true, 32, st);
}

uint32_t sf_f64_to_u32(uint64_t a, struct sf_status *st)
{
    return (uint32_t)to_int(&F64, a, false, 32, st);
}

int64_t sf_f64_to_i64(uint64_t a, struct sf_status *st)
{
    return (int64_t)to_int(&F64, a, true, 64, st);
}

uint64_t sf_f64_to_u64(uint64_t a, struct sf_status *st)
{
    return to_int(&F64, a, false, 64, st);
}

uint32_t sf_i64_to_f32(int64_t v, struct sf_status *st)
{
    return (uint32_t)from_int(&F32, v < 0, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, st);
}

uint32_t sf_u64_to_f32(uint64_t v, struct sf_status *st)
{
    return (uint32_t)from_int(&F32, false, v, st);
}

uint64_t sf_i64_to_f64(int64_t v, struct sf_status *st)
{
    return from_int(&F64, v < 0, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, st);
}

uint64_t sf_u64_to_f64(uint64_t v, struct sf_status *st)
{
    return from_int(&F64, false, v, st);
}
