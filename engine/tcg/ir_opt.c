/* SPDX-License-Identifier: MIT */
/*
 * The IR optimizer, run on every TB between the frontend and the backend:
 *
 * 1. Constant folding, forward: a pure op whose inputs are constants (or
 *    temps known to hold one since the last label) becomes a move of the
 *    result; a conditional branch on constants becomes a jump or nothing.
 * 2. Dead-code elimination, backward, by liveness: a pure op whose result
 *    is not read before being overwritten goes.
 *
 * Guest state stays exact wherever it can be observed: every global is live
 * at the TB's exits, at each branch, and at each op that may leave the TB
 * early or look at guest state (memory accesses, which can fault or stop
 * for a watchpoint, and helper calls). So only values replaced before any
 * such point are dropped: typically Arm flags that the next flag-setting
 * instruction overwrites, and temps that folding made unused.
 *
 * Globals that share storage (RISC-V's rv64 and rv32 views of a register)
 * are one for liveness. Branches are handled conservatively: at a branch
 * every temp read anywhere in the TB is live, so temps that cross labels
 * (forwards or backwards) are always kept; passes repeat while they find
 * more to drop, since a dropped op no longer reads its temps.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/tcg/ir.h"

struct opt {
    struct ir_block *b;
    uint8_t *known; /* per value: a temp known to hold kval */
    uint64_t *kval;
    /* Liveness: temps by value index, globals by storage group after them
     * (slot gbase + group of the global). */
    uint8_t *live;
    size_t gbase;
    uint8_t *read;   /* per value: read by some op of the TB */
    uint16_t *group; /* per global: the first global sharing its storage */
    uint8_t *covers; /* per global: a write replaces all of its group's storage */
    uint8_t *dead;   /* per op */
};

static bool is_binop(enum ir_opc o)
{
    return o >= IR_ADD && o <= IR_MULHSU;
}

static bool is_unop(enum ir_opc o)
{
    return o >= IR_NEG && o <= IR_TRUNC;
}

/* Ops that only compute their first argument from the others. */
static bool is_pure(enum ir_opc o)
{
    return o == IR_MOV || is_binop(o) || is_unop(o) || o == IR_SETCOND || o == IR_MOVCOND;
}

static bool has_output(const struct ir_op *op)
{
    switch (op->opc) {
    case IR_ST:
    case IR_BRCOND:
    case IR_BR:
    case IR_LABEL:
    case IR_INSN_START:
    case IR_GOTO_TB:
    case IR_EXIT_TB: return false;
    default: return op->args[0] != IR_NO_VAL;
    }
}

/* The value arguments an op reads: args[first .. first+n-1]. */
static unsigned n_inputs_from(const struct ir_op *op, unsigned *first)
{
    switch (op->opc) {
    case IR_ST: *first = 0; return 2;
    case IR_BRCOND: *first = 0; return 2;
    case IR_LD: *first = 1; return 1;
    case IR_ATOMIC: *first = 1; return 2;
    case IR_CMPXCHG: *first = 1; return 3;
    case IR_CALL: *first = 1; return op->helper->nargs;
    case IR_MOVCOND: *first = 1; return 4;
    case IR_BR:
    case IR_LABEL:
    case IR_INSN_START:
    case IR_GOTO_TB:
    case IR_EXIT_TB: *first = 0; return 0;
    default: *first = 1; return is_binop((enum ir_opc)op->opc) || op->opc == IR_SETCOND ? 2 : 1;
    }
}

static bool is_const(const struct opt *s, ir_val v)
{
    return s->b->vals[v].kind == IR_VAL_CONST || s->known[v];
}

static uint64_t const_of(const struct opt *s, ir_val v)
{
    return s->b->vals[v].kind == IR_VAL_CONST ? s->b->vals[v].cval : s->kval[v];
}

/* ---- constant folding ---------------------------------------------------- */

static void to_mov_const(struct opt *s, struct ir_op *op, uint64_t v)
{
    ir_val d = op->args[0];
    enum ir_type t = ir_type_of(s->b, d);
    op->opc = IR_MOV;
    op->type = (uint8_t)t;
    op->args[1] = ir_const(s->b, t, v);
    for (int i = 2; i < 5; i++)
        op->args[i] = IR_NO_VAL;
}

