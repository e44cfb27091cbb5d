/* SPDX-License-Identifier: MIT */
/*
 * ns16550: a 16550A-compatible UART (register layout and interrupt
 * priorities of the TI/National PC16550D datasheet, as QEMU's "serial"
 * and Linux's 8250 driver expect). Transmission is instantaneous, so THR
 * is always empty; received bytes queue in a 16-byte FIFO (one byte when
 * FIFOs are off) fed from a character backend. Registers are reg-shift
 * apart and reg-io-width bytes wide; the value is in the low byte.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "boards/board.h"
#include "boards/devices/uart_chardev.h"
#include "engine/io/chardev.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"

enum { UART_RBR_THR, UART_IER, UART_IIR_FCR, UART_LCR, UART_MCR, UART_LSR, UART_MSR, UART_SCR };

#define IER_RDI 0x01  /* received data available */
#define IER_THRI 0x02 /* transmitter holding register empty */
#define IER_RLSI 0x04 /* receiver line status */
#define IER_MSI 0x08  /* modem status (no modem lines change here) */

#define IIR_NONE 0x01
#define IIR_RLS 0x06
#define IIR_RDA 0x04
#define IIR_CTI 0x0c /* character timeout */
#define IIR_THRE 0x02
#define IIR_FIFO 0xc0

#define FCR_ENABLE 0x01
#define FCR_CLEAR_RX 0x02
#define FCR_TRIGGER(v) (((v) >> 6) & 3)

#define LCR_DLAB 0x80
#define MCR_LOOP 0x10
#define MCR_MASK 0x1f

#define LSR_DR 0x01
#define LSR_OE 0x02
#define LSR_THRE 0x20
#define LSR_TEMT 0x40

#define MSR_CTS 0x10
#define MSR_DSR 0x20
#define MSR_RI 0x40
#define MSR_DCD 0x80

#define UART_FIFO_SIZE 16

/* Register state: plain data, so it can be saved and restored as is. */
struct ns16550_regs {
    uint8_t ier, fcr, lcr, mcr, scr, dll, dlm;
    bool overrun;      /* LSR.OE until LSR is read */
    bool thri_pending; /* THR-empty interrupt not yet acknowledged */
    uint8_t rx[UART_FIFO_SIZE];
    unsigned rx_head, rx_count;
};

struct ns16550 {
    struct sysbus bus;
    uint64_t reg_shift;
    uint64_t reg_io_width;
    char *chardev_spec;
    struct chardev *chr;
    struct irq_line irq;
    bool irq_level;
    struct ns16550_regs r;
};

static const uint8_t uart_rx_trigger[4] = {1, 4, 8, 14};

static bool uart_fifo_on(const struct ns16550 *u)
{
    return u->r.fcr & FCR_ENABLE;
}

static unsigned uart_rx_capacity(const struct ns16550 *u)
{
    return uart_fifo_on(u) ? UART_FIFO_SIZE : 1;
}

/* Interrupt identification in datasheet priority order (table 4). With
 * FIFOs on and fewer bytes than the trigger level, the character timeout
 * is reported at once: there is no line timing to wait four characters. */
static uint8_t uart_iir_id(const struct ns16550 *u)
{
    const struct ns16550_regs *r = &u->r;
    unsigned trigger = uart_fifo_on(u) ? uart_rx_trigger[FCR_TRIGGER(r->fcr)] : 1;

    if ((r->ier & IER_RLSI) && r->overrun)
        return IIR_RLS;
    if ((r->ier & IER_RDI) && r->rx_count >= trigger)
        return IIR_RDA;
    if ((r->ier & IER_RDI) && r->rx_count)
        return IIR_CTI;
    if ((r->ier & IER_THRI) && r->thri_pending)
        return IIR_THRE;
    return IIR_NONE;
}

static void uart_update_irq(struct ns16550 *u)
{
    bool level = uart_iir_id(u) != IIR_NONE;

    if (level != u->irq_level) {
        u->irq_level = level;
        irq_set(&u->irq, level);
    }
}

static void uart_rx_push(struct ns16550 *u, uint8_t byte)
{
    if (u->r.rx_count >= uart_rx_capacity(u)) {
        u->r.overrun = true;
        return;
    }
    u->r.rx[(u->r.rx_head + u->r.rx_count++) % UART_FIFO_SIZE] = byte;
}

static uint8_t uart_rx_pop(struct ns16550 *u)
{
    uint8_t byte;

    if (!u->r.rx_count)
        return 0;
    byte = u->r.rx[u->r.rx_head];
    u->r.rx_head = (u->r.rx_head + 1) % UART_FIFO_SIZE;
    u->r.rx_count--;
    if (u->chr)
        chardev_accept_input(u->chr);
    return byte;
}

