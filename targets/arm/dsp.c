/* SPDX-License-Identifier: MIT */
/*
 * The arithmetic of saturation and of the DSP extension (ARM ARM
 * A7.7.*, the pseudocode of each instruction): helpers called from the
 * IR tr_dsp.c emits, and RBIT. Saturation and accumulation overflow set
 * the sticky Q flag; parallel add/subtract set GE[3:0].
 */
#include "targets/arm/internals.h"

static int64_t sat_s(struct arm_cpu *c, int64_t v, unsigned bits)
{
    int64_t max = (INT64_C(1) << (bits - 1)) - 1, min = -max - 1;
    if (v > max || v < min) {
        c->qf = 1;
        return v > max ? max : min;
    }
    return v;
}

static int64_t sat_u(struct arm_cpu *c, int64_t v, unsigned bits)
{
    int64_t max = (INT64_C(1) << bits) - 1;
    if (v > max || v < 0) {
        c->qf = 1;
        return v > max ? max : 0;
    }
    return v;
}

/* A 32-bit signed result that must not overflow, else Q. */
static uint32_t with_q(struct arm_cpu *c, int64_t v)
{
    if (v != (int32_t)v)
        c->qf = 1;
    return (uint32_t)v;
}

static int32_t half(uint32_t v, bool top)
{
    return (int16_t)(top ? v >> 16 : v);
}

/* The two products of the dual multiplies (SMLAD, SMUSD, ...), with the
 * halves of @b swapped for the X forms. */
static void dual_products(uint32_t a, uint32_t b, bool x, int64_t *p1, int64_t *p2)
{
    if (x)
        b = b >> 16 | b << 16;
    *p1 = (int64_t)half(a, false) * half(b, false);
    *p2 = (int64_t)half(a, true) * half(b, true);
}

static uint32_t usad8(uint32_t a, uint32_t b)
{
    uint32_t sum = 0;
    for (unsigned i = 0; i < 32; i += 8) {
        int d = (int)((a >> i) & 0xff) - (int)((b >> i) & 0xff);
        sum += (uint32_t)(d < 0 ? -d : d);
    }
    return sum;
}

static uint32_t sel(const struct arm_cpu *c, uint32_t a, uint32_t b)
{
    uint32_t r = 0;
    for (unsigned i = 0; i < 4; i++)
        r |= ((c->ge >> i) & 1 ? a : b) & (0xffu << (8 * i));
    return r;
}

/* SXTB16/UXTB16 (and the accumulating forms): bytes 0 and 2 of @m
 * extended to halfwords, added halfword-wise to @n. */
static uint32_t xtb16(uint32_t n, uint32_t m, bool sign)
{
    uint32_t lo = sign ? (uint32_t)(int8_t)m : (m & 0xff);
    uint32_t hi = sign ? (uint32_t)(int8_t)(m >> 16) : ((m >> 16) & 0xff);
    return ((n + lo) & 0xffff) | ((n >> 16) + hi) << 16;
}

static uint32_t sat16(struct arm_cpu *c, uint32_t v, unsigned bits, bool sign)
{
    uint32_t r = 0;
    for (unsigned i = 0; i < 2; i++) {
        int64_t h = half(v, i);
        h = sign ? sat_s(c, h, bits) : sat_u(c, h, bits);
        r |= ((uint32_t)h & 0xffff) << (16 * i);
    }
    return r;
}

/* Halfword multiplies: SMLAxy, SMULxy, SMLAWy, SMULWy. */
static uint32_t mul_halves(struct arm_cpu *c, enum thumb_op op, uint32_t a, uint32_t b,
                           uint32_t acc)
{
    if (op <= T_SMULTT) {
        unsigned xy = (op - T_SMLABB) & 3;
        int64_t p = (int64_t)half(a, xy & 2) * half(b, xy & 1);
        return op <= T_SMLATT ? with_q(c, p + (int32_t)acc) : (uint32_t)p;
    }
    bool top = (op - T_SMLAWB) & 1;
    int64_t p = ((int64_t)(int32_t)a * half(b, top)) >> 16;
    return op <= T_SMLAWT ? with_q(c, p + (int32_t)acc) : (uint32_t)p;
}

