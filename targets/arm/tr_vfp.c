/* SPDX-License-Identifier: MIT */
/*
 * IR for the FP extension. The S registers are IR globals, so moves,
 * VMRS/VMSR and loads and stores stay inline (a D register is its two S
 * registers, low word first); arithmetic and conversions go to one helper
 * (vfp.c) that works on the register file and FPSCR in the CPU state.
 *
 * Every FP instruction starts with the pseudocode's ExecuteFPCheck():
 * CPACR denial was settled at decode (the TB flags; the instruction stays
 * a NOCP fault), and a due lazy save or new FP context (also TB flags)
 * calls the fp_check helper once per TB, or before each conditional FP
 * instruction until an unconditional one has done it.
 */
#include "targets/arm/internals.h"

static void fp_check(struct arm_tc *s)
{
    if (!s->fp_lspact && !s->fp_newctx)
        return;
    ir_call(s->b, &arm_helper_fp_check, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL);
    if (!s->conditional)
        s->fp_lspact = s->fp_newctx = false;
}

static ir_val sreg(struct arm_tc *s, unsigned n)
{
    return arm_glob(s, (enum arm_global)(ARM_G_S0 + (n & 31)));
}

static void emit_vfp(struct arm_tc *s, const struct thumb_insn *in)
{
    fp_check(s);
    ir_call(s->b, &arm_helper_vfp, IR_NO_VAL, arm_const(s, in->op | (uint32_t)in->dp << 16),
            arm_const(s, in->rd | (uint32_t)in->rn << 8 | (uint32_t)in->rm << 16),
            arm_const(s, in->imm), IR_NO_VAL);
}

/* VFPExpandImm (A6.4.1): the low and high words of the constant. */
static void expand_imm(uint32_t imm8, bool dp, uint32_t *lo, uint32_t *hi)
{
    uint32_t sign = imm8 >> 7, b6 = (imm8 >> 6) & 1, rest = imm8 & 0x3f;
    *hi = 0;
    if (dp) {
        *lo = 0;
        *hi = sign << 31 | (b6 ^ 1) << 30 | (b6 ? 0xffu : 0) << 22 | rest << 16;
    } else {
        *lo = sign << 31 | (b6 ^ 1) << 30 | (b6 ? 0x1fu : 0) << 25 | rest << 19;
    }
}

/* VMOV register, VABS and VNEG: the sign bit is the top word's. */
static void emit_unary(struct arm_tc *s, const struct thumb_insn *in, unsigned how)
{
    unsigned d = in->dp ? 2 * in->rd : in->rd, m = in->dp ? 2 * in->rm : in->rm;
    unsigned top = in->dp ? 1 : 0;
    if (in->dp)
        ir_mov(s->b, sreg(s, d), sreg(s, m));
    switch (how) {
    case VMOV_ABS: ir_andi(s->b, sreg(s, d + top), sreg(s, m + top), 0x7fffffffu); break;
    case VMOV_NEG: ir_xori(s->b, sreg(s, d + top), sreg(s, m + top), 0x80000000u); break;
    default: ir_mov(s->b, sreg(s, d + top), sreg(s, m + top)); break;
    }
}

static void emit_vmov(struct arm_tc *s, const struct thumb_insn *in)
{
    unsigned how = arm_opdefs[in->op].arg, m2 = in->dp ? 2 * in->rm : in->rm;
    uint32_t lo, hi;
    fp_check(s);
    switch (how) {
    case VMOV_IMM:
        expand_imm(in->imm, in->dp, &lo, &hi);
        ir_movi(s->b, sreg(s, in->dp ? 2 * in->rd : in->rd), lo);
        if (in->dp)
            ir_movi(s->b, sreg(s, 2 * in->rd + 1), hi);
        break;
    case VMOV_TO_S: ir_mov(s->b, sreg(s, in->rd), arm_src(s, in->rt)); break;
    case VMOV_FROM_S: arm_set_reg(s, in->rt, sreg(s, in->rd)); break;
    case VMOV_TO_2:
        ir_mov(s->b, sreg(s, m2), arm_src(s, in->rt));
        ir_mov(s->b, sreg(s, m2 + 1), arm_src(s, in->rt2));
        break;
    case VMOV_FROM_2:
        arm_set_reg(s, in->rt, sreg(s, m2));
        arm_set_reg(s, in->rt2, sreg(s, m2 + 1));
        break;
    case VMOV_TO_X: ir_mov(s->b, sreg(s, 2 * in->rd + in->imm), arm_src(s, in->rt)); break;
    case VMOV_FROM_X: arm_set_reg(s, in->rt, sreg(s, 2 * in->rd + in->imm)); break;
    default: emit_unary(s, in, how); break;
    }
}

