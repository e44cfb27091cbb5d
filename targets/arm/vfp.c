/* SPDX-License-Identifier: MIT */
/*
 * The arithmetic of the FP extension (FPv4-SP, FPv5; ARMv7-M ARM A2.5 and
 * the pseudocode of A7.7 and A2.5.9-A2.5.12), on engine/fpu's IEEE 754
 * operations. What Arm adds to IEEE lives here:
 *   - tininess is detected before rounding (FPRound());
 *   - FPSCR.FZ flushes subnormal operands to zero, raising IDC, and
 *     subnormal results to zero, raising UFC only (not for half
 *     precision);
 *   - NaN operands propagate (FPProcessNaNs(): the first signaling NaN in
 *     operand order, else the first quiet one, quieted), unless FPSCR.DN
 *     asks for the default NaN; VFMA's addend comes first, and a quiet
 *     NaN addend with infinity times zero gives the default NaN;
 *   - conversions to integers give 0 for a NaN; fixed point scales by
 *     2^fbits; VCVTB/VCVTT's alternative half precision (FPSCR.AHP) has no
 *     infinities or NaNs, which convert to the largest value and to zero
 *     with Invalid;
 *   - VMAXNM/VMINNM, VRINT and VSEL of FPv5.
 * Values travel as bit patterns, single precision in the low 32 bits of a
 * uint64_t, so one function serves both formats (@dp selects).
 */
#include "engine/fpu/softfloat.h"
#include "targets/arm/internals.h"

/* The environment of one instruction: FPSCR's modes in, flags out. */
struct fpenv {
    struct sf_status st;
    uint32_t fpscr;
    bool idc;
};

static void env_init(struct fpenv *e, uint32_t fpscr)
{
    /* FPSCR.RMode: RN, RP, RM, RZ. */
    static const uint8_t rmode[4] = {SF_RNE, SF_RUP, SF_RDN, SF_RTZ};
    e->st.round = rmode[(fpscr >> FPSCR_RMODE_SHIFT) & 3];
    e->st.flags = 0;
    e->st.mode = SF_TININESS_BEFORE | ((fpscr & FPSCR_FZ) ? SF_FLUSH_OUT : 0);
    e->fpscr = fpscr;
    e->idc = false;
}

/* The cumulative FPSCR flags the instruction raised. */
static uint32_t env_flags(const struct fpenv *e)
{
    uint8_t f = e->st.flags;
    return ((f & SF_NV) ? FPSCR_IOC : 0) | ((f & SF_DZ) ? FPSCR_DZC : 0) |
           ((f & SF_OF) ? FPSCR_OFC : 0) | ((f & SF_UF) ? FPSCR_UFC : 0) |
           ((f & SF_NX) ? FPSCR_IXC : 0) | (e->idc ? FPSCR_IDC : 0);
}

/* ---- formats -------------------------------------------------------------- */

static uint64_t f_sign(bool dp)
{
    return dp ? 1ull << 63 : 1ull << 31;
}

static uint64_t f_quiet(bool dp)
{
    return dp ? 1ull << 51 : 1ull << 22;
}

static unsigned f_mbits(bool dp)
{
    return dp ? 52 : 23;
}

static uint64_t f_exp_mask(bool dp)
{
    return dp ? 0x7ffull << 52 : 0xffull << 23;
}

static bool f_is_nan(bool dp, uint64_t a)
{
    return dp ? sf_f64_is_nan(a) : sf_f32_is_nan((uint32_t)a);
}

static bool f_is_snan(bool dp, uint64_t a)
{
    return dp ? sf_f64_is_snan(a) : sf_f32_is_snan((uint32_t)a);
}

static bool f_is_qnan(bool dp, uint64_t a)
{
    return f_is_nan(dp, a) && !f_is_snan(dp, a);
}

static bool f_is_zero(bool dp, uint64_t a)
{
    return !(a & (f_sign(dp) - 1));
}

static bool f_is_inf(bool dp, uint64_t a)
{
    return (a & (f_sign(dp) - 1)) == f_exp_mask(dp);
}

static uint64_t f_default_nan(bool dp)
{
    return dp ? SF_F64_DEFAULT_NAN : SF_F32_DEFAULT_NAN;
}

/* FPUnpack with FZ: a subnormal operand reads as a zero of its sign. */
static uint64_t flush_in(struct fpenv *e, bool dp, uint64_t a)
{
    if ((e->fpscr & FPSCR_FZ) && !(a & f_exp_mask(dp)) && !f_is_zero(dp, a)) {
        e->idc = true;
        return a & f_sign(dp);
    }
    return a;
}

