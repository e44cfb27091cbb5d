/* SPDX-License-Identifier: MIT */
/*
 * The command line: what the user asked for, parsed into a struct. Only
 * main acts on it (and only main and this parser may exit the process).
 */
#ifndef MOSAIC_CMDLINE_H
#define MOSAIC_CMDLINE_H

#include <stdbool.h>

struct options {
    const char *board;      /* -board NAME ("list" lists them) */
    const char *board_file; /* -board-file PATH */
    const char **sets;      /* -set PATH.PROP=VALUE, in order */
    unsigned nsets;
    const char *info;       /* -info WHAT */
    const char *debug;      /* -d LIST */
    const char *debug_file; /* -D FILE */
    bool quiet;             /* -q */
    bool stats;             /* -stats */
    const char *gdb;        /* -gdb SPEC (-s is -gdb tcp::1234) */
    bool hold;              /* -S: CPUs wait for gdb */
    const char *monitor;    /* -monitor stdio */
    const char *time_limit; /* -time-limit DURATION: sets /.time-limit */
    const char *wall_limit; /* -wall-limit DURATION: sets /.wall-limit */
};

/* Parse argv; on -h/--version or a usage error it prints and exits. */
void cmdline_parse(int argc, char **argv, struct options *o);
void cmdline_free(struct options *o);

#endif
