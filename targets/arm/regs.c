/* SPDX-License-Identifier: MIT */
/*
 * How a debugger reads and writes Cortex-M registers: one accessor per
 * register named in xml/arm-m-profile.xml and xml/arm-m-system.xml (the
 * register truth; engine/tdesc.c binds them by name). xpsr is assembled
 * from the flags, the execution state and the exception number; a write
 * changes the APSR and EPSR fields but not the mode (IPSR), which only
 * exception entry and return may change. msp and psp reach the banked
 * stack pointers whichever one r13 is; control switches r13 with SPSEL.
 * d0-d15 (xml/arm-m-vfp.xml) are pairs of the S registers, fpscr keeps
 * only the bits that exist.
 */
#include <stddef.h>

#include "targets/arm/internals.h"

static uint64_t get_r(struct cpu *cpu, const struct target_reg *r)
{
    return arm_cpu(cpu)->r[r->arg];
}

static void set_r(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    arm_cpu(cpu)->r[r->arg] = (uint32_t)v & (r->arg == 13 ? ~3u : ~0u);
}

static uint64_t get_pc(struct cpu *cpu, const struct target_reg *r)
{
    (void)r;
    return arm_cpu(cpu)->r[15];
}

static void set_pc(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    (void)r;
    arm_cpu(cpu)->r[15] = (uint32_t)v & ~1u;
}

static uint64_t get_xpsr(struct cpu *cpu, const struct target_reg *r)
{
    (void)r;
    return arm_xpsr_read(arm_cpu(cpu));
}

static void set_xpsr(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    (void)r;
    struct arm_cpu *c = arm_cpu(cpu);
    arm_apsr_write(c, (uint32_t)v, true, c->dsp);
    c->itstate = ((v >> 25) & 3) | ((v >> 10) & 0x3f) << 2;
    c->thumb = !!(v & XPSR_T);
}

enum { SYS_MSP, SYS_PSP, SYS_PRIMASK, SYS_BASEPRI, SYS_FAULTMASK, SYS_CONTROL };

static uint64_t get_sys(struct cpu *cpu, const struct target_reg *r)
{
    const struct arm_cpu *c = arm_cpu(cpu);
    switch (r->arg) {
    case SYS_MSP: return arm_get_msp(c);
    case SYS_PSP: return arm_get_psp(c);
    case SYS_PRIMASK: return c->primask;
    case SYS_BASEPRI: return c->basepri;
    case SYS_FAULTMASK: return c->faultmask;
    default: return c->control;
    }
}

static void set_sys(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    struct arm_cpu *c = arm_cpu(cpu);
    switch (r->arg) {
    case SYS_MSP: arm_set_msp(c, (uint32_t)v); break;
    case SYS_PSP: arm_set_psp(c, (uint32_t)v); break;
    case SYS_PRIMASK: c->primask = v & 1; break;
    case SYS_BASEPRI: c->basepri = v & 0xff; break;
    case SYS_FAULTMASK: c->faultmask = v & 1; break;
    default: arm_write_control(c, (uint32_t)v); break;
    }
    arm_recheck_irq(c);
}

static uint64_t get_d(struct cpu *cpu, const struct target_reg *r)
{
    const struct arm_cpu *c = arm_cpu(cpu);
    return (uint64_t)c->vfp[2 * r->arg + 1] << 32 | c->vfp[2 * r->arg];
}

static void set_d(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    struct arm_cpu *c = arm_cpu(cpu);
    c->vfp[2 * r->arg] = (uint32_t)v;
    c->vfp[2 * r->arg + 1] = (uint32_t)(v >> 32);
}

static uint64_t get_fpscr(struct cpu *cpu, const struct target_reg *r)
{
    (void)r;
    return arm_cpu(cpu)->fpscr;
}

static void set_fpscr(struct cpu *cpu, const struct target_reg *r, uint64_t v)
{
    (void)r;
    arm_cpu(cpu)->fpscr = (uint32_t)v & FPSCR_MASK;
}

/* clang-format off */
#define R(n, reg) {.name = reg, .get = get_r, .set = set_r, .arg = n}
#define D(n) {.name = "d" #n, .get = get_d, .set = set_d, .arg = n}
#define SYS(reg, n) {.name = reg, .get = get_sys, .set = set_sys, .arg = n}
/* clang-format on */

/* clang-format off */
const struct target_reg arm_regs[] = {
    R(0, "r0"), R(1, "r1"), R(2, "r2"), R(3, "r3"), R(4, "r4"), R(5, "r5"), R(6, "r6"),
    R(7, "r7"), R(8, "r8"), R(9, "r9"), R(10, "r10"), R(11, "r11"), R(12, "r12"),
    R(13, "sp"), R(14, "lr"),
    {.name = "pc", .get = get_pc, .set = set_pc},
    {.name = "xpsr", .get = get_xpsr, .set = set_xpsr},
    SYS("msp", SYS_MSP), SYS("psp", SYS_PSP), SYS("primask", SYS_PRIMASK),
    SYS("basepri", SYS_BASEPRI), SYS("faultmask", SYS_FAULTMASK), SYS("control", SYS_CONTROL),
    D(0), D(1), D(2), D(3), D(4), D(5), D(6), D(7), D(8), D(9), D(10), D(11), D(12), D(13),
    D(14), D(15),
    {.name = "fpscr", .get = get_fpscr, .set = set_fpscr},
    {0},
};
/* clang-format on */
