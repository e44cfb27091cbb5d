/* SPDX-License-Identifier: MIT */
/*
 * Private declarations of the gdb stub. The stub is split in three layers:
 * the boundary to the board (struct gdb_target_ops: everything the stub
 * may ask of clusters and CPUs, by index, implemented over the engine in
 * target_engine.c and by a fake in the unit tests), the protocol (framing,
 * packet handlers, per-connection state in struct gdb_conn) and the
 * sockets (server.c). Process ids are cluster index + 1, thread ids CPU
 * index + 1, as gdb sees them ("pP.T").
 */
#ifndef MOSAIC_GDBSTUB_INTERNALS_H
#define MOSAIC_GDBSTUB_INTERNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/machine/debug.h"
#include "engine/machine/tdesc.h"
#include "monitor/monitor.h"

/* Advertised PacketSize: a 1 MiB memory dump takes 8 'm' round trips. */
#define GDB_PACKET_SIZE 0x40000
/* Hard cap of the receive buffer; a longer packet is answered with an error. */
#define GDB_RX_CAP (2 * GDB_PACKET_SIZE)
/* Largest register the stub moves in one p/P (bytes). */
#define GDB_REG_MAX 256

/* ---- the boundary: what the stub may call ------------------------------ */

/* One mapping of a cluster's view, for qXfer:memory-map. */
struct gdb_mem_range {
    uint64_t base;
    uint64_t size;
    bool rom;
};

/* A stop, with the CPU named by indices (see struct stop_event). */
struct gdb_stop {
    unsigned cl, cpu;
    enum stop_reason reason;
    int signal;
    enum bp_kind bp;
    enum wp_kind wp;
    uint64_t addr;
    int exit_code;
};

/* What the board tells the stub (gdb_target_ops.subscribe). */
struct gdb_target_events {
    /* A CPU stopped, or the guest exited (STOP_EXITED). */
    void (*stopped)(void *opaque, const struct gdb_stop *ev);
    /* Run control outside gdb (the monitor's stop, reset halt) held CPUs:
     * gdb's all-stop view of the board must follow. */
    void (*held)(void *opaque);
    void *opaque;
};

/*
 * Everything the stub may ask of the board. @t is the implementation's
 * context (the machine for the engine). Clusters and CPUs are 0-based
 * indices; callers check them against nclusters/ncpus first.
 */
struct gdb_target_ops {
    unsigned (*nclusters)(void *t);
    unsigned (*ncpus)(void *t, unsigned cl);
    /* "app/cpu0" into @buf. */
    void (*thread_name)(void *t, unsigned cl, unsigned cpu, char *buf, size_t len);
    bool (*cpu_off)(void *t, unsigned cl, unsigned cpu);
    /* NULL while a cluster has no description. */
    const struct tdesc *(*tdesc)(void *t, unsigned cl);
    /* Absolute path of the cluster's image, or NULL. */
    const char *(*exec_file)(void *t, unsigned cl);
    /* The @i-th mapping of the cluster's view, sorted; false past the end. */
    bool (*mem_range)(void *t, unsigned cl, unsigned i, struct gdb_mem_range *r);

    /* Register @regnum of the description as little-endian bytes: the byte
     * count, or -1 (unknown register, or larger than @len). */
    int (*reg_read)(void *t, unsigned cl, unsigned cpu, unsigned regnum, uint8_t *buf, size_t len);
    int (*reg_write)(void *t, unsigned cl, unsigned cpu, unsigned regnum, const uint8_t *buf,
                     size_t len);
    /* Copy through the cluster's view: 0, or -1 with *@done bytes copied. */
    int (*mem_read)(void *t, unsigned cl, uint64_t addr, uint8_t *buf, size_t len, size_t *done);
    int (*mem_write)(void *t, unsigned cl, uint64_t addr, const uint8_t *buf, size_t len);

    /* 0 or -errno (removing a missing point: -ENOENT). */
    int (*bp_insert)(void *t, unsigned cl, enum bp_kind kind, uint64_t addr);
    int (*bp_remove)(void *t, unsigned cl, enum bp_kind kind, uint64_t addr);
    int (*wp_insert)(void *t, unsigned cl, enum wp_kind kind, uint64_t addr, uint64_t len);
    int (*wp_remove)(void *t, unsigned cl, enum wp_kind kind, uint64_t addr, uint64_t len);
    void (*clear_points)(void *t, unsigned cl);
    /* Optional: whether @kind is a breakpoint kind of the cluster's
     * architecture (Z0/Z1 KIND); NULL accepts any. */
    bool (*bp_kind_valid)(void *t, unsigned cl, uint64_t kind);

