/* SPDX-License-Identifier: MIT */
/*
 * cmsdk-apb-timer: the 32-bit down-counter of ARM's Cortex-M System Design
 * Kit (ARM DDI0479C, section 4.2), as on the MPS2 boards and QEMU's
 * mps2-an385: CTRL, VALUE, RELOAD, INTSTATUS/INTCLEAR and the ID
 * registers. While enabled, VALUE decrements once per clock; the clock
 * that takes it from 1 to 0 latches the interrupt (when CTRL enables it)
 * and the next one reloads RELOAD, so a period is RELOAD + 1 clocks. The
 * clock is the machine's virtual time at clock-freq, so interrupts arrive
 * at the same instruction on every run. There is no EXTIN signal: the
 * external enable and clock selections (CTRL bits 1 and 2) are ignored,
 * as QEMU does, and the counter runs from the clock.
 */
#include <errno.h>
#include <string.h>

#include "boards/board.h"
#include "engine/io/log.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

#define TIMER_SIZE 0x1000
#define TIMER_CTRL 0x000
#define TIMER_VALUE 0x004
#define TIMER_RELOAD 0x008
#define TIMER_INTSTATUS 0x00c /* INTCLEAR when written */
#define TIMER_PID4 0xfd0
#define TIMER_CID3 0xffc

#define CTRL_EN 0x1
#define CTRL_EXTIN 0x6 /* external input as enable / as clock */
#define CTRL_IE 0x8
#define CTRL_MASK 0xf
#define INT_IRQ 0x1
#define NS_PER_SEC 1000000000u

/* PID4..PID7, PID0..PID3, CID0..CID3 (DDI0479C table 4-6). */
static const uint8_t timer_id[12] = {0x04, 0, 0, 0, 0x22, 0xb8, 0x1b, 0, 0x0d, 0xf0, 0x05, 0xb1};

/* Register state: plain data, saved and restored as is. The counter is
 * VALUE = value at clock tick anchor, counting down from there. */
struct cmsdk_timer_regs {
    uint32_t ctrl, reload, intstatus;
    uint32_t value;
    uint64_t anchor;
};

struct cmsdk_timer {
    struct sysbus bus;
    uint64_t clock_freq; /* property; 0 = the machine's cpu-freq */
    struct machine *machine;
    struct vtimer timer; /* fires at the next 1 -> 0 step */
    struct irq_line irq;
    bool level;
    struct cmsdk_timer_regs r;
};

static uint64_t timer_hz(const struct cmsdk_timer *t)
{
    return t->clock_freq ? t->clock_freq : t->machine->cpu_freq_hz;
}

/* Clock ticks of virtual time since the machine's reset. */
static uint64_t timer_ticks(const struct cmsdk_timer *t)
{
    uint64_t ns = machine_clock_ns(t->machine, current_cpu);

    return (uint64_t)((unsigned __int128)ns * timer_hz(t) / NS_PER_SEC);
}

static bool timer_running(const struct cmsdk_timer *t)
{
    return t->r.ctrl & CTRL_EN;
}

/* VALUE @k ticks after the anchor: down to 0, then RELOAD, RELOAD - 1, ...
 * With RELOAD 0 the counter stays at 0. */
static uint32_t timer_value_after(const struct cmsdk_timer *t, uint64_t k)
{
    uint64_t v0 = t->r.value, period = (uint64_t)t->r.reload + 1;

    if (k <= v0)
        return (uint32_t)(v0 - k);
    if (!t->r.reload)
        return 0;
    return (uint32_t)(t->r.reload - (k - v0 - 1) % period);
}

static uint32_t timer_value(const struct cmsdk_timer *t)
{
    if (!timer_running(t))
        return t->r.value;
    return timer_value_after(t, timer_ticks(t) - t->r.anchor);
}

/* Ticks after the anchor of the first 1 -> 0 step later than @k, or false
 * when there is none (the counter sits at 0 with RELOAD 0). */
static bool timer_next_zero(const struct cmsdk_timer *t, uint64_t k, uint64_t *at)
{
    uint64_t v0 = t->r.value, period = (uint64_t)t->r.reload + 1;

    if (k < v0) {
        *at = v0;
        return true;
    }
    if (!t->r.reload)
        return false;
    *at = v0 + ((k - v0) / period + 1) * period;
    return true;
}

static void timer_update_irq(struct cmsdk_timer *t)
{
    bool level = t->r.intstatus & INT_IRQ;

    if (level != t->level) {
        t->level = level;
        irq_set(&t->irq, level);
    }
}

/* Wake at the next step to 0 while an interrupt could result from it. */
static void timer_schedule(struct cmsdk_timer *t)
{
    unsigned __int128 ns;
    uint64_t hz = timer_hz(t), k = timer_ticks(t) - t->r.anchor, at;

    if (!timer_running(t) || !(t->r.ctrl & CTRL_IE) || !timer_next_zero(t, k, &at)) {
        vtimer_cancel(t->machine, &t->timer);
        return;
    }
    ns = ((unsigned __int128)(t->r.anchor + at) * NS_PER_SEC + hz - 1) / hz;
    if (ns > UINT64_MAX)
        vtimer_cancel(t->machine, &t->timer);
    else
        vtimer_arm(t->machine, &t->timer, (uint64_t)ns);
}

static void timer_on_zero(void *opaque)
{
    struct cmsdk_timer *t = opaque;

    if (timer_running(t) && (t->r.ctrl & CTRL_IE))
        t->r.intstatus |= INT_IRQ;
    timer_update_irq(t);
    timer_schedule(t);
}

