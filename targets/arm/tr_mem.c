/* SPDX-License-Identifier: MIT */
/*
 * IR for loads and stores (ARM ARM A7.7): single transfers with every
 * addressing mode, LDRD/STRD, LDM/STM/PUSH/POP, the exclusives with the
 * local monitor, and TBB/TBH.
 *
 * Alignment (A3.2.1): LDR/STR and the halfword forms work unaligned unless
 * CCR.UNALIGN_TRP is set (a TB flag); LDRD/STRD, LDM/STM and the
 * exclusives always require word (or their own size) alignment. A
 * misaligned access that must fault is marked IR_MO_ALIGN; the engine
 * then reports it through mem_fault, which raises UsageFault UNALIGNED.
 *
 * LDM loads every register into temps before writing any, so a fault in
 * the middle leaves the registers as they were and the instruction can
 * simply be run again. A load into the PC is a BXWritePC (interworking
 * and exception return).
 */
#include "targets/arm/internals.h"

/* Memop of a single load/store: word and halfword accesses may trap. */
static unsigned single_memop(const struct arm_tc *s, unsigned mo)
{
    if ((mo & IR_MO_SIZE) != IR_MO_8 && (s->flags & ARM_TBF_UNALIGN_TRP))
        mo |= IR_MO_ALIGN;
    return mo;
}

/* The base: Align(PC, 4) for literals (A7.7.43), else Rn. */
static ir_val base_reg(struct arm_tc *s, unsigned rn)
{
    if (rn == ARM_PC)
        return arm_const(s, (s->pc + 4) & ~3u);
    return arm_src(s, rn);
}

/* offset_addr = Rn +/- offset; address = index ? offset_addr : Rn. */
static ir_val gen_address(struct arm_tc *s, const struct thumb_insn *in, ir_val *offset_addr)
{
    struct ir_block *b = s->b;
    ir_val base = base_reg(s, in->rn), off, oa;
    if (in->form == FORM_IMM && in->rn == ARM_PC) { /* literal: a constant address */
        uint32_t pc = (s->pc + 4) & ~3u;
        oa = arm_const(s, in->add ? pc + in->imm : pc - in->imm);
    } else if (in->form == FORM_IMM && !in->imm) {
        oa = base;
    } else {
        if (in->form == FORM_REG) {
            off = in->shamt ? arm_tmp(s) : arm_src(s, in->rm);
            if (in->shamt)
                ir_shli(b, off, arm_src(s, in->rm), in->shamt);
        } else {
            off = arm_const(s, in->imm);
        }
        oa = arm_tmp(s);
        ir_binop(b, in->add ? IR_ADD : IR_SUB, oa, base, off);
    }
    *offset_addr = oa;
    /* Post-indexed: the access comes before the writeback, so Rn itself. */
    return in->index ? oa : base;
}

/*
 * A word literal (LDR Rt, [PC, #imm]) on the instruction's own page is
 * read at translation time: that page belongs to the TB, so a store to it
 * invalidates the TB. Literal pools are everywhere in Thumb code, and
 * this keeps their page out of the data TLB. Not while watchpoints exist
 * (a read watchpoint must see the access).
 */
static bool fold_literal(struct arm_tc *s, const struct thumb_insn *in, uint32_t *value)
{
    uint32_t addr = ((s->pc + 4) & ~3u) + (in->add ? in->imm : -in->imm);
    if (in->rn != ARM_PC || in->op != T_LDR || s->c->cpu.cluster->nwps ||
        (addr & MEM_PAGE_MASK) != (s->pc & MEM_PAGE_MASK) ||
        ((addr + 3) & MEM_PAGE_MASK) != (s->pc & MEM_PAGE_MASK))
        return false;
    return translator_fetch(s->ctx, addr, 4, value) == 0;
}

/* The loaded value goes straight into an ordinary Rt (a writeback of the
 * same register is UNPREDICTABLE, so order does not matter then). */
