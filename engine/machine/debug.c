/* SPDX-License-Identifier: MIT */
/*
 * Debugger run control (see debug.h): breakpoint and watchpoint lists per
 * cluster, held CPUs, single-step, intercepted guest exceptions and stop
 * events handed to the listener (the gdb stub).
 */
#include <errno.h>
#include <stdlib.h>

#include "engine/machine/debug.h"
#include "engine/accel/tcg/internals.h"
#include "engine/io/log.h"

static struct debug_listener listener;

void debug_set_listener(const struct debug_listener *l)
{
    if (l)
        listener = *l;
    else
        listener = (struct debug_listener){0};
}

bool debug_attached(void)
{
    return listener.stopped != NULL;
}

/* ---- points ------------------------------------------------------------ */

static int point_add(struct debug_point **arr, unsigned *n, gaddr addr, uint64_t len, int kind)
{
    for (unsigned i = 0; i < *n; i++)
        if ((*arr)[i].addr == addr && (*arr)[i].len == len && (*arr)[i].kind == kind)
            return 0; /* gdb may insert the same point twice */
    struct debug_point *p = realloc(*arr, (*n + 1) * sizeof(*p));
    if (!p)
        return -ENOMEM;
    *arr = p;
    p[(*n)++] = (struct debug_point){addr, len, kind};
    return 0;
}

static int point_del(struct debug_point *arr, unsigned *n, gaddr addr, uint64_t len, int kind)
{
    for (unsigned i = 0; i < *n; i++)
        if (arr[i].addr == addr && arr[i].len == len && arr[i].kind == kind) {
            arr[i] = arr[--*n];
            return 0;
        }
    return -ENOENT;
}

int debug_bp_insert(struct cluster *c, enum bp_kind kind, gaddr addr)
{
    int err = point_add(&c->bps, &c->nbps, addr, 1, kind);
    if (!err)
        tb_invalidate_pc(c->tbs, addr);
    return err;
}

int debug_bp_remove(struct cluster *c, enum bp_kind kind, gaddr addr)
{
    int err = point_del(c->bps, &c->nbps, addr, 1, kind);
    if (!err && !debug_bp_at(c, addr))
        tb_invalidate_pc(c->tbs, addr);
    return err;
}

static void flush_cluster_tlbs(struct cluster *c)
{
    for (unsigned i = 0; i < c->ncpus; i++)
        tlb_flush(c->cpus[i]);
}

int debug_wp_insert(struct cluster *c, enum wp_kind kind, gaddr addr, uint64_t len)
{
    if (!len || addr + len - 1 < addr)
        return -EINVAL;
    int err = point_add(&c->wps, &c->nwps, addr, len, kind);
    if (!err)
        flush_cluster_tlbs(c);
    return err;
}

int debug_wp_remove(struct cluster *c, enum wp_kind kind, gaddr addr, uint64_t len)
{
    int err = point_del(c->wps, &c->nwps, addr, len, kind);
    if (!err)
        flush_cluster_tlbs(c);
    return err;
}

void debug_clear_all(struct cluster *c)
{
    free(c->bps);
    free(c->wps);
    c->bps = c->wps = NULL;
    c->nbps = c->nwps = 0;
    tb_cache_flush(c->tbs);
    flush_cluster_tlbs(c);
}

bool debug_bp_at(const struct cluster *c, gaddr pc)
{
    for (unsigned i = 0; i < c->nbps; i++)
        if (c->bps[i].addr == pc)
            return true;
    return false;
}

bool debug_wp_page(const struct cluster *c, gaddr page)
{
    for (unsigned i = 0; i < c->nwps; i++) {
        const struct debug_point *w = &c->wps[i];
        if (w->addr <= page + MEM_PAGE_SIZE - 1 && page <= w->addr + w->len - 1)
            return true;
    }
    return false;
}

void debug_check_watch(struct cpu *cpu, gaddr addr, unsigned size, bool write)
{
    const struct cluster *c = cpu->cluster;
    if (cpu->watch_retry)
        return;
    for (unsigned i = 0; i < c->nwps; i++) {
        const struct debug_point *w = &c->wps[i];
        if (!(w->kind & (write ? WP_WRITE : WP_READ)))
            continue;
        if (w->addr > addr + size - 1 || addr > w->addr + w->len - 1)
            continue;
        cpu->stop_reason = STOP_WATCHPOINT;
        cpu->stop_signal = GDB_SIGTRAP;
        cpu->stop_kind = w->kind;
        cpu->stop_addr = addr > w->addr ? addr : w->addr;
        cpu->watch_retry = true;
        cpu_raise_exception(cpu, EXCP_WATCH);
    }
}

/* ---- CPUs -------------------------------------------------------------- */

void debug_cpu_stop(struct cpu *cpu)
{
    cpu->debug_stopped = true;
    cpu->singlestep = false;
    cpu_exit(cpu);
}

void debug_cpu_resume(struct cpu *cpu, bool step, int signal)
{
    if (cpu->exception_held) {
        /* Still marked held while it is delivered, so the target's
         * do_exception does not offer it to the debugger again. */
        if (signal) {
            cpu->excp = cpu->held_excp;
            cpu->target->do_exception(cpu);
            cpu->excp = EXCP_NONE;
        }
        cpu->exception_held = false;
    }
    cpu->stop_reason = STOP_NONE;
    cpu->singlestep = step;
    cpu->debug_stopped = false;
    /* The stop's exit request has done its job; left set, it would end the
     * CPU's next run before its first instruction. */
    __atomic_store_n(&cpu->exit_request, 0, __ATOMIC_SEQ_CST);
}

bool debug_cpu_stopped(const struct cpu *cpu)
{
    return cpu->debug_stopped;
}

bool debug_intercept_exception(struct cpu *cpu, int signal)
{
    if (!debug_attached() || cpu->exception_held)
        return false;
    if (signal != GDB_SIGTRAP && !cpu->cluster->stop_on_exception)
        return false;
    cpu->exception_held = true;
    cpu->held_excp = cpu->excp;
    cpu->stop_reason = STOP_SIGNAL;
    cpu->stop_signal = signal;
    return true;
}

/* ---- stop events ------------------------------------------------------- */

void debug_report_cpu(struct cpu *cpu)
{
    struct stop_event ev = {
        .cpu = cpu,
        .reason = (enum stop_reason)cpu->stop_reason,
        .signal = cpu->stop_signal ? cpu->stop_signal : GDB_SIGTRAP,
        .bp = (enum bp_kind)cpu->stop_kind,
        .wp = (enum wp_kind)cpu->stop_kind,
        .addr = cpu->stop_addr,
    };
    cpu->debug_stopped = true;
    cpu->singlestep = false;
    if (listener.stopped)
        listener.stopped(listener.opaque, &ev);
}

void debug_report_exit(struct machine *m, int code)
{
    struct stop_event ev = {.reason = STOP_EXITED, .exit_code = code};
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++)
            debug_cpu_stop(m->clusters[i]->cpus[j]);
    if (listener.stopped)
        listener.stopped(listener.opaque, &ev);
}
