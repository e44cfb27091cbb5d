/* SPDX-License-Identifier: MIT */
/*
 * clint: the SiFive Core-Local Interruptor (SiFive FU540 manual, chapter
 * "Core-Local Interruptor"; the layout of QEMU virt's CLINT and of the
 * RISC-V ACLINT MSWI + MTIMER pair): msip[hart] at 0x0 + 4*hart raises the
 * machine software interrupt, mtimecmp[hart] at 0x4000 + 8*hart and mtime
 * at 0xbff8 drive the machine timer interrupt, MTIP = (mtime >= mtimecmp).
 * mtime counts the machine's virtual time at timebase-freq, so timer
 * interrupts arrive at the same instruction on every run.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "boards/board.h"
#include "engine/io/diag.h"
#include "engine/io/log.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

#define CLINT_SIZE 0x10000
#define CLINT_MSIP 0x0000
#define CLINT_MTIMECMP 0x4000
#define CLINT_MTIME 0xbff8
#define CLINT_MAX_HARTS 4095 /* msip words below 0x4000 */
#define NS_PER_SEC 1000000000u

struct clint;

struct clint_hart {
    struct clint *clint;
    struct irq_line msip_line, mtip_line;
    struct vtimer timer; /* fires when mtime reaches mtimecmp */
    bool mtip;           /* level driven on mtip_line */
    /* Registers (plain data, saved and restored as is). */
    uint32_t msip;
    uint64_t mtimecmp;
};

struct clint {
    struct sysbus bus;
    char *harts_path;
    struct machine *machine;
    struct clint_hart *harts;
    unsigned nharts;
    uint64_t mtime_offset; /* mtime = ticks of virtual time + offset */
};

/* Ticks of the virtual clock at timebase-freq. */
static uint64_t clint_ticks(const struct clint *c)
{
    uint64_t ns = machine_clock_ns(c->machine, current_cpu);

    return (uint64_t)((unsigned __int128)ns * c->machine->timebase_hz / NS_PER_SEC);
}

static uint64_t clint_mtime(const struct clint *c)
{
    return clint_ticks(c) + c->mtime_offset;
}

/* First virtual nanosecond at which the clock shows @ticks, or false when
 * that is beyond the clock's range. */
static bool clint_ticks_to_ns(const struct clint *c, uint64_t ticks, uint64_t *ns)
{
    unsigned __int128 hz = c->machine->timebase_hz;
    unsigned __int128 t = ((unsigned __int128)ticks * NS_PER_SEC + hz - 1) / hz;

    if (t > UINT64_MAX)
        return false;
    *ns = (uint64_t)t;
    return true;
}

/* Drive MTIP from mtime >= mtimecmp; while it is low, wake at the deadline. */
static void clint_update_timer(struct clint_hart *h)
{
    struct clint *c = h->clint;
    uint64_t ticks = clint_ticks(c), mtime = ticks + c->mtime_offset, deadline, ns;
    bool level = mtime >= h->mtimecmp;

    if (level != h->mtip) {
        h->mtip = level;
        irq_set(&h->mtip_line, level);
    }
    deadline = ticks + (h->mtimecmp - mtime);
    if (level || deadline < ticks || !clint_ticks_to_ns(c, deadline, &ns))
        vtimer_cancel(c->machine, &h->timer);
    else
        vtimer_arm(c->machine, &h->timer, ns);
}

static void clint_on_timer(void *opaque)
{
    clint_update_timer(opaque);
}

static void clint_update_all(struct clint *c)
{
    for (unsigned i = 0; i < c->nharts; i++)
        clint_update_timer(&c->harts[i]);
}

/* Registers are accessed as whole words or as any aligned part of one. */
static uint64_t clint_extract(uint64_t reg, uint64_t byte, unsigned size)
{
    uint64_t v = reg >> (8 * byte);

    return size >= 8 ? v : v & ((1ull << (8 * size)) - 1);
}

static uint64_t clint_merge(uint64_t reg, uint64_t byte, unsigned size, uint64_t v)
{
    uint64_t mask = size >= 8 ? ~0ull : ((1ull << (8 * size)) - 1);

    return (reg & ~(mask << (8 * byte))) | ((v & mask) << (8 * byte));
}

static int clint_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct clint *c = opaque;

    *value = 0;
    if (offset < CLINT_MSIP + 4ull * c->nharts)
        *value = clint_extract(c->harts[offset / 4].msip, offset % 4, size);
    else if (offset >= CLINT_MTIMECMP && offset < CLINT_MTIMECMP + 8ull * c->nharts)
        *value = clint_extract(c->harts[(offset - CLINT_MTIMECMP) / 8].mtimecmp, offset % 8, size);
    else if (offset >= CLINT_MTIME && offset < CLINT_MTIME + 8)
        *value = clint_extract(clint_mtime(c), offset % 8, size);
    else
        log_debug(LOG_UNIMP, "%s: read of reserved offset 0x%llx", c->bus.obj.name,
                  (unsigned long long)offset);
    return MEM_OK;
}

static void clint_write_msip(struct clint_hart *h, uint64_t byte, unsigned size, uint64_t v)
{
    uint32_t msip = (uint32_t)clint_merge(h->msip, byte, size, v) & 1;

    if (msip != h->msip) {
        h->msip = msip;
        irq_set(&h->msip_line, (int)msip);
    }
}

static void clint_write_mtime(struct clint *c, uint64_t byte, unsigned size, uint64_t v)
{
    uint64_t ticks = clint_ticks(c);

    c->mtime_offset = clint_merge(ticks + c->mtime_offset, byte, size, v) - ticks;
    clint_update_all(c);
}

