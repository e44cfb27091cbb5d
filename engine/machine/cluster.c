/* SPDX-License-Identifier: MIT */
/*
 * The "cluster" object type: CPUs of one architecture and model sharing a
 * view of memory and an accelerator. One cluster is one gdb inferior.
 * Setting "cpus" creates or removes the cpuN children at once, so
 * "/app/cpu1.image" can be set right after "/app.cpus=2" on the same
 * command line. The accelerator comes in at realize, when "accel" can no
 * longer change.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/diag.h"
#include "engine/io/log.h"
#include "engine/machine/internals.h"
#include "engine/machine/tdesc.h"

#define CLUSTER_MAX_CPUS 64

static int cluster_add_cpu(struct cluster *c, unsigned index)
{
    char type[64], name[16];
    snprintf(type, sizeof(type), "%s-cpu", c->target->arch);
    snprintf(name, sizeof(name), "cpu%u", index);
    struct cpu *cpu = (struct cpu *)object_new(type, &c->obj, name);
    if (!cpu)
        return -ENOMEM;
    cpu->target = c->target;
    cpu->cluster = c;
    cpu->index = index;
    object_path(&cpu->obj, cpu->path, sizeof(cpu->path));
    cpu->view = c->view;
    cpu->state = CPU_OFF;
    c->cpus[index] = cpu;
    return c->machine ? machine_add_cpu(c->machine, cpu) : 0;
}

/* Create or remove cpuN children until there are @n. */
static int cluster_sync_cpus(struct cluster *c, unsigned n)
{
    struct cpu **l = realloc(c->cpus, (n > c->ncpus ? n : c->ncpus) * sizeof(*l));
    if (!l)
        return -ENOMEM;
    c->cpus = l;
    while (c->ncpus > n)
        object_unref(&c->cpus[--c->ncpus]->obj);
    while (c->ncpus < n) {
        int err = cluster_add_cpu(c, c->ncpus);
        if (err)
            return err;
        c->ncpus++;
    }
    return 0;
}

static int cluster_on_cpus(struct object *obj, const struct prop_def *def, const struct diag *d)
{
    struct cluster *c = (struct cluster *)obj;
    (void)def, (void)d; /* the definition's bounds hold cpus to 1..CLUSTER_MAX_CPUS */
    return c->target ? cluster_sync_cpus(c, (unsigned)c->cpus_prop) : 0;
}

static int cluster_on_arch(struct object *obj, const struct prop_def *def, const struct diag *d)
{
    struct cluster *c = (struct cluster *)obj;
    char path[256], known[128];
    (void)def;
    const struct target_ops *t = c->arch ? target_find(c->arch) : NULL;
    if (!t) {
        target_list_arches(known, sizeof(known));
        diag_error(d, "%s: unknown architecture '%s' (known: %s)",
                   object_path(obj, path, sizeof(path)), c->arch ? c->arch : "", known);
        return -EINVAL;
    }
    if (c->target && c->target != t) {
        diag_error(d, "%s: the architecture of a cluster cannot change",
                   object_path(obj, path, sizeof(path)));
        return -EINVAL;
    }
    c->target = t;
    return cluster_sync_cpus(c, (unsigned)c->cpus_prop);
}

static int cluster_init(struct object *obj)
{
    struct cluster *c = (struct cluster *)obj;
    c->machine = machine_of(obj);
    c->view = mem_view_new(obj->name);
    return c->view ? 0 : -ENOMEM;
}

/* The accelerator named by "accel" sets up its state for the cluster. */
static int cluster_attach_accel(struct cluster *c)
{
    char path[256], known[128];
    const struct accel_ops *a = accel_at(c->accel_choice);
    if (!a) {
        accel_list(known, sizeof(known));
        log_error("%s.accel: no such accelerator (available: %s)",
                  object_path(&c->obj, path, sizeof(path)), known);
        return -EINVAL;
    }
    if (!c->machine) {
        log_error("%s: a cluster belongs to a machine", object_path(&c->obj, path, sizeof(path)));
        return -EINVAL;
    }
    int err = a->cluster_init ? a->cluster_init(c) : 0;
    if (err) {
        log_error("%s: the %s accelerator cannot run this cluster (%s)",
                  object_path(&c->obj, path, sizeof(path)), a->name, strerror(-err));
        return err;
    }
    c->accel = a;
    return 0;
}

/* The registers gdb sees, from the model's description in xml/. */
static int cluster_load_tdesc(struct cluster *c)
{
    char dir[1024];
    if (!c->model_def->tdesc || !c->target->regs)
        return 0; /* a target without debugger support (test targets) */
    snprintf(dir, sizeof(dir), "%s/xml", data_dir());
    c->tdesc = tdesc_load(dir, c->model_def->tdesc, c->target->regs);
    return c->tdesc ? 0 : -EINVAL;
}