/* Restart the count from @value now (every write that changes the count). */
static void timer_set_value(struct cmsdk_timer *t, uint32_t value)
{
    t->r.value = value;
    t->r.anchor = timer_ticks(t);
}

static void timer_write_ctrl(struct cmsdk_timer *t, uint32_t v)
{
    if (v & CTRL_EXTIN)
        log_debug(LOG_UNIMP, "%s: no EXTIN input; CTRL 0x%x counts the clock", t->bus.obj.name, v);
    timer_set_value(t, timer_value(t));
    t->r.ctrl = v & CTRL_MASK;
}

static uint32_t timer_read_reg(struct cmsdk_timer *t, uint64_t reg)
{
    switch (reg) {
    case TIMER_CTRL: return t->r.ctrl;
    case TIMER_VALUE: return timer_value(t);
    case TIMER_RELOAD: return t->r.reload;
    case TIMER_INTSTATUS: return t->r.intstatus;
    default:
        if (reg >= TIMER_PID4 && reg <= TIMER_CID3)
            return timer_id[(reg - TIMER_PID4) / 4];
        log_debug(LOG_UNIMP, "%s: read of reserved offset 0x%llx", t->bus.obj.name,
                  (unsigned long long)reg);
        return 0;
    }
}

static void timer_write_reg(struct cmsdk_timer *t, uint64_t reg, uint32_t v)
{
    switch (reg) {
    case TIMER_CTRL: timer_write_ctrl(t, v); break;
    case TIMER_VALUE: timer_set_value(t, v); break;
    case TIMER_RELOAD:
        /* A write to RELOAD also sets the current value (DDI0479C 4.2.2). */
        t->r.reload = v;
        timer_set_value(t, v);
        break;
    case TIMER_INTSTATUS: t->r.intstatus &= ~(v & INT_IRQ); break;
    default:
        log_debug(LOG_UNIMP, "%s: write 0x%x to %s offset 0x%llx ignored", t->bus.obj.name, v,
                  reg >= TIMER_PID4 && reg <= TIMER_CID3 ? "read-only" : "reserved",
                  (unsigned long long)reg);
        return;
    }
    timer_update_irq(t);
    timer_schedule(t);
}

/* 32-bit registers; narrower accesses reach the bytes of a word (the other
 * bytes of a narrow write are written as 0). */
static int timer_mmio_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct cmsdk_timer *t = opaque;
    uint32_t word = timer_read_reg(t, offset & ~3ull);
    unsigned shift = 8 * (offset & 3);

    *value = size >= 4 ? word : (word >> shift) & ((1u << (8 * size)) - 1);
    log_debug(LOG_MMIO, "%s: read 0x%llx -> 0x%llx", t->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)*value);
    return MEM_OK;
}

static int timer_mmio_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct cmsdk_timer *t = opaque;
    uint32_t mask = size >= 4 ? 0xffffffffu : (1u << (8 * size)) - 1;

    log_debug(LOG_MMIO, "%s: write 0x%llx <- 0x%llx", t->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)value);
    timer_write_reg(t, offset & ~3ull, ((uint32_t)value & mask) << (8 * (offset & 3)));
    return MEM_OK;
}

static const struct mem_region_ops timer_ops = {
    .read = timer_mmio_read,
    .write = timer_mmio_write,
    .max_access = 4,
};

static struct irq_line *timer_irq_out(struct sysbus *dev, const char *name, unsigned n)
{
    return !strcmp(name, "irq") && n == 0 ? &((struct cmsdk_timer *)dev)->irq : NULL;
}

static void timer_reset(struct sysbus *dev)
{
    struct cmsdk_timer *t = (struct cmsdk_timer *)dev;

    if (!t->machine)
        return;
    t->r = (struct cmsdk_timer_regs){0};
    timer_set_value(t, 0);
    timer_update_irq(t);
    timer_schedule(t);
}

static int timer_realize(struct object *obj)
{
    struct cmsdk_timer *t = (struct cmsdk_timer *)obj;

    t->machine = machine_of(obj);
    vtimer_init(&t->timer, timer_on_zero, t);
    t->bus.region = mem_region_new_mmio(obj->name, TIMER_SIZE, &timer_ops, t);
    if (!t->bus.region)
        return -ENOMEM;
    timer_reset(&t->bus);
    return 0;
}

static int timer_init(struct object *obj)
{
    struct cmsdk_timer *t = (struct cmsdk_timer *)obj;

    t->bus.irq_out = timer_irq_out;
    t->bus.reset = timer_reset;
    return 0;
}

static void timer_finalize(struct object *obj)
{
    struct cmsdk_timer *t = (struct cmsdk_timer *)obj;

    if (t->machine)
        vtimer_cancel(t->machine, &t->timer);
}

static const struct prop_def timer_props[] = {
    {.name = "clock-freq",
     .type = PROP_UINT,
     .offset = offsetof(struct cmsdk_timer, clock_freq),
     .defval = "0",
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "counter clock in Hz (the APB clock PCLK); 0 = the board's cpu-freq"},
    {0},
};

const struct object_type cmsdk_timer_type = {
    .name = "cmsdk-apb-timer",
    .parent = "sysbus",
    .instance_size = sizeof(struct cmsdk_timer),
    .help = "ARM CMSDK APB timer: 32-bit down-counter with reload and interrupt",
    .props = timer_props,
    .init = timer_init,
    .realize = timer_realize,
    .finalize = timer_finalize,
};
