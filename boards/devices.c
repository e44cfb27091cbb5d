/* SPDX-License-Identifier: MIT */
/*
 * The registry of device models under boards/devices/: board files name
 * them in <device type="...">. Each model file exports its object type.
 */
#include "boards/board.h"
#include "engine/object/object.h"

extern const struct object_type ns16550_type, test_finisher_type, clint_type, htif_type,
    cmsdk_uart_type, cmsdk_timer_type, mailbox_type, sysctl_type, plic_type;

void boards_register_types(void)
{
    static const struct object_type *const types[] = {
        &ns16550_type,     &test_finisher_type, &clint_type,  &htif_type, &cmsdk_uart_type,
        &cmsdk_timer_type, &mailbox_type,       &sysctl_type, &plic_type,
    };

    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        object_type_register(types[i]); /* -EEXIST on a second call is fine */
}
