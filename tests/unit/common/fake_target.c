/* SPDX-License-Identifier: MIT */
/*
 * The fake target (see fake_target.h): one set of operations, registered
 * once per architecture name with that name's models and inputs.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/common/fake_target.h"

unsigned fake_irq_calls;

static const struct cpu_model riscv_models[] = {
    {.name = "rv64imac", .elf_machine = 243, .elf_class = 2},
    {.name = "rv32imac", .elf_machine = 243, .elf_class = 1},
    {0},
};

static const struct cpu_model arm_models[] = {
    {.name = "cortex-m3", .elf_machine = 40, .elf_class = 1},
    {.name = "cortex-m4", .elf_machine = 40, .elf_class = 1},
    {0},
};

static const struct cpu_model fake_models[] = {{.name = "fake32", .elf_class = 1}, {0}};

static struct fake_cpu *fake_of(struct cpu *cpu)
{
    return (struct fake_cpu *)cpu;
}

static void fake_reset(struct cpu *cpu)
{
    fake_of(cpu)->resets++;
}

static void fake_set_pc(struct cpu *cpu, gaddr pc)
{
    fake_of(cpu)->pc = pc;
}

static gaddr fake_get_pc(const struct cpu *cpu)
{
    return ((const struct fake_cpu *)cpu)->pc;
}

static void fake_set_boot_addr(struct cpu *cpu, gaddr addr)
{
    fake_of(cpu)->boot_addr = addr;
}

static void fake_irq_set(void *opaque, int n, int level)
{
    fake_of(opaque)->level[n] = level;
    fake_irq_calls++;
}

/* The RISC-V local interrupt lines. */
static int riscv_line(const char *name, unsigned n)
{
    static const char *const names[] = {"msip", "mtip", "meip"};

    for (int i = 0; i < FAKE_IRQ0; i++)
        if (!strcmp(name, names[i]) && n == 0)
            return i;
    return -1;
}

/* The M-profile NVIC inputs. */
static int arm_line(const char *name, unsigned n)
{
    return !strcmp(name, "irq") && n < FAKE_NIRQ ? FAKE_IRQ((int)n) : -1;
}

static int connect_line(struct cpu *cpu, int line, struct irq_line *out)
{
    if (line < 0)
        return -ENOENT;
    *out = (struct irq_line){.handler = fake_irq_set, .opaque = cpu, .n = line};
    return 0;
}

static int riscv_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out)
{
    return connect_line(cpu, riscv_line(name, n), out);
}

static int arm_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out)
{
    return connect_line(cpu, arm_line(name, n), out);
}

static int any_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out)
{
    int line = riscv_line(name, n);

    return connect_line(cpu, line >= 0 ? line : arm_line(name, n), out);
}

static unsigned fake_disas(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len,
                           char *buf, size_t buflen)
{
    uint32_t w;

    (void)cpu;
    (void)pc;
    if (len < 4)
        return 0;
    w = (uint32_t)code[0] | (uint32_t)code[1] << 8 | (uint32_t)code[2] << 16 |
        (uint32_t)code[3] << 24;
    if (w == 0xffffffffu)
        return 0;
    snprintf(buf, buflen, "fake 0x%08x", w);
    return 4;
}

static const struct target_ops fake_ops = {
    .models = fake_models,
    .default_model = "fake32",
    .cpu_size = sizeof(struct fake_cpu),
    .cpu_reset = fake_reset,
    .set_pc = fake_set_pc,
    .get_pc = fake_get_pc,
    .irq_in = any_irq_in,
};

/* The operations registered as @arch. */
static struct target_ops ops_for(const char *arch)
{
    struct target_ops ops = fake_ops;

    ops.arch = arch;
    if (!strcmp(arch, "riscv")) {
        ops.models = riscv_models;
        ops.default_model = "rv64imac";
        ops.irq_in = riscv_irq_in;
    } else if (!strcmp(arch, "arm")) {
        ops.models = arm_models;
        ops.default_model = "cortex-m4";
        ops.arch_reset_pc = true;
        ops.set_boot_addr = fake_set_boot_addr;
        ops.irq_in = arm_irq_in;
    } else if (!strcmp(arch, "fake")) {
        ops.disas = fake_disas;
    }
    return ops;
}

void fake_target_register(const char *arch)
{
    static struct target_ops registered[8];
    static unsigned n;

    engine_register_types();
    if (target_find(arch))
        return;
    assert_true(n < sizeof(registered) / sizeof(registered[0]));
    registered[n] = ops_for(arch);
    assert_int_equal(target_register(&registered[n]), 0);
    n++;
}

struct fake_cpu *fake_cpu(struct machine *m, const char *path, unsigned index)
{
    struct object *o = object_resolve(OBJECT(m), path);
    struct cluster *c;

    assert_non_null(o);
    assert_true(object_is(o, "cluster"));
    c = (struct cluster *)o;
    assert_true(index < c->ncpus);
    assert_ptr_equal(c->cpus[index]->target->cpu_reset, fake_reset);
    return fake_of(c->cpus[index]);
}
