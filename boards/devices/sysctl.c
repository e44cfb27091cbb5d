/* SPDX-License-Identifier: MIT */
/*
 * sysctl: a system controller that holds a remote core in reset until the
 * application releases it, as remote-processor start-up works on real SoCs
 * (Mosaic's own design, documented in doc/boards.md). The CPUs of the
 * cluster named by the "cluster" property start powered off (the board
 * sets start-powered-off on that cluster). Software writes the boot
 * address (for a Cortex-M core, its vector table: reset loads SP and PC
 * from there), then sets RUN: every CPU of the cluster is reset and boots
 * at that address. Clearing RUN holds them in reset again.
 *
 * Registers (32-bit):
 *   0x00 ID        read-only 0x4c544353 ("SCTL")
 *   0x04 BOOTADDR  read/write  where the released CPUs boot
 *   0x08 CTRL      bit 0 RUN: 0 -> 1 boots the cluster, 1 -> 0 holds it
 *   0x0c STATUS    read-only, bit 0: at least one CPU of the cluster is on
 */
#include <errno.h>
#include <string.h>

#include "boards/board.h"
#include "engine/io/log.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

#define SYSCTL_SIZE 0x1000
#define SYSCTL_ID 0x00
#define SYSCTL_BOOTADDR 0x04
#define SYSCTL_CTRL 0x08
#define SYSCTL_STATUS 0x0c
#define SYSCTL_ID_VALUE 0x4c544353u
#define CTRL_RUN 0x1

/* Register state: plain data, saved and restored as is. */
struct sysctl_regs {
    uint32_t bootaddr;
    uint32_t ctrl;
};

struct sysctl {
    struct sysbus bus;
    char *cluster_path;
    struct cluster *cluster;
    struct sysctl_regs r;
};

static bool sysctl_any_on(const struct sysctl *s)
{
    for (unsigned i = 0; i < s->cluster->ncpus; i++)
        if (s->cluster->cpus[i]->state != CPU_OFF)
            return true;
    return false;
}

static void sysctl_write_ctrl(struct sysctl *s, uint32_t v)
{
    uint32_t old = s->r.ctrl;

    s->r.ctrl = v & CTRL_RUN;
    if (!(old & CTRL_RUN) && (v & CTRL_RUN)) {
        log_debug(LOG_BOARD, "%s: releasing /%s at 0x%08x", s->bus.obj.name, s->cluster->obj.name,
                  s->r.bootaddr);
        for (unsigned i = 0; i < s->cluster->ncpus; i++)
            cpu_boot(s->cluster->cpus[i], s->r.bootaddr);
    } else if ((old & CTRL_RUN) && !(v & CTRL_RUN)) {
        log_debug(LOG_BOARD, "%s: holding /%s in reset", s->bus.obj.name, s->cluster->obj.name);
        for (unsigned i = 0; i < s->cluster->ncpus; i++)
            cpu_power_off(s->cluster->cpus[i]);
    }
}

static int sysctl_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct sysctl *s = opaque;

    *value = 0;
    if (size != 4)
        return MEM_DEVICE_ERROR;
    switch (offset) {
    case SYSCTL_ID: *value = SYSCTL_ID_VALUE; break;
    case SYSCTL_BOOTADDR: *value = s->r.bootaddr; break;
    case SYSCTL_CTRL: *value = s->r.ctrl; break;
    case SYSCTL_STATUS: *value = sysctl_any_on(s); break;
    default:
        log_debug(LOG_UNIMP, "%s: read of reserved offset 0x%llx", s->bus.obj.name,
                  (unsigned long long)offset);
        break;
    }
    return MEM_OK;
}

static int sysctl_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct sysctl *s = opaque;

    if (size != 4)
        return MEM_DEVICE_ERROR;
    log_debug(LOG_MMIO, "%s: write 0x%llx <- 0x%llx", s->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)value);
    switch (offset) {
    case SYSCTL_BOOTADDR: s->r.bootaddr = (uint32_t)value; break;
    case SYSCTL_CTRL: sysctl_write_ctrl(s, (uint32_t)value); break;
    default:
        log_debug(LOG_UNIMP, "%s: write to %s offset 0x%llx ignored", s->bus.obj.name,
                  offset == SYSCTL_ID || offset == SYSCTL_STATUS ? "read-only" : "reserved",
                  (unsigned long long)offset);
        break;
    }
    return MEM_OK;
}

static const struct mem_region_ops sysctl_ops = {
    .read = sysctl_read,
    .write = sysctl_write,
    .max_access = 4,
};

/* The CPUs themselves go back to their reset state with the machine; only
 * the registers are reset here. */
static void sysctl_reset(struct sysbus *dev)
{
    struct sysctl *s = (struct sysctl *)dev;

    memset(&s->r, 0, sizeof(s->r));
}

static int sysctl_realize(struct object *obj)
{
    struct sysctl *s = (struct sysctl *)obj;
    struct object *o = NULL;
    char path[256];

    object_path(obj, path, sizeof(path));
    if (s->cluster_path && *s->cluster_path)
        o = object_resolve(OBJECT(machine_of(obj)), s->cluster_path);
    if (!o || !object_is(o, "cluster")) {
        log_error("%s.cluster: \"%s\" is not a cluster; name the cluster the controller "
                  "holds in reset, e.g. /rt",
                  path, s->cluster_path ? s->cluster_path : "");
        return -EINVAL;
    }
    s->cluster = (struct cluster *)o;
    s->bus.region = mem_region_new_mmio(obj->name, SYSCTL_SIZE, &sysctl_ops, s);
    if (!s->bus.region)
        return -ENOMEM;
    sysctl_reset(&s->bus);
    return 0;
}

static int sysctl_init(struct object *obj)
{
    ((struct sysctl *)obj)->bus.reset = sysctl_reset;
    return 0;
}

static const struct prop_def sysctl_props[] = {
    {.name = "cluster",
     .type = PROP_STRING,
     .offset = offsetof(struct sysctl, cluster_path),
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "path of the cluster held in reset until released, e.g. /rt"},
    {0},
};

const struct object_type sysctl_type = {
    .name = "sysctl",
    .parent = "sysbus",
    .instance_size = sizeof(struct sysctl),
    .help = "system controller: holds a cluster in reset until software sets its boot "
            "address and RUN",
    .props = sysctl_props,
    .init = sysctl_init,
    .realize = sysctl_realize,
};
