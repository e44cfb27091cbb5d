/* SPDX-License-Identifier: MIT */
/*
 * The Thumb frontend: the translator loop, IT blocks and conditional
 * execution, and the IR building blocks the tr_*.c emitters share.
 *
 * IT blocks (ARM ARM A7.3.3): ITSTATE is part of the TB flags, so the
 * translator knows it statically for every instruction and advances it
 * as it goes. Each instruction's marker carries its ITSTATE, which
 * restore_state puts back when a fault leaves the TB; the value after the
 * last instruction is stored when the TB exits (only if the TB touched an
 * IT block). Conditional instructions, in an IT block or B<c>, are
 * wrapped in a branch over them; one that ends the TB gets a second exit
 * for the not-taken path (chain slot 1).
 *
 * Reading the PC gives the instruction's address + 4 (A2.3.1); writing it
 * is a branch and always ends the TB.
 */
#include "engine/machine/target.h"
#include "targets/arm/internals.h"

#define NO_LABEL (~0u)

ir_val arm_tmp(struct arm_tc *s)
{
    return ir_temp(s->b, IR_I32);
}

ir_val arm_const(struct arm_tc *s, uint32_t v)
{
    return ir_const(s->b, IR_I32, v);
}

ir_val arm_glob(struct arm_tc *s, enum arm_global g)
{
    return ir_global(s->b, g);
}

ir_val arm_src(struct arm_tc *s, unsigned r)
{
    if (r == ARM_PC)
        return arm_const(s, s->pc + 4);
    return arm_glob(s, (enum arm_global)(ARM_G_R0 + r));
}

ir_val arm_src_copy(struct arm_tc *s, unsigned r)
{
    ir_val t = arm_tmp(s);
    ir_mov(s->b, t, arm_src(s, r));
    return t;
}

void arm_set_nz(struct arm_tc *s, ir_val v)
{
    ir_mov(s->b, arm_glob(s, ARM_G_NF), v);
    ir_mov(s->b, arm_glob(s, ARM_G_ZF), v);
}

static void store_itstate(struct arm_tc *s)
{
    if (s->it_live)
        ir_movi(s->b, arm_glob(s, ARM_G_ITSTATE), s->it_next);
}

/* When @v is a temp the previous op just computed (and nothing reads it
 * afterwards: emitters write a register as the last use of its value),
 * that op can write the register itself instead of a temp and a move. */
static bool retarget_last_op(struct arm_tc *s, ir_val v, ir_val g)
{
    struct ir_block *b = s->b;
    struct ir_op *op = b->nops ? &b->ops[b->nops - 1] : NULL;
    if (!op || b->vals[v].kind != IR_VAL_TEMP || op->args[0] != v || op->type != IR_I32)
        return false;
    switch (op->opc) {
    /* clang-format off */
    case IR_MOV: case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROTL: case IR_ROTR: case IR_DIVS:
    case IR_DIVU: case IR_CLZ: case IR_BSWAP: case IR_EXT8S: case IR_EXT8U: case IR_EXT16S:
    case IR_EXT16U: case IR_LD: case IR_MOVCOND:
        op->args[0] = g;
        return true;
    default:
        return false;
        /* clang-format on */
    }
}

void arm_set_reg(struct arm_tc *s, unsigned r, ir_val v)
{
    if (r == ARM_SP) {
        ir_andi(s->b, arm_glob(s, ARM_G_R0 + 13), v, ~3u);
    } else if (r == ARM_PC) {
        /* ALUWritePC / BranchWritePC (A2.3.1): bit 0 is ignored. */
        ir_andi(s->b, arm_glob(s, ARM_G_R0 + 15), v, ~1u);
        store_itstate(s);
        ir_exit_tb(s->b);
        s->ctx->ended = true;
    } else {
        ir_val g = arm_glob(s, (enum arm_global)(ARM_G_R0 + r));
        if (!retarget_last_op(s, v, g))
            ir_mov(s->b, g, v);
    }
}

void arm_gen_jump(struct arm_tc *s, uint32_t dest, unsigned slot)
{
    ir_movi(s->b, arm_glob(s, ARM_G_R0 + 15), dest);
    store_itstate(s);
    ir_goto_tb(s->b, slot);
    s->ctx->ended = true;
}

void arm_gen_exit(struct arm_tc *s, uint32_t next_pc)
{
    ir_movi(s->b, arm_glob(s, ARM_G_R0 + 15), next_pc);
    store_itstate(s);
    ir_exit_tb(s->b);
    s->ctx->ended = true;
}

