/* SPDX-License-Identifier: MIT */
/*
 * Logging. Errors, warnings and info lines go to stderr with a "mosaic:"
 * prefix so they stand apart from the guest's UART output on stdout. Debug
 * output is off by default and switched on per subsystem (-d in_asm,exec);
 * it goes to stderr or to the file given with -D. Each message is written
 * under the stream's lock so lines from several vCPU threads never mix.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/log.h"

/* Indexed by enum log_subsys: the names -d accepts. */
static const struct {
    const char *name;
    const char *help;
} log_subsystems[LOG_SUBSYS_COUNT] = {
    [LOG_IN_ASM] = {"in_asm", "guest code of each translated block, disassembled"},
    [LOG_OP] = {"op", "IR of each translated block"},
    [LOG_EXEC] = {"exec", "each executed block"},
    [LOG_INT] = {"int", "interrupts and exceptions taken"},
    [LOG_MMIO] = {"mmio", "device register accesses"},
    [LOG_UNIMP] = {"unimp", "guest touched something not implemented"},
    [LOG_GDB] = {"gdb", "remote protocol packets"},
    [LOG_BOARD] = {"board", "board building"},
};

static unsigned log_mask;
static bool log_quiet;
static FILE *log_file;         /* -D FILE; NULL means stderr */
static const char *log_origin; /* see log_set_origin */

void log_set_origin(const char *where)
{
    log_origin = where;
}

/* "mosaic: error: " or, with an origin, "mosaic: error: FILE:LINE:COL: ". */
static const char *log_prefix(char *buf, size_t len, const char *kind)
{
    snprintf(buf, len, "mosaic: %s: %s%s", kind, log_origin ? log_origin : "",
             log_origin ? ": " : "");
    return buf;
}

/* Print one message: prefix, text, and a newline unless the text has one. */
static void log_vprint(FILE *out, const char *prefix, const char *fmt, va_list ap)
{
    char buf[1024], *text = buf;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    if (n < 0) {
        buf[0] = '\0';
    } else if ((size_t)n >= sizeof(buf)) {
        /* Without memory the truncated message is still better than none. */
        char *big = malloc((size_t)n + 1);
        if (big && vsnprintf(big, (size_t)n + 1, fmt, again) >= 0)
            text = big;
        else
            free(big);
    }
    va_end(again);
    size_t len = strlen(text);
    flockfile(out);
    fputs(prefix, out);
    fputs(text, out);
    if (!len || text[len - 1] != '\n')
        putc('\n', out);
    funlockfile(out);
    if (text != buf)
        free(text);
}

void log_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char prefix[512];
    log_vprint(stderr, log_prefix(prefix, sizeof(prefix), "error"), fmt, ap);
    va_end(ap);
}

void log_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char prefix[512];
    log_vprint(stderr, log_prefix(prefix, sizeof(prefix), "warning"), fmt, ap);
    va_end(ap);
}

void log_info(const char *fmt, ...)
{
    if (log_quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    log_vprint(stderr, "mosaic: ", fmt, ap);
    va_end(ap);
}

void log_debug(enum log_subsys s, const char *fmt, ...)
{
    if (!log_enabled(s))
        return;
    char prefix[32];
    snprintf(prefix, sizeof(prefix), "%s: ", log_subsystems[s].name);
    va_list ap;
    va_start(ap, fmt);
    log_vprint(log_stream(), prefix, fmt, ap);
    va_end(ap);
}

bool log_enabled(enum log_subsys s)
{
    return (unsigned)s < LOG_SUBSYS_COUNT && (log_mask & (1u << s));
}

static void log_print_subsystems(FILE *out)
{
    fprintf(out, "Debug subsystems for -d (comma-separated, or \"all\"):\n");
    for (int i = 0; i < LOG_SUBSYS_COUNT; i++)
        fprintf(out, "  %-8s %s\n", log_subsystems[i].name, log_subsystems[i].help);
}

/* The mask bit(s) of one -d word, or 0 if it names nothing. */
static unsigned log_word_mask(const char *word, size_t len)
{
    if (len == 3 && !strncmp(word, "all", 3))
        return (1u << LOG_SUBSYS_COUNT) - 1;
    for (int i = 0; i < LOG_SUBSYS_COUNT; i++)
        if (strlen(log_subsystems[i].name) == len && !strncmp(word, log_subsystems[i].name, len))
            return 1u << i;
    return 0;
}

static void log_unknown_subsystem(const char *word, size_t len)
{
    char names[128] = "";
    for (int i = 0; i < LOG_SUBSYS_COUNT; i++)
        snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s, ",
                 log_subsystems[i].name);
    log_error("unknown debug subsystem '%.*s' (valid: %sall, help)", (int)len, word, names);
}

int log_set_mask(const char *list)
{
    if (!strcmp(list, "help")) {
        log_print_subsystems(stdout);
        return 0;
    }
    unsigned mask = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        unsigned bits = log_word_mask(p, len);
        if (!bits && len) {
            log_unknown_subsystem(p, len);
            return -EINVAL;
        }
        mask |= bits;
        p += len + (p[len] == ',');
    }
    log_mask = mask;
    return 0;
}

int log_set_file(const char *path)
{
    FILE *f = NULL;
    if (path) {
        f = fopen(path, "w");
        if (!f) {
            int err = errno;
            log_error("%s: cannot open the log file: %s", path, strerror(err));
            return -err;
        }
        setvbuf(f, NULL, _IOLBF, 0);
    }
    if (log_file)
        fclose(log_file);
    log_file = f;
    return 0;
}

FILE *log_stream(void)
{
    return log_file ? log_file : stderr;
}

void log_set_quiet(bool quiet)
{
    log_quiet = quiet;
}
