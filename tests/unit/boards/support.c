/* SPDX-License-Identifier: MIT */
/* Shared helpers of the board and device tests (see support.h). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "boards/board.h"
#include "engine/machine/machine.h"
#include "tests/unit/boards/support.h"

void support_init(void)
{
    toy_register("riscv");
    boards_register_types();
    setenv("MOSAIC_BOARD_PATH", MOSAIC_SRCDIR "/boards", 1);
}

struct machine *support_load(const char *xml, const char **err)
{
    struct machine *m;
    const char *text;

    capture_begin(STDERR_FILENO);
    m = board_load_string("test.xml", xml, strlen(xml), NULL);
    text = capture_end();
    if (err)
        *err = text;
    return m;
}

static struct mem_region *support_region(struct machine *m, const char *path)
{
    struct object *o = object_resolve(OBJECT(m), path);

    return o && object_is(o, "sysbus") ? ((struct sysbus *)o)->region : NULL;
}

int support_mmio_read(struct machine *m, const char *path, uint64_t off, unsigned size,
                      uint64_t *value)
{
    struct mem_region *r = support_region(m, path);

    return r ? r->ops->read(r->opaque, off, size, value) : -ENOENT;
}

int support_mmio_write(struct machine *m, const char *path, uint64_t off, unsigned size,
                       uint64_t value)
{
    struct mem_region *r = support_region(m, path);

    return r ? r->ops->write(r->opaque, off, size, value) : -ENOENT;
}
