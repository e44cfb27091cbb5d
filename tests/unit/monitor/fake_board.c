/* SPDX-License-Identifier: MIT */
/* The small board the monitor tests share (fake_board.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/monitor/fake_board.h"

unsigned fake_device_reads;

static int fake_dev_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    (void)opaque;
    (void)offset;
    (void)size;
    fake_device_reads++;
    *value = 0x5a;
    return MEM_OK;
}

static const struct mem_region_ops fake_dev_ops = {.read = fake_dev_read};

static int fake_dev_realize(struct object *obj)
{
    struct sysbus *s = (struct sysbus *)obj;
    s->region = mem_region_new_mmio(obj->name, 0x100, &fake_dev_ops, NULL);
    return s->region ? 0 : -1;
}

static const struct object_type fake_dev_type = {
    .name = "fake-dev",
    .parent = "sysbus",
    .instance_size = sizeof(struct sysbus),
    .help = "counts reads",
    .realize = fake_dev_realize,
};

static void fake_register(void)
{
    static int done;
    if (done++)
        return;
    toy_register("fake");
    object_type_register(&fake_dev_type);
}

struct machine *fake_board_new(void)
{
    fake_register();
    struct machine *m = machine_new("board");
    if (!m || !cluster_new(&m->obj, "app", "fake") || !cluster_new(&m->obj, "rt", "fake") ||
        !object_new("ram", &m->obj, "ram") || !object_new("fake-dev", &m->obj, "dev"))
        return NULL;
    static const char *const sets[] = {
        "/app.cpus=2",
        "/ram.base=0x10000",
        "/ram.size=64K",
        "/dev.base=0x20000",
        "/rt/cpu0.start-powered-off=on",
        "/app/cpu1.reset-pc=0x10004",
    };
    for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
        if (object_set_assignment(&m->obj, sets[i], NULL))
            return NULL;
    if (machine_realize(m))
        return NULL;
    machine_reset(m);
    return m;
}

void out_buf_write(void *opaque, const char *text)
{
    struct out_buf *b = opaque;
    size_t n = strlen(text);
    char *t = realloc(b->text, b->len + n + 1);
    if (!t)
        abort();
    memcpy(t + b->len, text, n + 1);
    b->text = t;
    b->len += n;
}
