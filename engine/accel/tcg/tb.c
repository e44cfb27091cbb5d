/* SPDX-License-Identifier: MIT */
/*
 * The translation-block cache: per-cluster hash of (pc, flags), per-vCPU
 * jump cache, chaining, and invalidation by host code page. The machine's
 * index from host page to TBs (struct tcg_machine) lets a write from any
 * cluster (shared RAM) reach the TBs of every cluster that translated code
 * there; nothing is shared between machines.
 */
#include <stdlib.h>

#include "engine/accel/tcg/internals.h"
#include "engine/io/log.h"
#include "engine/tcg/backend.h"

/* A host code page and the TBs whose code lies on it. */
struct code_page {
    const uint8_t *host;
    struct tb *first; /* linked through tb->page_next[n], n = which page of the TB */
    struct code_page *next;
};

static unsigned jc_hash(gaddr pc)
{
    return (unsigned)((pc >> 1) ^ (pc >> (JMP_CACHE_BITS + 1))) & (JMP_CACHE_SIZE - 1);
}

static unsigned tb_hash(gaddr pc, uint32_t flags)
{
    uint64_t h = (pc >> 1) * 0x9e3779b97f4a7c15ull ^ flags;
    return (unsigned)(h >> (64 - TB_HASH_BITS));
}

static unsigned page_hash_of(const uint8_t *host)
{
    return (unsigned)((((uintptr_t)host >> MEM_PAGE_BITS) * 0x9e3779b97f4a7c15ull) >>
                      (64 - PAGE_HASH_BITS));
}

struct tb_cache *tb_cache_new(struct tcg_machine *tm)
{
    struct tb_cache *c = calloc(1, sizeof(struct tb_cache));
    if (c)
        c->tm = tm;
    return c;
}

unsigned tb_cache_count(const struct tb_cache *c)
{
    return c->count;
}

void tb_cache_insert(struct tb_cache *c, struct tb *tb)
{
    unsigned h = tb_hash(tb->pc, tb->flags);
    tb->cache = c;
    tb->hash_next = c->hash[h];
    c->hash[h] = tb;
    c->count++;
}

static struct code_page *code_page_find(struct tcg_machine *tm, const uint8_t *host, bool create)
{
    unsigned h = page_hash_of(host);
    for (struct code_page *p = tm->page_hash[h]; p; p = p->next)
        if (p->host == host)
            return p;
    if (!create)
        return NULL;
    struct code_page *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->host = host;
    p->next = tm->page_hash[h];
    tm->page_hash[h] = p;
    /* Code on this page from now on: no CPU may write it without noticing. */
    tlb_flush_host_page_writes(tm, host);
    return p;
}

void tb_page_add(struct tb *tb, unsigned n, const uint8_t *host_page)
{
    struct code_page *p = code_page_find(tb->cache->tm, host_page, true);
    if (!p)
        return;
    tb->page[n] = host_page;
    tb->page_next[n] = p->first;
    p->first = tb;
}

static void page_remove_tb(const uint8_t *host, struct tb *tb)
{
    struct code_page *p = code_page_find(tb->cache->tm, host, false);
    if (!p)
        return;
    for (struct tb **pp = &p->first; *pp;) {
        struct tb *t = *pp;
        unsigned n = t->page[0] == host ? 0 : 1;
        if (t == tb) {
            *pp = t->page_next[n];
            return;
        }
        pp = &t->page_next[n];
    }
}

void tb_discard_pages(struct tb *tb)
{
    for (unsigned n = 0; n < 2; n++)
        if (tb->page[n])
            page_remove_tb(tb->page[n], tb);
}

void tb_link(struct tb *from, unsigned slot, struct tb *to)
{
    if (from->jmp[slot] || !from->valid || !to->valid)
        return;
    if (to->njmp_in == to->jmp_in_cap) {
        unsigned ncap = to->jmp_in_cap ? to->jmp_in_cap * 2 : 4;
        struct tb_link *l = realloc(to->jmp_in, ncap * sizeof(*l));
        if (!l)
            return;
        to->jmp_in = l;
        to->jmp_in_cap = ncap;
    }
    to->jmp_in[to->njmp_in++] = (struct tb_link){from, slot};
    from->jmp[slot] = to;
}

static void unlink_incoming(struct tb *tb)
{
    for (unsigned i = 0; i < tb->njmp_in; i++) {
        struct tb_link *l = &tb->jmp_in[i];
        if (l->from->jmp[l->slot] == tb)
            l->from->jmp[l->slot] = NULL;
    }
    tb->njmp_in = 0;
}

static void unlink_outgoing(struct tb *tb)
{
    for (unsigned s = 0; s < 2; s++) {
        struct tb *to = tb->jmp[s];
        if (!to)
            continue;
        for (unsigned i = 0; i < to->njmp_in; i++)
            if (to->jmp_in[i].from == tb && to->jmp_in[i].slot == s)
                to->jmp_in[i] = to->jmp_in[--to->njmp_in];
        tb->jmp[s] = NULL;
    }
}

