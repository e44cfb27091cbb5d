/* SPDX-License-Identifier: MIT */
/*
 * The character backend of a board's UARTs (ns16550, cmsdk-apb-uart): the
 * `chardev` property's value, with "auto" meaning stdio for the board's
 * first UART of any type in tree order (it alone reads stdin) and stdout
 * for the others.
 */
#ifndef MOSAIC_BOARDS_UART_CHARDEV_H
#define MOSAIC_BOARDS_UART_CHARDEV_H

#include <stddef.h>
#include <stdint.h>

#include "engine/chardev.h"
#include "engine/object.h"

/* Open the backend @spec (NULL or "" = "auto") for @uart and route its
 * input to @can_accept/@deliver; NULL after logging what failed. */
struct chardev *uart_chardev_open(struct object *uart, const char *spec,
                                  size_t (*can_accept)(void *opaque),
                                  void (*deliver)(void *opaque, const uint8_t *buf, size_t n),
                                  void *opaque);

#endif
