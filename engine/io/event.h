/* SPDX-License-Identifier: MIT */
/*
 * The event loop: file descriptors the server waits on (UART input, gdb
 * sockets, the monitor console). The scheduler polls it between rounds
 * without blocking while CPUs run, and blocks in it when every CPU waits.
 */
#ifndef MOSAIC_EVENT_H
#define MOSAIC_EVENT_H

#include <stdbool.h>

#define EVENT_IN 0x1
#define EVENT_OUT 0x2

typedef void (*event_fd_cb)(void *opaque, int fd, unsigned events);

/* Watch @fd for @events; replaces an existing watch on the same fd. */
int event_add_fd(int fd, unsigned events, event_fd_cb cb, void *opaque);
void event_remove_fd(int fd);
/* Number of fds watched for input (a reason to keep waiting when idle). */
unsigned event_input_sources(void);
/* Wait up to @timeout_ms (-1: forever, 0: just check) and dispatch.
 * Returns the number of callbacks run, or -errno. */
int event_poll(int timeout_ms);

#endif
