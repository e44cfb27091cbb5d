/* SPDX-License-Identifier: MIT */
/*
 * The public entry points: the stub listening for gdb on a board, with the
 * engine implementation of the stub's boundary (target_engine.c). Kept
 * apart from the sockets so the unit tests run the server over a fake
 * board.
 */
#include "gdbstub/gdbstub.h"
#include "engine/machine/machine.h"
#include "gdbstub/internals.h"

struct gdb_listener *gdbstub_start(struct machine *m, const char *spec, bool hold)
{
    struct gdb_listener *l;
    return gdb_listener_new(spec, hold, &gdb_target_engine, m, &l) ? NULL : l;
}

void gdbstub_stop(struct gdb_listener *l)
{
    gdb_listener_free(l);
}
