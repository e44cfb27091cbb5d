/* SPDX-License-Identifier: MIT */
/*
 * The toy target the unit tests share (see toy.h): the ISA's translator
 * and disassembler, the CPUs' record of resets, boot addresses and
 * interrupt inputs, one set of operations registered once per
 * architecture name, and the small machines the engine tests build.
 */
#include <errno.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine/machine/debug.h"
#include "tests/unit/common/toy.h"

unsigned toy_translations;
struct cpu *toy_trace[TOY_TRACE_MAX];
unsigned toy_ntrace;
void (*toy_gen)(struct tb_ctx *ctx);
gaddr toy_trap_vector;

static const struct ir_global_def toy_globals[] = {
    {"r0", IR_I64, offsetof(struct toy_cpu, r[0])}, {"r1", IR_I64, offsetof(struct toy_cpu, r[1])},
    {"r2", IR_I64, offsetof(struct toy_cpu, r[2])}, {"r3", IR_I64, offsetof(struct toy_cpu, r[3])},
    {"w", IR_I32, offsetof(struct toy_cpu, w)},     {"pc", IR_I64, offsetof(struct toy_cpu, pc)},
};

static struct toy_cpu *toy(struct cpu *cpu)
{
    return (struct toy_cpu *)cpu;
}

/* ---- helpers ------------------------------------------------------------ */

static uint64_t helper_wfi(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    (void)a, (void)b, (void)c, (void)d;
    cpu->state = CPU_WAITING;
    return 0;
}

static uint64_t helper_exit(struct cpu *cpu, uint64_t code, uint64_t b, uint64_t c, uint64_t d)
{
    (void)b, (void)c, (void)d;
    machine_request_exit(cpu->cluster->machine, (int)code);
    return 0;
}

static uint64_t helper_mark(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    (void)a, (void)b, (void)c, (void)d;
    if (toy_ntrace < TOY_TRACE_MAX && (!toy_ntrace || toy_trace[toy_ntrace - 1] != cpu))
        toy_trace[toy_ntrace++] = cpu;
    return 0;
}

static uint64_t helper_illegal(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    (void)a, (void)b, (void)c, (void)d;
    cpu_raise_exception(cpu, 1);
}

static const struct ir_helper wfi_helper = {"wfi", helper_wfi, 0, IR_I64};
static const struct ir_helper exit_helper = {"exit", helper_exit, 1, IR_I64};
static const struct ir_helper mark_helper = {"mark", helper_mark, 0, IR_I64};
static const struct ir_helper illegal_helper = {"illegal", helper_illegal, 0, IR_I64};

/* ---- translation -------------------------------------------------------- */

static void end_tb(struct tb_ctx *ctx, gaddr target, int slot)
{
    ir_movi(ctx->ir, ir_global(ctx->ir, TOY_G_PC), target);
    if (slot >= 0)
        ir_goto_tb(ctx->ir, (unsigned)slot);
    else
        ir_exit_tb(ctx->ir);
    ctx->ended = true;
}

static void call0(struct tb_ctx *ctx, const struct ir_helper *h, gaddr next)
{
    ir_call(ctx->ir, h, IR_NO_VAL, 0, 0, 0, 0);
    end_tb(ctx, next, -1);
}

/* One instruction at ctx->pc_next; false when it ended the TB. */
static bool toy_insn_ir(struct tb_ctx *ctx, uint32_t insn)
{
    struct ir_block *b = ctx->ir;
    gaddr pc = ctx->pc_next;
    unsigned op = insn & 0xff, r = (insn >> 8) & 3;
    int imm = (int16_t)(insn >> 16);
    ir_val reg = ir_global(b, TOY_G_R0 + r), src = ir_global(b, TOY_G_R0 + (imm & 3));
    switch (op) {
    case TOY_ADDI: ir_addi(b, reg, reg, imm); return true;
    case TOY_ST: ir_st(b, reg, src, IR_MO_32, 0); return true;
    case TOY_LD: ir_ld(b, reg, src, IR_MO_32, 0); return true;
    case TOY_JMP: end_tb(ctx, pc + imm, 0); return false;
    case TOY_BNZ: {
        unsigned zero = ir_label(b);
        ir_brcondi(b, IR_EQ, reg, 0, zero);
        end_tb(ctx, pc + imm, 1);
        ir_set_label(b, zero);
        end_tb(ctx, pc + 4, 0);
        return false;
    }
    case TOY_WFI: call0(ctx, &wfi_helper, pc + 4); return false;
    case TOY_EXIT:
        ir_call(b, &exit_helper, IR_NO_VAL, reg, 0, 0, 0);
        end_tb(ctx, pc + 4, -1);
        return false;
    case TOY_MARK: ir_call(b, &mark_helper, IR_NO_VAL, 0, 0, 0, 0); return true;
    default: call0(ctx, &illegal_helper, pc); return false;
    }
}

