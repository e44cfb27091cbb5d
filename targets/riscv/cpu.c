/* SPDX-License-Identifier: MIT */
/*
 * RISC-V hart lifecycle and the target_ops table: models, IR globals,
 * reset, interrupt lines, interrupt delivery and trap entry (privileged
 * spec 1.12, 3.1.6-3.1.9 and 3.3.1), and the mapping of engine memory
 * faults to RISC-V exception causes.
 */
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "engine/io/log.h"
#include "engine/machine/debug.h"
#include "targets/riscv/internals.h"
#include "targets/riscv/riscv.h"

#define RISCV_G (RISCV_EXT_F | RISCV_EXT_D)
#define RISCV_B (RISCV_EXT_ZBA | RISCV_EXT_ZBB | RISCV_EXT_ZBS)

/* IMAC; G (IMAFD) + C, what toolchains target by default; and GC with B
 * (Zba, Zbb, Zbs) and Zbc. */
/* clang-format off */
static const struct cpu_model riscv_models[] = {
    {.name = "rv64imac", .elf_machine = EM_RISCV, .elf_class = ELFCLASS64,
     .features = RISCV_FEAT_RV64, .tdesc = "riscv-64.xml"},
    {.name = "rv32imac", .elf_machine = EM_RISCV, .elf_class = ELFCLASS32,
     .tdesc = "riscv-32.xml"},
    {.name = "rv64gc", .elf_machine = EM_RISCV, .elf_class = ELFCLASS64,
     .features = RISCV_FEAT_RV64 | RISCV_G, .tdesc = "riscv-64-gc.xml"},
    {.name = "rv32gc", .elf_machine = EM_RISCV, .elf_class = ELFCLASS32,
     .features = RISCV_G, .tdesc = "riscv-32-gc.xml"},
    {.name = "rv64gcb", .elf_machine = EM_RISCV, .elf_class = ELFCLASS64,
     .features = RISCV_FEAT_RV64 | RISCV_G | RISCV_B | RISCV_EXT_ZBC,
     .tdesc = "riscv-64-gc.xml"},
    {.name = "rv32gcb", .elf_machine = EM_RISCV, .elf_class = ELFCLASS32,
     .features = RISCV_G | RISCV_B | RISCV_EXT_ZBC, .tdesc = "riscv-32-gc.xml"},
    {.name = NULL},
};
/* clang-format on */

#define GX(r, name, t)                                                                             \
    {                                                                                              \
        name, t, offsetof(struct riscv_cpu, x[r])                                                  \
    }
/* FLEN is 64 whatever XLEN: the f registers are IR_I64 in both sets. */
#define GF(r)                                                                                      \
    {                                                                                              \
        "f" #r, IR_I64, offsetof(struct riscv_cpu, f[r])                                           \
    }
#define GSET(t)                                                                                    \
    GX(1, "ra", t), GX(2, "sp", t), GX(3, "gp", t), GX(4, "tp", t), GX(5, "t0", t),                \
        GX(6, "t1", t), GX(7, "t2", t), GX(8, "s0", t), GX(9, "s1", t), GX(10, "a0", t),           \
        GX(11, "a1", t), GX(12, "a2", t), GX(13, "a3", t), GX(14, "a4", t), GX(15, "a5", t),       \
        GX(16, "a6", t), GX(17, "a7", t), GX(18, "s2", t), GX(19, "s3", t), GX(20, "s4", t),       \
        GX(21, "s5", t), GX(22, "s6", t), GX(23, "s7", t), GX(24, "s8", t), GX(25, "s9", t),       \
        GX(26, "s10", t), GX(27, "s11", t), GX(28, "t3", t), GX(29, "t4", t), GX(30, "t5", t),     \
        GX(31, "t6", t), {"pc", t, offsetof(struct riscv_cpu, pc)},                                \
        {"res_addr", t, offsetof(struct riscv_cpu, res_addr)},                                     \
        {"res_val", t, offsetof(struct riscv_cpu, res_val)},                                       \
        {"mstatus", t, offsetof(struct riscv_cpu, mstatus)}, GF(0), GF(1), GF(2), GF(3), GF(4),    \
        GF(5), GF(6), GF(7), GF(8), GF(9), GF(10), GF(11), GF(12), GF(13), GF(14), GF(15), GF(16), \
        GF(17), GF(18), GF(19), GF(20), GF(21), GF(22), GF(23), GF(24), GF(25), GF(26), GF(27),    \
        GF(28), GF(29), GF(30), GF(31)

/* rv64 set, then the rv32 set over the low halves (little-endian host). */
const struct ir_global_def riscv_globals[2 * RISCV_G_PER_XLEN] = {GSET(IR_I64), GSET(IR_I32)};

