/* SPDX-License-Identifier: MIT */
/*
 * The ARMv7-M exception model (ARM ARM B1.5): reset, execution priority,
 * taking synchronous exceptions (with escalation to HardFault and
 * lockup) and interrupts, stacking and unstacking the 8-word frame with
 * the optional 8-byte realignment (the extended frame of an active FP
 * context, fpctx.c, is always aligned), and exception return through
 * EXC_RETURN. Tail-chaining is not modelled: a pending exception at
 * return is taken afterwards with a fresh stacking, which leaves the same
 * architectural state.
 *
 * Stacking and unstacking go straight through the cluster's view (not
 * cpu_ld/cpu_st), because an error there is not a fault of the current
 * instruction but a derived exception (STKERR, UNSTKERR), and because
 * delivery may happen outside translated code (a debugger passing a
 * signal on).
 */
#include <inttypes.h>
#include <string.h>

#include "engine/io/log.h"
#include "engine/machine/debug.h"
#include "targets/arm/internals.h"

#define FRAME_SIZE 0x20
#define FP_FRAME_SIZE 0x68           /* with S0-S15, FPSCR and a reserved word */
#define EXC_RETURN_BASIC_FRAME 0x10u /* EXC_RETURN bit 4: no FP state stacked */
#define EXC_RETURN_HANDLER 0xfffffff1u
#define EXC_RETURN_THREAD_MSP 0xfffffff9u
#define EXC_RETURN_THREAD_PSP 0xfffffffdu

/* B1.5.4: the lowest group priority among active exceptions, boosted by
 * BASEPRI, PRIMASK (unless @ignore_primask) and FAULTMASK. */
static int exec_priority(const struct arm_cpu *c, bool ignore_primask)
{
    int prio = 256, boost = 256;
    for (unsigned w = 0; w < ARM_EXC_WORDS; w++) {
        uint32_t bits = c->nvic.active[w];
        while (bits) {
            unsigned exc = w * 32 + (unsigned)__builtin_ctz(bits);
            int p = arm_exc_group_priority(c, exc);
            bits &= bits - 1;
            if (p < prio)
                prio = p;
        }
    }
    if (c->basepri & 0xff)
        boost = (int)(c->basepri & 0xff & ~((2u << c->nvic.prigroup) - 1));
    if (c->primask && !ignore_primask)
        boost = 0;
    if (c->faultmask)
        boost = -1;
    return prio < boost ? prio : boost;
}

int arm_exec_priority(const struct arm_cpu *c)
{
    return exec_priority(c, false);
}

/* Whether the highest pending exception would preempt now. */
static bool can_take_pending(const struct arm_cpu *c, bool ignore_primask, unsigned *exc)
{
    unsigned e = arm_pending_exception(c);
    if (exc)
        *exc = e;
    return e && arm_exc_group_priority(c, e) < exec_priority(c, ignore_primask);
}

void arm_recheck_irq(struct arm_cpu *c)
{
    if (c->reset_pending || can_take_pending(c, false, NULL))
        cpu_interrupt(&c->cpu);
}

static void swap_sp(struct arm_cpu *c)
{
    uint32_t t = c->r[13];
    c->r[13] = c->sp_other;
    c->sp_other = t;
}

/* Load SP and PC from the vector table (B1.5.5 TakeReset). */
static void load_reset_vectors(struct arm_cpu *c)
{
    uint64_t sp = 0, pc = 0;
    mem_view_read(c->cpu.view, c->nvic.vtor, 4, &sp);
    mem_view_read(c->cpu.view, c->nvic.vtor + 4, 4, &pc);
    c->r[13] = (uint32_t)sp & ~3u;
    c->r[15] = (uint32_t)pc & ~1u;
    c->thumb = pc & 1;
}

void arm_take_reset(struct arm_cpu *c)
{
    memset(c->r, 0, sizeof(c->r));
    c->r[14] = 0xffffffffu;
    c->nf = c->cf = c->vf = c->qf = c->ge = 0;
    c->zf = 1;
    c->itstate = 0;
    c->excl_addr = ARM_NO_EXCL;
    c->excl_val = 0;
    c->sp_other = 0;
    c->ipsr = c->control = c->primask = c->faultmask = c->basepri = 0;
    c->event = c->sleep_wfe = c->locked_up = c->reset_pending = false;
    arm_nvic_reset(c);
    arm_fp_reset(c);
    load_reset_vectors(c);
}