/* VMRS to APSR_nzcv (Rt = 15): the flag words from FPSCR[31:28]. */
static void emit_fpscr_to_flags(struct arm_tc *s)
{
    struct ir_block *b = s->b;
    ir_val f = arm_glob(s, ARM_G_FPSCR), t = arm_tmp(s);
    ir_mov(b, arm_glob(s, ARM_G_NF), f);
    ir_xori(b, t, f, 1u << 30);
    ir_andi(b, arm_glob(s, ARM_G_ZF), t, 1u << 30);
    ir_shri(b, t, f, 29);
    ir_andi(b, arm_glob(s, ARM_G_CF), t, 1);
    ir_shli(b, arm_glob(s, ARM_G_VF), f, 3);
}

static void emit_vsys(struct arm_tc *s, const struct thumb_insn *in)
{
    fp_check(s);
    if (in->op == T_VMSR)
        ir_andi(s->b, arm_glob(s, ARM_G_FPSCR), arm_src(s, in->rt), FPSCR_MASK);
    else if (in->rt == ARM_PC)
        emit_fpscr_to_flags(s);
    else
        arm_set_reg(s, in->rt, arm_glob(s, ARM_G_FPSCR));
}

/* Word @i of a transfer at @addr, to or from S register @n. */
static void transfer_word(struct arm_tc *s, bool load, unsigned n, ir_val addr, unsigned i)
{
    ir_val a = addr;
    if (i) {
        a = arm_tmp(s);
        ir_addi(s->b, a, addr, 4 * i);
    }
    if (load)
        ir_ld(s->b, sreg(s, n), a, IR_MO_32 | IR_MO_ALIGN, 0);
    else
        ir_st(s->b, sreg(s, n), a, IR_MO_32 | IR_MO_ALIGN, 0);
}

/* VLDR/VSTR: [Rn, #+/-imm], Align(PC, 4) for literals; word aligned. */
static void emit_vldst(struct arm_tc *s, const struct thumb_insn *in)
{
    bool load = arm_opdefs[in->op].arg;
    ir_val addr;
    fp_check(s);
    if (in->rn == ARM_PC) {
        uint32_t base = (s->pc + 4) & ~3u;
        addr = arm_const(s, in->add ? base + in->imm : base - in->imm);
    } else {
        addr = arm_tmp(s);
        ir_addi(s->b, addr, arm_src(s, in->rn), in->add ? in->imm : 0u - in->imm);
    }
    for (unsigned i = 0; i < (in->dp ? 2u : 1u); i++)
        transfer_word(s, load, (in->dp ? 2 * in->rd : in->rd) + i, addr, i);
}

/* VLDM/VSTM (increment after, or decrement before with writeback),
 * VPUSH, VPOP: consecutive words; Rn is written after all accesses, so a
 * fault in the middle leaves it for the restart. */
static void emit_vldm(struct arm_tc *s, const struct thumb_insn *in)
{
    bool load = arm_opdefs[in->op].arg;
    unsigned words = in->dp ? 2 * in->imm : in->imm, first = in->dp ? 2 * in->rd : in->rd;
    ir_val base = arm_src_copy(s, in->rn), addr = base;
    fp_check(s);
    if (!in->add) {
        addr = arm_tmp(s);
        ir_addi(s->b, addr, base, 0u - 4 * words);
    }
    for (unsigned i = 0; i < words; i++)
        transfer_word(s, load, first + i, addr, i);
    if (!in->wback)
        return;
    ir_val nb = arm_tmp(s);
    ir_addi(s->b, nb, base, in->add ? 4 * words : 0u - 4 * words);
    arm_set_reg(s, in->rn, nb);
}

arm_emit_fn arm_emitter_vfp(enum arm_kind k)
{
    switch (k) {
    case K_VFP: return emit_vfp;
    case K_VMOV: return emit_vmov;
    case K_VSYS: return emit_vsys;
    case K_VLDST: return emit_vldst;
    case K_VLDM: return emit_vldm;
    default: return NULL;
    }
}
