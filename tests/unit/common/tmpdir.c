/* SPDX-License-Identifier: MIT */
/* Temporary directories, files and sockets for tests (see tmpdir.h). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/unit/common/tmpdir.h"

char *tmpdir_new(void)
{
    const char *base = getenv("TMPDIR");
    char *dir = NULL;

    assert_true(asprintf(&dir, "%s/mosaic-test-XXXXXX", base && *base ? base : "/tmp") > 0);
    assert_non_null(mkdtemp(dir));
    return dir;
}

void tmpdir_remove(char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char *path;

    assert_non_null(d);
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        assert_true(asprintf(&path, "%s/%s", dir, de->d_name) > 0);
        unlink(path);
        free(path);
    }
    closedir(d);
    rmdir(dir);
    free(dir);
}

char *tmpdir_write(const char *dir, const char *name, const void *data, size_t len)
{
    char *path = NULL;
    FILE *f;

    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    return path;
}

char *tmpdir_write_text(const char *dir, const char *name, const char *text)
{
    return tmpdir_write(dir, name, text, strlen(text));
}

char *tmpdir_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0, n;
    char buf[4096];
    FILE *out;

    if (!f)
        return NULL;
    out = open_memstream(&text, &len);
    assert_non_null(out);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, out);
    fclose(out);
    fclose(f);
    return text;
}

int tmpdir_connect(const char *path)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    assert_true(fd >= 0 && strlen(path) < sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    assert_int_equal(connect(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
    return fd;
}
