/* SPDX-License-Identifier: MIT */
/*
 * What the code under test prints, for tests that assert on the exact
 * messages users see: stderr (or stdout) goes to a temporary file between
 * capture_begin() and capture_end(). The capture is of the file
 * descriptor, so whatever writes to it (stdio, the log_* family, write(2),
 * a child process) is caught. Captures nest (stdout inside a run whose
 * stderr is discarded), ending in the reverse order.
 */
#ifndef MOSAIC_TESTS_UNIT_COMMON_CAPTURE_H
#define MOSAIC_TESTS_UNIT_COMMON_CAPTURE_H

/* Send @fd (STDERR_FILENO or STDOUT_FILENO) into a temporary file until
 * the matching capture_end(). */
void capture_begin(int fd);
/* Send @fd to /dev/null until the matching capture_end(), for runs that
 * are noisy on purpose; that capture_end() returns "". */
void capture_discard(int fd);
/* Put the descriptor of the innermost capture back and return what was
 * written to it, valid until the next capture_end(). A captured text is
 * also copied to stderr, so the log of a failing test shows it. */
const char *capture_end(void);

/* Fail unless @log has the line "...error: MESSAGE\n" (any prefix, such as
 * "mosaic: " or a file name, before "error"). */
void capture_expect_error(const char *log, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same for "...warning: MESSAGE\n". */
void capture_expect_warning(const char *log, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
