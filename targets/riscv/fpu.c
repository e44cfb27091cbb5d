/* SPDX-License-Identifier: MIT */
/*
 * The RISC-V floating-point unit (unprivileged spec 20191213, chapter 11
 * "F", 12 "D", and 13.2 on NaN boxing): the helpers translated F and D
 * instructions call for arithmetic, conversions, comparisons, min/max and
 * classify, and the fcsr/frm/fflags CSRs. The arithmetic itself is
 * engine/fpu/softfloat.c, whose conventions (default NaN, tininess after
 * rounding, saturating conversions with NaN to the largest integer) are
 * RISC-V's; what is RISC-V's alone lives here:
 *   - rounding mode: the instruction's rm field, 7 meaning frm; rm 5 or 6,
 *     or frm 5..7 when rm is 7, raise illegal instruction (11.2);
 *   - a single in a 64-bit register is NaN-boxed (upper half all ones);
 *     an operand that is not reads as the canonical NaN (13.2);
 *   - fmin/fmax follow IEEE 754-2019 minimumNumber/maximumNumber with
 *     -0 < +0 and the canonical NaN when both are NaN (11.6);
 *   - 32-bit integer results are sign-extended to XLEN, also for the
 *     unsigned conversions (11.7).
 * mstatus.FS is checked and set dirty by the translator (tr_fp.c).
 */
#include "engine/fpu/softfloat.h"
#include "targets/riscv/internals.h"

/* The rounding mode of @insn, or illegal instruction (spec 11.2). */
static unsigned fp_rm(struct riscv_cpu *c, uint64_t insn)
{
    unsigned rm = (insn >> 12) & 7;
    if (rm == 7)
        rm = c->frm;
    if (rm > SF_RMM)
        riscv_raise(c, RISCV_EXCP_ILLEGAL, (uint32_t)insn);
    return rm;
}

static uint32_t unbox(uint64_t v)
{
    return (v & RISCV_NANBOX) == RISCV_NANBOX ? (uint32_t)v : SF_F32_DEFAULT_NAN;
}

static uint64_t box(uint32_t v)
{
    return RISCV_NANBOX | v;
}

static uint64_t sext32(uint32_t v)
{
    return (uint64_t)(int64_t)(int32_t)v;
}

/* The environment of one operation with a rounding mode; fp_end hands
 * its flags to fflags. */
#define FP_BEGIN(insn)                                                                             \
    struct riscv_cpu *c = riscv_cpu(cpu);                                                          \
    struct sf_status st = {.round = (uint8_t)fp_rm(c, insn)}
#define FP_BEGIN_NO_RM()                                                                           \
    struct riscv_cpu *c = riscv_cpu(cpu);                                                          \
    struct sf_status st = {.round = SF_RNE}
#define FP_END(result)                                                                             \
    do {                                                                                           \
        uint64_t r_ = (result);                                                                    \
        c->fflags |= st.flags;                                                                     \
        return r_;                                                                                 \
    } while (0)

/* ---- fused multiply-add: fmadd a*b+c, fmsub a*b-c, fnmsub -(a*b)+c,
 * fnmadd -(a*b)-c; negating an operand first is exact (11.6). ---- */

#define FMA_S(name, np, nc)                                                                        \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t x, uint64_t insn)   \
    {                                                                                              \
        FP_BEGIN(insn);                                                                            \
        FP_END(box(sf_f32_fma(unbox(a) ^ ((np) ? 0x80000000u : 0), unbox(b),                       \
                              unbox(x) ^ ((nc) ? 0x80000000u : 0), &st)));                         \
    }
#define FMA_D(name, np, nc)                                                                        \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t x, uint64_t insn)   \
    {                                                                                              \
        FP_BEGIN(insn);                                                                            \
        FP_END(sf_f64_fma(a ^ ((np) ? 1ull << 63 : 0), b, x ^ ((nc) ? 1ull << 63 : 0), &st));      \
    }

