/* SPDX-License-Identifier: MIT */
/*
 * htif: the Berkeley Host-Target Interface as Spike and QEMU's "spike"
 * machine provide it (riscv-isa-sim fesvr/htif.cc): the guest writes a
 * command to the 64-bit word at the ELF symbol "tohost" (device in bits
 * 63:56, command in 55:48, payload in 47:0) and the host answers in
 * "fromhost". Device 0 with an odd payload ends the run with exit code
 * payload >> 1; device 1 command 1 prints the payload's low byte. The two
 * words are carved out of RAM once the images are loaded.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "boards/board.h"
#include "engine/io/chardev.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"

#define HTIF_DEV(v) ((unsigned)((v) >> 56))
#define HTIF_CMD(v) ((unsigned)(((v) >> 48) & 0xff))
#define HTIF_PAYLOAD(v) ((v)&0xffffffffffffull)
#define HTIF_DEV_SYSCALL 0
#define HTIF_DEV_CONSOLE 1
#define HTIF_CONSOLE_PUTCHAR 1

/* Registers (plain data, saved and restored as is). */
struct htif_regs {
    uint64_t tohost, fromhost;
};

struct htif {
    struct sysbus bus;
    struct chardev *out;
    struct mem_region *tohost_region, *fromhost_region;
    gaddr tohost_addr;
    bool active;
    struct htif_regs r;
};

static void htif_console(struct htif *h, uint64_t cmd)
{
    uint8_t c = (uint8_t)HTIF_PAYLOAD(cmd);

    if (HTIF_CMD(cmd) != HTIF_CONSOLE_PUTCHAR) {
        log_debug(LOG_UNIMP, "%s: console command %u not supported", h->bus.obj.name,
                  HTIF_CMD(cmd));
        return;
    }
    chardev_write(h->out, &c, 1);
    h->r.fromhost = (uint64_t)HTIF_DEV_CONSOLE << 56 | (uint64_t)HTIF_CONSOLE_PUTCHAR << 48;
}

/* A complete tohost value arrived: act on it and clear tohost, as the
 * host side does to tell the guest the command was taken. */
static void htif_command(struct htif *h, uint64_t cmd)
{
    uint64_t payload = HTIF_PAYLOAD(cmd);

    log_debug(LOG_MMIO, "%s: tohost 0x%016" PRIx64, h->bus.obj.name, cmd);
    h->r.tohost = 0;
    if (HTIF_DEV(cmd) == HTIF_DEV_CONSOLE)
        htif_console(h, cmd);
    else if (HTIF_DEV(cmd) == HTIF_DEV_SYSCALL && (payload & 1))
        machine_request_exit(machine_of(OBJECT(&h->bus)), (int)(payload >> 1));
    else if (HTIF_DEV(cmd) == HTIF_DEV_SYSCALL)
        log_warn("%s: HTIF syscall proxy (tohost 0x%016" PRIx64 ") is not supported",
                 h->bus.obj.name, cmd);
    else
        log_debug(LOG_UNIMP, "%s: unknown HTIF device %u", h->bus.obj.name, HTIF_DEV(cmd));
}

static uint64_t htif_extract(uint64_t reg, uint64_t byte, unsigned size)
{
    uint64_t v = reg >> (8 * byte);

    return size >= 8 ? v : v & ((1ull << (8 * size)) - 1);
}

static uint64_t htif_merge(uint64_t reg, uint64_t byte, unsigned size, uint64_t v)
{
    uint64_t mask = size >= 8 ? ~0ull : ((1ull << (8 * size)) - 1);

    return (reg & ~(mask << (8 * byte))) | ((v & mask) << (8 * byte));
}

static int htif_tohost_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    *value = htif_extract(((struct htif *)opaque)->r.tohost, offset, size);
    return MEM_OK;
}

/* A write that includes the most significant byte completes the value:
 * one 64-bit store, or the upper half after the lower one (rv32, and
 * test suites that store two words, low half first). */
