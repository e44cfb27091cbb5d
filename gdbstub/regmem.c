/* SPDX-License-Identifier: MIT */
/*
 * Registers and memory of the current thread/process (gdb manual,
 * "Packets": g G p P m M X). Registers follow the cluster's target
 * description: 'g' is every register in description order, a register
 * that cannot be read is sent as 'x' digits (unavailable). Memory goes
 * through the cluster's view; a read that stops early returns what it got,
 * one that gets nothing is an error.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/internals.h"

/* Bytes of memory one 'm' reply may carry (two hex digits each). */
#define GDB_MEM_MAX (GDB_PACKET_SIZE / 2)

static const struct tdesc *cur_tdesc(const struct gdb_conn *c)
{
    return c->ops->tdesc(c->t, (unsigned)c->cur.pid - 1);
}

static unsigned reg_bytes(const struct tdesc_reg *r)
{
    return (r->bitsize + 7) / 8;
}

/*
 * 'g' and 'G' carry the description's first feature (the core registers);
 * gdb reads the others with 'p' (a shorter 'g' is allowed: gdb manual,
 * "Packets", g). An inferior gdb has not read the description for yet
 * guesses its architecture from the ELF file, and that guess expects
 * exactly the core registers: more would fail with "Remote 'g' packet
 * reply is too long" before gdb asks for the description.
 */
static unsigned g_nregs(const struct tdesc *td)
{
    unsigned n = 0;
    const char *first = td->nregs ? td->regs[0].feature : NULL;
    while (n < td->nregs && (td->regs[n].feature == first ||
                             (first && td->regs[n].feature && !strcmp(td->regs[n].feature, first))))
        n++;
    return n;
}

void gdb_handle_g(struct gdb_conn *c, const char *args, size_t len)
{
    const struct tdesc *td = cur_tdesc(c);
    uint8_t val[GDB_REG_MAX];
    (void)args;
    if (len || !td) {
        gdb_send_error(c, len ? EINVAL : ENOENT);
        return;
    }
    unsigned ng = g_nregs(td);
    for (unsigned i = 0; i < ng; i++) {
        unsigned n = reg_bytes(&td->regs[i]);
        int got = c->ops->reg_read(c->t, (unsigned)c->cur.pid - 1, (unsigned)c->cur.tid - 1,
                                   td->regs[i].regnum, val, sizeof(val));
        if (got == (int)n) {
            gdb_buf_hex(&c->reply, val, n);
        } else {
            for (unsigned k = 0; k < 2 * n; k++)
                gdb_buf_add(&c->reply, "x", 1);
        }
    }
    gdb_send_reply(c);
}

/* How many registers a G of @len hex digits covers: -EINVAL when it ends
 * inside a register, -E2BIG when it goes past the last one. */
static int g_count(const struct tdesc *td, size_t len)
{
    size_t off = 0;
    unsigned i = 0, ng = g_nregs(td);
    for (; i < ng && off < len; i++) {
        if ((td->regs[i].bitsize + 7) / 8 > GDB_REG_MAX)
            return -EINVAL;
        off += 2 * (size_t)reg_bytes(&td->regs[i]);
    }
    if (off > len)
        return -EINVAL;
    return off < len ? -E2BIG : (int)i;
}

/* Checked whole before anything is written: a bad G changes nothing. */
void gdb_handle_G(struct gdb_conn *c, const char *args, size_t len)
{
    const struct tdesc *td = cur_tdesc(c);
    int n = td ? g_count(td, len) : -ENOENT;
    if (!n)
        n = -EINVAL; /* no register at all: not a G gdb sends */
    uint8_t *val = n > 0 ? malloc(len / 2) : NULL;
    if (n > 0 && !val)
        n = -ENOMEM;
    else if (n > 0 && gdb_hex_decode(args, len / 2, val))
        n = -EINVAL;
    size_t off = 0;
    for (int i = 0; i < n; i++) {
        unsigned bytes = reg_bytes(&td->regs[i]);
        if (c->ops->reg_write(c->t, (unsigned)c->cur.pid - 1, (unsigned)c->cur.tid - 1,
                              td->regs[i].regnum, val + off, bytes) != (int)bytes)
            n = -EIO;
        off += bytes;
    }
    free(val);
    if (n < 0)
        gdb_send_error(c, n);
    else
        gdb_send(c, "OK");
}

