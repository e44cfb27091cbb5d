/* SPDX-License-Identifier: MIT */
/*
 * Backend 1: the IR interpreter. A TB's IR is pre-decoded into a compact
 * array of iops: each op's handler is resolved to a computed-goto label for
 * its width and operand form, operands to byte offsets from the CPU struct
 * (guest-state globals and the CPU's temp frame), constants to immediates,
 * and labels to iop pointers. Instruction-start markers become a side
 * table, so they cost nothing while running.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "engine/io/log.h"
#include "engine/tcg/backend.h"

/* Handler ids: binops have four forms (64/32 x reg-reg/reg-imm). */
#define FORMS(N) N##_64_RR, N##_64_RI, N##_32_RR, N##_32_RI

/* The IR conditions in enum ir_cond order, each an expression of the
 * operands x, y (unsigned) and sx, sy (signed); setcond and brcond have a
 * handler per condition and form. */
/* clang-format off */
#define FOR_EACH_COND(M)                                                                  \
    M(EQ, x == y) M(NE, x != y) M(LT, sx < sy) M(GE, sx >= sy) M(LE, sx <= sy)          \
    M(GT, sx > sy) M(LTU, x < y) M(GEU, x >= y) M(LEU, x <= y) M(GTU, x > y)
/* clang-format on */
#define SET_IDS(C, E) FORMS(H_SET_##C),
#define BR_IDS(C, E) FORMS(H_BR_##C),

/* clang-format off */
enum handler {
    H_MOV_64, H_MOV_32, H_MOVI_64, H_MOVI_32,
    FORMS(H_ADD), FORMS(H_SUB), FORMS(H_MUL), FORMS(H_AND), FORMS(H_OR), FORMS(H_XOR),
    FORMS(H_SHL), FORMS(H_SHR), FORMS(H_SAR), FORMS(H_BINGEN),
    H_UNGEN_64, H_UNGEN_32, H_EXT32S, H_EXT32U, H_TRUNC,
    FOR_EACH_COND(SET_IDS)
    H_MOVCOND_64, H_MOVCOND_32,
    FOR_EACH_COND(BR_IDS)
    H_BR, H_LD_64, H_LD_32, H_ST_64, H_ST_32, H_ATOMIC, H_CMPXCHG, H_CALL,
    H_GOTO_TB, H_EXIT_TB,
    H_COUNT
};
/* clang-format on */

/* aux bits */
#define AUX_MEMOP(x) ((x)&0xff)
#define AUX_MEMIDX(x) (((x) >> 8) & 0xff)
#define AUX_ADDR64 (1u << 16)
#define AUX_OPC(x) (((x) >> 8) & 0xff) /* generic arithmetic: the IR opcode */
#define AUX_CALL_ARG64(i) (1u << (i))
#define AUX_CALL_RET64 (1u << 4)
#define AUX_CALL_NARGS(x) (((x) >> 8) & 7)
#define AUX_VAL64 (1u << 17) /* atomics: value width */

struct iop {
    const void *h;
    int32_t d, a, b, c, e;
    uint32_t aux;
    uint64_t imm;
    const void *ptr; /* helper function, branch target */
};

struct interp_code {
    unsigned nops;
    struct iop ops[];
};

static struct tb *interp_run(struct tcg_vcpu *v, struct tb *tb, int *slot);
static const void *const *handler_labels;

/* ---- pre-decoding ---------------------------------------------------- */

#define SCRATCH_SLOTS 4 /* frame slots for constants used where a register is needed */

struct predecode {
    const struct ir_block *ir;
    const struct target_ops *t;
    int32_t *val_off; /* offset of each value, or -1 for constants */
    struct iop *out;
    unsigned n, cap;
    unsigned *label_pos; /* iop index of each label */
    unsigned nframe;
    bool too_big;
};

static int32_t frame_off(unsigned slot)
{
    return (int32_t)(offsetof(struct cpu, ir_frame) + slot * sizeof(uint64_t));
}

static struct iop *new_iop(struct predecode *p, enum handler h)
{
    if (p->n == p->cap) {
        unsigned ncap = p->cap ? p->cap * 2 : 64;
        struct iop *o = realloc(p->out, ncap * sizeof(*o));
        if (!o) {
            p->too_big = true;
            p->n = 0;
        } else {
            p->out = o;
            p->cap = ncap;
        }
    }
    struct iop *op = &p->out[p->n++];
    memset(op, 0, sizeof(*op));
    op->h = (const void *)(uintptr_t)h; /* resolved to a label at the end */
    op->d = op->a = op->b = op->c = op->e = -1;
    return op;
}