/* FPProcessNaN. */
static uint64_t process_nan(struct fpenv *e, bool dp, uint64_t a)
{
    if (f_is_snan(dp, a))
        e->st.flags |= SF_NV;
    return (e->fpscr & FPSCR_DN) ? f_default_nan(dp) : a | f_quiet(dp);
}

/* FPProcessNaNs/FPProcessNaNs3 over @n operands: false if none is a NaN. */
static bool process_nans(struct fpenv *e, bool dp, const uint64_t *ops, unsigned n, uint64_t *r)
{
    for (unsigned i = 0; i < n; i++)
        if (f_is_snan(dp, ops[i])) {
            *r = process_nan(e, dp, ops[i]);
            return true;
        }
    for (unsigned i = 0; i < n; i++)
        if (f_is_nan(dp, ops[i])) {
            *r = process_nan(e, dp, ops[i]);
            return true;
        }
    return false;
}

/* ---- arithmetic ----------------------------------------------------------- */

enum { FA_ADD, FA_SUB, FA_MUL, FA_DIV };

static uint64_t arith(struct fpenv *e, bool dp, unsigned op, uint64_t a, uint64_t b)
{
    uint64_t ops[2] = {flush_in(e, dp, a), flush_in(e, dp, b)}, r;
    if (process_nans(e, dp, ops, 2, &r))
        return r;
    a = ops[0];
    b = ops[1];
    if (dp) {
        switch (op) {
        case FA_ADD: return sf_f64_add(a, b, &e->st);
        case FA_SUB: return sf_f64_sub(a, b, &e->st);
        case FA_MUL: return sf_f64_mul(a, b, &e->st);
        default: return sf_f64_div(a, b, &e->st);
        }
    }
    switch (op) {
    case FA_ADD: return sf_f32_add((uint32_t)a, (uint32_t)b, &e->st);
    case FA_SUB: return sf_f32_sub((uint32_t)a, (uint32_t)b, &e->st);
    case FA_MUL: return sf_f32_mul((uint32_t)a, (uint32_t)b, &e->st);
    default: return sf_f32_div((uint32_t)a, (uint32_t)b, &e->st);
    }
}

static uint64_t fsqrt(struct fpenv *e, bool dp, uint64_t a)
{
    a = flush_in(e, dp, a);
    if (f_is_nan(dp, a))
        return process_nan(e, dp, a);
    return dp ? sf_f64_sqrt(a, &e->st) : sf_f32_sqrt((uint32_t)a, &e->st);
}

/* FPMulAdd(addend, op1, op2): one rounding. */
static uint64_t muladd(struct fpenv *e, bool dp, uint64_t addend, uint64_t a, uint64_t b)
{
    uint64_t ops[3] = {flush_in(e, dp, addend), flush_in(e, dp, a), flush_in(e, dp, b)}, r;
    bool nan = process_nans(e, dp, ops, 3, &r);
    bool inf_zero = (f_is_inf(dp, ops[1]) && f_is_zero(dp, ops[2])) ||
                    (f_is_zero(dp, ops[1]) && f_is_inf(dp, ops[2]));
    if (f_is_qnan(dp, ops[0]) && inf_zero) {
        e->st.flags |= SF_NV;
        return f_default_nan(dp);
    }
    if (nan)
        return r;
    if (dp)
        return sf_f64_fma(ops[1], ops[2], ops[0], &e->st);
    return sf_f32_fma((uint32_t)ops[1], (uint32_t)ops[2], (uint32_t)ops[0], &e->st);
}

/* VCMP/VCMPE: FPSCR.NZCV = 0110 equal, 1000 less, 0010 greater, 0011
 * unordered; VCMPE (@e_insn) raises Invalid for any NaN. */
static uint32_t compare(struct fpenv *e, bool dp, uint64_t a, uint64_t b, bool e_insn)
{
    a = flush_in(e, dp, a);
    b = flush_in(e, dp, b);
    if (f_is_nan(dp, a) || f_is_nan(dp, b)) {
        if (e_insn || f_is_snan(dp, a) || f_is_snan(dp, b))
            e->st.flags |= SF_NV;
        return 0x3u << 28;
    }
    bool eq = dp ? sf_f64_eq(a, b, &e->st) : sf_f32_eq((uint32_t)a, (uint32_t)b, &e->st);
    bool lt = dp ? sf_f64_lt(a, b, &e->st) : sf_f32_lt((uint32_t)a, (uint32_t)b, &e->st);
    return eq ? 0x6u << 28 : lt ? 0x8u << 28 : 0x2u << 28;
}

