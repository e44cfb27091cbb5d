/* SPDX-License-Identifier: MIT */
/*
 * The fake board and the buffered gdb connection (see fake.h).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake.h"

struct fake_board fake;

static char target_xml[] = "<?xml version=\"1.0\"?>\n<target><architecture>fake</architecture>"
                           "<xi:include href=\"regs.xml\"/></target>\n";
static char regs_xml[] = "<feature name=\"fake\"><reg name=\"r0\" bitsize=\"32\"/>"
                         "<reg name=\"r1\" bitsize=\"64\"/><reg name=\"pc\" bitsize=\"32\"/>"
                         "</feature>\n";
static struct tdesc_reg fake_regs[FAKE_NREGS] = {
    {.name = "r0", .regnum = 0, .bitsize = 32},
    {.name = "r1", .regnum = 1, .bitsize = 64},
    {.name = "pc", .regnum = 2, .bitsize = 32},
};
static struct tdesc_file fake_files[] = {
    {.name = "target.xml", .text = target_xml, .len = sizeof(target_xml) - 1},
    {.name = "regs.xml", .text = regs_xml, .len = sizeof(regs_xml) - 1},
};
const struct tdesc fake_tdesc = {
    .architecture = "fake",
    .regs = fake_regs,
    .nregs = FAKE_NREGS,
    .files = fake_files,
    .nfiles = 2,
};

void fake_reset(unsigned ncl, const unsigned *ncpus)
{
    static const char *const names[FAKE_MAX_CL] = {"app", "rt", "dsp", "io"};
    memset(&fake, 0, sizeof(fake));
    fake.ncl = ncl;
    for (unsigned i = 0; i < ncl; i++) {
        fake.cl[i].name = names[i];
        fake.cl[i].ncpus = ncpus[i];
        for (unsigned j = 0; j < ncpus[i]; j++)
            fake.cl[i].cpus[j].regs[2] = 0x1000 + 0x100 * i + 4 * j;
    }
}

/* ---- the ops ------------------------------------------------------------ */

static struct fake_cpu *fcpu(unsigned cl, unsigned cpu)
{
    assert_true(cl < fake.ncl && cpu < fake.cl[cl].ncpus);
    return &fake.cl[cl].cpus[cpu];
}

static unsigned f_nclusters(void *t)
{
    assert_ptr_equal(t, &fake);
    return fake.ncl;
}

static unsigned f_ncpus(void *t, unsigned cl)
{
    (void)t;
    assert_true(cl < fake.ncl);
    return fake.cl[cl].ncpus;
}

static void f_thread_name(void *t, unsigned cl, unsigned cpu, char *buf, size_t len)
{
    (void)t;
    assert_true(cl < fake.ncl && cpu < fake.cl[cl].ncpus);
    snprintf(buf, len, "%s/cpu%u", fake.cl[cl].name, cpu);
}

static bool f_cpu_off(void *t, unsigned cl, unsigned cpu)
{
    (void)t;
    return fcpu(cl, cpu)->off;
}

static const struct tdesc *f_tdesc(void *t, unsigned cl)
{
    (void)t;
    assert_true(cl < fake.ncl);
    return fake.cl[cl].no_tdesc ? NULL : &fake_tdesc;
}

static const char *f_exec_file(void *t, unsigned cl)
{
    (void)t;
    assert_true(cl < fake.ncl);
    return fake.cl[cl].exec_file;
}

static bool f_mem_range(void *t, unsigned cl, unsigned i, struct gdb_mem_range *r)
{
    (void)t;
    assert_true(cl < fake.ncl);
    if (fake.cl[cl].nranges) {
        if (i < fake.cl[cl].nranges)
            *r = fake.cl[cl].ranges[i];
        return i < fake.cl[cl].nranges;
    }
    if (i == 0)
        *r = (struct gdb_mem_range){FAKE_ROM_BASE, FAKE_ROM_SIZE, true};
    else if (i == 1)
        *r = (struct gdb_mem_range){FAKE_RAM_BASE, FAKE_RAM_SIZE, false};
    return i < 2;
}

