/* SPDX-License-Identifier: MIT */
/*
 * The accelerator seam: how the CPUs of a cluster execute. A cluster's
 * "accel" property names a registered accelerator; the machine room
 * (cluster and CPU life cycle, the scheduler, debugger run control) and
 * the gdb stub reach execution only through this table, so that KVM and a
 * threaded TCG plug in without touching engine/machine/debug.c or
 * gdbstub/. TCG (engine/accel/tcg/) is the built-in accelerator.
 *
 * An accelerator keeps state at three levels, each behind an opaque
 * pointer it owns: per machine (TCG: the code-page index, TBs waiting to
 * be freed), per cluster (cluster->accel_state; TCG: the TB cache) and
 * per vCPU (cpu->accel_state; TCG: the software TLB and jump cache).
 * Optional hooks may be NULL when an accelerator has nothing to do.
 */
#ifndef MOSAIC_ACCEL_H
#define MOSAIC_ACCEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/memory/memory.h"

struct cpu;
struct cluster;
struct machine;
struct debug_point;

/* Accelerators one process may register (the built-in TCG included). */
#define ACCEL_MAX 4

struct accel_ops {
    const char *name; /* the cluster property's value: "tcg" */

    /* Per machine: created when the first cluster using the accelerator
     * is realized, destroyed with the machine (after its clusters). */
    void *(*machine_init)(struct machine *m);
    void (*machine_destroy)(struct machine *m, void *state);
    /* Per cluster, when it is realized (before its CPUs): 0 or -errno. */
    int (*cluster_init)(struct cluster *c);
    void (*cluster_destroy)(struct cluster *c);

    /* Per vCPU, when it is realized (after the target's cpu_init). */
    int (*vcpu_create)(struct cpu *cpu);
    void (*vcpu_destroy)(struct cpu *cpu);
    /* The architectural state was reset or rebooted: drop what was
     * derived from the old one (TCG: TLB, jump cache). */
    void (*vcpu_reset)(struct cpu *cpu);
    /*
     * Execute @cpu until it has used cpu->budget instructions, waits for
     * an interrupt, stops for the debugger or is asked to leave; retired
     * instructions are added to cpu->icount and taken from cpu->budget.
     * Returns EXCP_YIELD, EXCP_HALTED, EXCP_INTERRUPT, or EXCP_DEBUG with
     * cpu->stop_* describing the stop.
     */
    int (*vcpu_run)(struct cpu *cpu);
    /* Optional: make a running vCPU return from vcpu_run soon (any
     * thread). cpu_exit() has set cpu->exit_request already. */
    void (*vcpu_kick)(struct cpu *cpu);
    /* Optional: bring the registers in struct cpu up to date from the
     * accelerator (before the debugger reads them), and back (after it
     * wrote them). TCG executes on struct cpu itself. */
    void (*regs_get)(struct cpu *cpu);
    void (*regs_put)(struct cpu *cpu);

    /* Debug: @p was just added to / removed from the cluster's list (the
     * lists are already updated when the hook runs). 0 or -errno; an
     * insert that fails is taken out of the list again. */
    int (*bp_insert)(struct cluster *c, const struct debug_point *p);
    int (*bp_remove)(struct cluster *c, const struct debug_point *p);
    int (*wp_insert)(struct cluster *c, const struct debug_point *p);
    int (*wp_remove)(struct cluster *c, const struct debug_point *p);
    /* Optional: the debugger turned single-stepping of @cpu on or off
     * (cpu->singlestep already says which). */
    void (*set_singlestep)(struct cpu *cpu, bool on);

    /* Optional: guest RAM on a page marked as code (mem_region_mark_code)
     * changed behind the vCPUs' backs: a store from another CPU, a loader,
     * the debugger, a device. */
    void (*memory_changed)(struct machine *m, void *state, struct mem_region *r, uint64_t offset,
                           uint64_t len);
    /* Optional: no vCPU of @m is executing guest code (between scheduler
     * rounds): a safe point to free what a vCPU might still have used. */
    void (*quiescent)(struct machine *m, void *state);
};

/* The built-in translator accelerator (engine/accel/tcg/). */
#define ACCEL_TCG_NAME "tcg"
extern const struct accel_ops accel_tcg_ops;

/* Names of the registered accelerators, NULL-terminated: the choices of a
 * cluster's "accel" property, in registration order ("tcg" first). */
extern const char *accel_names[ACCEL_MAX + 1];

/* Register an accelerator (KVM, ...): 0, -EEXIST or -ENOSPC. */
int accel_register(const struct accel_ops *ops);
/* The accelerator registered as @index (the property's value), or NULL. */
const struct accel_ops *accel_at(int index);
const struct accel_ops *accel_find(const char *name);
/* "tcg, kvm" for error messages. */
void accel_list(char *buf, size_t len);

/* The per-machine state of @ops in @m, created on first use (an
 * accelerator's cluster_init asks for it); NULL when machine_init failed
 * or the accelerator keeps none. */
void *accel_machine_state(struct machine *m, const struct accel_ops *ops);
/* Destroy every accelerator's per-machine state (machine finalize). */
void accel_machine_release(struct machine *m);
/* Every accelerator of @m reaches a safe point (the scheduler, per round). */
void accel_machine_quiescent(struct machine *m);
/* The callback of a machine's code_watcher: passes a write to guest code
 * to every accelerator of the machine (memory_changed). */
void accel_code_written(struct mem_code_watcher *w, struct mem_region *r, uint64_t offset,
                        uint64_t len);

/* Run @cpu for up to cpu->budget instructions on its accelerator; see
 * accel_ops.vcpu_run. */
int accel_cpu_run(struct cpu *cpu);
/* Register sync around debugger accesses (no-ops for TCG). */
void accel_regs_get(struct cpu *cpu);
void accel_regs_put(struct cpu *cpu);

#endif
