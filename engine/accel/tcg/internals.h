/* SPDX-License-Identifier: MIT */
/*
 * Engine-private declarations shared between the run loop, the software
 * TLB, the translator and the backends.
 */
#ifndef MOSAIC_ENGINE_INTERNALS_H
#define MOSAIC_ENGINE_INTERNALS_H

#include <string.h>

#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "engine/accel/tcg/tb.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the IR interpreter and software TLB assume a little-endian host"
#endif

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Slow paths of guest memory access (exec.c): MMIO, TLB refill, faults,
 * code-page writes, accesses that cross a page. Raw values, zero-extended. */
uint64_t mem_load_slow(struct cpu *cpu, gaddr addr, unsigned memop, unsigned memidx);
/* The same, reporting a fault as @acc (atomics fault as writes). */
uint64_t mem_load_slow_as(struct cpu *cpu, gaddr addr, unsigned memop, unsigned memidx,
                          enum mem_access acc);
void mem_store_slow(struct cpu *cpu, gaddr addr, uint64_t val, unsigned memop, unsigned memidx);
/* Host pointer for an atomic access at @addr (writable RAM), refilling the
 * TLB; NULL when the access must be emulated through load/store. */
void *mem_atomic_host(struct cpu *cpu, gaddr addr, unsigned memop, unsigned memidx);

/* Higher page-number bits are folded in so that pages a fixed power of two
 * apart (code at 0x0 and SRAM at 0x20000000 on Cortex-M) do not share a slot. */
static inline struct tlb_entry *tlb_entry_for(struct cpu *cpu, unsigned memidx, gaddr addr)
{
    gaddr page = addr >> MEM_PAGE_BITS;
    return &cpu->tlb[memidx][(page ^ (page >> TLB_BITS) ^ (page >> 2 * TLB_BITS)) & (TLB_SIZE - 1)];
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
    case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
    }
}

static inline void host_store(void *p, unsigned size, uint64_t v)
{
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
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
static inline uint64_t mem_load(struct cpu *cpu, gaddr addr, unsigned memop, unsigned memidx)
{
    const struct tlb_entry *e = tlb_entry_for(cpu, memidx, addr);
    uint64_t v;
    if (likely(e->addr_read == (addr & MEM_PAGE_MASK) && mem_access_simple(addr, memop)))
        v = host_load((const void *)(uintptr_t)(addr + e->addend), 1u << (memop & IR_MO_SIZE));
    else
        v = mem_load_slow(cpu, addr, memop, memidx);
    return mem_sign_extend(v, memop);
}

static inline void mem_store(struct cpu *cpu, gaddr addr, uint64_t val, unsigned memop,
                             unsigned memidx)
{
    const struct tlb_entry *e = tlb_entry_for(cpu, memidx, addr);
    if (likely(e->addr_write == (addr & MEM_PAGE_MASK) && mem_access_simple(addr, memop)))
        host_store((void *)(uintptr_t)(addr + e->addend), 1u << (memop & IR_MO_SIZE), val);
    else
        mem_store_slow(cpu, addr, val, memop, memidx);
}

/* Apply an IR_ATOMIC read-modify-write to @old; returns the new value. */
uint64_t ir_rmw_apply(enum ir_rmw op, unsigned memop, uint64_t old, uint64_t v);

/* Every CPU of every cluster (for cross-CPU TLB maintenance). */
void cpu_list_add(struct cpu *cpu);
void cpu_list_remove(struct cpu *cpu);
/* Drop @tb from every CPU's jump cache (slot @hash). */
void cpu_list_forget_tb(const struct tb *tb, unsigned hash);
/* Drop write permission for one host page from every CPU's TLB. */
void tlb_flush_host_page_writes(const uint8_t *host_page);

/* Translation (translator.c): translate the TB at (pc, flags) for @cpu. */
struct tb *translate_tb(struct cpu *cpu, struct tb_cache *c, gaddr pc, uint32_t flags);
/* Code-page bookkeeping (tb.c). */
void tb_page_add(struct tb *tb, unsigned n, const uint8_t *host_page);
void tb_cache_insert(struct tb_cache *c, struct tb *tb);
/* Take a TB that never became valid off its code pages. */
void tb_discard_pages(struct tb *tb);
void tb_code_write(struct mem_region *r, uint64_t offset, uint64_t len);

/* Lists for error messages (target.c). */
void target_list_arches(char *buf, size_t len);
void target_list_models(const struct target_ops *t, char *buf, size_t len);

/* Realize a cluster, then its CPUs and other children (cluster.c). */
int cluster_realize_all(struct cluster *c);

extern bool exec_log_enabled;

#endif
