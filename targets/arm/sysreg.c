/* SPDX-License-Identifier: MIT */
/*
 * The special registers (ARM ARM B1.4): xPSR assembled from the flag
 * words and the execution state, the banked stack pointers, CONTROL and
 * the priority masks, and the MRS, MSR and CPS helpers that reach them
 * (B5.2.2, B5.2.3, B5.2.1). Unprivileged code may read the masks and
 * CONTROL but changes only the APSR.
 */
#include "targets/arm/internals.h"

uint32_t arm_xpsr_read(const struct arm_cpu *c)
{
    uint32_t v = (c->nf & XPSR_N) | (c->zf ? 0 : XPSR_Z) | (c->cf ? XPSR_C : 0) |
                 ((c->vf >> 3) & XPSR_V) | (c->qf ? XPSR_Q : 0);
    v |= (c->ge & 0xf) << XPSR_GE_SHIFT;
    v |= (c->itstate & 0x3) << 25 | (c->itstate >> 2) << 10; /* IT[1:0], IT[7:2] */
    v |= c->thumb ? XPSR_T : 0;
    return v | (c->ipsr & XPSR_EXC_MASK);
}

/* Write the APSR fields: NZCVQ when @flags, GE[3:0] when @ge. */
void arm_apsr_write(struct arm_cpu *c, uint32_t v, bool flags, bool ge)
{
    if (flags) {
        c->nf = v & XPSR_N;
        c->zf = !(v & XPSR_Z);
        c->cf = !!(v & XPSR_C);
        c->vf = (v & XPSR_V) << 3;
        c->qf = !!(v & XPSR_Q);
    }
    if (ge)
        c->ge = (v >> XPSR_GE_SHIFT) & 0xf;
}

uint32_t arm_get_msp(const struct arm_cpu *c)
{
    return arm_using_psp(c) ? c->sp_other : c->r[13];
}

uint32_t arm_get_psp(const struct arm_cpu *c)
{
    return arm_using_psp(c) ? c->r[13] : c->sp_other;
}

void arm_set_msp(struct arm_cpu *c, uint32_t v)
{
    *(arm_using_psp(c) ? &c->sp_other : &c->r[13]) = v & ~3u;
}

void arm_set_psp(struct arm_cpu *c, uint32_t v)
{
    *(arm_using_psp(c) ? &c->r[13] : &c->sp_other) = v & ~3u;
}

/* CONTROL.SPSEL selects PSP only in Thread mode; r13 follows. FPCA
 * exists with the FP extension. */
void arm_write_control(struct arm_cpu *c, uint32_t control)
{
    bool was_psp = arm_using_psp(c);
    c->control = control & (CONTROL_NPRIV | CONTROL_SPSEL | (arm_has_fp(c) ? CONTROL_FPCA : 0));
    if (arm_using_psp(c) != was_psp) {
        uint32_t t = c->r[13];
        c->r[13] = c->sp_other;
        c->sp_other = t;
    }
}

/* SYSm values of MRS and MSR (B5.1.1). */
/* clang-format off */
enum {
    SYSM_APSR = 0, SYSM_XPSR_MAX = 7, SYSM_MSP = 8, SYSM_PSP = 9, SYSM_PRIMASK = 16,
    SYSM_BASEPRI = 17, SYSM_BASEPRI_MAX = 18, SYSM_FAULTMASK = 19, SYSM_CONTROL = 20,
};
/* clang-format on */

/* MRS: the xPSR views never show the EPSR (it reads as zero). */
static uint64_t helper_mrs(struct cpu *cpu, uint64_t sysm, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a1, (void)a2, (void)a3;
    struct arm_cpu *c = arm_cpu(cpu);
    bool priv = arm_privileged(c);
    if (sysm <= SYSM_XPSR_MAX) {
        uint32_t x = arm_xpsr_read(c), v = 0;
        if (sysm & 1)
            v |= x & XPSR_EXC_MASK;
        if (!(sysm & 4))
            v |= x & (0xf8000000u | (c->dsp ? 0xf0000u : 0));
        return v;
    }
    if (arm_v6m(c) && sysm >= SYSM_BASEPRI && sysm <= SYSM_FAULTMASK)
        return 0; /* ARMv6-M has neither BASEPRI nor FAULTMASK */
    switch (sysm) {
    case SYSM_MSP: return priv ? arm_get_msp(c) : 0;
    case SYSM_PSP: return priv ? arm_get_psp(c) : 0;
    case SYSM_PRIMASK: return c->primask;
    case SYSM_BASEPRI:
    case SYSM_BASEPRI_MAX: return c->basepri;
    case SYSM_FAULTMASK: return c->faultmask;
    case SYSM_CONTROL: return c->control;
    default: return 0;
    }
}

static void msr_masks(struct arm_cpu *c, unsigned sysm, uint32_t v)
{
    switch (sysm) {
    case SYSM_PRIMASK: c->primask = v & 1; break;
    case SYSM_BASEPRI: c->basepri = v & 0xff; break;
    case SYSM_BASEPRI_MAX: /* only raises the priority (a lower nonzero value) */
        if ((v & 0xff) && ((v & 0xff) < c->basepri || !c->basepri))
            c->basepri = v & 0xff;
        break;
    case SYSM_FAULTMASK:
        if (arm_exec_priority(c) > -1)
            c->faultmask = v & 1;
        break;
    case SYSM_CONTROL: /* SPSEL is not writable in Handler mode */
        if (arm_handler_mode(c))
            v = (v & ~CONTROL_SPSEL) | (c->control & CONTROL_SPSEL);
        arm_write_control(c, v);
        break;
    }
}

/* a0 = SYSm | mask << 8, a1 = the value. */
static uint64_t helper_msr(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a2, (void)a3;
    struct arm_cpu *c = arm_cpu(cpu);
    unsigned sysm = a0 & 0xff, mask = (unsigned)(a0 >> 8) & 3;
    uint32_t v = (uint32_t)a1;
    if (sysm <= SYSM_XPSR_MAX) {
        if (!(sysm & 4))
            arm_apsr_write(c, v, mask & 2, (mask & 1) && c->dsp);
        return 0;
    }
    if (!arm_privileged(c))
        return 0;
    if (arm_v6m(c) && sysm >= SYSM_BASEPRI && sysm <= SYSM_FAULTMASK)
        return 0;
    if (sysm == SYSM_MSP)
        arm_set_msp(c, v);
    else if (sysm == SYSM_PSP)
        arm_set_psp(c, v);
    else
        msr_masks(c, sysm, v);
    arm_recheck_irq(c);
    return 0;
}

/* CPSIE/CPSID i and f: a0 = im:0:0:I:F (A7.7.24). */
static uint64_t helper_cps(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a1, (void)a2, (void)a3;
    struct arm_cpu *c = arm_cpu(cpu);
    bool disable = a0 & 0x10;
    if (!arm_privileged(c))
        return 0;
    if (a0 & 2)
        c->primask = disable;
    if ((a0 & 1) && !arm_v6m(c) && (!disable || arm_exec_priority(c) > -1))
        c->faultmask = disable;
    arm_recheck_irq(c);
    return 0;
}

const struct ir_helper arm_helper_mrs = {"mrs", helper_mrs, 1, IR_I32};
const struct ir_helper arm_helper_msr = {"msr", helper_msr, 2, IR_I32};
const struct ir_helper arm_helper_cps = {"cps", helper_cps, 1, IR_I32};