static bool is_const(const struct predecode *p, ir_val v)
{
    return p->ir->vals[v].kind == IR_VAL_CONST;
}

static bool is64(const struct predecode *p, ir_val v)
{
    return p->ir->vals[v].type == IR_I64;
}

/* Offset of a register operand; constants go through a scratch slot. */
static int32_t reg(struct predecode *p, ir_val v, unsigned scratch)
{
    if (!is_const(p, v))
        return p->val_off[v];
    struct iop *m = new_iop(p, H_MOVI_64);
    m->d = frame_off(scratch);
    m->imm = p->ir->vals[v].cval;
    return m->d;
}

static void assign_offsets(struct predecode *p)
{
    const struct ir_block *ir = p->ir;
    p->nframe = SCRATCH_SLOTS;
    for (size_t i = 0; i < ir->nvals; i++) {
        const struct ir_value *v = &ir->vals[i];
        switch (v->kind) {
        case IR_VAL_GLOBAL: p->val_off[i] = (int32_t)p->t->globals[v->global].offset; break;
        case IR_VAL_TEMP:
            if (p->nframe >= IR_FRAME_SLOTS)
                p->too_big = true;
            p->val_off[i] = frame_off(p->nframe++ % IR_FRAME_SLOTS);
            break;
        default: p->val_off[i] = -1; break;
        }
    }
}

static enum handler form(enum handler base, bool wide, bool imm)
{
    return (enum handler)(base + (wide ? 0 : 2) + (imm ? 1 : 0));
}

static enum handler binop_handler(enum ir_opc opc)
{
    switch (opc) {
    case IR_ADD: return H_ADD_64_RR;
    case IR_SUB: return H_SUB_64_RR;
    case IR_MUL: return H_MUL_64_RR;
    case IR_AND: return H_AND_64_RR;
    case IR_OR: return H_OR_64_RR;
    case IR_XOR: return H_XOR_64_RR;
    case IR_SHL: return H_SHL_64_RR;
    case IR_SHR: return H_SHR_64_RR;
    case IR_SAR: return H_SAR_64_RR;
    default: return H_BINGEN_64_RR;
    }
}

/* Two-operand form with an optional immediate second operand. */
static struct iop *emit_rr_ri(struct predecode *p, enum handler base, bool wide, ir_val a, ir_val b)
{
    int32_t ra = reg(p, a, 0);
    bool imm = is_const(p, b);
    struct iop *op = new_iop(p, form(base, wide, imm));
    op->a = ra;
    if (imm)
        op->imm = p->ir->vals[b].cval;
    else
        op->b = p->val_off[b];
    return op;
}

static void decode_mem(struct predecode *p, const struct ir_op *o)
{
    bool wide = o->type == IR_I64;
    uint32_t aux = o->cond | (uint32_t)o->memidx << 8 | (is64(p, o->args[1]) ? AUX_ADDR64 : 0);
    int32_t addr = reg(p, o->args[1], 1);
    struct iop *op;
    switch (o->opc) {
    case IR_LD:
        op = new_iop(p, wide ? H_LD_64 : H_LD_32);
        op->d = p->val_off[o->args[0]];
        break;
    case IR_ST: {
        int32_t v = reg(p, o->args[0], 0);
        op = new_iop(p, wide ? H_ST_64 : H_ST_32);
        op->a = v;
        break;
    }
    case IR_ATOMIC: {
        int32_t v = reg(p, o->args[2], 0);
        op = new_iop(p, H_ATOMIC);
        op->d = p->val_off[o->args[0]];
        op->a = v;
        op->imm = o->imm[0];
        break;
    }
    default: { /* IR_CMPXCHG */
        int32_t e = reg(p, o->args[2], 0), n = reg(p, o->args[3], 2);
        op = new_iop(p, H_CMPXCHG);
        op->d = p->val_off[o->args[0]];
        op->a = e;
        op->c = n;
        break;
    }
    }
    op->b = addr;
    op->aux = aux | (wide ? AUX_VAL64 : 0);
}