static void hash_remove(struct tb *tb)
{
    struct tb_cache *c = tb->cache;
    for (struct tb **pp = &c->hash[tb_hash(tb->pc, tb->flags)]; *pp; pp = &(*pp)->hash_next)
        if (*pp == tb) {
            *pp = tb->hash_next;
            c->count--;
            return;
        }
}

/* Make @tb unreachable; its memory waits in the graveyard. */
static void tb_invalidate(struct tb *tb)
{
    struct tcg_machine *tm = tb->cache->tm;
    if (!tb->valid)
        return;
    tb->valid = false;
    hash_remove(tb);
    for (unsigned n = 0; n < 2; n++)
        if (tb->page[n])
            page_remove_tb(tb->page[n], tb);
    unlink_incoming(tb);
    unlink_outgoing(tb);
    tcg_forget_tb(tm, tb, jc_hash(tb->pc));
    tb->free_next = tm->graveyard;
    tm->graveyard = tb;
}

static void code_page_free(struct tcg_machine *tm, struct code_page *page)
{
    for (struct code_page **pp = &tm->page_hash[page_hash_of(page->host)]; *pp; pp = &(*pp)->next)
        if (*pp == page) {
            *pp = page->next;
            free(page);
            return;
        }
}

/* Invalidate the TBs translated from the written bytes. Data written next
 * to code (a stack or variables on a code page) leaves them alone. A CPU
 * running an invalidated TB finishes that TB (as a store into the block
 * being executed takes effect from the next block); the TB can no longer
 * be found or chained to, so the next block is the new code. A page left
 * without TBs stops being tracked, so its writes take the fast path again. */
void tb_code_write(struct tcg_machine *tm, struct mem_region *r, uint64_t offset, uint64_t len)
{
    uint64_t first = offset & ~(uint64_t)(MEM_PAGE_SIZE - 1);
    for (uint64_t off = first; off < offset + len; off += MEM_PAGE_SIZE) {
        struct code_page *p = code_page_find(tm, r->host + off, false);
        uint64_t lo = offset > off ? offset - off : 0;
        uint64_t hi = offset + len - off < MEM_PAGE_SIZE ? offset + len - off : MEM_PAGE_SIZE;
        for (struct tb *tb = p ? p->first : NULL, *next; tb; tb = next) {
            unsigned n = tb->page[0] == p->host ? 0 : 1;
            next = tb->page_next[n];
            if (tb->page_lo[n] < hi && lo < tb->page_hi[n])
                tb_invalidate(tb);
        }
        if (p && !p->first) {
            code_page_free(tm, p);
            mem_region_unmark_code(r, off);
        } else if (!p) {
            mem_region_unmark_code(r, off);
        }
    }
}

void tb_invalidate_pc(struct tb_cache *c, gaddr pc)
{
    for (unsigned h = 0; h < TB_HASH_SIZE; h++)
        for (struct tb *tb = c->hash[h], *next; tb; tb = next) {
            next = tb->hash_next;
            if (tb->pc <= pc && pc < tb->end)
                tb_invalidate(tb);
        }
}

void tb_cache_flush(struct tb_cache *c)
{
    for (unsigned h = 0; h < TB_HASH_SIZE; h++)
        while (c->hash[h])
            tb_invalidate(c->hash[h]);
}

void tb_reclaim(struct tcg_machine *tm)
{
    while (tm->graveyard) {
        struct tb *tb = tm->graveyard;
        tm->graveyard = tb->free_next;
        backend_free(tb);
        free(tb->jmp_in);
        free(tb);
    }
}

/* The invalidated TBs wait for the machine's next safe point. */
void tb_cache_free(struct tb_cache *c)
{
    if (!c)
        return;
    tb_cache_flush(c);
    free(c);
}

void tb_pages_free(struct tcg_machine *tm)
{
    for (unsigned h = 0; h < PAGE_HASH_SIZE; h++)
        while (tm->page_hash[h]) {
            struct code_page *p = tm->page_hash[h];
            tm->page_hash[h] = p->next;
            free(p);
        }
}

struct tb *tb_find(struct tcg_vcpu *v)
{
    struct cpu *cpu = v->cpu;
    gaddr pc = cpu->target->get_pc(cpu);
    uint32_t flags = cpu->target->tb_flags(cpu);
    if (cpu->singlestep || v->watch_retry)
        flags |= TB_FLAG_STEP;
    unsigned j = jc_hash(pc);
    struct tb *tb = v->jmp_cache[j];
    if (tb && tb->pc == pc && tb->flags == flags && tb->valid)
        return tb;
    for (tb = v->tbs->hash[tb_hash(pc, flags)]; tb; tb = tb->hash_next)
        if (tb->pc == pc && tb->flags == flags)
            break;
    if (!tb)
        tb = translate_tb(v, pc, flags);
    v->jmp_cache[j] = tb;
    return tb;
}