static void emit_load(struct arm_tc *s, const struct thumb_insn *in)
{
    uint32_t lit;
    if (in->rd != ARM_PC && fold_literal(s, in, &lit)) {
        arm_set_reg(s, in->rd, arm_const(s, lit));
        return;
    }
    ir_val oa, addr = gen_address(s, in, &oa);
    bool direct = (in->rd < ARM_SP || in->rd == ARM_LR) && !(in->wback && in->rd == in->rn);
    ir_val v = direct ? arm_glob(s, (enum arm_global)(ARM_G_R0 + in->rd)) : arm_tmp(s);
    ir_ld(s->b, v, addr, single_memop(s, arm_opdefs[in->op].arg), 0);
    if (in->wback)
        arm_set_reg(s, in->rn, oa);
    if (in->rd == ARM_PC)
        arm_gen_bx(s, v, true);
    else if (!direct)
        arm_set_reg(s, in->rd, v);
}

static void emit_store(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val oa, addr = gen_address(s, in, &oa);
    ir_st(s->b, arm_src(s, in->rd), addr, single_memop(s, arm_opdefs[in->op].arg), 0);
    if (in->wback)
        arm_set_reg(s, in->rn, oa);
}

/* LDRD/STRD: two aligned words at address and address + 4. */
static void emit_dual(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    ir_val oa, addr = gen_address(s, in, &oa), addr2 = arm_tmp(s);
    unsigned mo = IR_MO_32 | IR_MO_ALIGN;
    ir_addi(b, addr2, addr, 4);
    if (in->op == T_LDRD) {
        ir_val v1 = arm_tmp(s), v2 = arm_tmp(s);
        ir_ld(b, v1, addr, mo, 0);
        ir_ld(b, v2, addr2, mo, 0);
        if (in->wback)
            arm_set_reg(s, in->rn, oa);
        arm_set_reg(s, in->rd, v1);
        arm_set_reg(s, in->ra, v2);
    } else {
        ir_st(b, arm_src(s, in->rd), addr, mo, 0);
        ir_st(b, arm_src(s, in->ra), addr2, mo, 0);
        if (in->wback)
            arm_set_reg(s, in->rn, oa);
    }
}

/* LDM/LDMDB/POP and STM/STMDB/PUSH: registers in ascending order from
 * the lowest address (A7.7.40, A7.7.41, A7.7.159, A7.7.160). */
static void emit_multiple(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    bool load = arm_opdefs[in->op].kind == K_LDM, db = arm_opdefs[in->op].arg;
    unsigned n = (unsigned)__builtin_popcount(in->imm), i = 0;
    uint32_t size = 4 * n;
    ir_val base = arm_src_copy(s, in->rn), addr = arm_tmp(s), vals[16];
    unsigned mo = IR_MO_32 | IR_MO_ALIGN;
    if (db)
        ir_addi(b, addr, base, -size);
    else
        ir_mov(b, addr, base);
    for (unsigned r = 0; r < 16; r++) {
        if (!(in->imm & (1u << r)))
            continue;
        ir_val a = addr;
        if (i) {
            a = arm_tmp(s);
            ir_addi(b, a, addr, 4 * i);
        }
        if (load) {
            vals[r] = arm_tmp(s);
            ir_ld(b, vals[r], a, mo, 0);
        } else {
            ir_st(b, arm_src(s, r), a, mo, 0);
        }
        i++;
    }
    if (in->wback && !(load && (in->imm & (1u << in->rn)))) {
        ir_val nb = arm_tmp(s);
        ir_addi(b, nb, base, db ? -size : size);
        arm_set_reg(s, in->rn, nb);
    }
    if (!load)
        return;
    for (unsigned r = 0; r < 15; r++)
        if (in->imm & (1u << r))
            arm_set_reg(s, r, vals[r]);
    if (in->imm & 0x8000)
        arm_gen_bx(s, vals[15], true);
}