/* Parse "N" (p) or "N=" (P) and find register N of the description. */
static const struct tdesc_reg *parse_regnum(struct gdb_conn *c, const char **p)
{
    const struct tdesc *td = cur_tdesc(c);
    uint64_t n;
    if (!td || gdb_parse_hex(p, &n) || n >= td->nregs)
        return NULL;
    return &td->regs[n];
}

void gdb_handle_p(struct gdb_conn *c, const char *args, size_t len)
{
    const char *p = args;
    const struct tdesc_reg *r = parse_regnum(c, &p);
    uint8_t val[GDB_REG_MAX];
    (void)len;
    if (!r || *p || reg_bytes(r) > sizeof(val)) {
        gdb_send_error(c, EINVAL);
        return;
    }
    int got = c->ops->reg_read(c->t, (unsigned)c->cur.pid - 1, (unsigned)c->cur.tid - 1, r->regnum,
                               val, sizeof(val));
    if (got != (int)reg_bytes(r)) {
        gdb_send_error(c, EIO);
        return;
    }
    gdb_buf_hex(&c->reply, val, (size_t)got);
    gdb_send_reply(c);
}

void gdb_handle_P(struct gdb_conn *c, const char *args, size_t len)
{
    const char *p = args;
    const struct tdesc_reg *r = parse_regnum(c, &p);
    uint8_t val[GDB_REG_MAX];
    if (!r || *p++ != '=' || reg_bytes(r) > sizeof(val) ||
        (size_t)(args + len - p) != 2 * reg_bytes(r) || gdb_hex_decode(p, reg_bytes(r), val)) {
        gdb_send_error(c, EINVAL);
        return;
    }
    if (c->ops->reg_write(c->t, (unsigned)c->cur.pid - 1, (unsigned)c->cur.tid - 1, r->regnum, val,
                          reg_bytes(r)) != (int)reg_bytes(r)) {
        gdb_send_error(c, EIO);
        return;
    }
    gdb_send(c, "OK");
}

/* "ADDR,LEN" followed by @sep (or the end when @sep is 0). */
static int parse_addr_len(const char **p, char sep, uint64_t *addr, uint64_t *len)
{
    if (gdb_parse_hex(p, addr) || *(*p)++ != ',' || gdb_parse_hex(p, len))
        return -EINVAL;
    if (**p != sep)
        return -EINVAL;
    if (sep)
        (*p)++;
    return 0;
}

void gdb_handle_m(struct gdb_conn *c, const char *args, size_t len)
{
    const char *p = args;
    uint64_t addr, n;
    size_t done = 0;
    (void)len;
    if (parse_addr_len(&p, '\0', &addr, &n)) {
        gdb_send_error(c, EINVAL);
        return;
    }
    if (n > GDB_MEM_MAX)
        n = GDB_MEM_MAX;
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf) {
        gdb_send_error(c, ENOMEM);
        return;
    }
    if (c->ops->mem_read(c->t, (unsigned)c->cur.pid - 1, addr, buf, n, &done) == 0)
        done = n;
    if (!done && n) {
        gdb_send_error(c, EFAULT);
    } else {
        gdb_buf_hex(&c->reply, buf, done);
        gdb_send_reply(c);
    }
    free(buf);
}

static void write_mem(struct gdb_conn *c, uint64_t addr, const uint8_t *data, size_t n)
{
    if (n && c->ops->mem_write(c->t, (unsigned)c->cur.pid - 1, addr, data, n))
        gdb_send_error(c, EFAULT);
    else
        gdb_send(c, "OK");
}

void gdb_handle_M(struct gdb_conn *c, const char *args, size_t len)
{
    const char *p = args;
    uint64_t addr, n;
    if (parse_addr_len(&p, ':', &addr, &n) || n > GDB_RX_CAP || (size_t)(args + len - p) != 2 * n) {
        gdb_send_error(c, EINVAL);
        return;
    }
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf) {
        gdb_send_error(c, ENOMEM);
        return;
    }
    if (gdb_hex_decode(p, n, buf))
        gdb_send_error(c, EINVAL);
    else
        write_mem(c, addr, buf, n);
    free(buf);
}

/* The framing layer already removed the escapes: the data is raw bytes. */
void gdb_handle_X(struct gdb_conn *c, const char *args, size_t len)
{
    const char *p = args;
    uint64_t addr, n;
    if (parse_addr_len(&p, ':', &addr, &n) || (size_t)(args + len - p) != n) {
        gdb_send_error(c, EINVAL);
        return;
    }
    write_mem(c, addr, (const uint8_t *)p, n);
}
