/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for engine/memory.c: regions, views, lookups at the edges of
 * mappings, RAM/ROM/MMIO accesses, device accesses split by size and
 * alignment, accesses straddling mappings, overlays, the code-write hook,
 * and one region shared by two views.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/memory/memory.h"
#include "tests/unit/common/capture.h"

/* A device that records every access and answers reads with a pattern. */
struct access {
    char dir;
    uint64_t offset;
    unsigned size;
    uint64_t value;
};

struct fake_dev {
    struct access log[32];
    unsigned n;
    bool fail;
};

static int fake_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct fake_dev *d = opaque;
    /* Each byte reads as its offset plus 0x40, so pieces are recognisable. */
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint64_t)((offset + i + 0x40) & 0xff) << (8 * i);
    /* Garbage above the access size must not leak into the result. */
    *value = size < 8 ? v | (~0ull << (8 * size)) : v;
    assert_true(d->n < 32);
    d->log[d->n++] = (struct access){'r', offset, size, v};
    return d->fail ? MEM_DEVICE_ERROR : MEM_OK;
}

static int fake_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct fake_dev *d = opaque;
    assert_true(d->n < 32);
    d->log[d->n++] = (struct access){'w', offset, size, value};
    return d->fail ? MEM_DEVICE_ERROR : MEM_OK;
}

static const struct mem_region_ops fake_ops8 = {.read = fake_read, .write = fake_write};
static const struct mem_region_ops fake_ops2 = {
    .read = fake_read, .write = fake_write, .max_access = 2};

static void assert_access(const struct fake_dev *d, unsigned i, char dir, uint64_t offset,
                          unsigned size, uint64_t value)
{
    assert_true(i < d->n);
    assert_int_equal(d->log[i].dir, dir);
    assert_int_equal(d->log[i].offset, offset);
    assert_int_equal(d->log[i].size, size);
    assert_int_equal(d->log[i].value, value);
}

static void test_region_sizes(void **state)
{
    (void)state;
    capture_begin(STDERR_FILENO);
    struct mem_region *zero = mem_region_new_ram("z", 0);
    struct mem_region *huge = mem_region_new_rom("h", (64ull << 30) + 1);
    const char *log = capture_end();
    assert_null(zero);
    assert_null(huge);
    capture_expect_error(log, "memory region 'z': size is zero");
    capture_expect_error(log, "memory region 'h': size 0x1000000001 is larger than 64 GiB");

    struct mem_region *r = mem_region_new_ram("ram", 0x3000);
    assert_non_null(r);
    assert_int_equal(r->kind, MEM_RAM);
    assert_int_equal(r->refcount, 1);
    for (unsigned i = 0; i < 0x3000; i++)
        assert_int_equal(r->host[i], 0);
    assert_null(r->code_pages);
    mem_region_unref(r);
}

