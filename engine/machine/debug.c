/* SPDX-License-Identifier: MIT */
/*
 * Debugger run control (see debug.h): breakpoint and watchpoint lists per
 * cluster, held CPUs, single-step, intercepted guest exceptions, and stop
 * events handed to the machine's observers. What a point or a step means
 * for execution is left to the cluster's accelerator (accel_ops).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "engine/io/log.h"
#include "engine/machine/debug.h"
#include "engine/machine/internals.h"

bool debug_attached(const struct machine *m)
{
    for (unsigned i = 0; m && i < m->nobservers; i++)
        if (m->observers[i]->stopped && !m->observers[i]->onlooker)
            return true;
    return false;
}

/* ---- points ------------------------------------------------------------ */

static struct debug_point *point_add(struct debug_point **arr, unsigned *n, gaddr addr,
                                     uint64_t len, int kind, bool *added)
{
    *added = false;
    for (unsigned i = 0; i < *n; i++)
        if ((*arr)[i].addr == addr && (*arr)[i].len == len && (*arr)[i].kind == kind)
            return &(*arr)[i]; /* gdb may insert the same point twice */
    struct debug_point *p = realloc(*arr, (*n + 1) * sizeof(*p));
    if (!p)
        return NULL;
    *arr = p;
    p[*n] = (struct debug_point){addr, len, kind};
    *added = true;
    return &p[(*n)++];
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

/* Add a point and let the accelerator act on it; a refusal takes it out
 * again. */
static int point_insert(struct cluster *c, struct debug_point **arr, unsigned *n,
                        const struct debug_point *want,
                        int (*hook)(struct cluster *c, const struct debug_point *p))
{
    bool added;
    struct debug_point *p = point_add(arr, n, want->addr, want->len, want->kind, &added);
    if (!p)
        return -ENOMEM;
    int err = added && c->accel && hook ? hook(c, p) : 0;
    if (err)
        point_del(*arr, n, want->addr, want->len, want->kind);
    return err;
}

static int point_remove(struct cluster *c, struct debug_point *arr, unsigned *n,
                        const struct debug_point *gone,
                        int (*hook)(struct cluster *c, const struct debug_point *p))
{
    int err = point_del(arr, n, gone->addr, gone->len, gone->kind);
    if (!err && c->accel && hook)
        err = hook(c, gone);
    return err;
}

int debug_bp_insert(struct cluster *c, enum bp_kind kind, gaddr addr)
{
    const struct debug_point p = {addr, 1, kind};
    return point_insert(c, &c->bps, &c->nbps, &p, c->accel ? c->accel->bp_insert : NULL);
}

int debug_bp_remove(struct cluster *c, enum bp_kind kind, gaddr addr)
{
    const struct debug_point p = {addr, 1, kind};
    return point_remove(c, c->bps, &c->nbps, &p, c->accel ? c->accel->bp_remove : NULL);
}

int debug_wp_insert(struct cluster *c, enum wp_kind kind, gaddr addr, uint64_t len)
{
    if (!len || len > DEBUG_WP_LEN_MAX || addr + len - 1 < addr)
        return -EINVAL;
    const struct debug_point p = {addr, len, kind};
    return point_insert(c, &c->wps, &c->nwps, &p, c->accel ? c->accel->wp_insert : NULL);
}

int debug_wp_remove(struct cluster *c, enum wp_kind kind, gaddr addr, uint64_t len)
{
    const struct debug_point p = {addr, len, kind};
    return point_remove(c, c->wps, &c->nwps, &p, c->accel ? c->accel->wp_remove : NULL);
}

/* Every point goes; the accelerator hears of each after the lists are
 * empty. */
void debug_clear_all(struct cluster *c)
{
    struct debug_point *bps = c->bps, *wps = c->wps;
    unsigned nbps = c->nbps, nwps = c->nwps;
    c->bps = c->wps = NULL;
    c->nbps = c->nwps = 0;
    for (unsigned i = 0; c->accel && c->accel->bp_remove && i < nbps; i++)
        c->accel->bp_remove(c, &bps[i]);
    for (unsigned i = 0; c->accel && c->accel->wp_remove && i < nwps; i++)
        c->accel->wp_remove(c, &wps[i]);
    free(bps);
    free(wps);
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

const struct debug_point *debug_wp_hit(const struct cluster *c, gaddr addr, unsigned size,
                                       bool write)
{
    for (unsigned i = 0; i < c->nwps; i++) {
        const struct debug_point *w = &c->wps[i];
        if (!(w->kind & (write ? WP_WRITE : WP_READ)))
            continue;
        if (w->addr > addr + size - 1 || addr > w->addr + w->len - 1)
            continue;
        return w;
    }
    return NULL;
}

/* ---- CPUs -------------------------------------------------------------- */

static void set_singlestep(struct cpu *cpu, bool on)
{
    cpu->singlestep = on;
    if (cpu->accel && cpu->accel->set_singlestep)
        cpu->accel->set_singlestep(cpu, on);
}

void debug_cpu_stop(struct cpu *cpu)
{
    cpu->debug_stopped = true;
    set_singlestep(cpu, false);
    cpu_exit(cpu);
}

void debug_cpu_resume(struct cpu *cpu, bool step, int signal)
{
    if (cpu->exception_held) {
        /* Still marked held while it is delivered, so the target's
         * do_exception does not offer it to the debugger again. */
        if (signal) {
            accel_regs_get(cpu);
            cpu->excp = cpu->held_excp;
            cpu->target->do_exception(cpu);
            cpu->excp = EXCP_NONE;
            accel_regs_put(cpu);
        }
        cpu->exception_held = false;
    }
    cpu->stop_reason = STOP_NONE;
    set_singlestep(cpu, step);
    cpu->debug_stopped = false;
    /* The stop's exit request has done its job; left set, it would end the
     * CPU's next run before its first instruction. */
    __atomic_store_n(&cpu->exit_request, 0, __ATOMIC_SEQ_CST);
}

bool debug_cpu_stopped(const struct cpu *cpu)
{
    return cpu->debug_stopped;
}

void debug_hold(struct machine *m, struct cluster *c)
{
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; (!c || m->clusters[i] == c) && j < m->clusters[i]->ncpus; j++)
            debug_cpu_stop(m->clusters[i]->cpus[j]);
    machine_notify_held(m, c);
}

void debug_release(struct machine *m)
{
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++)
            if (debug_cpu_stopped(m->clusters[i]->cpus[j]))
                debug_cpu_resume(m->clusters[i]->cpus[j], false, 0);
    machine_notify_released(m);
}

