/* SPDX-License-Identifier: MIT */
/*
 * Processes in extended mode (gdb manual, "Packets": ?, vAttach, D, vKill,
 * k, vRun, qAttached). A cluster is attached (listed, stopped with the
 * others) or detached (left running, invisible to gdb). Killing a cluster
 * resets and holds it; the server itself never ends on a kill. Run restarts
 * the whole board with its images: clusters share devices and memory, so
 * one cannot be restarted alone.
 */
#include <errno.h>
#include <stdio.h>

#include "engine/io/log.h"
#include "gdbstub/internals.h"

/* "pid" after a ';' (vAttach;PID, D;PID, vKill;PID): 0 if malformed or
 * not a process of this board. */
static int parse_pid(const struct gdb_conn *c, const char *args, char sep)
{
    const char *p = args;
    uint64_t pid;
    if (*p++ != sep || gdb_parse_hex(&p, &pid) || *p || !pid || pid > c->ncl)
        return 0;
    return (int)pid;
}

static void send_thread_stop(struct gdb_conn *c, int pid)
{
    struct gdb_stop ev = {
        .cl = (unsigned)pid - 1, .cpu = 0, .reason = STOP_REQUEST, .signal = GDB_SIGTRAP};
    gdb_send_stop(c, &ev);
}

/*
 * The stop gdb asks for at connect. gdb 13 reads the target description
 * after Hgp0.0 (the first process) and once more when this reply names a
 * thread of another process, so naming the second process gives the first
 * two inferiors the right architecture without any command.
 */
void gdb_handle_question(struct gdb_conn *c, const char *args, size_t len)
{
    struct gdb_server *srv = c->srv;
    int first = gdb_first_pid(c), second = 0;
    (void)args;
    (void)len;
    for (int pid = first + 1; first && !second && (unsigned)pid <= c->ncl; pid++)
        if (gdb_process_listed(c, pid))
            second = pid;
    if (srv->exited && first) {
        struct gdb_stop w = {
            .cl = (unsigned)c->cur.pid - 1, .reason = STOP_EXITED, .exit_code = srv->exit_code};
        gdb_send_stop(c, &w);
    } else if (srv->pending && srv->pending_stop.cl < c->ncl && c->attached[srv->pending_stop.cl]) {
        srv->pending = false;
        gdb_send_stop(c, &srv->pending_stop);
    } else if (first) {
        send_thread_stop(c, second ? second : first);
    } else {
        gdb_send(c, "W00"); /* nothing attached: no process */
    }
}

void gdb_handle_qAttached(struct gdb_conn *c, const char *args, size_t len)
{
    int pid;
    if (!len) {
        gdb_send(c, "1");
        return;
    }
    pid = parse_pid(c, args, ':');
    if (!pid)
        gdb_send_error(c, ESRCH);
    else
        gdb_send(c, c->attached[pid - 1] ? "1" : "0");
}

static void hold_cluster(struct gdb_conn *c, unsigned cl)
{
    for (unsigned i = 0; i < c->ops->ncpus(c->t, cl); i++)
        c->ops->cpu_stop(c->t, cl, i);
}

void gdb_handle_vAttach(struct gdb_conn *c, const char *args, size_t len)
{
    int pid = parse_pid(c, args, ';');
    (void)len;
    if (!pid) {
        gdb_send_error(c, ESRCH);
        return;
    }
    if (c->attached[pid - 1]) {
        /* gdb would make up a second inferior for the same CPUs. */
        char msg[64];
        snprintf(msg, sizeof(msg), "E.mosaic: process %d is already attached", pid);
        gdb_send(c, msg);
        return;
    }
    c->attached[pid - 1] = true;
    hold_cluster(c, (unsigned)pid - 1);
    send_thread_stop(c, pid);
}

static void detach_cluster(struct gdb_conn *c, unsigned cl)
{
    c->ops->clear_points(c->t, cl);
    c->attached[cl] = false;
    if (c->srv->exited)
        return; /* the board stays held after the guest's exit */
    for (unsigned i = 0; i < c->ops->ncpus(c->t, cl); i++)
        c->ops->cpu_resume(c->t, cl, i, false, 0);
}

/* D;PID detaches one process; a bare D every one (gdb then disconnects). */
void gdb_handle_D(struct gdb_conn *c, const char *args, size_t len)
{
    if (!len) {
        for (unsigned cl = 0; cl < c->ncl; cl++)
            if (c->attached[cl])
                detach_cluster(c, cl);
        gdb_send(c, "OK");
        return;
    }
    int pid = parse_pid(c, args, ';');
    if (!pid || !c->attached[pid - 1]) {
        gdb_send_error(c, ESRCH);
        return;
    }
    detach_cluster(c, (unsigned)pid - 1);
    gdb_send(c, "OK");
}

static void kill_cluster(struct gdb_conn *c, unsigned cl)
{
    c->ops->clear_points(c->t, cl);
    c->ops->cluster_reset(c->t, cl);
    hold_cluster(c, cl);
    c->attached[cl] = false;
    c->run_pid = (int)cl + 1;
}

void gdb_handle_vKill(struct gdb_conn *c, const char *args, size_t len)
{
    int pid = parse_pid(c, args, ';');
    (void)len;
    if (!pid) {
        gdb_send_error(c, ESRCH);
        return;
    }
    kill_cluster(c, (unsigned)pid - 1);
    gdb_send(c, "OK");
}

/* The old kill: every process, and no reply (gdb manual, 'k'). */
void gdb_handle_k(struct gdb_conn *c, const char *args, size_t len)
{
    (void)args;
    (void)len;
    for (unsigned cl = 0; cl < c->ncl; cl++)
        kill_cluster(c, cl);
}

/*
 * vRun;FILE;ARGS restarts the board with its own images (the file and
 * arguments gdb sends are not used) and holds every CPU; the new process
 * is the one last killed or exited, so "run" in an inferior gets its own
 * cluster back.
 */
void gdb_handle_vRun(struct gdb_conn *c, const char *args, size_t len)
{
    struct gdb_server *srv = c->srv;
    (void)args;
    (void)len;
    int err = c->ops->restart(c->t);
    if (err) {
        log_error("gdb: restarting the board failed");
        gdb_send_error(c, err);
        return;
    }
    srv->exited = false;
    srv->pending = false;
    for (unsigned cl = 0; cl < c->ncl; cl++) {
        c->ops->clear_points(c->t, cl);
        hold_cluster(c, cl);
        c->attached[cl] = true;
    }
    send_thread_stop(c, c->run_pid ? c->run_pid : c->cur.pid);
}
