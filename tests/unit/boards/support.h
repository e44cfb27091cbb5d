/* SPDX-License-Identifier: MIT */
/*
 * Shared helpers of the board and device tests: the engine and device
 * types registered with the toy target as "riscv" (tests/unit/common),
 * loading board text with its messages captured, and driving a device
 * through its registers without CPUs.
 */
#ifndef MOSAIC_TESTS_BOARDS_SUPPORT_H
#define MOSAIC_TESTS_BOARDS_SUPPORT_H

#include <stdint.h>

#include "tests/unit/common/capture.h"
#include "tests/unit/common/tmpdir.h"
#include "tests/unit/common/toy.h"

struct machine;

/* Register engine, toy target and device types; point the board search
 * path at the source tree. Safe to call more than once. */
void support_init(void);

/* Load board text (named "test.xml" in messages) with stderr captured;
 * *@err receives the messages (valid until the next capture) when
 * non-NULL. */
struct machine *support_load(const char *xml, const char **err);

/* The sysbus region's ops of @path: drive a device without CPUs. */
int support_mmio_read(struct machine *m, const char *path, uint64_t off, unsigned size,
                      uint64_t *value);
int support_mmio_write(struct machine *m, const char *path, uint64_t off, unsigned size,
                       uint64_t value);

#endif
