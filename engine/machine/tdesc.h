/* SPDX-License-Identifier: MIT */
/*
 * Target descriptions: the one register truth. Each CPU model names a gdb
 * target description file in xml/ (with <xi:include> features); it is
 * parsed with expat at start-up into a register list (name, number, size,
 * type, group), and the same file texts are served to gdb through
 * qXfer:features:read. Each register is bound by name to the target's
 * accessor (struct target_reg); a register without one is a start-up error.
 */
#ifndef MOSAIC_TDESC_H
#define MOSAIC_TDESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cpu;
struct target_reg;

struct tdesc_reg {
    char *name;
    unsigned regnum; /* gdb register number (g packet order) */
    unsigned bitsize;
    char *type;                   /* "int", "code_ptr", "data_ptr", ... */
    char *group;                  /* "general", "system", ... or NULL */
    char *feature;                /* name of the feature it belongs to */
    const struct target_reg *acc; /* bound accessor */
};

struct tdesc_file {
    char *name; /* annex: "target.xml" for the main file */
    char *text;
    size_t len;
};

struct tdesc {
    char *architecture;     /* <architecture> contents, e.g. "riscv:rv64" */
    struct tdesc_reg *regs; /* sorted by regnum, numbers dense from 0 */
    unsigned nregs;
    struct tdesc_file *files;
    unsigned nfiles;
};

/*
 * Load @file from directory @dir (following xi:include in the same
 * directory) and bind registers to @accessors (terminated by .name NULL).
 * Returns NULL after logging "file:line: reason" or the unbound register.
 */
struct tdesc *tdesc_load(const char *dir, const char *file, const struct target_reg *accessors);
void tdesc_free(struct tdesc *t);

/* The text gdb asks for with qXfer:features:read:ANNEX, or NULL. */
const struct tdesc_file *tdesc_find_file(const struct tdesc *t, const char *annex);
const struct tdesc_reg *tdesc_find_reg(const struct tdesc *t, const char *name);

/* Read or write register @regnum of @cpu as little-endian bytes of
 * bitsize/8; returns the byte count, or -1 for an unknown register. */
int tdesc_reg_read(const struct tdesc *t, struct cpu *cpu, unsigned regnum, uint8_t *buf);
int tdesc_reg_write(const struct tdesc *t, struct cpu *cpu, unsigned regnum, const uint8_t *buf);

/* Directory of shipped data ("boards", "xml"): the source tree when running
 * from the build tree, else the installed data directory. */
const char *data_dir(void);

#endif