static void uart_transmit(struct ns16550 *u, uint8_t byte)
{
    if (u->r.mcr & MCR_LOOP)
        uart_rx_push(u, byte);
    else if (u->chr)
        chardev_write(u->chr, &byte, 1);
    u->r.thri_pending = true;
}

static void uart_write_fcr(struct ns16550 *u, uint8_t v)
{
    /* Changing the FIFO enable clears both FIFOs (datasheet, FCR bit 0). */
    if ((v ^ u->r.fcr) & FCR_ENABLE || (v & FCR_CLEAR_RX))
        u->r.rx_count = 0;
    u->r.fcr = v & (FCR_ENABLE | 0xc0);
    if (u->chr)
        chardev_accept_input(u->chr);
}

static uint8_t uart_msr(const struct ns16550 *u)
{
    uint8_t mcr = u->r.mcr;

    /* Loopback routes DTR, RTS, OUT1, OUT2 to DSR, CTS, RI, DCD. */
    if (mcr & MCR_LOOP)
        return (uint8_t)(((mcr & 0x02) ? MSR_CTS : 0) | ((mcr & 0x01) ? MSR_DSR : 0) |
                         ((mcr & 0x04) ? MSR_RI : 0) | ((mcr & 0x08) ? MSR_DCD : 0));
    return MSR_DCD | MSR_DSR | MSR_CTS;
}

static uint8_t uart_read_iir(struct ns16550 *u)
{
    uint8_t id = uart_iir_id(u);

    /* Reading IIR while it reports THR empty acknowledges that interrupt. */
    if (id == IIR_THRE)
        u->r.thri_pending = false;
    return id | (uart_fifo_on(u) ? IIR_FIFO : 0);
}

static uint8_t uart_read_lsr(struct ns16550 *u)
{
    uint8_t lsr = LSR_THRE | LSR_TEMT | (u->r.rx_count ? LSR_DR : 0) | (u->r.overrun ? LSR_OE : 0);

    u->r.overrun = false;
    return lsr;
}

static uint8_t uart_read_reg(struct ns16550 *u, unsigned reg)
{
    bool dlab = u->r.lcr & LCR_DLAB;

    switch (reg) {
    case UART_RBR_THR: return dlab ? u->r.dll : uart_rx_pop(u);
    case UART_IER: return dlab ? u->r.dlm : u->r.ier;
    case UART_IIR_FCR: return uart_read_iir(u);
    case UART_LCR: return u->r.lcr;
    case UART_MCR: return u->r.mcr;
    case UART_LSR: return uart_read_lsr(u);
    case UART_MSR: return uart_msr(u);
    default: return u->r.scr;
    }
}

static void uart_write_ier(struct ns16550 *u, uint8_t v)
{
    /* Enabling the THR-empty interrupt while THR is empty raises it. */
    if ((v & IER_THRI) && !(u->r.ier & IER_THRI))
        u->r.thri_pending = true;
    u->r.ier = v & (IER_RDI | IER_THRI | IER_RLSI | IER_MSI);
}

static void uart_write_reg(struct ns16550 *u, unsigned reg, uint8_t v)
{
    bool dlab = u->r.lcr & LCR_DLAB;

    switch (reg) {
    case UART_RBR_THR:
        if (dlab)
            u->r.dll = v;
        else
            uart_transmit(u, v);
        break;
    case UART_IER:
        if (dlab)
            u->r.dlm = v;
        else
            uart_write_ier(u, v);
        break;
    case UART_IIR_FCR: uart_write_fcr(u, v); break;
    case UART_LCR: u->r.lcr = v; break;
    case UART_MCR: u->r.mcr = v & MCR_MASK; break;
    case UART_SCR: u->r.scr = v; break;
    default: break; /* LSR and MSR are read-only */
    }
}

enum uart_slot { UART_SLOT_REG, UART_SLOT_PAD, UART_SLOT_BAD };

/* Accesses wider than reg-io-width are bus errors; the bytes above a
 * register's low byte (when reg-shift spreads them) are padding. */
static enum uart_slot uart_decode(struct ns16550 *u, uint64_t offset, unsigned size, unsigned *reg)
{
    if (size > u->reg_io_width) {
        log_debug(LOG_UNIMP, "%s: %u-byte access at 0x%llx wider than reg-io-width %llu",
                  u->bus.obj.name, size, (unsigned long long)offset,
                  (unsigned long long)u->reg_io_width);
        return UART_SLOT_BAD;
    }
    *reg = (unsigned)(offset >> u->reg_shift);
    return offset & ((1u << u->reg_shift) - 1) ? UART_SLOT_PAD : UART_SLOT_REG;
}

