/* SPDX-License-Identifier: MIT */
/* Helpers shared by the loader unit tests (see testutil.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/common/tmpdir.h"
#include "tests/unit/loaders/testutil.h"

const struct loader_target tu_rv64 = {.elf_machine = LOADER_EM_RISCV,
                                      .elf_class = LOADER_ELFCLASS64,
                                      .cluster_name = "app",
                                      .model_name = "rv64imac"};
const struct loader_target tu_rv32 = {.elf_machine = LOADER_EM_RISCV,
                                      .elf_class = LOADER_ELFCLASS32,
                                      .cluster_name = "rt",
                                      .model_name = "rv32imac"};

static char *tmpdir;
static char *files[64];
static unsigned nfiles;

const char *tu_tmpdir(void)
{
    if (!tmpdir)
        tmpdir = tmpdir_new();
    return tmpdir;
}

const char *tu_write_file(const char *name, const void *data, size_t len)
{
    char *path = tmpdir_write(tu_tmpdir(), name, data, len);

    for (unsigned i = 0; i < nfiles; i++) {
        if (strcmp(files[i], path) == 0) {
            free(path);
            return files[i];
        }
    }
    assert_true(nfiles < sizeof(files) / sizeof(files[0]));
    files[nfiles] = path;
    return files[nfiles++];
}

void tu_cleanup(void)
{
    for (unsigned i = 0; i < nfiles; i++)
        free(files[i]);
    nfiles = 0;
    if (tmpdir)
        tmpdir_remove(tmpdir);
    tmpdir = NULL;
}

static int dev_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    (void)opaque;
    (void)value;
    fail_msg("device read at 0x%llx size %u", (unsigned long long)offset, size);
    return MEM_DEVICE_ERROR;
}

static int dev_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    (void)opaque;
    (void)value;
    fail_msg("device write at 0x%llx size %u", (unsigned long long)offset, size);
    return MEM_DEVICE_ERROR;
}

static const struct mem_region_ops tu_dev_ops = {.read = dev_read, .write = dev_write};

struct tu_board *tu_board_new(void)
{
    struct tu_board *b = calloc(1, sizeof(*b));
    assert_non_null(b);
    b->view = mem_view_new("app");
    b->ram = mem_region_new_ram("ram", TU_RAM_SIZE);
    b->rom = mem_region_new_rom("rom", TU_ROM_SIZE);
    b->dev = mem_region_new_mmio("uart0", TU_DEV_SIZE, &tu_dev_ops, NULL);
    assert_non_null(b->view);
    assert_non_null(b->ram);
    assert_non_null(b->rom);
    assert_non_null(b->dev);
    memset(b->ram->host, 0xaa, TU_RAM_SIZE);
    memset(b->rom->host, 0xbb, TU_ROM_SIZE);
    assert_int_equal(mem_view_map(b->view, TU_RAM_BASE, b->ram, 0, TU_RAM_SIZE), 0);
    assert_int_equal(mem_view_map(b->view, TU_ROM_BASE, b->rom, 0, TU_ROM_SIZE), 0);
    assert_int_equal(mem_view_map(b->view, TU_DEV_BASE, b->dev, 0, TU_DEV_SIZE), 0);
    return b;
}

void tu_board_free(struct tu_board *b)
{
    mem_region_unref(b->ram);
    mem_region_unref(b->rom);
    mem_region_unref(b->dev);
    mem_view_free(b->view);
    free(b);
}

bool tu_board_untouched(const struct tu_board *b)
{
    for (size_t i = 0; i < TU_RAM_SIZE; i++)
        if (b->ram->host[i] != 0xaa)
            return false;
    for (size_t i = 0; i < TU_ROM_SIZE; i++)
        if (b->rom->host[i] != 0xbb)
            return false;
    return true;
}
