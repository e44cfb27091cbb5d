/* SPDX-License-Identifier: MIT */
/*
 * The run loop of one vCPU (tcg_exec: TCG's accel_ops.vcpu_run) and the
 * parts of guest memory access that leave the fast path: TLB refill, MMIO,
 * faults, code-page writes, watchpoints. Exceptions raised inside a TB
 * longjmp back here; the loop restores the guest pc from the TB's
 * instruction marks and lets the target deliver.
 */
#include <assert.h>
#include <inttypes.h>

#include "engine/accel/tcg/internals.h"
#include "engine/io/log.h"
#include "engine/machine/debug.h"
#include "engine/tcg/backend.h"

bool exec_log_enabled;

/* ---- software TLB ---------------------------------------------------- */

void tlb_flush(struct tcg_vcpu *v)
{
    for (unsigned m = 0; m < TLB_MAX_MEMIDX; m++)
        for (unsigned i = 0; i < TLB_SIZE; i++)
            v->tlb[m][i].addr_read = v->tlb[m][i].addr_write = TLB_INVALID;
    v->tlb_generation = v->cpu->view ? v->cpu->view->generation : 0;
}

/* Fill the entry for the page of @addr if it is plain RAM/ROM. */
static bool tlb_fill(struct tcg_vcpu *v, gaddr addr, unsigned memidx)
{
    struct cpu *cpu = v->cpu;
    if (cpu->view->generation != v->tlb_generation)
        tlb_flush(v);
    gaddr page = addr & MEM_PAGE_MASK;
    const struct mem_mapping *m = mem_view_find(cpu->view, page);
    if (!m || m->region->kind == MEM_MMIO || page < m->base ||
        page + MEM_PAGE_SIZE - 1 > m->base + m->size - 1)
        return false;
    /* Watched pages always take the slow path, where accesses are checked. */
    if (cpu->cluster->nwps && debug_wp_page(cpu->cluster, page))
        return false;
    struct mem_region *r = m->region;
    uint64_t off = page - m->base + m->offset;
    struct tlb_entry *e = tlb_entry_for(v, memidx, addr);
    e->addend = (uintptr_t)(r->host + off) - page;
    e->addr_read = page;
    e->addr_write = (r->kind == MEM_RAM && !mem_region_has_code(r, off)) ? page : TLB_INVALID;
    return true;
}

/* The TCG vCPU of the machine's @i-th CPU, or NULL when another
 * accelerator runs it (or it is not realized yet). */
static struct tcg_vcpu *machine_vcpu(const struct tcg_machine *tm, unsigned i)
{
    const struct cpu *cpu = tm->m->cpus[i];
    return cpu->accel == &accel_tcg_ops ? tcg_vcpu(cpu) : NULL;
}

void tlb_flush_host_page_writes(struct tcg_machine *tm, const uint8_t *host_page)
{
    for (unsigned c = 0; c < tm->m->ncpus; c++) {
        struct tcg_vcpu *v = machine_vcpu(tm, c);
        for (unsigned m = 0; v && m < TLB_MAX_MEMIDX; m++)
            for (unsigned i = 0; i < TLB_SIZE; i++) {
                struct tlb_entry *e = &v->tlb[m][i];
                if (e->addr_write != TLB_INVALID &&
                    (const uint8_t *)(uintptr_t)(e->addr_write + e->addend) == host_page)
                    e->addr_write = TLB_INVALID;
            }
    }
}

void tcg_forget_tb(struct tcg_machine *tm, const struct tb *tb, unsigned hash)
{
    for (unsigned c = 0; c < tm->m->ncpus; c++) {
        struct tcg_vcpu *v = machine_vcpu(tm, c);
        if (v && v->jmp_cache[hash] == tb)
            v->jmp_cache[hash] = NULL;
    }
}

/* A watched access: stop the CPU at the access (see debug_wp_hit). The
 * instruction is re-run alone and the stop reported after it, unless the
 * target wants the stop before the access (nonsteppable_watchpoints). */
