/* SPDX-License-Identifier: MIT */
/*
 * mailbox: a doorbell mailbox between two sides of a heterogeneous board
 * (Mosaic's own design, documented in doc/boards.md). Two one-way
 * channels, each a message word and a doorbell: channel 0 carries side 0
 * to side 1 (e.g. the application cores to the real-time core), channel 1
 * the way back. Ringing a channel's doorbell makes it pending and raises
 * the interrupt output of that channel, "irq[N]", towards its receiver
 * while the channel's interrupt is enabled; the receiver acknowledges to
 * clear it. The same registers serve both sides (map the device, or
 * aliases of it, into each cluster's view), so the device never needs to
 * know which CPU is accessing it.
 *
 * Channel N's registers start at 0x10 * N:
 *   +0x0 DATA     read/write  the message word
 *   +0x4 DOORBELL write 1: ring (PENDING; OVERRUN too if it was pending);
 *                 read: STATUS
 *   +0x8 ACK      write 1: clear PENDING and OVERRUN; read: STATUS
 *   +0xc INTEN    bit 0: irq[N] = PENDING && INTEN
 * STATUS: bit 0 PENDING, bit 1 OVERRUN (rung again before acknowledged).
 */
#include <errno.h>
#include <string.h>

#include "boards/board.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"

#define MBOX_SIZE 0x1000
#define MBOX_CHANNELS 2
#define MBOX_STRIDE 0x10
#define MBOX_DATA 0x0
#define MBOX_DOORBELL 0x4
#define MBOX_ACK 0x8
#define MBOX_INTEN 0xc

#define STATUS_PENDING 0x1
#define STATUS_OVERRUN 0x2

/* One channel's registers: plain data, saved and restored as is. */
struct mailbox_channel {
    uint32_t data;
    uint32_t status;
    uint32_t inten;
};

struct mailbox {
    struct sysbus bus;
    struct irq_line irq[MBOX_CHANNELS];
    bool level[MBOX_CHANNELS];
    struct mailbox_channel ch[MBOX_CHANNELS];
};

static void mailbox_update(struct mailbox *mb, unsigned n)
{
    bool level = (mb->ch[n].status & STATUS_PENDING) && (mb->ch[n].inten & 1);

    if (level != mb->level[n]) {
        mb->level[n] = level;
        irq_set(&mb->irq[n], level);
    }
}

static uint32_t mailbox_read_reg(struct mailbox *mb, unsigned n, unsigned reg)
{
    switch (reg) {
    case MBOX_DATA: return mb->ch[n].data;
    case MBOX_INTEN: return mb->ch[n].inten;
    default: return mb->ch[n].status;
    }
}

static void mailbox_write_reg(struct mailbox *mb, unsigned n, unsigned reg, uint32_t v)
{
    struct mailbox_channel *c = &mb->ch[n];

    switch (reg) {
    case MBOX_DATA: c->data = v; break;
    case MBOX_DOORBELL:
        if (!(v & 1))
            break;
        if (c->status & STATUS_PENDING)
            c->status |= STATUS_OVERRUN;
        c->status |= STATUS_PENDING;
        break;
    case MBOX_ACK:
        if (v & 1)
            c->status = 0;
        break;
    default: c->inten = v & 1; break;
    }
    mailbox_update(mb, n);
}

/* Which channel and register an access reaches; false outside them. Only
 * whole, aligned 32-bit words are registers. */
static bool mailbox_decode(struct mailbox *mb, uint64_t offset, unsigned size, unsigned *n,
                           unsigned *reg)
{
    if (size != 4 || (offset & 3) || offset >= MBOX_CHANNELS * MBOX_STRIDE) {
        log_debug(LOG_UNIMP, "%s: %u-byte access at 0x%llx is not a register", mb->bus.obj.name,
                  size, (unsigned long long)offset);
        return false;
    }
    *n = (unsigned)(offset / MBOX_STRIDE);
    *reg = (unsigned)(offset % MBOX_STRIDE);
    return true;
}

static int mailbox_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct mailbox *mb = opaque;
    unsigned n, reg;

    *value = 0;
    if (!mailbox_decode(mb, offset, size, &n, &reg))
        return size == 4 ? MEM_OK : MEM_DEVICE_ERROR;
    *value = mailbox_read_reg(mb, n, reg);
    log_debug(LOG_MMIO, "%s: read 0x%llx -> 0x%llx", mb->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)*value);
    return MEM_OK;
}

static int mailbox_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct mailbox *mb = opaque;
    unsigned n, reg;

    if (!mailbox_decode(mb, offset, size, &n, &reg))
        return size == 4 ? MEM_OK : MEM_DEVICE_ERROR;
    log_debug(LOG_MMIO, "%s: write 0x%llx <- 0x%llx", mb->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)value);
    mailbox_write_reg(mb, n, reg, (uint32_t)value);
    return MEM_OK;
}

static const struct mem_region_ops mailbox_ops = {
    .read = mailbox_read,
    .write = mailbox_write,
    .max_access = 4,
};

static struct irq_line *mailbox_irq_out(struct sysbus *dev, const char *name, unsigned n)
{
    return !strcmp(name, "irq") && n < MBOX_CHANNELS ? &((struct mailbox *)dev)->irq[n] : NULL;
}

static void mailbox_reset(struct sysbus *dev)
{
    struct mailbox *mb = (struct mailbox *)dev;

    memset(mb->ch, 0, sizeof(mb->ch));
    for (unsigned n = 0; n < MBOX_CHANNELS; n++)
        mailbox_update(mb, n);
}

static int mailbox_realize(struct object *obj)
{
    struct mailbox *mb = (struct mailbox *)obj;

    mb->bus.region = mem_region_new_mmio(obj->name, MBOX_SIZE, &mailbox_ops, mb);
    if (!mb->bus.region)
        return -ENOMEM;
    mailbox_reset(&mb->bus);
    return 0;
}

static int mailbox_init(struct object *obj)
{
    struct mailbox *mb = (struct mailbox *)obj;

    mb->bus.irq_out = mailbox_irq_out;
    mb->bus.reset = mailbox_reset;
    return 0;
}

const struct object_type mailbox_type = {
    .name = "mailbox",
    .parent = "sysbus",
    .instance_size = sizeof(struct mailbox),
    .help = "two-channel doorbell mailbox between two sides of a board (irq[0], irq[1])",
    .init = mailbox_init,
    .realize = mailbox_realize,
};