/* FPMaxNum/FPMinNum (FPv5): a quiet NaN loses against a number. */
static uint64_t maxmin_num(struct fpenv *e, bool dp, uint64_t a, uint64_t b, bool min)
{
    uint64_t ops[2] = {flush_in(e, dp, a), flush_in(e, dp, b)}, r;
    uint64_t loser = f_exp_mask(dp) | (min ? 0 : f_sign(dp)); /* -inf for max */
    bool qa = f_is_qnan(dp, ops[0]), qb = f_is_qnan(dp, ops[1]);
    if (qa && !qb)
        ops[0] = loser;
    else if (qb && !qa)
        ops[1] = loser;
    if (process_nans(e, dp, ops, 2, &r))
        return r;
    /* Total order puts -0 below +0, as FPMax/FPMin want. */
    bool lt =
        dp ? sf_f64_lt_total(ops[0], ops[1]) : sf_f32_lt_total((uint32_t)ops[0], (uint32_t)ops[1]);
    return lt == min ? ops[0] : ops[1];
}

/* FPRoundInt (FPv5 VRINT): rounded in @round; only VRINTX (@exact)
 * reports Inexact. */
static uint64_t round_int(struct fpenv *e, bool dp, uint64_t a, unsigned round, bool exact)
{
    a = flush_in(e, dp, a);
    if (f_is_nan(dp, a))
        return process_nan(e, dp, a);
    uint64_t exp = (a & f_exp_mask(dp)) >> f_mbits(dp);
    uint64_t bias = dp ? 1023 : 127;
    if (f_is_inf(dp, a) || f_is_zero(dp, a) || exp >= bias + f_mbits(dp))
        return a; /* already integral */
    struct sf_status st = {.round = (uint8_t)round};
    int64_t i = dp ? sf_f64_to_i64(a, &st) : sf_f32_to_i64((uint32_t)a, &st);
    if (exact)
        e->st.flags |= st.flags & SF_NX;
    if (!i)
        return a & f_sign(dp);
    return dp ? sf_i64_to_f64(i, &st) : sf_i64_to_f32(i, &st);
}

/* ---- conversions ---------------------------------------------------------- */

/* FPToFixed with 0 fraction bits to a 32-bit integer, rounding in @round. */
static uint32_t to_int(struct fpenv *e, bool dp, uint64_t a, bool is_signed, unsigned round)
{
    a = flush_in(e, dp, a);
    if (f_is_nan(dp, a)) {
        e->st.flags |= SF_NV;
        return 0;
    }
    uint8_t saved = e->st.round;
    uint32_t r;
    e->st.round = (uint8_t)round;
    if (dp)
        r = is_signed ? (uint32_t)sf_f64_to_i32(a, &e->st) : sf_f64_to_u32(a, &e->st);
    else if (is_signed)
        r = (uint32_t)sf_f32_to_i32((uint32_t)a, &e->st);
    else
        r = sf_f32_to_u32((uint32_t)a, &e->st);
    e->st.round = saved;
    return r;
}

/* 2^n as a double, for exact scaling (|n| <= 32). */
static uint64_t pow2(int n)
{
    return (uint64_t)(1023 + n) << 52;
}

/* FPToFixed: @a * 2^fbits rounded toward zero to a @size-bit integer,
 * saturated (Invalid), extended to 32 bits. The scaling is exact in
 * double precision (an overflow to infinity saturates all the same). */
static uint32_t to_fixed(struct fpenv *e, bool dp, uint64_t a, unsigned size, bool is_signed,
                         unsigned fbits)
{
    a = flush_in(e, dp, a);
    if (f_is_nan(dp, a)) {
        e->st.flags |= SF_NV;
        return 0;
    }
    struct sf_status exact = {.round = SF_RNE}, st = {.round = SF_RTZ};
    uint64_t d = dp ? a : sf_f32_to_f64((uint32_t)a, &exact);
    d = sf_f64_mul(d, pow2((int)fbits), &exact);
    int64_t v = sf_f64_to_i64(d, &st);
    int64_t lo = is_signed ? -(1ll << (size - 1)) : 0;
    int64_t hi = is_signed ? (1ll << (size - 1)) - 1 : (int64_t)((1ull << size) - 1);
    if ((st.flags & SF_NV) || v < lo || v > hi) {
        e->st.flags |= SF_NV;
        v = (st.flags & SF_NV) ? (d & (1ull << 63) ? lo : hi) : v < lo ? lo : hi;
    } else {
        e->st.flags |= st.flags & SF_NX;
    }
    return size == 16 && is_signed ? (uint32_t)(int32_t)(int16_t)v : (uint32_t)v;
}

