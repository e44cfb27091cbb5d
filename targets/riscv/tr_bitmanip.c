/* SPDX-License-Identifier: MIT */
/*
 * RISC-V frontend for the bit-manipulation extensions Zba, Zbb, Zbc and
 * Zbs (bit-manipulation spec 1.0.0) beyond what maps to one IR op (rol,
 * ror and their W and immediate forms are plain ALU kinds in decode.c).
 * Everything is IR at XLEN except cpop, orc.b and the carry-less
 * multiplies, which are helpers (helpers.c). Results are computed into
 * temps before rd is written, so rd may name a source.
 */
#include "targets/riscv/internals.h"

static ir_val temp(struct rv_tc *s)
{
    return ir_temp(s->b, s->t);
}

/* rs1 OP ~rs2: andn, orn, xnor. */
static void emit_inv2(struct rv_tc *s, const struct riscv_insn *in, enum ir_opc opc)
{
    ir_val t = temp(s);
    ir_unop(s->b, IR_NOT, t, riscv_gpr(s, in->rs2));
    ir_binop(s->b, opc, riscv_gpr(s, in->rd), riscv_gpr(s, in->rs1), t);
}

/* (rs1 << n) + rs2, with rs1 zero-extended from 32 bits for the .uw forms
 * (rv64 only). */
static void emit_shadd(struct rv_tc *s, const struct riscv_insn *in, unsigned n, bool uw)
{
    ir_val t = temp(s);
    if (uw)
        ir_unop(s->b, IR_EXT32U, t, riscv_gpr(s, in->rs1));
    else
        ir_mov(s->b, t, riscv_gpr(s, in->rs1));
    if (n)
        ir_shli(s->b, t, t, n);
    ir_add(s->b, riscv_gpr(s, in->rd), t, riscv_gpr(s, in->rs2));
}

static void emit_slli_uw(struct rv_tc *s, const struct riscv_insn *in)
{
    ir_val t = temp(s);
    ir_unop(s->b, IR_EXT32U, t, riscv_gpr(s, in->rs1));
    ir_shli(s->b, riscv_gpr(s, in->rd), t, (uint64_t)in->imm);
}

/* clzw, ctzw: count in the low word; the count (0..32) zero-extends. */
static void emit_unopw(struct rv_tc *s, const struct riscv_insn *in, enum ir_opc opc)
{
    ir_val w = ir_temp(s->b, IR_I32), r = ir_temp(s->b, IR_I32);
    ir_unop(s->b, IR_TRUNC, w, riscv_gpr(s, in->rs1));
    ir_unop(s->b, opc, r, w);
    ir_unop(s->b, IR_EXT32U, riscv_gpr(s, in->rd), r);
}

static void emit_minmax(struct rv_tc *s, const struct riscv_insn *in, enum ir_cond c)
{
    ir_val a = riscv_gpr(s, in->rs1), b = riscv_gpr(s, in->rs2);
    ir_movcond(s->b, c, riscv_gpr(s, in->rd), a, b, a, b);
}

static void emit_helper(struct rv_tc *s, const struct riscv_insn *in, enum riscv_zbh h)
{
    ir_val r = ir_temp(s->b, IR_I64);
    ir_call(s->b, &riscv_zb_helpers[h], r, riscv_gpr(s, in->rs1), riscv_gpr(s, in->rs2),
            ir_const(s->b, IR_I32, s->rv64 ? 64 : 32), IR_NO_VAL);
    if (s->rv64)
        ir_mov(s->b, riscv_gpr(s, in->rd), r);
    else
        ir_unop(s->b, IR_TRUNC, riscv_gpr(s, in->rd), r);
}

/* bclr, binv, bset, bext on the bit @mask selects (1 << index). */
static void emit_bit_mask(struct rv_tc *s, const struct riscv_insn *in, enum riscv_zbit op,
                          ir_val mask)
{
    struct ir_block *b = s->b;
    ir_val rs1 = riscv_gpr(s, in->rs1), rd = riscv_gpr(s, in->rd), t = temp(s);
    switch (op) {
    case RV_ZBIT_CLR:
        ir_unop(b, IR_NOT, t, mask);
        ir_and(b, rd, rs1, t);
        break;
    case RV_ZBIT_INV: ir_xor(b, rd, rs1, mask); break;
    case RV_ZBIT_SET: ir_or(b, rd, rs1, mask); break;
    default:
        ir_and(b, t, rs1, mask);
        ir_setcond(b, IR_NE, rd, t, ir_const(b, s->t, 0));
        break;
    }
}

static void emit_bit(struct rv_tc *s, const struct riscv_insn *in, enum riscv_zbit op)
{
    /* the IR masks shift counts to XLEN - 1, as the spec does the index */
    ir_val mask = temp(s);
    ir_binop(s->b, IR_SHL, mask, ir_const(s->b, s->t, 1), riscv_gpr(s, in->rs2));
    emit_bit_mask(s, in, op, mask);
}

void riscv_emit_zb(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    switch ((enum riscv_zb)d->arg) {
    case RV_ZB_INV2: emit_inv2(s, in, (enum ir_opc)d->memop); break;
    case RV_ZB_SHADD: emit_shadd(s, in, d->memop, false); break;
    case RV_ZB_SHADD_UW: emit_shadd(s, in, d->memop, true); break;
    case RV_ZB_SLLI_UW: emit_slli_uw(s, in); break;
    case RV_ZB_UNOP:
        ir_unop(s->b, (enum ir_opc)d->memop, riscv_gpr(s, in->rd), riscv_gpr(s, in->rs1));
        break;
    case RV_ZB_UNOPW: emit_unopw(s, in, (enum ir_opc)d->memop); break;
    case RV_ZB_MINMAX: emit_minmax(s, in, (enum ir_cond)d->memop); break;
    case RV_ZB_HELPER: emit_helper(s, in, (enum riscv_zbh)d->memop); break;
    case RV_ZB_BIT: emit_bit(s, in, (enum riscv_zbit)d->memop); break;
    case RV_ZB_BITI:
        emit_bit_mask(s, in, (enum riscv_zbit)d->memop,
                      ir_const(s->b, s->t, 1ull << (in->imm & 63)));
        break;
    }
}
