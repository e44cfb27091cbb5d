/* SPDX-License-Identifier: MIT */
/*
 * The public entry points: the stub listening for gdb on a board, with the
 * engine implementation of the stub's boundary (target_engine.c). Kept
 * apart from the sockets so the unit tests run the server over a fake
 * board.
 */
#include "engine/machine/machine.h"
#include "gdbstub/gdbstub.h"
#include "gdbstub/internals.h"

int gdbstub_start(struct machine *m, const char *spec, bool hold)
{
    return gdb_listen_start(spec, hold, &gdb_target_engine, m);
}

void gdbstub_stop(void)
{
    gdb_listen_stop();
}
