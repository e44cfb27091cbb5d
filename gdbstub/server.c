/* SPDX-License-Identifier: MIT */
/*
 * Sockets of the gdb stub, driven by the engine's event loop on the
 * scheduler thread. A struct gdb_listener is one listening socket (TCP on
 * 127.0.0.1 unless a host is given, or a unix socket) serving one board,
 * with at most one gdb at a time and a polite refusal for any other
 * client; several listeners may exist at once. Output that the peer does not take at
 * once is queued and flushed when the socket is writable, so a slow or
 * stuck client never blocks the board.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "engine/io/event.h"
#include "engine/io/log.h"
#include "gdbstub/internals.h"

/* Output gdb has not read yet; past this the connection is dropped. */
#define GDB_OUTQ_CAP (64u << 20)
/* Clients waiting for their refusal at the same time. */
#define GDB_REFUSED_MAX 4

struct gdb_refused {
    int fd;
    struct gdb_rx rx;
    bool answered;
};

/* One listening socket and the gdb connected to it. */
struct gdb_listener {
    struct gdb_server srv;
    int listen_fd;
    char *unix_path;
    int conn_fd;
    struct gdb_buf outq;
    size_t outq_off;
    bool want_out; /* EVENT_OUT is being watched */
    bool conn_dead;
    struct gdb_refused refused[GDB_REFUSED_MAX];
};

/* ---- the connection ---------------------------------------------------- */

/* Called deep inside packet handlers: the socket is shut down now, so the
 * event loop reports a hang-up, and the connection is freed from there. */
static void conn_kill(struct gdb_listener *l)
{
    if (!l->conn_dead)
        shutdown(l->conn_fd, SHUT_RDWR);
    l->conn_dead = true;
}

static void conn_close(struct gdb_listener *l)
{
    event_remove_fd(l->conn_fd);
    close(l->conn_fd);
    l->conn_fd = -1;
    gdb_conn_free(l->srv.conn);
    gdb_buf_free(&l->outq);
    l->outq_off = 0;
    l->want_out = false;
    l->conn_dead = false;
    log_info("gdb disconnected");
}

static void conn_flush(struct gdb_listener *l)
{
    while (l->outq_off < l->outq.len) {
        ssize_t n =
            send(l->conn_fd, l->outq.data + l->outq_off, l->outq.len - l->outq_off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                conn_kill(l);
            return;
        }
        l->outq_off += (size_t)n;
    }
    gdb_buf_reset(&l->outq);
    l->outq_off = 0;
}

static void conn_cb(void *opaque, int fd, unsigned events);

/* Watch for writability only while output waits. */
static void conn_watch(struct gdb_listener *l)
{
    bool want = l->outq.len != 0;
    if (l->conn_dead || want == l->want_out)
        return;
    if (event_add_fd(l->conn_fd, want ? EVENT_IN | EVENT_OUT : EVENT_IN, conn_cb, l))
        conn_kill(l);
    else
        l->want_out = want;
}

static void conn_write(void *opaque, const void *data, size_t len)
{
    struct gdb_listener *l = opaque;
    if (l->conn_dead)
        return;
    gdb_buf_add(&l->outq, data, len);
    if (l->outq.failed || l->outq.len - l->outq_off > GDB_OUTQ_CAP) {
        log_warn("gdb does not read its replies: closing the connection");
        conn_kill(l);
        return;
    }
    conn_flush(l);
    conn_watch(l);
}

static void conn_read(struct gdb_listener *l)
{
    char buf[65536];
    for (int i = 0; i < 16 && !l->conn_dead; i++) {
        ssize_t n = recv(l->conn_fd, buf, sizeof(buf), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            conn_kill(l);
            return;
        }
        gdb_conn_input(l->srv.conn, buf, (size_t)n);
    }
}

static void conn_cb(void *opaque, int fd, unsigned events)
{
    struct gdb_listener *l = opaque;
    (void)fd;
    if (events & EVENT_OUT) {
        conn_flush(l);
        conn_watch(l);
    }
    if ((events & EVENT_IN) && !l->conn_dead)
        conn_read(l);
    if (l->conn_dead)
        conn_close(l);
}

/* ---- refusing a second client ------------------------------------------ */

static void refused_answer(int fd)
{
    static const char msg[] = "E.mosaic: another gdb is connected";
    char pkt[sizeof(msg) + 8];
    unsigned sum = 0;
    for (const char *s = msg; *s; s++)
        sum += (unsigned char)*s;
    int len = snprintf(pkt, sizeof(pkt), "+$%s#%02x", msg, sum & 0xff);
    if (send(fd, pkt, (size_t)len, MSG_NOSIGNAL) < 0)
        log_debug(LOG_GDB, "refused client: %s", strerror(errno));
}