static void test_ram_rom_access(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct mem_region *ram = mem_region_new_ram("dram", 0x10000);
    struct mem_region *rom = mem_region_new_rom("boot", 0x1000);
    assert_int_equal(mem_view_map(v, 0x80000000, ram, 0, 0x10000), 0);
    assert_int_equal(mem_view_map(v, 0x1000, rom, 0, 0x1000), 0);

    assert_int_equal(mem_view_write(v, 0x80000010, 8, 0x1122334455667788ull), MEM_OK);
    static const uint8_t le[8] = {0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11};
    assert_memory_equal(ram->host + 0x10, le, 8);
    uint64_t val = 0;
    assert_int_equal(mem_view_read(v, 0x80000012, 2, &val), MEM_OK);
    assert_int_equal(val, 0x5566);
    assert_int_equal(mem_view_read(v, 0x80000011, 4, &val), MEM_OK);
    assert_int_equal(val, 0x44556677);
    assert_int_equal(mem_view_write(v, 0x80000010, 1, 0x1ff), MEM_OK);
    assert_int_equal(ram->host[0x10], 0xff);
    assert_int_equal(ram->host[0x11], 0x77);

    /* ROM: guests cannot write it, loaders can. */
    assert_int_equal(mem_view_write(v, 0x1004, 4, 0xdeadbeef), MEM_READONLY);
    assert_int_equal(rom->host[4], 0);
    size_t done = 99;
    assert_int_equal(mem_view_write_buf(v, 0x1004, "abcd", 4, 0, &done), MEM_READONLY);
    assert_int_equal(done, 0);
    assert_int_equal(rom->host[4], 0);
    assert_int_equal(mem_view_write_buf(v, 0x1004, "abcd", 4, MEM_F_LOAD, &done), MEM_OK);
    assert_int_equal(done, 4);
    assert_memory_equal(rom->host + 4, "abcd", 4);
    assert_int_equal(mem_view_read(v, 0x1004, 4, &val), MEM_OK);
    assert_int_equal(val, 0x64636261);
    char buf[4];
    assert_int_equal(mem_view_read_buf(v, 0x1004, buf, 4, 0, &done), MEM_OK);
    assert_memory_equal(buf, "abcd", 4);

    mem_region_unref(ram);
    mem_region_unref(rom);
    mem_view_free(v);
}

static void test_map_errors(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct mem_region *ram = mem_region_new_ram("ram", 0x20000);
    struct fake_dev dev = {0};
    struct mem_region *uart = mem_region_new_mmio("uart0", 0x100, &fake_ops8, &dev);
    assert_int_equal(mem_view_map(v, 0x0fff0000, ram, 0, 0x20000), 0);
    unsigned gen = v->generation;

    capture_begin(STDERR_FILENO);
    int err = mem_view_map(v, 0x10000000, uart, 0, 0x100);
    const char *log = capture_end();
    assert_int_equal(err, -EEXIST);
    capture_expect_error(log, "view app: 'uart0' [0x10000000-0x100000ff] overlaps 'ram'"
                              " [0x0fff0000-0x1000ffff]");

    /* The new mapping ending inside the next one. */
    capture_begin(STDERR_FILENO);
    err = mem_view_map(v, 0x0ffeff01, uart, 0, 0x100);
    log = capture_end();
    assert_int_equal(err, -EEXIST);
    capture_expect_error(log, "view app: 'uart0' [0x0ffeff01-0x0fff0000] overlaps 'ram'"
                              " [0x0fff0000-0x1000ffff]");

    capture_begin(STDERR_FILENO);
    assert_int_equal(mem_view_map(v, 0x20000000, uart, 0, 0), -EINVAL);
    assert_int_equal(mem_view_map(v, 0x20000000, uart, 0x80, 0x81), -EINVAL);
    assert_int_equal(mem_view_map(v, 0x20000000, uart, 0x101, 1), -EINVAL);
    assert_int_equal(mem_view_map(v, 0xffffffffffffff80ull, uart, 0, 0x81), -EINVAL);
    log = capture_end();
    capture_expect_error(log, "view app: mapping of 'uart0' at 0x20000000 has size 0");
    capture_expect_error(log, "view app: mapping of 'uart0' at 0x20000000: offset 0x80 + size 0x81"
                              " is beyond the region size 0x100");
    capture_expect_error(log, "view app: mapping of 'uart0' at 0x20000000: offset 0x101 + size 0x1"
                              " is beyond the region size 0x100");
    capture_expect_error(log, "view app: mapping of 'uart0' at 0xffffffffffffff80 size 0x81 wraps"
                              " past the end of the address space");
    assert_int_equal(v->generation, gen);
    assert_int_equal(v->nmaps, 1);

    /* Touching but not overlapping on both sides; and the very top. */
    assert_int_equal(mem_view_map(v, 0x10010000, uart, 0, 0x100), 0);
    assert_int_equal(mem_view_map(v, 0x0ffeff00, uart, 0, 0x100), 0);
    assert_int_equal(mem_view_map(v, 0xffffffffffffff00ull, uart, 0, 0x100), 0);
    assert_int_equal(v->nmaps, 4);
    assert_true(v->generation > gen);
    for (size_t i = 1; i < v->nmaps; i++)
        assert_true(v->maps[i - 1].base < v->maps[i].base);
    assert_int_equal(uart->refcount, 4);

    mem_region_unref(ram);
    mem_region_unref(uart);
    mem_view_free(v);
}

