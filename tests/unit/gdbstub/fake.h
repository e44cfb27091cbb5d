/* SPDX-License-Identifier: MIT */
/*
 * A fake board behind struct gdb_target_ops for the stub's unit tests:
 * clusters of CPUs with a few registers, a RAM and a ROM window per
 * cluster, recorded breakpoints, watchpoints and run-control calls, a
 * monitor with two commands, and a gdb connection whose output is kept in
 * a buffer and split back into packets.
 */
#ifndef MOSAIC_TESTS_GDBSTUB_FAKE_H
#define MOSAIC_TESTS_GDBSTUB_FAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdbstub/internals.h"

#define FAKE_MAX_CL 4
#define FAKE_MAX_CPU 4
#define FAKE_MAX_POINTS 16
#define FAKE_NREGS 3
#define FAKE_RAM_BASE 0x1000u
#define FAKE_RAM_SIZE 0x1000u
#define FAKE_ROM_BASE 0x100u
#define FAKE_ROM_SIZE 0x100u

struct fake_point {
    int kind;
    uint64_t addr, len;
};

struct fake_cpu {
    uint64_t regs[FAKE_NREGS]; /* r0 (32 bits), r1 (64 bits), pc (32 bits) */
    bool off;
    bool stopped;
    int resumes, stops;
    bool last_step;
    int last_signal;
};

struct fake_cluster {
    const char *name;
    unsigned ncpus;
    struct fake_cpu cpus[FAKE_MAX_CPU];
    uint8_t ram[FAKE_RAM_SIZE];
    uint8_t rom[FAKE_ROM_SIZE];
    const char *exec_file;
    bool no_tdesc;
    /* Breakpoint kinds of its architecture (bit N = kind N); 0: any. */
    uint32_t bp_kinds;
    /* The view's mappings for the memory map (default: ROM and RAM). */
    struct gdb_mem_range ranges[4];
    unsigned nranges;
    struct fake_point bps[FAKE_MAX_POINTS], wps[FAKE_MAX_POINTS];
    unsigned nbps, nwps;
    int resets, clears;
};

struct fake_board {
    unsigned ncl;
    struct fake_cluster cl[FAKE_MAX_CL];
    int restarts;
    int restart_err;
    char monitor_line[256];
    unsigned monitor_cl;
    struct gdb_target_events events;
    bool events_set;
    unsigned subscriptions;
};

extern struct fake_board fake;
extern const struct gdb_target_ops fake_ops;
/* The description every fake cluster has (files "target.xml", "regs.xml"). */
extern const struct tdesc fake_tdesc;

/* A board of @ncl clusters ("app", "rt", "dsp", "io") with @ncpus CPUs each. */
void fake_reset(unsigned ncl, const unsigned *ncpus);

/* The stub under test: a server and one connection writing to a buffer. */
struct fake_link {
    struct gdb_server srv;
    struct gdb_conn *conn;
    char *out; /* everything the stub wrote, not yet taken */
    size_t out_len;
    char *pkt; /* the last packet taken by fake_next */
};

/* Connect (ack mode) with a fake board already set up. */
void fake_connect(struct fake_link *l);
/* Connect, send qSupported with multiprocess/swbreak/hwbreak and switch to
 * no-ack mode; the output is cleared. */
void fake_connect_noack(struct fake_link *l);
/* Stop the server (closing the connection if one is open). */
void fake_disconnect(struct fake_link *l);
/* gdb leaves; the server stays. */
void fake_drop(struct fake_link *l);
/* A new gdb connects to the same server (no-ack mode, output cleared). */
void fake_reconnect_noack(struct fake_link *l);
/* Frame @text as "$text#cc" and feed it to the stub. */
void fake_send(struct fake_link *l, const char *text);
/* Feed raw bytes. */
void fake_feed(struct fake_link *l, const void *data, size_t len);
/* Take the next packet the stub sent (acks and nacks skipped, checksum checked, data
 * unescaped); NULL when there is none. The string lives until the next call. */
const char *fake_next(struct fake_link *l);
/* Take everything the stub wrote as raw text. */
const char *fake_raw(struct fake_link *l);
/* Send @text and return the one reply (fails if there is not exactly one). */
const char *fake_ask(struct fake_link *l, const char *text);
/* Ask the stub as the engine would report a stop. */
void fake_stop_event(const struct gdb_stop *ev);

#endif
