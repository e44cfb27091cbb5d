/* SPDX-License-Identifier: MIT */
/*
 * The gdb remote-protocol stub: multiprocess extended-remote serving every
 * cluster of a board as a gdb inferior. It reaches the board only through
 * the engine's run control (engine/debug.h), target descriptions
 * (engine/tdesc.h), the clusters' memory views and the monitor.
 */
#ifndef MOSAIC_GDBSTUB_H
#define MOSAIC_GDBSTUB_H

#include <stdbool.h>

struct machine;

/*
 * Listen for gdb on @spec: "tcp::PORT" (127.0.0.1), "tcp:HOST:PORT",
 * "unix:PATH". Prints "Listening on port PORT for gdb connections" (or the
 * unix path) once listening. With @hold, every CPU stays stopped until gdb
 * resumes it (-S). Returns 0 or -errno after logging why.
 */
int gdbstub_start(struct machine *m, const char *spec, bool hold);
/* Close listeners and connections (at exit). */
void gdbstub_stop(void);

#endif
