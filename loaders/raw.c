/* SPDX-License-Identifier: MIT */
/*
 * Raw binary images: the whole file, byte for byte, at the address the user
 * gave ("fw.bin@0x80000000"). The CPUs start at that address.
 */
#include <errno.h>
#include <inttypes.h>

#include "engine/io/diag.h"
#include "loaders/internals.h"

int loader_raw(const struct loader_ctx *c, gaddr addr)
{
    if (c->size == 0) {
        diag_error(c->diag, "%s: file is empty: nothing to load", c->path);
        return -EINVAL;
    }
    if (addr + (c->size - 1) < addr) {
        diag_error(c->diag,
                   "%s: 0x%zx bytes at " GADDR_FMT " run past the end of the address space",
                   c->path, c->size, addr);
        return -ERANGE;
    }
    int err = loader_check_mapped(c, c->path, "image", addr, c->size);
    if (err)
        return err;
    struct loader_piece p = {.addr = addr, .data = c->data, .filesz = c->size, .memsz = c->size};
    err = loader_write_pieces(c, &p, 1);
    if (err)
        return err;
    c->out->entry = addr;
    c->out->has_entry = true;
    return 0;
}
