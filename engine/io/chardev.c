/* SPDX-License-Identifier: MIT */
/*
 * Character backends: stdio, stdout, null, file:PATH and unix:PATH. Output
 * is written straight to the fd with write(2) (no stdio buffering, so guest
 * output and the server's own messages keep their order). Input is read only
 * when the device has room, through the event loop; stdin is dropped at EOF
 * so runs with </dev/null do not wait on it. Terminal modes are left alone:
 * input from a tty arrives a line at a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "engine/io/chardev.h"
#include "engine/io/event.h"
#include "engine/io/log.h"

enum chardev_kind { CHR_STDIO, CHR_STDOUT, CHR_NULL, CHR_FILE, CHR_UNIX };

struct chardev {
    enum chardev_kind kind;
    int in_fd;     /* -1: no input now */
    int out_fd;    /* -1: output is dropped */
    int listen_fd; /* unix: the listening socket */
    char *name;    /* the spec, for messages */
    char *path;    /* unix: socket path, removed at close */
    unsigned refs; /* stdio is shared */
    bool in_eof;   /* stdin ended or failed: never watch it again */
    bool watching; /* in_fd is registered with the event loop */
    size_t (*can_accept)(void *opaque);
    void (*deliver)(void *opaque, const uint8_t *buf, size_t n);
    void *opaque;
};

/* How long a full output fd may hold up the guest before output is dropped. */
#define CHARDEV_WRITE_WAIT_MS 100

static struct chardev *chardev_stdio;

static void chardev_on_input(void *opaque, int fd, unsigned events);

static bool chardev_wants_input(struct chardev *c)
{
    return c->deliver && c->can_accept && c->in_fd >= 0 && !c->in_eof &&
           c->can_accept(c->opaque) > 0;
}

/* Watch the input fd exactly when the device can take bytes. */
static void chardev_update_watch(struct chardev *c)
{
    bool want = chardev_wants_input(c);

    if (want && !c->watching)
        c->watching = event_add_fd(c->in_fd, EVENT_IN, chardev_on_input, c) == 0;
    else if (!want && c->watching) {
        event_remove_fd(c->in_fd);
        c->watching = false;
    }
}

/* The unix client went away: drop it and wait for the next one. */
static void chardev_drop_client(struct chardev *c)
{
    if (c->watching)
        event_remove_fd(c->in_fd);
    c->watching = false;
    if (c->in_fd >= 0)
        close(c->in_fd);
    c->in_fd = c->out_fd = -1;
}

/* End of input (or a read error): stdin is never read again. */
static void chardev_input_ended(struct chardev *c)
{
    if (c->kind == CHR_UNIX) {
        chardev_drop_client(c);
        return;
    }
    c->in_eof = true;
    chardev_update_watch(c);
}

static void chardev_on_input(void *opaque, int fd, unsigned events)
{
    struct chardev *c = opaque;
    uint8_t buf[256];
    size_t room = c->deliver && c->can_accept ? c->can_accept(c->opaque) : 0;
    ssize_t n;

    (void)events;
    if (room == 0) {
        chardev_update_watch(c);
        return;
    }
    n = read(fd, buf, room < sizeof(buf) ? room : sizeof(buf));
    if (n > 0)
        c->deliver(c->opaque, buf, (size_t)n);
    else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        chardev_input_ended(c);
    chardev_update_watch(c);
}

static void chardev_on_accept(void *opaque, int fd, unsigned events)
{
    struct chardev *c = opaque;
    int client = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

    (void)events;
    if (client < 0)
        return;
    if (c->out_fd >= 0) {
        log_warn("%s: a client is already connected; refusing another", c->name);
        close(client);
        return;
    }
    c->in_fd = c->out_fd = client;
    chardev_update_watch(c);
}

static struct chardev *chardev_alloc(enum chardev_kind kind, const char *spec)
{
    struct chardev *c = calloc(1, sizeof(*c));

    if (!c || !(c->name = strdup(spec))) {
        free(c);
        log_error("chardev %s: out of memory", spec);
        return NULL;
    }
    c->kind = kind;
    c->in_fd = c->out_fd = c->listen_fd = -1;
    c->refs = 1;
    return c;
}

static struct chardev *chardev_open_file(const char *spec, const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    struct chardev *c;

    if (fd < 0) {
        log_error("chardev %s: cannot create %s: %s", spec, path, strerror(errno));
        return NULL;
    }
    c = chardev_alloc(CHR_FILE, spec);
    if (!c) {
        close(fd);
        return NULL;
    }
    c->out_fd = fd;
    return c;
}

/* Remove a stale socket left by an earlier run, but never another file. */
static int chardev_unlink_stale(const char *spec, const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0)
        return 0;
    if (!S_ISSOCK(st.st_mode)) {
        log_error("chardev %s: %s exists and is not a socket", spec, path);
        return -EEXIST;
    }
    unlink(path);
    return 0;
}