static int htif_tohost_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct htif *h = opaque;

    h->r.tohost = htif_merge(h->r.tohost, offset, size, value);
    if (offset + size == 8 && h->r.tohost)
        htif_command(h, h->r.tohost);
    return MEM_OK;
}

static int htif_fromhost_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    *value = htif_extract(((struct htif *)opaque)->r.fromhost, offset, size);
    return MEM_OK;
}

static int htif_fromhost_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct htif *h = opaque;

    h->r.fromhost = htif_merge(h->r.fromhost, offset, size, value);
    return MEM_OK;
}

static const struct mem_region_ops htif_tohost_ops = {
    .read = htif_tohost_read,
    .write = htif_tohost_write,
    .max_access = 8,
};

static const struct mem_region_ops htif_fromhost_ops = {
    .read = htif_fromhost_read,
    .write = htif_fromhost_write,
    .max_access = 8,
};

/* Carve the 8-byte word at @sym out of its cluster's RAM. */
static int htif_map(struct htif *h, const struct machine_symbol *sym, struct mem_region **r,
                    const struct mem_region_ops *ops)
{
    char name[64];

    snprintf(name, sizeof(name), "%s.%s", h->bus.obj.name, sym->name);
    *r = mem_region_new_mmio(name, 8, ops, h);
    if (!*r)
        return -ENOMEM;
    if (mem_view_map_overlay(sym->cluster->view, sym->value, *r, 0, 8)) {
        log_error("%s: cannot place %s at 0x%" PRIx64 " in the view of %s", h->bus.obj.name,
                  sym->name, sym->value, sym->cluster->obj.name);
        return -EINVAL;
    }
    return 0;
}

/* After images are loaded: find tohost/fromhost and map them. */
static int htif_post_load(struct sysbus *dev)
{
    struct htif *h = (struct htif *)dev;
    struct machine *m = machine_of(OBJECT(dev));
    const struct machine_symbol *to = machine_symbol(m, "tohost");
    const struct machine_symbol *from = machine_symbol(m, "fromhost");

    if (!to || !to->cluster) {
        if (!h->active)
            log_info("%s: the images have no tohost symbol; HTIF is inactive", dev->obj.name);
        return 0;
    }
    if (h->active) {
        if (to->value != h->tohost_addr)
            log_warn("%s: tohost moved to 0x%" PRIx64 "; HTIF stays at 0x%" PRIx64, dev->obj.name,
                     to->value, h->tohost_addr);
        return 0;
    }
    if (htif_map(h, to, &h->tohost_region, &htif_tohost_ops))
        return -EINVAL;
    h->active = true;
    h->tohost_addr = to->value;
    if (from && from->cluster == to->cluster &&
        htif_map(h, from, &h->fromhost_region, &htif_fromhost_ops))
        return -EINVAL;
    return 0;
}

static void htif_reset(struct sysbus *dev)
{
    memset(&((struct htif *)dev)->r, 0, sizeof(struct htif_regs));
}

static int htif_realize(struct object *obj)
{
    struct htif *h = (struct htif *)obj;

    h->out = chardev_open("stdout");
    return h->out ? 0 : -ENOMEM;
}

static int htif_init(struct object *obj)
{
    struct htif *h = (struct htif *)obj;

    h->bus.post_load = htif_post_load;
    h->bus.reset = htif_reset;
    return 0;
}

static void htif_finalize(struct object *obj)
{
    struct htif *h = (struct htif *)obj;

    if (h->tohost_region)
        mem_region_unref(h->tohost_region);
    if (h->fromhost_region)
        mem_region_unref(h->fromhost_region);
    chardev_close(h->out);
}

const struct object_type htif_type = {
    .name = "htif",
    .parent = "sysbus",
    .instance_size = sizeof(struct htif),
    .help = "Spike host-target interface at the images' tohost/fromhost symbols",
    .init = htif_init,
    .realize = htif_realize,
    .finalize = htif_finalize,
};
