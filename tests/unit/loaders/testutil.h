/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the loader unit tests: image files in one temporary
 * directory per test program, a small board (RAM, ROM, a device) to load
 * into, and the clusters loads are checked against. Messages are checked
 * with tests/unit/common/capture.h.
 */
#ifndef MOSAIC_TESTS_LOADERS_TESTUTIL_H
#define MOSAIC_TESTS_LOADERS_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/memory/memory.h"
#include "loaders/loader.h"

/* Write @len bytes to a file @name in this program's temporary directory
 * (made on first use); returns its path, valid until tu_cleanup(). */
const char *tu_write_file(const char *name, const void *data, size_t len);
/* The temporary directory itself. */
const char *tu_tmpdir(void);
/* Remove the temporary directory and its files. */
void tu_cleanup(void);

/*
 * A board for loads: RAM [0x80000000, +1 MiB) filled with 0xaa, ROM
 * [0x1000, +4 KiB) filled with 0xbb, a device [0x10000000, +0x100) that
 * fails the test if it is ever accessed, nothing else.
 */
#define TU_RAM_BASE 0x80000000u
#define TU_RAM_SIZE 0x100000u
#define TU_ROM_BASE 0x1000u
#define TU_ROM_SIZE 0x1000u
#define TU_DEV_BASE 0x10000000u
#define TU_DEV_SIZE 0x100u

struct tu_board {
    struct mem_view *view;
    struct mem_region *ram, *rom, *dev;
};

struct tu_board *tu_board_new(void);
void tu_board_free(struct tu_board *b);
/* True if RAM and ROM still hold only their fill bytes. */
bool tu_board_untouched(const struct tu_board *b);

/* The rv64 cluster "app" loads are checked against. */
extern const struct loader_target tu_rv64, tu_rv32;

#endif
