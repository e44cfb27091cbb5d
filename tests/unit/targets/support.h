/* SPDX-License-Identifier: MIT */
/*
 * What the unit tests of every target share: a machine with one cluster
 * running a small program from RAM through the real engine, and the
 * checks that a target's register accessors and its xml descriptions
 * describe the same registers.
 */
#ifndef MOSAIC_TESTS_TARGET_SUPPORT_H
#define MOSAIC_TESTS_TARGET_SUPPORT_H

#include <stddef.h>

#include "engine/machine/machine.h"
#include "engine/machine/target.h"

struct ram_spec {
    const char *name, *base, *size;
};

/* A realized and reset machine with one cluster @cluster of @ops's @model
 * (reset-pc @reset_pc unless NULL), the RAM regions of @rams (ended by a
 * zero entry), and @prog loaded at @load_at. Fails the test on error. */
struct machine *one_cluster_machine(const struct target_ops *ops, const char *cluster,
                                    const char *model, const char *reset_pc,
                                    const struct ram_spec *rams, gaddr load_at, const void *prog,
                                    size_t size, struct cluster **c);

/* Run @cpu until it stops running code: it waits with nothing to take,
 * or the guest asks to exit. Other exits (end of quantum, a write to code
 * being run) resume. Returns the last accel_cpu_run result. */
int run_until_idle(struct machine *m, struct cpu *cpu);

/* Every register of every model's description has an accessor. */
void expect_every_register_has_an_accessor(const struct target_ops *ops);
/* Every accessor names a register some model's description has. */
void expect_every_accessor_is_described(const struct target_ops *ops);

/* The source tree's xml/ directory. */
const char *xml_dir(void);

#endif