static void decode_call(struct predecode *p, const struct ir_op *o)
{
    int32_t args[4] = {-1, -1, -1, -1};
    uint32_t aux = (uint32_t)o->helper->nargs << 8;
    for (unsigned i = 0; i < o->helper->nargs && i < 4; i++) {
        ir_val v = o->args[1 + i];
        args[i] = reg(p, v, i);
        if (is64(p, v))
            aux |= AUX_CALL_ARG64(i);
    }
    struct iop *op = new_iop(p, H_CALL);
    op->a = args[0];
    op->b = args[1];
    op->c = args[2];
    op->e = args[3];
    op->ptr = (const void *)o->helper;
    if (o->args[0] != IR_NO_VAL) {
        op->d = p->val_off[o->args[0]];
        if (is64(p, o->args[0]))
            aux |= AUX_CALL_RET64;
    }
    op->aux = aux;
}

static void decode_op(struct predecode *p, const struct ir_op *o, struct tb *tb)
{
    bool wide = o->type == IR_I64;
    struct iop *op;
    switch (o->opc) {
    case IR_MOV:
        if (is_const(p, o->args[1])) {
            op = new_iop(p, wide ? H_MOVI_64 : H_MOVI_32);
            op->imm = p->ir->vals[o->args[1]].cval;
        } else {
            op = new_iop(p, wide ? H_MOV_64 : H_MOV_32);
            op->a = p->val_off[o->args[1]];
        }
        op->d = p->val_off[o->args[0]];
        break;
    /* clang-format off */
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROTL: case IR_ROTR: case IR_DIVS:
    case IR_DIVU: case IR_REMS: case IR_REMU: case IR_MULHS: case IR_MULHU: case IR_MULHSU:
        /* clang-format on */
        op = emit_rr_ri(p, binop_handler(o->opc), wide, o->args[1], o->args[2]);
        op->d = p->val_off[o->args[0]];
        op->aux = (uint32_t)o->opc << 8;
        break;
    case IR_EXT32S:
    case IR_EXT32U:
    case IR_TRUNC: {
        int32_t a = reg(p, o->args[1], 0);
        op = new_iop(p, o->opc == IR_EXT32S ? H_EXT32S : o->opc == IR_EXT32U ? H_EXT32U : H_TRUNC);
        op->a = a;
        op->d = p->val_off[o->args[0]];
        break;
    }
    /* clang-format off */
    case IR_NEG: case IR_NOT: case IR_CLZ: case IR_CTZ: case IR_BSWAP: case IR_EXT8S:
    case IR_EXT8U: case IR_EXT16S: case IR_EXT16U: {
        /* clang-format on */
        int32_t a = reg(p, o->args[1], 0);
        op = new_iop(p, wide ? H_UNGEN_64 : H_UNGEN_32);
        op->a = a;
        op->d = p->val_off[o->args[0]];
        op->aux = (uint32_t)o->opc << 8;
        break;
    }
    case IR_SETCOND:
        op = emit_rr_ri(p, (enum handler)(H_SET_EQ_64_RR + 4 * o->cond), wide, o->args[1],
                        o->args[2]);
        op->d = p->val_off[o->args[0]];
        break;
    case IR_MOVCOND: {
        int32_t a = reg(p, o->args[1], 0), b = reg(p, o->args[2], 1);
        int32_t c = reg(p, o->args[3], 2), e = reg(p, o->args[4], 3);
        op = new_iop(p, is64(p, o->args[0]) ? H_MOVCOND_64 : H_MOVCOND_32);
        op->a = a, op->b = b, op->c = c, op->e = e;
        op->d = p->val_off[o->args[0]];
        op->aux = o->cond | (wide ? AUX_VAL64 : 0);
        break;
    }
    case IR_BRCOND:
        op = emit_rr_ri(p, (enum handler)(H_BR_EQ_64_RR + 4 * o->cond), wide, o->args[0],
                        o->args[1]);
        op->aux = o->args[2]; /* label id until labels are resolved */
        break;
    case IR_BR: new_iop(p, H_BR)->aux = o->args[0]; break;
    case IR_LABEL: p->label_pos[o->args[0]] = p->n; break;
    case IR_LD:
    case IR_ST:
    case IR_ATOMIC:
    case IR_CMPXCHG: decode_mem(p, o); break;
    case IR_CALL: decode_call(p, o); break;
    case IR_INSN_START: {
        struct tb_insn_mark *m = &tb->marks[tb->nmarks++];
        m->pos = p->n;
        m->pc = o->imm[0];
        m->data = o->imm[1];
        break;
    }
    case IR_GOTO_TB: new_iop(p, H_GOTO_TB)->imm = o->imm[0] & 1; break;
    case IR_EXIT_TB: new_iop(p, H_EXIT_TB); break;
    }
}