static int riscv_cpu_init(struct cpu *cpu, const struct cpu_model *model)
{
    struct riscv_cpu *c = riscv_cpu(cpu);
    c->rv64 = model->features & RISCV_FEAT_RV64;
    c->ext = (uint32_t)(model->features & ~(uint64_t)RISCV_FEAT_RV64);
    /* misa: MXL in the top two bits, then the extension letters. */
    c->misa = (c->rv64 ? 2ull << 62 : 1ull << 30);
    for (const char *e = "ACIMU"; *e; e++)
        c->misa |= 1ull << (*e - 'A');
    if (c->ext & RISCV_EXT_F)
        c->misa |= 1ull << ('F' - 'A');
    if (c->ext & RISCV_EXT_D)
        c->misa |= 1ull << ('D' - 'A');
    /* B names Zba + Zbb + Zbs (bit-manipulation spec 1.0.0, chapter 1) */
    if ((c->ext & RISCV_B) == RISCV_B)
        c->misa |= 1ull << ('B' - 'A');
    return 0;
}

static void riscv_cpu_reset(struct cpu *cpu)
{
    struct riscv_cpu *c = riscv_cpu(cpu);
    memset(c->x, 0, sizeof(c->x));
    memset(c->f, 0, sizeof(c->f));
    c->pc = 0;
    c->priv = RISCV_PRIV_M;
    c->res_addr = RISCV_NO_RESERVATION;
    c->res_val = 0;
    c->excp_tval = 0;
    memset(&c->sh, 0, sizeof(c->sh));
    c->sh.word = c->rv64 ? 8 : 4;
    riscv_csr_reset(c);
}

static void riscv_set_pc(struct cpu *cpu, gaddr pc)
{
    struct riscv_cpu *c = riscv_cpu(cpu);
    c->pc = riscv_xlen_val(c, pc);
}

static gaddr riscv_get_pc(const struct cpu *cpu)
{
    const struct riscv_cpu *c = riscv_cpu_const(cpu);
    return riscv_xlen_val(c, c->pc);
}

/* The privilege (bits 1:0) and mstatus.FS (bits 3:2): FP instructions
 * translate differently while the FPU is off or not yet dirty. */
static uint32_t riscv_tb_flags(const struct cpu *cpu)
{
    const struct riscv_cpu *c = riscv_cpu_const(cpu);
    return c->priv | (uint32_t)((c->mstatus & MSTATUS_FS) >> MSTATUS_FS_SHIFT) << 2;
}

uint64_t riscv_pending_irqs(const struct riscv_cpu *c)
{
    return __atomic_load_n(&c->mip, __ATOMIC_ACQUIRE) & c->mie;
}

/* Interrupt pending and enabled (privileged spec 3.1.9). */
static bool riscv_irq_deliverable(const struct riscv_cpu *c)
{
    if (!riscv_pending_irqs(c))
        return false;
    return c->priv < RISCV_PRIV_M || (c->mstatus & MSTATUS_MIE);
}

void riscv_recheck_irq(struct riscv_cpu *c)
{
    if (riscv_irq_deliverable(c))
        cpu_interrupt(&c->cpu);
}

/* Trap entry (privileged spec 3.1.6.1, 3.1.7, 3.1.14-3.1.16). */
static void riscv_trap_enter(struct riscv_cpu *c, bool irq, unsigned cause, uint64_t tval)
{
    uint64_t base = c->mtvec & ~3ull;
    uint64_t mie = (c->mstatus & MSTATUS_MIE) ? MSTATUS_MPIE : 0;
    if (log_enabled(LOG_INT))
        log_debug(LOG_INT, "%s: %s %u at pc 0x%" PRIx64 " tval 0x%" PRIx64 " priv %u", c->cpu.path,
                  irq ? "interrupt" : "exception", cause, c->pc, tval, c->priv);
    c->mepc = c->pc;
    c->mcause = irq ? (1ull << (c->rv64 ? 63 : 31)) | cause : cause;
    c->mtval = riscv_xlen_val(c, tval);
    c->mstatus &= ~(MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP);
    c->mstatus |= mie | (uint64_t)c->priv << MSTATUS_MPP_SHIFT;
    c->priv = RISCV_PRIV_M;
    c->res_addr = RISCV_NO_RESERVATION;
    if (irq && (c->mtvec & 3) == 1)
        base += 4ull * cause;
    c->pc = riscv_xlen_val(c, base);
}

/* Priority among machine interrupts: MEI > MSI > MTI (spec 3.1.9). */
static bool riscv_exec_interrupt(struct cpu *cpu)
{
    static const unsigned order[] = {RISCV_IRQ_MEI, RISCV_IRQ_MSI, RISCV_IRQ_MTI};
    struct riscv_cpu *c = riscv_cpu(cpu);
    if (!riscv_irq_deliverable(c))
        return false;
    uint64_t pending = riscv_pending_irqs(c);
    for (unsigned i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        if (pending & (1ull << order[i])) {
            riscv_trap_enter(c, true, order[i], 0);
            return true;
        }
    }
    return false;
}

