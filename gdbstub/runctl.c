/* SPDX-License-Identifier: MIT */
/*
 * All-stop run control (gdb manual, "Packets": vCont, c, s; "Stop Reply
 * Packets"). gdb resumes exactly the threads an action names (so
 * scheduler-locking works), every other CPU stays held. The first stop of
 * any CPU holds every CPU of every attached cluster and becomes the one
 * stop reply gdb waits for. Resuming only CPUs that are powered off would
 * wait forever, so that is answered at once with a console message and a
 * stop of that thread.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/log.h"
#include "gdbstub/internals.h"

/* Actions in one vCont: more would not name anything new. */
#define VCONT_MAX 64

struct vcont_action {
    char op; /* 'c', 's' or 't' */
    int sig;
    struct gdb_tid tid;
};

/* ---- stop replies ------------------------------------------------------ */

static void buf_stop_reason(struct gdb_conn *c, const struct gdb_stop *ev)
{
    static const char *const watch_names[] = {
        [WP_WRITE] = "watch", [WP_READ] = "rwatch", [WP_ACCESS] = "awatch"};
    if (ev->reason == STOP_BREAKPOINT && ev->bp == BP_SW && c->swbreak)
        gdb_buf_puts(&c->reply, "swbreak:;");
    else if (ev->reason == STOP_BREAKPOINT && ev->bp == BP_HW && c->hwbreak)
        gdb_buf_puts(&c->reply, "hwbreak:;");
    else if (ev->reason == STOP_WATCHPOINT && ev->wp >= WP_WRITE && ev->wp <= WP_ACCESS)
        gdb_buf_printf(&c->reply, "%s:%llx;", watch_names[ev->wp], (unsigned long long)ev->addr);
}

/* The stop reply for @ev; the stopped thread becomes the current one. */
void gdb_send_stop(struct gdb_conn *c, const struct gdb_stop *ev)
{
    int pid = (int)ev->cl + 1;
    c->running = false;
    gdb_buf_reset(&c->reply);
    if (ev->reason == STOP_EXITED) {
        gdb_buf_printf(&c->reply, "W%02x", (unsigned)ev->exit_code & 0xff);
        if (c->multiprocess)
            gdb_buf_printf(&c->reply, ";process:%x", (unsigned)pid);
        c->attached[ev->cl] = false; /* gone for gdb until run or attach */
        c->run_pid = pid;
        gdb_send_reply(c);
        return;
    }
    gdb_buf_printf(&c->reply, "T%02xthread:", (unsigned)ev->signal & 0xff);
    gdb_buf_tid(c, &c->reply, pid, (int)ev->cpu + 1);
    gdb_buf_puts(&c->reply, ";");
    buf_stop_reason(c, ev);
    c->cur = (struct gdb_tid){pid, (int)ev->cpu + 1};
    gdb_send_reply(c);
}

/* Hold every CPU of every attached cluster. */
static void gdb_stop_attached(struct gdb_conn *c)
{
    for (unsigned cl = 0; cl < c->ncl; cl++)
        for (unsigned i = 0; c->attached[cl] && i < c->ops->ncpus(c->t, cl); i++)
            c->ops->cpu_stop(c->t, cl, i);
}

/* A stop from the board (engine listener). */
void gdb_server_stopped(struct gdb_server *srv, const struct gdb_stop *ev)
{
    struct gdb_conn *c = srv->conn;
    if (ev->reason == STOP_EXITED) {
        srv->exited = true;
        srv->exit_code = ev->exit_code;
        gdb_server_stop_all(srv); /* held until run (the engine does too) */
        if (c && c->running) {
            struct gdb_stop w = *ev;
            w.cl = (unsigned)c->focus.pid - 1;
            gdb_send_stop(c, &w);
        } else {
            log_info("the guest exited with code %d; the board is held for gdb "
                     "(run restarts it)",
                     ev->exit_code);
        }
        return;
    }
    if (!c || ev->cl >= c->ncl || !c->attached[ev->cl]) {
        /* Nobody debugs this cluster: the guest handles its exception. */
        srv->ops->cpu_resume(srv->t, ev->cl, ev->cpu, false,
                             ev->reason == STOP_SIGNAL ? ev->signal : 0);
        return;
    }
    gdb_stop_attached(c);
    if (c->running) {
        gdb_send_stop(c, ev);
    } else {
        srv->pending = true;
        srv->pending_stop = *ev;
    }
}

