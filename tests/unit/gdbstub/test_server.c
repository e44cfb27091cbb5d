/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the stub's sockets over the fake board, driven through the
 * engine's event loop as the scheduler drives them: the start-up line
 * (with the real port for tcp::0), holding CPUs with -S, a session over
 * TCP, the refusal of a second client while the first goes on, reconnects,
 * replies gdb does not read at once, unix sockets and bad specs.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
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

#include "engine/io/event.h"
#include "fake.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/common/tmpdir.h"

static char listen_line[256];
static struct gdb_listener *listener;

/* Start a listener with stdout captured into listen_line. */
static int start_as(const char *spec, bool hold, struct gdb_listener **l)
{
    capture_begin(STDOUT_FILENO);
    int err = gdb_listener_new(spec, hold, &fake_ops, &fake, l);
    snprintf(listen_line, sizeof(listen_line), "%s", capture_end());
    return err;
}

static int start(const char *spec, bool hold)
{
    return start_as(spec, hold, &listener);
}

static void stop(void)
{
    gdb_listener_free(listener);
    listener = NULL;
}

static unsigned start_tcp(bool hold)
{
    unsigned port = 0;
    assert_int_equal(start("tcp::0", hold), 0);
    assert_int_equal(sscanf(listen_line, "Listening on port %u for gdb connections\n", &port), 1);
    assert_true(port > 0 && port < 65536);
    char want[128];
    snprintf(want, sizeof(want), "Listening on port %u for gdb connections\n", port);
    assert_string_equal(listen_line, want);
    return port;
}

