/* SPDX-License-Identifier: MIT */
/*
 * cmsdk-apb-uart: the APB UART of ARM's Cortex-M System Design Kit (ARM
 * DDI0479C, "Cortex-M System Design Kit Technical Reference Manual",
 * section 4.3), as on the MPS2 boards and QEMU's mps2-an385: DATA, STATE,
 * CTRL, INTSTATUS/INTCLEAR, BAUDDIV and the ID registers, one-byte
 * transmit and receive buffers, and the TX, RX, TX-overrun, RX-overrun and
 * combined interrupt outputs. Transmission is immediate while the
 * transmitter is enabled; a byte written while it is disabled waits in the
 * buffer (STATE.TXFULL) until CTRL enables it. Input comes from a
 * character backend one byte at a time while the receiver is enabled.
 */
#include <errno.h>
#include <string.h>

#include "boards/board.h"
#include "boards/devices/uart_chardev.h"
#include "engine/io/chardev.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"

#define UART_SIZE 0x1000
#define UART_DATA 0x000
#define UART_STATE 0x004
#define UART_CTRL 0x008
#define UART_INTSTATUS 0x00c /* INTCLEAR when written */
#define UART_BAUDDIV 0x010
#define UART_PID4 0xfd0
#define UART_CID3 0xffc

#define STATE_TXFULL 0x1
#define STATE_RXFULL 0x2
#define STATE_TXOVR 0x4
#define STATE_RXOVR 0x8

#define CTRL_TXEN 0x01
#define CTRL_RXEN 0x02
#define CTRL_TXIE 0x04
#define CTRL_RXIE 0x08
#define CTRL_TXOVRIE 0x10
#define CTRL_RXOVRIE 0x20
#define CTRL_MASK 0x7f /* bit 6, high-speed test mode, is kept but changes nothing */

#define INT_TX 0x1
#define INT_RX 0x2
#define INT_TXOVR 0x4
#define INT_RXOVR 0x8

#define BAUDDIV_MASK 0xfffff
#define BAUDDIV_MIN 16

/* Peripheral and component ID registers, PID4..PID7, PID0..PID3, CID0..CID3
 * (DDI0479C table 4-8). */
static const uint8_t uart_id[12] = {0x04, 0, 0, 0, 0x21, 0xb8, 0x1b, 0, 0x0d, 0xf0, 0x05, 0xb1};

enum uart_line { UART_TXINT, UART_RXINT, UART_TXOVRINT, UART_RXOVRINT, UART_UARTINT, UART_NLINES };

static const char *const uart_line_names[UART_NLINES] = {
    "txint", "rxint", "txovrint", "rxovrint", "uartint",
};

/* Register state: plain data, saved and restored as is. */
struct cmsdk_uart_regs {
    uint32_t state, ctrl, intstatus, bauddiv;
    uint8_t txbuf, rxbuf;
};

struct cmsdk_uart {
    struct sysbus bus;
    char *chardev_spec;
    struct chardev *chr;
    struct irq_line lines[UART_NLINES];
    bool levels[UART_NLINES];
    struct cmsdk_uart_regs r;
};

/* The overrun interrupt bits follow STATE and CTRL (an overrun flag with its
 * enable); TX and RX are latched events cleared through INTCLEAR. */
static void uart_update(struct cmsdk_uart *u)
{
    struct cmsdk_uart_regs *r = &u->r;
    bool level[UART_NLINES];

    r->intstatus &= INT_TX | INT_RX;
    if ((r->state & STATE_TXOVR) && (r->ctrl & CTRL_TXOVRIE))
        r->intstatus |= INT_TXOVR;
    if ((r->state & STATE_RXOVR) && (r->ctrl & CTRL_RXOVRIE))
        r->intstatus |= INT_RXOVR;
    level[UART_TXINT] = r->intstatus & INT_TX;
    level[UART_RXINT] = r->intstatus & INT_RX;
    level[UART_TXOVRINT] = r->intstatus & INT_TXOVR;
    level[UART_RXOVRINT] = r->intstatus & INT_RXOVR;
    level[UART_UARTINT] = r->intstatus != 0;
    for (int i = 0; i < UART_NLINES; i++) {
        if (level[i] != u->levels[i]) {
            u->levels[i] = level[i];
            irq_set(&u->lines[i], level[i]);
        }
    }
}

