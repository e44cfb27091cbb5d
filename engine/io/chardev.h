/* SPDX-License-Identifier: MIT */
/*
 * Character backends for UARTs: where guest serial output goes and input
 * comes from. Specs: "stdio", "stdout" (output only), "null", "file:PATH"
 * (output), "unix:PATH" (a listening unix socket; one client at a time).
 */
#ifndef MOSAIC_CHARDEV_H
#define MOSAIC_CHARDEV_H

#include <stddef.h>
#include <stdint.h>

struct chardev;

/* Open a backend; NULL after logging why. stdio is shared: opening it twice
 * returns the same backend (input goes to the last one that asked). */
struct chardev *chardev_open(const char *spec);
void chardev_close(struct chardev *c);
/* The monitor console owns stdin: later "stdio" backends are output only. */
void chardev_reserve_stdin(void);
/* Write guest output; never blocks the guest for long (drops on error). */
void chardev_write(struct chardev *c, const void *buf, size_t len);
/*
 * Receive input: @can_accept says how many bytes the device takes now;
 * @deliver is called with at most that many. Registers with the event loop.
 */
void chardev_set_input(struct chardev *c, size_t (*can_accept)(void *opaque),
                       void (*deliver)(void *opaque, const uint8_t *buf, size_t n), void *opaque);
/* The device can accept input again (after it was full). */
void chardev_accept_input(struct chardev *c);

#endif
