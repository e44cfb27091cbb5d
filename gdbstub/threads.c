/* SPDX-License-Identifier: MIT */
/*
 * Threads and processes as gdb names them: "pP.T" with the multiprocess
 * extension (gdb manual, "thread-id syntax"), plain "T" within the current
 * process without it; -1 means all, 0 any. Only attached clusters are
 * listed (qfThreadInfo, qXfer:threads): listing every cluster from the
 * first query is what makes gdb create an inferior for each by itself.
 */
#include <errno.h>
#include <string.h>

#include "gdbstub/internals.h"

static unsigned gdb_ncpus(const struct gdb_conn *c, int pid)
{
    if (pid < 1 || (unsigned)pid > c->ncl)
        return 0;
    return c->ops->ncpus(c->t, (unsigned)pid - 1);
}

bool gdb_process_listed(const struct gdb_conn *c, int pid)
{
    if (pid < 1 || (unsigned)pid > c->ncl || !c->attached[pid - 1])
        return false;
    /* Without the multiprocess extension gdb sees one process. */
    return c->multiprocess || pid == c->cur.pid;
}

static bool gdb_thread_exists(const struct gdb_conn *c, int pid, int tid)
{
    return tid >= 1 && (unsigned)tid <= gdb_ncpus(c, pid);
}

int gdb_first_pid(const struct gdb_conn *c)
{
    for (unsigned i = 0; i < c->ncl; i++)
        if (gdb_process_listed(c, (int)i + 1))
            return (int)i + 1;
    return 0;
}

/* One id: "-1", or hex without sign. */
static int parse_id(const char **p, int *id)
{
    uint64_t v;
    if ((*p)[0] == '-' && (*p)[1] == '1') {
        *p += 2;
        *id = -1;
        return 0;
    }
    if (gdb_parse_hex(p, &v) || v > 0x7fffffff)
        return -EINVAL;
    *id = (int)v;
    return 0;
}

int gdb_parse_tid(const struct gdb_conn *c, const char **p, struct gdb_tid *out)
{
    if (**p != 'p') { /* "-1" and "0" keep their meaning across processes */
        if (parse_id(p, &out->tid))
            return -EINVAL;
        out->pid = out->tid > 0 ? c->cur.pid : out->tid;
        return 0;
    }
    (*p)++;
    if (parse_id(p, &out->pid))
        return -EINVAL;
    if (**p != '.') {
        out->tid = -1; /* "pP": every thread of P */
        return 0;
    }
    (*p)++;
    return parse_id(p, &out->tid);
}

void gdb_buf_tid(const struct gdb_conn *c, struct gdb_buf *b, int pid, int tid)
{
    if (c->multiprocess)
        gdb_buf_printf(b, "p%x.%x", (unsigned)pid, (unsigned)tid);
    else
        gdb_buf_printf(b, "%x", (unsigned)tid);
}

/*
 * Hg/Hc. "Any" (0) keeps the current general thread: gdb sends Hgp0.0
 * right after vAttach and then expects qC to name the attached process.
 * "All" of a process selects its first thread for register access.
 */
void gdb_handle_H(struct gdb_conn *c, const char *args, size_t len)
{
    struct gdb_tid t;
    const char *p = args + 1;
    if (len < 2 || (args[0] != 'g' && args[0] != 'c') || gdb_parse_tid(c, &p, &t) || *p) {
        gdb_send_error(c, EINVAL);
        return;
    }
    if (args[0] == 'c') {
        c->cont = t;
        gdb_send(c, "OK");
        return;
    }
    if (t.pid > 0 && t.tid <= 0)
        t.tid = 1;
    if (t.pid <= 0) {
        gdb_send(c, "OK");
        return;
    }
    if (!gdb_thread_exists(c, t.pid, t.tid)) {
        gdb_send_error(c, ESRCH);
        return;
    }
    c->cur = t;
    gdb_send(c, "OK");
}

void gdb_handle_T(struct gdb_conn *c, const char *args, size_t len)
{
    struct gdb_tid t;
    const char *p = args;
    (void)len;
    if (gdb_parse_tid(c, &p, &t) || *p || !gdb_process_listed(c, t.pid) ||
        !gdb_thread_exists(c, t.pid, t.tid)) {
        gdb_send_error(c, ESRCH);
        return;
    }
    gdb_send(c, "OK");
}

void gdb_handle_qC(struct gdb_conn *c, const char *args, size_t len)
{
    (void)args;
    (void)len;
    gdb_buf_puts(&c->reply, "QC");
    gdb_buf_tid(c, &c->reply, c->cur.pid, c->cur.tid);
    gdb_send_reply(c);
}

/* Threads from global index c->list_next on, as many as fit one reply. */
static void send_thread_list(struct gdb_conn *c)
{
    unsigned index = 0, added = 0;
    gdb_buf_puts(&c->reply, "m");
    for (unsigned cl = 0; cl < c->ncl; cl++) {
        unsigned n = gdb_ncpus(c, (int)cl + 1);
        bool listed = gdb_process_listed(c, (int)cl + 1);
        for (unsigned i = 0; i < n; i++, index++) {
            if (!listed || index < c->list_next)
                continue;
            if (c->reply.len > GDB_PACKET_SIZE / 2)
                goto out;
            if (added++)
                gdb_buf_puts(&c->reply, ",");
            gdb_buf_tid(c, &c->reply, (int)cl + 1, (int)i + 1);
            c->list_next = index + 1;
        }
    }
out:
    if (!added)
        gdb_send(c, "l");
    else
        gdb_send_reply(c);
}

void gdb_handle_qfThreadInfo(struct gdb_conn *c, const char *args, size_t len)
{
    (void)args;
    (void)len;
    c->list_next = 0;
    send_thread_list(c);
}

void gdb_handle_qsThreadInfo(struct gdb_conn *c, const char *args, size_t len)
{
    (void)args;
    (void)len;
    send_thread_list(c);
}

/* The qXfer:threads:read document (gdb manual, "Thread List Format"). */
void gdb_xml_threads(struct gdb_conn *c, struct gdb_buf *b)
{
    char name[128];
    gdb_buf_puts(b, "<?xml version=\"1.0\"?>\n<threads>\n");
    for (unsigned cl = 0; cl < c->ncl; cl++) {
        if (!gdb_process_listed(c, (int)cl + 1))
            continue;
        for (unsigned i = 0; i < gdb_ncpus(c, (int)cl + 1); i++) {
            c->ops->thread_name(c->t, cl, i, name, sizeof(name));
            gdb_buf_puts(b, "<thread id=\"");
            gdb_buf_tid(c, b, (int)cl + 1, (int)i + 1);
            gdb_buf_puts(b, "\" name=\"");
            gdb_buf_xml(b, name);
            if (c->ops->cpu_off(c->t, cl, i))
                gdb_buf_puts(b, " (powered off)");
            gdb_buf_puts(b, "\"/>\n");
        }
    }
    gdb_buf_puts(b, "</threads>\n");
}
