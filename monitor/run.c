/* SPDX-License-Identifier: MIT */
/*
 * Run-control commands: info cpus, stop/halt, cont/continue, the resets,
 * quit and cpu-power. They control CPUs only through the engine's
 * run-control API, whose observers (the gdb stub) follow, so gdb's idea of
 * which CPUs are stopped stays right.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "engine/machine/debug.h"
#include "monitor/internals.h"

static const char *cpu_state_name(const struct cpu *cpu)
{
    if (cpu->state == CPU_OFF)
        return "powered off";
    if (debug_cpu_stopped(cpu))
        return "stopped by debugger";
    return cpu->state == CPU_WAITING ? "waiting (wfi)" : "running";
}

int mon_cmd_info_cpus(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    for (unsigned i = 0; i < ctx->m->nclusters; i++) {
        const struct cluster *c = ctx->m->clusters[i];
        for (unsigned j = 0; j < c->ncpus; j++) {
            const struct cpu *cpu = c->cpus[j];
            monitor_printf(ctx->out, "%c p%u.%u %s: %s, pc=0x%0*" PRIx64 ", icount=%" PRIu64 "\n",
                           c == ctx->cluster ? '*' : ' ', c->index + 1, cpu->index + 1,
                           mon_path(&cpu->obj, path), cpu_state_name(cpu), mon_addr_digits(c),
                           cpu->target->get_pc(cpu), cpu->icount);
        }
    }
    if (!ctx->m->nclusters)
        monitor_printf(ctx->out, "the board has no CPUs\n");
    return 0;
}

int mon_cmd_stop(struct monitor_ctx *ctx)
{
    debug_hold(ctx->m, NULL);
    return 0;
}

int mon_cmd_cont(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    debug_release(ctx->m);
    for (unsigned i = 0; i < ctx->m->nclusters; i++)
        for (unsigned j = 0; j < ctx->m->clusters[i]->ncpus; j++) {
            const struct cpu *cpu = ctx->m->clusters[i]->cpus[j];
            if (cpu->state == CPU_OFF)
                monitor_printf(ctx->out, "note: %s is powered off (cpu-power %s on starts it)\n",
                               mon_path(&cpu->obj, path), path);
        }
    return 0;
}

/* The cluster a reset acts on: the argument, else the current one. */
static struct cluster *reset_cluster(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    if (!ctx->argc) {
        if (!ctx->cluster)
            mon_error(ctx, -ENOENT, "the board has no cluster");
        return ctx->cluster;
    }
    struct object *obj = mon_lookup_object(ctx, ctx->argv[0]);
    if (obj && !object_is(obj, "cluster")) {
        mon_error(ctx, -EINVAL, "%s is a %s, not a cluster", mon_path(obj, path), obj->type->name);
        return NULL;
    }
    return (struct cluster *)obj;
}

int mon_cmd_reset(struct monitor_ctx *ctx)
{
    struct cluster *c = reset_cluster(ctx);
    if (!c)
        return -EINVAL;
    cluster_reset(c);
    return 0;
}

/* Hold first so no instruction runs between the reset and the hold. An
 * attached gdb, told of the hold, stops every CPU: its all-stop view stays
 * true. */
int mon_cmd_reset_halt(struct monitor_ctx *ctx)
{
    struct cluster *c = reset_cluster(ctx);
    if (!c)
        return -EINVAL;
    debug_hold(ctx->m, c);
    cluster_reset(c);
    return 0;
}

int mon_cmd_reset_all(struct monitor_ctx *ctx)
{
    if (!ctx->m->restart) {
        machine_reset(ctx->m);
        return 0;
    }
    int err = ctx->m->restart(ctx->m);
    return err ? mon_error(ctx, err, "the board did not restart (%s)", strerror(-err)) : 0;
}

int mon_cmd_quit(struct monitor_ctx *ctx)
{
    ctx->m->quit = true;
    if (current_cpu)
        cpu_exit(current_cpu);
    return 0;
}

int mon_cmd_cpu_power(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    struct object *obj = mon_lookup_object(ctx, ctx->argv[0]);
    struct cpu *cpu = (struct cpu *)obj;
    bool on = !strcmp(ctx->argv[1], "on");
    gaddr pc = 0;
    if (!obj)
        return -ENOENT;
    if (!object_is(obj, "cpu"))
        return mon_error(ctx, -EINVAL, "%s is a %s, not a CPU", mon_path(obj, path),
                         obj->type->name);
    if (!on && (strcmp(ctx->argv[1], "off") || ctx->argc > 2))
        return mon_usage(ctx, "cpu-power CPU on [PC] | off");
    if (ctx->argc > 2 && mon_parse_address(ctx, cpu->cluster, ctx->argv[2], &pc))
        return -EINVAL;
    if (on)
        cpu_power_on(cpu, ctx->argc > 2, pc);
    else
        cpu_power_off(cpu);
    return 0;
}
