/* SPDX-License-Identifier: MIT */
/*
 * IR for the integer computations: data processing with its shifter
 * operand and flags (ARM ARM A7.4, A2.2.1), moves of 16-bit immediates,
 * ADR, multiplies and divides, bit fields, extends and byte reversal.
 * Everything here is inline IR; only RBIT calls a helper.
 *
 * Flags follow internals.h: nf/zf hold the result, cf is 0 or 1, vf holds
 * the overflow in bit 31. Carry and overflow of additions are computed in
 * 32 bits (ADD, SUB) or through a 64-bit sum (ADC, SBC).
 */
#include "targets/arm/internals.h"

/* Shift by a constant (A2.2.1 Shift_C); @carry receives the carry out
 * (a 0/1 temp) or IR_NO_VAL when the shift leaves C unchanged. */
static ir_val shift_imm(struct arm_tc *s, ir_val v, enum arm_shift sh, unsigned n, ir_val *carry)
{
    struct ir_block *b = s->b;
    ir_val r = arm_tmp(s), c = IR_NO_VAL;
    if (carry)
        c = arm_tmp(s);
    switch (sh) {
    case SHIFT_LSL:
        if (!n)
            return v;
        ir_shli(b, r, v, n);
        if (carry) {
            ir_shri(b, c, v, 32 - n);
            ir_andi(b, c, c, 1);
        }
        break;
    case SHIFT_LSR:
    case SHIFT_ASR:
        if (n == 32 && sh == SHIFT_LSR)
            ir_movi(b, r, 0);
        else
            ir_binopi(b, sh == SHIFT_LSR ? IR_SHR : IR_SAR, r, v, n == 32 ? 31 : n);
        if (carry) {
            ir_shri(b, c, v, n - 1);
            ir_andi(b, c, c, 1);
        }
        break;
    case SHIFT_ROR:
        ir_binopi(b, IR_ROTR, r, v, n & 31);
        if (carry)
            ir_shri(b, c, r, 31);
        break;
    case SHIFT_RRX: {
        ir_val t = arm_tmp(s);
        ir_shri(b, r, v, 1);
        ir_shli(b, t, arm_glob(s, ARM_G_CF), 31);
        ir_or(b, r, r, t);
        if (carry)
            ir_andi(b, c, v, 1);
        break;
    }
    }
    if (carry)
        *carry = c;
    return r;
}

/* min(@amt, @limit) */
static ir_val clamp(struct arm_tc *s, ir_val amt, uint32_t limit)
{
    ir_val r = arm_tmp(s), l = arm_const(s, limit);
    ir_movcond(s->b, IR_GTU, r, amt, l, l, amt);
    return r;
}

/* A shift by the bottom byte of a register (amounts 0-255). The carry
 * path computes in 64 bits so that every amount falls out of one shift:
 * the carry is the bit shifted out just past the 32-bit result. */
static ir_val shift_reg(struct arm_tc *s, ir_val v, enum arm_shift sh, ir_val rs, ir_val *carry)
{
    struct ir_block *b = s->b;
    ir_val amt = arm_tmp(s), r = arm_tmp(s), zero = arm_const(s, 0);
    ir_andi(b, amt, rs, 0xff);
    if (sh == SHIFT_ROR) {
        ir_binop(b, IR_ROTR, r, v, amt);
        if (carry) {
            ir_val c = arm_tmp(s);
            ir_shri(b, c, r, 31);
            ir_movcond(b, IR_EQ, c, amt, zero, arm_glob(s, ARM_G_CF), c);
            *carry = c;
        }
        return r;
    }
    if (!carry) {
        if (sh == SHIFT_ASR) {
            ir_binop(b, IR_SAR, r, v, clamp(s, amt, 31));
        } else {
            ir_binop(b, sh == SHIFT_LSL ? IR_SHL : IR_SHR, r, v, amt);
            ir_movcond(b, IR_GEU, r, amt, arm_const(s, 32), zero, r);
        }
        return r;
    }
    ir_val w = ir_temp(b, IR_I64), a64 = ir_temp(b, IR_I64), c = arm_tmp(s);
    ir_unop(b, IR_EXT32U, w, v);
    ir_unop(b, IR_EXT32U, a64, clamp(s, amt, 63));
    if (sh == SHIFT_LSL) {
        ir_binop(b, IR_SHL, w, w, a64);
        ir_unop(b, IR_TRUNC, r, w);
        ir_shri(b, w, w, 32);
    } else {
        ir_shli(b, w, w, 32);
        ir_binop(b, sh == SHIFT_LSR ? IR_SHR : IR_SAR, w, w, a64);
        ir_val hi = ir_temp(b, IR_I64);
        ir_shri(b, hi, w, 32);
        ir_unop(b, IR_TRUNC, r, hi);
        ir_shri(b, w, w, 31);
    }
    ir_unop(b, IR_TRUNC, c, w);
    ir_andi(b, c, c, 1);
    ir_movcond(b, IR_EQ, c, amt, zero, arm_glob(s, ARM_G_CF), c);
    *carry = c;
    return r;
}