int backend_compile(struct tb *tb, const struct ir_block *ir, const struct target_ops *t)
{
    struct predecode p = {.ir = ir, .t = t};
    size_t ninsn = 0;
    for (size_t i = 0; i < ir->nops; i++)
        ninsn += ir->ops[i].opc == IR_INSN_START;
    p.val_off = malloc((ir->nvals + 1) * sizeof(*p.val_off));
    p.label_pos = calloc(ir->nlabels + 1, sizeof(*p.label_pos));
    tb->marks = calloc(ninsn + 1, sizeof(*tb->marks));
    tb->nmarks = 0;
    if (!p.val_off || !p.label_pos || !tb->marks) {
        p.too_big = true;
        goto out;
    }
    assign_offsets(&p);
    for (size_t i = 0; i < ir->nops && !p.too_big; i++)
        decode_op(&p, &ir->ops[i], tb);
    /* A block always ends in an exit; guard against a frontend that forgot. */
    new_iop(&p, H_EXIT_TB);
    if (p.too_big)
        goto out;
    if (!handler_labels)
        interp_run(NULL, NULL, NULL);
    struct interp_code *code = malloc(sizeof(*code) + p.n * sizeof(struct iop));
    if (!code) {
        p.too_big = true;
        goto out;
    }
    code->nops = p.n;
    for (unsigned i = 0; i < p.n; i++) {
        struct iop *op = &p.out[i];
        enum handler h = (enum handler)(uintptr_t)op->h;
        if (h == H_BR || (h >= H_BR_EQ_64_RR && h <= H_BR_GTU_32_RI))
            op->ptr = &code->ops[p.label_pos[op->aux]];
        op->h = handler_labels[h];
        code->ops[i] = *op;
    }
    tb->code = code;
out:
    free(p.out);
    free(p.val_off);
    free(p.label_pos);
    if (p.too_big) {
        free(tb->marks);
        tb->marks = NULL;
        return -E2BIG;
    }
    return 0;
}

void backend_free(struct tb *tb)
{
    free(tb->code);
    free(tb->marks);
    tb->code = NULL;
    tb->marks = NULL;
}

const struct tb_insn_mark *backend_current_mark(const struct tcg_vcpu *v, unsigned *index)
{
    const struct tb *tb = v->cur_tb;
    if (!tb || !tb->nmarks || !v->exec_pos)
        return NULL;
    const struct interp_code *code = tb->code;
    const struct iop *ip = v->exec_pos;
    if (ip < code->ops || ip >= code->ops + code->nops)
        return NULL;
    uint32_t pos = (uint32_t)(ip - code->ops);
    unsigned lo = 0, hi = tb->nmarks; /* last mark with mark.pos <= pos */
    while (hi - lo > 1) {
        unsigned mid = (lo + hi) / 2;
        if (tb->marks[mid].pos <= pos)
            lo = mid;
        else
            hi = mid;
    }
    if (index)
        *index = lo;
    return &tb->marks[lo];
}

struct tb *backend_exec(struct tcg_vcpu *v, struct tb *tb, int *slot)
{
    return interp_run(v, tb, slot);
}

/* ---- execution ------------------------------------------------------- */

#define R64(o) (*(uint64_t *)(base + (o)))
#define R32(o) (*(uint32_t *)(base + (o)))
#define NEXT goto *(++ip)->h
#define WIDTH_SAR(x, n)                                                                            \
    (sizeof(x) == 8 ? (uint64_t)((int64_t)(x) >> ((n)&63)) : (uint32_t)((int32_t)(x) >> ((n)&31)))
#define SHMASK(x) (sizeof(x) * 8 - 1)

