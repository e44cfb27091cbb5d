/* SPDX-License-Identifier: MIT */
/*
 * Diagnostics sinks: where the errors about a user's input go. The APIs
 * that judge input (properties, board files, image loaders) take a
 * `const struct diag *` and report through it, so the caller decides where
 * the message lands: the log (a NULL sink), the monitor's output, a board
 * file's FILE:LINE:COL prefix, a test's buffer. The message is the judging
 * layer's own; callers add where, never a second message of their own.
 */
#ifndef MOSAIC_DIAG_H
#define MOSAIC_DIAG_H

#include <stdarg.h>

enum diag_level { DIAG_ERROR, DIAG_WARN };

struct diag {
    /* One message, without a trailing newline. */
    void (*report)(void *opaque, enum diag_level level, const char *msg);
    void *opaque;
};

/* Report to @d, or with log_error()/log_warn() when @d is NULL. */
void diag_error(const struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_warn(const struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* diag_error() for a caller that is itself variadic (the monitor's errors). */
void diag_verror(const struct diag *d, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* A sink that reports "@prefix: message" to @out (NULL: the log), for a
 * caller that only adds who asked: a device naming itself before a CPU's
 * refusal of the interrupt input it wanted. */
struct diag_prefix {
    struct diag d;
    const struct diag *out;
    const char *prefix;
};
/* Set @p up; returns the sink to pass on (&p->d). */
const struct diag *diag_prefix_init(struct diag_prefix *p, const struct diag *out,
                                    const char *prefix);

#endif
