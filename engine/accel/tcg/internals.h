/* SPDX-License-Identifier: MIT */
/*
 * Private declarations of the TCG accelerator, shared between its run
 * loop and software TLB (exec.c), the TB cache (tb.c), the translator,
 * its accel_ops (accel_tcg.c) and the backends: TCG's state per machine,
 * per cluster (struct tb_cache, tb.h) and per vCPU.
 */
#ifndef MOSAIC_TCG_INTERNALS_H
#define MOSAIC_TCG_INTERNALS_H

#include <setjmp.h>
#include <string.h>

#include "engine/accel/accel.h"
#include "engine/accel/tcg/tb.h"
#include "engine/machine/cluster.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "engine/machine/target.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the IR interpreter and software TLB assume a little-endian host"
#endif

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Internal exception code: a watchpoint hit; re-run the instruction alone,
 * then stop (the other EXCP_* codes are in cpu.h). */
#define EXCP_WATCH (-6)

/* Software TLB: one direct-mapped table per CPU, per memory index. */
#define TLB_BITS 8
#define TLB_SIZE (1u << TLB_BITS)
#define TLB_MAX_MEMIDX 2
#define TLB_INVALID ((gaddr)-1)
struct tlb_entry {
    gaddr addr_read;  /* page address when reads may use addend, else TLB_INVALID */
    gaddr addr_write; /* same for writes (never for ROM, MMIO or code pages) */
    uintptr_t addend; /* host = guest + addend */
};

#define JMP_CACHE_BITS 12
#define JMP_CACHE_SIZE (1u << JMP_CACHE_BITS)

#define PAGE_HASH_BITS 12
#define PAGE_HASH_SIZE (1u << PAGE_HASH_BITS)

/* TCG's state of one machine: which host pages hold code of which TBs
 * (so that a write from any cluster reaches the TBs of every cluster that
 * translated code there), and the TBs invalidated but not yet freed. */
struct tcg_machine {
    struct machine *m;
    struct code_page *page_hash[PAGE_HASH_SIZE];
    struct tb *graveyard;
};

/* TCG's state of one vCPU (cpu->accel_state). The TLB comes first: the
 * fast path of every guest access indexes it. */
struct tcg_vcpu {
    struct tlb_entry tlb[TLB_MAX_MEMIDX][TLB_SIZE];
    struct cpu *cpu;
    struct tb_cache *tbs; /* the cluster's */
    const void *exec_pos; /* backend position, for restore_state */
    struct tb *cur_tb;
    jmp_buf *jmp_env;        /* set while the run loop runs */
    unsigned tlb_generation; /* of the view the TLB was filled from */
    bool watch_retry;        /* re-running an instruction that hit a watchpoint */
    struct tb *jmp_cache[JMP_CACHE_SIZE];
};

static inline struct tcg_vcpu *tcg_vcpu(const struct cpu *cpu)
{
    return cpu->accel_state;
}

/* The run loop (exec.c): accel_ops.vcpu_run. */
int tcg_exec(struct cpu *cpu);
/* Flush a vCPU's software TLB (reset, mapping change, watchpoints). */
void tlb_flush(struct tcg_vcpu *v);

/* Slow paths of guest memory access (exec.c): MMIO, TLB refill, faults,
 * code-page writes, accesses that cross a page. Raw values, zero-extended. */
uint64_t mem_load_slow(struct tcg_vcpu *v, gaddr addr, unsigned memop, unsigned memidx);
/* The same, reporting a fault as @acc (atomics fault as writes). */
uint64_t mem_load_slow_as(struct tcg_vcpu *v, gaddr addr, unsigned memop, unsigned memidx,
                          enum mem_access acc);
void mem_store_slow(struct tcg_vcpu *v, gaddr addr, uint64_t val, unsigned memop, unsigned memidx);
/* Host pointer for an atomic access at @addr (writable RAM), refilling the
 * TLB; NULL when the access must be emulated through load/store. */
void *mem_atomic_host(struct tcg_vcpu *v, gaddr addr, unsigned memop, unsigned memidx);

/* Higher page-number bits are folded in so that pages a fixed power of two
 * apart (code at 0x0 and SRAM at 0x20000000 on Cortex-M) do not share a slot. */
