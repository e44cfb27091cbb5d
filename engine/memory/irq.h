/* SPDX-License-Identifier: MIT */
/*
 * Interrupt lines: a device output is connected to one input of another
 * object (an interrupt controller or a CPU). Raising or lowering the line
 * calls the input's handler with the level. Unconnected lines are harmless.
 */
#ifndef MOSAIC_IRQ_H
#define MOSAIC_IRQ_H

struct irq_line {
    void (*handler)(void *opaque, int n, int level);
    void *opaque;
    int n;
};

static inline void irq_set(const struct irq_line *l, int level)
{
    if (l && l->handler)
        l->handler(l->opaque, l->n, level);
}

/* clang-format off */
static inline void irq_raise(const struct irq_line *l) { irq_set(l, 1); }
static inline void irq_lower(const struct irq_line *l) { irq_set(l, 0); }
/* clang-format on */

#endif