/* SMMUL, SMMLA, SMMLS and their rounding forms: the top word. */
static uint32_t mul_top(enum thumb_op op, uint32_t a, uint32_t b, uint32_t acc)
{
    int64_t p = (int64_t)(int32_t)a * (int32_t)b;
    bool round = (op - T_SMMUL) & 1;
    int64_t v = op >= T_SMMLS   ? ((int64_t)(int32_t)acc * (INT64_C(1) << 32)) - p
                : op >= T_SMMLA ? ((int64_t)(int32_t)acc * (INT64_C(1) << 32)) + p
                                : p;
    if (round)
        v += INT64_C(0x80000000);
    return (uint32_t)((uint64_t)v >> 32);
}

static uint32_t dual(struct arm_cpu *c, enum thumb_op op, uint32_t a, uint32_t b, uint32_t acc)
{
    int64_t p1, p2;
    bool x = (op - T_SMLAD) & 1;
    dual_products(a, b, x, &p1, &p2);
    switch (op) {
    case T_SMLAD:
    case T_SMLADX: return with_q(c, p1 + p2 + (int32_t)acc);
    case T_SMUAD:
    case T_SMUADX: return with_q(c, p1 + p2);
    case T_SMLSD:
    case T_SMLSDX: return with_q(c, p1 - p2 + (int32_t)acc);
    default: return (uint32_t)(p1 - p2); /* SMUSD{X} cannot overflow */
    }
}

/* QADD, QSUB, QDADD, QDSUB: Rd = sat(Rm +/- [2 *] Rn) with @a = Rn. */
static uint32_t qarith(struct arm_cpu *c, enum thumb_op op, uint32_t a, uint32_t b)
{
    int64_t n = (int32_t)a;
    if (op == T_QDADD || op == T_QDSUB)
        n = sat_s(c, 2 * n, 32);
    bool sub = op == T_QSUB || op == T_QDSUB;
    return (uint32_t)sat_s(c, (int32_t)b + (sub ? -n : n), 32);
}

/* a0 = op | width << 16, a1 = Rn (or the saturated value), a2 = Rm, a3 = Ra. */
static uint64_t helper_dsp(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    struct arm_cpu *c = arm_cpu(cpu);
    enum thumb_op op = (enum thumb_op)(a0 & 0xffff);
    unsigned width = (unsigned)(a0 >> 16);
    uint32_t a = (uint32_t)a1, b = (uint32_t)a2, acc = (uint32_t)a3;
    if (op >= T_SMLABB && op <= T_SMULWT)
        return mul_halves(c, op, a, b, acc);
    if (op >= T_SMLAD && op <= T_SMUSDX)
        return dual(c, op, a, b, acc);
    if (op >= T_SMMUL && op <= T_SMMLSR)
        return mul_top(op, a, b, acc);
    switch (op) {
    case T_USAD8: return usad8(a, b);
    case T_USADA8: return usad8(a, b) + acc;
    case T_QADD:
    case T_QSUB:
    case T_QDADD:
    case T_QDSUB: return qarith(c, op, a, b);
    case T_SEL: return sel(c, a, b);
    case T_SXTB16: return xtb16(0, b, true);
    case T_UXTB16: return xtb16(0, b, false);
    case T_SXTAB16: return xtb16(a, b, true);
    case T_UXTAB16: return xtb16(a, b, false);
    case T_SSAT16: return sat16(c, a, width, true);
    case T_USAT16: return sat16(c, a, width, false);
    case T_SSAT: return (uint32_t)sat_s(c, (int32_t)a, width);
    case T_USAT: return (uint32_t)sat_u(c, (int32_t)a, width);
    default: return 0; /* the translator only calls this for the ops above */
    }
}