/* FixedToFP: the low @size bits of @v over 2^fbits, rounded once to
 * nearest whatever FPSCR says (VCVT's round_nearest; the integer and the
 * scaling are exact in double). */
static uint64_t from_fixed(struct fpenv *e, bool dp, uint32_t v, unsigned size, bool is_signed,
                           unsigned fbits)
{
    struct sf_status exact = {.round = SF_RNE};
    int64_t x =
        size == 16 ? (is_signed ? (int16_t)v : (uint16_t)v) : (is_signed ? (int32_t)v : (int64_t)v);
    uint64_t d = sf_f64_mul(sf_i64_to_f64(x, &exact), pow2(-(int)fbits), &exact);
    uint8_t round = e->st.round;
    if (dp)
        return d;
    e->st.round = SF_RNE;
    uint32_t r = sf_f64_to_f32(d, &e->st);
    e->st.round = round;
    return r;
}

/* FPConvert between single and double precision (FPv5). */
static uint64_t convert_sd(struct fpenv *e, bool to_dp, uint64_t a)
{
    bool from_dp = !to_dp;
    a = flush_in(e, from_dp, a);
    if (f_is_nan(from_dp, a)) {
        if (f_is_snan(from_dp, a))
            e->st.flags |= SF_NV;
        if (e->fpscr & FPSCR_DN)
            return f_default_nan(to_dp);
        if (to_dp) /* sign, quiet, the payload on top */
            return (a & f_sign(false)) << 32 | 0x7ff8000000000000ull | (a & 0x3fffffull) << 29;
        return (a >> 32 & f_sign(false)) | 0x7fc00000u | ((a >> 29) & 0x3fffffu);
    }
    return to_dp ? sf_f32_to_f64((uint32_t)a, &e->st) : sf_f64_to_f32(a, &e->st);
}

#define H_MAX_AHP 0x7fffu

/* Single or double precision to half (FPConvert with N = 16). */
static uint16_t to_half(struct fpenv *e, bool dp, uint64_t a)
{
    bool ahp = e->fpscr & FPSCR_AHP;
    uint16_t sign = (a & f_sign(dp)) ? 0x8000 : 0;
    a = flush_in(e, dp, a);
    if (f_is_nan(dp, a)) {
        if (ahp || f_is_snan(dp, a))
            e->st.flags |= SF_NV;
        if (ahp) /* no NaNs: a zero of the NaN's sign */
            return sign;
        if (e->fpscr & FPSCR_DN)
            return SF_F16_DEFAULT_NAN;
        return (uint16_t)(sign | 0x7e00 | ((a >> (f_mbits(dp) - 10)) & 0x1ff));
    }
    if (ahp && f_is_inf(dp, a)) {
        e->st.flags |= SF_NV;
        return sign | H_MAX_AHP;
    }
    struct sf_status exact = {.round = SF_RNE};
    uint64_t d = dp ? a : sf_f32_to_f64((uint32_t)a, &exact);
    if (!ahp || ((d >> 52) & 0x7ff) < 1023 + 15)
        return sf_f64_to_f16(d, &e->st); /* where AHP and IEEE agree */
    /* AHP from 2^15 up: round in IEEE half with the exponent 16 lower (a
     * normal result either way), then put the 16 back; exponent field 31
     * is ordinary, and beyond it the result saturates (Invalid only). */
    struct sf_status st = e->st;
    uint16_t h = sf_f64_to_f16(d - (16ull << 52), &st);
    if (((h >> 10) & 0x1f) + 16 > 31) {
        e->st.flags |= SF_NV;
        return sign | H_MAX_AHP;
    }
    e->st.flags = st.flags;
    return (uint16_t)(h + (16u << 10));
}