FMA_S(fmadd_s, 0, 0)
FMA_S(fmsub_s, 0, 1)
FMA_S(fnmsub_s, 1, 0)
FMA_S(fnmadd_s, 1, 1)
FMA_D(fmadd_d, 0, 0)
FMA_D(fmsub_d, 0, 1)
FMA_D(fnmsub_d, 1, 0)
FMA_D(fnmadd_d, 1, 1)

/* ---- two operands and rm ---- */

#define BIN_S(name, fn)                                                                            \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t insn, uint64_t u)   \
    {                                                                                              \
        (void)u;                                                                                   \
        FP_BEGIN(insn);                                                                            \
        FP_END(box(fn(unbox(a), unbox(b), &st)));                                                  \
    }
#define BIN_D(name, fn)                                                                            \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t insn, uint64_t u)   \
    {                                                                                              \
        (void)u;                                                                                   \
        FP_BEGIN(insn);                                                                            \
        FP_END(fn(a, b, &st));                                                                     \
    }

BIN_S(fadd_s, sf_f32_add)
BIN_S(fsub_s, sf_f32_sub)
BIN_S(fmul_s, sf_f32_mul)
BIN_S(fdiv_s, sf_f32_div)
BIN_D(fadd_d, sf_f64_add)
BIN_D(fsub_d, sf_f64_sub)
BIN_D(fmul_d, sf_f64_mul)
BIN_D(fdiv_d, sf_f64_div)

/* ---- one operand and rm: @in converts the register value to the
 * operand, @out the result to the destination's value ---- */

#define UN(name, fn, in, out)                                                                      \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t insn, uint64_t u2, uint64_t u3) \
    {                                                                                              \
        (void)u2, (void)u3;                                                                        \
        FP_BEGIN(insn);                                                                            \
        FP_END(out(fn(in(a), &st)));                                                               \
    }

#define ID(x) (x)
#define S32(x) ((int32_t)(x))
#define U32(x) ((uint32_t)(x))
#define S64(x) ((int64_t)(x))
#define SEXT(x) sext32((uint32_t)(x))

UN(fsqrt_s, sf_f32_sqrt, unbox, box)
UN(fsqrt_d, sf_f64_sqrt, ID, ID)
UN(fcvt_s_d, sf_f64_to_f32, ID, box)
UN(fcvt_d_s, sf_f32_to_f64, unbox, ID)
UN(fcvt_w_s, sf_f32_to_i32, unbox, SEXT)
UN(fcvt_wu_s, sf_f32_to_u32, unbox, SEXT)
UN(fcvt_l_s, sf_f32_to_i64, unbox, ID)
UN(fcvt_lu_s, sf_f32_to_u64, unbox, ID)
UN(fcvt_w_d, sf_f64_to_i32, ID, SEXT)
UN(fcvt_wu_d, sf_f64_to_u32, ID, SEXT)
UN(fcvt_l_d, sf_f64_to_i64, ID, ID)
UN(fcvt_lu_d, sf_f64_to_u64, ID, ID)
UN(fcvt_s_w, sf_i64_to_f32, S32, box)
UN(fcvt_s_wu, sf_u64_to_f32, U32, box)
UN(fcvt_s_l, sf_i64_to_f32, S64, box)
UN(fcvt_s_lu, sf_u64_to_f32, ID, box)
UN(fcvt_d_w, sf_i64_to_f64, S32, ID)
UN(fcvt_d_wu, sf_u64_to_f64, U32, ID)
UN(fcvt_d_l, sf_i64_to_f64, S64, ID)
UN(fcvt_d_lu, sf_u64_to_f64, ID, ID)

/* ---- comparisons: 1 or 0 to an x register ---- */

#define CMP_S(name, fn)                                                                            \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t insn, uint64_t u)   \
    {                                                                                              \
        (void)insn, (void)u;                                                                       \
        FP_BEGIN_NO_RM();                                                                          \
        FP_END(fn(unbox(a), unbox(b), &st));                                                       \
    }
