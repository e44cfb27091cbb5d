/* SPDX-License-Identifier: MIT */
/*
 * The target registry: each linked-in architecture registers its
 * target_ops once, and gets an object type "<arch>-cpu" whose instances
 * are its CPU structs (which begin with struct cpu).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/log.h"
#include "engine/machine/internals.h"

#define MAX_TARGETS 8

static const struct target_ops *targets[MAX_TARGETS];
static unsigned ntargets;

int target_register(const struct target_ops *ops)
{
    if (target_find(ops->arch))
        return -EEXIST;
    if (ntargets == MAX_TARGETS)
        return -ENOSPC;
    struct object_type *t = calloc(1, sizeof(*t));
    char *name = malloc(strlen(ops->arch) + 5);
    if (!t || !name) {
        free(t);
        free(name);
        return -ENOMEM;
    }
    sprintf(name, "%s-cpu", ops->arch);
    t->name = name;
    t->parent = "cpu";
    t->instance_size = ops->cpu_size;
    t->help = "a CPU (hardware thread) of a cluster";
    int err = object_type_register(t);
    if (err) {
        free(name);
        free(t);
        return err;
    }
    targets[ntargets++] = ops;
    return 0;
}

const struct target_ops *target_find(const char *arch)
{
    for (unsigned i = 0; i < ntargets; i++)
        if (!strcmp(targets[i]->arch, arch))
            return targets[i];
    return NULL;
}

const struct cpu_model *target_find_model(const struct target_ops *t, const char *name)
{
    for (const struct cpu_model *m = t->models; m->name; m++)
        if (!strcmp(m->name, name))
            return m;
    return NULL;
}

/* "riscv, arm" for error messages. */
void target_list_arches(char *buf, size_t len)
{
    buf[0] = '\0';
    for (unsigned i = 0; i < ntargets; i++)
        snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "", targets[i]->arch);
}

void target_list_models(const struct target_ops *t, char *buf, size_t len)
{
    buf[0] = '\0';
    for (const struct cpu_model *m = t->models; m->name; m++)
        snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", m == t->models ? "" : ", ", m->name);
}
