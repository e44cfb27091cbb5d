/* SPDX-License-Identifier: MIT */
/*
 * Types for things that occupy guest addresses: "sysbus" (the base of
 * every memory-mapped device), "ram", "rom" and "alias". Mapping them into
 * the clusters' views happens in machine_realize (machine.c).
 */
#include <errno.h>
#include <stdlib.h>

#include "engine/io/log.h"
#include "engine/memory/sysbus.h"

struct mem_block {
    struct sysbus bus;
    uint64_t size;
};

static const struct prop_def sysbus_props[] = {
    {.name = "base",
     .type = PROP_UINT,
     .offset = offsetof(struct sysbus, base),
     .defval = "0xffffffffffffffff",
     .flags = PROP_HEX | PROP_FIXED_AFTER_REALIZE,
     .help = "guest address it is mapped at (unset: only through aliases)"},
    {.name = "clusters",
     .type = PROP_STRING,
     .offset = offsetof(struct sysbus, clusters),
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "comma-separated clusters that see it (empty: all; board-level objects only)"},
    {0},
};

static void sysbus_finalize(struct object *obj)
{
    struct sysbus *s = (struct sysbus *)obj;
    if (s->region)
        mem_region_unref(s->region);
}

const struct object_type sysbus_type = {
    .name = "sysbus",
    .parent = "object",
    .instance_size = sizeof(struct sysbus),
    .help = "something mapped at a guest address",
    .props = sysbus_props,
    .finalize = sysbus_finalize,
};

static int mem_block_realize(struct object *obj, bool rom)
{
    struct mem_block *b = (struct mem_block *)obj;
    char path[256];
    if (!b->size) {
        log_error("%s.size: a %s needs a non-zero size", object_path(obj, path, sizeof(path)),
                  rom ? "rom" : "ram");
        return -EINVAL;
    }
    b->bus.region =
        rom ? mem_region_new_rom(obj->name, b->size) : mem_region_new_ram(obj->name, b->size);
    if (!b->bus.region)
        return -ENOMEM; /* mem_region_new_* said why */
    return 0;
}

static int ram_realize(struct object *obj)
{
    return mem_block_realize(obj, false);
}

static int rom_realize(struct object *obj)
{
    return mem_block_realize(obj, true);
}

static const struct prop_def mem_block_props[] = {
    {.name = "size",
     .type = PROP_SIZE,
     .offset = offsetof(struct mem_block, size),
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "size in bytes (K, M, G suffixes)"},
    {0},
};

const struct object_type ram_type = {
    .name = "ram",
    .parent = "sysbus",
    .instance_size = sizeof(struct mem_block),
    .help = "random-access memory",
    .props = mem_block_props,
    .realize = ram_realize,
};

const struct object_type rom_type = {
    .name = "rom",
    .parent = "sysbus",
    .instance_size = sizeof(struct mem_block),
    .help = "read-only memory (images and the debugger can write it)",
    .props = mem_block_props,
    .realize = rom_realize,
};

/* clang-format off */
static const struct prop_def alias_props[] = {
    {.name = "region", .type = PROP_STRING, .offset = offsetof(struct mem_alias, region),
     .flags = PROP_FIXED_AFTER_REALIZE, .help = "path of the ram, rom or device aliased"},
    {.name = "base", .type = PROP_UINT, .offset = offsetof(struct mem_alias, base),
     .flags = PROP_HEX | PROP_FIXED_AFTER_REALIZE, .help = "address the alias appears at"},
    {.name = "offset", .type = PROP_SIZE, .offset = offsetof(struct mem_alias, offset),
     .flags = PROP_FIXED_AFTER_REALIZE, .help = "offset into the aliased region"},
    {.name = "size", .type = PROP_SIZE, .offset = offsetof(struct mem_alias, size),
     .flags = PROP_FIXED_AFTER_REALIZE, .help = "bytes aliased (0: to the region's end)"},
    {0},
};
/* clang-format on */

const struct object_type alias_type = {
    .name = "alias",
    .parent = "object",
    .instance_size = sizeof(struct mem_alias),
    .help = "a region of memory seen at another address by one cluster",
    .props = alias_props,
};
