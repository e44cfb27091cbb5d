/* SPDX-License-Identifier: MIT */
/*
 * Shared helpers of the boards tests: engine and device types registered
 * with a stand-in "riscv" target (harts that record their interrupt
 * lines, so devices are tested without running guest code), stderr
 * capture for asserting exact messages, and temporary files.
 */
#ifndef MOSAIC_TESTS_BOARDS_SUPPORT_H
#define MOSAIC_TESTS_BOARDS_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;
struct object;

enum { FAKE_MSIP, FAKE_MTIP, FAKE_MEIP, FAKE_NLINES };
#define FAKE_MAX_CPUS 8

/* Level of each hart's interrupt input, by cpu index in its cluster. */
extern int fake_irq_level[FAKE_MAX_CPUS][FAKE_NLINES];
/* Number of times a hart's input was driven (to see edges, not levels). */
extern unsigned fake_irq_calls;

/* Register engine, stand-in target and device types; point the board
 * search path at the source tree. Safe to call more than once. */
void support_init(void);

/* Redirect stderr into a buffer until support_capture_end() returns it. */
void support_capture_begin(void);
char *support_capture_end(void);

/* A fresh empty directory under $TMPDIR (caller frees the string). */
char *support_tmpdir(void);
/* Write @text to @dir/@name; returns the path (caller frees). */
char *support_write_file(const char *dir, const char *name, const char *text);
/* The whole content of @path (caller frees), or NULL. */
char *support_read_file(const char *path);
/* rm -r of a directory made by support_tmpdir() (files only, one level). */
void support_rmdir(const char *dir);
/* A client connected to the unix socket at @path (fails the test if not). */
int support_unix_connect(const char *path);

/* Load board text (named "test.xml" in messages) with stderr captured;
 * *@err receives the messages (caller frees) when non-NULL. */
struct machine *support_load(const char *xml, char **err);

/* The sysbus region's ops of @path: drive a device without CPUs. */
int support_mmio_read(struct machine *m, const char *path, uint64_t off, unsigned size,
                      uint64_t *value);
int support_mmio_write(struct machine *m, const char *path, uint64_t off, unsigned size,
                       uint64_t value);

#endif