static void check_watch(struct tcg_vcpu *v, gaddr addr, unsigned size, bool write)
{
    struct cpu *cpu = v->cpu;
    if (v->watch_retry)
        return;
    const struct debug_point *w = debug_wp_hit(cpu->cluster, addr, size, write);
    if (!w)
        return;
    cpu->stop_reason = STOP_WATCHPOINT;
    cpu->stop_signal = GDB_SIGTRAP;
    cpu->stop_kind = w->kind;
    cpu->stop_addr = addr > w->addr ? addr : w->addr;
    v->watch_retry = true;
    cpu_raise_exception(cpu, EXCP_WATCH);
}

static enum mem_fault_kind fault_kind(int res)
{
    switch (res) {
    case MEM_READONLY: return MEM_FAULT_READONLY;
    case MEM_DEVICE_ERROR: return MEM_FAULT_DEVICE;
    default: return MEM_FAULT_UNMAPPED;
    }
}

static void check_align(struct cpu *cpu, gaddr addr, unsigned memop, enum mem_access acc)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);
    if ((memop & IR_MO_ALIGN) && (addr & (size - 1)))
        cpu->target->mem_fault(cpu, addr, acc, MEM_FAULT_MISALIGNED);
}

uint64_t mem_load_slow(struct tcg_vcpu *v, gaddr addr, unsigned memop, unsigned memidx)
{
    return mem_load_slow_as(v, addr, memop, memidx, MEM_ACCESS_READ);
}

uint64_t mem_load_slow_as(struct tcg_vcpu *v, gaddr addr, unsigned memop, unsigned memidx,
                          enum mem_access acc)
{
    struct cpu *cpu = v->cpu;
    unsigned size = 1u << (memop & IR_MO_SIZE);
    check_align(cpu, addr, memop, acc);
    if (unlikely(cpu->cluster->nwps))
        check_watch(v, addr, size, false);
    if (mem_access_simple(addr, memop) && tlb_fill(v, addr, memidx)) {
        const struct tlb_entry *e = tlb_entry_for(v, memidx, addr);
        return host_load((const void *)(uintptr_t)(addr + e->addend), size);
    }
    uint64_t val = 0;
    int res;
    if (mem_access_simple(addr, memop)) {
        res = mem_view_read(cpu->view, addr, size, &val);
    } else {
        uint8_t buf[8] = {0};
        res = mem_view_read_buf(cpu->view, addr, buf, size, 0, NULL);
        memcpy(&val, buf, size);
    }
    if (res != MEM_OK)
        cpu->target->mem_fault(cpu, addr, acc, fault_kind(res));
    if (log_enabled(LOG_MMIO))
        log_debug(LOG_MMIO, "%s: read%u 0x%08" PRIx64 " -> 0x%" PRIx64, cpu->obj.name, size * 8,
                  addr, val);
    return val;
}

void mem_store_slow(struct tcg_vcpu *v, gaddr addr, uint64_t val, unsigned memop, unsigned memidx)
{
    struct cpu *cpu = v->cpu;
    unsigned size = 1u << (memop & IR_MO_SIZE);
    check_align(cpu, addr, memop, MEM_ACCESS_WRITE);
    if (unlikely(cpu->cluster->nwps))
        check_watch(v, addr, size, true);
    if (mem_access_simple(addr, memop) && tlb_fill(v, addr, memidx)) {
        const struct tlb_entry *e = tlb_entry_for(v, memidx, addr);
        if (e->addr_write != TLB_INVALID) {
            host_store((void *)(uintptr_t)(addr + e->addend), size, val);
            return;
        }
    }
    int res;
    if (mem_access_simple(addr, memop)) {
        res = mem_view_write(cpu->view, addr, size, val);
    } else {
        uint8_t buf[8];
        memcpy(buf, &val, 8);
        res = mem_view_write_buf(cpu->view, addr, buf, size, 0, NULL);
    }
    if (res != MEM_OK)
        cpu->target->mem_fault(cpu, addr, MEM_ACCESS_WRITE, fault_kind(res));
    if (log_enabled(LOG_MMIO))
        log_debug(LOG_MMIO, "%s: write%u 0x%08" PRIx64 " <- 0x%" PRIx64, cpu->obj.name, size * 8,
                  addr, val);
}