static int chardev_listen_unix(const char *spec, const char *path)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    int fd;

    if (strlen(path) >= sizeof(addr.sun_path)) {
        log_error("chardev %s: socket path longer than %zu bytes", spec, sizeof(addr.sun_path) - 1);
        return -ENAMETOOLONG;
    }
    if (chardev_unlink_stale(spec, path))
        return -EEXIST;
    memcpy(addr.sun_path, path, strlen(path) + 1);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 1) < 0) {
        int err = errno;
        log_error("chardev %s: cannot listen on %s: %s", spec, path, strerror(err));
        if (fd >= 0)
            close(fd);
        return -err;
    }
    return fd;
}

static struct chardev *chardev_open_unix(const char *spec, const char *path)
{
    int fd = chardev_listen_unix(spec, path);
    struct chardev *c;

    if (fd < 0)
        return NULL;
    c = chardev_alloc(CHR_UNIX, spec);
    if (!c || !(c->path = strdup(path)) || event_add_fd(fd, EVENT_IN, chardev_on_accept, c) < 0) {
        log_error("chardev %s: out of memory", spec);
        if (c)
            free(c->name);
        free(c);
        close(fd);
        unlink(path);
        return NULL;
    }
    c->listen_fd = fd;
    return c;
}

static bool stdin_reserved;

void chardev_reserve_stdin(void)
{
    stdin_reserved = true;
}

static struct chardev *chardev_open_stdio(const char *spec)
{
    if (chardev_stdio) {
        chardev_stdio->refs++;
        return chardev_stdio;
    }
    chardev_stdio = chardev_alloc(CHR_STDIO, spec);
    if (chardev_stdio) {
        chardev_stdio->in_fd = stdin_reserved ? -1 : STDIN_FILENO;
        chardev_stdio->out_fd = STDOUT_FILENO;
        if (stdin_reserved)
            log_info("the monitor console reads stdin: serial input is off "
                     "(use a unix: chardev to type to the guest)");
    }
    return chardev_stdio;
}

struct chardev *chardev_open(const char *spec)
{
    struct chardev *c;

    if (!strcmp(spec, "stdio"))
        return chardev_open_stdio(spec);
    if (!strncmp(spec, "file:", 5) && spec[5])
        return chardev_open_file(spec, spec + 5);
    if (!strncmp(spec, "unix:", 5) && spec[5])
        return chardev_open_unix(spec, spec + 5);
    if (!strcmp(spec, "stdout")) {
        c = chardev_alloc(CHR_STDOUT, spec);
        if (c)
            c->out_fd = STDOUT_FILENO;
        return c;
    }
    if (!strcmp(spec, "null"))
        return chardev_alloc(CHR_NULL, spec);
    log_error("unknown chardev \"%s\"; expected stdio, stdout, null, file:PATH or unix:PATH", spec);
    return NULL;
}

void chardev_close(struct chardev *c)
{
    if (!c || --c->refs)
        return;
    if (c == chardev_stdio)
        chardev_stdio = NULL;
    if (c->watching)
        event_remove_fd(c->in_fd);
    if (c->kind == CHR_UNIX) {
        if (c->in_fd >= 0)
            close(c->in_fd);
        event_remove_fd(c->listen_fd);
        close(c->listen_fd);
        unlink(c->path);
    } else if (c->kind == CHR_FILE) {
        close(c->out_fd);
    }
    free(c->path);
    free(c->name);
    free(c);
}

/* Output failed for good: stop writing (and report it once). */
static void chardev_output_failed(struct chardev *c, int err)
{
    if (c->kind == CHR_UNIX) {
        chardev_drop_client(c);
        return;
    }
    log_warn("chardev %s: write failed: %s; further output is dropped", c->name, strerror(err));
    if (c->kind == CHR_FILE)
        close(c->out_fd);
    c->out_fd = -1;
}

static ssize_t chardev_write_some(struct chardev *c, const void *buf, size_t len)
{
    if (c->kind == CHR_UNIX)
        return send(c->out_fd, buf, len, MSG_NOSIGNAL);
    return write(c->out_fd, buf, len);
}

void chardev_write(struct chardev *c, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    while (len && c->out_fd >= 0) {
        ssize_t n = chardev_write_some(c, p, len);
        struct pollfd pfd = {c->out_fd, POLLOUT, 0};

        if (n > 0) {
            p += n;
            len -= (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == EAGAIN) {
            if (poll(&pfd, 1, CHARDEV_WRITE_WAIT_MS) <= 0)
                return;
        } else {
            chardev_output_failed(c, n < 0 ? errno : EIO);
        }
    }
}

void chardev_set_input(struct chardev *c, size_t (*can_accept)(void *opaque),
                       void (*deliver)(void *opaque, const uint8_t *buf, size_t n), void *opaque)
{
    c->can_accept = can_accept;
    c->deliver = deliver;
    c->opaque = opaque;
    chardev_update_watch(c);
}

void chardev_accept_input(struct chardev *c)
{
    chardev_update_watch(c);
}