/* The value of a pure op whose inputs are all constant; false otherwise. */
static bool fold_value(const struct opt *s, const struct ir_op *op, uint64_t *v)
{
    enum ir_opc o = (enum ir_opc)op->opc;
    enum ir_type t = (enum ir_type)op->type;
    const uint16_t *a = op->args;
    if (o == IR_MOV || is_unop(o)) {
        if (!is_const(s, a[1]))
            return false;
        *v = ir_eval_unop(o, t, const_of(s, a[1]));
        return true;
    }
    if (is_binop(o) || o == IR_SETCOND) {
        if (!is_const(s, a[1]) || !is_const(s, a[2]))
            return false;
        *v = is_binop(o)
                 ? ir_eval_binop(o, t, const_of(s, a[1]), const_of(s, a[2]))
                 : ir_eval_cond((enum ir_cond)op->cond, t, const_of(s, a[1]), const_of(s, a[2]));
        return true;
    }
    if (o == IR_MOVCOND && is_const(s, a[1]) && is_const(s, a[2])) {
        ir_val pick = ir_eval_cond((enum ir_cond)op->cond, t, const_of(s, a[1]), const_of(s, a[2]))
                          ? a[3]
                          : a[4];
        if (!is_const(s, pick))
            return false;
        *v = const_of(s, pick);
        return true;
    }
    return false;
}

/* Read known temps as the constants they hold, so their moves can go. */
static void propagate(struct opt *s, struct ir_op *op)
{
    unsigned first, n = n_inputs_from(op, &first);
    for (unsigned a = first; a < first + n; a++) {
        ir_val v = op->args[a];
        if (v != IR_NO_VAL && s->known[v])
            op->args[a] = ir_const(s->b, ir_type_of(s->b, v), s->kval[v]);
    }
}

static void forget_temps(struct opt *s)
{
    memset(s->known, 0, s->b->nvals);
}

static void fold(struct opt *s)
{
    struct ir_block *b = s->b;
    for (size_t i = 0; i < b->nops && !b->overflow; i++) {
        struct ir_op *op = &b->ops[i];
        uint64_t v = 0;
        if (op->opc == IR_LABEL) {
            forget_temps(s); /* another path may arrive here */
            continue;
        }
        propagate(s, op);
        if (op->opc == IR_BRCOND && is_const(s, op->args[0]) && is_const(s, op->args[1])) {
            bool taken = ir_eval_cond((enum ir_cond)op->cond, (enum ir_type)op->type,
                                      const_of(s, op->args[0]), const_of(s, op->args[1]));
            if (taken) {
                op->opc = IR_BR;
                op->type = IR_I64;
                op->args[0] = op->args[2];
                op->args[1] = op->args[2] = IR_NO_VAL;
            } else {
                s->dead[i] = 1;
            }
            continue;
        }
        if (!is_pure((enum ir_opc)op->opc)) {
            /* The outputs of loads, atomics and calls are not constant. */
            if (has_output(op))
                s->known[op->args[0]] = 0;
            continue;
        }
        ir_val d = op->args[0];
        bool folded = fold_value(s, op, &v);
        if (folded && (op->opc != IR_MOV || b->vals[op->args[1]].kind != IR_VAL_CONST))
            to_mov_const(s, op, v);
        if (b->vals[d].kind == IR_VAL_TEMP) {
            s->known[d] = folded;
            s->kval[d] = v;
        }
    }
}

/* ---- dead-code elimination ----------------------------------------------- */

/* The liveness slot of a value: globals sharing storage share one. */
static size_t slot_of(const struct opt *s, ir_val v)
{
    const struct ir_value *val = &s->b->vals[v];
    return val->kind == IR_VAL_GLOBAL ? s->gbase + s->group[val->global] : v;
}

static void make_live(struct opt *s, ir_val v)
{
    if (v != IR_NO_VAL && s->b->vals[v].kind != IR_VAL_CONST)
        s->live[slot_of(s, v)] = 1;
}

static void all_globals_live(struct opt *s)
{
    memset(s->live + s->gbase, 1, s->b->nglobals);
}