void gdb_handle_interrupt(struct gdb_conn *c)
{
    if (!c->running)
        return;          /* already stopped: gdb's stop reply is on its way */
    if (!c->focus.pid) { /* what ran was killed or detached since */
        c->running = false;
        return;
    }
    gdb_stop_attached(c);
    struct gdb_stop ev = {.cl = (unsigned)c->focus.pid - 1,
                          .cpu = (unsigned)c->focus.tid - 1,
                          .reason = STOP_REQUEST,
                          .signal = GDB_SIGINT};
    gdb_send_stop(c, &ev);
}

/* ---- resuming ---------------------------------------------------------- */

static bool action_matches(const struct gdb_conn *c, const struct vcont_action *a, int pid, int tid)
{
    int apid = a->tid.pid == 0 ? c->cur.pid : a->tid.pid;
    int atid = a->tid.tid == 0 ? 1 : a->tid.tid;
    return (apid == -1 || apid == pid) && (atid == -1 || atid == tid);
}

static const struct vcont_action *
action_for(const struct gdb_conn *c, const struct vcont_action *acts, unsigned n, int pid, int tid)
{
    for (unsigned k = 0; k < n; k++)
        if (action_matches(c, &acts[k], pid, tid))
            return &acts[k];
    return NULL;
}

/* Nothing gdb resumes can run: say so and stop at once on @who. */
static void report_powered_off(struct gdb_conn *c, struct gdb_tid who)
{
    char name[128], msg[192];
    c->ops->thread_name(c->t, (unsigned)who.pid - 1, (unsigned)who.tid - 1, name, sizeof(name));
    snprintf(msg, sizeof(msg), "mosaic: cpu %s is powered off\n", name);
    gdb_send_console(c, msg);
    struct gdb_stop ev = {.cl = (unsigned)who.pid - 1,
                          .cpu = (unsigned)who.tid - 1,
                          .reason = STOP_REQUEST,
                          .signal = GDB_SIGTRAP};
    gdb_send_stop(c, &ev);
}

/* Which thread blocks the resume: a stepped CPU that is off, or, when no
 * named CPU is on, the first named one. Returns false when all is well. */
static bool find_blocker(struct gdb_conn *c, const struct vcont_action *acts, unsigned n,
                         struct gdb_tid *who)
{
    bool any = false, on = false;
    for (unsigned cl = 0; cl < c->ncl; cl++) {
        for (unsigned i = 0; c->attached[cl] && i < c->ops->ncpus(c->t, cl); i++) {
            const struct vcont_action *a = action_for(c, acts, n, (int)cl + 1, (int)i + 1);
            if (!a || a->op == 't')
                continue;
            bool off = c->ops->cpu_off(c->t, cl, i);
            struct gdb_tid t = {(int)cl + 1, (int)i + 1};
            if (!any || (off && a->op == 's'))
                *who = t;
            if (off && a->op == 's')
                return true;
            any = true;
            on |= !off;
        }
    }
    return any && !on;
}

