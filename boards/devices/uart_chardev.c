/* SPDX-License-Identifier: MIT */
/* The character backend of a board's UARTs (see uart_chardev.h). */
#include <string.h>

#include "boards/devices/uart_chardev.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"

static const char *const uart_types[] = {"ns16550", "cmsdk-apb-uart"};

static bool is_uart(struct object *o)
{
    for (size_t i = 0; i < sizeof(uart_types) / sizeof(uart_types[0]); i++)
        if (object_is(o, uart_types[i]))
            return true;
    return false;
}

/* True if @obj is the board's first UART in tree (creation) order. */
static bool first_uart_on_board(struct object *obj)
{
    struct object *o = OBJECT(machine_of(obj));

    while (o) {
        if (is_uart(o))
            return o == obj;
        if (o->first_child) {
            o = o->first_child;
            continue;
        }
        while (o && !o->next_sibling)
            o = o->parent;
        o = o ? o->next_sibling : NULL;
    }
    return false;
}

struct chardev *uart_chardev_open(struct object *uart, const char *spec,
                                  size_t (*can_accept)(void *opaque),
                                  void (*deliver)(void *opaque, const uint8_t *buf, size_t n),
                                  void *opaque)
{
    char path[256];

    object_path(uart, path, sizeof(path));
    if (!spec || !*spec || !strcmp(spec, "auto"))
        spec = first_uart_on_board(uart) ? "stdio" : "stdout";
    log_debug(LOG_BOARD, "%s: chardev %s", path, spec);
    struct chardev *chr = chardev_open(spec);
    if (!chr) {
        log_error("%s.chardev: cannot open \"%s\"", path, spec);
        return NULL;
    }
    chardev_set_input(chr, can_accept, deliver, opaque);
    return chr;
}

void uart_chardev_close(struct chardev *chr)
{
    if (!chr)
        return;
    chardev_set_input(chr, NULL, NULL, NULL);
    chardev_close(chr);
}
