/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the memory and loader unit tests: temporary files, a
 * capture of stderr so tests can assert on the exact messages users see,
 * and a small board (RAM, ROM, a device) to load into.
 */
#ifndef MOSAIC_TESTS_LOADERS_TESTUTIL_H
#define MOSAIC_TESTS_LOADERS_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/memory/memory.h"
#include "loaders/loader.h"

/* Write @len bytes to a file @name in this process's temporary directory;
 * returns its path (valid until tu_cleanup). */
const char *tu_write_file(const char *name, const void *data, size_t len);
/* The temporary directory itself (created on first use). */
const char *tu_tmpdir(void);
/* Remove the temporary files and directory. */
void tu_cleanup(void);

/* Send stderr to a file between these two calls; tu_capture_end returns
 * what was written (static buffer, overwritten by the next capture). */
void tu_capture_begin(void);
const char *tu_capture_end(void);
/* Send stderr to /dev/null (for runs that are expected to be noisy). */
void tu_silence_begin(void);
void tu_silence_end(void);

/* Fail unless @log contains the line "...error: <message>\n". */
void tu_assert_error(const char *log, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Same for a warning. */
void tu_assert_warning(const char *log, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

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