static inline struct tlb_entry *tlb_entry_for(struct tcg_vcpu *v, unsigned memidx, gaddr addr)
{
    gaddr page = addr >> MEM_PAGE_BITS;
    return &v->tlb[memidx][(page ^ (page >> TLB_BITS) ^ (page >> 2 * TLB_BITS)) & (TLB_SIZE - 1)];
}

/* The access stays in one page and satisfies the alignment it asked for. */
static inline bool mem_access_simple(gaddr addr, unsigned memop)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);
    if ((memop & IR_MO_ALIGN) && (addr & (size - 1)))
        return false;
    return (addr & (MEM_PAGE_SIZE - 1)) <= MEM_PAGE_SIZE - size;
}

static inline uint64_t host_load(const void *p, unsigned size)
{
    switch (size) {
    case 1: return *(const uint8_t *)p;
    /* clang-format off */
    case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
        /* clang-format on */
    }
}

static inline void host_store(void *p, unsigned size, uint64_t v)
{
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    /* clang-format off */
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
    /* clang-format on */
    default: memcpy(p, &v, 8); break;
    }
}

static inline uint64_t mem_sign_extend(uint64_t v, unsigned memop)
{
    if (!(memop & IR_MO_SIGN))
        return v;
    switch (memop & IR_MO_SIZE) {
    case IR_MO_8: return (uint64_t)(int64_t)(int8_t)v;
    case IR_MO_16: return (uint64_t)(int64_t)(int16_t)v;
    case IR_MO_32: return (uint64_t)(int64_t)(int32_t)v;
    default: return v;
    }
}

/* Guest load/store with the TLB fast path inlined. */
static inline uint64_t mem_load(struct tcg_vcpu *v, gaddr addr, unsigned memop, unsigned memidx)
{
    const struct tlb_entry *e = tlb_entry_for(v, memidx, addr);
    uint64_t val;
    if (likely(e->addr_read == (addr & MEM_PAGE_MASK) && mem_access_simple(addr, memop)))
        val = host_load((const void *)(uintptr_t)(addr + e->addend), 1u << (memop & IR_MO_SIZE));
    else
        val = mem_load_slow(v, addr, memop, memidx);
    return mem_sign_extend(val, memop);
}

static inline void mem_store(struct tcg_vcpu *v, gaddr addr, uint64_t val, unsigned memop,
                             unsigned memidx)
{
    const struct tlb_entry *e = tlb_entry_for(v, memidx, addr);
    if (likely(e->addr_write == (addr & MEM_PAGE_MASK) && mem_access_simple(addr, memop)))
        host_store((void *)(uintptr_t)(addr + e->addend), 1u << (memop & IR_MO_SIZE), val);
    else
        mem_store_slow(v, addr, val, memop, memidx);
}

/* Apply an IR_ATOMIC read-modify-write to @old; returns the new value. */
uint64_t ir_rmw_apply(enum ir_rmw op, unsigned memop, uint64_t old, uint64_t v);

/* Drop @tb from the jump cache of every vCPU of the machine (slot @hash). */
void tcg_forget_tb(struct tcg_machine *tm, const struct tb *tb, unsigned hash);
/* Drop write permission for one host page from every vCPU's TLB. */
void tlb_flush_host_page_writes(struct tcg_machine *tm, const uint8_t *host_page);

/* Translation (translator.c): translate the TB at (pc, flags) for @v. */
struct tb *translate_tb(struct tcg_vcpu *v, gaddr pc, uint32_t flags);
/* Code-page bookkeeping (tb.c). */
void tb_page_add(struct tb *tb, unsigned n, const uint8_t *host_page);
void tb_cache_insert(struct tb_cache *c, struct tb *tb);
/* Take a TB that never became valid off its code pages. */
void tb_discard_pages(struct tb *tb);
/* Guest code bytes [offset, offset+len) of @r were written. */
void tb_code_write(struct tcg_machine *tm, struct mem_region *r, uint64_t offset, uint64_t len);
/* Free the code-page index (the machine goes). */
void tb_pages_free(struct tcg_machine *tm);

extern bool exec_log_enabled;

#endif