/* The four forms of a binop whose result is expression E of x and y. */
/* clang-format off */
#define BIN(N, E)                                                                  \
    N##_64_RR : { uint64_t x = R64(ip->a), y = R64(ip->b); (void)y; R64(ip->d) = (E); NEXT; } \
    N##_64_RI : { uint64_t x = R64(ip->a), y = ip->imm; (void)y; R64(ip->d) = (E); NEXT; } \
    N##_32_RR : { uint32_t x = R32(ip->a), y = R32(ip->b); (void)y; R32(ip->d) = (uint32_t)(E); NEXT; } \
    N##_32_RI : { uint32_t x = R32(ip->a), y = (uint32_t)ip->imm; (void)y; R32(ip->d) = (uint32_t)(E); NEXT; }
/* clang-format on */

/* The four forms of a comparison: STMT sees x, y and their signed sx, sy
 * at the width of the form. */
/* clang-format off */
#define COMPARE(N, STMT)                                                              \
    N##_64_RR : { uint64_t x = R64(ip->a), y = R64(ip->b);                            \
                  int64_t sx = (int64_t)x, sy = (int64_t)y; (void)sx; (void)sy; STMT } \
    N##_64_RI : { uint64_t x = R64(ip->a), y = ip->imm;                               \
                  int64_t sx = (int64_t)x, sy = (int64_t)y; (void)sx; (void)sy; STMT } \
    N##_32_RR : { uint32_t x = R32(ip->a), y = R32(ip->b);                            \
                  int32_t sx = (int32_t)x, sy = (int32_t)y; (void)sx; (void)sy; STMT } \
    N##_32_RI : { uint32_t x = R32(ip->a), y = (uint32_t)ip->imm;                     \
                  int32_t sx = (int32_t)x, sy = (int32_t)y; (void)sx; (void)sy; STMT }
/* clang-format on */

/* setcond writes 1 or 0 at the width of the form; brcond jumps. */
/* clang-format off */
#define SET_D(v) do { if (sizeof(x) == 8) R64(ip->d) = (v); else R32(ip->d) = (v); } while (0)
/* clang-format on */
#define SET_BODY(C, E) COMPARE(H_SET_##C, SET_D(E); NEXT;)
#define BR_BODY(C, E)                                                                              \
    COMPARE(                                                                                       \
        H_BR_##C, if (E) {                                                                         \
            ip = ip->ptr;                                                                          \
            goto * ip->h;                                                                          \
        } NEXT;)
#define COND_LABELS(C, E) L4(H_SET_##C), L4(H_BR_##C),