#define CMP_D(name, fn)                                                                            \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t insn, uint64_t u)   \
    {                                                                                              \
        (void)insn, (void)u;                                                                       \
        FP_BEGIN_NO_RM();                                                                          \
        FP_END(fn(a, b, &st));                                                                     \
    }

CMP_S(feq_s, sf_f32_eq)
CMP_S(flt_s, sf_f32_lt)
CMP_S(fle_s, sf_f32_le)
CMP_D(feq_d, sf_f64_eq)
CMP_D(flt_d, sf_f64_lt)
CMP_D(fle_d, sf_f64_le)

/* ---- fmin/fmax (11.6): a NaN loses to a number; two NaNs give the
 * canonical NaN; a signaling NaN raises invalid ---- */

static uint32_t minmax_s(struct riscv_cpu *c, uint32_t a, uint32_t b, bool max)
{
    if (sf_f32_is_snan(a) || sf_f32_is_snan(b))
        c->fflags |= SF_NV;
    if (sf_f32_is_nan(a))
        return sf_f32_is_nan(b) ? SF_F32_DEFAULT_NAN : b;
    if (sf_f32_is_nan(b))
        return a;
    return sf_f32_lt_total(a, b) != max ? a : b;
}

static uint64_t minmax_d(struct riscv_cpu *c, uint64_t a, uint64_t b, bool max)
{
    if (sf_f64_is_snan(a) || sf_f64_is_snan(b))
        c->fflags |= SF_NV;
    if (sf_f64_is_nan(a))
        return sf_f64_is_nan(b) ? SF_F64_DEFAULT_NAN : b;
    if (sf_f64_is_nan(b))
        return a;
    return sf_f64_lt_total(a, b) != max ? a : b;
}

#define MINMAX(name, expr)                                                                         \
    static uint64_t h_##name(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t insn, uint64_t u)   \
    {                                                                                              \
        (void)insn, (void)u;                                                                       \
        struct riscv_cpu *c = riscv_cpu(cpu);                                                      \
        return expr;                                                                               \
    }

MINMAX(fmin_s, box(minmax_s(c, unbox(a), unbox(b), false)))
MINMAX(fmax_s, box(minmax_s(c, unbox(a), unbox(b), true)))
MINMAX(fmin_d, minmax_d(c, a, b, false))
MINMAX(fmax_d, minmax_d(c, a, b, true))

/* ---- fclass (11.9): one bit of ten ---- */

static uint64_t classify(uint64_t v, unsigned ebits, unsigned mbits)
{
    uint64_t emax = (1ull << ebits) - 1, e = (v >> mbits) & emax;
    uint64_t m = v & ((1ull << mbits) - 1);
    bool neg = (v >> (ebits + mbits)) & 1;
    unsigned bit;
    if (e == emax)
        bit = !m ? (neg ? 0 : 7) : (m >> (mbits - 1)) ? 9 : 8;
    else if (e == 0)
        bit = !m ? (neg ? 3 : 4) : (neg ? 2 : 5);
    else
        bit = neg ? 1 : 6;
    return 1u << bit;
}

static uint64_t h_fclass_s(struct cpu *cpu, uint64_t a, uint64_t insn, uint64_t u2, uint64_t u3)
{
    (void)cpu, (void)insn, (void)u2, (void)u3;
    return classify(unbox(a), 8, 23);
}

static uint64_t h_fclass_d(struct cpu *cpu, uint64_t a, uint64_t insn, uint64_t u2, uint64_t u3)
{
    (void)cpu, (void)insn, (void)u2, (void)u3;
    return classify(a, 11, 52);
}

#define H(id, name, n) [RV_FPH_##id] = {#name, h_##name, n, IR_I64}