/* Resume what @acts name; the first CPU that runs is named by an interrupt. */
static void vcont_apply(struct gdb_conn *c, const struct vcont_action *acts, unsigned n)
{
    struct gdb_server *srv = c->srv;
    struct gdb_tid who = {0, 0};
    if (srv->exited) {
        int pid = acts[0].tid.pid > 0 && (unsigned)acts[0].tid.pid <= c->ncl ? acts[0].tid.pid
                                                                             : c->cur.pid;
        struct gdb_stop w = {
            .cl = (unsigned)pid - 1, .reason = STOP_EXITED, .exit_code = srv->exit_code};
        gdb_send_stop(c, &w);
        return;
    }
    if (srv->pending && c->attached[srv->pending_stop.cl]) {
        /* A CPU stopped while gdb was not waiting (after the monitor's
         * cont): that stop is the answer, nothing runs. */
        srv->pending = false;
        gdb_send_stop(c, &srv->pending_stop);
        return;
    }
    if (find_blocker(c, acts, n, &who)) {
        report_powered_off(c, who);
        return;
    }
    c->focus = (struct gdb_tid){0, 0};
    for (unsigned cl = 0; cl < c->ncl; cl++) {
        for (unsigned i = 0; c->attached[cl] && i < c->ops->ncpus(c->t, cl); i++) {
            const struct vcont_action *a = action_for(c, acts, n, (int)cl + 1, (int)i + 1);
            if (!a || a->op == 't')
                continue;
            if (!c->focus.pid && !c->ops->cpu_off(c->t, cl, i))
                c->focus = (struct gdb_tid){(int)cl + 1, (int)i + 1};
            c->ops->cpu_resume(c->t, cl, i, a->op == 's', a->sig);
        }
    }
    if (!c->focus.pid) {
        c->running = false;
        gdb_send(c, "E.no thread to resume");
        return;
    }
    c->running = true;
}

/* One action: c, Csig, s, Ssig, t, then an optional ":thread-id". */
static int parse_action(struct gdb_conn *c, const char **p, struct vcont_action *a)
{
    uint64_t sig = 0;
    char op = *(*p)++;
    if (op != 'c' && op != 'C' && op != 's' && op != 'S' && op != 't')
        return -EINVAL;
    if ((op == 'C' || op == 'S') && (gdb_parse_hex(p, &sig) || sig > 0xff))
        return -EINVAL;
    a->op = op == 'C' ? 'c' : op == 'S' ? 's' : op;
    a->sig = (int)sig;
    a->tid = (struct gdb_tid){-1, -1};
    if (**p == ':') {
        (*p)++;
        if (gdb_parse_tid(c, p, &a->tid))
            return -EINVAL;
    }
    return **p == ';' || **p == '\0' ? 0 : -EINVAL;
}

void gdb_handle_vCont(struct gdb_conn *c, const char *args, size_t len)
{
    struct vcont_action acts[VCONT_MAX];
    unsigned n = 0;
    const char *p = args;
    (void)len;
    while (*p == ';') {
        p++;
        if (n == VCONT_MAX || parse_action(c, &p, &acts[n++])) {
            gdb_send_error(c, EINVAL);
            return;
        }
    }
    if (!n || *p) {
        gdb_send_error(c, EINVAL);
        return;
    }
    vcont_apply(c, acts, n);
}

void gdb_handle_vCont_query(struct gdb_conn *c, const char *args, size_t len)
{
    (void)args;
    (void)len;
    gdb_send(c, "vCont;c;C;s;S;t");
}

/* ---- the old single-thread packets --------------------------------------- */

/* c/s resume at the current pc only: "c ADDR" would need to know which
 * register is the pc, which the stub does not. */
static void legacy_resume(struct gdb_conn *c, const char *args, char op, bool with_sig)
{
    struct vcont_action a = {.op = op, .tid = {-1, -1}};
    uint64_t sig = 0;
    const char *p = args;
    if (with_sig && (gdb_parse_hex(&p, &sig) || sig > 0xff)) {
        gdb_send_error(c, EINVAL);
        return;
    }
    if (*p) {
        gdb_send_error(c, EINVAL);
        return;
    }
    a.sig = (int)sig;
    if (op == 's') /* step the continue thread, or the current one */
        a.tid = c->cont.pid > 0 && c->cont.tid > 0 ? c->cont : c->cur;
    vcont_apply(c, &a, 1);
}

void gdb_handle_c(struct gdb_conn *c, const char *args, size_t len)
{
    (void)len;
    legacy_resume(c, args, 'c', false);
}

void gdb_handle_C(struct gdb_conn *c, const char *args, size_t len)
{
    (void)len;
    legacy_resume(c, args, 'c', true);
}

void gdb_handle_s(struct gdb_conn *c, const char *args, size_t len)
{
    (void)len;
    legacy_resume(c, args, 's', false);
}

void gdb_handle_S(struct gdb_conn *c, const char *args, size_t len)
{
    (void)len;
    legacy_resume(c, args, 's', true);
}