void arm_set_vtor_and_reload(struct arm_cpu *c, uint32_t vtor)
{
    c->nvic.vtor = vtor & ~0x7fu;
    load_reset_vectors(c);
}

static void lockup(struct arm_cpu *c, unsigned exc)
{
    log_error("%s: lockup: exception %u at pc 0x%08" PRIx32 " cannot be taken at execution "
              "priority %d; the core stops until reset",
              c->cpu.path, exc, c->r[15], arm_exec_priority(c));
    c->locked_up = true;
    c->r[15] = 0xfffffffeu;
    c->cpu.state = CPU_WAITING;
}

/* PushStack (B1.5.6): the frame goes on the current stack, extended
 * while an FP context is active. A write that fails is a stacking error:
 * a BusFault becomes pending (STKERR). */
static void push_stack(struct arm_cpu *c, uint32_t ret_addr)
{
    bool fp = c->control & CONTROL_FPCA;
    bool force = fp || (c->nvic.ccr & CCR_STKALIGN), psp = arm_using_psp(c), ok = true;
    uint32_t sp = c->r[13];
    uint32_t realign = force && (sp & 4) ? XPSR_SPREALIGN : 0;
    uint32_t frame = (sp - (fp ? FP_FRAME_SIZE : FRAME_SIZE)) & (force ? ~4u : ~0u);
    uint32_t w[8] = {c->r[0],  c->r[1],  c->r[2],  c->r[3],
                     c->r[12], c->r[14], ret_addr, (arm_xpsr_read(c) & ~XPSR_SPREALIGN) | realign};
    c->r[13] = frame;
    for (unsigned i = 0; i < 8 && ok; i++)
        ok = mem_view_write(c->cpu.view, frame + 4 * i, 4, w[i]) == MEM_OK;
    if (ok && fp)
        ok = arm_fp_frame_push(c, frame);
    if (!ok) {
        c->nvic.cfsr |= CFSR_STKERR;
        arm_set_pending(c, ARM_EXC_BUS, true);
    }
    c->r[14] = arm_handler_mode(c) ? EXC_RETURN_HANDLER
               : psp               ? EXC_RETURN_THREAD_PSP
                                   : EXC_RETURN_THREAD_MSP;
    if (fp)
        c->r[14] &= ~EXC_RETURN_BASIC_FRAME;
}

/* ExceptionTaken (B1.5.6): Handler mode on the main stack, PC from the
 * vector table. A vector that cannot be read is a HardFault (VECTTBL). */
static void exception_taken(struct arm_cpu *c, unsigned exc)
{
    uint64_t vec;
    while (mem_view_read(c->cpu.view, c->nvic.vtor + 4 * exc, 4, &vec) != MEM_OK) {
        if (exc == ARM_EXC_HARD || exc == ARM_EXC_NMI) {
            lockup(c, exc);
            return;
        }
        c->nvic.hfsr |= HFSR_VECTTBL;
        exc = ARM_EXC_HARD;
    }
    if (log_enabled(LOG_INT))
        log_debug(LOG_INT,
                  "%s: exception %u from pc 0x%08" PRIx32 " to 0x%08" PRIx32 " after %" PRIu64
                  " instructions",
                  c->cpu.path, exc, c->r[15], (uint32_t)vec, c->cpu.icount);
    if (arm_using_psp(c))
        swap_sp(c);
    c->ipsr = exc;
    c->control &= ~(CONTROL_SPSEL | CONTROL_FPCA);
    c->r[15] = (uint32_t)vec & ~1u;
    c->thumb = vec & 1;
    c->itstate = 0;
    arm_set_pending(c, exc, false);
    arm_set_active(c, exc, true);
    c->excl_addr = ARM_NO_EXCL;
    c->event = true;
}

/* The exception actually taken for a synchronous @exc: a disabled fault,
 * or one whose priority cannot preempt, escalates to HardFault (B1.5.12);
 * 0 means lockup. */