/* Half to single or double precision (exact). */
static uint64_t from_half(struct fpenv *e, bool dp, uint16_t h)
{
    uint64_t sign = (h & 0x8000) ? f_sign(dp) : 0, frac = h & 0x3ff;
    unsigned shift = f_mbits(dp) - 10;
    if (((h >> 10) & 0x1f) == 0x1f) {
        if (e->fpscr & FPSCR_AHP) /* (1 + frac) * 2^16 */
            return sign | (uint64_t)((dp ? 1023 : 127) + 16) << f_mbits(dp) | frac << shift;
        if (frac) {
            if (!(frac & 0x200))
                e->st.flags |= SF_NV;
            if (e->fpscr & FPSCR_DN)
                return f_default_nan(dp);
            return sign | f_exp_mask(dp) | f_quiet(dp) | frac << shift;
        }
    }
    return dp ? sf_f16_to_f64(h, &e->st) : sf_f16_to_f32(h, &e->st);
}

/* ---- the registers and the dispatcher ------------------------------------ */

static uint64_t get_reg(const struct arm_cpu *c, bool dp, unsigned r)
{
    r &= dp ? 15 : 31;
    if (dp)
        return (uint64_t)c->vfp[2 * r + 1] << 32 | c->vfp[2 * r];
    return c->vfp[r];
}

static void set_reg(struct arm_cpu *c, bool dp, unsigned r, uint64_t v)
{
    r &= dp ? 15 : 31;
    if (dp) {
        c->vfp[2 * r] = (uint32_t)v;
        c->vfp[2 * r + 1] = (uint32_t)(v >> 32);
    } else {
        c->vfp[r] = (uint32_t)v;
    }
}

static uint64_t neg(bool dp, uint64_t a)
{
    return a ^ f_sign(dp);
}

/* The APSR condition of VSEL (EQ, VS, GE, GT). */
static bool vsel_cond(const struct arm_cpu *c, unsigned op)
{
    bool z = !c->zf, n = c->nf >> 31, v = c->vf >> 31;
    switch (op) {
    case T_VSELEQ: return z;
    case T_VSELVS: return v;
    case T_VSELGE: return n == v;
    default: return !z && n == v;
    }
}

/* Rounding modes of VCVTA/N/P/M and VRINTA/N/P/M, in op order. */
static const uint8_t direct_round[4] = {SF_RMM, SF_RNE, SF_RUP, SF_RDN};

/* VCVT to integers (@dp: the source's precision; the result is S[d]),
 * from integers (@dp: the result's; the source is S[m]), and between
 * single and double (@dp: the result's). */
static void exec_convert(struct fpenv *e, struct arm_cpu *c, unsigned op, bool dp, unsigned d,
                         unsigned m, uint32_t imm)
{
    bool is_signed = imm & 1;
    switch (op) {
    case T_VCVT_FI: c->vfp[d] = to_int(e, dp, get_reg(c, dp, m), is_signed, SF_RTZ); break;
    case T_VCVTR: c->vfp[d] = to_int(e, dp, get_reg(c, dp, m), is_signed, e->st.round); break;
    case T_VCVTA:
    case T_VCVTN:
    case T_VCVTP:
    case T_VCVTM:
        c->vfp[d] = to_int(e, dp, get_reg(c, dp, m), is_signed, direct_round[op - T_VCVTA]);
        break;
    case T_VCVT_IF: {
        int64_t x = is_signed ? (int32_t)c->vfp[m] : (int64_t)c->vfp[m];
        set_reg(c, dp, d, dp ? sf_i64_to_f64(x, &e->st) : sf_i64_to_f32(x, &e->st));
        break;
    }
    default: set_reg(c, dp, d, convert_sd(e, dp, get_reg(c, !dp, m))); break; /* VCVT_DS */
    }
}

/* VCVTB/VCVTT (@dp: the wide side's precision): imm bit 0 = to half,
 * imm bit 1 = the top half of the S register. */
static void exec_half(struct fpenv *e, struct arm_cpu *c, bool dp, unsigned d, unsigned m,
                      uint32_t imm)
{
    unsigned shift = (imm & 2) ? 16 : 0;
    if (imm & 1) {
        uint16_t h = to_half(e, dp, get_reg(c, dp, m));
        c->vfp[d] = (c->vfp[d] & ~(0xffffu << shift)) | (uint32_t)h << shift;
    } else {
        set_reg(c, dp, d, from_half(e, dp, (uint16_t)(c->vfp[m] >> shift)));
    }
}

/* The operations on registers of one precision (VMLA to VMINNM): Dd/Sd =
 * f(Dd/Sd, Dn/Sn, Dm/Sm). */