static const unsigned reg_size[FAKE_NREGS] = {4, 8, 4};

static int f_reg_read(void *t, unsigned cl, unsigned cpu, unsigned regnum, uint8_t *buf, size_t len)
{
    (void)t;
    struct fake_cpu *c = fcpu(cl, cpu);
    if (regnum >= FAKE_NREGS || len < reg_size[regnum])
        return -1;
    for (unsigned i = 0; i < reg_size[regnum]; i++)
        buf[i] = (uint8_t)(c->regs[regnum] >> (8 * i));
    return (int)reg_size[regnum];
}

static int f_reg_write(void *t, unsigned cl, unsigned cpu, unsigned regnum, const uint8_t *buf,
                       size_t len)
{
    (void)t;
    struct fake_cpu *c = fcpu(cl, cpu);
    if (regnum >= FAKE_NREGS || len < reg_size[regnum])
        return -1;
    c->regs[regnum] = 0;
    for (unsigned i = 0; i < reg_size[regnum]; i++)
        c->regs[regnum] |= (uint64_t)buf[i] << (8 * i);
    return (int)reg_size[regnum];
}

static uint8_t *fake_byte(unsigned cl, uint64_t a, bool write)
{
    if (a >= FAKE_RAM_BASE && a < FAKE_RAM_BASE + FAKE_RAM_SIZE)
        return &fake.cl[cl].ram[a - FAKE_RAM_BASE];
    if (!write && a >= FAKE_ROM_BASE && a < FAKE_ROM_BASE + FAKE_ROM_SIZE)
        return &fake.cl[cl].rom[a - FAKE_ROM_BASE];
    return NULL;
}

static int f_mem_read(void *t, unsigned cl, uint64_t addr, uint8_t *buf, size_t len, size_t *done)
{
    (void)t;
    assert_true(cl < fake.ncl);
    for (*done = 0; *done < len; (*done)++) {
        uint8_t *b = fake_byte(cl, addr + *done, false);
        if (!b)
            return -1;
        buf[*done] = *b;
    }
    return 0;
}

static int f_mem_write(void *t, unsigned cl, uint64_t addr, const uint8_t *buf, size_t len)
{
    (void)t;
    assert_true(cl < fake.ncl);
    for (size_t i = 0; i < len; i++)
        if (!fake_byte(cl, addr + i, true))
            return -1;
    for (size_t i = 0; i < len; i++)
        *fake_byte(cl, addr + i, true) = buf[i];
    return 0;
}

static int point_add(struct fake_point *arr, unsigned *n, int kind, uint64_t addr, uint64_t len)
{
    if (!len)
        return -EINVAL;
    if (*n == FAKE_MAX_POINTS)
        return -ENOSPC;
    arr[(*n)++] = (struct fake_point){kind, addr, len};
    return 0;
}

static int point_del(struct fake_point *arr, unsigned *n, int kind, uint64_t addr, uint64_t len)
{
    for (unsigned i = 0; i < *n; i++)
        if (arr[i].kind == kind && arr[i].addr == addr && arr[i].len == len) {
            arr[i] = arr[--*n];
            return 0;
        }
    return -ENOENT;
}

static int f_bp_insert(void *t, unsigned cl, enum bp_kind kind, uint64_t addr)
{
    (void)t;
    return point_add(fake.cl[cl].bps, &fake.cl[cl].nbps, kind, addr, 1);
}

static int f_bp_remove(void *t, unsigned cl, enum bp_kind kind, uint64_t addr)
{
    (void)t;
    return point_del(fake.cl[cl].bps, &fake.cl[cl].nbps, kind, addr, 1);
}

static int f_wp_insert(void *t, unsigned cl, enum wp_kind kind, uint64_t addr, uint64_t len)
{
    (void)t;
    return point_add(fake.cl[cl].wps, &fake.cl[cl].nwps, kind, addr, len);
}

static int f_wp_remove(void *t, unsigned cl, enum wp_kind kind, uint64_t addr, uint64_t len)
{
    (void)t;
    return point_del(fake.cl[cl].wps, &fake.cl[cl].nwps, kind, addr, len);
}

