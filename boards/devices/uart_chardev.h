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

#include "engine/io/chardev.h"
#include "engine/object/object.h"

/* Open the backend @spec (NULL or "" = "auto") for @uart and route its
 * input to @can_accept/@deliver; NULL after logging what failed. */
struct chardev *uart_chardev_open(struct object *uart, const char *spec,
                                  size_t (*can_accept)(void *opaque),
                                  void (*deliver)(void *opaque, const uint8_t *buf, size_t n),
                                  void *opaque);
/* Detach and close what uart_chardev_open opened (NULL: nothing). */
void uart_chardev_close(struct chardev *chr);

/* The `chardev` property of a UART type whose spec string is @field. */
#define UART_CHARDEV_PROP(uart_type, field)                                                        \
    {                                                                                              \
        .name = "chardev", .type = PROP_STRING, .offset = offsetof(uart_type, field),              \
        .defval = "auto", .flags = PROP_FIXED_AFTER_REALIZE,                                       \
        .help = "stdio, stdout, null, file:PATH, unix:PATH; auto = stdio for the board's "         \
                "first UART, stdout for the others"                                                \
    }

#endif
