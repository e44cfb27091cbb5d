/* SPDX-License-Identifier: MIT */
/*
 * Boards: building a machine from a board description file (XML, see
 * doc/boards.md), finding the shipped board files by name, and registering
 * the device models (boards/devices/: UARTs, timers, interrupt controllers,
 * test finisher, HTIF, mailbox, system controller) the files refer to.
 * A loaded board is an unrealized object tree: the caller applies -set
 * overrides, then calls machine_realize().
 */
#ifndef MOSAIC_BOARD_H
#define MOSAIC_BOARD_H

#include <stddef.h>
#include <stdio.h>

struct diag;
struct machine;

/* Limits of a board file (doc/boards.md, "Limits"): its size, one
 * attribute value, and the objects it creates (clusters, RAM, ROM,
 * devices, aliases). Larger files are refused with a message, so parsing
 * stays linear in practice and a hostile file cannot stall start-up. */
#define BOARD_FILE_MAX (16u << 20)
#define BOARD_ATTR_MAX (64u << 10)
#define BOARD_OBJECTS_MAX 4096u

/*
 * Build the machine described by the board file at @path. A FIFO or
 * device is refused at once ("PATH: not a regular file (a fifo)") instead
 * of waiting for a writer. On any error (unreadable file, malformed XML,
 * unknown element, bad attribute, ...)
 * reports one message "PATH:LINE:COLUMN: what is wrong" to @d (NULL: the
 * log), frees everything built so far and returns NULL. A bad attribute
 * value gets the property system's own message after the position.
 */
struct machine *board_load_file(const char *path, const struct diag *d);

/* Same from text in memory; @filename only names it in messages. */
struct machine *board_load_string(const char *filename, const char *text, size_t len,
                                  const struct diag *d);

/*
 * Path of the board file for board @name (malloc'd), searching the
 * directories of $MOSAIC_BOARD_PATH (colon-separated), then the shipped
 * boards: the source tree's boards/ when running from the build tree, the
 * installed data directory otherwise. NULL after logging when not found.
 */
char *board_find(const char *name);

/* Print "NAME  DESCRIPTION" for every board board_find() can find, sorted
 * by name. Returns 0, or -ENOENT when there are none. */
int board_list(FILE *out);

/* Register the device types of boards/devices/ (idempotent). Needs the
 * engine's types registered first. */
void boards_register_types(void);

#endif
