/* SPDX-License-Identifier: MIT */
/*
 * RISC-V frontend: the translator loop and the IR emitted for each kind of
 * decoded instruction (decode.c turns encodings into struct riscv_insn).
 *
 * Every op of a TB works at XLEN: rv64 harts use the IR_I64 globals,
 * rv32 harts the IR_I32 ones (see internals.h). x0 is never a global:
 * reads are the constant 0 and writes go to a scratch temp or are dropped.
 *
 * Misaligned policy: ordinary loads and stores work at any address (the
 * engine splits them), so they never raise address-misaligned. LR/SC and
 * AMOs require natural alignment (IR_MO_ALIGN): the engine reports a
 * misaligned one through mem_fault, which gives load-address-misaligned
 * (4) for LR and store/AMO-address-misaligned (6) for SC and AMOs, with
 * mtval = the address. With C, jump and branch targets only need 2-byte
 * alignment, which every encoding guarantees (jalr clears bit 0), so
 * instruction-address-misaligned never occurs.
 */
#include "engine/machine/machine.h"
#include "engine/machine/target.h"
#include "targets/riscv/internals.h"

ir_val riscv_gpr(struct rv_tc *s, unsigned r)
{
    if (!r)
        return ir_const(s->b, s->t, 0);
    return ir_global(s->b, s->gbase + RISCV_G_X1 + r - 1);
}

ir_val riscv_gpr_dst(struct rv_tc *s, unsigned r)
{
    return r ? riscv_gpr(s, r) : ir_temp(s->b, s->t);
}

static ir_val gpr32(struct rv_tc *s, unsigned r)
{
    if (!r)
        return ir_const(s->b, IR_I32, 0);
    ir_val v = ir_temp(s->b, IR_I32);
    ir_unop(s->b, IR_TRUNC, v, riscv_gpr(s, r));
    return v;
}

ir_val riscv_gvar(struct rv_tc *s, enum riscv_global g)
{
    return ir_global(s->b, s->gbase + g);
}

static uint64_t xlen_addr(const struct rv_tc *s, uint64_t v)
{
    return s->rv64 ? v : (uint32_t)v;
}

static void set_pc(struct rv_tc *s, uint64_t pc)
{
    ir_movi(s->b, riscv_gvar(s, RISCV_G_PC), pc);
}

static void end_tb_exit(struct rv_tc *s, uint64_t pc)
{
    set_pc(s, pc);
    ir_exit_tb(s->b);
    s->ctx->ended = true;
}

static void gen_raise(struct rv_tc *s, int cause, ir_val tval)
{
    ir_call(s->b, &riscv_helper_raise, IR_NO_VAL, ir_const(s->b, IR_I32, (uint64_t)cause), tval,
            IR_NO_VAL, IR_NO_VAL);
    ir_exit_tb(s->b);
    s->ctx->ended = true;
}

static void gen_raise_const(struct rv_tc *s, int cause, uint64_t tval)
{
    gen_raise(s, cause, ir_const(s->b, IR_I64, tval));
}

void riscv_gen_illegal(struct rv_tc *s, const struct riscv_insn *in)
{
    gen_raise_const(s, RISCV_EXCP_ILLEGAL, in->raw);
}

ir_val riscv_gen_addr(struct rv_tc *s, const struct riscv_insn *in)
{
    if (!in->imm)
        return riscv_gpr(s, in->rs1);
    ir_val a = ir_temp(s->b, s->t);
    ir_addi(s->b, a, riscv_gpr(s, in->rs1), (uint64_t)in->imm);
    return a;
}

static void emit_illegal(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    riscv_gen_illegal(s, in);
}

static void emit_lui(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    ir_movi(s->b, riscv_gpr(s, in->rd), (uint64_t)in->imm);
}

static void emit_auipc(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    ir_movi(s->b, riscv_gpr(s, in->rd), s->pc + (uint64_t)in->imm);
}

static void emit_jal(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    if (in->rd)
        ir_movi(s->b, riscv_gpr(s, in->rd), s->next);
    set_pc(s, xlen_addr(s, s->pc + (uint64_t)in->imm));
    ir_goto_tb(s->b, 0);
    s->ctx->ended = true;
}

