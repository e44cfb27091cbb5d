/* SPDX-License-Identifier: MIT */
/*
 * Private to monitor/: the context a command runs in, the command table and
 * what the files that implement the commands share. dispatch.c owns the
 * table, word splitting and output; properties.c get/set/info qom-tree;
 * memory.c x and info mtree; run.c run control and info cpus; complete.c
 * completion for console.c.
 */
#ifndef MOSAIC_MONITOR_INTERNALS_H
#define MOSAIC_MONITOR_INTERNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "engine/io/diag.h"
#include "engine/machine/machine.h"
#include "monitor/monitor.h"

#define MONITOR_MAX_WORDS 32
#define MONITOR_PATH_MAX 256
#define MONITOR_TEXT_MAX 512

struct monitor_ctx {
    struct machine *m;
    struct cluster *cluster; /* the current cluster; NULL on a board without one */
    const struct monitor_out *out;
    struct diag diag; /* prints the engine's messages as "error: ..." to @out */
    const char *fmt;  /* x/FMT: the text after '/' ("" without one) */
    const char *rest; /* the line after the command's name */
    char **argv;      /* the arguments */
    int argc;
};

/* What an argument completes to on the console. */
enum monitor_arg { ARG_NONE, ARG_COMMAND, ARG_OBJECT, ARG_PROP, ARG_VALUE, ARG_ONOFF };

struct monitor_cmd {
    const char *name; /* one or two words: "info cpus" */
    const char *usage;
    const char *help;
    const char *details; /* more for "help NAME", or NULL */
    int (*run)(struct monitor_ctx *ctx);
    int min_args, max_args;
    bool format;              /* takes /FMT after its name */
    enum monitor_arg args[2]; /* what its first two arguments are */
};

extern const struct monitor_cmd monitor_cmds[];
extern const size_t monitor_ncmds;

/* A command line split into words. */
struct monitor_words {
    char *text; /* the line without surrounding blanks */
    char *buf;  /* a copy of text cut into words */
    char *argv[MONITOR_MAX_WORDS];
    size_t start[MONITOR_MAX_WORDS]; /* where each word starts in text */
    int argc;
};

/* ---- dispatch.c ---- */

/* Split @line at blanks. 0, -ENOMEM, or -E2BIG for too many words; free
 * with mon_words_free() in every case. */
int mon_words_split(const char *line, struct monitor_words *w);
void mon_words_free(struct monitor_words *w);
/* Word @k of a command name and its length (0: there is none). */
size_t mon_cmd_word(const char *name, int k, const char **word);
int mon_cmd_nwords(const char *name);
/* True if the first @n words of @name are @words. */
bool mon_cmd_starts(const char *name, char *const *words, int n);

/* Print "error: ..." and return @err. */
int mon_error(struct monitor_ctx *ctx, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Print "usage: @text" and return -EINVAL. */
int mon_usage(struct monitor_ctx *ctx, const char *text);
/* Send what @print writes to a stream to the output in one piece. */
int mon_print_stream(struct monitor_ctx *ctx, void (*print)(FILE *, const void *), const void *arg);
/* @obj's path in @buf (MONITOR_PATH_MAX bytes). */
char *mon_path(const struct object *obj, char *buf);
/* The object at @path, or NULL after the object system said why. */
struct object *mon_lookup_object(struct monitor_ctx *ctx, const char *path);

/* ---- the commands ---- */

int mon_cmd_get(struct monitor_ctx *ctx);
int mon_cmd_set(struct monitor_ctx *ctx);
int mon_cmd_info_qom_tree(struct monitor_ctx *ctx);

int mon_cmd_x(struct monitor_ctx *ctx);
int mon_cmd_info_mtree(struct monitor_ctx *ctx);
/* A number, or a symbol of an image loaded into @c. */
int mon_parse_address(struct monitor_ctx *ctx, const struct cluster *c, const char *text,
                      gaddr *addr);
/* Hex digits of an address of @c: 8 for 32-bit models, 16 otherwise. */
int mon_addr_digits(const struct cluster *c);

int mon_cmd_info_cpus(struct monitor_ctx *ctx);
int mon_cmd_stop(struct monitor_ctx *ctx);
int mon_cmd_cont(struct monitor_ctx *ctx);
int mon_cmd_reset(struct monitor_ctx *ctx);
int mon_cmd_reset_halt(struct monitor_ctx *ctx);
int mon_cmd_reset_all(struct monitor_ctx *ctx);
int mon_cmd_quit(struct monitor_ctx *ctx);
int mon_cmd_cpu_power(struct monitor_ctx *ctx);

/* ---- complete.c ---- */

/*
 * Candidates for the last word of @line (the text left of the cursor):
 * command names and subcommands, object paths and PATH.PROP names for get,
 * set, cpu-power and reset, and values of boolean and enumerated properties.
 * Each candidate replaces the whole last word. Sorted, without duplicates;
 * NULL with *@count = 0 when nothing fits. Free with monitor_complete_free().
 * console.c hands readline what this returns; the unit tests call it
 * directly, without a terminal.
 */
char **monitor_complete(struct machine *m, const char *line, size_t *count);
void monitor_complete_free(char **list, size_t count);

#endif
