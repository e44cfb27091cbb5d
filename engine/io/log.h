/* SPDX-License-Identifier: MIT */
/*
 * Logging: one family of printf-checked functions for the whole program.
 * Errors and warnings always print to stderr; debug output is switched on per
 * subsystem (-d LIST on the command line) so a user can ask for "in_asm" or
 * "exec" without drowning in everything else.
 */
#ifndef MOSAIC_LOG_H
#define MOSAIC_LOG_H

#include <stdbool.h>
#include <stdio.h>

/* Debug subsystems, selectable with -d NAME[,NAME...]. */
enum log_subsys {
    LOG_IN_ASM, /* guest code of each translated block, disassembled */
    LOG_OP,     /* IR of each translated block */
    LOG_EXEC,   /* each executed block */
    LOG_INT,    /* interrupts and exceptions taken */
    LOG_MMIO,   /* device register accesses */
    LOG_UNIMP,  /* guest touched something not implemented */
    LOG_GDB,    /* remote protocol packets */
    LOG_BOARD,  /* board building */
    LOG_SUBSYS_COUNT
};

void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Where the thing being worked on was defined ("board.xml:12:3"): put
 * before every error and warning until set back to NULL. The machine sets
 * it while it realizes what a board file defined, so an error found then
 * points at its element. @where must live until it is replaced. */
void log_set_origin(const char *where);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_debug(enum log_subsys s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* True when debug output for @s is on: guard expensive formatting with it. */
bool log_enabled(enum log_subsys s);

/* Parse "in_asm,exec" (or "help"); returns 0 or -EINVAL after printing why. */
int log_set_mask(const char *list);

/* Send debug output to @path instead of stderr (-D FILE). */
int log_set_file(const char *path);

/* The stream debug output goes to (for multi-line dumps). */
FILE *log_stream(void);

/* info level is printed unless quiet (-q). */
void log_set_quiet(bool quiet);

#endif