static void toy_translate(struct tb_ctx *ctx)
{
    toy_translations++;
    if (toy_gen) {
        toy_gen(ctx);
        return;
    }
    while (translator_next_insn(ctx, 0)) {
        uint32_t insn;
        if (translator_fetch(ctx, ctx->pc_next, 4, &insn))
            insn = 0;
        bool more = toy_insn_ir(ctx, insn);
        ctx->pc_next += 4;
        if (!more)
            return;
    }
    if (!ctx->ended)
        end_tb(ctx, ctx->pc_next, 0);
}

static unsigned toy_disas(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len,
                          char *buf, size_t buflen)
{
    (void)cpu;
    if (len < 4)
        return 0;
    uint32_t insn = (uint32_t)code[0] | (uint32_t)code[1] << 8 | (uint32_t)code[2] << 16 |
                    (uint32_t)code[3] << 24;
    unsigned r = (insn >> 8) & 3;
    int imm = (int16_t)(insn >> 16);
    switch (insn & 0xff) {
    case TOY_ADDI: snprintf(buf, buflen, "addi r%u, %d", r, imm); break;
    case TOY_ST: snprintf(buf, buflen, "st r%u, [r%d]", r, imm & 3); break;
    case TOY_LD: snprintf(buf, buflen, "ld r%u, [r%d]", r, imm & 3); break;
    case TOY_JMP: snprintf(buf, buflen, "jmp 0x%" PRIx64, (uint64_t)(pc + imm)); break;
    case TOY_BNZ: snprintf(buf, buflen, "bnz r%u, 0x%" PRIx64, r, (uint64_t)(pc + imm)); break;
    case TOY_WFI: snprintf(buf, buflen, "wfi"); break;
    case TOY_EXIT: snprintf(buf, buflen, "exit r%u", r); break;
    case TOY_MARK: snprintf(buf, buflen, "mark"); break;
    default: return 0;
    }
    return 4;
}

/* ---- the rest of the contract ------------------------------------------- */

static void toy_reset(struct cpu *cpu)
{
    struct toy_cpu *t = toy(cpu);
    t->r[0] = t->r[1] = t->r[2] = t->r[3] = 0;
    t->w = 0;
    t->irq = 0;
    t->resets++;
}

/* clang-format off */
static void toy_set_pc(struct cpu *cpu, gaddr pc) { toy(cpu)->pc = pc; }
static gaddr toy_get_pc(const struct cpu *cpu) { return ((const struct toy_cpu *)cpu)->pc; }
static void toy_set_boot_addr(struct cpu *cpu, gaddr addr) { toy(cpu)->boot_addr = addr; }
static uint32_t toy_flags(const struct cpu *cpu) { (void)cpu; return 0; }
static bool toy_has_work(const struct cpu *cpu) { return ((const struct toy_cpu *)cpu)->irq; }
/* clang-format on */

static bool toy_interrupt(struct cpu *cpu)
{
    struct toy_cpu *t = toy(cpu);
    if (t->irq) {
        t->irq = 0;
        t->irqs++;
    }
    return false;
}

static void toy_exception(struct cpu *cpu)
{
    struct toy_cpu *t = toy(cpu);
    t->exceptions++;
    t->exc_pc = t->pc;
    if (!toy_trap_vector) {
        cpu->state = CPU_OFF;
        return;
    }
    /* As a real target delivers a fault: the debugger first, then the handler. */
    if (!debug_intercept_exception(cpu, GDB_SIGILL))
        t->pc = toy_trap_vector;
}

static __attribute__((noreturn)) void toy_mem_fault(struct cpu *cpu, gaddr addr,
                                                    enum mem_access acc, enum mem_fault_kind kind)
{
    (void)acc, (void)kind;
    toy(cpu)->fault_addr = addr;
    cpu_raise_exception(cpu, 1);
}

