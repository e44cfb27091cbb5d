/* SPDX-License-Identifier: MIT */
/*
 * The sysbus base type, for anything that occupies guest addresses (RAM,
 * ROM, memory-mapped devices), and aliases of its regions. The types are
 * registered by sysbus.c; mapping them into the clusters' views happens at
 * machine_realize (engine/machine/machine.c), by the rule machine.h states.
 */
#ifndef MOSAIC_SYSBUS_H
#define MOSAIC_SYSBUS_H

#include <stdint.h>

#include "engine/io/diag.h"
#include "engine/memory/irq.h"
#include "engine/memory/memory.h"
#include "engine/object/object.h"

#define SYSBUS_NO_BASE UINT64_MAX

/* Base of RAM, ROM and every memory-mapped device. */
struct sysbus {
    struct object obj;
    uint64_t base;             /* property "base"; SYSBUS_NO_BASE if unset */
    char *clusters;            /* property: "app,rt"; empty = all */
    struct mem_region *region; /* created by the subclass's realize */
    /* Optional hooks (set by subclasses in init). irq_out: the output
     * line @name[@n], or NULL (the caller reports). irq_in: connect input
     * @name[@n] as targets do (target_ops.irq_in: 0, or -ENOENT after
     * reporting to @d which inputs exist). */
    struct irq_line *(*irq_out)(struct sysbus *dev, const char *name, unsigned n);
    int (*irq_in)(struct sysbus *dev, const char *name, unsigned n, struct irq_line *out,
                  const struct diag *d);
    void (*reset)(struct sysbus *dev);
    /* After images are loaded (e.g. HTIF finds its tohost symbol). */
    int (*post_load)(struct sysbus *dev);
};

/* An alias: (part of) a named region mapped at another address. */
struct mem_alias {
    struct object obj;
    char *region; /* path of the sysbus object whose region is aliased */
    uint64_t base;
    uint64_t offset;
    uint64_t size; /* 0 = to the end of the region */
};

/* The object types sysbus.c defines (engine_register_types registers them). */
extern const struct object_type sysbus_type, ram_type, rom_type, alias_type;

#endif
