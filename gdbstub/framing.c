/* SPDX-License-Identifier: MIT */
/*
 * Remote protocol framing (gdb manual, "Overview" of the remote protocol):
 * packets are $data#cc with cc the modulo-256 sum of the data bytes in
 * hex, acknowledged with '+' (or '-' to ask for a resend) until
 * QStartNoAckMode; '}' escapes the next byte (XOR 0x20) in binary data;
 * a lone 0x03 is an interrupt. The receiver is a byte-at-a-time state
 * machine with a buffer that grows up to GDB_RX_CAP, so any input, however
 * malformed or long, ends in a packet, an error event or more waiting.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/log.h"
#include "gdbstub/internals.h"

void gdb_rx_init(struct gdb_rx *rx)
{
    *rx = (struct gdb_rx){.state = GDB_RX_IDLE};
}

void gdb_rx_free(struct gdb_rx *rx)
{
    free(rx->buf);
    gdb_rx_init(rx);
}

/* Store one unescaped byte; past the cap the packet is only counted off. */
static void rx_store(struct gdb_rx *rx, char ch)
{
    if (rx->overflow)
        return;
    if (rx->len + 2 > rx->cap) {
        size_t cap = rx->cap ? 2 * rx->cap : 4096;
        if (cap > GDB_RX_CAP)
            cap = GDB_RX_CAP;
        char *b = rx->len + 2 <= cap ? realloc(rx->buf, cap) : NULL;
        if (!b) {
            rx->overflow = true;
            return;
        }
        rx->buf = b;
        rx->cap = cap;
    }
    rx->buf[rx->len++] = ch;
}

static void rx_start(struct gdb_rx *rx)
{
    rx->state = GDB_RX_DATA;
    rx->len = 0;
    rx->sum = 0;
    rx->escape = false;
    rx->overflow = false;
}

static enum gdb_rx_event rx_idle(struct gdb_rx *rx, uint8_t ch)
{
    switch (ch) {
    case '$': rx_start(rx); return GDB_RX_NONE;
    case '+': return GDB_RX_ACK;
    case '-': return GDB_RX_NACK;
    case 0x03: return GDB_RX_INTERRUPT;
    default: return GDB_RX_NONE; /* line noise between packets */
    }
}

static void rx_data(struct gdb_rx *rx, uint8_t ch)
{
    if (ch == '$') { /* a new start inside a packet: resynchronise on it */
        rx_start(rx);
        return;
    }
    if (ch == '#') {
        rx->state = GDB_RX_CSUM1;
        return;
    }
    rx->sum = (uint8_t)(rx->sum + ch);
    if (rx->escape) {
        rx->escape = false;
        rx_store(rx, (char)(ch ^ 0x20));
    } else if (ch == '}') {
        rx->escape = true;
    } else {
        rx_store(rx, (char)ch);
    }
}

static enum gdb_rx_event rx_csum(struct gdb_rx *rx, uint8_t ch)
{
    int d = gdb_hex_digit(ch);
    if (d < 0) {
        rx->state = GDB_RX_IDLE;
        if (ch == '$') /* the next packet already started */
            rx_start(rx);
        return GDB_RX_BAD_CSUM;
    }
    if (rx->state == GDB_RX_CSUM1) {
        rx->want = (uint8_t)(d << 4);
        rx->state = GDB_RX_CSUM2;
        return GDB_RX_NONE;
    }
    rx->want |= (uint8_t)d;
    rx->state = GDB_RX_IDLE;
    if (rx->overflow)
        return GDB_RX_TOO_LONG;
    if (rx->want != rx->sum)
        return GDB_RX_BAD_CSUM;
    if (!rx->buf) { /* "$#00" before any other packet: still NUL-terminated */
        rx->buf = malloc(64);
        if (!rx->buf)
            return GDB_RX_TOO_LONG;
        rx->cap = 64;
    }
    rx->buf[rx->len] = '\0'; /* rx_store always leaves room for it */
    return GDB_RX_PACKET;
}

enum gdb_rx_event gdb_rx_step(struct gdb_rx *rx, const uint8_t **p, const uint8_t *end)
{
    while (*p < end) {
        uint8_t ch = *(*p)++;
        enum gdb_rx_event ev = GDB_RX_NONE;
        switch (rx->state) {
        case GDB_RX_IDLE: ev = rx_idle(rx, ch); break;
        case GDB_RX_DATA: rx_data(rx, ch); break;
        case GDB_RX_CSUM1:
        case GDB_RX_CSUM2: ev = rx_csum(rx, ch); break;
        }
        if (ev != GDB_RX_NONE)
            return ev;
    }
    return GDB_RX_NONE;
}

/* ---- sending ----------------------------------------------------------- */

