/* SPDX-License-Identifier: MIT */
/*
 * The guest programs of the target tests: tests/unit/targets/ARCH/exec/
 * NAME.S, assembled at build time with the cross compiler configure found
 * into flat images in the build tree (see ARCH/local.mk). Without that
 * compiler there are no programs and the test skips.
 */
#ifndef MOSAIC_TESTS_TARGET_PROGRAM_H
#define MOSAIC_TESTS_TARGET_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

/* The image @file ("rv64-arith64.bin") of tests/unit/targets/@arch/exec/
 * in the build tree, read whole (caller frees); *@size gets its size.
 * Fails the test if it cannot be read. */
void *program_read(const char *arch, const char *file, size_t *size);

/* When @cc (the cross compiler configure found, "" for none) is empty,
 * print the TAP plan that skips the whole test, saying @wanted is
 * missing, and return true. */
bool program_skip_without(const char *cc, const char *wanted);

#endif
