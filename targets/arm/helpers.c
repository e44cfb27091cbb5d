/* SPDX-License-Identifier: MIT */
/*
 * Helpers called from translated Thumb code for what leaves the inline
 * IR: raising faults, interworking branches and exception return, the
 * sleep and event hints (ARM ARM B1.5.18, B1.5.19), and BKPT (C1.7:
 * semihosting when the immediate is 0xAB, a debugger stop, or a debug
 * event that escalates to HardFault when the DebugMonitor is off).
 */
#include "targets/arm/internals.h"

void arm_raise_fault(struct arm_cpu *c, int exc, uint32_t cfsr)
{
    c->nvic.cfsr |= cfsr;
    cpu_raise_exception(&c->cpu, exc);
}

/* a0 = exception number, a1 = CFSR bits. */
static uint64_t helper_fault(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a2, (void)a3;
    arm_raise_fault(arm_cpu(cpu), (int)a0, (uint32_t)a1);
}

/* BXWritePC/BLXWritePC for what the inline path leaves: EXC_RETURN in
 * Handler mode (a1 set for BX, POP, LDM and LDR) and ARM-state targets,
 * which clear EPSR.T so the next instruction is an INVSTATE UsageFault. */
static uint64_t helper_bx(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a2, (void)a3;
    struct arm_cpu *c = arm_cpu(cpu);
    uint32_t addr = (uint32_t)a0;
    if (a1 && arm_handler_mode(c) && (addr >> 28) == 0xf) {
        arm_exception_return(c, addr);
        return 0;
    }
    c->r[15] = addr & ~1u;
    c->thumb = addr & 1;
    return 0;
}

/* WFI: sleep unless something would wake the core at once. */
static uint64_t helper_wfi(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    if (!arm_has_work(cpu))
        cpu->state = CPU_WAITING;
    return 0;
}

/* WFE: consume a set event register, or sleep until an event. */
static uint64_t helper_wfe(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    struct arm_cpu *c = arm_cpu(cpu);
    if (c->event) {
        c->event = false;
        return 0;
    }
    c->sleep_wfe = true;
    if (!arm_has_work(cpu))
        cpu->state = CPU_WAITING;
    else
        c->sleep_wfe = false;
    return 0;
}

/* SEV: an event for every core of the cluster. */
static uint64_t helper_sev(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    struct cluster *cl = cpu->cluster;
    for (unsigned i = 0; i < cl->ncpus; i++) {
        arm_cpu(cl->cpus[i])->event = true;
        cpu_interrupt(cl->cpus[i]);
    }
    return 0;
}

/* a0 = the BKPT immediate; pc and ITSTATE are already the next insn's. */
static uint64_t helper_bkpt(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a1, (void)a2, (void)a3;
    struct arm_cpu *c = arm_cpu(cpu);
    if (a0 == ARM_SEMIHOST_BKPT && cpu->cluster->semihosting) {
        arm_semihost(c);
        return 0;
    }
    /* A debug event: a debugger sees it first (arm_do_exception). */
    c->nvic.dfsr |= DFSR_BKPT;
    cpu_raise_exception(cpu, ARM_EXC_DEBUGMON);
}

const struct ir_helper arm_helper_fault = {"fault", helper_fault, 2, IR_I32};
const struct ir_helper arm_helper_bx = {"bx", helper_bx, 2, IR_I32};
const struct ir_helper arm_helper_wfi = {"wfi", helper_wfi, 0, IR_I32};
const struct ir_helper arm_helper_wfe = {"wfe", helper_wfe, 0, IR_I32};
const struct ir_helper arm_helper_sev = {"sev", helper_sev, 0, IR_I32};
const struct ir_helper arm_helper_bkpt = {"bkpt", helper_bkpt, 1, IR_I32};