static unsigned escalate(struct arm_cpu *c, unsigned exc)
{
    int exec = arm_exec_priority(c);
    if (exc == ARM_EXC_NMI)
        return exc;
    if (exc != ARM_EXC_HARD &&
        (!arm_exc_enabled(c, exc) || arm_exc_group_priority(c, exc) >= exec)) {
        c->nvic.hfsr |= exc == ARM_EXC_DEBUGMON ? HFSR_DEBUGEVT : HFSR_FORCED;
        exc = ARM_EXC_HARD;
    }
    return exec > -1 ? exc : 0;
}

static void take_sync(struct arm_cpu *c, unsigned exc, uint32_t ret_addr, bool push)
{
    unsigned taken = escalate(c, exc);
    if (!taken) {
        lockup(c, exc);
        return;
    }
    if (push)
        push_stack(c, ret_addr);
    exception_taken(c, taken);
    arm_recheck_irq(c);
}

/* The gdb signal a debugger sees for an exception (0: never shown). */
static int exc_signal(const struct arm_cpu *c, unsigned exc)
{
    switch (exc) {
    case ARM_EXC_SVC: return 0;
    case ARM_EXC_DEBUGMON: return GDB_SIGTRAP;
    case ARM_EXC_USAGE:
        if (c->nvic.cfsr & CFSR_DIVBYZERO)
            return 8; /* SIGFPE */
        return c->nvic.cfsr & CFSR_UNALIGNED ? GDB_SIGBUS : GDB_SIGILL;
    case ARM_EXC_BUS: return GDB_SIGBUS;
    default: return GDB_SIGSEGV;
    }
}

/*
 * target_ops.do_exception: a fault, SVC or BKPT raised at the current
 * instruction (the pc is its address). SVC returns to the next
 * instruction with ITSTATE advanced. With gdb attached a BKPT that is not
 * semihosting stops with SIGTRAP, and with stop-on-exception faults stop
 * before the guest's handler (C1.7: halting debug takes BKPT first).
 */
void arm_do_exception(struct cpu *cpu)
{
    struct arm_cpu *c = arm_cpu(cpu);
    unsigned exc = (unsigned)cpu->excp;
    uint32_t ret = c->r[15];
    int sig = exc_signal(c, exc);
    if (sig && debug_intercept_exception(cpu, sig))
        return;
    if (exc == ARM_EXC_SVC) {
        ret += 2; /* SVC is always 16-bit */
        c->itstate = arm_it_advance(c->itstate);
    }
    take_sync(c, exc, ret, true);
}

bool arm_exec_interrupt(struct cpu *cpu)
{
    struct arm_cpu *c = arm_cpu(cpu);
    unsigned exc;
    if (c->sleep_wfe) {
        c->sleep_wfe = false;
        c->event = false;
    }
    if (c->reset_pending) {
        log_info("%s: reset requested (AIRCR.SYSRESETREQ): resetting the core", cpu->path);
        arm_take_reset(c);
        return true;
    }
    if (c->locked_up || !can_take_pending(c, false, &exc))
        return false;
    push_stack(c, c->r[15]);
    exception_taken(c, exc);
    return true;
}

/* WFI/WFE wake on an exception that would preempt with PRIMASK clear
 * (B1.5.19), WFE also on an event. */
bool arm_has_work(const struct cpu *cpu)
{
    const struct arm_cpu *c = arm_cpu_const(cpu);
    if (c->locked_up)
        return false;
    if (c->reset_pending || (c->sleep_wfe && c->event))
        return true;
    return can_take_pending(c, true, NULL);
}

/* A failed exception return (INVPC, B1.5.8): a UsageFault taken from
 * Handler mode without stacking, LR as the pseudocode defines it. */
static void return_fault(struct arm_cpu *c, uint32_t exc_return, bool push)
{
    c->nvic.cfsr |= CFSR_INVPC;
    if (push)
        push_stack(c, c->r[15]);
    c->r[14] = 0xf0000000u + exc_return;
    take_sync(c, ARM_EXC_USAGE, c->r[15], false);
}

/* DeActivate (B1.5.8): also ends FAULTMASK, and a level-sensitive
 * interrupt whose line is still high becomes pending again. */
