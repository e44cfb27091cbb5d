/* SPDX-License-Identifier: MIT */
/*
 * The Nested Vectored Interrupt Controller of one core (ARM ARM B3.4):
 * pending, active and enable state of every exception, priorities and
 * their grouping (AIRCR.PRIGROUP), the choice of the exception to take,
 * the interrupt input lines devices connect to, and the NVIC registers
 * of the System Control Space (0xE000E100-0xE000E4EF).
 *
 * State is kept as bitmaps indexed by exception number (external
 * interrupt n is exception 16 + n). Device lines may change pending and
 * level bits from other host threads, hence the atomic updates. Lines are
 * level-sensitive: a rising level makes the interrupt pending, and one
 * still high when its handler returns pends it again (B3.4.1).
 */
#include <errno.h>
#include <string.h>

#include "engine/io/log.h"
#include "targets/arm/internals.h"

static bool bit_get(const uint32_t *map, unsigned n)
{
    return (__atomic_load_n(&map[n / 32], __ATOMIC_ACQUIRE) >> (n % 32)) & 1;
}

static void bit_put(uint32_t *map, unsigned n, bool v)
{
    uint32_t m = 1u << (n % 32);
    if (v)
        __atomic_fetch_or(&map[n / 32], m, __ATOMIC_ACQ_REL);
    else
        __atomic_fetch_and(&map[n / 32], ~m, __ATOMIC_ACQ_REL);
}

void arm_set_pending(struct arm_cpu *c, unsigned exc, bool pending)
{
    bit_put(c->nvic.pending, exc, pending);
    if (pending && (c->nvic.scr & SCR_SEVONPEND))
        c->event = true;
}

bool arm_is_pending(const struct arm_cpu *c, unsigned exc)
{
    return bit_get(c->nvic.pending, exc);
}

bool arm_is_active(const struct arm_cpu *c, unsigned exc)
{
    return bit_get(c->nvic.active, exc);
}

void arm_set_active(struct arm_cpu *c, unsigned exc, bool active)
{
    bit_put(c->nvic.active, exc, active);
}

unsigned arm_active_count(const struct arm_cpu *c)
{
    unsigned n = 0;
    for (unsigned w = 0; w < ARM_EXC_WORDS; w++)
        n += (unsigned)__builtin_popcount(c->nvic.active[w]);
    return n;
}

int arm_exc_priority(const struct arm_cpu *c, unsigned exc)
{
    switch (exc) {
    case ARM_EXC_RESET: return -3;
    case ARM_EXC_NMI: return -2;
    case ARM_EXC_HARD: return -1;
    default: return c->nvic.prio[exc];
    }
}

/* The group priority: the bits above the subpriority field (B1.5.4). */
int arm_exc_group_priority(const struct arm_cpu *c, unsigned exc)
{
    int p = arm_exc_priority(c, exc);
    return p < 0 ? p : (int)((unsigned)p & ~((2u << c->nvic.prigroup) - 1) & 0xff);
}

bool arm_exc_enabled(const struct arm_cpu *c, unsigned exc)
{
    switch (exc) {
    case ARM_EXC_NMI:
    case ARM_EXC_HARD:
    case ARM_EXC_SVC:
    case ARM_EXC_PENDSV:
    case ARM_EXC_SYSTICK: return true;
    case ARM_EXC_MEM: return c->nvic.shcsr & SHCSR_MEMFAULTENA;
    case ARM_EXC_BUS: return c->nvic.shcsr & SHCSR_BUSFAULTENA;
    case ARM_EXC_USAGE: return c->nvic.shcsr & SHCSR_USGFAULTENA;
    case ARM_EXC_DEBUGMON: return c->nvic.demcr & DEMCR_MON_EN;
    default: return exc >= ARM_EXC_IRQ0 && bit_get(c->nvic.enabled, exc);
    }
}

/* The pending enabled exception with the lowest priority value, the
 * lowest number among equals (B1.5.4). Pending HardFault and NMI count
 * even though they have no enable. */
unsigned arm_pending_exception(const struct arm_cpu *c)
{
    unsigned best = 0;
    int best_prio = 0;
    for (unsigned w = 0; w < ARM_EXC_WORDS; w++) {
        uint32_t bits = __atomic_load_n(&c->nvic.pending[w], __ATOMIC_ACQUIRE);
        while (bits) {
            unsigned exc = w * 32 + (unsigned)__builtin_ctz(bits);
            bits &= bits - 1;
            if (!arm_exc_enabled(c, exc))
                continue;
            int p = arm_exc_priority(c, exc);
            if (!best || p < best_prio) {
                best = exc;
                best_prio = p;
            }
        }
    }
    return best;
}

void arm_nvic_reset(struct arm_cpu *c)
{
    struct arm_nvic *n = &c->nvic;
    uint32_t level[ARM_EXC_WORDS];
    memcpy(level, n->level, sizeof(level)); /* input lines keep their levels */
    memset(n->enabled, 0, sizeof(n->enabled));
    memset(n->pending, 0, sizeof(n->pending));
    memset(n->active, 0, sizeof(n->active));
    memset(n->prio, 0, sizeof(n->prio));
    n->vtor = n->prigroup = n->scr = n->shcsr = n->cfsr = n->hfsr = n->dfsr = 0;
    n->mmfar = n->bfar = n->demcr = 0;
    n->ccr = CCR_STKALIGN; /* the reset value on r2p0 and later Cortex-M3, and M4 */
    if (arm_v6m(c))        /* fixed: every frame aligned, every unaligned access faults */
        n->ccr |= CCR_UNALIGN_TRP;
    arm_systick_reset(c);
    for (unsigned e = ARM_EXC_IRQ0; e < ARM_NUM_EXC; e++)
        if (level[e / 32] >> (e % 32) & 1)
            bit_put(n->pending, e, true);
}

