/* SPDX-License-Identifier: MIT */
/*
 * The monitor: one command table serving gdb's "monitor" (qRcmd) and a
 * readline console (-monitor stdio). Commands inspect and control the
 * board: help, info cpus/mtree/qom-tree, get/set properties, stop, cont,
 * reset, quit, x (memory, disassembled by the target's own disas hook),
 * and the forms IDEs send (reset halt, halt, system_reset). Errors from
 * the engine (a property the object system refuses, a missing object)
 * are printed as the engine words them, on one "error: ..." line.
 */
#ifndef MOSAIC_MONITOR_H
#define MOSAIC_MONITOR_H

#include <stdarg.h>
#include <stdbool.h>

struct machine;
struct cluster;

/* Where a command's output goes (stdout for the console, O packets for gdb). */
struct monitor_out {
    void (*write)(void *opaque, const char *text);
    void *opaque;
};

/*
 * Run one command line. @current is the cluster the command acts on by
 * default (gdb's current inferior; NULL: the first cluster). Returns 0, or
 * -EINVAL for an unknown command or bad arguments (after printing why to
 * @out).
 */
int monitor_exec(struct machine *m, struct cluster *current, const char *line,
                 const struct monitor_out *out);
void monitor_printf(const struct monitor_out *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Start the readline console on the terminal ("stdio"). 0 or -errno. */
int monitor_console_start(struct machine *m, const char *spec);
void monitor_console_stop(void);

#endif