/* Operand 2 of data processing; @carry as for shift_imm (NULL: unused). */
static ir_val operand2(struct arm_tc *s, const struct thumb_insn *in, ir_val *carry)
{
    if (carry)
        *carry = IR_NO_VAL;
    switch (in->form) {
    case FORM_IMM:
        if (carry && in->carry_imm)
            *carry = arm_const(s, in->imm >> 31);
        return arm_const(s, in->imm);
    case FORM_RSR:
        return shift_reg(s, arm_src(s, in->rm), (enum arm_shift)in->shift, arm_src(s, in->ra),
                         carry);
    default: return shift_imm(s, arm_src(s, in->rm), (enum arm_shift)in->shift, in->shamt, carry);
    }
}

/* V of a + b = r: set when r's sign differs from both a's and b's. */
static void gen_add_v(struct arm_tc *s, ir_val r, ir_val a, ir_val b2)
{
    ir_val t = arm_tmp(s), u = arm_tmp(s);
    ir_xor(s->b, t, r, a);
    ir_xor(s->b, u, r, b2);
    ir_and(s->b, arm_glob(s, ARM_G_VF), t, u);
}

/* NOT as an XOR with all ones (the interpreter's fast binary form). */
static void gen_not(struct arm_tc *s, ir_val d, ir_val a)
{
    ir_xori(s->b, d, a, 0xffffffffu);
}

/* V of a - b = r: set when a and b differ in sign and r differs from a. */
static void gen_sub_v(struct arm_tc *s, ir_val r, ir_val a, ir_val b2)
{
    ir_val t = arm_tmp(s), u = arm_tmp(s);
    ir_xor(s->b, t, a, b2);
    ir_xor(s->b, u, a, r);
    ir_and(s->b, arm_glob(s, ARM_G_VF), t, u);
}

/* r = a + b + carry in, through a 64-bit sum whose bit 32 is C. */
static void gen_add_carry(struct arm_tc *s, ir_val r, ir_val a, ir_val b2, bool flags)
{
    struct ir_block *b = s->b;
    if (!flags) {
        ir_add(b, r, a, b2);
        ir_add(b, r, r, arm_glob(s, ARM_G_CF));
        return;
    }
    ir_val x = ir_temp(b, IR_I64), y = ir_temp(b, IR_I64), hi = ir_temp(b, IR_I64);
    ir_unop(b, IR_EXT32U, x, a);
    ir_unop(b, IR_EXT32U, y, b2);
    ir_add(b, x, x, y);
    ir_unop(b, IR_EXT32U, y, arm_glob(s, ARM_G_CF));
    ir_add(b, x, x, y);
    ir_unop(b, IR_TRUNC, r, x);
    ir_shri(b, hi, x, 32);
    ir_unop(b, IR_TRUNC, arm_glob(s, ARM_G_CF), hi);
    gen_add_v(s, r, a, b2);
}

/* The ALU operation into @r (a temp); flags other than N and Z. */
static void gen_alu(struct arm_tc *s, enum arm_alu op, ir_val r, ir_val a, ir_val b2, bool flags)
{
    struct ir_block *b = s->b;
    ir_val t;
    switch (op) {
    case ALU_AND: ir_and(b, r, a, b2); break;
    case ALU_EOR: ir_xor(b, r, a, b2); break;
    case ALU_ORR: ir_or(b, r, a, b2); break;
    case ALU_ORN:
    case ALU_BIC:
        t = arm_tmp(s);
        gen_not(s, t, b2);
        ir_binop(b, op == ALU_ORN ? IR_OR : IR_AND, r, a, t);
        break;
    case ALU_MOV: ir_mov(b, r, b2); break;
    case ALU_MVN: gen_not(s, r, b2); break;
    case ALU_ADD:
        ir_add(b, r, a, b2);
        if (flags) {
            ir_setcond(b, IR_LTU, arm_glob(s, ARM_G_CF), r, a);
            gen_add_v(s, r, a, b2);
        }
        break;
    case ALU_ADC: gen_add_carry(s, r, a, b2, flags); break;
    case ALU_SUB:
    case ALU_RSB:
        if (op == ALU_RSB)
            t = a, a = b2, b2 = t;
        ir_sub(b, r, a, b2);
        if (flags) {
            ir_setcond(b, IR_GEU, arm_glob(s, ARM_G_CF), a, b2);
            gen_sub_v(s, r, a, b2);
        }
        break;
    case ALU_SBC: /* a + NOT(b) + C */
        t = arm_tmp(s);
        gen_not(s, t, b2);
        gen_add_carry(s, r, a, t, flags); /* V of a + NOT(b) is V of a - b */
        break;
    }
}

