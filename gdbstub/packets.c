/* SPDX-License-Identifier: MIT */
/*
 * The packet table: every packet the stub implements, matched by name, and
 * the small general queries (qSupported, QStartNoAckMode, '!', qRcmd).
 * Anything not in the table gets the empty reply, which gdb reads as "not
 * supported" (gdb manual, "Packets"). qSupported advertises exactly the
 * table's features.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/log.h"
#include "gdbstub/internals.h"

typedef void (*gdb_handler)(struct gdb_conn *c, const char *args, size_t len);

/* A one-letter packet takes anything after its letter; a longer name must
 * be followed by a separator or the end: "qC" must not take "qCRC:". */
struct gdb_packet_def {
    const char *name;
    gdb_handler fn;
};

static void handle_qSupported(struct gdb_conn *c, const char *args, size_t len);
static void handle_noack(struct gdb_conn *c, const char *args, size_t len);
static void handle_extended(struct gdb_conn *c, const char *args, size_t len);
static void handle_qRcmd(struct gdb_conn *c, const char *args, size_t len);

static const struct gdb_packet_def gdb_packets[] = {
    {"qSupported", handle_qSupported},
    {"QStartNoAckMode", handle_noack},
    {"qXfer", gdb_handle_qXfer},
    {"qAttached", gdb_handle_qAttached},
    {"qC", gdb_handle_qC},
    {"qfThreadInfo", gdb_handle_qfThreadInfo},
    {"qsThreadInfo", gdb_handle_qsThreadInfo},
    {"qRcmd", handle_qRcmd},
    {"vCont?", gdb_handle_vCont_query},
    {"vCont", gdb_handle_vCont},
    {"vAttach", gdb_handle_vAttach},
    {"vKill", gdb_handle_vKill},
    {"vRun", gdb_handle_vRun},
    {"!", handle_extended},
    {"?", gdb_handle_question},
    {"H", gdb_handle_H},
    {"T", gdb_handle_T},
    {"g", gdb_handle_g},
    {"G", gdb_handle_G},
    {"p", gdb_handle_p},
    {"P", gdb_handle_P},
    {"m", gdb_handle_m},
    {"M", gdb_handle_M},
    {"X", gdb_handle_X},
    {"Z", gdb_handle_Z},
    {"z", gdb_handle_z},
    {"c", gdb_handle_c},
    {"C", gdb_handle_C},
    {"s", gdb_handle_s},
    {"S", gdb_handle_S},
    {"D", gdb_handle_D},
    {"k", gdb_handle_k},
};

static bool packet_matches(const struct gdb_packet_def *d, const char *pkt, size_t len)
{
    size_t n = strlen(d->name);
    if (len < n || memcmp(pkt, d->name, n))
        return false;
    if (n == 1 || len == n)
        return true;
    return strchr(":;,", pkt[n]) != NULL;
}

void gdb_handle_packet(struct gdb_conn *c, const char *pkt, size_t len)
{
    for (size_t i = 0; i < sizeof(gdb_packets) / sizeof(gdb_packets[0]); i++) {
        const struct gdb_packet_def *d = &gdb_packets[i];
        if (packet_matches(d, pkt, len)) {
            size_t n = strlen(d->name);
            gdb_buf_reset(&c->reply);
            d->fn(c, pkt + n, len - n);
            return;
        }
    }
    log_debug(LOG_GDB, "unsupported packet: %.40s", pkt);
    gdb_send(c, "");
}

/* ---- general queries --------------------------------------------------- */

/* Features gdb announces that change what the stub sends. */
static void note_gdb_feature(struct gdb_conn *c, const char *f, size_t n)
{
    static const struct {
        const char *name;
        size_t offset;
    } known[] = {
        {"multiprocess+", offsetof(struct gdb_conn, multiprocess)},
        {"swbreak+", offsetof(struct gdb_conn, swbreak)},
        {"hwbreak+", offsetof(struct gdb_conn, hwbreak)},
    };
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (strlen(known[i].name) == n && !memcmp(f, known[i].name, n))
            *(bool *)((char *)c + known[i].offset) = true;
}

static void handle_qSupported(struct gdb_conn *c, const char *args, size_t len)
{
    c->multiprocess = c->swbreak = c->hwbreak = false;
    if (len && *args == ':') {
        const char *p = args + 1, *end = args + len;
        while (p < end) {
            const char *semi = memchr(p, ';', (size_t)(end - p));
            size_t n = semi ? (size_t)(semi - p) : (size_t)(end - p);
            note_gdb_feature(c, p, n);
            p += n + 1;
        }
    }
    gdb_buf_printf(&c->reply,
                   "PacketSize=%x;QStartNoAckMode+;multiprocess+;swbreak+;hwbreak+;"
                   "qXfer:features:read+;qXfer:threads:read+;qXfer:exec-file:read+;"
                   "qXfer:memory-map:read+;vContSupported+",
                   GDB_PACKET_SIZE);
    gdb_send_reply(c);
}

/* The OK still travels in ack mode; from the next packet on, neither side
 * acknowledges (gdb manual, "Packet Acknowledgment"). The packet has no
 * arguments: anything after its name leaves acks on. */
static void handle_noack(struct gdb_conn *c, const char *args, size_t len)
{
    (void)args;
    if (len) {
        gdb_send_error(c, EINVAL);
        return;
    }
    gdb_send(c, "OK");
    c->noack = true;
}

static void handle_extended(struct gdb_conn *c, const char *args, size_t len)
{
    (void)args;
    (void)len;
    gdb_send(c, "OK");
}

static void monitor_write(void *opaque, const char *text)
{
    gdb_send_console(opaque, text);
}

/* qRcmd,HEX: the command's output goes back as O packets, then OK, or
 * E01 when the monitor refused it (after printing why). */
static void handle_qRcmd(struct gdb_conn *c, const char *args, size_t len)
{
    if (len < 1 || *args != ',' || (len - 1) % 2) {
        gdb_send_error(c, EINVAL);
        return;
    }
    size_t n = (len - 1) / 2;
    char *line = malloc(n + 1);
    if (!line) {
        gdb_send_error(c, ENOMEM);
        return;
    }
    if (gdb_hex_decode(args + 1, n, (uint8_t *)line) || memchr(line, '\0', n)) {
        free(line);
        gdb_send_error(c, EINVAL);
        return;
    }
    line[n] = '\0';
    const struct monitor_out out = {.write = monitor_write, .opaque = c};
    int err = c->ops->monitor(c->t, (unsigned)(c->cur.pid - 1), line, &out);
    free(line);
    if (err)
        gdb_send(c, "E01");
    else
        gdb_send(c, "OK");
}