void *mem_atomic_host(struct tcg_vcpu *v, gaddr addr, unsigned memop, unsigned memidx)
{
    check_align(v->cpu, addr, memop, MEM_ACCESS_WRITE);
    if (!mem_access_simple(addr, memop))
        return NULL;
    struct tlb_entry *e = tlb_entry_for(v, memidx, addr);
    if (e->addr_write != (addr & MEM_PAGE_MASK) &&
        (!tlb_fill(v, addr, memidx) || e->addr_write == TLB_INVALID))
        return NULL;
    return (void *)(uintptr_t)(addr + e->addend);
}

uint64_t ir_rmw_apply(enum ir_rmw op, unsigned memop, uint64_t old, uint64_t v)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);
    uint64_t mask = size == 8 ? ~0ull : (1ull << (size * 8)) - 1;
    int64_t so = (int64_t)mem_sign_extend(old & mask, (memop & IR_MO_SIZE) | IR_MO_SIGN);
    int64_t sv = (int64_t)mem_sign_extend(v & mask, (memop & IR_MO_SIZE) | IR_MO_SIGN);
    old &= mask;
    v &= mask;
    switch (op) {
    case IR_RMW_XCHG: return v;
    case IR_RMW_ADD: return (old + v) & mask;
    case IR_RMW_AND: return old & v;
    case IR_RMW_OR: return old | v;
    case IR_RMW_XOR: return old ^ v;
    case IR_RMW_SMIN: return so < sv ? old : v;
    case IR_RMW_SMAX: return so > sv ? old : v;
    case IR_RMW_UMIN: return old < v ? old : v;
    case IR_RMW_UMAX: return old > v ? old : v;
    }
    return old;
}

uint64_t cpu_ld(struct cpu *cpu, gaddr addr, unsigned memop, unsigned memidx)
{
    return mem_load(tcg_vcpu(cpu), addr, memop, memidx);
}

void cpu_st(struct cpu *cpu, gaddr addr, uint64_t val, unsigned memop, unsigned memidx)
{
    mem_store(tcg_vcpu(cpu), addr, val, memop, memidx);
}

/* ---- leaving a TB ---------------------------------------------------- */

/* Put the guest state back at the start of the current instruction and
 * un-count the instructions of the TB that did not retire. */
static void restore_current_insn(struct tcg_vcpu *v, bool retired)
{
    struct cpu *cpu = v->cpu;
    unsigned index;
    const struct tb_insn_mark *m = backend_current_mark(v, &index);
    if (!m)
        return;
    unsigned done = index + (retired ? 1 : 0);
    cpu->icount -= v->cur_tb->icount - done;
    cpu->budget += v->cur_tb->icount - done;
    if (!retired)
        cpu->target->restore_state(cpu, m->pc, m->data);
}

static __attribute__((noreturn)) void leave_tb(struct tcg_vcpu *v)
{
    assert(v->jmp_env); /* only helpers and slow paths inside tcg_exec leave a TB */
    v->cur_tb = NULL;
    v->exec_pos = NULL;
    longjmp(*v->jmp_env, 1);
}

void cpu_raise_exception(struct cpu *cpu, int excp)
{
    struct tcg_vcpu *v = tcg_vcpu(cpu);
    restore_current_insn(v, false);
    cpu->excp = excp;
    leave_tb(v);
}

void cpu_loop_exit(struct cpu *cpu)
{
    struct tcg_vcpu *v = tcg_vcpu(cpu);
    restore_current_insn(v, true);
    cpu->excp = EXCP_NONE;
    leave_tb(v);
}

/* ---- the loop -------------------------------------------------------- */

/* A single step is complete: report it. */
static int stop_step(struct cpu *cpu)
{
    cpu->stop_reason = STOP_STEP;
    cpu->stop_signal = GDB_SIGTRAP;
    return EXCP_DEBUG;
}