#define L4(N)                                                                                      \
    [N##_64_RR] = &&N##_64_RR, [N##_64_RI] = &&N##_64_RI, [N##_32_RR] = &&N##_32_RR,               \
    [N##_32_RI] = &&N##_32_RI

static uint64_t read_val(const char *base, int32_t off, bool wide)
{
    return wide ? R64(off) : R32(off);
}

static void write_val(char *base, int32_t off, bool wide, uint64_t v)
{
    if (wide)
        R64(off) = v;
    else
        R32(off) = (uint32_t)v;
}

static uint64_t do_atomic(struct tcg_vcpu *v, const struct iop *ip, uint64_t val)
{
    char *base = (char *)v->cpu;
    gaddr addr = read_val(base, ip->b, ip->aux & AUX_ADDR64);
    unsigned memop = AUX_MEMOP(ip->aux), memidx = AUX_MEMIDX(ip->aux);
    unsigned size = 1u << (memop & IR_MO_SIZE);
    v->exec_pos = ip;
    void *host = mem_atomic_host(v, addr, memop, memidx);
    uint64_t old;
    if (host && size == 8) {
        uint64_t *p = host;
        old = __atomic_load_n(p, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(p, &old, ir_rmw_apply(ip->imm, memop, old, val), true,
                                            __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
    } else if (host && size == 4) {
        uint32_t *p = host, o32 = __atomic_load_n(p, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(p, &o32,
                                            (uint32_t)ir_rmw_apply(ip->imm, memop, o32, val), true,
                                            __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
        old = o32;
    } else {
        old = mem_load_slow_as(v, addr, memop & ~IR_MO_SIGN, memidx, MEM_ACCESS_WRITE);
        mem_store_slow(v, addr, ir_rmw_apply(ip->imm, memop, old, val), memop, memidx);
    }
    return mem_sign_extend(old, memop);
}

static uint64_t do_cmpxchg(struct tcg_vcpu *v, const struct iop *ip, uint64_t expected,
                           uint64_t newv)
{
    char *base = (char *)v->cpu;
    gaddr addr = read_val(base, ip->b, ip->aux & AUX_ADDR64);
    unsigned memop = AUX_MEMOP(ip->aux), memidx = AUX_MEMIDX(ip->aux);
    unsigned size = 1u << (memop & IR_MO_SIZE);
    uint64_t mask = size == 8 ? ~0ull : (1ull << (size * 8)) - 1;
    v->exec_pos = ip;
    void *host = mem_atomic_host(v, addr, memop, memidx);
    uint64_t old;
    if (host && size == 8) {
        old = expected;
        __atomic_compare_exchange_n((uint64_t *)host, &old, newv, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST);
    } else if (host && size == 4) {
        uint32_t o32 = (uint32_t)expected;
        __atomic_compare_exchange_n((uint32_t *)host, &o32, (uint32_t)newv, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST);
        old = o32;
    } else {
        old = mem_load_slow_as(v, addr, memop & ~IR_MO_SIGN, memidx, MEM_ACCESS_WRITE);
        if (old == (expected & mask))
            mem_store_slow(v, addr, newv, memop, memidx);
    }
    return mem_sign_extend(old, memop);
}

static uint64_t do_call(struct tcg_vcpu *v, const struct iop *ip)
{
    struct cpu *cpu = v->cpu;
    const char *base = (const char *)cpu;
    const struct ir_helper *h = ip->ptr;
    unsigned n = AUX_CALL_NARGS(ip->aux);
    int32_t off[4] = {ip->a, ip->b, ip->c, ip->e};
    uint64_t a[4] = {0, 0, 0, 0};
    for (unsigned i = 0; i < n; i++)
        a[i] = read_val(base, off[i], ip->aux & AUX_CALL_ARG64(i));
    v->exec_pos = ip;
    return h->fn(cpu, a[0], a[1], a[2], a[3]);
}

static void enter_tb(struct tcg_vcpu *v, struct cpu *cpu, struct tb *tb)
{
    v->cur_tb = tb;
    cpu->icount += tb->icount;
    cpu->budget -= tb->icount;
    if (unlikely(exec_log_enabled))
        log_debug(LOG_EXEC, "%s: block at 0x%08" PRIx64 " (%u insns)", cpu->path, tb->pc,
                  tb->icount);
}

static struct tb *interp_run(struct tcg_vcpu *v, struct tb *tb, int *slot)
{
    static const void *const labels[H_COUNT] = {
        /* clang-format off */
        [H_MOV_64] = &&H_MOV_64, [H_MOV_32] = &&H_MOV_32,
        [H_MOVI_64] = &&H_MOVI_64, [H_MOVI_32] = &&H_MOVI_32,
        L4(H_ADD), L4(H_SUB), L4(H_MUL), L4(H_AND), L4(H_OR), L4(H_XOR),
        L4(H_SHL), L4(H_SHR), L4(H_SAR), L4(H_BINGEN),
        [H_UNGEN_64] = &&H_UNGEN_64, [H_UNGEN_32] = &&H_UNGEN_32,
        [H_EXT32S] = &&H_EXT32S, [H_EXT32U] = &&H_EXT32U, [H_TRUNC] = &&H_TRUNC,
        FOR_EACH_COND(COND_LABELS)
        [H_MOVCOND_64] = &&H_MOVCOND_64, [H_MOVCOND_32] = &&H_MOVCOND_32,
        [H_BR] = &&H_BR, [H_LD_64] = &&H_LD_64, [H_LD_32] = &&H_LD_32,
        [H_ST_64] = &&H_ST_64, [H_ST_32] = &&H_ST_32, [H_ATOMIC] = &&H_ATOMIC,
        [H_CMPXCHG] = &&H_CMPXCHG, [H_CALL] = &&H_CALL,
        [H_GOTO_TB] = &&H_GOTO_TB, [H_EXIT_TB] = &&H_EXIT_TB,
        /* clang-format on */
    };
    if (!v) {
        handler_labels = labels;
        return NULL;
    }
    struct cpu *cpu = v->cpu;
    char *base = (char *)cpu;
    const struct iop *ip = ((struct interp_code *)tb->code)->ops;
    enter_tb(v, cpu, tb);
    goto * ip->h;

/* clang-format off */
H_MOV_64: R64(ip->d) = R64(ip->a); NEXT;
H_MOV_32: R32(ip->d) = R32(ip->a); NEXT;
H_MOVI_64: R64(ip->d) = ip->imm; NEXT;
H_MOVI_32: R32(ip->d) = (uint32_t)ip->imm; NEXT;
    BIN(H_ADD, x + y)
    BIN(H_SUB, x - y)
    BIN(H_MUL, x * y)
    BIN(H_AND, x & y)
    BIN(H_OR, x | y)
    BIN(H_XOR, x ^ y)
    BIN(H_SHL, x << (y & SHMASK(x)))
    BIN(H_SHR, x >> (y & SHMASK(x)))
    BIN(H_SAR, WIDTH_SAR(x, y))
    BIN(H_BINGEN, ir_eval_binop(AUX_OPC(ip->aux), sizeof(x) == 8 ? IR_I64 : IR_I32, x, y))
H_UNGEN_64: R64(ip->d) = ir_eval_unop(AUX_OPC(ip->aux), IR_I64, R64(ip->a)); NEXT;
H_UNGEN_32: R32(ip->d) = (uint32_t)ir_eval_unop(AUX_OPC(ip->aux), IR_I32, R32(ip->a)); NEXT;
H_EXT32S: R64(ip->d) = (uint64_t)(int64_t)(int32_t)R32(ip->a); NEXT;
H_EXT32U: R64(ip->d) = R32(ip->a); NEXT;
H_TRUNC: R32(ip->d) = (uint32_t)R64(ip->a); NEXT;
    FOR_EACH_COND(SET_BODY)
H_MOVCOND_64: {
        bool wide = ip->aux & AUX_VAL64;
        bool c = ir_eval_cond(ip->aux & 0xff, wide ? IR_I64 : IR_I32, read_val(base, ip->a, wide),
                              read_val(base, ip->b, wide));
        R64(ip->d) = c ? R64(ip->c) : R64(ip->e);
        NEXT;
    }
H_MOVCOND_32: {
        bool wide = ip->aux & AUX_VAL64;
        bool c = ir_eval_cond(ip->aux & 0xff, wide ? IR_I64 : IR_I32, read_val(base, ip->a, wide),
                              read_val(base, ip->b, wide));
        R32(ip->d) = c ? R32(ip->c) : R32(ip->e);
        NEXT;
    }
    FOR_EACH_COND(BR_BODY)
H_BR: ip = ip->ptr; goto *ip->h;
H_LD_64:
H_LD_32: {
        gaddr addr = read_val(base, ip->b, ip->aux & AUX_ADDR64);
        v->exec_pos = ip;
        uint64_t val = mem_load(v, addr, AUX_MEMOP(ip->aux), AUX_MEMIDX(ip->aux));
        write_val(base, ip->d, ip->aux & AUX_VAL64, val);
        NEXT;
    }
H_ST_64:
H_ST_32: {
        gaddr addr = read_val(base, ip->b, ip->aux & AUX_ADDR64);
        v->exec_pos = ip;
        mem_store(v, addr, read_val(base, ip->a, ip->aux & AUX_VAL64), AUX_MEMOP(ip->aux),
                  AUX_MEMIDX(ip->aux));
        NEXT;
    }
H_ATOMIC: {
        bool wide = ip->aux & AUX_VAL64;
        write_val(base, ip->d, wide, do_atomic(v, ip, read_val(base, ip->a, wide)));
        NEXT;
    }
H_CMPXCHG: {
        bool wide = ip->aux & AUX_VAL64;
        uint64_t old = do_cmpxchg(v, ip, read_val(base, ip->a, wide), read_val(base, ip->c, wide));
        write_val(base, ip->d, wide, old);
        NEXT;
    }
H_CALL: {
        uint64_t r = do_call(v, ip);
        if (ip->d >= 0)
            write_val(base, ip->d, ip->aux & AUX_CALL_RET64, r);
        NEXT;
    }
H_GOTO_TB: {
        unsigned n = (unsigned)ip->imm;
        struct tb *next = tb->jmp[n];
        if (next && next->valid && !cpu->exit_request && !cpu->interrupt_pending &&
            cpu->budget > 0) {
            tb = next;
            enter_tb(v, cpu, tb);
            ip = ((struct interp_code *)tb->code)->ops;
            goto *ip->h;
        }
        *slot = next ? -1 : (int)n;
        v->cur_tb = NULL;
        return tb;
    }
H_EXIT_TB:
    *slot = -1;
    v->cur_tb = NULL;
    return tb;
}
/* clang-format on */