static void deactivate(struct arm_cpu *c, unsigned exc)
{
    arm_set_active(c, exc, false);
    if (exc != ARM_EXC_NMI)
        c->faultmask = 0;
    if (exc >= ARM_EXC_IRQ0 && (c->nvic.level[exc / 32] >> (exc % 32) & 1))
        arm_set_pending(c, exc, true);
}

static bool pop_frame(struct arm_cpu *c, uint32_t frame, uint32_t *w)
{
    for (unsigned i = 0; i < 8; i++) {
        uint64_t v;
        if (mem_view_read(c->cpu.view, frame + 4 * i, 4, &v) != MEM_OK)
            return false;
        w[i] = (uint32_t)v;
    }
    return true;
}

/* Restore the registers and xPSR of a popped frame (PopStack). */
static void restore_frame(struct arm_cpu *c, const uint32_t *w)
{
    uint32_t xpsr = w[7];
    for (unsigned i = 0; i < 4; i++)
        c->r[i] = w[i];
    c->r[12] = w[4];
    c->r[14] = w[5];
    c->r[15] = w[6] & ~1u;
    arm_apsr_write(c, xpsr, true, c->dsp);
    c->ipsr = xpsr & XPSR_EXC_MASK;
    c->itstate = ((xpsr >> 25) & 3) | ((xpsr >> 10) & 0x3f) << 2;
    c->thumb = !!(xpsr & XPSR_T);
}

/* ExceptionReturn (B1.5.8). Called in Handler mode, where r13 is the MSP
 * and sp_other the PSP. */
void arm_exception_return(struct arm_cpu *c, uint32_t exc_return)
{
    unsigned exc = c->ipsr, nested = arm_active_count(c);
    bool thread = false, psp = false, ok = arm_is_active(c, exc);
    /* With the FP extension, bit 4 clear says the frame is extended. */
    bool fp = arm_has_fp(c) && !(exc_return & EXC_RETURN_BASIC_FRAME);
    switch ((exc_return | (fp ? EXC_RETURN_BASIC_FRAME : 0)) & 0x0fffffff) {
    case 0x0ffffff1: ok &= nested != 1; break;
    case 0x0ffffff9: thread = true; break;
    case 0x0ffffffd: thread = psp = true; break;
    default: ok = false; break;
    }
    if (thread && nested != 1 && !(c->nvic.ccr & CCR_NONBASETHRDENA))
        ok = false;
    deactivate(c, exc);
    if (!ok) {
        return_fault(c, exc_return, false);
        return;
    }
    uint32_t frame = psp ? c->sp_other : c->r[13], w[8];
    if (!pop_frame(c, frame, w) || (fp && !arm_fp_frame_pop(c, frame))) {
        c->nvic.cfsr |= CFSR_UNSTKERR;
        take_sync(c, ARM_EXC_BUS, c->r[15], false);
        return;
    }
    uint32_t new_sp = frame + (fp ? FP_FRAME_SIZE : FRAME_SIZE);
    if ((w[7] & XPSR_SPREALIGN) && (fp || (c->nvic.ccr & CCR_STKALIGN)))
        new_sp |= 4;
    if (psp) {
        c->sp_other = c->r[13];
        c->r[13] = new_sp;
    } else {
        c->r[13] = new_sp;
    }
    c->control &= ~(CONTROL_SPSEL | CONTROL_FPCA);
    c->control |= (psp ? CONTROL_SPSEL : 0) | (fp ? CONTROL_FPCA : 0);
    restore_frame(c, w);
    if (thread != (c->ipsr == 0)) {
        /* The frame's IPSR contradicts EXC_RETURN: re-stack in the mode
         * EXC_RETURN chose and take a UsageFault from there. */
        c->ipsr = thread ? 0 : exc;
        return_fault(c, exc_return, true);
        return;
    }
    if (log_enabled(LOG_INT))
        log_debug(LOG_INT, "%s: return from exception %u to 0x%08" PRIx32, c->cpu.path, exc,
                  c->r[15]);
    c->excl_addr = ARM_NO_EXCL;
    c->event = true;
    arm_recheck_irq(c);
}