static void test_find_edges(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct fake_dev d = {0};
    struct mem_region *ram = mem_region_new_ram("ram", 0x2000);
    struct mem_region *dev = mem_region_new_mmio("dev", 0x100, &fake_ops8, &d);
    assert_null(mem_view_find(v, 0));
    assert_int_equal(mem_view_map(v, 0x80000000, ram, 0x1000, 0x1000), 0);
    assert_int_equal(mem_view_map(v, 0x80001000, dev, 0, 0x100), 0);
    assert_int_equal(mem_view_map(v, 0x1000, ram, 0, 0x2000), 0);

    assert_null(mem_view_find(v, 0xfff));
    assert_int_equal(mem_view_find(v, 0x1000)->base, 0x1000);
    assert_int_equal(mem_view_find(v, 0x2fff)->base, 0x1000);
    assert_null(mem_view_find(v, 0x3000));
    assert_null(mem_view_find(v, 0x7fffffff));
    assert_int_equal(mem_view_find(v, 0x80000000)->region->kind, MEM_RAM);
    assert_int_equal(mem_view_find(v, 0x80000fff)->region->kind, MEM_RAM);
    assert_int_equal(mem_view_find(v, 0x80001000)->region->kind, MEM_MMIO);
    assert_int_equal(mem_view_find(v, 0x800010ff)->region->kind, MEM_MMIO);
    assert_null(mem_view_find(v, 0x80001100));
    assert_null(mem_view_find(v, UINT64_MAX));

    /* Host pointers: within one RAM mapping only, offset applied. */
    assert_ptr_equal(mem_view_host_ptr(v, 0x80000000, 0x1000), ram->host + 0x1000);
    assert_ptr_equal(mem_view_host_ptr(v, 0x80000ff8, 8), ram->host + 0x1ff8);
    assert_null(mem_view_host_ptr(v, 0x80000ff8, 9));
    assert_null(mem_view_host_ptr(v, 0x80001000, 1));
    assert_null(mem_view_host_ptr(v, 0x3000, 1));
    assert_ptr_equal(mem_view_host_ptr(v, 0x2fff, 1), ram->host + 0x1fff);

    mem_region_unref(ram);
    mem_region_unref(dev);
    mem_view_free(v);
}