/* Send the buffered byte if the transmitter is on; the buffer turning from
 * full to empty is the TX interrupt event. */
static void uart_drain_tx(struct cmsdk_uart *u)
{
    if (!(u->r.state & STATE_TXFULL) || !(u->r.ctrl & CTRL_TXEN))
        return;
    if (u->chr)
        chardev_write(u->chr, &u->r.txbuf, 1);
    u->r.state &= ~STATE_TXFULL;
    if (u->r.ctrl & CTRL_TXIE)
        u->r.intstatus |= INT_TX;
}

static void uart_write_data(struct cmsdk_uart *u, uint8_t byte)
{
    if (u->r.state & STATE_TXFULL) {
        u->r.state |= STATE_TXOVR; /* the byte waiting is kept, this one lost */
        return;
    }
    u->r.txbuf = byte;
    u->r.state |= STATE_TXFULL;
    uart_drain_tx(u);
}

static uint8_t uart_read_data(struct cmsdk_uart *u)
{
    if (u->r.state & STATE_RXFULL) {
        u->r.state &= ~STATE_RXFULL;
        if (u->chr)
            chardev_accept_input(u->chr);
    }
    return u->r.rxbuf;
}

static void uart_write_ctrl(struct cmsdk_uart *u, uint32_t v)
{
    bool rx_on = !(u->r.ctrl & CTRL_RXEN) && (v & CTRL_RXEN);

    if ((v & CTRL_TXEN) && u->r.bauddiv < BAUDDIV_MIN)
        log_debug(LOG_UNIMP, "%s: transmitter enabled with BAUDDIV %u (below %d)", u->bus.obj.name,
                  u->r.bauddiv, BAUDDIV_MIN);
    u->r.ctrl = v & CTRL_MASK;
    uart_drain_tx(u);
    if (rx_on && u->chr)
        chardev_accept_input(u->chr);
}

/* INTCLEAR: write-one-to-clear; clearing an overrun interrupt clears the
 * overrun flag in STATE that causes it. */
static void uart_write_intclear(struct cmsdk_uart *u, uint32_t v)
{
    u->r.state &= ~(v & (STATE_TXOVR | STATE_RXOVR));
    u->r.intstatus &= ~v;
}

static uint32_t uart_read_reg(struct cmsdk_uart *u, uint64_t reg)
{
    switch (reg) {
    case UART_DATA: return uart_read_data(u);
    case UART_STATE: return u->r.state;
    case UART_CTRL: return u->r.ctrl;
    case UART_INTSTATUS: return u->r.intstatus;
    case UART_BAUDDIV: return u->r.bauddiv;
    default:
        if (reg >= UART_PID4 && reg <= UART_CID3)
            return uart_id[(reg - UART_PID4) / 4];
        log_debug(LOG_UNIMP, "%s: read of reserved offset 0x%llx", u->bus.obj.name,
                  (unsigned long long)reg);
        return 0;
    }
}

static void uart_write_reg(struct cmsdk_uart *u, uint64_t reg, uint32_t v)
{
    switch (reg) {
    case UART_DATA: uart_write_data(u, (uint8_t)v); break;
    case UART_STATE:
        u->r.state &= ~(v & (STATE_TXOVR | STATE_RXOVR)); /* TXFULL/RXFULL read-only */
        break;
    case UART_CTRL: uart_write_ctrl(u, v); break;
    case UART_INTSTATUS: uart_write_intclear(u, v); break;
    case UART_BAUDDIV: u->r.bauddiv = v & BAUDDIV_MASK; break;
    default:
        log_debug(LOG_UNIMP, "%s: write 0x%x to %s offset 0x%llx ignored", u->bus.obj.name, v,
                  reg >= UART_PID4 && reg <= UART_CID3 ? "read-only" : "reserved",
                  (unsigned long long)reg);
        break;
    }
}