/* WFI wakes on any pending and enabled interrupt, whatever mstatus.MIE. */
static bool riscv_has_work(const struct cpu *cpu)
{
    return riscv_pending_irqs(riscv_cpu_const(cpu)) != 0;
}

/* The gdb signal a debugger sees for an exception cause (0: never shown). */
static int cause_signal(unsigned cause)
{
    switch (cause) {
    case RISCV_EXCP_BREAKPOINT: return GDB_SIGTRAP;
    case RISCV_EXCP_ILLEGAL: return GDB_SIGILL;
    case RISCV_EXCP_INSN_MISALIGNED:
    case RISCV_EXCP_LOAD_MISALIGNED:
    case RISCV_EXCP_STORE_MISALIGNED: return GDB_SIGBUS;
    case RISCV_EXCP_INSN_ACCESS:
    case RISCV_EXCP_LOAD_ACCESS:
    case RISCV_EXCP_STORE_ACCESS: return GDB_SIGSEGV;
    default: return 0;
    }
}

static void riscv_do_exception(struct cpu *cpu)
{
    struct riscv_cpu *c = riscv_cpu(cpu);
    int sig = cause_signal((unsigned)cpu->excp);
    /* With gdb attached an ebreak that is not gdb's stops with SIGTRAP, and
     * with stop-on-exception faults stop before the guest's handler. */
    if (sig && debug_intercept_exception(cpu, sig))
        return;
    riscv_trap_enter(c, false, (unsigned)cpu->excp, c->excp_tval);
}

void riscv_raise(struct riscv_cpu *c, int cause, uint64_t tval)
{
    c->excp_tval = tval;
    cpu_raise_exception(&c->cpu, cause);
}

static __attribute__((noreturn)) void riscv_mem_fault(struct cpu *cpu, gaddr addr,
                                                      enum mem_access acc, enum mem_fault_kind kind)
{
    static const int cause[][2] = {
        [MEM_ACCESS_READ] = {RISCV_EXCP_LOAD_ACCESS, RISCV_EXCP_LOAD_MISALIGNED},
        [MEM_ACCESS_WRITE] = {RISCV_EXCP_STORE_ACCESS, RISCV_EXCP_STORE_MISALIGNED},
        [MEM_ACCESS_FETCH] = {RISCV_EXCP_INSN_ACCESS, RISCV_EXCP_INSN_MISALIGNED},
    };
    riscv_raise(riscv_cpu(cpu), cause[acc][kind == MEM_FAULT_MISALIGNED], addr);
}

static void riscv_restore_state(struct cpu *cpu, uint64_t pc, uint64_t data)
{
    (void)data;
    riscv_set_pc(cpu, pc);
}

/* A line level sets or clears its mip bit; mip is written by devices on
 * any thread, hence atomically. */
static void riscv_irq_set(void *opaque, int n, int level)
{
    struct riscv_cpu *c = opaque;
    uint64_t bit = 1ull << n;
    if (level) {
        __atomic_fetch_or(&c->mip, bit, __ATOMIC_ACQ_REL);
        cpu_interrupt(&c->cpu);
    } else {
        __atomic_fetch_and(&c->mip, ~bit, __ATOMIC_ACQ_REL);
    }
}

static int riscv_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out,
                        const struct diag *d)
{
    static const struct {
        const char *name;
        int bit;
    } lines[] = {
        {"msip", RISCV_IRQ_MSI},
        {"mtip", RISCV_IRQ_MTI},
        {"meip", RISCV_IRQ_MEI},
    };
    for (unsigned i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        if (strcmp(name, lines[i].name) || n != 0)
            continue;
        *out = (struct irq_line){.handler = riscv_irq_set, .opaque = cpu, .n = lines[i].bit};
        return 0;
    }
    diag_error(d, "%s: no interrupt input %s[%u] (a hart has msip[0], mtip[0], meip[0])", cpu->path,
               name, n);
    return -ENOENT;
}

const struct target_ops riscv_target_ops = {
    .arch = "riscv",
    .models = riscv_models,
    .default_model = "rv64gc",
    .cpu_size = sizeof(struct riscv_cpu),
    .globals = riscv_globals,
    .nglobals = 2 * RISCV_G_PER_XLEN,
    .regs = riscv_regs,
    .nonsteppable_watchpoints = true, /* as gdb's riscv-tdep expects */
    .bp_kinds = 1u << 2 | 1u << 4,    /* a compressed or a full instruction */
    .cpu_init = riscv_cpu_init,
    .cpu_reset = riscv_cpu_reset,
    .set_pc = riscv_set_pc,
    .get_pc = riscv_get_pc,
    .tb_flags = riscv_tb_flags,
    .translate = riscv_translate,
    .exec_interrupt = riscv_exec_interrupt,
    .has_work = riscv_has_work,
    .do_exception = riscv_do_exception,
    .mem_fault = riscv_mem_fault,
    .restore_state = riscv_restore_state,
    .irq_in = riscv_irq_in,
    .disas = riscv_disas,
};
