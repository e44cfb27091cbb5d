/* SPDX-License-Identifier: MIT */
/*
 * Opening user-named files without blocking on FIFOs and devices (see
 * file.h): the check is made on the descriptor that is read, so a file
 * swapped between a stat() and the open() cannot slip through.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "engine/io/diag.h"
#include "engine/io/file.h"

static const char *file_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a fifo";
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a plain file";
}

FILE *file_open_regular(const char *path, struct stat *st, const struct diag *d)
{
    struct stat tmp;
    struct stat *s = st ? st : &tmp;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        diag_error(d, "%s: cannot open: %s", path, strerror(err));
        errno = err;
        return NULL;
    }
    int err = 0;
    if (fstat(fd, s)) {
        err = errno;
        diag_error(d, "%s: %s", path, strerror(err));
    } else if (!S_ISREG(s->st_mode)) {
        err = EINVAL;
        diag_error(d, "%s: not a regular file (%s)", path, file_kind(s->st_mode));
    } else {
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
            err = errno;
            diag_error(d, "%s: %s", path, strerror(err));
        }
    }
    FILE *f = err ? NULL : fdopen(fd, "rb");
    if (!f) {
        if (!err) {
            err = errno;
            diag_error(d, "%s: %s", path, strerror(err));
        }
        close(fd);
        errno = err;
    }
    return f;
}
