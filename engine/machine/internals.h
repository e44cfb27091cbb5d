/* SPDX-License-Identifier: MIT */
/*
 * Private declarations of the machine room (machine.c, cluster.c, cpu.c,
 * target.c, sched.c, debug.c) and the sysbus types. Accelerators are
 * reached only through engine/accel/accel.h.
 */
#ifndef MOSAIC_MACHINE_INTERNALS_H
#define MOSAIC_MACHINE_INTERNALS_H

#include <stddef.h>

#include "engine/accel/accel.h"
#include "engine/machine/cluster.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "engine/machine/target.h"

/* Lists for error messages (target.c). */
void target_list_arches(char *buf, size_t len);
void target_list_models(const struct target_ops *t, char *buf, size_t len);

/* Realize a cluster, then its CPUs and other children (cluster.c). */
int cluster_realize_all(struct cluster *c);

/* The machine's list of every CPU (machine.c): 0 or -ENOMEM. */
int machine_add_cpu(struct machine *m, struct cpu *cpu);
void machine_remove_cpu(struct machine *m, struct cpu *cpu);

/* Tell every observer of @m (see struct machine_observer). */
void machine_notify_stopped(struct machine *m, const struct stop_event *ev);
void machine_notify_held(struct machine *m, struct cluster *c);
void machine_notify_released(struct machine *m);
void machine_notify_reset(struct machine *m, struct cluster *c);
void machine_notify_exited(struct machine *m, int code);

#endif