    void (*cpu_stop)(void *t, unsigned cl, unsigned cpu);
    void (*cpu_resume)(void *t, unsigned cl, unsigned cpu, bool step, int signal);
    bool (*cpu_stopped)(void *t, unsigned cl, unsigned cpu);
    /* Reset every CPU of a cluster (kill). */
    void (*cluster_reset)(void *t, unsigned cl);
    /* Reload the images and reset the board (run): 0 or -errno. */
    int (*restart)(void *t);
    /* A monitor command acting on cluster @cl by default: 0 or -errno. */
    int (*monitor)(void *t, unsigned cl, const char *line, const struct monitor_out *out);
    /* Receive the board's events (@ev is copied) until unsubscribe: a
     * handle, or NULL when out of memory. */
    void *(*subscribe)(void *t, const struct gdb_target_events *ev);
    void (*unsubscribe)(void *t, void *sub);
};

extern const struct gdb_target_ops gdb_target_engine;

/* ---- byte buffers and hex ---------------------------------------------- */

/* A growable byte buffer; an allocation failure is sticky (@failed). */
struct gdb_buf {
    char *data;
    size_t len, cap;
    bool failed;
};

void gdb_buf_reset(struct gdb_buf *b);
void gdb_buf_free(struct gdb_buf *b);
void gdb_buf_add(struct gdb_buf *b, const void *data, size_t len);
void gdb_buf_puts(struct gdb_buf *b, const char *s);
void gdb_buf_printf(struct gdb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append @len bytes as 2*@len lower-case hex digits. */
void gdb_buf_hex(struct gdb_buf *b, const void *data, size_t len);
/* Append @s with &, <, > and " escaped for an XML attribute. */
void gdb_buf_xml(struct gdb_buf *b, const char *s);

int gdb_hex_digit(int c);
/* Parse 1-16 hex digits at *@p into @v, advancing *@p; -EINVAL if none or
 * too many. */
int gdb_parse_hex(const char **p, uint64_t *v);
/* Decode exactly 2*@len hex digits of @hex into @out: 0 or -EINVAL. */
int gdb_hex_decode(const char *hex, size_t len, uint8_t *out);

/* ---- framing ----------------------------------------------------------- */

enum gdb_rx_event {
    GDB_RX_NONE,     /* all input consumed, no complete event */
    GDB_RX_PACKET,   /* rx->buf/rx->len hold the unescaped packet data */
    GDB_RX_BAD_CSUM, /* a packet arrived with a wrong checksum */
    GDB_RX_TOO_LONG, /* a packet longer than GDB_RX_CAP was dropped */
    GDB_RX_ACK,
    GDB_RX_NACK,
    GDB_RX_INTERRUPT, /* 0x03 outside a packet */
};

enum gdb_rx_state { GDB_RX_IDLE, GDB_RX_DATA, GDB_RX_CSUM1, GDB_RX_CSUM2 };

struct gdb_rx {
    enum gdb_rx_state state;
    char *buf; /* NUL-terminated after GDB_RX_PACKET */
    size_t len, cap;
    uint8_t sum;  /* running checksum of the raw packet bytes */
    uint8_t want; /* the checksum the packet carries */
    bool escape;  /* the previous raw byte was '}' */
    bool overflow;
};

void gdb_rx_init(struct gdb_rx *rx);
void gdb_rx_free(struct gdb_rx *rx);
/* Consume input from *@p up to @end until one event; advances *@p. */
enum gdb_rx_event gdb_rx_step(struct gdb_rx *rx, const uint8_t **p, const uint8_t *end);

/* ---- per-connection state ---------------------------------------------- */

/* A thread id as gdb writes it: -1 = all, 0 = any, else 1-based. */
struct gdb_tid {
    int pid, tid;
};

/* Where a connection's bytes go (the socket, or a test's buffer). */
struct gdb_sink {
    void (*write)(void *opaque, const void *data, size_t len);
    void *opaque;
};

struct gdb_server;
struct gdb_listener;

struct gdb_conn {
    struct gdb_server *srv;
    const struct gdb_target_ops *ops;
    void *t;
    struct gdb_sink sink;
    struct gdb_rx rx;
    struct gdb_buf out;   /* the last framed packet (resent on '-') */
    struct gdb_buf reply; /* the reply being built */
    bool noack;
    /* What gdb said it supports (qSupported). */
    bool multiprocess, swbreak, hwbreak;
    unsigned ncl;
    bool *attached;       /* per cluster: under this gdb's control */
    struct gdb_tid cur;   /* general thread (Hg): always a real thread */
    struct gdb_tid cont;  /* continue thread (Hc): may be -1 or 0 */
    unsigned list_next;   /* qsThreadInfo: next global thread index */
    bool running;         /* gdb waits for a stop reply */
    struct gdb_tid focus; /* named by an interrupt's stop reply */
    int run_pid;          /* the process vRun reports (last killed) */
    struct gdb_buf xfer;  /* generated qXfer document being read */
    char xfer_key[64];
};

/* The protocol state of one listener (struct gdb_listener, server.c): the
 * board it serves, its subscription to the board's events, at most one
 * connection. */
struct gdb_server {
    const struct gdb_target_ops *ops;
    void *t;
    void *sub; /* from ops->subscribe */
    struct gdb_conn *conn;
    bool exited; /* the guest exited: the board is held */
    int exit_code;
    bool pending; /* a stop gdb did not wait for (reported by '?') */
    struct gdb_stop pending_stop;
};

/* Set up @srv and subscribe to the board's events: 0 or -ENOMEM. */
int gdb_server_init(struct gdb_server *srv, const struct gdb_target_ops *ops, void *t);
void gdb_server_fini(struct gdb_server *srv);
/* Hold every CPU of every cluster. */
void gdb_server_stop_all(struct gdb_server *srv);

/* A gdb connected: attach every cluster and stop every CPU. NULL on ENOMEM. */
struct gdb_conn *gdb_conn_new(struct gdb_server *srv, const struct gdb_sink *sink);
/* gdb went away: remove its points and let the board run (a detach). */
void gdb_conn_free(struct gdb_conn *c);
/* Bytes from gdb. */
void gdb_conn_input(struct gdb_conn *c, const void *data, size_t len);

/* Send a text packet (no '$', '#', '*' or '}' inside) or the reply buffer. */
void gdb_send(struct gdb_conn *c, const char *text);
void gdb_send_reply(struct gdb_conn *c);
/* Send bytes escaped as binary data after a text prefix (qXfer). */
void gdb_send_binary(struct gdb_conn *c, const char *prefix, const void *data, size_t len);
/* Error replies: "E%02x" for errno values (gdb reads them as failures). */
void gdb_send_error(struct gdb_conn *c, int err);
/* An 'O' console-output packet. */
void gdb_send_console(struct gdb_conn *c, const char *text);

/* server.c: listen on @spec (see gdbstub_start) serving the board @ops/@t
 * into *@out: 0, or -errno after logging why. */
int gdb_listener_new(const char *spec, bool hold, const struct gdb_target_ops *ops, void *t,
                     struct gdb_listener **out);
void gdb_listener_free(struct gdb_listener *l);

/* ---- packet handlers (one table, packets.c) ----------------------------- */

void gdb_handle_packet(struct gdb_conn *c, const char *pkt, size_t len);

/* threads.c */
bool gdb_process_listed(const struct gdb_conn *c, int pid);
int gdb_parse_tid(const struct gdb_conn *c, const char **p, struct gdb_tid *out);
void gdb_buf_tid(const struct gdb_conn *c, struct gdb_buf *b, int pid, int tid);
/* The first listed process (for "any"), or 0 when none is. */
int gdb_first_pid(const struct gdb_conn *c);
void gdb_handle_H(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_T(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_qC(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_qfThreadInfo(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_qsThreadInfo(struct gdb_conn *c, const char *args, size_t len);
void gdb_xml_threads(struct gdb_conn *c, struct gdb_buf *b);

/* xfer.c, memmap.c */
void gdb_handle_qXfer(struct gdb_conn *c, const char *args, size_t len);
void gdb_xml_memory_map(struct gdb_conn *c, struct gdb_buf *b);

/* regmem.c */
void gdb_handle_g(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_G(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_p(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_P(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_m(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_M(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_X(struct gdb_conn *c, const char *args, size_t len);

/* points.c */
void gdb_handle_Z(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_z(struct gdb_conn *c, const char *args, size_t len);

/* runctl.c */
void gdb_handle_vCont(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_vCont_query(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_c(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_C(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_s(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_S(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_interrupt(struct gdb_conn *c);
void gdb_send_stop(struct gdb_conn *c, const struct gdb_stop *ev);
void gdb_server_stopped(struct gdb_server *srv, const struct gdb_stop *ev);

/* procs.c */
void gdb_handle_question(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_qAttached(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_vAttach(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_D(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_vKill(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_k(struct gdb_conn *c, const char *args, size_t len);
void gdb_handle_vRun(struct gdb_conn *c, const char *args, size_t len);

#endif