static unsigned excl_memop(const struct thumb_insn *in)
{
    return arm_opdefs[in->op].arg | IR_MO_ALIGN;
}

static ir_val excl_address(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val a = arm_tmp(s);
    ir_addi(s->b, a, arm_src(s, in->rn), in->imm);
    return a;
}

/* LDREX: load and mark the address in the local monitor (A3.4). */
static void emit_ldrex(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val a = excl_address(s, in), v = arm_tmp(s);
    ir_ld(s->b, v, a, excl_memop(in), 0);
    ir_mov(s->b, arm_glob(s, ARM_G_EXCL_ADDR), a);
    ir_mov(s->b, arm_glob(s, ARM_G_EXCL_VAL), v);
    arm_set_reg(s, in->rd, v);
}

/*
 * STREX: store only if the monitor holds this address, and then only if
 * memory still holds what LDREX read (a compare-and-swap, so another CPU
 * or a device writing in between makes it fail, as the global monitor
 * would). Status 0 on success, 1 on failure; the monitor is cleared. The
 * alignment check comes first: a misaligned STREX faults even if it would
 * fail.
 */
static void emit_strex(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    unsigned size = 1u << (arm_opdefs[in->op].arg & IR_MO_SIZE);
    unsigned aligned = ir_label(b), fail = ir_label(b), done = ir_label(b);
    ir_val a = excl_address(s, in), t = arm_tmp(s), res = arm_tmp(s), old = arm_tmp(s);
    ir_andi(b, t, a, size - 1);
    ir_brcondi(b, IR_EQ, t, 0, aligned);
    ir_call(b, &arm_helper_fault, IR_NO_VAL, arm_const(s, ARM_EXC_USAGE),
            arm_const(s, CFSR_UNALIGNED), IR_NO_VAL, IR_NO_VAL);
    ir_set_label(b, aligned);
    ir_brcond(b, IR_NE, arm_glob(s, ARM_G_EXCL_ADDR), a, fail);
    ir_cmpxchg(b, old, a, arm_glob(s, ARM_G_EXCL_VAL), arm_src(s, in->rd), excl_memop(in), 0);
    ir_setcond(b, IR_NE, res, old, arm_glob(s, ARM_G_EXCL_VAL));
    ir_br(b, done);
    ir_set_label(b, fail);
    ir_movi(b, res, 1);
    ir_set_label(b, done);
    ir_movi(b, arm_glob(s, ARM_G_EXCL_ADDR), ARM_NO_EXCL);
    arm_set_reg(s, in->ra, res);
}

static void emit_clrex(struct arm_tc *s, const struct thumb_insn *in)
{
    (void)in;
    ir_movi(s->b, arm_glob(s, ARM_G_EXCL_ADDR), ARM_NO_EXCL);
}

/* TBB/TBH: branch forward by twice the table entry (A7.7.182). */
static void emit_tb(struct arm_tc *s, const struct thumb_insn *in)
{
    struct ir_block *b = s->b;
    bool half = in->op == T_TBH;
    ir_val a = arm_tmp(s), off = arm_tmp(s);
    ir_shli(b, a, arm_src(s, in->rm), half);
    ir_add(b, a, a, arm_src(s, in->rn));
    ir_ld(b, off, a, single_memop(s, half ? IR_MO_16 : IR_MO_8), 0);
    ir_shli(b, off, off, 1);
    ir_addi(b, off, off, s->pc + 4);
    arm_set_reg(s, ARM_PC, off);
}

arm_emit_fn arm_emitter_mem(enum arm_kind k)
{
    switch (k) {
    case K_LD: return emit_load;
    case K_ST: return emit_store;
    case K_LDRD:
    case K_STRD: return emit_dual;
    case K_LDM:
    case K_STM: return emit_multiple;
    case K_LDREX: return emit_ldrex;
    case K_STREX: return emit_strex;
    case K_CLREX: return emit_clrex;
    case K_TB: return emit_tb;
    default: return NULL;
    }
}