static int connect_tcp(unsigned port)
{
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_true(fd >= 0);
    assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

static void send_packet(int fd, const char *text)
{
    char buf[512];
    unsigned sum = 0;
    for (const char *p = text; *p; p++)
        sum += (unsigned char)*p;
    int n = snprintf(buf, sizeof(buf), "$%s#%02x", text, sum & 0xff);
    assert_int_equal(send(fd, buf, (size_t)n, 0), n);
}

/* Run the event loop until @fd has @want bytes (or EOF); returns them. */
static const char *pump_read(int fd, size_t want, bool *eof)
{
    static char buf[1 << 16];
    size_t got = 0;
    *eof = false;
    for (int i = 0; i < 400 && got < want && !*eof; i++) {
        event_poll(10);
        ssize_t n;
        while (got < sizeof(buf) - 1 && (n = recv(fd, buf + got, sizeof(buf) - 1 - got, 0)) > 0)
            got += (size_t)n;
        if (n == 0)
            *eof = true;
    }
    buf[got] = '\0';
    return buf;
}

/* Let the stub notice a closed connection. */
static void pump(void)
{
    for (int i = 0; i < 5; i++)
        event_poll(10);
}

static const char *exchange(int fd, const char *pkt, const char *reply)
{
    bool eof;
    send_packet(fd, pkt);
    const char *r = pump_read(fd, strlen(reply), &eof);
    assert_false(eof);
    assert_string_equal(r, reply);
    return r;
}

static void setup_board(void)
{
    static const unsigned ncpus[] = {2, 1};
    fake_reset(2, ncpus);
}

static void test_tcp_session(void **state)
{
    bool eof;
    (void)state;
    setup_board();
    unsigned port = start_tcp(true);
    /* -S: every CPU held before gdb comes. */
    assert_true(fake.cl[0].cpus[0].stopped && fake.cl[1].cpus[0].stopped);
    assert_true(fake.events_set);
    int g = connect_tcp(port);
    exchange(g, "qC", "+$QCp1.1#94");
    exchange(g, "Z0,1000,4", "+$OK#9a");
    /* A second gdb is refused with a message; the first goes on. */
    int h = connect_tcp(port);
    send(h, "+", 1, 0);
    send_packet(h, "qSupported:multiprocess+");
    const char *r = pump_read(h, 1000, &eof);
    assert_true(eof);
    assert_string_equal(r, "+$E.mosaic: another gdb is connected#56");
    close(h);
    exchange(g, "qC", "+$QCp1.1#94");
    /* Resume, then ^C. */
    send_packet(g, "vCont;c:p1.-1");
    pump_read(g, 1, &eof);
    assert_false(fake.cl[0].cpus[0].stopped);
    send(g, "\x03", 1, 0);
    r = pump_read(g, 19, &eof);
    assert_string_equal(r, "$T02thread:p1.1;#a3");
    send(g, "+", 1, 0);
    /* gdb leaves: its breakpoint goes, the board runs. */
    close(g);
    pump();
    assert_int_equal(fake.cl[0].nbps, 0);
    assert_false(fake.cl[0].cpus[0].stopped);
    assert_false(fake.cl[1].cpus[0].stopped);
    /* And it can come back. */
    g = connect_tcp(port);
    exchange(g, "qC", "+$QCp1.1#94");
    assert_true(fake.cl[1].cpus[0].stopped);
    close(g);
    stop();
    assert_false(fake.events_set);
}

static void test_unread_replies(void **state)
{
    (void)state;
    setup_board();
    unsigned port = start_tcp(false);
    int g = connect_tcp(port);
    exchange(g, "QStartNoAckMode", "+$OK#9a");
    /* 1000 replies of 8 KiB without reading: the stub queues, never blocks. */
    for (int i = 0; i < 1000; i++) {
        send_packet(g, "m1000,1000");
        if (i % 50 == 0)
            event_poll(0);
    }
    size_t total = 0, want = 1000 * (2 * 0x1000 + 4);
    for (int i = 0; i < 2000 && total < want; i++) {
        event_poll(5);
        char buf[65536];
        ssize_t n;
        while ((n = recv(g, buf, sizeof(buf), 0)) > 0)
            total += (size_t)n;
    }
    assert_int_equal(total, want);
    close(g);
    pump();
    stop();
}

static void test_unix_socket(void **state)
{
    char *dir = tmpdir_new(), path[128], spec[160], want[200];
    (void)state;
    setup_board();
    snprintf(path, sizeof(path), "%s/gdb.sock", dir);
    snprintf(spec, sizeof(spec), "unix:%s", path);
    /* A stale socket from an earlier run is replaced. */
    int stale = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    strcpy(sa.sun_path, path);
    assert_int_equal(bind(stale, (struct sockaddr *)&sa, sizeof(sa)), 0);
    close(stale);
    assert_int_equal(start(spec, false), 0);
    snprintf(want, sizeof(want), "Listening on unix:%s for gdb connections\n", path);
    assert_string_equal(listen_line, want);
    int g = socket(AF_UNIX, SOCK_STREAM, 0);
    assert_int_equal(connect(g, (struct sockaddr *)&sa, sizeof(sa)), 0);
    fcntl(g, F_SETFL, O_NONBLOCK);
    exchange(g, "qAttached:2", "+$1#31");
    close(g);
    pump();
    stop();
    struct stat st;
    assert_int_equal(stat(path, &st), -1);
    /* Something else at the path is never removed. */
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(start(spec, false), -EEXIST);
    assert_int_equal(stat(path, &st), 0);
    tmpdir_remove(dir);
}

static void test_bad_specs(void **state)
{
    static const char *const bad[] = {"tcp:1234", "udp::1234", "tcp::",      "tcp::12a",
                                      "unix:",    "1234",      "tcp::99999", "tcp::123456"};
    (void)state;
    setup_board();
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        capture_discard(STDERR_FILENO);
        int err = start(bad[i], false);
        capture_end();
        if (err >= 0)
            print_error("%s was accepted\n", bad[i]);
        assert_true(err < 0);
        assert_string_equal(listen_line, "");
        assert_false(fake.events_set);
    }
}

/* An IDE restarting its session detaches, closes and connects again at
 * once: the closed connection is gone before the new one is judged, even
 * when the stub sees the new client before the old one's EOF. */
