/* SPDX-License-Identifier: MIT */
/*
 * RISC-V frontend for F and D (unprivileged spec chapters 11 and 12, the
 * compressed forms of 16.3-16.4 decode to the same ops). The f registers
 * are IR_I64 globals whatever XLEN (FLEN is 64). Loads, stores, moves and
 * sign injection are IR, with NaN boxing (13.2) done inline; everything
 * that rounds or raises flags calls a helper in fpu.c.
 *
 * mstatus.FS (privileged spec 3.1.6.6) is part of the TB flags: while it
 * is Off every F/D instruction raises illegal instruction. Otherwise the
 * first instruction of a TB that changes FP state (an f register or
 * fflags) sets FS to Dirty, after it completed, and later ones need not:
 * the next TB is looked up with the new flags. Stores, fmv.x.* and fclass
 * change nothing. A reserved static rounding mode (5, 6) is illegal here;
 * a dynamic one is checked by the helper against frm.
 */
#include "engine/fpu/softfloat.h"
#include "targets/riscv/internals.h"

static ir_val fpr(struct rv_tc *s, unsigned r)
{
    return ir_global(s->b, s->gbase + RISCV_G_F0 + r);
}

/* The FPU is on and a static rounding mode is not reserved; otherwise
 * raise illegal (translate.c already refused a hart without F or D). */
static bool fp_check(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    unsigned rm = (in->raw >> 12) & 7;
    if (s->fs == 0 || (riscv_opdef_has_rm(d) && (rm == 5 || rm == 6))) {
        riscv_gen_illegal(s, in);
        return false;
    }
    return true;
}

static void mark_dirty(struct rv_tc *s)
{
    if (s->fs == 3)
        return;
    ir_val m = riscv_gvar(s, RISCV_G_MSTATUS);
    ir_ori(s->b, m, m, MSTATUS_FS_DIRTY);
    s->fs = 3;
}

/* A single operand as an instruction reads it: the register when it is
 * NaN-boxed, else the boxed canonical NaN. */
static ir_val unbox(struct rv_tc *s, ir_val v)
{
    struct ir_block *b = s->b;
    ir_val hi = ir_temp(b, IR_I64), r = ir_temp(b, IR_I64);
    ir_shri(b, hi, v, 32);
    ir_movcond(b, IR_EQ, r, hi, ir_const(b, IR_I64, 0xffffffff), v,
               ir_const(b, IR_I64, RISCV_NANBOX | SF_F32_DEFAULT_NAN));
    return r;
}

void riscv_emit_fload(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    if (!fp_check(s, in, d))
        return;
    ir_val addr = riscv_gen_addr(s, in);
    if (d->memop == IR_MO_64) {
        ir_ld(s->b, fpr(s, in->rd), addr, IR_MO_64, 0);
    } else {
        ir_val t = ir_temp(s->b, IR_I64);
        ir_ld(s->b, t, addr, IR_MO_32, 0);
        ir_ori(s->b, fpr(s, in->rd), t, RISCV_NANBOX);
    }
    mark_dirty(s);
}

/* fsw stores the low half as it is, boxed or not (11.5). */
void riscv_emit_fstore(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    if (fp_check(s, in, d))
        ir_st(s->b, fpr(s, in->rs2), riscv_gen_addr(s, in), d->memop, 0);
}

/* The value of the x register an F2X/FCMP helper returned into @v. */
static void set_x_from_i64(struct rv_tc *s, unsigned rd, ir_val v)
{
    if (rd && !s->rv64)
        ir_unop(s->b, IR_TRUNC, riscv_gpr(s, rd), v);
}

void riscv_emit_fp(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    if (!fp_check(s, in, d))
        return;
    struct ir_block *b = s->b;
    const struct ir_helper *h = &riscv_fp_helpers[d->arg];
    ir_val insn = ir_const(b, IR_I32, in->raw), dst;
    bool to_x = d->fmt == RV_F_F2X || d->fmt == RV_F_FCMP;
    if (!to_x)
        dst = fpr(s, in->rd);
    else if (s->rv64)
        dst = riscv_gpr_dst(s, in->rd);
    else
        dst = ir_temp(b, IR_I64);
    switch (d->fmt) {
    case RV_F_FR4:
        ir_call(b, h, dst, fpr(s, in->rs1), fpr(s, in->rs2), fpr(s, in->rs3), insn);
        break;
    case RV_F_FR:
    case RV_F_FCMP: ir_call(b, h, dst, fpr(s, in->rs1), fpr(s, in->rs2), insn, IR_NO_VAL); break;
    case RV_F_X2F: ir_call(b, h, dst, riscv_gpr(s, in->rs1), insn, IR_NO_VAL, IR_NO_VAL); break;
    default: /* RV_F_FR1, RV_F_F2X */
        ir_call(b, h, dst, fpr(s, in->rs1), insn, IR_NO_VAL, IR_NO_VAL);
        break;
    }
    if (to_x)
        set_x_from_i64(s, in->rd, dst);
    if (d->arg != RV_FPH_FCLASS_S && d->arg != RV_FPH_FCLASS_D)
        mark_dirty(s);
}

/* fsgnj (arg 0), fsgnjn (1), fsgnjx (2): the magnitude of rs1 with a
 * sign from rs2's (11.6). */
void riscv_emit_fsgnj(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    if (!fp_check(s, in, d))
        return;
    struct ir_block *b = s->b;
    bool single = d->ext == RISCV_EXT_F;
    uint64_t sign = single ? 1ull << 31 : 1ull << 63;
    ir_val x = single ? unbox(s, fpr(s, in->rs1)) : fpr(s, in->rs1);
    ir_val y = single ? unbox(s, fpr(s, in->rs2)) : fpr(s, in->rs2);
    ir_val t = ir_temp(b, IR_I64);
    if (d->arg == 1)
        ir_xori(b, t, y, sign);
    else
        ir_mov(b, t, y);
    ir_andi(b, t, t, sign);
    if (d->arg == 2) {
        ir_xor(b, fpr(s, in->rd), x, t);
    } else {
        ir_val m = ir_temp(b, IR_I64);
        ir_andi(b, m, x, ~sign);
        ir_or(b, fpr(s, in->rd), m, t);
    }
    mark_dirty(s);
}

/* fmv.x.w sign-extends the low half, boxed or not; fmv.x.d copies. */
void riscv_emit_fmv_f2x(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    if (!fp_check(s, in, d) || !in->rd)
        return;
    if (!s->rv64)
        ir_unop(s->b, IR_TRUNC, riscv_gpr(s, in->rd), fpr(s, in->rs1));
    else if (d->ext == RISCV_EXT_F)
        ir_unop(s->b, IR_EXT32S, riscv_gpr(s, in->rd), fpr(s, in->rs1));
    else
        ir_mov(s->b, riscv_gpr(s, in->rd), fpr(s, in->rs1));
}

/* fmv.w.x boxes the low half of rs1; fmv.d.x copies. */
void riscv_emit_fmv_x2f(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    if (!fp_check(s, in, d))
        return;
    if (d->ext == RISCV_EXT_F) {
        ir_val t = ir_temp(s->b, IR_I64);
        ir_unop(s->b, IR_EXT32U, t, riscv_gpr(s, in->rs1));
        ir_ori(s->b, fpr(s, in->rd), t, RISCV_NANBOX);
    } else {
        ir_mov(s->b, fpr(s, in->rd), riscv_gpr(s, in->rs1));
    }
    mark_dirty(s);
}