static void emit_jalr(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    ir_val t = ir_temp(s->b, s->t);
    ir_addi(s->b, t, riscv_gpr(s, in->rs1), (uint64_t)in->imm);
    ir_andi(s->b, t, t, ~1ull);
    if (in->rd)
        ir_movi(s->b, riscv_gpr(s, in->rd), s->next);
    ir_mov(s->b, riscv_gvar(s, RISCV_G_PC), t);
    ir_exit_tb(s->b);
    s->ctx->ended = true;
}

static void emit_branch(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    unsigned taken = ir_label(s->b);
    ir_brcond(s->b, (enum ir_cond)d->arg, riscv_gpr(s, in->rs1), riscv_gpr(s, in->rs2), taken);
    set_pc(s, s->next);
    ir_goto_tb(s->b, 0);
    ir_set_label(s->b, taken);
    set_pc(s, xlen_addr(s, s->pc + (uint64_t)in->imm));
    ir_goto_tb(s->b, 1);
    s->ctx->ended = true;
}

static void emit_load(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    ir_ld(s->b, riscv_gpr_dst(s, in->rd), riscv_gen_addr(s, in), d->memop, 0);
}

static void emit_store(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    ir_st(s->b, riscv_gpr(s, in->rs2), riscv_gen_addr(s, in), d->memop, 0);
}

static void emit_alu(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    ir_binop(s->b, (enum ir_opc)d->arg, riscv_gpr(s, in->rd), riscv_gpr(s, in->rs1),
             riscv_gpr(s, in->rs2));
}

static void emit_alui(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    enum ir_opc opc = (enum ir_opc)d->arg;
    /* li and mv are the most common instructions: emit them as moves. */
    if (!in->rs1)
        ir_movi(s->b, riscv_gpr(s, in->rd), ir_eval_binop(opc, s->t, 0, (uint64_t)in->imm));
    else if (!in->imm && opc == IR_ADD)
        ir_mov(s->b, riscv_gpr(s, in->rd), riscv_gpr(s, in->rs1));
    else
        ir_binopi(s->b, opc, riscv_gpr(s, in->rd), riscv_gpr(s, in->rs1), (uint64_t)in->imm);
}

static void emit_set(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    ir_setcond(s->b, (enum ir_cond)d->arg, riscv_gpr(s, in->rd), riscv_gpr(s, in->rs1),
               riscv_gpr(s, in->rs2));
}

static void emit_seti(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    ir_setcond(s->b, (enum ir_cond)d->arg, riscv_gpr(s, in->rd), riscv_gpr(s, in->rs1),
               ir_const(s->b, s->t, (uint64_t)in->imm));
}

/* RV64 *W ops: compute at 32 bits, sign-extend the result (spec 4.2). */
static void emit_w(struct rv_tc *s, const struct riscv_insn *in, enum ir_opc opc, ir_val b32)
{
    ir_val r = ir_temp(s->b, IR_I32);
    ir_binop(s->b, opc, r, gpr32(s, in->rs1), b32);
    ir_unop(s->b, IR_EXT32S, riscv_gpr(s, in->rd), r);
}

/* A *W op whose low 32 bits are those of the 64-bit op (addw, subw, mulw,
 * slliw): compute at 64 bits and sign-extend the low half, one op fewer. */
static void emit_w_from_64(struct rv_tc *s, const struct riscv_insn *in, enum ir_opc opc,
                           ir_val b64)
{
    ir_val r = ir_temp(s->b, IR_I64);
    ir_binop(s->b, opc, r, riscv_gpr(s, in->rs1), b64);
    ir_unop(s->b, IR_EXT32S, riscv_gpr(s, in->rd), r);
}

static bool low_half_only(enum ir_opc opc)
{
    return opc == IR_ADD || opc == IR_SUB || opc == IR_MUL;
}

static void emit_aluw(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    enum ir_opc opc = (enum ir_opc)d->arg;
    if (low_half_only(opc))
        emit_w_from_64(s, in, opc, riscv_gpr(s, in->rs2));
    else
        emit_w(s, in, opc, gpr32(s, in->rs2));
}

static void emit_aluiw(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    enum ir_opc opc = (enum ir_opc)d->arg;
    if (low_half_only(opc) || opc == IR_SHL) /* slliw: shamt < 32 */
        emit_w_from_64(s, in, opc, ir_const(s->b, IR_I64, (uint64_t)in->imm));
    else
        emit_w(s, in, opc, ir_const(s->b, IR_I32, (uint64_t)in->imm));
}

