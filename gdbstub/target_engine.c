/* SPDX-License-Identifier: MIT */
/*
 * The stub's boundary implemented over the engine: clusters and CPUs of a
 * struct machine by index, registers through the cluster's target
 * description, memory through its view, run control through
 * engine/machine/debug.h, events as an observer of the machine, and
 * monitor commands through monitor/monitor.h. Nothing here knows an
 * architecture.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "engine/machine/tdesc.h"
#include "engine/memory/memory.h"
#include "gdbstub/internals.h"
#include "monitor/monitor.h"

static struct cluster *cluster_at(void *t, unsigned cl)
{
    return ((struct machine *)t)->clusters[cl];
}

static struct cpu *cpu_at(void *t, unsigned cl, unsigned cpu)
{
    return cluster_at(t, cl)->cpus[cpu];
}

static unsigned eng_nclusters(void *t)
{
    return ((struct machine *)t)->nclusters;
}

static unsigned eng_ncpus(void *t, unsigned cl)
{
    return cluster_at(t, cl)->ncpus;
}

static void eng_thread_name(void *t, unsigned cl, unsigned cpu, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s", cluster_at(t, cl)->obj.name, cpu_at(t, cl, cpu)->obj.name);
}

static bool eng_cpu_off(void *t, unsigned cl, unsigned cpu)
{
    return cpu_at(t, cl, cpu)->state == CPU_OFF;
}

static const struct tdesc *eng_tdesc(void *t, unsigned cl)
{
    return cluster_at(t, cl)->tdesc;
}

static const char *eng_exec_file(void *t, unsigned cl)
{
    return cluster_at(t, cl)->exec_file;
}

static bool eng_mem_range(void *t, unsigned cl, unsigned i, struct gdb_mem_range *r)
{
    const struct mem_view *v = cluster_at(t, cl)->view;
    if (!v || i >= v->nmaps)
        return false;
    r->base = v->maps[i].base;
    r->size = v->maps[i].size;
    r->rom = v->maps[i].region->kind == MEM_ROM;
    return true;
}

/* A register the description names but the buffer cannot hold is refused
 * before the accessor writes past it. */
static bool reg_fits(const struct tdesc *td, unsigned regnum, size_t len)
{
    return td && regnum < td->nregs && (td->regs[regnum].bitsize + 7) / 8 <= len;
}

static int eng_reg_read(void *t, unsigned cl, unsigned cpu, unsigned regnum, uint8_t *buf,
                        size_t len)
{
    const struct tdesc *td = cluster_at(t, cl)->tdesc;
    if (!reg_fits(td, regnum, len))
        return -1;
    return tdesc_reg_read(td, cpu_at(t, cl, cpu), regnum, buf);
}

static int eng_reg_write(void *t, unsigned cl, unsigned cpu, unsigned regnum, const uint8_t *buf,
                         size_t len)
{
    const struct tdesc *td = cluster_at(t, cl)->tdesc;
    if (!reg_fits(td, regnum, len))
        return -1;
    return tdesc_reg_write(td, cpu_at(t, cl, cpu), regnum, buf);
}

static int eng_mem_read(void *t, unsigned cl, uint64_t addr, uint8_t *buf, size_t len, size_t *done)
{
    *done = 0;
    return mem_view_read_buf(cluster_at(t, cl)->view, addr, buf, len, 0, done) ? -1 : 0;
}

/* As a debugger, gdb may write ROM (MEM_F_LOAD), like a loader. */
static int eng_mem_write(void *t, unsigned cl, uint64_t addr, const uint8_t *buf, size_t len)
{
    return mem_view_write_buf(cluster_at(t, cl)->view, addr, buf, len, MEM_F_LOAD, NULL) ? -1 : 0;
}

static int eng_bp_insert(void *t, unsigned cl, enum bp_kind kind, uint64_t addr)
{
    return debug_bp_insert(cluster_at(t, cl), kind, addr);
}

static int eng_bp_remove(void *t, unsigned cl, enum bp_kind kind, uint64_t addr)
{
    return debug_bp_remove(cluster_at(t, cl), kind, addr);
}

static int eng_wp_insert(void *t, unsigned cl, enum wp_kind kind, uint64_t addr, uint64_t len)
{
    return debug_wp_insert(cluster_at(t, cl), kind, addr, len);
}

static int eng_wp_remove(void *t, unsigned cl, enum wp_kind kind, uint64_t addr, uint64_t len)
{
    return debug_wp_remove(cluster_at(t, cl), kind, addr, len);
}