static void f_clear_points(void *t, unsigned cl)
{
    (void)t;
    assert_true(cl < fake.ncl);
    fake.cl[cl].nbps = fake.cl[cl].nwps = 0;
    fake.cl[cl].clears++;
}

static bool f_bp_kind_valid(void *t, unsigned cl, uint64_t kind)
{
    uint32_t kinds = fake.cl[cl].bp_kinds;
    (void)t;
    return !kinds || (kind < 32 && (kinds >> kind & 1));
}

static void f_cpu_stop(void *t, unsigned cl, unsigned cpu)
{
    (void)t;
    struct fake_cpu *c = fcpu(cl, cpu);
    c->stopped = true;
    c->stops++;
}

static void f_cpu_resume(void *t, unsigned cl, unsigned cpu, bool step, int signal)
{
    (void)t;
    struct fake_cpu *c = fcpu(cl, cpu);
    c->stopped = false;
    c->resumes++;
    c->last_step = step;
    c->last_signal = signal;
}

static bool f_cpu_stopped(void *t, unsigned cl, unsigned cpu)
{
    (void)t;
    return fcpu(cl, cpu)->stopped;
}

static void f_cluster_reset(void *t, unsigned cl)
{
    (void)t;
    assert_true(cl < fake.ncl);
    fake.cl[cl].resets++;
}

static int f_restart(void *t)
{
    (void)t;
    fake.restarts++;
    return fake.restart_err;
}

/* "echo TEXT" prints TEXT; "fail" prints why and fails; the rest is OK. */
static int f_monitor(void *t, unsigned cl, const char *line, const struct monitor_out *out)
{
    (void)t;
    snprintf(fake.monitor_line, sizeof(fake.monitor_line), "%s", line);
    fake.monitor_cl = cl;
    if (!strncmp(line, "echo ", 5)) {
        char text[300];
        snprintf(text, sizeof(text), "%s\n", line + 5);
        out->write(out->opaque, text);
    }
    if (!strcmp(line, "fail")) {
        out->write(out->opaque, "unknown command: fail\n");
        return -EINVAL;
    }
    return 0;
}

/* The latest subscription's events are the ones tests send. */
static void *f_subscribe(void *t, const struct gdb_target_events *ev)
{
    fake.subscriptions++;
    fake.events_set = true;
    fake.events = *ev;
    return t;
}

static void f_unsubscribe(void *t, void *sub)
{
    assert_ptr_equal(sub, t);
    assert_true(fake.subscriptions > 0);
    if (!--fake.subscriptions) {
        fake.events_set = false;
        fake.events = (struct gdb_target_events){0};
    }
}

const struct gdb_target_ops fake_ops = {
    .nclusters = f_nclusters,
    .ncpus = f_ncpus,
    .thread_name = f_thread_name,
    .cpu_off = f_cpu_off,
    .tdesc = f_tdesc,
    .exec_file = f_exec_file,
    .mem_range = f_mem_range,
    .reg_read = f_reg_read,
    .reg_write = f_reg_write,
    .mem_read = f_mem_read,
    .mem_write = f_mem_write,
    .bp_insert = f_bp_insert,
    .bp_remove = f_bp_remove,
    .wp_insert = f_wp_insert,
    .wp_remove = f_wp_remove,
    .clear_points = f_clear_points,
    .bp_kind_valid = f_bp_kind_valid,
    .cpu_stop = f_cpu_stop,
    .cpu_resume = f_cpu_resume,
    .cpu_stopped = f_cpu_stopped,
    .cluster_reset = f_cluster_reset,
    .restart = f_restart,
    .monitor = f_monitor,
    .subscribe = f_subscribe,
    .unsubscribe = f_unsubscribe,
};

void fake_stop_event(const struct gdb_stop *ev)
{
    assert_true(fake.events_set);
    fake.events.stopped(fake.events.opaque, ev);
}

/* ---- the connection ------------------------------------------------------ */