static void nothing_live(struct opt *s)
{
    memset(s->live, 0, s->gbase + s->b->nglobals);
}

/* At a branch: everything a jump target might read. */
static void branch_live(struct opt *s)
{
    all_globals_live(s);
    for (size_t v = 0; v < s->b->nvals; v++)
        if (s->read[v])
            s->live[v] = 1;
}

static void mark_reads(struct opt *s)
{
    for (size_t i = 0; i < s->b->nops; i++) {
        unsigned first, n = n_inputs_from(&s->b->ops[i], &first);
        if (s->dead[i])
            continue;
        for (unsigned a = first; a < first + n; a++)
            if (s->b->ops[i].args[a] != IR_NO_VAL)
                s->read[s->b->ops[i].args[a]] = 1;
    }
}

/* One backward pass; returns the number of ops it found dead. */
static unsigned eliminate_pass(struct opt *s)
{
    struct ir_block *b = s->b;
    unsigned found = 0;
    memset(s->read, 0, b->nvals);
    mark_reads(s);
    s->gbase = b->nvals;
    nothing_live(s);
    for (size_t i = b->nops; i-- > 0;) {
        struct ir_op *op = &b->ops[i];
        enum ir_opc o = (enum ir_opc)op->opc;
        if (s->dead[i])
            continue;
        switch (o) {
        case IR_GOTO_TB:
        case IR_EXIT_TB:
            nothing_live(s);
            all_globals_live(s);
            continue;
        case IR_BR:
            nothing_live(s);
            branch_live(s);
            continue;
        case IR_BRCOND: branch_live(s); break;
        case IR_LABEL:
        case IR_INSN_START: continue;
        default: break;
        }
        if (has_output(op)) {
            size_t d = slot_of(s, op->args[0]);
            if (is_pure(o) && !s->live[d]) {
                s->dead[i] = 1;
                found++;
                continue;
            }
            const struct ir_value *out = &b->vals[op->args[0]];
            if (out->kind != IR_VAL_GLOBAL || s->covers[out->global])
                s->live[d] = 0; /* a partial write leaves the rest live */
        }
        if (!is_pure(o) && o != IR_BRCOND)
            all_globals_live(s); /* may fault, stop or read guest state */
        unsigned first, n = n_inputs_from(op, &first);
        for (unsigned a = first; a < first + n; a++)
            make_live(s, op->args[a]);
    }
    return found;
}

/* Branches keep every temp read anywhere alive, including reads by ops
 * found dead later in the same pass: repeat until nothing more goes. */
static void eliminate(struct opt *s)
{
    for (int pass = 0; pass < 8 && eliminate_pass(s); pass++)
        ;
}

/* ---- coalescing -------------------------------------------------------------- */

/* Does @op read or write @d (or storage @d shares)? */
static bool touches(const struct opt *s, const struct ir_op *op, ir_val d)
{
    size_t slot = slot_of(s, d);
    unsigned first, n = n_inputs_from(op, &first);
    for (unsigned a = first; a < first + n; a++)
        if (op->args[a] != IR_NO_VAL && s->b->vals[op->args[a]].kind != IR_VAL_CONST &&
            slot_of(s, op->args[a]) == slot)
            return true;
    return has_output(op) && slot_of(s, op->args[0]) == slot;
}

/*
 * "t = f(x); ... mov d, t" where t is a temp written only there, this move
 * is its last reader, and the ops in between are pure and leave d alone,
 * becomes "d = f(x)", the readers in between reading d: typically an Arm
 * or RISC-V result computed into a temp, copied to the flags and then to
 * its register.
 */
