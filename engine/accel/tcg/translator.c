/* SPDX-License-Identifier: MIT */
/*
 * The generic half of translation: builds one TB by letting the target's
 * frontend emit IR, enforcing the limits (instruction count, pages, IR
 * size), recording code pages for invalidation, and handing the IR to the
 * backend. Frontends call translator_next_insn() and translator_fetch().
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "engine/accel/tcg/internals.h"
#include "engine/io/log.h"
#include "engine/machine/debug.h"
#include "engine/tcg/backend.h"

#define TB_MAX_INSNS 512
/* Leave room for the longest instruction's IR before the hard limits. */
#define IR_OPS_MARGIN 128
#define IR_VALS_MARGIN 256
#define FRAME_MARGIN 128

static struct ir_block *ir_for(const struct target_ops *t)
{
    /* One block per target, reused: translation happens on one thread. */
    static struct {
        const struct target_ops *t;
        struct ir_block b;
    } blocks[8];
    for (unsigned i = 0; i < 8; i++) {
        if (blocks[i].t == t)
            return &blocks[i].b;
        if (!blocks[i].t) {
            blocks[i].t = t;
            ir_block_init(&blocks[i].b, t->globals, t->nglobals);
            return &blocks[i].b;
        }
    }
    return NULL;
}

static unsigned temps_used(const struct ir_block *b)
{
    unsigned n = 0;
    for (size_t i = 0; i < b->nvals; i++)
        n += b->vals[i].kind == IR_VAL_TEMP;
    return n;
}

/* A breakpoint: stop before the instruction at the current pc. */
static uint64_t helper_breakpoint(struct cpu *cpu, uint64_t kind, uint64_t a1, uint64_t a2,
                                  uint64_t a3)
{
    (void)a1, (void)a2, (void)a3;
    cpu->stop_reason = STOP_BREAKPOINT;
    cpu->stop_signal = GDB_SIGTRAP;
    cpu->stop_kind = (int)kind;
    cpu_raise_exception(cpu, EXCP_DEBUG);
}
static const struct ir_helper breakpoint_helper = {"breakpoint", helper_breakpoint, 1, IR_I64};

static int bp_kind_at(const struct cluster *c, gaddr pc)
{
    for (unsigned i = 0; i < c->nbps; i++)
        if (c->bps[i].addr == pc)
            return c->bps[i].kind;
    return BP_SW;
}

bool translator_next_insn(struct tb_ctx *ctx, uint64_t data)
{
    struct ir_block *b = ctx->ir;
    if (ctx->ended)
        return false;
    const struct cluster *c = ctx->cpu->cluster;
    if (c->nbps && debug_bp_at(c, ctx->pc_next)) {
        /* The breakpoint fires at the start of a TB, so a TB ends before it. */
        if (ctx->num_insns > 0)
            return false;
        ir_insn_start(b, ctx->pc_next, data);
        ctx->num_insns++;
        ir_call(b, &breakpoint_helper, IR_NO_VAL,
                ir_const(b, IR_I64, (uint64_t)bp_kind_at(c, ctx->pc_next)), 0, 0, 0);
        ir_exit_tb(b);
        ctx->ended = true;
        return false;
    }
    if (ctx->num_insns > 0) {
        if (ctx->num_insns >= ctx->max_insns || b->overflow ||
            b->nops + IR_OPS_MARGIN > IR_MAX_OPS || b->nvals + IR_VALS_MARGIN > IR_MAX_VALS ||
            temps_used(b) + FRAME_MARGIN > IR_FRAME_SLOTS)
            return false;
        /* Stay on the first instruction's page (an instruction may straddle). */
        if ((ctx->pc_next & MEM_PAGE_MASK) != (ctx->pc_first & MEM_PAGE_MASK))
            return false;
    }
    ir_insn_start(b, ctx->pc_next, data);
    ctx->num_insns++;
    return true;
}

