/* SPDX-License-Identifier: MIT */
/*
 * Translation blocks and their cache (TCG-internal).
 *
 * A cluster's TBs are keyed by (pc, flags) in a hash table (its struct
 * tb_cache: TCG's per-cluster state), with a per-vCPU direct-mapped jump
 * cache in front. A TB remembers the host pages its
 * guest code came from; a write to such a page invalidates every TB on it
 * (self-modifying code, loaders, debugger writes). Invalid TBs are unlinked
 * at once and freed at a safe point, since a CPU may still be inside one.
 */
#ifndef MOSAIC_TB_H
#define MOSAIC_TB_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/memory/memory.h"

struct tcg_machine;
struct tcg_vcpu;

/* TB flag bit TCG adds: translated for single-stepping (one insn). */
#define TB_FLAG_STEP 0x80000000u

struct tb_link {
    struct tb *from;
    unsigned slot;
};

/* Where a guest instruction starts in the backend's code (restore state). */
struct tb_insn_mark {
    uint32_t pos; /* backend position (the interpreter: op index) */
    uint64_t pc;
    uint64_t data;
};

struct tb {
    gaddr pc;
    gaddr end; /* address after the last instruction */
    uint32_t flags;
    uint32_t icount; /* guest instructions */
    bool valid;
    struct tb_cache *cache;
    struct tb *hash_next;
    /* Up to two host pages the code came from, and the bytes of each
     * page it was translated from: [page_lo, page_hi). */
    const uint8_t *page[2];
    uint16_t page_lo[2], page_hi[2];
    struct tb *page_next[2]; /* other TBs on the same page */
    /* Chaining: outgoing direct jumps and who jumps here. */
    struct tb *jmp[2];
    struct tb_link *jmp_in;
    unsigned njmp_in, jmp_in_cap;
    /* Backend code. */
    void *code;
    struct tb_insn_mark *marks;
    unsigned nmarks;
    struct tb *free_next;
};

#define TB_HASH_BITS 15
#define TB_HASH_SIZE (1u << TB_HASH_BITS)

/* A cluster's TBs. */
struct tb_cache {
    struct tb *hash[TB_HASH_SIZE];
    unsigned count;
    struct tcg_machine *tm; /* the machine's code pages and freed TBs */
};

struct tb_cache *tb_cache_new(struct tcg_machine *tm);
void tb_cache_free(struct tb_cache *c);
/* Find or translate the TB at the CPU's pc for its flags; NULL only if
 * translation itself failed (out of memory), after logging. */
struct tb *tb_find(struct tcg_vcpu *v);
/* Chain from->jmp[slot] to @to. */
void tb_link(struct tb *from, unsigned slot, struct tb *to);
/* Invalidate the TBs whose code covers @pc (a breakpoint changed there). */
void tb_invalidate_pc(struct tb_cache *c, gaddr pc);
/* Invalidate everything in a cluster's cache (view changed, breakpoints). */
void tb_cache_flush(struct tb_cache *c);
/* Free TBs invalidated earlier: call only when no CPU of the machine is
 * inside a TB. */
void tb_reclaim(struct tcg_machine *tm);
/* Number of live TBs (statistics, tests). */
unsigned tb_cache_count(const struct tb_cache *c);

#endif