static void emit_fence(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    /* One hart's accesses are performed in order and helpers see memory
     * directly, so a fence needs no code. */
    (void)s, (void)in, (void)d;
}

static void emit_fence_i(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    /* Stores to code already invalidated the TBs they hit; ending the
     * block makes the next instruction come from a fresh lookup. */
    (void)in, (void)d;
    end_tb_exit(s, s->next);
}

static void emit_ecall(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)in, (void)d;
    gen_raise_const(s, s->priv == RISCV_PRIV_U ? RISCV_EXCP_ECALL_U : RISCV_EXCP_ECALL_M, 0);
}

/* The RISC-V semihosting sequence (RISC-V semihosting spec, 1.0, "Semihosting
 * trap instruction sequence"): an uncompressed ebreak between
 * "slli x0, x0, 0x1f" and "srai x0, x0, 7", all three on one page. */
static bool is_semihosting_call(struct rv_tc *s, const struct riscv_insn *in)
{
    struct cluster *cl = s->c->cpu.cluster;
    uint32_t pre, post;
    if (in->raw != RISCV_SEMIHOST_EBREAK || !cl || !cl->semihosting)
        return false;
    gaddr page = s->pc & MEM_PAGE_MASK;
    if (((s->pc - 4) & MEM_PAGE_MASK) != page || ((s->pc + 4) & MEM_PAGE_MASK) != page)
        return false;
    return translator_fetch(s->ctx, s->pc - 4, 4, &pre) == 0 && pre == RISCV_SEMIHOST_PRE &&
           translator_fetch(s->ctx, s->pc + 4, 4, &post) == 0 && post == RISCV_SEMIHOST_POST;
}

static void emit_ebreak(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    if (is_semihosting_call(s, in)) {
        ir_call(s->b, &riscv_helper_semihost, IR_NO_VAL, ir_const(s->b, IR_I64, s->pc), IR_NO_VAL,
                IR_NO_VAL, IR_NO_VAL);
        return;
    }
    gen_raise_const(s, RISCV_EXCP_BREAKPOINT, s->pc);
}

static void emit_mret(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    if (s->priv != RISCV_PRIV_M) {
        riscv_gen_illegal(s, in);
        return;
    }
    ir_call(s->b, &riscv_helper_mret, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL);
    ir_exit_tb(s->b);
    s->ctx->ended = true;
}

static void emit_wfi(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    (void)d;
    set_pc(s, s->next);
    ir_call(s->b, &riscv_helper_wfi, IR_NO_VAL, ir_const(s->b, IR_I32, in->raw), IR_NO_VAL,
            IR_NO_VAL, IR_NO_VAL);
    ir_exit_tb(s->b);
    s->ctx->ended = true;
}

/* CSR accesses go through a helper and end the TB: a write may change the
 * privilege, interrupt enables or counters, and ending the TB here keeps
 * counter reads exact (see csr.c). */
static void emit_csr(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    ir_val src =
        d->fmt == RV_F_CSRI ? ir_const(s->b, s->t, (uint64_t)in->imm) : riscv_gpr(s, in->rs1);
    ir_val old = IR_NO_VAL;
    if (in->rd)
        old = s->rv64 ? riscv_gpr(s, in->rd) : ir_temp(s->b, IR_I64);
    ir_call(s->b, &riscv_helper_csr, old, ir_const(s->b, IR_I32, in->raw), src, IR_NO_VAL,
            IR_NO_VAL);
    if (in->rd && !s->rv64)
        ir_unop(s->b, IR_TRUNC, riscv_gpr(s, in->rd), old);
    end_tb_exit(s, s->next);
}

/* A-extension accesses must be naturally aligned. .W on rv64 works on
 * 32-bit values, so SC and AMOs need no sign extension from memory. */
static unsigned amo_memop(const struct riscv_opdef *d)
{
    return d->memop | IR_MO_ALIGN;
}

/* Narrow .W accesses on rv64 are done at I32 and sign-extended. */
static bool amo_narrow(const struct rv_tc *s, const struct riscv_opdef *d)
{
    return s->rv64 && (d->memop & IR_MO_SIZE) == IR_MO_32;
}

