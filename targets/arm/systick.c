/* SPDX-License-Identifier: MIT */
/*
 * SysTick (ARM ARM B3.3), counting in virtual time: the processor clock
 * is the machine's cpu-freq (one instruction per cycle) and the external
 * reference clock is 1 MHz. The counter is not stepped; its value is
 * computed from the tick at which it last had a known value, and a
 * virtual-time timer is armed for the next transition to zero, where
 * COUNTFLAG is set and the SysTick exception pends (when TICKINT).
 *
 * From a known value v at tick t0, the counter reaches 0 after v ticks
 * (a wrap when v > 0), reloads RVR on the next tick and wraps again every
 * RVR + 1 ticks; with RVR = 0 it stops at 0.
 */
#include "engine/machine/machine.h"
#include "targets/arm/internals.h"

enum { SYST_REG_CSR, SYST_REG_RVR, SYST_REG_CVR, SYST_REG_CALIB };

#define SYST_MASK 0xffffffu
/* CALIB: no SKEW, TENMS for the 1 MHz reference clock. */
#define SYST_CALIB_VALUE (SYST_REF_HZ / 100 - 1)

static uint64_t clock_hz(const struct arm_cpu *c)
{
    const struct machine *m = machine_of((struct object *)&c->cpu.obj);
    return (c->nvic.syst_csr & SYST_CLKSOURCE) ? m->cpu_freq_hz : SYST_REF_HZ;
}

/* Ticks of the selected clock at the current virtual time. */
static uint64_t now_ticks(struct arm_cpu *c)
{
    struct machine *m = machine_of(&c->cpu.obj);
    const struct cpu *self = current_cpu == &c->cpu ? &c->cpu : NULL;
    return (uint64_t)((unsigned __int128)machine_clock_ns(m, self) * clock_hz(c) / 1000000000u);
}

/* Counter value @d ticks after t0, and the wraps on the way. */
static uint32_t value_after(const struct arm_nvic *n, uint64_t d, uint64_t *wraps)
{
    uint64_t v0 = n->syst_val, period = (uint64_t)n->syst_rvr + 1;
    if (d < v0) {
        *wraps = 0;
        return (uint32_t)(v0 - d);
    }
    *wraps = v0 > 0;
    if (!n->syst_rvr)
        return 0;
    uint64_t j = (d - v0) % period;
    *wraps += (d - v0) / period;
    return j ? (uint32_t)(period - j) : 0;
}

/* Bring the counter to the current tick and re-arm the timer. */
static void systick_sync(struct arm_cpu *c)
{
    struct arm_nvic *n = &c->nvic;
    struct machine *m = machine_of(&c->cpu.obj);
    vtimer_cancel(m, &n->syst_timer);
    if (!(n->syst_csr & SYST_ENABLE))
        return;
    uint64_t now = now_ticks(c), wraps;
    if (now < n->syst_t0)
        now = n->syst_t0; /* a reader earlier in its quantum than the last one */
    n->syst_val = value_after(n, now - n->syst_t0, &wraps);
    n->syst_t0 = now;
    if (wraps) {
        n->syst_csr |= SYST_COUNTFLAG;
        if (n->syst_csr & SYST_TICKINT) {
            arm_set_pending(c, ARM_EXC_SYSTICK, true);
            cpu_interrupt(&c->cpu);
        }
    }
    uint64_t next = n->syst_val ? n->syst_val : n->syst_rvr ? (uint64_t)n->syst_rvr + 1 : 0;
    if (next) {
        uint64_t hz = clock_hz(c), tick = now + next;
        uint64_t ns = (uint64_t)(((unsigned __int128)tick * 1000000000u + hz - 1) / hz);
        vtimer_arm(m, &n->syst_timer, ns);
    }
}

void arm_systick_timer(void *opaque)
{
    systick_sync(opaque);
}

void arm_systick_reset(struct arm_cpu *c)
{
    struct arm_nvic *n = &c->nvic;
    vtimer_cancel(machine_of(&c->cpu.obj), &n->syst_timer);
    n->syst_csr = 0;
    n->syst_rvr = 0;
    n->syst_val = 0;
    n->syst_t0 = 0;
}

uint32_t arm_systick_read(struct arm_cpu *c, unsigned reg)
{
    struct arm_nvic *n = &c->nvic;
    systick_sync(c);
    switch (reg) {
    case SYST_REG_CSR: {
        uint32_t v = n->syst_csr;
        n->syst_csr &= ~SYST_COUNTFLAG; /* cleared by the read */
        return v;
    }
    case SYST_REG_RVR: return n->syst_rvr;
    case SYST_REG_CVR: return n->syst_val;
    default: return SYST_CALIB_VALUE;
    }
}

void arm_systick_write(struct arm_cpu *c, unsigned reg, uint32_t v)
{
    struct arm_nvic *n = &c->nvic;
    systick_sync(c);
    switch (reg) {
    case SYST_REG_CSR:
        n->syst_csr =
            (n->syst_csr & SYST_COUNTFLAG) | (v & (SYST_ENABLE | SYST_TICKINT | SYST_CLKSOURCE));
        n->syst_t0 = now_ticks(c); /* the clock or the enable may have changed */
        break;
    case SYST_REG_RVR: n->syst_rvr = v & SYST_MASK; break;
    case SYST_REG_CVR: /* any write clears the counter and COUNTFLAG */
        n->syst_val = 0;
        n->syst_t0 = now_ticks(c);
        n->syst_csr &= ~SYST_COUNTFLAG;
        break;
    default: break;
    }
    systick_sync(c);
}
