/* SPDX-License-Identifier: MIT */
/*
 * Private to loaders/: the state of one load, and the shared back half that
 * every format uses. A format parser turns the file into a list of pieces
 * (bytes from the file plus a zero-filled tail); the shared code checks the
 * pieces against the view and each other, and only then writes them.
 */
#ifndef MOSAIC_LOADERS_INTERNALS_H
#define MOSAIC_LOADERS_INTERNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loaders/loader.h"

struct loader_ctx {
    struct mem_view *view;
    const struct loader_target *target;
    const char *path;    /* file name as the user wrote it, for messages */
    const uint8_t *data; /* the whole file */
    size_t size;
    struct load_result *out;
    loader_symbol_fn sym;
    void *opaque;
    const struct diag *diag; /* where errors go (NULL: the log) */
};

/* One contiguous piece of an image: @filesz bytes from @data at @addr,
 * then zeroes up to @memsz. @id names it in messages (ELF program header
 * index, HEX line number). */
struct loader_piece {
    gaddr addr;
    const uint8_t *data;
    uint64_t filesz, memsz;
    unsigned id;
};

/* The formats. Each reports its own errors to c->diag and fills c->out on success. */
int loader_elf(const struct loader_ctx *c);
int loader_ihex(const struct loader_ctx *c);
int loader_raw(const struct loader_ctx *c, gaddr addr);

/*
 * 0 if [@addr, @addr+@size) (which must not wrap) lies in mapped RAM/ROM of
 * the view, possibly across several mappings. Otherwise -ERANGE after
 * reporting "@where: @what [first-last] is outside mapped memory of cluster
 * 'x'" (or that it runs into a device or past the end of memory).
 */
int loader_check_mapped(const struct loader_ctx *c, const char *where, const char *what, gaddr addr,
                        uint64_t size);

/*
 * Sort @p by address and look for two pieces that share a byte. Returns
 * true with *@first and *@second set to indices into the sorted array
 * (*@second starts inside *@first), false when none overlap.
 */
bool loader_find_overlap(struct loader_piece *p, size_t n, size_t *first, size_t *second);

/* Write checked pieces and set out->low/high. 0 or -EIO. */
int loader_write_pieces(const struct loader_ctx *c, const struct loader_piece *p, size_t n);

/* "cluster 'app'" or, with @model, "cluster 'app' (rv64imac)". */
const char *loader_cluster_desc(const struct loader_target *t, bool model, char *buf, size_t len);

#endif