/* After a TB or an exception: does the debugger want the CPU now? */
static int debug_after_insn(struct tcg_vcpu *v)
{
    struct cpu *cpu = v->cpu;
    if (v->watch_retry) {
        v->watch_retry = false; /* stop_* were filled at the hit */
        return EXCP_DEBUG;
    }
    if (cpu->stop_reason == STOP_SIGNAL)
        return EXCP_DEBUG;
    return cpu->singlestep ? stop_step(cpu) : EXCP_NONE;
}

/* One pass of the checks made between TBs; EXCP_NONE means run on. */
static int cpu_check_events(struct cpu *cpu)
{
    if (cpu->state == CPU_OFF)
        return EXCP_HALTED;
    if (cpu->debug_stopped)
        return EXCP_INTERRUPT;
    if (__atomic_exchange_n(&cpu->interrupt_pending, 0, __ATOMIC_SEQ_CST)) {
        if (cpu->state == CPU_WAITING && cpu->target->has_work(cpu))
            cpu->state = CPU_RUNNABLE;
        /* A step that takes an interrupt ends at the handler's first
         * instruction, as hardware stepping does. */
        if (cpu->state == CPU_RUNNABLE && cpu->target->exec_interrupt(cpu) && cpu->singlestep)
            return stop_step(cpu);
    }
    if (cpu->state == CPU_WAITING) {
        if (!cpu->target->has_work(cpu))
            return cpu->singlestep ? stop_step(cpu) : EXCP_HALTED;
        cpu->state = CPU_RUNNABLE;
        cpu_interrupt(cpu);
        return cpu_check_events(cpu);
    }
    if (__atomic_exchange_n(&cpu->exit_request, 0, __ATOMIC_SEQ_CST))
        return EXCP_INTERRUPT;
    if (cpu->budget <= 0)
        return EXCP_YIELD;
    return EXCP_NONE;
}

int tcg_exec(struct cpu *cpu)
{
    struct tcg_vcpu *v = tcg_vcpu(cpu);
    jmp_buf env;
    /* Written after setjmp, so volatile keeps them valid after a longjmp. */
    struct tb *volatile last = NULL;
    volatile int slot = -1;
    volatile int ret;

    exec_log_enabled = log_enabled(LOG_EXEC);
    v->jmp_env = &env;
    current_cpu = cpu;
    if (cpu->view->generation != v->tlb_generation)
        tlb_flush(v);
    if (setjmp(env)) {
        /* Back from a helper or slow path that left the TB. */
        current_cpu = cpu;
        last = NULL;
        int excp = cpu->excp;
        cpu->excp = EXCP_NONE;
        if (excp >= 0) {
            /* Charge the budget: a guest trapping in a loop without
             * retiring anything must still yield to the scheduler. */
            cpu->budget--;
            cpu->excp = excp;
            cpu->target->do_exception(cpu);
            cpu->excp = EXCP_NONE;
            ret = debug_after_insn(v);
            if (ret != EXCP_NONE)
                goto out;
        } else if (excp == EXCP_DEBUG ||
                   (excp == EXCP_WATCH && cpu->target->nonsteppable_watchpoints)) {
            v->watch_retry = false; /* stopped before the access */
            ret = EXCP_DEBUG;
            goto out;
        } else if (excp == EXCP_NONE && cpu->singlestep) {
            ret = stop_step(cpu); /* cpu_loop_exit after the stepped insn */
            goto out;
        }
    }
    for (;;) {
        ret = cpu_check_events(cpu);
        if (ret != EXCP_NONE)
            break;
        struct tb *tb = tb_find(v);
        if (!tb) {
            ret = EXCP_INTERRUPT;
            break;
        }
        if (last && slot >= 0 && !exec_log_enabled)
            tb_link(last, (unsigned)slot, tb);
        int s;
        last = backend_exec(v, tb, &s);
        slot = s;
        if (unlikely(cpu->singlestep || v->watch_retry)) {
            ret = debug_after_insn(v);
            if (ret != EXCP_NONE)
                break;
        }
    }
out:
    current_cpu = NULL;
    v->jmp_env = NULL;
    return ret;
}