static void test_unmapped(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct mem_region *ram = mem_region_new_ram("ram", 0x1000);
    assert_int_equal(mem_view_map(v, 0x80000000, ram, 0, 0x1000), 0);
    uint64_t val = 0x1234;
    assert_int_equal(mem_view_read(v, 0x7ffffffc, 4, &val), MEM_UNMAPPED);
    assert_int_equal(val, 0x1234);
    assert_int_equal(mem_view_write(v, 0x80001000, 1, 1), MEM_UNMAPPED);
    /* Straddling the end into nothing: all or nothing for a guest store. */
    assert_int_equal(mem_view_write(v, 0x80000ffe, 4, 0xffffffff), MEM_UNMAPPED);
    assert_int_equal(ram->host[0xffe], 0);
    assert_int_equal(mem_view_read(v, 0x80000ffe, 4, &val), MEM_UNMAPPED);

    uint8_t buf[16];
    size_t done = 0;
    assert_int_equal(mem_view_read_buf(v, 0x80000ff8, buf, 16, 0, &done), MEM_UNMAPPED);
    assert_int_equal(done, 8);
    assert_int_equal(mem_view_read_buf(v, 0x10, buf, 16, 0, &done), MEM_UNMAPPED);
    assert_int_equal(done, 0);

    /* Running off the top of the address space never wraps to address 0. */
    struct mem_region *low = mem_region_new_ram("low", 0x1000);
    assert_int_equal(mem_view_map(v, 0, low, 0, 0x1000), 0);
    assert_int_equal(mem_view_map(v, 0xfffffffffffff000ull, ram, 0, 0x1000), 0);
    assert_int_equal(mem_view_read(v, 0xfffffffffffffffeull, 4, &val), MEM_UNMAPPED);
    assert_int_equal(mem_view_write(v, 0xfffffffffffffffeull, 4, 0), MEM_UNMAPPED);
    assert_int_equal(mem_view_read_buf(v, 0xfffffffffffffff8ull, buf, 16, 0, &done), MEM_UNMAPPED);
    assert_int_equal(done, 8);
    assert_int_equal(mem_view_read(v, 0xfffffffffffffff8ull, 8, &val), MEM_OK);

    mem_region_unref(low);
    mem_region_unref(ram);
    mem_view_free(v);
}

static void test_mmio_dispatch(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct fake_dev d8 = {0}, d2 = {0};
    struct mem_region *wide = mem_region_new_mmio("wide", 0x100, &fake_ops8, &d8);
    struct mem_region *narrow = mem_region_new_mmio("narrow", 0x100, &fake_ops2, &d2);
    assert_int_equal(mem_view_map(v, 0x10000000, wide, 0, 0x100), 0);
    /* Mapped from region offset 0x10: devices see offsets in the region. */
    assert_int_equal(mem_view_map(v, 0x20000000, narrow, 0x10, 0x80), 0);

    uint64_t val;
    assert_int_equal(mem_view_read(v, 0x10000008, 4, &val), MEM_OK);
    assert_int_equal(val, 0x4b4a4948);
    assert_int_equal(d8.n, 1);
    assert_access(&d8, 0, 'r', 8, 4, 0x4b4a4948);
    assert_int_equal(mem_view_write(v, 0x10000010, 8, 0x0807060504030201ull), MEM_OK);
    assert_access(&d8, 1, 'w', 0x10, 8, 0x0807060504030201ull);
    /* Misaligned: split into naturally aligned pieces. */
    assert_int_equal(mem_view_write(v, 0x10000021, 4, 0xddccbbaa), MEM_OK);
    assert_int_equal(d8.n, 5);
    assert_access(&d8, 2, 'w', 0x21, 1, 0xaa);
    assert_access(&d8, 3, 'w', 0x22, 2, 0xccbb);
    assert_access(&d8, 4, 'w', 0x24, 1, 0xdd);

    /* max_access 2: an 8-byte access is four 2-byte ones, little-endian. */
    assert_int_equal(mem_view_write(v, 0x20000000, 8, 0x8877665544332211ull), MEM_OK);
    assert_int_equal(d2.n, 4);
    assert_access(&d2, 0, 'w', 0x10, 2, 0x2211);
    assert_access(&d2, 1, 'w', 0x12, 2, 0x4433);
    assert_access(&d2, 2, 'w', 0x14, 2, 0x6655);
    assert_access(&d2, 3, 'w', 0x16, 2, 0x8877);
    d2.n = 0;
    assert_int_equal(mem_view_read(v, 0x20000004, 4, &val), MEM_OK);
    assert_int_equal(d2.n, 2);
    assert_access(&d2, 0, 'r', 0x14, 2, 0x5554);
    assert_access(&d2, 1, 'r', 0x16, 2, 0x5756);
    assert_int_equal(val, 0x57565554);

    /* Device errors come back; MEM_F_NO_MMIO keeps away from devices. */
    d8.fail = true;
    assert_int_equal(mem_view_read(v, 0x10000000, 4, &val), MEM_DEVICE_ERROR);
    d8.n = 0;
    uint8_t buf[4];
    size_t done = 9;
    assert_int_equal(mem_view_read_buf(v, 0x10000000, buf, 4, MEM_F_NO_MMIO, &done),
                     MEM_DEVICE_ERROR);
    assert_int_equal(done, 0);
    assert_int_equal(mem_view_write_buf(v, 0x10000000, buf, 4, MEM_F_NO_MMIO | MEM_F_LOAD, &done),
                     MEM_DEVICE_ERROR);
    assert_int_equal(d8.n, 0);
    d8.fail = false;
    /* Byte ranges through a device use the widest aligned accesses. */
    assert_int_equal(mem_view_read_buf(v, 0x10000004, buf, 4, 0, &done), MEM_OK);
    assert_int_equal(done, 4);
    assert_int_equal(d8.n, 1);
    assert_access(&d8, 0, 'r', 4, 4, 0x47464544);
    static const uint8_t expect[4] = {0x44, 0x45, 0x46, 0x47};
    assert_memory_equal(buf, expect, 4);

    mem_region_unref(wide);
    mem_region_unref(narrow);
    mem_view_free(v);
}

