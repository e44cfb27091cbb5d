/* SPDX-License-Identifier: MIT */
/*
 * IR builder: the functions frontends call to emit ops into an ir_block,
 * and the textual dump used by -d op. Values and ops live in growable
 * arrays owned by the block; a block is reused from TB to TB.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "engine/tcg/ir.h"

void ir_block_init(struct ir_block *b, const struct ir_global_def *globals, size_t nglobals)
{
    memset(b, 0, sizeof(*b));
    b->globals = globals;
    b->nglobals = nglobals;
    b->global_vals = calloc(nglobals ? nglobals : 1, sizeof(ir_val));
    ir_block_reset(b);
}

void ir_block_reset(struct ir_block *b)
{
    b->nops = 0;
    b->nvals = 0;
    b->nlabels = 0;
    b->overflow = false;
    for (size_t i = 0; i < b->nglobals; i++)
        b->global_vals[i] = IR_NO_VAL;
}

void ir_block_free(struct ir_block *b)
{
    free(b->ops);
    free(b->vals);
    free(b->global_vals);
    memset(b, 0, sizeof(*b));
}

/* Grow an array to hold one more element; false when the hard limit is hit. */
static bool grow(void **arr, size_t *cap, size_t n, size_t elem, size_t limit)
{
    if (n < *cap)
        return true;
    if (n >= limit)
        return false;
    size_t ncap = *cap ? *cap * 2 : 256;
    if (ncap > limit)
        ncap = limit;
    void *p = realloc(*arr, ncap * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = ncap;
    return true;
}

/*
 * On overflow the block keeps accepting calls (they land in a scratch slot)
 * so frontends need no error checks per emit; the translator sees
 * b->overflow and retranslates with fewer instructions.
 */
static ir_val new_value(struct ir_block *b, enum ir_val_kind kind, enum ir_type type)
{
    if (!grow((void **)&b->vals, &b->vals_cap, b->nvals, sizeof(*b->vals), IR_MAX_VALS)) {
        b->overflow = true;
        b->nvals = b->nvals ? b->nvals - 1 : 0;
    }
    struct ir_value *v = &b->vals[b->nvals];
    memset(v, 0, sizeof(*v));
    v->kind = kind;
    v->type = type;
    return (ir_val)b->nvals++;
}

ir_val ir_global(struct ir_block *b, unsigned index)
{
    if (b->global_vals[index] == IR_NO_VAL || b->global_vals[index] >= b->nvals) {
        ir_val v = new_value(b, IR_VAL_GLOBAL, (enum ir_type)b->globals[index].type);
        b->vals[v].global = (uint16_t)index;
        b->global_vals[index] = v;
    }
    return b->global_vals[index];
}

ir_val ir_temp(struct ir_block *b, enum ir_type type)
{
    return new_value(b, IR_VAL_TEMP, type);
}

ir_val ir_const(struct ir_block *b, enum ir_type type, uint64_t v)
{
    ir_val r = new_value(b, IR_VAL_CONST, type);
    b->vals[r].cval = type == IR_I32 ? (uint32_t)v : v;
    return r;
}

unsigned ir_label(struct ir_block *b)
{
    return b->nlabels++;
}

struct ir_op *ir_emit(struct ir_block *b, enum ir_opc opc, enum ir_type type)
{
    if (!grow((void **)&b->ops, &b->ops_cap, b->nops, sizeof(*b->ops), IR_MAX_OPS)) {
        b->overflow = true;
        b->nops = b->nops ? b->nops - 1 : 0;
    }
    struct ir_op *op = &b->ops[b->nops++];
    memset(op, 0, sizeof(*op));
    op->opc = opc;
    op->type = type;
    for (int i = 0; i < 5; i++)
        op->args[i] = IR_NO_VAL;
    return op;
}

void ir_mov(struct ir_block *b, ir_val d, ir_val a)
{
    struct ir_op *op = ir_emit(b, IR_MOV, ir_type_of(b, d));
    op->args[0] = d;
    op->args[1] = a;
}

void ir_movi(struct ir_block *b, ir_val d, uint64_t imm)
{
    ir_mov(b, d, ir_const(b, ir_type_of(b, d), imm));
}

void ir_binop(struct ir_block *b, enum ir_opc opc, ir_val d, ir_val a, ir_val c)
{
    struct ir_op *op = ir_emit(b, opc, ir_type_of(b, d));
    op->args[0] = d;
    op->args[1] = a;
    op->args[2] = c;
}

void ir_binopi(struct ir_block *b, enum ir_opc opc, ir_val d, ir_val a, uint64_t imm)
{
    ir_binop(b, opc, d, a, ir_const(b, ir_type_of(b, a), imm));
}

void ir_unop(struct ir_block *b, enum ir_opc opc, ir_val d, ir_val a)
{
    /* Conversions work at the source width; everything else at d's. */
    enum ir_type t = opc == IR_TRUNC                          ? IR_I64
                     : (opc == IR_EXT32S || opc == IR_EXT32U) ? IR_I32
                                                              : ir_type_of(b, d);
    struct ir_op *op = ir_emit(b, opc, t);
    op->args[0] = d;
    op->args[1] = a;
}

void ir_setcond(struct ir_block *b, enum ir_cond c, ir_val d, ir_val a, ir_val x)
{
    struct ir_op *op = ir_emit(b, IR_SETCOND, ir_type_of(b, a));
    op->cond = c;
    op->args[0] = d;
    op->args[1] = a;
    op->args[2] = x;
}

void ir_movcond(struct ir_block *b, enum ir_cond c, ir_val d, ir_val a, ir_val x, ir_val vtrue,
                ir_val vfalse)
{
    struct ir_op *op = ir_emit(b, IR_MOVCOND, ir_type_of(b, a));
    op->cond = c;
    op->args[0] = d;
    op->args[1] = a;
    op->args[2] = x;
    op->args[3] = vtrue;
    op->args[4] = vfalse;
}

void ir_brcond(struct ir_block *b, enum ir_cond c, ir_val a, ir_val x, unsigned label)
{
    struct ir_op *op = ir_emit(b, IR_BRCOND, ir_type_of(b, a));
    op->cond = c;
    op->args[0] = a;
    op->args[1] = x;
    op->args[2] = (uint16_t)label;
}

void ir_brcondi(struct ir_block *b, enum ir_cond c, ir_val a, uint64_t imm, unsigned label)
{
    ir_brcond(b, c, a, ir_const(b, ir_type_of(b, a), imm), label);
}

void ir_br(struct ir_block *b, unsigned label)
{
    ir_emit(b, IR_BR, IR_I64)->args[0] = (uint16_t)label;
}

void ir_set_label(struct ir_block *b, unsigned label)
{
    ir_emit(b, IR_LABEL, IR_I64)->args[0] = (uint16_t)label;
}

static struct ir_op *emit_mem(struct ir_block *b, enum ir_opc opc, ir_val v, ir_val addr,
                              unsigned memop, unsigned memidx)
{
    struct ir_op *op = ir_emit(b, opc, ir_type_of(b, v));
    op->cond = (uint8_t)memop;
    op->memidx = (uint8_t)memidx;
    op->args[0] = v;
    op->args[1] = addr;
    return op;
}

void ir_ld(struct ir_block *b, ir_val d, ir_val addr, unsigned memop, unsigned memidx)
{
    emit_mem(b, IR_LD, d, addr, memop, memidx);
}

void ir_st(struct ir_block *b, ir_val v, ir_val addr, unsigned memop, unsigned memidx)
{
    emit_mem(b, IR_ST, v, addr, memop, memidx);
}

void ir_atomic(struct ir_block *b, enum ir_rmw rmw, ir_val d, ir_val addr, ir_val v, unsigned memop,
               unsigned memidx)
{
    struct ir_op *op = emit_mem(b, IR_ATOMIC, d, addr, memop, memidx);
    op->args[2] = v;
    op->imm[0] = rmw;
}

void ir_cmpxchg(struct ir_block *b, ir_val d, ir_val addr, ir_val expected, ir_val newv,
                unsigned memop, unsigned memidx)
{
    struct ir_op *op = emit_mem(b, IR_CMPXCHG, d, addr, memop, memidx);
    op->args[2] = expected;
    op->args[3] = newv;
}

void ir_call(struct ir_block *b, const struct ir_helper *h, ir_val d, ir_val a0, ir_val a1,
             ir_val a2, ir_val a3)
{
    struct ir_op *op = ir_emit(b, IR_CALL, (enum ir_type)h->ret_type);
    op->helper = h;
    op->args[0] = d;
    op->args[1] = a0;
    op->args[2] = a1;
    op->args[3] = a2;
    op->args[4] = a3;
}

void ir_insn_start(struct ir_block *b, uint64_t pc, uint64_t data)
{
    struct ir_op *op = ir_emit(b, IR_INSN_START, IR_I64);
    op->imm[0] = pc;
    op->imm[1] = data;
}

void ir_goto_tb(struct ir_block *b, unsigned slot)
{
    ir_emit(b, IR_GOTO_TB, IR_I64)->imm[0] = slot;
}

void ir_exit_tb(struct ir_block *b)
{
    ir_emit(b, IR_EXIT_TB, IR_I64);
}

static const char *const opc_names[IR_OPC_COUNT] = {
    [IR_MOV] = "mov",         [IR_ADD] = "add",         [IR_SUB] = "sub",
    [IR_MUL] = "mul",         [IR_AND] = "and",         [IR_OR] = "or",
    [IR_XOR] = "xor",         [IR_SHL] = "shl",         [IR_SHR] = "shr",
    [IR_SAR] = "sar",         [IR_ROTL] = "rotl",       [IR_ROTR] = "rotr",
    [IR_DIVS] = "divs",       [IR_DIVU] = "divu",       [IR_REMS] = "rems",
    [IR_REMU] = "remu",       [IR_MULHS] = "mulhs",     [IR_MULHU] = "mulhu",
    [IR_MULHSU] = "mulhsu",   [IR_NEG] = "neg",         [IR_NOT] = "not",
    [IR_CLZ] = "clz",         [IR_CTZ] = "ctz",         [IR_BSWAP] = "bswap",
    [IR_EXT8S] = "ext8s",     [IR_EXT8U] = "ext8u",     [IR_EXT16S] = "ext16s",
    [IR_EXT16U] = "ext16u",   [IR_EXT32S] = "ext32s",   [IR_EXT32U] = "ext32u",
    [IR_TRUNC] = "trunc",     [IR_SETCOND] = "setcond", [IR_MOVCOND] = "movcond",
    [IR_BRCOND] = "brcond",   [IR_BR] = "br",           [IR_LABEL] = "label",
    [IR_LD] = "ld",           [IR_ST] = "st",           [IR_ATOMIC] = "atomic",
    [IR_CMPXCHG] = "cmpxchg", [IR_CALL] = "call",       [IR_INSN_START] = "insn_start",
    [IR_GOTO_TB] = "goto_tb", [IR_EXIT_TB] = "exit_tb",
};

const char *ir_opc_name(enum ir_opc opc)
{
    return opc < IR_OPC_COUNT && opc_names[opc] ? opc_names[opc] : "?";
}

static const char *const cond_names[] = {"eq", "ne",  "lt",  "ge",  "le",
                                         "gt", "ltu", "geu", "leu", "gtu"};

static void dump_val(FILE *out, const struct ir_block *b, ir_val v)
{
    if (v == IR_NO_VAL || v >= b->nvals) {
        fputs("-", out);
        return;
    }
    const struct ir_value *val = &b->vals[v];
    switch (val->kind) {
    case IR_VAL_GLOBAL: fprintf(out, "%s", b->globals[val->global].name); break;
    case IR_VAL_TEMP: fprintf(out, "tmp%u", v); break;
    default: fprintf(out, "$0x%" PRIx64, val->cval); break;
    }
}

/* Number of value operands each op reads or writes (labels/imms excluded). */
static unsigned op_nvals(const struct ir_op *op)
{
    switch (op->opc) {
    case IR_MOVCOND: return 5;
    case IR_CMPXCHG: return 4;
    case IR_CALL: return 1 + op->helper->nargs;
    case IR_BRCOND: return 2;
    case IR_BR:
    case IR_LABEL:
    case IR_INSN_START:
    case IR_GOTO_TB:
    case IR_EXIT_TB: return 0;
    case IR_LD:
    case IR_ST: return 2;
    case IR_ATOMIC: return 3;
    default: return op->opc >= IR_NEG && op->opc <= IR_TRUNC ? 2 : (op->opc == IR_MOV ? 2 : 3);
    }
}

void ir_block_dump(FILE *out, const struct ir_block *b)
{
    for (size_t i = 0; i < b->nops; i++) {
        const struct ir_op *op = &b->ops[i];
        if (op->opc == IR_INSN_START) {
            fprintf(out, " ---- 0x%08" PRIx64 "\n", op->imm[0]);
            continue;
        }
        fprintf(out, " %s_i%d", ir_opc_name(op->opc), op->type == IR_I32 ? 32 : 64);
        if (op->opc == IR_SETCOND || op->opc == IR_MOVCOND || op->opc == IR_BRCOND)
            fprintf(out, ".%s", cond_names[op->cond]);
        if (op->opc == IR_CALL)
            fprintf(out, " %s", op->helper->name);
        unsigned n = op_nvals(op);
        for (unsigned a = 0; a < n; a++) {
            fputs(a ? ", " : " ", out);
            dump_val(out, b, op->args[a]);
        }
        if (op->opc == IR_BRCOND)
            fprintf(out, ", L%u", op->args[2]);
        if (op->opc == IR_BR || op->opc == IR_LABEL)
            fprintf(out, " L%u", op->args[0]);
        if (op->opc == IR_GOTO_TB)
            fprintf(out, " %" PRIu64, op->imm[0]);
        if (op->opc == IR_LD || op->opc == IR_ST || op->opc == IR_ATOMIC || op->opc == IR_CMPXCHG)
            fprintf(out, " [size %u%s, mem %u]", 1u << (op->cond & IR_MO_SIZE),
                    (op->cond & IR_MO_SIGN) ? " signed" : "", op->memidx);
        fputc('\n', out);
    }
}
