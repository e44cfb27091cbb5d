/* SPDX-License-Identifier: MIT */
/*
 * Completion for the monitor console (engine-private). monitor.c owns the
 * command table, so it also knows what each command's arguments are;
 * console.c hands readline what this returns, and the unit tests call it
 * directly without a terminal.
 */
#ifndef MOSAIC_MONITOR_COMPLETE_H
#define MOSAIC_MONITOR_COMPLETE_H

#include <stddef.h>

struct machine;

/*
 * Candidates for the last word of @line (the text left of the cursor):
 * command names and subcommands, object paths and PATH.PROP names for get,
 * set, cpu-power and reset, and values of boolean and enumerated properties.
 * Each candidate replaces the whole last word. Sorted, without duplicates;
 * NULL with *@count = 0 when nothing fits. Free with monitor_complete_free().
 */
char **monitor_complete(struct machine *m, const char *line, size_t *count);
void monitor_complete_free(char **list, size_t count);

#endif
