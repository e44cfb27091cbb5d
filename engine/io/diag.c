/* SPDX-License-Identifier: MIT */
/*
 * Diagnostics sinks (diag.h): format a message once and hand it to the
 * sink, or to the log when there is none; the prefixing sink.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/io/diag.h"
#include "engine/io/log.h"

static void diag_vreport(const struct diag *d, enum diag_level level, const char *fmt, va_list ap)
{
    char *msg;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    const char *text = msg ? msg : "out of memory formatting a message";
    if (d && d->report)
        d->report(d->opaque, level, text);
    else if (level == DIAG_WARN)
        log_warn("%s", text);
    else
        log_error("%s", text);
    free(msg);
}

void diag_verror(const struct diag *d, const char *fmt, va_list ap)
{
    diag_vreport(d, DIAG_ERROR, fmt, ap);
}

void diag_error(const struct diag *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, DIAG_ERROR, fmt, ap);
    va_end(ap);
}

void diag_warn(const struct diag *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, DIAG_WARN, fmt, ap);
    va_end(ap);
}

static void diag_prefix_report(void *opaque, enum diag_level level, const char *msg)
{
    const struct diag_prefix *p = opaque;
    if (level == DIAG_WARN)
        diag_warn(p->out, "%s: %s", p->prefix, msg);
    else
        diag_error(p->out, "%s: %s", p->prefix, msg);
}

const struct diag *diag_prefix_init(struct diag_prefix *p, const struct diag *out,
                                    const char *prefix)
{
    *p = (struct diag_prefix){{diag_prefix_report, p}, out, prefix};
    return &p->d;
}
