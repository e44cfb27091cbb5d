/* SPDX-License-Identifier: MIT */
/*
 * The gdb remote-protocol stub: multiprocess extended-remote serving every
 * cluster of a board as a gdb inferior. It reaches the board only through
 * the engine's run control (engine/machine/debug.h), as an observer of the
 * machine, target descriptions (engine/machine/tdesc.h), the clusters'
 * memory views and the monitor.
 */
#ifndef MOSAIC_GDBSTUB_H
#define MOSAIC_GDBSTUB_H

#include <stdbool.h>

struct machine;
struct gdb_listener;

/*
 * Listen for gdb on @spec: "tcp::PORT" (127.0.0.1), "tcp:HOST:PORT",
 * "unix:PATH". Prints "Listening on port PORT for gdb connections" (or the
 * unix path) once listening. With @hold, every CPU stays stopped until gdb
 * resumes it (-S). Returns the listener, or NULL after logging why. Each
 * listener has its own socket and connection; several may serve one
 * machine or several.
 */
struct gdb_listener *gdbstub_start(struct machine *m, const char *spec, bool hold);
/* Close a listener and its connection (NULL: nothing to do). */
void gdbstub_stop(struct gdb_listener *l);

#endif