static void emit_lr(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    ir_val a = ir_temp(s->b, s->t), v = ir_temp(s->b, s->t);
    unsigned mo = d->memop | IR_MO_ALIGN | (amo_narrow(s, d) ? IR_MO_SIGN : 0);
    ir_mov(s->b, a, riscv_gpr(s, in->rs1));
    ir_ld(s->b, v, a, mo, 0);
    ir_mov(s->b, riscv_gvar(s, RISCV_G_RES_ADDR), a);
    ir_mov(s->b, riscv_gvar(s, RISCV_G_RES_VAL), v);
    if (in->rd)
        ir_mov(s->b, riscv_gpr(s, in->rd), v);
}

/* SC writes only if this hart holds a reservation for the address and
 * memory still holds the value LR read (compare-and-swap); any SC ends the
 * reservation (spec 8.2). The alignment check comes first so that a
 * misaligned SC traps even when it would fail. */
static void emit_sc(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    struct ir_block *b = s->b;
    unsigned aligned = ir_label(b), fail = ir_label(b), done = ir_label(b);
    unsigned size = 1u << (d->memop & IR_MO_SIZE);
    ir_val a = ir_temp(b, s->t), chk = ir_temp(b, s->t), res = ir_temp(b, s->t);
    ir_mov(b, a, riscv_gpr(s, in->rs1));
    ir_andi(b, chk, a, size - 1);
    ir_brcondi(b, IR_EQ, chk, 0, aligned);
    ir_call(b, &riscv_helper_raise, IR_NO_VAL, ir_const(b, IR_I32, RISCV_EXCP_STORE_MISALIGNED), a,
            IR_NO_VAL, IR_NO_VAL);
    ir_set_label(b, aligned);
    ir_brcond(b, IR_NE, riscv_gvar(s, RISCV_G_RES_ADDR), a, fail);
    if (amo_narrow(s, d)) {
        ir_val e = ir_temp(b, IR_I32), o = ir_temp(b, IR_I32), f = ir_temp(b, IR_I32);
        ir_unop(b, IR_TRUNC, e, riscv_gvar(s, RISCV_G_RES_VAL));
        ir_cmpxchg(b, o, a, e, gpr32(s, in->rs2), amo_memop(d), 0);
        ir_setcond(b, IR_NE, f, o, e);
        ir_unop(b, IR_EXT32U, res, f);
    } else {
        ir_val e = ir_temp(b, s->t), o = ir_temp(b, s->t);
        ir_mov(b, e, riscv_gvar(s, RISCV_G_RES_VAL));
        ir_cmpxchg(b, o, a, e, riscv_gpr(s, in->rs2), amo_memop(d), 0);
        ir_setcond(b, IR_NE, res, o, e);
    }
    ir_br(b, done);
    ir_set_label(b, fail);
    ir_movi(b, res, 1);
    ir_set_label(b, done);
    ir_movi(b, riscv_gvar(s, RISCV_G_RES_ADDR), RISCV_NO_RESERVATION);
    if (in->rd)
        ir_mov(b, riscv_gpr(s, in->rd), res);
}

static void emit_amo(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d)
{
    enum ir_rmw rmw = (enum ir_rmw)d->arg;
    if (amo_narrow(s, d)) {
        ir_val o = ir_temp(s->b, IR_I32);
        ir_atomic(s->b, rmw, o, riscv_gpr(s, in->rs1), gpr32(s, in->rs2), amo_memop(d), 0);
        if (in->rd)
            ir_unop(s->b, IR_EXT32S, riscv_gpr(s, in->rd), o);
        return;
    }
    ir_val o = ir_temp(s->b, s->t);
    ir_atomic(s->b, rmw, o, riscv_gpr(s, in->rs1), riscv_gpr(s, in->rs2), amo_memop(d), 0);
    if (in->rd)
        ir_mov(s->b, riscv_gpr(s, in->rd), o);
}

