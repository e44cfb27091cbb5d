/* SPDX-License-Identifier: MIT */
/*
 * Breakpoints and watchpoints: Z/z TYPE,ADDR,KIND (gdb manual, "Packets").
 * They belong to the process of the current general thread (gdb sends Hg
 * before Z in multiprocess mode), so a breakpoint in one inferior never
 * stops another cluster at the same address. The engine implements them
 * in translation; guest memory is never patched. A breakpoint's KIND must
 * be one the cluster's architecture defines (the target ops say which); a
 * watchpoint's KIND is its length, bounded by the engine.
 */
#include <errno.h>

#include "gdbstub/internals.h"

enum { Z_SW, Z_HW, Z_WRITE, Z_READ, Z_ACCESS, Z_NTYPES };

static const enum wp_kind z_watch_kind[Z_NTYPES] = {
    [Z_WRITE] = WP_WRITE,
    [Z_READ] = WP_READ,
    [Z_ACCESS] = WP_ACCESS,
};

static int parse_point(const char *args, uint64_t *type, uint64_t *addr, uint64_t *kind)
{
    const char *p = args;
    if (gdb_parse_hex(&p, type) || *p++ != ',' || gdb_parse_hex(&p, addr) || *p++ != ',' ||
        gdb_parse_hex(&p, kind) || *p)
        return -EINVAL;
    return 0;
}

static void handle_point(struct gdb_conn *c, const char *args, bool insert)
{
    uint64_t type, addr, kind;
    unsigned cl = (unsigned)c->cur.pid - 1;
    int err;
    if (parse_point(args, &type, &addr, &kind)) {
        gdb_send_error(c, EINVAL);
        return;
    }
    if (type >= Z_NTYPES) {
        gdb_send(c, ""); /* not a kind of point the stub has */
        return;
    }
    if (type == Z_SW || type == Z_HW) {
        if (c->ops->bp_kind_valid && !c->ops->bp_kind_valid(c->t, cl, kind)) {
            gdb_send_error(c, EINVAL);
            return;
        }
        enum bp_kind bk = type == Z_SW ? BP_SW : BP_HW;
        err =
            insert ? c->ops->bp_insert(c->t, cl, bk, addr) : c->ops->bp_remove(c->t, cl, bk, addr);
    } else if (!kind || kind > DEBUG_WP_LEN_MAX) {
        gdb_send_error(c, EINVAL); /* what the engine cannot watch */
        return;
    } else {
        enum wp_kind wk = z_watch_kind[type];
        err = insert ? c->ops->wp_insert(c->t, cl, wk, addr, kind)
                     : c->ops->wp_remove(c->t, cl, wk, addr, kind);
    }
    /* Removing what is already gone (a kill or detach cleared it) is done. */
    if (err && !(err == -ENOENT && !insert))
        gdb_send_error(c, err);
    else
        gdb_send(c, "OK");
}

void gdb_handle_Z(struct gdb_conn *c, const char *args, size_t len)
{
    (void)len;
    handle_point(c, args, true);
}

void gdb_handle_z(struct gdb_conn *c, const char *args, size_t len)
{
    (void)len;
    handle_point(c, args, false);
}
