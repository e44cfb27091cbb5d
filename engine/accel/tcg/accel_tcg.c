/* SPDX-License-Identifier: MIT */
/*
 * TCG behind the accelerator seam: its state per machine (struct
 * tcg_machine: code pages, TBs waiting to be freed), per cluster (the TB
 * cache) and per vCPU (struct tcg_vcpu: software TLB, jump cache), and
 * what run control asks of it. Breakpoints are built into translation, so
 * inserting or removing one invalidates the TBs covering its address;
 * watchpoints make the watched pages skip the TLB. TCG executes on struct
 * cpu itself on the scheduler's thread: no register sync, no kick (the
 * exit request is checked between TBs), and single-stepping is read from
 * cpu->singlestep when the next TB is looked up.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/accel/tcg/internals.h"
#include "engine/machine/debug.h"

static void *tcg_machine_init(struct machine *m)
{
    struct tcg_machine *tm = calloc(1, sizeof(*tm));
    if (tm)
        tm->m = m;
    return tm;
}

static void tcg_machine_destroy(struct machine *m, void *state)
{
    struct tcg_machine *tm = state;
    (void)m;
    tb_reclaim(tm);
    tb_pages_free(tm);
    free(tm);
}

static int tcg_cluster_init(struct cluster *c)
{
    struct tcg_machine *tm = accel_machine_state(c->machine, &accel_tcg_ops);
    c->accel_state = tm ? tb_cache_new(tm) : NULL;
    return c->accel_state ? 0 : -ENOMEM;
}

static void tcg_cluster_destroy(struct cluster *c)
{
    tb_cache_free(c->accel_state);
    c->accel_state = NULL;
}

static int tcg_vcpu_create(struct cpu *cpu)
{
    struct tcg_vcpu *v = calloc(1, sizeof(*v));
    if (!v)
        return -ENOMEM;
    v->cpu = cpu;
    v->tbs = cpu->cluster->accel_state;
    cpu->accel_state = v;
    tlb_flush(v);
    return 0;
}

static void tcg_vcpu_destroy(struct cpu *cpu)
{
    free(cpu->accel_state);
    cpu->accel_state = NULL;
}

static void tcg_vcpu_reset(struct cpu *cpu)
{
    struct tcg_vcpu *v = tcg_vcpu(cpu);
    tlb_flush(v);
    memset(v->jmp_cache, 0, sizeof(v->jmp_cache));
}

static int tcg_bp_insert(struct cluster *c, const struct debug_point *p)
{
    tb_invalidate_pc(c->accel_state, p->addr);
    return 0;
}

/* Another breakpoint at the same address keeps the TBs ending there. */
static int tcg_bp_remove(struct cluster *c, const struct debug_point *p)
{
    if (!debug_bp_at(c, p->addr))
        tb_invalidate_pc(c->accel_state, p->addr);
    return 0;
}

/* Refilled entries of watched pages take the slow path (tlb_fill). */
static int tcg_wp_changed(struct cluster *c, const struct debug_point *p)
{
    (void)p;
    for (unsigned i = 0; i < c->ncpus; i++)
        tlb_flush(tcg_vcpu(c->cpus[i]));
    return 0;
}

static void tcg_memory_changed(struct machine *m, void *state, struct mem_region *r,
                               uint64_t offset, uint64_t len)
{
    (void)m;
    tb_code_write(state, r, offset, len);
}

static void tcg_quiescent(struct machine *m, void *state)
{
    (void)m;
    tb_reclaim(state);
}

const struct accel_ops accel_tcg_ops = {
    .name = ACCEL_TCG_NAME,
    .machine_init = tcg_machine_init,
    .machine_destroy = tcg_machine_destroy,
    .cluster_init = tcg_cluster_init,
    .cluster_destroy = tcg_cluster_destroy,
    .vcpu_create = tcg_vcpu_create,
    .vcpu_destroy = tcg_vcpu_destroy,
    .vcpu_reset = tcg_vcpu_reset,
    .vcpu_run = tcg_exec,
    .bp_insert = tcg_bp_insert,
    .bp_remove = tcg_bp_remove,
    .wp_insert = tcg_wp_changed,
    .wp_remove = tcg_wp_changed,
    .memory_changed = tcg_memory_changed,
    .quiescent = tcg_quiescent,
};