static int cluster_realize(struct object *obj)
{
    struct cluster *c = (struct cluster *)obj;
    char path[256], models[256];
    const char *model = c->model && *c->model ? c->model : c->target->default_model;
    c->model_def = target_find_model(c->target, model);
    if (!c->model_def) {
        target_list_models(c->target, models, sizeof(models));
        log_error("%s.model: unknown %s model '%s' (models: %s)",
                  object_path(obj, path, sizeof(path)), c->target->arch, model, models);
        return -EINVAL;
    }
    int err = cluster_attach_accel(c);
    return err ? err : cluster_load_tdesc(c);
}

/* After its CPUs (children go first). */
static void cluster_finalize(struct object *obj)
{
    struct cluster *c = (struct cluster *)obj;
    if (c->accel && c->accel->cluster_destroy)
        c->accel->cluster_destroy(c);
    tdesc_free(c->tdesc);
    free(c->exec_file);
    free(c->bps);
    free(c->wps);
    mem_view_free(c->view);
    free(c->cpus);
}

/*
 * Realize a cluster before its children (CPUs need its model), then its
 * CPUs, then anything else it holds (private RAM, devices, aliases).
 */
int cluster_realize_all(struct cluster *c)
{
    if (!c->obj.realized) {
        int err = cluster_realize(&c->obj);
        if (err)
            return err;
        c->obj.realized = true;
    }
    for (struct object *o = c->obj.first_child; o; o = o->next_sibling) {
        int err = object_realize_tree(o);
        if (err)
            return err;
    }
    return 0;
}

static const struct prop_def cluster_props[] = {
    {.name = "arch",
     .type = PROP_STRING,
     .offset = offsetof(struct cluster, arch),
     .help = "architecture of the cluster's CPUs (riscv)",
     .on_set = cluster_on_arch,
     .flags = PROP_FIXED_AFTER_REALIZE},
    {.name = "model",
     .type = PROP_STRING,
     .offset = offsetof(struct cluster, model),
     .help = "CPU model, e.g. rv64imac (empty: the architecture's default)",
     .flags = PROP_FIXED_AFTER_REALIZE},
    {.name = "cpus",
     .type = PROP_UINT,
     .offset = offsetof(struct cluster, cpus_prop),
     .defval = "1",
     .min = 1,
     .max = CLUSTER_MAX_CPUS,
     .help = "number of CPUs (hardware threads)",
     .on_set = cluster_on_cpus,
     .flags = PROP_FIXED_AFTER_REALIZE},
    {.name = "accel",
     .type = PROP_ENUM,
     .offset = offsetof(struct cluster, accel_choice),
     .defval = ACCEL_TCG_NAME,
     .enum_names = accel_names,
     .help = "how the CPUs execute: one of the accelerators this build has (tcg: the "
             "translator)",
     .flags = PROP_FIXED_AFTER_REALIZE},
    {.name = "image",
     .type = PROP_PATH,
     .offset = offsetof(struct cluster, image),
     .help = "image loaded into the cluster's view; every CPU starts at its entry (SMP). "
             "FILE or FILE@ADDR for raw binaries",
     .flags = PROP_FIXED_AFTER_REALIZE},
    {.name = "reset-pc",
     .type = PROP_STRING,
     .offset = offsetof(struct cluster, reset_pc),
     .help = "address every CPU starts at, overriding the image entry"},
    {.name = "start-powered-off",
     .type = PROP_BOOL,
     .offset = offsetof(struct cluster, start_powered_off),
     .help = "hold the CPUs off at reset until a device or the monitor releases them"},
    {.name = "stop-on-exception",
     .type = PROP_BOOL,
     .offset = offsetof(struct cluster, stop_on_exception),
     .help = "with a debugger attached, stop on guest exceptions (SIGILL, SIGSEGV, SIGBUS) "
             "before the guest's handler runs"},
    {.name = "semihosting",
     .type = PROP_BOOL,
     .offset = offsetof(struct cluster, semihosting),
     .defval = "on",
     .help = "service guest semihosting calls (console output, exit)"},
    {0},
};

const struct object_type cluster_type = {
    .name = "cluster",
    .parent = "object",
    .instance_size = sizeof(struct cluster),
    .help = "CPUs of one architecture and model sharing a view of memory (a gdb inferior)",
    .props = cluster_props,
    .init = cluster_init,
    .realize = cluster_realize,
    .finalize = cluster_finalize,
};

void cluster_reset(struct cluster *c)
{
    for (unsigned i = 0; i < c->ncpus; i++)
        cpu_reset(c->cpus[i]);
    if (c->machine)
        machine_notify_reset(c->machine, c);
}

struct cluster *cluster_new(struct object *parent, const char *name, const char *arch)
{
    struct cluster *c = (struct cluster *)object_new("cluster", parent, name);
    if (!c)
        return NULL;
    if (object_set_prop_str(&c->obj, "arch", arch, NULL)) {
        object_unref(&c->obj);
        return NULL;
    }
    return c;
}