static void test_reconnect_after_detach(void **state)
{
    (void)state;
    setup_board();
    unsigned port = start_tcp(false);
    int g = connect_tcp(port);
    for (int i = 0; i < 200; i++) {
        exchange(g, "qC", "+$QCp1.1#94");
        exchange(g, "D;1", "+$OK#9a");
        close(g);
        g = connect_tcp(port);
    }
    exchange(g, "qC", "+$QCp1.1#94");
    assert_true(fake.cl[0].cpus[0].stopped);
    close(g);
    pump();
    assert_false(fake.cl[0].cpus[0].stopped);
    stop();
}

/* Listening beyond this machine says what it exposes; loopback does not. */
static void test_exposure_warning(void **state)
{
    unsigned port;
    (void)state;
    setup_board();
    capture_begin(STDERR_FILENO);
    assert_int_equal(start("tcp:0.0.0.0:0", false), 0);
    const char *log = capture_end();
    assert_int_equal(sscanf(listen_line, "Listening on port %u for gdb connections\n", &port), 1);
    capture_expect_warning(log,
                           "gdb: listening on 0.0.0.0:%u, not a loopback address: anyone who "
                           "can reach it can read and write guest memory and registers, run "
                           "guest code and end the server with 'monitor quit' (no "
                           "authentication)",
                           port);
    assert_null(strstr(strstr(log, "warning:") + 1, "warning:")); /* once */
    stop();
    static const char *const local[] = {"tcp::0", "tcp:127.0.0.1:0", "tcp:127.1.2.3:0",
                                        "tcp:localhost:0"};
    for (size_t i = 0; i < sizeof(local) / sizeof(local[0]); i++) {
        capture_begin(STDERR_FILENO);
        assert_int_equal(start(local[i], false), 0);
        assert_null(strstr(capture_end(), "warning"));
        stop();
    }
}

/* The socket file is the owner's alone, whatever the umask. */
static void test_unix_socket_mode(void **state)
{
    char *dir = tmpdir_new(), path[128], spec[160];
    struct stat st;
    (void)state;
    setup_board();
    snprintf(path, sizeof(path), "%s/gdb.sock", dir);
    snprintf(spec, sizeof(spec), "unix:%s", path);
    mode_t old = umask(0);
    int err = start(spec, false);
    mode_t during = umask(old);
    assert_int_equal(err, 0);
    assert_int_equal(during, 0); /* the stub put the umask back */
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISSOCK(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0600);
    stop();
    tmpdir_remove(dir);
}

/* Listeners are independent: two at once, each with its own port and its
 * own subscription to the board's events. */
static void test_two_listeners(void **state)
{
    struct gdb_listener *second;
    unsigned ports[2];
    (void)state;
    setup_board();
    ports[0] = start_tcp(false);
    assert_int_equal(start_as("tcp::0", false, &second), 0);
    assert_int_equal(sscanf(listen_line, "Listening on port %u for gdb connections\n", &ports[1]),
                     1);
    assert_int_not_equal(ports[0], ports[1]);
    assert_int_equal(fake.subscriptions, 2);
    int g = connect_tcp(ports[1]);
    exchange(g, "qC", "+$QCp1.1#94");
    close(g);
    pump();
    gdb_listener_free(second);
    assert_int_equal(fake.subscriptions, 1);
    g = connect_tcp(ports[0]);
    exchange(g, "qC", "+$QCp1.1#94");
    close(g);
    pump();
    stop();
    assert_false(fake.events_set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tcp_session),      cmocka_unit_test(test_unread_replies),
        cmocka_unit_test(test_unix_socket),      cmocka_unit_test(test_bad_specs),
        cmocka_unit_test(test_two_listeners),    cmocka_unit_test(test_reconnect_after_detach),
        cmocka_unit_test(test_exposure_warning), cmocka_unit_test(test_unix_socket_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