static void test_straddle(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct fake_dev d = {0};
    struct mem_region *a = mem_region_new_ram("a", 0x1000);
    struct mem_region *b = mem_region_new_ram("b", 0x1000);
    struct mem_region *rom = mem_region_new_rom("rom", 0x1000);
    struct mem_region *dev = mem_region_new_mmio("dev", 0x100, &fake_ops8, &d);
    assert_int_equal(mem_view_map(v, 0x1000, a, 0, 0x1000), 0);
    assert_int_equal(mem_view_map(v, 0x2000, b, 0, 0x1000), 0);
    assert_int_equal(mem_view_map(v, 0x3000, rom, 0, 0x1000), 0);
    assert_int_equal(mem_view_map(v, 0x4000, dev, 0, 0x100), 0);

    /* RAM to RAM: half the bytes in each region. */
    assert_int_equal(mem_view_write(v, 0x1ffe, 4, 0x44332211), MEM_OK);
    assert_int_equal(a->host[0xffe], 0x11);
    assert_int_equal(a->host[0xfff], 0x22);
    assert_int_equal(b->host[0], 0x33);
    assert_int_equal(b->host[1], 0x44);
    uint64_t val;
    assert_int_equal(mem_view_read(v, 0x1ffd, 8, &val), MEM_OK);
    assert_int_equal(val, 0x0000000044332211ull << 8);

    /* RAM to ROM: the store is refused before any byte changes. */
    assert_int_equal(mem_view_write(v, 0x2ffe, 4, 0xffffffff), MEM_READONLY);
    assert_int_equal(b->host[0xffe], 0);
    rom->host[0] = 0x5a;
    assert_int_equal(mem_view_read(v, 0x2fff, 2, &val), MEM_OK);
    assert_int_equal(val, 0x5a00);

    /* ROM to device: read through both. */
    rom->host[0xfff] = 0x77;
    assert_int_equal(mem_view_read(v, 0x3fff, 4, &val), MEM_OK);
    assert_int_equal(val, 0x42414077);
    assert_int_equal(d.n, 2);
    assert_access(&d, 0, 'r', 0, 2, 0x4140);
    assert_access(&d, 1, 'r', 2, 1, 0x42);

    /* Byte ranges: across three mappings at once, and with MEM_F_LOAD. */
    uint8_t buf[0x1002];
    memset(buf, 0x66, sizeof(buf));
    size_t done;
    assert_int_equal(mem_view_write_buf(v, 0x2fff, buf, sizeof(buf), MEM_F_LOAD, &done), MEM_OK);
    assert_int_equal(done, sizeof(buf));
    assert_int_equal(b->host[0xfff], 0x66);
    assert_int_equal(rom->host[0xfff], 0x66);
    assert_int_equal(d.n, 3);
    assert_access(&d, 2, 'w', 0, 1, 0x66);

    mem_region_unref(a);
    mem_region_unref(b);
    mem_region_unref(rom);
    mem_region_unref(dev);
    mem_view_free(v);
}