static void coalesce(struct opt *s)
{
    struct ir_block *b = s->b;
    uint8_t *writes = s->read; /* reused: folding is over */
    uint16_t *def = calloc(b->nvals, sizeof(*def));
    uint16_t *first_read = malloc(b->nvals * sizeof(*first_read));
    uint16_t *last_read = calloc(b->nvals, sizeof(*last_read));
    if (!def || !first_read || !last_read)
        goto out;
    memset(writes, 0, b->nvals);
    memset(first_read, 0xff, b->nvals * sizeof(*first_read));
    for (size_t i = 0; i < b->nops; i++) {
        const struct ir_op *op = &b->ops[i];
        unsigned first, n = n_inputs_from(op, &first);
        for (unsigned a = first; a < first + n; a++) {
            ir_val v = op->args[a];
            if (v == IR_NO_VAL)
                continue;
            if (first_read[v] == 0xffff)
                first_read[v] = (uint16_t)i;
            last_read[v] = (uint16_t)i;
        }
        if (has_output(op) && writes[op->args[0]] < 2) {
            writes[op->args[0]]++;
            def[op->args[0]] = (uint16_t)i;
        }
    }
    for (size_t i = 0; i < b->nops; i++) {
        struct ir_op *mov = &b->ops[i];
        ir_val t = mov->args[1], d = mov->args[0];
        if (mov->opc != IR_MOV || b->vals[t].kind != IR_VAL_TEMP || writes[t] != 1 ||
            last_read[t] != i || def[t] >= first_read[t] || ir_type_of(b, t) != ir_type_of(b, d))
            continue;
        size_t j = def[t];
        if (!is_pure((enum ir_opc)b->ops[j].opc))
            continue;
        bool clear = true;
        for (size_t k = j + 1; k < i && clear; k++) {
            const struct ir_op *op = &b->ops[k];
            clear =
                op->opc == IR_INSN_START || (is_pure((enum ir_opc)op->opc) && !touches(s, op, d));
        }
        if (!clear)
            continue;
        b->ops[j].args[0] = d;
        for (size_t k = j + 1; k < i; k++) {
            unsigned first, n = n_inputs_from(&b->ops[k], &first);
            for (unsigned a = first; a < first + n; a++)
                if (b->ops[k].args[a] == t)
                    b->ops[k].args[a] = d;
        }
        s->dead[i] = 1;
    }
out:
    free(def);
    free(first_read);
    free(last_read);
}

static void compact(struct opt *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->b->nops; i++)
        if (!s->dead[i])
            s->b->ops[n++] = s->b->ops[i];
    s->b->nops = n;
    memset(s->dead, 0, n);
}

/* ---- driver ---------------------------------------------------------------- */

static size_t global_size(const struct ir_global_def *g)
{
    return g->type == IR_I64 ? 8 : 4;
}

/* For each global, the first global whose storage overlaps it, and
 * whether writing it replaces everything the others of its group hold. */
static void group_globals(struct opt *s)
{
    const struct ir_block *b = s->b;
    for (size_t g = 0; g < b->nglobals; g++) {
        size_t lo = b->globals[g].offset, hi = lo + global_size(&b->globals[g]);
        s->group[g] = (uint16_t)g;
        s->covers[g] = 1;
        for (size_t h = 0; h < b->nglobals; h++) {
            size_t hlo = b->globals[h].offset, hhi = hlo + global_size(&b->globals[h]);
            if (h == g || hhi <= lo || hi <= hlo)
                continue;
            if (h < g && s->group[g] == g)
                s->group[g] = s->group[h];
            if (hlo < lo || hhi > hi)
                s->covers[g] = 0;
        }
    }
}

void ir_optimize(struct ir_block *b)
{
    if (b->overflow || !b->nops)
        return;
    /* Folding adds constants: one per input and result at most. */
    size_t nvals = b->nvals + 5 * b->nops;
    if (nvals > IR_MAX_VALS)
        nvals = IR_MAX_VALS;
    struct opt s = {.b = b};
    s.known = calloc(nvals, 1);
    s.kval = calloc(nvals, sizeof(*s.kval));
    s.live = calloc(nvals + b->nglobals, 1);
    s.read = calloc(nvals, 1);
    s.group = calloc(b->nglobals ? b->nglobals : 1, sizeof(*s.group));
    s.covers = calloc(b->nglobals ? b->nglobals : 1, 1);
    s.dead = calloc(b->nops, 1);
    if (s.known && s.kval && s.live && s.read && s.group && s.covers && s.dead) {
        group_globals(&s);
        fold(&s);
        if (!b->overflow) {
            eliminate(&s);
            compact(&s);
            coalesce(&s);
            compact(&s);
        }
    }
    free(s.known);
    free(s.kval);
    free(s.live);
    free(s.read);
    free(s.group);
    free(s.covers);
    free(s.dead);
}
