/* SPDX-License-Identifier: MIT */
/*
 * IR for saturation (SSAT, USAT) and the DSP extension of the Cortex-M4
 * (ARM ARM A5.3.13-A5.3.17): halfword and dual multiplies, parallel
 * add/subtract, saturating arithmetic, SEL, the 16-bit extends and
 * PKHBT/PKHTB. The arithmetic itself is in dsp.c behind three helpers
 * (DSP code is rarer than the integer core and each of these would be a
 * dozen IR ops); this file marshals operands and results.
 */
#include "targets/arm/internals.h"

static ir_val reg_or_zero(struct arm_tc *s, unsigned r)
{
    return r == ARM_RNONE ? arm_const(s, 0) : arm_src(s, r);
}

/* The helper's first argument: the op, with a saturation width above it. */
static ir_val op_word(struct arm_tc *s, const struct thumb_insn *in)
{
    return arm_const(s, in->op | (uint32_t)in->width << 16);
}

/* 32-bit results: rd = f(rn, rm, ra). The 16-bit extends pass Rm rotated. */
static void emit_dsp(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val r = arm_tmp(s), m = reg_or_zero(s, in->rm);
    if (in->op >= T_SXTB16 && in->op <= T_UXTAB16 && in->shamt)
        m = arm_shift_imm(s, m, SHIFT_ROR, in->shamt);
    ir_call(s->b, &arm_helper_dsp, r, op_word(s, in), reg_or_zero(s, in->rn), m,
            reg_or_zero(s, in->ra));
    arm_set_reg(s, in->rd, r);
}

/* SSAT/USAT: the shifted register saturated (the helper sets Q). */
static void emit_sat(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val r = arm_tmp(s);
    ir_val v = arm_shift_imm(s, arm_src(s, in->rn), (enum arm_shift)in->shift, in->shamt);
    ir_call(s->b, &arm_helper_dsp, r, op_word(s, in), v, arm_const(s, 0), arm_const(s, 0));
    arm_set_reg(s, in->rd, r);
}

/* 64-bit accumulators: RdHi:RdLo = f(rn, rm, RdHi:RdLo). */
static void emit_dsp64(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    ir_val acc = ir_temp(b, IR_I64), hi = ir_temp(b, IR_I64);
    ir_val lo32 = arm_tmp(s), hi32 = arm_tmp(s);
    ir_unop(b, IR_EXT32U, acc, arm_src(s, in->rd));
    ir_unop(b, IR_EXT32U, hi, arm_src(s, in->ra));
    ir_shli(b, hi, hi, 32);
    ir_or(b, acc, acc, hi);
    ir_call(b, &arm_helper_dsp64, acc, arm_const(s, in->op), arm_src(s, in->rn), arm_src(s, in->rm),
            acc);
    ir_unop(b, IR_TRUNC, lo32, acc);
    ir_shri(b, acc, acc, 32);
    ir_unop(b, IR_TRUNC, hi32, acc);
    arm_set_reg(s, in->rd, lo32);
    arm_set_reg(s, in->ra, hi32);
}

static void emit_par(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val r = arm_tmp(s);
    ir_call(s->b, &arm_helper_par, r, arm_const(s, in->op), arm_src(s, in->rn), arm_src(s, in->rm),
            IR_NO_VAL);
    arm_set_reg(s, in->rd, r);
}

/* PKHBT: bottom half of Rn, top of the shifted Rm; PKHTB the reverse
 * with an arithmetic shift (A7.7.93). */
static void emit_pkh(struct arm_tc *s, const struct thumb_insn *in)
{
    bool tb = in->op == T_PKHTB;
    ir_val r = arm_tmp(s), t = arm_tmp(s);
    ir_val m = arm_shift_imm(s, arm_src(s, in->rm), (enum arm_shift)in->shift, in->shamt);
    ir_andi(s->b, r, arm_src(s, in->rn), tb ? 0xffff0000u : 0xffffu);
    ir_andi(s->b, t, m, tb ? 0xffffu : 0xffff0000u);
    ir_or(s->b, r, r, t);
    arm_set_reg(s, in->rd, r);
}

arm_emit_fn arm_emitter_dsp(enum arm_kind k)
{
    switch (k) {
    case K_DSP: return emit_dsp;
    case K_SAT: return emit_sat;
    case K_DSP64: return emit_dsp64;
    case K_PAR: return emit_par;
    case K_PKH: return emit_pkh;
    default: return NULL;
    }
}
