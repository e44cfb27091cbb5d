/* SPDX-License-Identifier: MIT */
/*
 * A small board for the monitor tests, on the toy target of
 * tests/unit/common registered as "fake" (model fake32, so addresses have
 * 8 digits; it runs and disassembles the toy ISA): clusters "app" (2 CPUs)
 * and "rt" (1 CPU, held off at reset), 64 KiB of RAM at 0x10000 and a
 * device at 0x20000 that counts the reads it gets.
 */
#ifndef MOSAIC_TESTS_MONITOR_FAKE_BOARD_H
#define MOSAIC_TESTS_MONITOR_FAKE_BOARD_H

#include <stddef.h>

#include "engine/machine/machine.h"
#include "tests/unit/common/toy.h"

/* Reads the device at 0x20000 got. */
extern unsigned fake_device_reads;

/* The board, realized and reset; NULL on failure. */
struct machine *fake_board_new(void);

/* Output collected from the monitor (a struct monitor_out writes here). */
struct out_buf {
    char *text;
    size_t len;
};
void out_buf_write(void *opaque, const char *text);

#endif
