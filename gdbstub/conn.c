/* SPDX-License-Identifier: MIT */
/*
 * The stub's life cycle, independent of sockets: the server subscribes to
 * the board's events once, a connecting gdb attaches every cluster
 * and stops every CPU (attach semantics), and a departing gdb leaves the
 * board as a detach does: its breakpoints and watchpoints removed, every
 * CPU running again (unless the guest has exited: the board then stays
 * held for the next gdb's "run").
 */
#include <errno.h>
#include <stdlib.h>

#include "engine/io/log.h"
#include "gdbstub/internals.h"

void gdb_server_stop_all(struct gdb_server *srv)
{
    unsigned ncl = srv->ops->nclusters(srv->t);
    for (unsigned cl = 0; cl < ncl; cl++)
        for (unsigned i = 0; i < srv->ops->ncpus(srv->t, cl); i++)
            srv->ops->cpu_stop(srv->t, cl, i);
}

/* Release every CPU held by the debugger. */
static void gdb_server_resume_all(struct gdb_server *srv)
{
    unsigned ncl = srv->ops->nclusters(srv->t);
    for (unsigned cl = 0; cl < ncl; cl++)
        for (unsigned i = 0; i < srv->ops->ncpus(srv->t, cl); i++)
            if (srv->ops->cpu_stopped(srv->t, cl, i))
                srv->ops->cpu_resume(srv->t, cl, i, false, 0);
}

static void server_on_stop(void *opaque, const struct gdb_stop *ev)
{
    gdb_server_stopped(opaque, ev);
}

/* The monitor held CPUs ("stop", "reset halt"): all-stop holds the rest,
 * and a running gdb gets a stop reply as for Ctrl-C. */
static void server_on_held(void *opaque)
{
    struct gdb_server *srv = opaque;
    if (srv->conn && srv->conn->running)
        gdb_handle_interrupt(srv->conn);
    gdb_server_stop_all(srv);
}

int gdb_server_init(struct gdb_server *srv, const struct gdb_target_ops *ops, void *t)
{
    *srv = (struct gdb_server){.ops = ops, .t = t};
    const struct gdb_target_events ev = {
        .stopped = server_on_stop,
        .held = server_on_held,
        .opaque = srv,
    };
    srv->sub = ops->subscribe(t, &ev);
    return srv->sub ? 0 : -ENOMEM;
}

void gdb_server_fini(struct gdb_server *srv)
{
    if (srv->conn)
        gdb_conn_free(srv->conn);
    if (srv->sub)
        srv->ops->unsubscribe(srv->t, srv->sub);
    srv->sub = NULL;
}

struct gdb_conn *gdb_conn_new(struct gdb_server *srv, const struct gdb_sink *sink)
{
    struct gdb_conn *c = calloc(1, sizeof(*c));
    unsigned ncl = srv->ops->nclusters(srv->t);
    if (!c || !ncl || !(c->attached = calloc(ncl, sizeof(bool)))) {
        free(c);
        return NULL;
    }
    c->srv = srv;
    c->ops = srv->ops;
    c->t = srv->t;
    c->sink = *sink;
    c->ncl = ncl;
    gdb_rx_init(&c->rx);
    for (unsigned cl = 0; cl < ncl; cl++)
        c->attached[cl] = true;
    c->cur = (struct gdb_tid){1, 1};
    c->cont = (struct gdb_tid){-1, -1};
    c->multiprocess = true; /* until qSupported says otherwise */
    srv->conn = c;
    gdb_server_stop_all(srv);
    return c;
}

void gdb_conn_free(struct gdb_conn *c)
{
    struct gdb_server *srv = c->srv;
    for (unsigned cl = 0; cl < c->ncl; cl++)
        if (c->attached[cl])
            c->ops->clear_points(c->t, cl);
    srv->conn = NULL;
    if (!srv->exited)
        gdb_server_resume_all(srv);
    gdb_rx_free(&c->rx);
    gdb_buf_free(&c->out);
    gdb_buf_free(&c->reply);
    gdb_buf_free(&c->xfer);
    free(c->attached);
    free(c);
}