void arm_gen_sync_next(struct arm_tc *s)
{
    ir_movi(s->b, arm_glob(s, ARM_G_R0 + 15), s->next);
    ir_movi(s->b, arm_glob(s, ARM_G_ITSTATE), s->it_next);
}

/* BXWritePC: Thumb targets below 0xF0000000 stay in the TB's IR; the
 * rest (EXC_RETURN in Handler mode, bit 0 clear: INVSTATE next) go to
 * the helper. */
void arm_gen_bx(struct arm_tc *s, ir_val addr, bool exc_return)
{
    struct ir_block *b = s->b;
    unsigned slow = ir_label(b);
    ir_val t = arm_tmp(s);
    store_itstate(s);
    ir_andi(b, t, addr, 1);
    ir_brcondi(b, IR_EQ, t, 0, slow);
    ir_brcondi(b, IR_GEU, addr, 0xf0000000u, slow);
    ir_andi(b, arm_glob(s, ARM_G_R0 + 15), addr, ~1u);
    ir_exit_tb(b);
    ir_set_label(b, slow);
    ir_call(b, &arm_helper_bx, IR_NO_VAL, addr, arm_const(s, exc_return), IR_NO_VAL, IR_NO_VAL);
    ir_exit_tb(b);
    s->ctx->ended = true;
}

void arm_gen_fault(struct arm_tc *s, int exc, uint32_t cfsr)
{
    ir_call(s->b, &arm_helper_fault, IR_NO_VAL, arm_const(s, (uint32_t)exc), arm_const(s, cfsr),
            IR_NO_VAL, IR_NO_VAL);
    ir_exit_tb(s->b);
    s->ctx->ended = true;
}

/* Branch to @label when condition @cond (A7.3.1) fails. */
static void gen_cond_false(struct arm_tc *s, unsigned cond, unsigned label)
{
    struct ir_block *b = s->b;
    ir_val n = arm_glob(s, ARM_G_NF), z = arm_glob(s, ARM_G_ZF);
    ir_val c = arm_glob(s, ARM_G_CF), v = arm_glob(s, ARM_G_VF);
    ir_val t = arm_tmp(s), u = arm_tmp(s);
    switch (cond) {
    case 0: ir_brcondi(b, IR_NE, z, 0, label); break; /* EQ */
    case 1: ir_brcondi(b, IR_EQ, z, 0, label); break; /* NE */
    case 2: ir_brcondi(b, IR_EQ, c, 0, label); break; /* CS */
    case 3: ir_brcondi(b, IR_NE, c, 0, label); break; /* CC */
    case 4: ir_brcondi(b, IR_GE, n, 0, label); break; /* MI */
    case 5: ir_brcondi(b, IR_LT, n, 0, label); break; /* PL */
    case 6: ir_brcondi(b, IR_GE, v, 0, label); break; /* VS */
    case 7: ir_brcondi(b, IR_LT, v, 0, label); break; /* VC */
    case 8:                                           /* HI: C and not Z */
        ir_brcondi(b, IR_EQ, c, 0, label);
        ir_brcondi(b, IR_EQ, z, 0, label);
        break;
    case 9: /* LS: not C or Z */
        ir_setcond(b, IR_NE, t, z, arm_const(s, 0));
        ir_and(b, t, t, c);
        ir_brcondi(b, IR_NE, t, 0, label);
        break;
    case 10:
    case 11: /* GE, LT: N == V */
        ir_xor(b, t, n, v);
        ir_brcondi(b, cond == 10 ? IR_LT : IR_GE, t, 0, label);
        break;
    case 12: /* GT: not Z and N == V */
        ir_brcondi(b, IR_EQ, z, 0, label);
        ir_xor(b, t, n, v);
        ir_brcondi(b, IR_LT, t, 0, label);
        break;
    default: /* LE: Z or N != V */
        ir_xor(b, t, n, v);
        ir_setcond(b, IR_GE, t, t, arm_const(s, 0));
        ir_setcond(b, IR_NE, u, z, arm_const(s, 0));
        ir_and(b, t, t, u);
        ir_brcondi(b, IR_NE, t, 0, label);
        break;
    }
}

static arm_emit_fn emitter_of(enum arm_kind k)
{
    arm_emit_fn f = arm_emitter_alu(k);
    if (!f)
        f = arm_emitter_mem(k);
    if (!f)
        f = arm_emitter_dsp(k);
    if (!f)
        f = arm_emitter_vfp(k);
    if (!f)
        f = arm_emitter_ctrl(k);
    return f;
}