int translator_fetch(struct tb_ctx *ctx, gaddr addr, unsigned size, uint32_t *insn)
{
    const struct mem_mapping *m = mem_view_find(ctx->cpu->view, addr);
    if (!m || m->region->kind == MEM_MMIO || addr + size - 1 > m->base + m->size - 1) {
        /* Maybe the bytes straddle two mappings: fetch one byte at a time. */
        if (size > 1 && m && m->region->kind != MEM_MMIO) {
            uint32_t lo, hi;
            if (translator_fetch(ctx, addr, 1, &lo) ||
                translator_fetch(ctx, addr + 1, size - 1, &hi))
                return -1;
            *insn = lo | hi << 8;
            return 0;
        }
        return -1;
    }
    struct mem_region *r = m->region;
    uint64_t off = addr - m->base + m->offset;
    uint32_t v = 0;
    memcpy(&v, r->host + off, size);
    *insn = v;
    /* Record each page this TB's code touches (at most two) and the bytes
     * of it the code came from, so writes elsewhere on the page leave the
     * TB alone. */
    for (uint64_t o = off & ~(uint64_t)(MEM_PAGE_SIZE - 1); o <= off + size - 1;
         o += MEM_PAGE_SIZE) {
        const uint8_t *host = r->host + o;
        struct tb *tb = ctx->tb;
        unsigned lo = off > o ? (unsigned)(off - o) : 0;
        unsigned hi = off + size < o + MEM_PAGE_SIZE ? (unsigned)(off + size - o) : MEM_PAGE_SIZE;
        unsigned n = tb->page[0] == host ? 0 : tb->page[1] == host ? 1 : 2;
        if (n == 2) {
            n = tb->page[0] ? 1 : 0;
            if (n == 1 && tb->page[1])
                continue; /* cannot happen: TBs end at the first page boundary */
            mem_region_mark_code(r, o, &ctx->cpu->cluster->machine->code_watcher);
            tb_page_add(tb, n, host);
            tb->page_lo[n] = (uint16_t)lo;
            tb->page_hi[n] = (uint16_t)hi;
            continue;
        }
        if (lo < tb->page_lo[n])
            tb->page_lo[n] = (uint16_t)lo;
        if (hi > tb->page_hi[n])
            tb->page_hi[n] = (uint16_t)hi;
    }
    return 0;
}

static void log_in_asm(struct cpu *cpu, const struct tb *tb, gaddr end)
{
    FILE *out = log_stream();
    fprintf(out, "IN: %s\n", cpu->path);
    for (gaddr pc = tb->pc; pc < end;) {
        uint8_t code[16] = {0};
        char text[128];
        size_t n = end - pc < sizeof(code) ? (size_t)(end - pc) : sizeof(code);
        mem_view_read_buf(cpu->view, pc, code, n, MEM_F_NO_MMIO, NULL);
        unsigned len =
            cpu->target->disas ? cpu->target->disas(cpu, pc, code, n, text, sizeof(text)) : 0;
        if (!len) {
            fprintf(out, "0x%08" PRIx64 ":  (undecodable)\n", pc);
            break;
        }
        fprintf(out, "0x%08" PRIx64 ":  %s\n", pc, text);
        pc += len;
    }
    fputc('\n', out);
}

/* Translate at most @max_insns instructions into a new TB (not yet inserted). */
static struct tb *translate_once(struct tcg_vcpu *v, gaddr pc, uint32_t flags, unsigned max_insns,
                                 int *err)
{
    struct cpu *cpu = v->cpu;
    struct ir_block *b = ir_for(cpu->target);
    struct tb *tb = calloc(1, sizeof(*tb));
    if (!b || !tb) {
        free(tb);
        *err = -ENOMEM;
        return NULL;
    }
    tb->pc = pc;
    tb->flags = flags;
    tb->cache = v->tbs; /* its code pages go to the cache's machine */
    ir_block_reset(b);
    struct tb_ctx ctx = {.cpu = cpu,
                         .ir = b,
                         .pc_first = pc,
                         .pc_next = pc,
                         .flags = flags,
                         .max_insns = max_insns,
                         .tb = tb};
    cpu->target->translate(&ctx);
    tb->icount = ctx.num_insns;
    tb->end = ctx.pc_next > pc ? ctx.pc_next : pc + 1;
    ir_optimize(b);
    *err = b->overflow ? -E2BIG : backend_compile(tb, b, cpu->target);
    if (*err)
        return tb; /* the caller discards it and retries smaller */
    if (log_enabled(LOG_IN_ASM))
        log_in_asm(cpu, tb, ctx.pc_next);
    if (log_enabled(LOG_OP))
        ir_block_dump(log_stream(), b);
    return tb;
}

/* Drop a TB that never became valid. */
static void discard(struct tb *tb)
{
    tb_discard_pages(tb);
    backend_free(tb);
    free(tb);
}

struct tb *translate_tb(struct tcg_vcpu *v, gaddr pc, uint32_t flags)
{
    struct cpu *cpu = v->cpu;
    unsigned max = (flags & TB_FLAG_STEP) ? 1 : TB_MAX_INSNS;
    for (;;) {
        int err;
        struct tb *tb = translate_once(v, pc, flags, max, &err);
        if (!tb) {
            log_error("%s: out of memory translating code at 0x%08" PRIx64, cpu->obj.name, pc);
            return NULL;
        }
        if (!err) {
            tb->valid = true;
            tb_cache_insert(v->tbs, tb);
            return tb;
        }
        discard(tb);
        if (err != -E2BIG || max == 1) {
            log_error("%s: cannot translate code at 0x%08" PRIx64, cpu->obj.name, pc);
            return NULL;
        }
        max = max / 2 ? max / 2 : 1;
    }
}