static void toy_restore(struct cpu *cpu, uint64_t pc, uint64_t data)
{
    (void)data;
    toy(cpu)->pc = pc;
}

/* ---- interrupt inputs --------------------------------------------------- */

static void toy_irq_set(void *opaque, int n, int level)
{
    struct toy_cpu *t = opaque;
    int was = t->level[n];
    t->level[n] = level;
    t->line_sets++;
    if (level && !was)
        toy_raise_irq(t);
}

/* The RISC-V local interrupt lines. */
static int riscv_line(const char *name, unsigned n)
{
    static const char *const names[] = {"msip", "mtip", "meip"};

    for (int i = 0; i < TOY_IRQ0; i++)
        if (!strcmp(name, names[i]) && n == 0)
            return i;
    return -1;
}

/* The M-profile NVIC inputs. */
static int arm_line(const char *name, unsigned n)
{
    return !strcmp(name, "irq") && n < TOY_NIRQ ? TOY_IRQ((int)n) : -1;
}

/* Connect @line, or report as the real targets do, @has saying which
 * inputs there are. */
static int connect_line(struct cpu *cpu, const char *name, unsigned n, int line,
                        struct irq_line *out, const struct diag *d, const char *has)
{
    if (line < 0) {
        diag_error(d, "%s: no interrupt input %s[%u] (%s)", cpu->path, name, n, has);
        return -ENOENT;
    }
    *out = (struct irq_line){.handler = toy_irq_set, .opaque = cpu, .n = line};
    return 0;
}

static int riscv_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out,
                        const struct diag *d)
{
    return connect_line(cpu, name, n, riscv_line(name, n), out, d,
                        "a hart has msip[0], mtip[0], meip[0]");
}

static int arm_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out,
                      const struct diag *d)
{
    return connect_line(cpu, name, n, arm_line(name, n), out, d, "a Cortex-M core has irq[0..63]");
}

static int any_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out,
                      const struct diag *d)
{
    int line = riscv_line(name, n);

    return connect_line(cpu, name, n, line >= 0 ? line : arm_line(name, n), out, d,
                        "a toy CPU has msip[0], mtip[0], meip[0] and irq[0..63]");
}

/* ---- registration ------------------------------------------------------- */

static const struct cpu_model riscv_models[] = {
    {.name = "rv64imac", .elf_machine = 243, .elf_class = 2},
    {.name = "rv32imac", .elf_machine = 243, .elf_class = 1},
    {.name = "rv64gc", .elf_machine = 243, .elf_class = 2},
    {.name = "rv32gc", .elf_machine = 243, .elf_class = 1},
    {0},
};

static const struct cpu_model arm_models[] = {
    {.name = "cortex-m3", .elf_machine = 40, .elf_class = 1},
    {.name = "cortex-m4", .elf_machine = 40, .elf_class = 1},
    {0},
};

static const struct target_ops toy_ops = {
    .cpu_size = sizeof(struct toy_cpu),
    .globals = toy_globals,
    .nglobals = sizeof(toy_globals) / sizeof(toy_globals[0]),
    .cpu_reset = toy_reset,
    .set_pc = toy_set_pc,
    .get_pc = toy_get_pc,
    .tb_flags = toy_flags,
    .translate = toy_translate,
    .exec_interrupt = toy_interrupt,
    .has_work = toy_has_work,
    .do_exception = toy_exception,
    .mem_fault = toy_mem_fault,
    .restore_state = toy_restore,
    .irq_in = any_irq_in,
    .disas = toy_disas,
};

/* One registration: the operations and, for other names, their models. */
struct toy_arch {
    struct target_ops ops;
    struct cpu_model models[3];
    char names[2][32];
};

static void arch_init(struct toy_arch *a, const char *arch)
{
    a->ops = toy_ops;
    a->ops.arch = arch;
    if (!strcmp(arch, "riscv")) {
        a->ops.models = riscv_models;
        a->ops.default_model = "rv64imac";
        a->ops.irq_in = riscv_irq_in;
    } else if (!strcmp(arch, "arm")) {
        a->ops.models = arm_models;
        a->ops.default_model = "cortex-m4";
        a->ops.arch_reset_pc = true;
        a->ops.set_boot_addr = toy_set_boot_addr;
        a->ops.irq_in = arm_irq_in;
    } else {
        for (unsigned i = 0; i < 2; i++) {
            snprintf(a->names[i], sizeof(a->names[i]), "%s%u", arch, 32u << i);
            a->models[i] = (struct cpu_model){.name = a->names[i], .elf_class = (uint8_t)(i + 1)};
        }
        a->ops.models = a->models;
        a->ops.default_model = a->names[0];
    }
}