/* The same fault at the same pc with no instruction retired since the
 * last one: counted, true at the MACHINE_FAULT_STORM-th in a row. */
static bool fault_storm(struct cpu *cpu)
{
    gaddr pc = cpu->target->get_pc(cpu);
    if (cpu->storm_count && cpu->excp == cpu->storm_excp && pc == cpu->storm_pc &&
        cpu->icount == cpu->storm_icount)
        return ++cpu->storm_count >= MACHINE_FAULT_STORM;
    cpu->storm_excp = cpu->excp;
    cpu->storm_pc = pc;
    cpu->storm_icount = cpu->icount;
    cpu->storm_count = 1;
    return false;
}

static const char *signal_name(int signal)
{
    switch (signal) {
    case GDB_SIGILL: return "SIGILL";
    case GDB_SIGTRAP: return "SIGTRAP";
    case GDB_SIGBUS: return "SIGBUS";
    case GDB_SIGSEGV: return "SIGSEGV";
    default: return "a signal";
    }
}

/* Reported once. With a debugger the CPU stops with @signal before the
 * handler, as with stop-on-exception; without one the run ends with
 * MACHINE_FAULT_STORM_EXIT, the CPU left at the faulting instruction. */
static void stop_fault_storm(struct cpu *cpu, int signal)
{
    struct machine *m = cpu->cluster->machine;
    log_error("%s: fault storm: exception %d (%s) at pc 0x%08" PRIx64 " %u times in a row "
              "with no instruction retired; %s",
              cpu->path, cpu->excp, signal_name(signal), (uint64_t)cpu->storm_pc, cpu->storm_count,
              debug_attached(m) ? "stopping for the debugger" : "ending the run");
    cpu->storm_count = 0;
    if (debug_attached(m)) {
        cpu->exception_held = true;
        cpu->held_excp = cpu->excp;
        cpu->stop_reason = STOP_SIGNAL;
        cpu->stop_signal = signal;
        return;
    }
    m->stop_status = MACHINE_FAULT_STORM_EXIT;
    cpu_exit(cpu);
}

bool debug_intercept_exception(struct cpu *cpu, int signal)
{
    if (cpu->exception_held)
        return false;
    if (fault_storm(cpu)) {
        stop_fault_storm(cpu, signal);
        return true;
    }
    if (!debug_attached(cpu->cluster->machine))
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
    set_singlestep(cpu, false);
    machine_notify_stopped(cpu->cluster->machine, &ev);
}

void debug_report_exit(struct machine *m, int code)
{
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++)
            debug_cpu_stop(m->clusters[i]->cpus[j]);
    machine_notify_exited(m, code);
}
