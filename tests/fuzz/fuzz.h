/* SPDX-License-Identifier: MIT */
/*
 * What the libFuzzer targets share: a machine realized from a shipped
 * board (made once per process), and a diagnostics sink that drops
 * messages so the fuzzers do not spend their time printing.
 */
#ifndef MOSAIC_TESTS_FUZZ_FUZZ_H
#define MOSAIC_TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "engine/io/diag.h"

struct machine;

/* Register every type (idempotent) and quiet the log's info lines. */
void fuzz_init(void);
/* Shipped board @name, loaded and realized; aborts if it cannot be. */
struct machine *fuzz_machine(const char *name);
/* A sink that drops every message. */
extern const struct diag fuzz_quiet;
/* @data as a NUL-terminated string (malloc'd; NULs inside become ' '). */
char *fuzz_string(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