const struct ir_helper riscv_fp_helpers[RV_FPH_COUNT] = {
    H(FMADD_S, fmadd_s, 4),     H(FMSUB_S, fmsub_s, 4),     H(FNMSUB_S, fnmsub_s, 4),
    H(FNMADD_S, fnmadd_s, 4),   H(FADD_S, fadd_s, 3),       H(FSUB_S, fsub_s, 3),
    H(FMUL_S, fmul_s, 3),       H(FDIV_S, fdiv_s, 3),       H(FSQRT_S, fsqrt_s, 2),
    H(FMIN_S, fmin_s, 3),       H(FMAX_S, fmax_s, 3),       H(FCVT_W_S, fcvt_w_s, 2),
    H(FCVT_WU_S, fcvt_wu_s, 2), H(FCVT_L_S, fcvt_l_s, 2),   H(FCVT_LU_S, fcvt_lu_s, 2),
    H(FCLASS_S, fclass_s, 2),   H(FEQ_S, feq_s, 3),         H(FLT_S, flt_s, 3),
    H(FLE_S, fle_s, 3),         H(FCVT_S_W, fcvt_s_w, 2),   H(FCVT_S_WU, fcvt_s_wu, 2),
    H(FCVT_S_L, fcvt_s_l, 2),   H(FCVT_S_LU, fcvt_s_lu, 2), H(FMADD_D, fmadd_d, 4),
    H(FMSUB_D, fmsub_d, 4),     H(FNMSUB_D, fnmsub_d, 4),   H(FNMADD_D, fnmadd_d, 4),
    H(FADD_D, fadd_d, 3),       H(FSUB_D, fsub_d, 3),       H(FMUL_D, fmul_d, 3),
    H(FDIV_D, fdiv_d, 3),       H(FSQRT_D, fsqrt_d, 2),     H(FMIN_D, fmin_d, 3),
    H(FMAX_D, fmax_d, 3),       H(FCVT_S_D, fcvt_s_d, 2),   H(FCVT_D_S, fcvt_d_s, 2),
    H(FCVT_W_D, fcvt_w_d, 2),   H(FCVT_WU_D, fcvt_wu_d, 2), H(FCVT_L_D, fcvt_l_d, 2),
    H(FCVT_LU_D, fcvt_lu_d, 2), H(FCLASS_D, fclass_d, 2),   H(FEQ_D, feq_d, 3),
    H(FLT_D, flt_d, 3),         H(FLE_D, fle_d, 3),         H(FCVT_D_W, fcvt_d_w, 2),
    H(FCVT_D_WU, fcvt_d_wu, 2), H(FCVT_D_L, fcvt_d_l, 2),   H(FCVT_D_LU, fcvt_d_lu, 2),
};

/* ---- fflags (0x001), frm (0x002), fcsr (0x003): spec 11.2 ---- */

/* They exist with F, and are accessible only while mstatus.FS is not Off
 * (privileged spec 3.1.6.6). */
bool riscv_fp_csr_ok(const struct riscv_cpu *c, unsigned csr)
{
    (void)csr;
    return (c->ext & RISCV_EXT_F) && (c->mstatus & MSTATUS_FS);
}

uint64_t riscv_fcsr_read(const struct riscv_cpu *c, unsigned csr)
{
    switch (csr) {
    case 0x001: return c->fflags;
    case 0x002: return c->frm;
    default: return c->frm << 5 | c->fflags;
    }
}

/* frm holds any 3-bit value (invalid ones trap when used); the state is
 * modified, so FS becomes Dirty. */
void riscv_fcsr_write(struct riscv_cpu *c, unsigned csr, uint64_t v)
{
    switch (csr) {
    case 0x001: c->fflags = v & 0x1f; break;
    case 0x002: c->frm = v & 7; break;
    default:
        c->fflags = v & 0x1f;
        c->frm = (v >> 5) & 7;
        break;
    }
    if (c->ext & RISCV_EXT_F)
        c->mstatus |= MSTATUS_FS_DIRTY;
}