static void test_overlay(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct fake_dev d = {0};
    struct mem_region *ram = mem_region_new_ram("dram", 0x10000);
    struct mem_region *htif = mem_region_new_mmio("htif", 0x10, &fake_ops8, &d);
    struct mem_region *uart = mem_region_new_mmio("uart0", 0x100, &fake_ops8, &d);
    assert_int_equal(mem_view_map(v, 0x80000000, ram, 0, 0x10000), 0);
    assert_int_equal(mem_view_map(v, 0x10000000, uart, 0, 0x100), 0);
    unsigned gen = v->generation;

    assert_int_equal(mem_view_map_overlay(v, 0x80001000, htif, 0, 0x10), 0);
    assert_true(v->generation != gen);
    assert_int_equal(v->nmaps, 4);
    const struct mem_mapping *m = &v->maps[1];
    assert_int_equal(m[0].base, 0x80000000);
    assert_int_equal(m[0].size, 0x1000);
    assert_int_equal(m[0].offset, 0);
    assert_ptr_equal(m[1].region, htif);
    assert_int_equal(m[1].base, 0x80001000);
    assert_int_equal(m[1].size, 0x10);
    assert_ptr_equal(m[2].region, ram);
    assert_int_equal(m[2].base, 0x80001010);
    assert_int_equal(m[2].size, 0x10000 - 0x1010);
    assert_int_equal(m[2].offset, 0x1010);
    assert_int_equal(ram->refcount, 3);
    assert_int_equal(htif->refcount, 2);

    /* Around the window RAM still works, at the same region offsets. */
    assert_int_equal(mem_view_write(v, 0x80001010, 4, 0xcafef00d), MEM_OK);
    assert_int_equal(ram->host[0x1010], 0x0d);
    assert_int_equal(mem_view_write(v, 0x80000ffc, 4, 0x01020304), MEM_OK);
    assert_int_equal(ram->host[0xffc], 0x04);
    assert_int_equal(mem_view_write(v, 0x80001008, 8, 0x1122334455667788ull), MEM_OK);
    assert_int_equal(d.n, 1);
    assert_access(&d, 0, 'w', 8, 8, 0x1122334455667788ull);
    assert_int_equal(ram->host[0x1008], 0);

    char out[1024] = "";
    FILE *f = fmemopen(out, sizeof(out) - 1, "w");
    mem_view_print(f, v);
    fclose(f);
    assert_string_equal(out, "0000000010000000-00000000100000ff (mmio): uart0\n"
                             "0000000080000000-0000000080000fff (ram): dram\n"
                             "0000000080001000-000000008000100f (mmio): htif\n"
                             "0000000080001010-000000008000ffff (ram): dram (offset 0x1010)\n");

    /* At the start, at the end, and over a whole mapping. */
    struct mem_region *w = mem_region_new_mmio("w", 0x1000, &fake_ops8, &d);
    assert_int_equal(mem_view_map_overlay(v, 0x80000000, w, 0, 0x10), 0);
    assert_int_equal(mem_view_map_overlay(v, 0x8000fff0, w, 0, 0x10), 0);
    assert_int_equal(mem_view_map_overlay(v, 0x80000010, w, 0, 0xff0), 0);
    assert_int_equal(v->nmaps, 6);
    assert_int_equal(mem_view_find(v, 0x8000ffef)->region->kind, MEM_RAM);
    assert_int_equal(mem_view_find(v, 0x8000ffef)->offset, 0x1010);
    assert_int_equal(mem_view_find(v, 0x8000fff0)->region->kind, MEM_MMIO);
    assert_int_equal(ram->refcount, 2);

    capture_begin(STDERR_FILENO);
    assert_int_equal(mem_view_map_overlay(v, 0x8000fff8, htif, 0, 0x10), -EEXIST);
    assert_int_equal(mem_view_map_overlay(v, 0x10000080, htif, 0, 0x10), -EEXIST);
    assert_int_equal(mem_view_map_overlay(v, 0x90000000, htif, 0, 0x10), -EEXIST);
    assert_int_equal(mem_view_map_overlay(v, 0x80001010, htif, 0, 0x11), -EINVAL);
    assert_int_equal(mem_view_map_overlay(v, 0x80002000, htif, 0, 0x10000), -EINVAL);
    const char *log = capture_end();
    capture_expect_error(log, "view app: 'htif' [0x8000fff8-0x80010007] overlaps 'w'"
                              " [0x8000fff0-0x8000ffff]");
    capture_expect_error(log, "view app: 'htif' [0x10000080-0x1000008f] overlaps 'uart0'"
                              " [0x10000000-0x100000ff]");
    capture_expect_error(log, "view app: overlay 'htif' [0x90000000-0x9000000f] is not over RAM"
                              " or ROM: nothing is mapped at 0x90000000");
    assert_int_equal(v->nmaps, 6);

    /* Runs past the end of a RAM mapping into unmapped space. */
    struct mem_region *r2 = mem_region_new_ram("sram", 0x100);
    assert_int_equal(mem_view_map(v, 0x20000000, r2, 0, 0x100), 0);
    capture_begin(STDERR_FILENO);
    assert_int_equal(mem_view_map_overlay(v, 0x200000f8, htif, 0, 0x10), -EEXIST);
    log = capture_end();
    capture_expect_error(log, "view app: overlay 'htif' [0x200000f8-0x20000107] runs past the end"
                              " of 'sram' [0x20000000-0x200000ff]");

    mem_region_unref(r2);
    mem_region_unref(w);
    mem_region_unref(ram);
    mem_region_unref(htif);
    mem_region_unref(uart);
    mem_view_free(v);
}

