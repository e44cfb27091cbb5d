/* SPDX-License-Identifier: MIT */
/*
 * A small board for the monitor tests, built on a fake target so no real
 * ISA is needed: clusters "app" (2 CPUs) and "rt" (1 CPU, held off at
 * reset), 64 KiB of RAM at 0x10000 and a device at 0x20000 that counts
 * the reads it gets. The fake target "disassembles" each 32-bit word as
 * "fake 0x<word>" and rejects 0xffffffff as invalid.
 */
#ifndef MOSAIC_TESTS_MONITOR_FAKE_BOARD_H
#define MOSAIC_TESTS_MONITOR_FAKE_BOARD_H

#include <stddef.h>

#include "engine/machine/machine.h"

struct fake_cpu {
    struct cpu cpu;
    uint64_t pc;
};

/* Reads the device at 0x20000 got. */
extern unsigned fake_device_reads;

/* Register the fake target again as @arch, without its disassembler. */
void fake_register_arch(const char *arch);

/* The board, realized and reset; NULL on failure. */
struct machine *fake_board_new(void);

/* Output collected from the monitor (a struct monitor_out writes here). */
struct out_buf {
    char *text;
    size_t len;
};
void out_buf_write(void *opaque, const char *text);

#endif
