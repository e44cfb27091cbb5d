/* SPDX-License-Identifier: MIT */
/*
 * Clusters: CPUs of one architecture and model that share a view of
 * memory and an accelerator. One cluster is one gdb inferior (process id =
 * index + 1). The debugger's breakpoints and watchpoints are kept per
 * cluster (engine/machine/debug.c), so a breakpoint in one cluster never
 * stops another.
 */
#ifndef MOSAIC_CLUSTER_H
#define MOSAIC_CLUSTER_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/machine/cpu.h"
#include "engine/machine/target.h"
#include "engine/memory/memory.h"
#include "engine/object/object.h"

struct machine;
struct tdesc;
struct accel_ops;

/* A breakpoint or watchpoint of a cluster. */
struct debug_point {
    gaddr addr;
    uint64_t len;
    int kind; /* enum bp_kind or enum wp_kind (debug.h) */
};

struct cluster {
    struct object obj;
    const struct target_ops *target;
    const struct cpu_model *model_def;
    struct machine *machine; /* the machine it belongs to */
    unsigned index;          /* gdb process id - 1 */
    struct mem_view *view;
    struct cpu **cpus;
    unsigned ncpus;
    /* The accelerator its CPUs run on and its per-cluster state (from
     * realize; TCG: the translation-block cache). */
    const struct accel_ops *accel;
    void *accel_state;

    /* Properties. */
    char *arch;
    char *model;
    uint64_t cpus_prop; /* "cpus" */
    int accel_choice;   /* "accel": index of a registered accelerator */
    char *image;
    char *reset_pc;
    bool start_powered_off;
    bool semihosting;       /* guest semihosting calls serviced (default on) */
    bool stop_on_exception; /* a debugger sees guest exceptions before the guest */
    struct tdesc *tdesc;    /* registers for the debugger (engine/machine/tdesc.h) */
    struct debug_point *bps, *wps;
    unsigned nbps, nwps;
    char *exec_file; /* absolute path of the image last loaded */
};

/* Create a cluster object of @arch under @parent (the machine). */
struct cluster *cluster_new(struct object *parent, const char *name, const char *arch);

/* Reset every CPU of @c and tell the machine's observers (reset). */
void cluster_reset(struct cluster *c);

#endif
