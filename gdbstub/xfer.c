/* SPDX-License-Identifier: MIT */
/*
 * qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH (gdb manual, "General Query
 * Packets"): target descriptions, the thread list, the image path of a
 * process and the memory map, served in slices of at most LENGTH bytes as
 * escaped binary data ('m' = more follows, 'l' = last). Generated
 * documents are built when gdb reads offset 0 and kept for the following
 * slices, so one read sees one consistent document. A read of LENGTH 0 is
 * malformed (E00): 'm' must carry at least one byte and an empty 'l' means
 * end of file (gdb manual, "General Query Packets", qXfer read replies).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gdbstub/internals.h"

struct xfer_req {
    const char *annex;
    size_t annex_len;
    uint64_t offset, length;
};

static void send_slice(struct gdb_conn *c, const char *text, size_t len, const struct xfer_req *r)
{
    /* Escaping can double the data: keep the packet under PacketSize. */
    uint64_t max = r->length < GDB_PACKET_SIZE / 2 - 8 ? r->length : GDB_PACKET_SIZE / 2 - 8;
    if (r->offset >= len) {
        gdb_send(c, "l");
        return;
    }
    size_t n = len - (size_t)r->offset;
    bool more = n > max;
    gdb_send_binary(c, more ? "m" : "l", text + r->offset, more ? (size_t)max : n);
}

/* The process a request names ("" = the current one): 0 if none. */
static int annex_pid(const struct gdb_conn *c, const struct xfer_req *r)
{
    uint64_t pid;
    const char *p = r->annex;
    if (!r->annex_len)
        return c->cur.pid;
    if (gdb_parse_hex(&p, &pid) || p != r->annex + r->annex_len || !pid || pid > c->ncl)
        return 0;
    return (int)pid;
}

static void xfer_features(struct gdb_conn *c, const struct xfer_req *r)
{
    const struct tdesc *td = c->ops->tdesc(c->t, (unsigned)c->cur.pid - 1);
    if (!td) {
        gdb_send_error(c, ENOENT);
        return;
    }
    for (unsigned i = 0; i < td->nfiles; i++) {
        const struct tdesc_file *f = &td->files[i];
        if (strlen(f->name) == r->annex_len && !memcmp(f->name, r->annex, r->annex_len)) {
            send_slice(c, f->text, f->len, r);
            return;
        }
    }
    gdb_send_error(c, 0);
}

static void xfer_exec_file(struct gdb_conn *c, const struct xfer_req *r)
{
    int pid = annex_pid(c, r);
    const char *path = pid ? c->ops->exec_file(c->t, (unsigned)pid - 1) : NULL;
    if (!pid)
        gdb_send_error(c, 0);
    else if (!path)
        gdb_send_error(c, ENOENT);
    else
        send_slice(c, path, strlen(path), r);
}

/* Serve a generated document, rebuilding it at offset 0. */
static void xfer_generated(struct gdb_conn *c, const struct xfer_req *r, const char *what,
                           void (*build)(struct gdb_conn *c, struct gdb_buf *b))
{
    char key[sizeof(c->xfer_key)];
    snprintf(key, sizeof(key), "%s:%d", what, c->cur.pid);
    if (r->annex_len) {
        gdb_send_error(c, 0);
        return;
    }
    if (r->offset == 0 || strcmp(key, c->xfer_key)) {
        gdb_buf_reset(&c->xfer);
        build(c, &c->xfer);
        snprintf(c->xfer_key, sizeof(c->xfer_key), "%s", c->xfer.failed ? "" : key);
        if (c->xfer.failed) {
            gdb_send_error(c, ENOMEM);
            return;
        }
    }
    send_slice(c, c->xfer.data, c->xfer.len, r);
}

static void xfer_threads(struct gdb_conn *c, const struct xfer_req *r)
{
    xfer_generated(c, r, "threads", gdb_xml_threads);
}

static void xfer_memory_map(struct gdb_conn *c, const struct xfer_req *r)
{
    xfer_generated(c, r, "memory-map", gdb_xml_memory_map);
}

static const struct {
    const char *object;
    void (*fn)(struct gdb_conn *c, const struct xfer_req *r);
} xfer_objects[] = {
    {"features", xfer_features},
    {"threads", xfer_threads},
    {"exec-file", xfer_exec_file},
    {"memory-map", xfer_memory_map},
};

/* Split ":read:ANNEX:OFFSET,LENGTH" after the object name. */
static int parse_read(const char *p, const char *end, struct xfer_req *r)
{
    static const char read[] = ":read:";
    if ((size_t)(end - p) < sizeof(read) - 1 || memcmp(p, read, sizeof(read) - 1))
        return -EINVAL;
    p += sizeof(read) - 1;
    const char *colon = memchr(p, ':', (size_t)(end - p));
    if (!colon)
        return -EINVAL;
    r->annex = p;
    r->annex_len = (size_t)(colon - p);
    p = colon + 1;
    if (gdb_parse_hex(&p, &r->offset) || *p++ != ',' || gdb_parse_hex(&p, &r->length) || p != end ||
        !r->length)
        return -EINVAL;
    return 0;
}

void gdb_handle_qXfer(struct gdb_conn *c, const char *args, size_t len)
{
    const char *end = args + len, *p = args + 1; /* after "qXfer:" */
    struct xfer_req r;
    if (!len) {
        gdb_send(c, "");
        return;
    }
    for (size_t i = 0; i < sizeof(xfer_objects) / sizeof(xfer_objects[0]); i++) {
        size_t n = strlen(xfer_objects[i].object);
        if ((size_t)(end - p) <= n || memcmp(p, xfer_objects[i].object, n) || p[n] != ':')
            continue;
        if (strncmp(p + n, ":read", 5)) {
            gdb_send(c, ""); /* writes are not supported */
            return;
        }
        if (parse_read(p + n, end, &r))
            gdb_send_error(c, 0);
        else
            xfer_objects[i].fn(c, &r);
        return;
    }
    gdb_send(c, "");
}