static struct {
    struct mem_region *r;
    uint64_t offset, len;
    unsigned calls;
} hook_seen;

static void record_hook(struct mem_code_watcher *w, struct mem_region *r, uint64_t offset,
                        uint64_t len)
{
    (void)w;
    hook_seen.r = r;
    hook_seen.offset = offset;
    hook_seen.len = len;
    hook_seen.calls++;
}

static void test_code_hook(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("app");
    struct mem_region *ram = mem_region_new_ram("ram", 0x10000);
    struct mem_region *rom = mem_region_new_rom("rom", 0x2000);
    struct mem_code_watcher watcher = {.written = record_hook};
    assert_int_equal(mem_view_map(v, 0x80000000, ram, 0x1000, 0xf000), 0);
    assert_int_equal(mem_view_map(v, 0x1000, rom, 0, 0x2000), 0);
    assert_false(mem_region_has_code(ram, 0x3000));
    mem_region_mark_code(ram, 0x3000, &watcher);
    mem_region_mark_code(rom, 0x1abc, &watcher);
    assert_true(mem_region_has_code(ram, 0x3000));
    assert_true(mem_region_has_code(ram, 0x3fff));
    assert_false(mem_region_has_code(ram, 0x2fff));
    assert_false(mem_region_has_code(ram, 0x4000));
    assert_false(mem_region_has_code(ram, 0x10000));
    assert_true(mem_region_has_code(rom, 0x1000));

    /* Guest address 0x80002010 is region offset 0x3010. */
    assert_int_equal(mem_view_write(v, 0x80002010, 4, 1), MEM_OK);
    assert_int_equal(hook_seen.calls, 1);
    assert_ptr_equal(hook_seen.r, ram);
    assert_int_equal(hook_seen.offset, 0x3010);
    assert_int_equal(hook_seen.len, 4);
    assert_int_equal(mem_view_write(v, 0x80003000, 8, 1), MEM_OK);
    assert_int_equal(mem_view_write(v, 0x80001ff8, 8, 1), MEM_OK);
    assert_int_equal(hook_seen.calls, 1);

    /* A range that starts on a clean page and ends on the code page. */
    uint8_t buf[0x20] = {0};
    assert_int_equal(mem_view_write_buf(v, 0x80001ff0, buf, sizeof(buf), 0, NULL), MEM_OK);
    assert_int_equal(hook_seen.calls, 2);
    assert_int_equal(hook_seen.offset, 0x2ff0);
    assert_int_equal(hook_seen.len, 0x20);
    /* A write running off the end of the code page. */
    assert_int_equal(mem_view_write(v, 0x80002ffc, 8, 1), MEM_OK);
    assert_int_equal(hook_seen.calls, 3);
    assert_int_equal(hook_seen.offset, 0x3ffc);
    assert_int_equal(hook_seen.len, 8);
    /* Loaders rewriting ROM code count too; refused writes do not. */
    assert_int_equal(mem_view_write(v, 0x2000, 4, 1), MEM_READONLY);
    assert_int_equal(hook_seen.calls, 3);
    assert_int_equal(mem_view_write_buf(v, 0x2000, buf, 4, MEM_F_LOAD, NULL), MEM_OK);
    assert_int_equal(hook_seen.calls, 4);
    assert_ptr_equal(hook_seen.r, rom);
    assert_int_equal(hook_seen.offset, 0x1000);
    /* Reads never call it. */
    uint64_t val;
    assert_int_equal(mem_view_read(v, 0x80002010, 4, &val), MEM_OK);
    assert_int_equal(hook_seen.calls, 4);

    mem_region_unref(ram);
    mem_region_unref(rom);
    mem_view_free(v);
}