static void frame_begin(struct gdb_conn *c)
{
    gdb_buf_reset(&c->out);
    gdb_buf_add(&c->out, "$", 1);
}

static void frame_end(struct gdb_conn *c)
{
    uint8_t sum = 0;
    for (size_t i = 1; i < c->out.len; i++)
        sum = (uint8_t)(sum + (uint8_t)c->out.data[i]);
    gdb_buf_printf(&c->out, "#%02x", sum);
    if (c->out.failed) {
        log_error("gdb: out of memory building a reply");
        gdb_buf_reset(&c->out);
        gdb_buf_puts(&c->out, "$E0c#d8");
    }
    if (log_enabled(LOG_GDB))
        log_debug(LOG_GDB, "<- %.*s%s", c->out.len > 200 ? 200 : (int)c->out.len, c->out.data,
                  c->out.len > 200 ? "..." : "");
    c->sink.write(c->sink.opaque, c->out.data, c->out.len);
}

void gdb_send(struct gdb_conn *c, const char *text)
{
    frame_begin(c);
    gdb_buf_puts(&c->out, text);
    frame_end(c);
}

void gdb_send_reply(struct gdb_conn *c)
{
    if (c->reply.failed) {
        gdb_send_error(c, ENOMEM);
        return;
    }
    frame_begin(c);
    gdb_buf_add(&c->out, c->reply.data, c->reply.len);
    frame_end(c);
}

/* Escape what gdb's reader would take for framing or run-length
 * encoding: '$', '#', '}' and '*' (gdb manual, "Overview": binary data). */
void gdb_send_binary(struct gdb_conn *c, const char *prefix, const void *data, size_t len)
{
    const uint8_t *p = data;
    frame_begin(c);
    gdb_buf_puts(&c->out, prefix);
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '$' || p[i] == '#' || p[i] == '}' || p[i] == '*') {
            char esc[2] = {'}', (char)(p[i] ^ 0x20)};
            gdb_buf_add(&c->out, esc, 2);
        } else {
            gdb_buf_add(&c->out, &p[i], 1);
        }
    }
    frame_end(c);
}

void gdb_send_error(struct gdb_conn *c, int err)
{
    char text[8];
    snprintf(text, sizeof(text), "E%02x", (unsigned)(err < 0 ? -err : err) & 0xff);
    gdb_send(c, text);
}

/* Split console output so every O packet fits gdb's packet buffer. */
void gdb_send_console(struct gdb_conn *c, const char *text)
{
    const size_t chunk = GDB_PACKET_SIZE / 2 - 16;
    size_t len = strlen(text);
    for (size_t off = 0; off < len; off += chunk) {
        gdb_buf_reset(&c->reply);
        gdb_buf_puts(&c->reply, "O");
        gdb_buf_hex(&c->reply, text + off, len - off < chunk ? len - off : chunk);
        gdb_send_reply(c);
    }
}

/* ---- receiving --------------------------------------------------------- */

static void conn_ack(struct gdb_conn *c, bool ok)
{
    if (!c->noack)
        c->sink.write(c->sink.opaque, ok ? "+" : "-", 1);
}

static void conn_event(struct gdb_conn *c, enum gdb_rx_event ev)
{
    switch (ev) {
    case GDB_RX_PACKET:
        conn_ack(c, true);
        if (log_enabled(LOG_GDB))
            log_debug(LOG_GDB, "-> %.*s%s", c->rx.len > 200 ? 200 : (int)c->rx.len, c->rx.buf,
                      c->rx.len > 200 ? "..." : "");
        gdb_handle_packet(c, c->rx.buf, c->rx.len);
        break;
    case GDB_RX_BAD_CSUM:
        log_warn("gdb: packet with a bad checksum%s", c->noack ? " (no-ack mode)" : "");
        if (c->noack)
            gdb_send(c, "E.bad checksum"); /* nothing would ask for a resend */
        else
            conn_ack(c, false);
        break;
    case GDB_RX_TOO_LONG:
        log_warn("gdb: packet longer than %u bytes dropped", (unsigned)GDB_RX_CAP);
        conn_ack(c, true);
        gdb_send(c, "E.packet too long");
        break;
    case GDB_RX_NACK:
        if (!c->noack && c->out.len)
            c->sink.write(c->sink.opaque, c->out.data, c->out.len);
        break;
    case GDB_RX_INTERRUPT: gdb_handle_interrupt(c); break;
    case GDB_RX_ACK:
    case GDB_RX_NONE: break;
    }
}

void gdb_conn_input(struct gdb_conn *c, const void *data, size_t len)
{
    const uint8_t *p = data, *end = p + len;
    while (p < end) {
        enum gdb_rx_event ev = gdb_rx_step(&c->rx, &p, end);
        conn_event(c, ev);
    }
}