/*
 * Where a result goes: straight into Rd when that is an ordinary register
 * and nothing reads the sources after the result is written (@aliasing_ok:
 * one op, or the flag computations of logical ops, which use only the
 * result), else a temp that arm_set_reg() copies (SP masking, PC writes).
 */
static ir_val result_reg(struct arm_tc *s, const struct thumb_insn *in, bool aliasing_ok,
                         bool *direct)
{
    unsigned rd = in->rd;
    *direct = rd < ARM_SP || rd == ARM_LR;
    if (*direct && !aliasing_ok)
        *direct = rd != in->rn && rd != in->rm && rd != in->ra;
    return *direct ? arm_glob(s, (enum arm_global)(ARM_G_R0 + rd)) : arm_tmp(s);
}

static void emit_dp(struct arm_tc *s, const struct thumb_insn *in)
{
    enum arm_alu op = (enum arm_alu)arm_opdefs[in->op].arg;
    bool logical = op <= ALU_MVN, direct;
    ir_val carry = IR_NO_VAL;
    ir_val b2 = operand2(s, in, in->setflags && logical ? &carry : NULL);
    ir_val a = in->rn != ARM_RNONE ? arm_src(s, in->rn) : IR_NO_VAL;
    ir_val r = result_reg(s, in, logical || !in->setflags, &direct);
    gen_alu(s, op, r, a, b2, in->setflags);
    if (in->setflags) {
        arm_set_nz(s, r);
        if (carry != IR_NO_VAL)
            ir_mov(s->b, arm_glob(s, ARM_G_CF), carry);
    }
    if (in->rd != ARM_RNONE && !direct)
        arm_set_reg(s, in->rd, r);
}

/* ADR: Align(PC, 4) +/- imm (A7.7.7). */
static void emit_adr(struct arm_tc *s, const struct thumb_insn *in)
{
    uint32_t base = (s->pc + 4) & ~3u;
    arm_set_reg(s, in->rd, arm_const(s, in->add ? base + in->imm : base - in->imm));
}

static void emit_movw(struct arm_tc *s, const struct thumb_insn *in)
{
    arm_set_reg(s, in->rd, arm_const(s, in->imm));
}

static void emit_movt(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val r = arm_tmp(s);
    ir_andi(s->b, r, arm_src(s, in->rd), 0xffff);
    ir_ori(s->b, r, r, in->imm << 16);
    arm_set_reg(s, in->rd, r);
}

/* MUL (flags: N and Z only), MLA, MLS. */
static void emit_mul(struct arm_tc *s, const struct thumb_insn *in)
{
    unsigned kind = arm_opdefs[in->op].arg;
    ir_val r = arm_tmp(s);
    ir_binop(s->b, IR_MUL, r, arm_src(s, in->rn), arm_src(s, in->rm));
    if (kind == 1)
        ir_add(s->b, r, r, arm_src(s, in->ra));
    else if (kind == 2)
        ir_sub(s->b, r, arm_src(s, in->ra), r);
    if (in->setflags)
        arm_set_nz(s, r);
    arm_set_reg(s, in->rd, r);
}

/* SMULL, UMULL, SMLAL, UMLAL, UMAAL: a 64-bit product in RdHi:RdLo. */
static void emit_mull(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    unsigned kind = arm_opdefs[in->op].arg;
    enum ir_opc ext = (kind == 0 || kind == 2) ? IR_EXT32S : IR_EXT32U;
    ir_val x = ir_temp(b, IR_I64), y = ir_temp(b, IR_I64), lo = arm_tmp(s), hi = arm_tmp(s);
    ir_unop(b, ext, x, arm_src(s, in->rn));
    ir_unop(b, ext, y, arm_src(s, in->rm));
    ir_binop(b, IR_MUL, x, x, y);
    if (kind >= 2) {
        ir_val acc = ir_temp(b, IR_I64);
        ir_unop(b, IR_EXT32U, y, arm_src(s, in->ra));
        ir_unop(b, IR_EXT32U, acc, arm_src(s, in->rd));
        if (kind == 4) {
            ir_add(b, x, x, y); /* UMAAL: + RdHi + RdLo, each 32-bit */
        } else {
            ir_shli(b, y, y, 32);
            ir_or(b, acc, acc, y);
        }
        ir_add(b, x, x, acc);
    }
    ir_unop(b, IR_TRUNC, lo, x);
    ir_shri(b, x, x, 32);
    ir_unop(b, IR_TRUNC, hi, x);
    arm_set_reg(s, in->rd, lo);
    arm_set_reg(s, in->ra, hi);
}