/* SMLALxy, SMLALD{X}, SMLSLD{X}: 64-bit accumulate (no Q). */
static uint64_t helper_dsp64(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t acc)
{
    (void)cpu;
    enum thumb_op op = (enum thumb_op)a0;
    uint32_t a = (uint32_t)a1, b = (uint32_t)a2;
    int64_t p1, p2;
    if (op <= T_SMLALTT) {
        unsigned xy = (op - T_SMLALBB) & 3;
        return acc + (uint64_t)((int64_t)half(a, xy & 2) * half(b, xy & 1));
    }
    bool x = op == T_SMLALDX || op == T_SMLSLDX;
    dual_products(a, b, x, &p1, &p2);
    return acc + (uint64_t)(op <= T_SMLALDX ? p1 + p2 : p1 - p2);
}

/* Parallel add/subtract: the exact lane results (A5.3.13). Lane i of a
 * 16-bit op is an addition when bit i of the op's add mask is set. */
static unsigned par_lanes(unsigned o, uint32_t a, uint32_t b, bool sign, int32_t *res,
                          unsigned *add_mask)
{
    static const uint8_t masks[6] = {0x3, 0x2, 0x1, 0x0, 0xf, 0x0};
    static const bool cross[6] = {false, true, true, false, false, false};
    unsigned bits = o >= 4 ? 8 : 16, n = 32 / bits;
    *add_mask = masks[o];
    for (unsigned i = 0; i < n; i++) {
        unsigned j = cross[o] ? n - 1 - i : i;
        uint32_t x = (a >> (i * bits)) & ((1u << bits) - 1);
        uint32_t y = (b >> (j * bits)) & ((1u << bits) - 1);
        int32_t xs = sign ? (bits == 8 ? (int8_t)x : (int16_t)x) : (int32_t)x;
        int32_t ys = sign ? (bits == 8 ? (int8_t)y : (int16_t)y) : (int32_t)y;
        res[i] = (*add_mask >> i) & 1 ? xs + ys : xs - ys;
    }
    return bits;
}

/* a0 = op (SADD16..UHSUB8), a1 = Rn, a2 = Rm. */
static uint64_t helper_par(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a3;
    struct arm_cpu *c = arm_cpu(cpu);
    unsigned idx = (unsigned)a0 - T_SADD16, prefix = idx / 6, o = idx % 6, mode = prefix % 3;
    bool sign = prefix < 3;
    int32_t res[4];
    unsigned add_mask, bits = par_lanes(o, (uint32_t)a1, (uint32_t)a2, sign, res, &add_mask);
    unsigned n = 32 / bits, ge = 0, ge_bits = 4 / n;
    uint32_t r = 0, lane_mask = (1u << bits) - 1;
    uint32_t saved_q = c->qf;
    for (unsigned i = 0; i < n; i++) {
        int64_t v = res[i];
        if (mode == 1)
            v = sign ? sat_s(c, v, bits) : sat_u(c, v, bits);
        else if (mode == 2)
            v >>= 1; /* halving: arithmetic on the exact result */
        bool g = sign || !((add_mask >> i) & 1) ? res[i] >= 0 : res[i] >= (1 << bits);
        if (g)
            ge |= ((1u << ge_bits) - 1) << (i * ge_bits);
        r |= ((uint32_t)v & lane_mask) << (i * bits);
    }
    c->qf = saved_q; /* the saturating forms do not touch Q */
    if (mode == 0)
        c->ge = ge;
    return r;
}

static uint64_t helper_rbit(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)cpu, (void)a1, (void)a2, (void)a3;
    uint32_t v = (uint32_t)a0, r = 0;
    for (unsigned i = 0; i < 32; i++)
        r |= ((v >> i) & 1) << (31 - i);
    return r;
}

const struct ir_helper arm_helper_dsp = {"dsp", helper_dsp, 4, IR_I32};
const struct ir_helper arm_helper_dsp64 = {"dsp64", helper_dsp64, 4, IR_I64};
const struct ir_helper arm_helper_par = {"par", helper_par, 3, IR_I32};
const struct ir_helper arm_helper_rbit = {"rbit", helper_rbit, 1, IR_I32};