static void link_write(void *opaque, const void *data, size_t len)
{
    struct fake_link *l = opaque;
    l->out = realloc(l->out, l->out_len + len + 1);
    assert_non_null(l->out);
    memcpy(l->out + l->out_len, data, len);
    l->out_len += len;
    l->out[l->out_len] = '\0';
}

static void link_open(struct fake_link *l)
{
    const struct gdb_sink sink = {.write = link_write, .opaque = l};
    l->conn = gdb_conn_new(&l->srv, &sink);
    assert_non_null(l->conn);
    assert_ptr_equal(l->srv.conn, l->conn);
}

static void link_noack(struct fake_link *l)
{
    fake_send(l, "qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+");
    fake_send(l, "QStartNoAckMode");
    fake_raw(l);
}

void fake_connect(struct fake_link *l)
{
    memset(l, 0, sizeof(*l));
    assert_int_equal(gdb_server_init(&l->srv, &fake_ops, &fake), 0);
    link_open(l);
}

void fake_connect_noack(struct fake_link *l)
{
    fake_connect(l);
    link_noack(l);
}

void fake_drop(struct fake_link *l)
{
    gdb_conn_free(l->conn);
    l->conn = NULL;
    assert_null(l->srv.conn);
}

void fake_reconnect_noack(struct fake_link *l)
{
    assert_null(l->conn);
    link_open(l);
    link_noack(l);
}

void fake_disconnect(struct fake_link *l)
{
    gdb_server_fini(&l->srv);
    assert_false(fake.events_set);
    free(l->out);
    free(l->pkt);
    memset(l, 0, sizeof(*l));
}

void fake_feed(struct fake_link *l, const void *data, size_t len)
{
    gdb_conn_input(l->conn, data, len);
}

void fake_send(struct fake_link *l, const char *text)
{
    size_t n = strlen(text);
    char *frame = malloc(n + 5);
    unsigned sum = 0;
    assert_non_null(frame);
    for (size_t i = 0; i < n; i++)
        sum += (unsigned char)text[i];
    snprintf(frame, n + 5, "$%s#%02x", text, sum & 0xff);
    fake_feed(l, frame, n + 4);
    free(frame);
}

static void link_consume(struct fake_link *l, size_t n)
{
    memmove(l->out, l->out + n, l->out_len - n + 1);
    l->out_len -= n;
}

const char *fake_next(struct fake_link *l)
{
    size_t i = 0;
    while (i < l->out_len && (l->out[i] == '+' || l->out[i] == '-'))
        i++;
    if (i == l->out_len) {
        link_consume(l, i);
        return NULL;
    }
    assert_int_equal(l->out[i], '$');
    char *hash = memchr(l->out + i, '#', l->out_len - i);
    assert_non_null(hash);
    assert_true(hash + 2 < l->out + l->out_len);
    unsigned sum = 0, want;
    free(l->pkt);
    l->pkt = malloc((size_t)(hash - l->out) + 1);
    assert_non_null(l->pkt);
    size_t n = 0;
    for (char *p = l->out + i + 1; p < hash; p++)
        sum += (unsigned char)*p;
    for (char *p = l->out + i + 1; p < hash; p++)
        l->pkt[n++] = *p == '}' && p + 1 < hash ? (char)(*++p ^ 0x20) : *p;
    l->pkt[n] = '\0';
    assert_int_equal(sscanf(hash + 1, "%2x", &want), 1);
    assert_int_equal(sum & 0xff, want);
    link_consume(l, (size_t)(hash + 3 - l->out));
    return l->pkt;
}

const char *fake_raw(struct fake_link *l)
{
    free(l->pkt);
    l->pkt = strdup(l->out ? l->out : "");
    assert_non_null(l->pkt);
    if (l->out_len)
        link_consume(l, l->out_len);
    return l->pkt;
}

const char *fake_ask(struct fake_link *l, const char *text)
{
    fake_send(l, text);
    const char *r = fake_next(l);
    assert_non_null(r);
    assert_int_equal(l->out_len, 0);
    return r;
}
