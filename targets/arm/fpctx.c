/* SPDX-License-Identifier: MIT */
/*
 * The FP context of the M-profile FP extension (ARMv7-M ARM B1.5.6-B1.5.8,
 * B3.2.20-B3.2.23): CPACR access to CP10/CP11, the extended exception
 * frame (S0-S15 and FPSCR after the basic frame, 0x68 bytes, always 8-byte
 * aligned), lazy state preservation (FPCCR.LSPEN: exception entry only
 * reserves the space and records it in FPCAR; the first FP instruction of
 * the handler stores the registers there) and automatic state
 * preservation (FPCCR.ASPEN: an FP instruction marks the context active
 * in CONTROL.FPCA, starting it with FPDSCR's modes).
 *
 * An RTOS switching tasks from PendSV thus only saves S16-S31 itself when
 * EXC_RETURN bit 4 says the task had an FP context: the hardware frame
 * holds the rest. Like stacking in excp.c, these accesses go straight to
 * the view; one that fails is a derived BusFault (LSPERR, STKERR,
 * UNSTKERR) made pending rather than a fault of an instruction.
 */
#include <string.h>

#include "targets/arm/internals.h"

/* The words after the basic frame: S0-S15 and FPSCR (a reserved word
 * follows). */
#define FP_FRAME_WORDS 17

bool arm_fp_enabled(const struct arm_cpu *c)
{
    unsigned cp10 = (c->nvic.cpacr >> CPACR_CP10_SHIFT) & 3;
    return arm_has_fp(c) && (cp10 == 3 || (cp10 == 1 && arm_privileged(c)));
}

static bool store_fp_words(struct arm_cpu *c, uint32_t addr)
{
    for (unsigned i = 0; i < FP_FRAME_WORDS; i++) {
        uint32_t v = i < 16 ? c->vfp[i] : c->fpscr;
        if (mem_view_write(c->cpu.view, addr + 4 * i, 4, v) != MEM_OK)
            return false;
    }
    return true;
}

/* PreserveFPState: the lazy save into the frame reserved at FPCAR. */
static void preserve(struct arm_cpu *c)
{
    if (!store_fp_words(c, c->nvic.fpcar & ~7u)) {
        c->nvic.cfsr |= CFSR_LSPERR;
        arm_set_pending(c, ARM_EXC_BUS, true);
        arm_recheck_irq(c);
    }
    c->nvic.fpccr &= ~FPCCR_LSPACT;
}

void arm_fp_check(struct arm_cpu *c)
{
    if (c->nvic.fpccr & FPCCR_LSPACT)
        preserve(c);
    if ((c->nvic.fpccr & FPCCR_ASPEN) && !(c->control & CONTROL_FPCA)) {
        /* A new context: FPSCR from FPDSCR (as QEMU and ARMv8-M do). */
        c->fpscr = c->nvic.fpdscr;
        c->control |= CONTROL_FPCA;
    }
}

/* Can exception @exc be taken at the current execution priority (the
 * FPCCR *RDY bits, which qualify faults of a later lazy save)? */
static bool ready(const struct arm_cpu *c, unsigned exc)
{
    return arm_exc_enabled(c, exc) && arm_exc_priority(c, exc) < arm_exec_priority(c);
}

/* UpdateFPCCR (B1.5.6): where the lazy save goes and in which state the
 * space was reserved. */
static void update_fpccr(struct arm_cpu *c, uint32_t frame)
{
    uint32_t f = c->nvic.fpccr & (FPCCR_ASPEN | FPCCR_LSPEN);
    c->nvic.fpcar = (frame + 0x20) & ~7u;
    f |= FPCCR_LSPACT;
    f |= arm_privileged(c) ? 0 : FPCCR_USER;
    f |= arm_handler_mode(c) ? 0 : FPCCR_THREAD;
    f |= arm_exec_priority(c) > -1 ? FPCCR_HFRDY : 0;
    f |= ready(c, ARM_EXC_MEM) ? FPCCR_MMRDY : 0;
    f |= ready(c, ARM_EXC_BUS) ? FPCCR_BFRDY : 0;
    f |= ready(c, ARM_EXC_DEBUGMON) ? FPCCR_MONRDY : 0;
    c->nvic.fpccr = f;
}

/* CheckVFPEnabled() inside stacking and unstacking: without access the
 * registers stay where they are and a UsageFault (NOCP) becomes pending,
 * a derived exception like STKERR. */
static bool stacking_allowed(struct arm_cpu *c)
{
    if (arm_fp_enabled(c))
        return true;
    c->nvic.cfsr |= CFSR_NOCP;
    arm_set_pending(c, ARM_EXC_USAGE, true);
    return false;
}

bool arm_fp_frame_push(struct arm_cpu *c, uint32_t frame)
{
    if (c->nvic.fpccr & FPCCR_LSPEN) {
        update_fpccr(c, frame);
        return true;
    }
    return !stacking_allowed(c) || store_fp_words(c, frame + 0x20);
}

bool arm_fp_frame_pop(struct arm_cpu *c, uint32_t frame)
{
    if (c->nvic.fpccr & FPCCR_LSPACT) {
        /* The handler never used the FPU: the registers still hold it. */
        c->nvic.fpccr &= ~FPCCR_LSPACT;
        return true;
    }
    if (!stacking_allowed(c))
        return true;
    for (unsigned i = 0; i < FP_FRAME_WORDS; i++) {
        uint64_t v;
        if (mem_view_read(c->cpu.view, frame + 0x20 + 4 * i, 4, &v) != MEM_OK)
            return false;
        if (i < 16)
            c->vfp[i] = (uint32_t)v;
        else
            c->fpscr = (uint32_t)v & FPSCR_MASK;
    }
    return true;
}

void arm_fp_reset(struct arm_cpu *c)
{
    memset(c->vfp, 0, sizeof(c->vfp));
    c->fpscr = 0;
    c->nvic.cpacr = c->nvic.fpcar = c->nvic.fpdscr = 0;
    c->nvic.fpccr = arm_has_fp(c) ? FPCCR_ASPEN | FPCCR_LSPEN : 0;
}

static uint64_t helper_fp_check(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    arm_fp_check(arm_cpu(cpu));
    return 0;
}

const struct ir_helper arm_helper_fp_check = {"fp_check", helper_fp_check, 0, IR_I32};