static void exec_arith(struct fpenv *e, struct arm_cpu *c, unsigned op, bool dp, unsigned d,
                       unsigned n, unsigned m)
{
    uint64_t a = get_reg(c, dp, n), b = get_reg(c, dp, m), acc = get_reg(c, dp, d), r;
    switch (op) {
    case T_VADD: r = arith(e, dp, FA_ADD, a, b); break;
    case T_VSUB: r = arith(e, dp, FA_SUB, a, b); break;
    case T_VMUL: r = arith(e, dp, FA_MUL, a, b); break;
    case T_VNMUL: r = neg(dp, arith(e, dp, FA_MUL, a, b)); break;
    case T_VDIV: r = arith(e, dp, FA_DIV, a, b); break;
    case T_VMLA: r = arith(e, dp, FA_ADD, acc, arith(e, dp, FA_MUL, a, b)); break;
    case T_VMLS: r = arith(e, dp, FA_ADD, acc, neg(dp, arith(e, dp, FA_MUL, a, b))); break;
    case T_VNMLA:
        r = arith(e, dp, FA_ADD, neg(dp, acc), neg(dp, arith(e, dp, FA_MUL, a, b)));
        break;
    case T_VNMLS: r = arith(e, dp, FA_ADD, neg(dp, acc), arith(e, dp, FA_MUL, a, b)); break;
    case T_VFMA: r = muladd(e, dp, acc, a, b); break;
    case T_VFMS: r = muladd(e, dp, acc, neg(dp, a), b); break;
    case T_VFNMA: r = muladd(e, dp, neg(dp, acc), neg(dp, a), b); break;
    case T_VFNMS: r = muladd(e, dp, neg(dp, acc), a, b); break;
    case T_VSQRT: r = fsqrt(e, dp, b); break;
    case T_VRINTA:
    case T_VRINTN:
    case T_VRINTP:
    case T_VRINTM: r = round_int(e, dp, b, direct_round[op - T_VRINTA], false); break;
    case T_VRINTR: r = round_int(e, dp, b, e->st.round, false); break;
    case T_VRINTZ: r = round_int(e, dp, b, SF_RTZ, false); break;
    case T_VRINTX: r = round_int(e, dp, b, e->st.round, true); break;
    case T_VSELEQ:
    case T_VSELVS:
    case T_VSELGE:
    case T_VSELGT: r = vsel_cond(c, op) ? a : b; break;
    default: r = maxmin_num(e, dp, a, b, op == T_VMINNM); break;
    }
    set_reg(c, dp, d, r);
}

void arm_vfp_exec(struct arm_cpu *c, unsigned op, bool dp, uint32_t regs, uint32_t imm)
{
    unsigned d = regs & 31, n = (regs >> 8) & 31, m = (regs >> 16) & 31;
    struct fpenv e;
    env_init(&e, c->fpscr);
    if (op >= T_VMLA && op <= T_VMINNM) {
        exec_arith(&e, c, op, dp, d, n, m);
    } else if (op == T_VCMP || op == T_VCMPE) {
        /* imm bit 0: compare with +0.0 */
        uint64_t b = (imm & 1) ? 0 : get_reg(c, dp, m);
        c->fpscr = (c->fpscr & ~FPSCR_NZCV) | compare(&e, dp, get_reg(c, dp, d), b, op == T_VCMPE);
    } else if (op == T_VCVTB || op == T_VCVTT) {
        exec_half(&e, c, dp, d, m, imm);
    } else if (op == T_VCVT_FX || op == T_VCVT_XF) {
        /* In place; imm = fbits << 8 | size << 1 | signed. */
        unsigned size = (imm >> 1) & 0x3f, fbits = imm >> 8;
        if (op == T_VCVT_FX) { /* a D register gets the result extended */
            uint32_t r = to_fixed(&e, dp, get_reg(c, dp, d), size, imm & 1, fbits);
            set_reg(c, dp, d, (imm & 1) ? (uint64_t)(int64_t)(int32_t)r : r);
        } else {
            set_reg(c, dp, d, from_fixed(&e, dp, c->vfp[dp ? 2 * d : d], size, imm & 1, fbits));
        }
    } else {
        exec_convert(&e, c, op, dp, d, m, imm);
    }
    c->fpscr |= env_flags(&e);
}

/* a0 = op | dp << 16, a1 = rd | rn << 8 | rm << 16, a2 = imm. */
static uint64_t helper_vfp(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a3;
    arm_vfp_exec(arm_cpu(cpu), a0 & 0xffff, (a0 >> 16) & 1, (uint32_t)a1, (uint32_t)a2);
    return 0;
}

const struct ir_helper arm_helper_vfp = {"vfp", helper_vfp, 3, IR_I32};