static void test_shared_region(void **state)
{
    (void)state;
    struct mem_view *app = mem_view_new("app");
    struct mem_view *rt = mem_view_new("rt");
    struct mem_region *shared = mem_region_new_ram("shared", 0x4000);
    assert_int_equal(mem_view_map(app, 0x80000000, shared, 0, 0x4000), 0);
    assert_int_equal(mem_view_map(rt, 0x20000000, shared, 0x1000, 0x3000), 0);
    mem_region_unref(shared);
    assert_int_equal(shared->refcount, 2);

    assert_int_equal(mem_view_write(app, 0x80001234, 4, 0xabcdef01), MEM_OK);
    uint64_t val = 0;
    assert_int_equal(mem_view_read(rt, 0x20000234, 4, &val), MEM_OK);
    assert_int_equal(val, 0xabcdef01);
    assert_int_equal(mem_view_write(rt, 0x20002ffc, 4, 0x55aa55aa), MEM_OK);
    assert_int_equal(mem_view_read(app, 0x80003ffc, 4, &val), MEM_OK);
    assert_int_equal(val, 0x55aa55aa);
    assert_ptr_equal(mem_view_host_ptr(app, 0x80001000, 1), mem_view_host_ptr(rt, 0x20000000, 1));

    /* The region lives as long as some view maps it. */
    mem_view_free(app);
    assert_int_equal(shared->refcount, 1);
    assert_int_equal(mem_view_read(rt, 0x20000234, 4, &val), MEM_OK);
    assert_int_equal(val, 0xabcdef01);
    mem_view_free(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_region_sizes), cmocka_unit_test(test_ram_rom_access),
        cmocka_unit_test(test_map_errors),   cmocka_unit_test(test_find_edges),
        cmocka_unit_test(test_unmapped),     cmocka_unit_test(test_mmio_dispatch),
        cmocka_unit_test(test_straddle),     cmocka_unit_test(test_overlay),
        cmocka_unit_test(test_code_hook),    cmocka_unit_test(test_shared_region),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