/*
 * The client's first packet (qSupported) gets an error that gdb prints as
 * a warning. Only the sending side is closed then: gdb's ack and next
 * packet still go through (a unix socket would fail them with EPIPE before
 * gdb shows the warning), and gdb finds the connection closed when it
 * reads the reply. The socket goes when gdb closes its end.
 */
static void refused_cb(void *opaque, int fd, unsigned events)
{
    struct gdb_refused *r = opaque;
    uint8_t buf[4096];
    (void)events;
    ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n > 0 && !r->answered) {
        const uint8_t *p = buf, *end = buf + n;
        while (p < end && !r->answered)
            r->answered = gdb_rx_step(&r->rx, &p, end) == GDB_RX_PACKET;
        if (r->answered) {
            refused_answer(fd);
            shutdown(fd, SHUT_WR);
        }
    }
    if (n <= 0) {
        event_remove_fd(fd);
        close(fd);
        gdb_rx_free(&r->rx);
        r->fd = -1;
    }
}

static void refuse(struct gdb_listener *l, int fd)
{
    log_warn("gdb: refusing a second connection (another gdb is connected)");
    for (unsigned i = 0; i < GDB_REFUSED_MAX; i++) {
        struct gdb_refused *r = &l->refused[i];
        if (r->fd < 0) {
            r->fd = fd;
            r->answered = false;
            gdb_rx_init(&r->rx);
            if (!event_add_fd(fd, EVENT_IN, refused_cb, r))
                return;
            r->fd = -1;
            break;
        }
    }
    close(fd);
}

/* ---- listening --------------------------------------------------------- */

/*
 * Whether a gdb is still connected. One that detached and closed its
 * socket may have its last packets and its EOF unread when the next gdb
 * connects (the listening socket is polled first): read them now, so a
 * newcomer is judged against a live connection only.
 */
static bool conn_live(struct gdb_listener *l)
{
    if (l->srv.conn && !l->conn_dead)
        conn_read(l);
    if (l->srv.conn && l->conn_dead)
        conn_close(l);
    return l->srv.conn != NULL;
}

static void accept_cb(void *opaque, int fd, unsigned events)
{
    struct gdb_listener *l = opaque;
    (void)events;
    int cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (cfd < 0) {
        if (errno != EAGAIN && errno != EINTR)
            log_warn("gdb: accept: %s", strerror(errno));
        return;
    }
    if (conn_live(l)) {
        refuse(l, cfd);
        return;
    }
    int one = 1;
    setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)); /* fails on unix: fine */
    const struct gdb_sink sink = {.write = conn_write, .opaque = l};
    l->conn_fd = cfd;
    if (!gdb_conn_new(&l->srv, &sink) || event_add_fd(cfd, EVENT_IN, conn_cb, l)) {
        log_error("gdb: out of memory for a connection");
        if (l->srv.conn)
            gdb_conn_free(l->srv.conn);
        close(cfd);
        l->conn_fd = -1;
        return;
    }
    log_info("gdb connected");
}

static bool addr_is_loopback(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET)
        return ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24 == 127;
    if (sa->sa_family == AF_INET6) {
        const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
        return IN6_IS_ADDR_LOOPBACK(a) || (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127);
    }
    return false;
}

/* The stub has no authentication: whoever reaches the socket owns the board. */
static void warn_exposed(const struct sockaddr *sa, const char *host, unsigned port)
{
    if (!addr_is_loopback(sa))
        log_warn("gdb: listening on %s%s%s:%u, not a loopback address: anyone who can reach it "
                 "can read and write guest memory and registers, run guest code and end "
                 "the server with 'monitor quit' (no authentication)",
                 strchr(host, ':') ? "[" : "", host, strchr(host, ':') ? "]" : "", port);
}

static int listen_tcp(const char *host, const char *port)
{
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV};
    struct addrinfo *res;
    int err = getaddrinfo(host, port, &hints, &res);
    if (err) {
        log_error("-gdb: %s:%s: %s", host, port, gai_strerror(err));
        return -EINVAL;
    }
    int fd = -1;
    struct sockaddr_storage bound;
    for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
        memcpy(&bound, a->ai_addr, a->ai_addrlen);
        fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        int one = 1;
        if (fd >= 0)
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (fd >= 0 && (bind(fd, a->ai_addr, a->ai_addrlen) || listen(fd, 4))) {
            err = -errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        log_error("-gdb: cannot listen on %s:%s: %s", host, port, strerror(err ? -err : EINVAL));
        return err ? err : -EINVAL;
    }
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    unsigned real = 0;
    if (!getsockname(fd, (struct sockaddr *)&ss, &sl))
        real = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                              : ((struct sockaddr_in *)&ss)->sin_port);
    warn_exposed((struct sockaddr *)&bound, host, real);
    printf("Listening on port %u for gdb connections\n", real);
    fflush(stdout);
    return fd;
}

