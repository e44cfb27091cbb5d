/* SPDX-License-Identifier: MIT */
/*
 * How a debugger reads and writes RISC-V registers: one accessor per
 * register named in xml/riscv-{32,64}*.xml (the target descriptions are
 * the register truth; engine/tdesc.c binds them by name). x0 reads as zero
 * and ignores writes; CSRs (fflags, frm and fcsr among them) go through
 * the CSR table with a debugger's rights; the f registers are their raw
 * 64 bits, NaN boxes included; "priv" is gdb's virtual privilege-mode
 * register.
 */
#include <stddef.h>

#include "targets/riscv/internals.h"

static uint64_t get_csr(struct cpu *cpu, const struct target_reg *r)
{
    uint64_t v = 0;
    riscv_csr_debug_read(riscv_cpu(cpu), r->arg, &v);
    return v;
}

static void set_csr(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    riscv_csr_debug_write(riscv_cpu(cpu), r->arg, v);
}

static uint64_t get_zero(struct cpu *cpu, const struct target_reg *r)
{
    (void)cpu, (void)r;
    return 0;
}

static void set_ignored(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    (void)cpu, (void)r, (void)v;
}

static uint64_t get_x(struct cpu *cpu, const struct target_reg *r)
{
    return riscv_get_x(riscv_cpu(cpu), r->arg);
}

static void set_x(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    riscv_set_x(riscv_cpu(cpu), r->arg, v);
}

static uint64_t get_f(struct cpu *cpu, const struct target_reg *r)
{
    return riscv_cpu(cpu)->f[r->arg];
}

static void set_f(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    riscv_cpu(cpu)->f[r->arg] = v;
}

static uint64_t get_pc(struct cpu *cpu, const struct target_reg *r)
{
    (void)r;
    return cpu->target->get_pc(cpu);
}

static void set_pc(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    (void)r;
    cpu->target->set_pc(cpu, v);
}

static uint64_t get_priv(struct cpu *cpu, const struct target_reg *r)
{
    (void)r;
    return riscv_cpu(cpu)->priv;
}

/* Only the modes this hart has (M and U) can be set. */
static void set_priv(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    (void)r;
    if (v == RISCV_PRIV_M || v == RISCV_PRIV_U)
        riscv_cpu(cpu)->priv = (unsigned)v;
}

/* clang-format off */
#define X(n, reg) {.name = reg, .get = get_x, .set = set_x, .arg = n}
#define CSR(reg, num) {.name = reg, .get = get_csr, .set = set_csr, .arg = num}
#define F(n, reg) {.name = reg, .get = get_f, .set = set_f, .arg = n}
/* clang-format on */

/* clang-format off */
const struct target_reg riscv_regs[] = {
    {.name = "zero", .get = get_zero, .set = set_ignored},
    X(1, "ra"), X(2, "sp"), X(3, "gp"), X(4, "tp"), X(5, "t0"), X(6, "t1"), X(7, "t2"),
    X(8, "fp"), X(9, "s1"), X(10, "a0"), X(11, "a1"), X(12, "a2"), X(13, "a3"), X(14, "a4"),
    X(15, "a5"), X(16, "a6"), X(17, "a7"), X(18, "s2"), X(19, "s3"), X(20, "s4"),
    X(21, "s5"), X(22, "s6"), X(23, "s7"), X(24, "s8"), X(25, "s9"), X(26, "s10"),
    X(27, "s11"), X(28, "t3"), X(29, "t4"), X(30, "t5"), X(31, "t6"),
    {.name = "pc", .get = get_pc, .set = set_pc},
    CSR("mstatus", 0x300), CSR("misa", 0x301), CSR("mie", 0x304), CSR("mtvec", 0x305),
    CSR("mcounteren", 0x306), CSR("mstatush", 0x310), CSR("mcountinhibit", 0x320),
    CSR("mscratch", 0x340), CSR("mepc", 0x341), CSR("mcause", 0x342), CSR("mtval", 0x343),
    CSR("mip", 0x344), CSR("mcycle", 0xb00), CSR("minstret", 0xb02), CSR("mcycleh", 0xb80),
    CSR("minstreth", 0xb82), CSR("mvendorid", 0xf11), CSR("marchid", 0xf12),
    CSR("mimpid", 0xf13), CSR("mhartid", 0xf14),
    {.name = "priv", .get = get_priv, .set = set_priv},
    /* the FPU feature (xml/riscv-64-fpu.xml) names them by ABI */
    F(0, "ft0"), F(1, "ft1"), F(2, "ft2"), F(3, "ft3"), F(4, "ft4"), F(5, "ft5"), F(6, "ft6"),
    F(7, "ft7"), F(8, "fs0"), F(9, "fs1"), F(10, "fa0"), F(11, "fa1"), F(12, "fa2"),
    F(13, "fa3"), F(14, "fa4"), F(15, "fa5"), F(16, "fa6"), F(17, "fa7"), F(18, "fs2"),
    F(19, "fs3"), F(20, "fs4"), F(21, "fs5"), F(22, "fs6"), F(23, "fs7"), F(24, "fs8"),
    F(25, "fs9"), F(26, "fs10"), F(27, "fs11"), F(28, "ft8"), F(29, "ft9"), F(30, "ft10"),
    F(31, "ft11"), CSR("fflags", 0x001), CSR("frm", 0x002), CSR("fcsr", 0x003),
    {0},
};
/* clang-format on */