/* ---- interrupt input lines -------------------------------------------- */

static void irq_line_set(void *opaque, int n, int level)
{
    struct arm_cpu *c = opaque;
    unsigned exc = ARM_EXC_IRQ0 + (unsigned)n;
    bool was = bit_get(c->nvic.level, exc);
    bit_put(c->nvic.level, exc, level);
    if (level && !was) {
        arm_set_pending(c, exc, true);
        cpu_interrupt(&c->cpu);
    }
}

/* NMI is edge-triggered: a rising level makes it pending. */
static void nmi_line_set(void *opaque, int n, int level)
{
    struct arm_cpu *c = opaque;
    (void)n;
    if (level) {
        arm_set_pending(c, ARM_EXC_NMI, true);
        cpu_interrupt(&c->cpu);
    }
}

int arm_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out,
               const struct diag *d)
{
    if (!strcmp(name, "irq") && n < ARM_NUM_IRQ) {
        *out = (struct irq_line){.handler = irq_line_set, .opaque = cpu, .n = (int)n};
        return 0;
    }
    if (!strcmp(name, "nmi") && n == 0) {
        *out = (struct irq_line){.handler = nmi_line_set, .opaque = cpu, .n = 0};
        return 0;
    }
    diag_error(d, "%s: no interrupt input %s[%u] (a Cortex-M core has irq[0..%u] and nmi[0])",
               cpu->path, name, n, ARM_NUM_IRQ - 1);
    return -ENOENT;
}

/* ---- NVIC registers (B3.4.3) ------------------------------------------ */

#define NVIC_ISER 0x100
#define NVIC_ICER 0x180
#define NVIC_ISPR 0x200
#define NVIC_ICPR 0x280
#define NVIC_IABR 0x300
#define NVIC_IPR 0x400
#define NVIC_IPR_END (NVIC_IPR + ARM_NUM_IRQ)

/* Interrupts 32 * @word .. + 31 of a bitmap indexed by exception number. */
static uint32_t irq_word(const uint32_t *map, unsigned word)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < 32; i++) {
        unsigned exc = ARM_EXC_IRQ0 + 32 * word + i;
        if (exc < ARM_NUM_EXC && bit_get(map, exc))
            v |= 1u << i;
    }
    return v;
}

/* Set (@set) or clear the interrupts of @word whose bit in @v is 1. */
static void irq_word_update(struct arm_cpu *c, uint32_t *map, unsigned word, uint32_t v, bool set)
{
    for (unsigned i = 0; i < 32; i++) {
        unsigned exc = ARM_EXC_IRQ0 + 32 * word + i;
        if (!(v & (1u << i)) || exc >= ARM_NUM_EXC)
            continue;
        if (map == c->nvic.pending)
            arm_set_pending(c, exc, set || bit_get(c->nvic.level, exc));
        else
            bit_put(map, exc, set);
    }
}

/* The bank an offset in 0x100-0x3FF addresses, or NULL. */
static uint32_t *bank_of(struct arm_cpu *c, uint32_t offset, bool *set)
{
    static const struct {
        uint32_t base;
        size_t field;
        bool set;
    } banks[] = {
        {NVIC_ISER, offsetof(struct arm_nvic, enabled), true},
        {NVIC_ICER, offsetof(struct arm_nvic, enabled), false},
        {NVIC_ISPR, offsetof(struct arm_nvic, pending), true},
        {NVIC_ICPR, offsetof(struct arm_nvic, pending), false},
        {NVIC_IABR, offsetof(struct arm_nvic, active), true},
    };
    for (unsigned i = 0; i < sizeof(banks) / sizeof(banks[0]); i++) {
        if (offset >= banks[i].base && offset < banks[i].base + 0x40) {
            *set = banks[i].set;
            return (uint32_t *)((char *)&c->nvic + banks[i].field);
        }
    }
    return NULL;
}

/* Word reads of 0x100-0x4EF; false if the offset is not an NVIC one. */
bool arm_nvic_read(struct arm_cpu *c, uint32_t offset, uint32_t *value)
{
    bool set;
    uint32_t *map = bank_of(c, offset, &set);
    if (map) {
        *value = irq_word(map, (offset & 0x3f) / 4);
        return true;
    }
    if (offset >= NVIC_IPR && offset < NVIC_IPR + 0xf0) {
        unsigned e = ARM_EXC_IRQ0 + offset - NVIC_IPR;
        *value = 0;
        for (unsigned i = 0; i < 4 && offset + i < NVIC_IPR_END; i++)
            *value |= (uint32_t)c->nvic.prio[e + i] << (8 * i);
        return true;
    }
    return false;
}

/* Writes of 0x100-0x4EF (the priority bytes may be written one by one). */
bool arm_nvic_write(struct arm_cpu *c, uint32_t offset, uint32_t value, unsigned size)
{
    bool set;
    uint32_t *map = bank_of(c, offset, &set);
    if (map) {
        if (offset < NVIC_IABR && size == 4)
            irq_word_update(c, map, (offset & 0x3f) / 4, value, set);
        arm_recheck_irq(c);
        return true;
    }
    if (offset >= NVIC_IPR && offset < NVIC_IPR + 0xf0) {
        for (unsigned i = 0; i < size && offset + i < NVIC_IPR_END; i++)
            c->nvic.prio[ARM_EXC_IRQ0 + offset - NVIC_IPR + i] =
                (uint8_t)(value >> (8 * i)) & arm_prio_mask(c);
        arm_recheck_irq(c);
        return true;
    }
    return false;
}