/* Registers are 32-bit words; narrower accesses reach the bytes of a word
 * (a byte write of DATA sends that byte; the other bytes are written as 0). */
static int uart_mmio_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct cmsdk_uart *u = opaque;
    unsigned shift = 8 * (offset & 3);
    uint32_t word = uart_read_reg(u, offset & ~3ull);

    *value = size >= 4 ? word : (word >> shift) & ((1u << (8 * size)) - 1);
    uart_update(u);
    log_debug(LOG_MMIO, "%s: read 0x%llx -> 0x%llx", u->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)*value);
    return MEM_OK;
}

static int uart_mmio_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct cmsdk_uart *u = opaque;
    unsigned shift = 8 * (offset & 3);
    uint32_t mask = size >= 4 ? 0xffffffffu : (1u << (8 * size)) - 1;

    log_debug(LOG_MMIO, "%s: write 0x%llx <- 0x%llx", u->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)value);
    uart_write_reg(u, offset & ~3ull, ((uint32_t)value & mask) << shift);
    uart_update(u);
    return MEM_OK;
}

static const struct mem_region_ops uart_ops = {
    .read = uart_mmio_read,
    .write = uart_mmio_write,
    .max_access = 4,
};

static size_t uart_can_accept(void *opaque)
{
    struct cmsdk_uart *u = opaque;

    return (u->r.ctrl & CTRL_RXEN) && !(u->r.state & STATE_RXFULL) ? 1 : 0;
}

static void uart_deliver(void *opaque, const uint8_t *buf, size_t n)
{
    struct cmsdk_uart *u = opaque;

    for (size_t i = 0; i < n; i++) {
        if (u->r.state & STATE_RXFULL)
            u->r.state |= STATE_RXOVR;
        u->r.rxbuf = buf[i];
        u->r.state |= STATE_RXFULL;
        if (u->r.ctrl & CTRL_RXIE)
            u->r.intstatus |= INT_RX;
    }
    uart_update(u);
}

static struct irq_line *uart_irq_out(struct sysbus *dev, const char *name, unsigned n)
{
    struct cmsdk_uart *u = (struct cmsdk_uart *)dev;

    for (int i = 0; i < UART_NLINES && n == 0; i++)
        if (!strcmp(name, uart_line_names[i]))
            return &u->lines[i];
    return NULL;
}

static void uart_reset(struct sysbus *dev)
{
    struct cmsdk_uart *u = (struct cmsdk_uart *)dev;

    memset(&u->r, 0, sizeof(u->r));
    uart_update(u);
}

static int uart_realize(struct object *obj)
{
    struct cmsdk_uart *u = (struct cmsdk_uart *)obj;

    u->bus.region = mem_region_new_mmio(obj->name, UART_SIZE, &uart_ops, u);
    if (!u->bus.region)
        return -ENOMEM;
    uart_reset(&u->bus);
    u->chr = uart_chardev_open(obj, u->chardev_spec, uart_can_accept, uart_deliver, u);
    return u->chr ? 0 : -EINVAL;
}

static int uart_init(struct object *obj)
{
    struct cmsdk_uart *u = (struct cmsdk_uart *)obj;

    u->bus.irq_out = uart_irq_out;
    u->bus.reset = uart_reset;
    return 0;
}

static void uart_finalize(struct object *obj)
{
    uart_chardev_close(((struct cmsdk_uart *)obj)->chr);
}

static const struct prop_def uart_props[] = {
    UART_CHARDEV_PROP(struct cmsdk_uart, chardev_spec),
    {0},
};

const struct object_type cmsdk_uart_type = {
    .name = "cmsdk-apb-uart",
    .parent = "sysbus",
    .instance_size = sizeof(struct cmsdk_uart),
    .help = "ARM CMSDK APB UART (MPS2 boards)",
    .props = uart_props,
    .init = uart_init,
    .realize = uart_realize,
    .finalize = uart_finalize,
};