/* clang-format off */
static const rv_emit_fn emitters[] = {
    [RV_K_ILLEGAL] = emit_illegal, [RV_K_LUI] = emit_lui, [RV_K_AUIPC] = emit_auipc,
    [RV_K_JAL] = emit_jal, [RV_K_JALR] = emit_jalr, [RV_K_BRANCH] = emit_branch,
    [RV_K_LOAD] = emit_load, [RV_K_STORE] = emit_store, [RV_K_ALU] = emit_alu,
    [RV_K_ALUI] = emit_alui, [RV_K_SET] = emit_set, [RV_K_SETI] = emit_seti,
    [RV_K_ALUW] = emit_aluw, [RV_K_ALUIW] = emit_aluiw, [RV_K_FENCE] = emit_fence,
    [RV_K_FENCE_I] = emit_fence_i, [RV_K_ECALL] = emit_ecall, [RV_K_EBREAK] = emit_ebreak,
    [RV_K_MRET] = emit_mret, [RV_K_WFI] = emit_wfi, [RV_K_CSR] = emit_csr, [RV_K_LR] = emit_lr,
    [RV_K_SC] = emit_sc, [RV_K_AMO] = emit_amo, [RV_K_FLOAD] = riscv_emit_fload,
    [RV_K_FSTORE] = riscv_emit_fstore, [RV_K_FP] = riscv_emit_fp,
    [RV_K_FSGNJ] = riscv_emit_fsgnj, [RV_K_FMV_F2X] = riscv_emit_fmv_f2x,
    [RV_K_FMV_X2F] = riscv_emit_fmv_x2f, [RV_K_ZB] = riscv_emit_zb,
};
/* clang-format on */

/* Kinds that only compute a register value: with rd = x0 they are hints
 * and no-ops, so nothing is emitted. */
static bool kind_is_pure(enum riscv_kind k)
{
    return k == RV_K_LUI || k == RV_K_AUIPC || (k >= RV_K_ALU && k <= RV_K_ALUIW) || k == RV_K_ZB;
}

/* An instruction of an extension the hart lacks is illegal (even as a
 * hint with rd = x0). */
static void emit_insn(struct rv_tc *s, const struct riscv_insn *in)
{
    const struct riscv_opdef *d = &riscv_opdefs[in->op];
    if ((s->ext & d->ext) != d->ext) {
        riscv_gen_illegal(s, in);
        return;
    }
    if (kind_is_pure(d->kind) && in->rd == 0)
        return;
    emitters[d->kind](s, in, d);
}

/*
 * Fetch the instruction at s->pc: 2 bytes, then 2 more for a 32-bit
 * encoding, so one straddling a page only touches the second page when it
 * must. On a fetch fault the first instruction of a TB raises an
 * instruction access fault (mtval = the address that failed); a later one
 * ends the TB before itself, so the fault is raised precisely when the
 * next TB starts there.
 */
static bool fetch_insn(struct rv_tc *s, uint32_t *raw)
{
    uint32_t lo, hi = 0;
    gaddr bad = s->pc;
    if (translator_fetch(s->ctx, s->pc, 2, &lo) == 0) {
        if ((lo & 3) != 3) {
            *raw = lo & 0xffff;
            return true;
        }
        bad = xlen_addr(s, s->pc + 2);
        if (translator_fetch(s->ctx, bad, 2, &hi) == 0) {
            *raw = (lo & 0xffff) | hi << 16;
            return true;
        }
    }
    if (s->pc == s->ctx->pc_first) {
        gen_raise_const(s, RISCV_EXCP_INSN_ACCESS, bad);
    } else {
        /* Not part of this TB after all: it must not count as executed. */
        s->ctx->num_insns--;
        set_pc(s, s->pc);
        ir_goto_tb(s->b, 0);
        s->ctx->ended = true;
    }
    return false;
}

void riscv_translate(struct tb_ctx *ctx)
{
    struct riscv_cpu *c = riscv_cpu(ctx->cpu);
    struct rv_tc s = {
        .ctx = ctx,
        .b = ctx->ir,
        .c = c,
        .rv64 = c->rv64,
        .t = c->rv64 ? IR_I64 : IR_I32,
        .gbase = c->rv64 ? 0 : RISCV_G_PER_XLEN,
        .priv = ctx->flags & 3,
        .fs = (ctx->flags >> 2) & 3,
        .ext = c->ext,
    };
    while (!ctx->ended && translator_next_insn(ctx, 0)) {
        struct riscv_insn in;
        uint32_t raw;
        s.pc = ctx->pc_next;
        if (!fetch_insn(&s, &raw))
            break;
        s.next = xlen_addr(&s, s.pc + riscv_decode(raw, s.rv64, &in));
        emit_insn(&s, &in);
        ctx->pc_next = s.next;
    }
    if (!ctx->ended) {
        set_pc(&s, ctx->pc_next);
        ir_goto_tb(s.b, 0);
        ctx->ended = true;
    }
}
