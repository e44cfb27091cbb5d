/* SPDX-License-Identifier: MIT */
/*
 * Temporary directories for tests, and the files and sockets they make in
 * them. Every helper fails the test when the system refuses, so callers
 * need not check.
 */
#ifndef MOSAIC_TESTS_UNIT_COMMON_TMPDIR_H
#define MOSAIC_TESTS_UNIT_COMMON_TMPDIR_H

#include <stddef.h>

/* A fresh empty directory under $TMPDIR (default /tmp); the caller removes
 * it with tmpdir_remove(). */
char *tmpdir_new(void);
/* Remove the files in @dir (not subdirectories), @dir itself, and free
 * the string. */
void tmpdir_remove(char *dir);

/* Write @len bytes of @data to @dir/@name, replacing what was there;
 * returns the path (caller frees). */
char *tmpdir_write(const char *dir, const char *name, const void *data, size_t len);
/* The same for a string. */
char *tmpdir_write_text(const char *dir, const char *name, const char *text);
/* The whole content of @path with a NUL after it (caller frees), or NULL
 * if it cannot be read. */
char *tmpdir_read(const char *path);
/* A client socket connected to the unix socket at @path. */
int tmpdir_connect(const char *path);

#endif