void toy_register(const char *arch)
{
    static struct toy_arch archs[8];
    static unsigned n;

    engine_register_types();
    if (target_find(arch))
        return;
    assert_true(n < sizeof(archs) / sizeof(archs[0]));
    assert_true(strlen(arch) < sizeof(archs[n].names[0]) - 2);
    arch_init(&archs[n], arch);
    assert_int_equal(target_register(&archs[n].ops), 0);
    n++;
}

/* ---- machines ----------------------------------------------------------- */

struct machine *toy_machine(unsigned nclusters, unsigned ncpus, unsigned quantum)
{
    struct machine *m = toy_machine_new(nclusters, ncpus, quantum);
    toy_machine_realize(m);
    return m;
}

struct machine *toy_machine_new(unsigned nclusters, unsigned ncpus, unsigned quantum)
{
    char name[16], num[24];
    toy_register("toy");
    struct machine *m = machine_new("toyboard");
    assert_non_null(m);
    snprintf(num, sizeof(num), "%u", quantum);
    assert_int_equal(object_set_prop_str(&m->obj, "quantum", num, NULL), 0);
    assert_int_equal(object_set_prop_str(&m->obj, "cpu-freq", "1000000000", NULL), 0);
    for (unsigned i = 0; i < nclusters; i++) {
        snprintf(name, sizeof(name), "c%u", i);
        struct cluster *c = cluster_new(&m->obj, name, "toy");
        assert_non_null(c);
        snprintf(num, sizeof(num), "%u", ncpus);
        assert_int_equal(object_set_prop_str(&c->obj, "cpus", num, NULL), 0);
        snprintf(num, sizeof(num), "0x%x", TOY_RAM);
        assert_int_equal(object_set_prop_str(&c->obj, "reset-pc", num, NULL), 0);
    }
    struct object *ram = object_new("ram", &m->obj, "ram");
    assert_non_null(ram);
    snprintf(num, sizeof(num), "0x%x", TOY_RAM);
    assert_int_equal(object_set_prop_str(ram, "base", num, NULL), 0);
    assert_int_equal(object_set_prop_str(ram, "size", "64K", NULL), 0);
    return m;
}

void toy_machine_realize(struct machine *m)
{
    assert_int_equal(machine_realize(m), 0);
    machine_reset(m);
    toy_translations = 0;
    toy_ntrace = 0;
    toy_gen = NULL;
    toy_trap_vector = 0;
}

struct toy_cpu *toy_cpu(struct machine *m, unsigned cl, unsigned i)
{
    assert_true(cl < m->nclusters && i < m->clusters[cl]->ncpus);
    return (struct toy_cpu *)m->clusters[cl]->cpus[i];
}

struct toy_cpu *toy_cpu_at(struct machine *m, const char *path, unsigned i)
{
    struct object *o = object_resolve(OBJECT(m), path);
    struct cluster *c;

    assert_non_null(o);
    assert_true(object_is(o, "cluster"));
    c = (struct cluster *)o;
    assert_true(i < c->ncpus);
    assert_ptr_equal(c->cpus[i]->target->cpu_reset, toy_reset);
    return toy(c->cpus[i]);
}

void toy_load(struct machine *m, gaddr addr, const uint32_t *code, size_t n)
{
    assert_int_equal(mem_view_write_buf(m->clusters[0]->view, addr, code, n * 4, MEM_F_LOAD, NULL),
                     0);
}

void toy_raise_irq(struct toy_cpu *t)
{
    t->irq = 1;
    cpu_interrupt(&t->cpu);
}

static void alarm_fire(void *opaque)
{
    struct toy_alarm *a = opaque;
    a->fired = true;
    a->fired_ns = machine_clock_ns(a->m, NULL);
    machine_request_exit(a->m, a->code);
}

void toy_alarm_arm(struct toy_alarm *a, struct machine *m, uint64_t deadline_ns, int code)
{
    *a = (struct toy_alarm){.m = m, .code = code};
    vtimer_init(&a->t, alarm_fire, a);
    vtimer_arm(m, &a->t, deadline_ns);
}
