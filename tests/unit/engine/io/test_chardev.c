/* SPDX-License-Identifier: MIT */
/*
 * The event loop and the character backends UARTs use: dispatch while
 * watches are removed from callbacks, file output, unix sockets (one
 * client, flow control, reconnects), stdin fed from a pipe up to EOF.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/io/chardev.h"
#include "engine/io/event.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/common/tmpdir.h"

/* ---- event loop ------------------------------------------------------ */

struct watch_probe {
    int calls;
    int remove_fd; /* removed by the callback (-1: none) */
    unsigned events;
};

static void probe_cb(void *opaque, int fd, unsigned events)
{
    struct watch_probe *p = opaque;
    char c;

    p->calls++;
    p->events = events;
    if (events & EVENT_IN)
        (void)!read(fd, &c, 1);
    if (p->remove_fd >= 0)
        event_remove_fd(p->remove_fd);
}

static void test_event_dispatch_and_removal(void **state)
{
    int a[2], b[2];
    struct watch_probe pa = {0, -1, 0}, pb = {0, -1, 0};

    (void)state;
    assert_int_equal(pipe(a), 0);
    assert_int_equal(pipe(b), 0);
    assert_int_equal(event_poll(0), 0);
    assert_int_equal(event_add_fd(a[0], EVENT_IN, probe_cb, &pa), 0);
    assert_int_equal(event_add_fd(b[0], EVENT_IN, probe_cb, &pb), 0);
    assert_int_equal(event_input_sources(), 2);
    assert_int_equal(event_poll(0), 0);
    assert_int_equal(write(a[1], "x", 1), 1);
    assert_int_equal(event_poll(100), 1);
    assert_int_equal(pa.calls, 1);
    assert_int_equal(pa.events, EVENT_IN);
    assert_int_equal(pb.calls, 0);
    /* Both ready; whichever runs first removes the other: only one runs. */
    pa.remove_fd = b[0];
    pb.remove_fd = a[0];
    assert_int_equal(write(a[1], "x", 1), 1);
    assert_int_equal(write(b[1], "y", 1), 1);
    assert_int_equal(event_poll(100), 1);
    assert_int_equal(pa.calls + pb.calls, 2);
    assert_int_equal(event_input_sources(), 1);
    /* A callback removing itself. */
    event_remove_fd(a[0]);
    event_remove_fd(b[0]);
    pa.remove_fd = a[0];
    assert_int_equal(event_add_fd(a[0], EVENT_IN, probe_cb, &pa), 0);
    assert_int_equal(write(a[1], "z", 1), 1);
    assert_int_equal(event_poll(100), 1);
    assert_int_equal(event_input_sources(), 0);
    for (int i = 0; i < 2; i++) {
        close(a[i]);
        close(b[i]);
    }
}

static void test_event_replace_and_hangup(void **state)
{
    int p[2];
    struct watch_probe first = {0, -1, 0}, second = {0, -1, 0};

    (void)state;
    assert_int_equal(pipe(p), 0);
    assert_int_equal(event_add_fd(p[0], EVENT_IN, probe_cb, &first), 0);
    assert_int_equal(event_add_fd(p[0], EVENT_IN, probe_cb, &second), 0);
    assert_int_equal(event_input_sources(), 1);
    close(p[1]);
    /* A hang-up wakes the reader, which then sees EOF. */
    assert_int_equal(event_poll(100), 1);
    assert_int_equal(first.calls, 0);
    assert_int_equal(second.calls, 1);
    assert_int_equal(second.events, EVENT_IN);
    event_remove_fd(p[0]);
    close(p[0]);
    assert_int_equal(event_add_fd(-1, EVENT_IN, probe_cb, &first), -EINVAL);
}

/* ---- backends -------------------------------------------------------- */

struct sink {
    char buf[64];
    size_t len;
    size_t room;
};

static size_t sink_can_accept(void *opaque)
{
    struct sink *s = opaque;
    return s->room;
}

static void sink_deliver(void *opaque, const uint8_t *buf, size_t n)
{
    struct sink *s = opaque;

    assert_true(n <= s->room);
    memcpy(s->buf + s->len, buf, n);
    s->len += n;
    s->room -= n;
}

static void test_file_backend(void **state)
{
    char *dir = tmpdir_new(), *path = NULL, *spec = NULL, *text;
    struct chardev *c;

    (void)state;
    assert_true(asprintf(&path, "%s/out.txt", dir) > 0);
    assert_true(asprintf(&spec, "file:%s", path) > 0);
    free(tmpdir_write_text(dir, "out.txt", "old content"));
    c = chardev_open(spec);
    assert_non_null(c);
    chardev_write(c, "hello\n", 6);
    text = tmpdir_read(path);
    assert_string_equal(text, "hello\n");
    free(text);
    chardev_close(c);
    free(spec);
    free(path);
    tmpdir_remove(dir);
}

static void test_bad_specs(void **state)
{
    const char *err;

    (void)state;
    capture_begin(STDERR_FILENO);
    assert_null(chardev_open("serial0"));
    assert_null(chardev_open("file:"));
    assert_null(chardev_open("file:/nonexistent/dir/out"));
    err = capture_end();
    assert_non_null(strstr(err, "unknown chardev \"serial0\"; expected stdio, stdout, null, "
                                "file:PATH or unix:PATH\n"));
    assert_non_null(strstr(err, "unknown chardev \"file:\""));
    assert_non_null(strstr(err, "chardev file:/nonexistent/dir/out: cannot create "
                                "/nonexistent/dir/out: No such file or directory\n"));
}

