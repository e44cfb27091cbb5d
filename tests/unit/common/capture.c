/* SPDX-License-Identifier: MIT */
/*
 * Capturing a file descriptor into a temporary file (see capture.h). The
 * stdio stream of the descriptor is flushed on both sides of the switch,
 * so nothing buffered before a capture lands in it or after it escapes.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/unit/common/capture.h"

#define CAPTURE_DEPTH 4

struct capture {
    int fd;     /* the descriptor captured */
    int saved;  /* a duplicate of what it was */
    FILE *file; /* where it goes; NULL when discarded */
};

static struct capture stack[CAPTURE_DEPTH];
static unsigned depth;
static char *text;

static void flush_fd(int fd)
{
    fflush(fd == STDOUT_FILENO ? stdout : stderr);
}

/* Point @fd at @target, remembering what it was. */
static void redirect(int fd, int target, FILE *file)
{
    struct capture *c;

    assert_true(depth < CAPTURE_DEPTH);
    c = &stack[depth++];
    flush_fd(fd);
    c->fd = fd;
    c->file = file;
    c->saved = dup(fd);
    assert_true(c->saved >= 0);
    assert_true(dup2(target, fd) >= 0);
}

void capture_begin(int fd)
{
    FILE *f = tmpfile();

    assert_non_null(f);
    redirect(fd, fileno(f), f);
}

void capture_discard(int fd)
{
    int null = open("/dev/null", O_WRONLY);

    assert_true(null >= 0);
    redirect(fd, null, NULL);
    close(null);
}

/* The whole content of @f. */
static char *read_all(FILE *f)
{
    long len = ftell(f);
    char *buf;

    assert_true(len >= 0);
    buf = malloc((size_t)len + 1);
    assert_non_null(buf);
    rewind(f);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    buf[len] = '\0';
    return buf;
}

const char *capture_end(void)
{
    struct capture *c;

    assert_true(depth > 0);
    c = &stack[--depth];
    flush_fd(c->fd);
    assert_true(dup2(c->saved, c->fd) >= 0);
    close(c->saved);
    free(text);
    text = c->file ? read_all(c->file) : strdup("");
    assert_non_null(text);
    if (c->file) {
        fclose(c->file);
        fputs(text, stderr);
    }
    return text;
}

static void expect_logged(const char *log, const char *level, const char *fmt, va_list ap)
{
    char msg[1024], line[1100];

    vsnprintf(msg, sizeof(msg), fmt, ap);
    snprintf(line, sizeof(line), "%s: %s\n", level, msg);
    if (!strstr(log, line))
        fail_msg("expected \"%s\" in the log, got:\n%s", line, log);
}

void capture_expect_error(const char *log, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    expect_logged(log, "error", fmt, ap);
    va_end(ap);
}

void capture_expect_warning(const char *log, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    expect_logged(log, "warning", fmt, ap);
    va_end(ap);
}
