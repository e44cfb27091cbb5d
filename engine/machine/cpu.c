/* SPDX-License-Identifier: MIT */
/*
 * The "cpu" object type: per-CPU properties (image, reset-pc,
 * start-powered-off), reset and power control, and the list of every CPU
 * for cross-CPU maintenance (TLB write protection, jump caches).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "engine/accel/tcg/internals.h"
#include "engine/io/diag.h"

struct cpu **cpu_list;
unsigned cpu_count;
static unsigned cpu_cap;

void cpu_list_add(struct cpu *cpu)
{
    if (cpu_count == cpu_cap) {
        unsigned ncap = cpu_cap ? cpu_cap * 2 : 8;
        struct cpu **l = realloc(cpu_list, ncap * sizeof(*l));
        if (!l)
            abort(); /* a few pointers: failing here means the host is out of memory */
        cpu_list = l;
        cpu_cap = ncap;
    }
    cpu_list[cpu_count++] = cpu;
}

void cpu_list_remove(struct cpu *cpu)
{
    for (unsigned i = 0; i < cpu_count; i++)
        if (cpu_list[i] == cpu) {
            cpu_list[i] = cpu_list[--cpu_count];
            return;
        }
}

void cpu_list_forget_tb(const struct tb *tb, unsigned hash)
{
    for (unsigned i = 0; i < cpu_count; i++)
        if (cpu_list[i]->jmp_cache[hash] == tb)
            cpu_list[i]->jmp_cache[hash] = NULL;
}

static int parse_pc(const struct cpu *cpu, const char *text, gaddr *pc, const struct diag *d)
{
    uint64_t v;
    if (parse_u64(text, &v, false)) {
        diag_error(d, "%s: reset-pc '%s' is not an address", cpu->path, text);
        return -EINVAL;
    }
    *pc = v;
    return 0;
}

/* The pc a reset starts at: the CPU's reset-pc, the cluster's, or the entry. */
static gaddr reset_pc_of(const struct cpu *cpu)
{
    gaddr pc = cpu->entry;
    if (cpu->reset_pc && *cpu->reset_pc)
        parse_pc(cpu, cpu->reset_pc, &pc, NULL);
    else if (cpu->cluster->reset_pc && *cpu->cluster->reset_pc)
        parse_pc(cpu, cpu->cluster->reset_pc, &pc, NULL);
    return pc;
}

static bool has_reset_pc(const struct cpu *cpu)
{
    return (cpu->reset_pc && *cpu->reset_pc) ||
           (cpu->cluster->reset_pc && *cpu->cluster->reset_pc);
}

void cpu_reset(struct cpu *cpu)
{
    cpu->target->cpu_reset(cpu);
    if (!cpu->target->arch_reset_pc || has_reset_pc(cpu))
        cpu->target->set_pc(cpu, reset_pc_of(cpu));
    cpu->state = (cpu->start_powered_off || cpu->cluster->start_powered_off) ? CPU_OFF
                                                                             : CPU_RUNNABLE;
    cpu->exit_request = 0;
    cpu->interrupt_pending = 0;
    cpu->excp = EXCP_NONE;
    tlb_flush(cpu);
    memset(cpu->jmp_cache, 0, sizeof(cpu->jmp_cache));
}

void cpu_power_on(struct cpu *cpu, bool set_pc, gaddr pc)
{
    if (set_pc)
        cpu->target->set_pc(cpu, pc);
    cpu->state = CPU_RUNNABLE;
}

void cpu_boot(struct cpu *cpu, gaddr addr)
{
    cpu->target->cpu_reset(cpu);
    if (cpu->target->set_boot_addr)
        cpu->target->set_boot_addr(cpu, addr);
    else
        cpu->target->set_pc(cpu, addr);
    tlb_flush(cpu);
    cpu->state = CPU_RUNNABLE;
    cpu_exit(cpu);
}

void cpu_power_off(struct cpu *cpu)
{
    cpu->state = CPU_OFF;
    cpu_exit(cpu);
}

static int cpu_on_reset_pc(struct object *obj, const struct prop_def *def, const struct diag *d)
{
    struct cpu *cpu = (struct cpu *)obj;
    gaddr pc;
    (void)def;
    return cpu->reset_pc && *cpu->reset_pc ? parse_pc(cpu, cpu->reset_pc, &pc, d) : 0;
}

static int cpu_realize(struct object *obj)
{
    struct cpu *cpu = (struct cpu *)obj;
    struct cluster *c = cpu->cluster;
    cpu->model = c->model_def;
    cpu->view = c->view;
    int err = cpu->target->cpu_init ? cpu->target->cpu_init(cpu, cpu->model) : 0;
    if (err)
        return err;
    tlb_flush(cpu);
    return 0;
}

static void cpu_finalize(struct object *obj)
{
    cpu_list_remove((struct cpu *)obj);
}

static const struct prop_def cpu_props[] = {
    {.name = "image", .type = PROP_PATH, .offset = offsetof(struct cpu, image),
     .help = "image loaded for this CPU only (AMP); FILE or FILE@ADDR for raw binaries",
     .flags = PROP_FIXED_AFTER_REALIZE},
    {.name = "reset-pc", .type = PROP_STRING, .offset = offsetof(struct cpu, reset_pc),
     .help = "address this CPU starts at, overriding the image entry",
     .on_set = cpu_on_reset_pc},
    {.name = "start-powered-off", .type = PROP_BOOL,
     .offset = offsetof(struct cpu, start_powered_off),
     .help = "hold this CPU off at reset until a device or the monitor releases it"},
    {0},
};

const struct object_type cpu_type = {
    .name = "cpu",
    .parent = "object",
    .instance_size = sizeof(struct cpu),
    .help = "a CPU (hardware thread)",
    .props = cpu_props,
    .realize = cpu_realize,
    .finalize = cpu_finalize,
};