static void test_null_backend(void **state)
{
    struct chardev *c = chardev_open("null");
    struct sink s = {.room = 8};

    (void)state;
    assert_non_null(c);
    chardev_write(c, "dropped", 7);
    chardev_set_input(c, sink_can_accept, sink_deliver, &s);
    assert_int_equal(event_input_sources(), 0);
    chardev_close(c);
}

static void unix_bind_stale(const char *path)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct stat st;

    strcpy(addr.sun_path, path);
    assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
    close(fd);
    assert_int_equal(lstat(path, &st), 0);
}

static void poll_until(size_t *len, size_t want)
{
    for (int i = 0; i < 50 && *len < want; i++)
        event_poll(20);
}

static void test_unix_backend(void **state)
{
    char *dir = tmpdir_new(), *path = NULL, *spec = NULL, buf[16] = "";
    struct sink s = {.room = 2};
    struct chardev *c;
    int client, other;

    (void)state;
    assert_true(asprintf(&path, "%s/uart.sock", dir) > 0);
    assert_true(asprintf(&spec, "unix:%s", path) > 0);
    /* A stale socket left by an earlier run is replaced. */
    unix_bind_stale(path);
    c = chardev_open(spec);
    assert_non_null(c);
    chardev_write(c, "nobody listens", 14);
    chardev_set_input(c, sink_can_accept, sink_deliver, &s);
    client = tmpdir_connect(path);
    event_poll(100); /* accept */
    chardev_write(c, "out", 3);
    assert_int_equal(read(client, buf, sizeof(buf)), 3);
    assert_memory_equal(buf, "out", 3);
    /* A second client is turned away while the first is connected. */
    other = tmpdir_connect(path);
    event_poll(100);
    assert_int_equal(read(other, buf, sizeof(buf)), 0);
    close(other);
    /* Input respects the room the device has. */
    assert_int_equal(write(client, "abcd", 4), 4);
    poll_until(&s.len, 2);
    assert_int_equal(s.len, 2);
    event_poll(20);
    assert_int_equal(s.len, 2);
    s.room = 8;
    chardev_accept_input(c);
    poll_until(&s.len, 4);
    assert_int_equal(s.len, 4);
    assert_memory_equal(s.buf, "abcd", 4);
    /* The client leaves; the next one is served. */
    close(client);
    event_poll(100);
    client = tmpdir_connect(path);
    event_poll(100);
    assert_int_equal(write(client, "e", 1), 1);
    poll_until(&s.len, 5);
    assert_int_equal(s.len, 5);
    close(client);
    event_poll(100);
    chardev_write(c, "gone", 4); /* no client: dropped, no SIGPIPE */
    chardev_close(c);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(event_input_sources(), 0);
    free(spec);
    free(path);
    tmpdir_remove(dir);
}

static void test_unix_refuses_regular_file(void **state)
{
    char *dir = tmpdir_new(), *path, *spec = NULL, *text;
    const char *err;

    (void)state;
    path = tmpdir_write_text(dir, "precious", "keep me");
    assert_true(asprintf(&spec, "unix:%s", path) > 0);
    capture_begin(STDERR_FILENO);
    assert_null(chardev_open(spec));
    err = capture_end();
    assert_non_null(strstr(err, "exists and is not a socket\n"));
    text = tmpdir_read(path);
    assert_string_equal(text, "keep me");
    free(text);
    free(spec);
    free(path);
    tmpdir_remove(dir);
}

/* stdin from a pipe: read while there is room, dropped at EOF. */
static void test_stdio_input_until_eof(void **state)
{
    int saved = dup(STDIN_FILENO), p[2];
    struct sink s = {.room = 8};
    struct chardev *c, *again;

    (void)state;
    assert_int_equal(pipe(p), 0);
    dup2(p[0], STDIN_FILENO);
    close(p[0]);
    c = chardev_open("stdio");
    again = chardev_open("stdio");
    assert_ptr_equal(c, again);
    chardev_close(again);
    chardev_set_input(c, sink_can_accept, sink_deliver, &s);
    assert_int_equal(event_input_sources(), 1);
    assert_int_equal(write(p[1], "hi", 2), 2);
    poll_until(&s.len, 2);
    assert_memory_equal(s.buf, "hi", 2);
    close(p[1]);
    event_poll(100);
    assert_int_equal(event_input_sources(), 0);
    chardev_accept_input(c);
    assert_int_equal(event_input_sources(), 0);
    chardev_close(c);
    dup2(saved, STDIN_FILENO);
    close(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_dispatch_and_removal),
        cmocka_unit_test(test_event_replace_and_hangup),
        cmocka_unit_test(test_file_backend),
        cmocka_unit_test(test_bad_specs),
        cmocka_unit_test(test_null_backend),
        cmocka_unit_test(test_unix_backend),
        cmocka_unit_test(test_unix_refuses_regular_file),
        cmocka_unit_test(test_stdio_input_until_eof),
    };

    return cmocka_run_group_tests_name("chardev", tests, NULL, NULL);
}