static bool eng_bp_kind_valid(void *t, unsigned cl, uint64_t kind)
{
    uint32_t kinds = cluster_at(t, cl)->target->bp_kinds;
    return !kinds || (kind < 32 && (kinds >> kind & 1));
}

static void eng_clear_points(void *t, unsigned cl)
{
    struct cluster *c = cluster_at(t, cl);
    if (c->nbps || c->nwps) /* clearing flushes the cluster's translations */
        debug_clear_all(c);
}

static void eng_cpu_stop(void *t, unsigned cl, unsigned cpu)
{
    debug_cpu_stop(cpu_at(t, cl, cpu));
}

static void eng_cpu_resume(void *t, unsigned cl, unsigned cpu, bool step, int signal)
{
    debug_cpu_resume(cpu_at(t, cl, cpu), step, signal);
}

static bool eng_cpu_stopped(void *t, unsigned cl, unsigned cpu)
{
    return debug_cpu_stopped(cpu_at(t, cl, cpu));
}

static void eng_cluster_reset(void *t, unsigned cl)
{
    cluster_reset(cluster_at(t, cl));
}

static int eng_restart(void *t)
{
    struct machine *m = t;
    if (m->restart)
        return m->restart(m);
    machine_reset(m);
    return 0;
}

static int eng_monitor(void *t, unsigned cl, const char *line, const struct monitor_out *out)
{
    struct machine *m = t;
    return monitor_exec(m, cl < m->nclusters ? m->clusters[cl] : NULL, line, out);
}

/* ---- events ------------------------------------------------------------ */

/* One subscription: the stub's callbacks behind an observer of the
 * machine, so every listener of every machine has its own. */
struct eng_sub {
    struct machine_observer obs;
    struct gdb_target_events ev;
    struct machine *m;
};

static void eng_tell(struct eng_sub *s, const struct gdb_stop *g)
{
    if (s->ev.stopped)
        s->ev.stopped(s->ev.opaque, g);
}

static void eng_stopped(void *opaque, const struct stop_event *ev)
{
    struct gdb_stop g = {
        .cl = ev->cpu->cluster->index,
        .cpu = ev->cpu->index,
        .reason = ev->reason,
        .signal = ev->signal,
        .bp = ev->bp,
        .wp = ev->wp,
        .addr = ev->addr,
    };
    eng_tell(opaque, &g);
}

static void eng_exited(void *opaque, int code)
{
    const struct gdb_stop g = {.reason = STOP_EXITED, .exit_code = code};
    eng_tell(opaque, &g);
}

static void eng_held(void *opaque, struct cluster *c)
{
    struct eng_sub *s = opaque;
    (void)c;
    if (s->ev.held)
        s->ev.held(s->ev.opaque);
}

static void *eng_subscribe(void *t, const struct gdb_target_events *ev)
{
    struct eng_sub *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->obs = (struct machine_observer){
        .stopped = eng_stopped,
        .held = eng_held,
        .exited = eng_exited,
        .opaque = s,
    };
    s->ev = *ev;
    s->m = t;
    if (machine_add_observer(s->m, &s->obs)) {
        free(s);
        return NULL;
    }
    return s;
}

static void eng_unsubscribe(void *t, void *sub)
{
    struct eng_sub *s = sub;
    (void)t;
    machine_remove_observer(s->m, &s->obs);
    free(s);
}

const struct gdb_target_ops gdb_target_engine = {
    .nclusters = eng_nclusters,
    .ncpus = eng_ncpus,
    .thread_name = eng_thread_name,
    .cpu_off = eng_cpu_off,
    .tdesc = eng_tdesc,
    .exec_file = eng_exec_file,
    .mem_range = eng_mem_range,
    .reg_read = eng_reg_read,
    .reg_write = eng_reg_write,
    .mem_read = eng_mem_read,
    .mem_write = eng_mem_write,
    .bp_insert = eng_bp_insert,
    .bp_remove = eng_bp_remove,
    .wp_insert = eng_wp_insert,
    .wp_remove = eng_wp_remove,
    .clear_points = eng_clear_points,
    .bp_kind_valid = eng_bp_kind_valid,
    .cpu_stop = eng_cpu_stop,
    .cpu_resume = eng_cpu_resume,
    .cpu_stopped = eng_cpu_stopped,
    .cluster_reset = eng_cluster_reset,
    .restart = eng_restart,
    .monitor = eng_monitor,
    .subscribe = eng_subscribe,
    .unsubscribe = eng_unsubscribe,
};