static int uart_mmio_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct ns16550 *u = opaque;
    unsigned reg;
    enum uart_slot slot = uart_decode(u, offset, size, &reg);

    *value = 0;
    if (slot == UART_SLOT_BAD)
        return MEM_DEVICE_ERROR;
    if (slot == UART_SLOT_REG) {
        *value = uart_read_reg(u, reg);
        uart_update_irq(u);
    }
    log_debug(LOG_MMIO, "%s: read 0x%llx -> 0x%llx", u->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)*value);
    return MEM_OK;
}

static int uart_mmio_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct ns16550 *u = opaque;
    unsigned reg;
    enum uart_slot slot = uart_decode(u, offset, size, &reg);

    if (slot == UART_SLOT_BAD)
        return MEM_DEVICE_ERROR;
    log_debug(LOG_MMIO, "%s: write 0x%llx <- 0x%llx", u->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)value);
    if (slot == UART_SLOT_REG) {
        uart_write_reg(u, reg, (uint8_t)value);
        uart_update_irq(u);
    }
    return MEM_OK;
}

static const struct mem_region_ops uart_ops = {
    .read = uart_mmio_read,
    .write = uart_mmio_write,
    .max_access = 8,
};

static size_t uart_can_accept(void *opaque)
{
    struct ns16550 *u = opaque;

    if (u->r.mcr & MCR_LOOP)
        return 0;
    return uart_rx_capacity(u) - u->r.rx_count;
}

static void uart_deliver(void *opaque, const uint8_t *buf, size_t n)
{
    struct ns16550 *u = opaque;

    for (size_t i = 0; i < n; i++)
        uart_rx_push(u, buf[i]);
    uart_update_irq(u);
}

static struct irq_line *uart_irq_out(struct sysbus *dev, const char *name, unsigned n)
{
    return !strcmp(name, "irq") && n == 0 ? &((struct ns16550 *)dev)->irq : NULL;
}

static void uart_reset(struct sysbus *dev)
{
    struct ns16550 *u = (struct ns16550 *)dev;

    memset(&u->r, 0, sizeof(u->r));
    u->irq_level = false;
    irq_lower(&u->irq);
    if (u->chr)
        chardev_accept_input(u->chr);
}

static int uart_realize(struct object *obj)
{
    struct ns16550 *u = (struct ns16550 *)obj;
    char path[256];
    uint64_t w = u->reg_io_width;

    object_path(obj, path, sizeof(path));
    if ((w != 1 && w != 2 && w != 4) || w > (1u << u->reg_shift)) {
        log_error("%s.reg-io-width: %llu must be 1, 2 or 4 and at most 1 << reg-shift", path,
                  (unsigned long long)w);
        return -EINVAL;
    }
    u->bus.region = mem_region_new_mmio(obj->name, 8ull << u->reg_shift, &uart_ops, u);
    if (!u->bus.region)
        return -ENOMEM;
    uart_reset(&u->bus);
    u->chr = uart_chardev_open(obj, u->chardev_spec, uart_can_accept, uart_deliver, u);
    return u->chr ? 0 : -EINVAL;
}

static int uart_init(struct object *obj)
{
    struct ns16550 *u = (struct ns16550 *)obj;

    u->bus.irq_out = uart_irq_out;
    u->bus.reset = uart_reset;
    return 0;
}

static void uart_finalize(struct object *obj)
{
    uart_chardev_close(((struct ns16550 *)obj)->chr);
}

static const struct prop_def uart_props[] = {
    {.name = "reg-shift",
     .type = PROP_UINT,
     .offset = offsetof(struct ns16550, reg_shift),
     .defval = "0",
     .max = 4,
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "registers are 1 << reg-shift bytes apart"},
    {.name = "reg-io-width",
     .type = PROP_UINT,
     .offset = offsetof(struct ns16550, reg_io_width),
     .defval = "1",
     .min = 1,
     .max = 4,
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "widest access the registers take (1, 2 or 4 bytes)"},
    UART_CHARDEV_PROP(struct ns16550, chardev_spec),
    {0},
};

const struct object_type ns16550_type = {
    .name = "ns16550",
    .parent = "sysbus",
    .instance_size = sizeof(struct ns16550),
    .help = "16550A-compatible UART",
    .props = uart_props,
    .init = uart_init,
    .realize = uart_realize,
    .finalize = uart_finalize,
};
