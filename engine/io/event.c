/* SPDX-License-Identifier: MIT */
/*
 * The event loop: a small table of watched file descriptors dispatched with
 * poll(2). Callbacks may add or remove watches (their own or others') while
 * a poll is being dispatched: each watch carries a serial number, and a
 * ready fd is only dispatched if the watch that was polled still exists.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/event.h"

struct event_watch {
    int fd;
    unsigned events;
    event_fd_cb cb;
    void *opaque;
    uint64_t serial;
};

static struct event_watch *event_watches;
static size_t event_nwatches, event_cap;
static uint64_t event_next_serial = 1;

static struct event_watch *event_find(int fd)
{
    for (size_t i = 0; i < event_nwatches; i++)
        if (event_watches[i].fd == fd)
            return &event_watches[i];
    return NULL;
}

int event_add_fd(int fd, unsigned events, event_fd_cb cb, void *opaque)
{
    struct event_watch *w = event_find(fd);

    if (fd < 0 || !cb)
        return -EINVAL;
    if (!w) {
        if (event_nwatches == event_cap) {
            size_t cap = event_cap ? 2 * event_cap : 8;
            struct event_watch *nw = realloc(event_watches, cap * sizeof(*nw));
            if (!nw)
                return -ENOMEM;
            event_watches = nw;
            event_cap = cap;
        }
        w = &event_watches[event_nwatches++];
    }
    *w = (struct event_watch){fd, events, cb, opaque, event_next_serial++};
    return 0;
}

void event_remove_fd(int fd)
{
    struct event_watch *w = event_find(fd);

    if (w)
        *w = event_watches[--event_nwatches];
}

unsigned event_input_sources(void)
{
    unsigned n = 0;

    for (size_t i = 0; i < event_nwatches; i++)
        n += (event_watches[i].events & EVENT_IN) != 0;
    return n;
}

static short event_to_poll(unsigned events)
{
    return (short)(((events & EVENT_IN) ? POLLIN : 0) | ((events & EVENT_OUT) ? POLLOUT : 0));
}

/* Hang-ups and errors wake whatever the watch waits for, so its owner
 * reads the EOF or error and drops the watch. */
static unsigned event_from_poll(short revents, unsigned wanted)
{
    unsigned ev = 0;

    if (revents & POLLIN)
        ev |= EVENT_IN;
    if (revents & POLLOUT)
        ev |= EVENT_OUT;
    if (revents & (POLLHUP | POLLERR | POLLNVAL))
        ev |= wanted;
    return ev & wanted;
}

/* Run the callbacks for @n polled fds whose watches (by serial) still exist. */
static int event_dispatch(const struct pollfd *pfds, const uint64_t *serials, size_t n)
{
    int ran = 0;

    for (size_t i = 0; i < n; i++) {
        struct event_watch *w;
        unsigned ev;

        if (!pfds[i].revents)
            continue;
        w = event_find(pfds[i].fd);
        if (!w || w->serial != serials[i])
            continue;
        ev = event_from_poll(pfds[i].revents, w->events);
        if (!ev)
            continue;
        w->cb(w->opaque, w->fd, ev);
        ran++;
    }
    return ran;
}

/* Up to this many fds are polled from the stack (the common case). */
#define EVENT_STACK_FDS 16

int event_poll(int timeout_ms)
{
    struct pollfd stack_pfds[EVENT_STACK_FDS], *pfds = stack_pfds;
    uint64_t stack_serials[EVENT_STACK_FDS], *serials = stack_serials;
    size_t n = event_nwatches;
    int ret;

    if (n == 0 && timeout_ms == 0)
        return 0;
    if (n > EVENT_STACK_FDS) {
        pfds = calloc(n, sizeof(*pfds));
        serials = calloc(n, sizeof(*serials));
        if (!pfds || !serials) {
            free(pfds);
            free(serials);
            return -ENOMEM;
        }
    }
    for (size_t i = 0; i < n; i++) {
        pfds[i] = (struct pollfd){event_watches[i].fd, event_to_poll(event_watches[i].events), 0};
        serials[i] = event_watches[i].serial;
    }
    ret = poll(pfds, n, timeout_ms);
    if (ret < 0)
        ret = errno == EINTR ? 0 : -errno;
    else if (ret > 0)
        ret = event_dispatch(pfds, serials, n);
    if (pfds != stack_pfds) {
        free(pfds);
        free(serials);
    }
    return ret;
}