static int clint_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct clint *c = opaque;
    struct clint_hart *h;

    log_debug(LOG_MMIO, "%s: write 0x%llx <- 0x%llx", c->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)value);
    if (offset < CLINT_MSIP + 4ull * c->nharts) {
        clint_write_msip(&c->harts[offset / 4], offset % 4, size, value);
    } else if (offset >= CLINT_MTIMECMP && offset < CLINT_MTIMECMP + 8ull * c->nharts) {
        h = &c->harts[(offset - CLINT_MTIMECMP) / 8];
        h->mtimecmp = clint_merge(h->mtimecmp, offset % 8, size, value);
        clint_update_timer(h);
    } else if (offset >= CLINT_MTIME && offset < CLINT_MTIME + 8) {
        clint_write_mtime(c, offset % 8, size, value);
    } else {
        log_debug(LOG_UNIMP, "%s: write of reserved offset 0x%llx", c->bus.obj.name,
                  (unsigned long long)offset);
    }
    return MEM_OK;
}

static const struct mem_region_ops clint_ops = {
    .read = clint_read,
    .write = clint_write,
    .max_access = 8,
};

/* Reset as QEMU and Spike do: mtime = 0, mtimecmp = 0 (so MTIP is set until
 * software programs mtimecmp), msip = 0. */
static void clint_reset(struct sysbus *dev)
{
    struct clint *c = (struct clint *)dev;

    if (!c->machine)
        return;
    c->mtime_offset = -clint_ticks(c);
    for (unsigned i = 0; i < c->nharts; i++) {
        struct clint_hart *h = &c->harts[i];
        h->msip = 0;
        h->mtimecmp = 0;
        h->mtip = false;
        irq_lower(&h->msip_line);
        irq_lower(&h->mtip_line);
    }
    clint_update_all(c);
}

/* The cluster whose harts the CLINT serves: "harts", or its own cluster. */
static struct cluster *clint_find_cluster(struct clint *c, const char *path)
{
    struct object *o;

    if (c->harts_path && *c->harts_path)
        o = object_resolve(OBJECT(c->machine), c->harts_path);
    else
        o = c->bus.obj.parent;
    if (!o || !object_is(o, "cluster")) {
        log_error("%s.harts: \"%s\" is not a cluster; name the cluster whose harts the CLINT "
                  "serves, e.g. /app",
                  path, c->harts_path ? c->harts_path : "");
        return NULL;
    }
    return (struct cluster *)o;
}

/* Wire the hart's msip and mtip inputs. A CPU without them (harts naming
 * another architecture's cluster) says which inputs it has, after the
 * CLINT's path: one message. */
static int clint_connect_hart(struct clint *c, struct cpu *cpu, const char *path)
{
    struct clint_hart *h = &c->harts[cpu->index];
    struct diag_prefix at;
    const struct diag *d = diag_prefix_init(&at, NULL, path);

    h->clint = c;
    vtimer_init(&h->timer, clint_on_timer, h);
    if (!cpu->target || !cpu->target->irq_in) {
        diag_error(d, "%s has no interrupt inputs", cpu->path);
        return -EINVAL;
    }
    if (cpu->target->irq_in(cpu, "msip", 0, &h->msip_line, d) ||
        cpu->target->irq_in(cpu, "mtip", 0, &h->mtip_line, d))
        return -EINVAL;
    return 0;
}

static int clint_realize(struct object *obj)
{
    struct clint *c = (struct clint *)obj;
    struct cluster *cl;
    char path[256];

    object_path(obj, path, sizeof(path));
    c->machine = machine_of(obj);
    cl = clint_find_cluster(c, path);
    if (!cl)
        return -EINVAL;
    if (cl->ncpus > CLINT_MAX_HARTS) {
        log_error("%s: %u harts are more than a CLINT serves (%d)", path, cl->ncpus,
                  CLINT_MAX_HARTS);
        return -EINVAL;
    }
    c->harts = calloc(cl->ncpus ? cl->ncpus : 1, sizeof(*c->harts));
    if (!c->harts)
        return -ENOMEM;
    c->nharts = cl->ncpus;
    for (unsigned i = 0; i < cl->ncpus; i++)
        if (clint_connect_hart(c, cl->cpus[i], path))
            return -EINVAL;
    c->bus.region = mem_region_new_mmio(obj->name, CLINT_SIZE, &clint_ops, c);
    if (!c->bus.region)
        return -ENOMEM;
    clint_reset(&c->bus);
    return 0;
}

static int clint_init(struct object *obj)
{
    ((struct clint *)obj)->bus.reset = clint_reset;
    return 0;
}

static void clint_finalize(struct object *obj)
{
    struct clint *c = (struct clint *)obj;

    for (unsigned i = 0; i < c->nharts; i++)
        vtimer_cancel(c->machine, &c->harts[i].timer);
    free(c->harts);
}

static const struct prop_def clint_props[] = {
    {.name = "harts",
     .type = PROP_STRING,
     .offset = offsetof(struct clint, harts_path),
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "path of the cluster whose CPUs it serves (hart i = cpu i; empty: the cluster "
             "the CLINT is in)"},
    {0},
};

const struct object_type clint_type = {
    .name = "clint",
    .parent = "sysbus",
    .instance_size = sizeof(struct clint),
    .help = "SiFive CLINT: machine software and timer interrupts, mtime (QEMU virt layout)",
    .props = clint_props,
    .init = clint_init,
    .realize = clint_realize,
    .finalize = clint_finalize,
};