static int listen_unix(struct gdb_listener *l, const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    struct stat st;
    if (!*path || strlen(path) >= sizeof(sa.sun_path)) {
        log_error("-gdb unix:%s: the path must be 1 to %zu bytes", path, sizeof(sa.sun_path) - 1);
        return -EINVAL;
    }
    if (!lstat(path, &st)) {
        if (!S_ISSOCK(st.st_mode)) {
            log_error("-gdb unix:%s: exists and is not a socket", path);
            return -EEXIST;
        }
        unlink(path); /* left over by an earlier run */
    }
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    /* Only the owner may connect (0600), whatever the umask: bind creates
     * the socket file with the umask applied, and the stub runs on one
     * thread, so nothing else creates files meanwhile. */
    mode_t old_mask = umask(0177);
    int bad = fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa));
    int err = -errno;
    umask(old_mask);
    if (bad || listen(fd, 4)) {
        err = bad ? err : -errno;
        log_error("-gdb unix:%s: %s", path, strerror(-err));
        if (fd >= 0)
            close(fd);
        return err;
    }
    l->unix_path = strdup(path);
    printf("Listening on unix:%s for gdb connections\n", path);
    fflush(stdout);
    return fd;
}

/* "tcp::PORT", "tcp:HOST:PORT" (HOST may be [v6]) or "unix:PATH". */
static int listen_spec(struct gdb_listener *l, const char *spec)
{
    if (!strncmp(spec, "unix:", 5))
        return listen_unix(l, spec + 5);
    const char *colon = strrchr(spec, ':');
    if (strncmp(spec, "tcp:", 4) || !colon || colon < spec + 4 || !colon[1] ||
        strspn(colon + 1, "0123456789") != strlen(colon + 1) || strlen(colon + 1) > 5 ||
        atoi(colon + 1) > 65535) {
        log_error("-gdb %s: expected tcp::PORT, tcp:HOST:PORT or unix:PATH", spec);
        return -EINVAL;
    }
    char host[256];
    size_t hl = (size_t)(colon - (spec + 4));
    const char *h = spec + 4;
    if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']')
        h++, hl -= 2;
    if (hl >= sizeof(host)) {
        log_error("-gdb %s: host name too long", spec);
        return -EINVAL;
    }
    memcpy(host, h, hl);
    host[hl] = '\0';
    return listen_tcp(hl ? host : "127.0.0.1", colon + 1);
}

static void listener_close(struct gdb_listener *l)
{
    if (l->conn_fd >= 0)
        conn_close(l);
    for (unsigned i = 0; i < GDB_REFUSED_MAX; i++)
        if (l->refused[i].fd >= 0) {
            event_remove_fd(l->refused[i].fd);
            close(l->refused[i].fd);
            gdb_rx_free(&l->refused[i].rx);
            l->refused[i].fd = -1;
        }
    if (l->listen_fd >= 0) {
        event_remove_fd(l->listen_fd);
        close(l->listen_fd);
    }
    if (l->unix_path) {
        unlink(l->unix_path);
        free(l->unix_path);
    }
    gdb_server_fini(&l->srv);
    free(l);
}

int gdb_listener_new(const char *spec, bool hold, const struct gdb_target_ops *ops, void *t,
                     struct gdb_listener **out)
{
    struct gdb_listener *l = calloc(1, sizeof(*l));
    *out = NULL;
    if (!l) {
        log_error("-gdb %s: out of memory", spec);
        return -ENOMEM;
    }
    l->listen_fd = l->conn_fd = -1;
    for (unsigned i = 0; i < GDB_REFUSED_MAX; i++)
        l->refused[i].fd = -1;
    int err = gdb_server_init(&l->srv, ops, t);
    if (err)
        log_error("-gdb %s: out of memory", spec);
    if (!err) {
        l->listen_fd = listen_spec(l, spec);
        err = l->listen_fd < 0 ? l->listen_fd : event_add_fd(l->listen_fd, EVENT_IN, accept_cb, l);
    }
    if (err) {
        listener_close(l);
        return err;
    }
    if (hold)
        gdb_server_stop_all(&l->srv);
    *out = l;
    return 0;
}

void gdb_listener_free(struct gdb_listener *l)
{
    if (l)
        listener_close(l);
}