/* SDIV/UDIV (A7.7.127, A7.7.195): a zero divisor gives 0, or a
 * DIVBYZERO UsageFault when CCR.DIV_0_TRP is set (a TB flag). */
static void emit_div(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    unsigned nonzero = ir_label(b), done = ir_label(b);
    ir_val d = arm_src_copy(s, in->rm), r = arm_tmp(s);
    ir_brcondi(b, IR_NE, d, 0, nonzero);
    if (s->flags & ARM_TBF_DIV_0_TRP) {
        ir_call(b, &arm_helper_fault, IR_NO_VAL, arm_const(s, ARM_EXC_USAGE),
                arm_const(s, CFSR_DIVBYZERO), IR_NO_VAL, IR_NO_VAL);
    }
    ir_movi(b, r, 0);
    ir_br(b, done);
    ir_set_label(b, nonzero);
    ir_binop(b, arm_opdefs[in->op].arg ? IR_DIVS : IR_DIVU, r, arm_src(s, in->rn), d);
    ir_set_label(b, done);
    arm_set_reg(s, in->rd, r);
}

/* SBFX/UBFX: width bits from bit lsb, sign- or zero-extended. */
static void emit_bfx(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val r = arm_tmp(s);
    unsigned lsb = in->shamt, w = in->width;
    ir_shli(s->b, r, arm_src(s, in->rn), 32 - lsb - w);
    ir_binopi(s->b, arm_opdefs[in->op].arg ? IR_SAR : IR_SHR, r, r, 32 - w);
    arm_set_reg(s, in->rd, r);
}

/* BFI/BFC: bits lsb..lsb+width-1 of Rd from Rn (or zero). */
static void emit_bfi(struct arm_tc *s, const struct thumb_insn *in)
{
    uint32_t field = (in->width >= 32 ? ~0u : (1u << in->width) - 1) << in->shamt;
    ir_val r = arm_tmp(s);
    ir_andi(s->b, r, arm_src(s, in->rd), ~field);
    if (in->op == T_BFI) {
        ir_val t = arm_tmp(s);
        ir_shli(s->b, t, arm_src(s, in->rn), in->shamt);
        ir_andi(s->b, t, t, field);
        ir_or(s->b, r, r, t);
    }
    arm_set_reg(s, in->rd, r);
}

/* SXTB..UXTAH: rotate Rm, extend, and add Rn for the accumulating forms. */
static void emit_ext(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val r = arm_tmp(s);
    ir_val v = in->shamt ? shift_imm(s, arm_src(s, in->rm), SHIFT_ROR, in->shamt, NULL)
                         : arm_src(s, in->rm);
    ir_unop(s->b, (enum ir_opc)arm_opdefs[in->op].arg, r, v);
    if (in->rn != ARM_RNONE)
        ir_add(s->b, r, r, arm_src(s, in->rn));
    arm_set_reg(s, in->rd, r);
}

/* CLZ, RBIT, REV, REV16, REVSH. */
static void emit_unary(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    ir_val v = arm_src(s, in->rm), r = arm_tmp(s), t = arm_tmp(s);
    switch (arm_opdefs[in->op].arg) {
    case 0: ir_unop(b, IR_CLZ, r, v); break;
    case 1: ir_call(b, &arm_helper_rbit, r, v, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL); break;
    case 2: ir_unop(b, IR_BSWAP, r, v); break;
    case 3: /* swap the bytes of each halfword */
        ir_shri(b, t, v, 8);
        ir_andi(b, t, t, 0x00ff00ff);
        ir_shli(b, r, v, 8);
        ir_andi(b, r, r, 0xff00ff00);
        ir_or(b, r, r, t);
        break;
    default: /* REVSH: swap the low halfword's bytes, sign-extend */
        ir_shri(b, t, v, 8);
        ir_andi(b, t, t, 0xff);
        ir_shli(b, r, v, 8);
        ir_or(b, r, r, t);
        ir_unop(b, IR_EXT16S, r, r);
        break;
    }
    arm_set_reg(s, in->rd, r);
}

arm_emit_fn arm_emitter_alu(enum arm_kind k)
{
    switch (k) {
    case K_DP: return emit_dp;
    case K_ADR: return emit_adr;
    case K_MOVW: return emit_movw;
    case K_MOVT: return emit_movt;
    case K_MUL: return emit_mul;
    case K_MULL: return emit_mull;
    case K_DIV: return emit_div;
    case K_BFX: return emit_bfx;
    case K_BFI: return emit_bfi;
    case K_EXT: return emit_ext;
    case K_UNARY: return emit_unary;
    default: return NULL;
    }
}

/* Exported for tr_dsp.c: the saturating instructions shift first. */
ir_val arm_shift_imm(struct arm_tc *s, ir_val v, enum arm_shift sh, unsigned n)
{
    return shift_imm(s, v, sh, n, NULL);
}