static void translate_insn(struct arm_tc *s, const struct thumb_insn *in)
{
    enum arm_kind k = (enum arm_kind)arm_opdefs[in->op].kind;
    unsigned cond = (s->itstate & 0xf) ? s->itstate >> 4 : in->cond;
    unsigned skip = NO_LABEL;
    s->conditional = cond < ARM_COND_AL;
    if (cond < ARM_COND_AL) {
        skip = ir_label(s->b);
        gen_cond_false(s, cond, skip);
    }
    if (in->unpred)
        arm_gen_fault(s, ARM_EXC_USAGE, CFSR_UNDEFINSTR);
    else
        emitter_of(k)(s, in);
    if (skip == NO_LABEL)
        return;
    ir_set_label(s->b, skip);
    if (s->ctx->ended)
        arm_gen_jump(s, s->next, 1);
}

/* Addresses where executing is a MemManage fault (the default memory
 * map's Execute Never regions, B3.1.1) rather than a bus error. */
static bool is_xn(uint32_t addr)
{
    unsigned top = addr >> 28;
    return top == 4 || top == 5 || top >= 0xa;
}

/*
 * Fetch the instruction at s->pc (2 bytes, then 2 more for a 32-bit
 * one). A fetch that fails in the TB's first instruction raises the
 * fault when executed; a later one ends the TB before the instruction so
 * the fault is precise when the next TB starts there.
 */
static bool fetch_insn(struct arm_tc *s, uint32_t *raw)
{
    uint32_t hw1, hw2;
    uint32_t bad = s->pc;
    if (translator_fetch(s->ctx, s->pc, 2, &hw1) == 0) {
        if (arm_insn_len((uint16_t)hw1) == 2) {
            *raw = hw1 & 0xffff;
            return true;
        }
        bad = s->pc + 2;
        if (translator_fetch(s->ctx, bad, 2, &hw2) == 0) {
            *raw = (hw1 & 0xffff) << 16 | (hw2 & 0xffff);
            return true;
        }
    }
    if (s->pc == s->ctx->pc_first) {
        /* Neither fault records an address (MMFAR/BFAR are for data). */
        if (is_xn(bad))
            arm_gen_fault(s, ARM_EXC_MEM, CFSR_IACCVIOL);
        else
            arm_gen_fault(s, ARM_EXC_BUS, CFSR_IBUSERR);
    } else {
        s->ctx->num_insns--; /* not part of this TB after all */
        arm_gen_jump(s, s->pc, 0);
    }
    return false;
}

void arm_translate(struct tb_ctx *ctx)
{
    struct arm_cpu *c = arm_cpu(ctx->cpu);
    struct arm_tc s = {.ctx = ctx,
                       .b = ctx->ir,
                       .c = c,
                       .flags = ctx->flags,
                       .dsp = c->dsp,
                       .itstate = ctx->flags & ARM_TBF_IT_MASK,
                       .fp_lspact = ctx->flags & ARM_TBF_LSPACT,
                       .fp_newctx = ctx->flags & ARM_TBF_NEWFPCTX};
    s.it_next = s.itstate;
    s.it_live = s.itstate != 0;
    while (!ctx->ended && translator_next_insn(ctx, s.itstate)) {
        struct thumb_insn in;
        uint32_t raw;
        s.pc = (uint32_t)ctx->pc_next;
        if (!(ctx->flags & ARM_TBF_THUMB)) { /* EPSR.T = 0: INVSTATE (B1.4.2) */
            arm_gen_fault(&s, ARM_EXC_USAGE, CFSR_INVSTATE);
            break;
        }
        if (!fetch_insn(&s, &raw))
            break;
        arm_decode(raw, (s.itstate & 0xf) != 0, s.dsp, &in);
        /* With CP10/CP11 enabled, their encodings are FP instructions;
         * otherwise they stay NOCP faults. */
        if (arm_opdefs[in.op].kind == K_NOCP && (ctx->flags & ARM_TBF_FPEN))
            arm_decode_vfp(raw, c->feat, &in);
        if (arm_v6m(c))
            arm_decode_v6m(&in);
        s.next = s.pc + in.len;
        s.it_next = arm_it_advance(s.itstate);
        translate_insn(&s, &in);
        ctx->pc_next = s.next;
        s.itstate = s.it_next;
    }
    if (!ctx->ended)
        arm_gen_jump(&s, (uint32_t)ctx->pc_next, 0);
}
