/* SPDX-License-Identifier: MIT */
/*
 * Opening files named by users (images, board files) for reading. A path
 * may name a FIFO, a terminal or a device, whose open() or first read()
 * would wait forever for a writer: such files are refused at once, without
 * blocking, with one message naming the file.
 */
#ifndef MOSAIC_FILE_H
#define MOSAIC_FILE_H

#include <stdio.h>
#include <sys/stat.h>

struct diag;

/*
 * Open @path for reading if it is a regular file: opened with O_NONBLOCK
 * (so a FIFO without a writer does not block), checked with fstat, then
 * switched back to blocking reads. Anything else, or a failure, is
 * reported to @d (NULL: the log) as "PATH: cannot open: REASON" or
 * "PATH: not a regular file (a fifo)"; NULL is returned with errno set.
 * @st, when not NULL, receives the file's status.
 */
FILE *file_open_regular(const char *path, struct stat *st, const struct diag *d);

#endif
