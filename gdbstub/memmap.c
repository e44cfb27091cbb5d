/* SPDX-License-Identifier: MIT */
/*
 * The qXfer:memory-map document (gdb manual, "Memory Map Format"). gdb
 * reads one map per connection, not one per inferior, and refuses any
 * access outside it, so with the multiprocess extension the map is the
 * union of every cluster's view: an address is listed when some cluster
 * has memory there, as "rom" only when every cluster mapping it sees ROM.
 * Without the extension (one process visible) it is that cluster's view.
 * Devices are listed as RAM: outside the map gdb would not read them.
 */
#include <stdlib.h>

#include "gdbstub/internals.h"

struct span {
    uint64_t first, last; /* inclusive: a mapping may end at 2^64 */
    bool rom;
};

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Every mapping of the clusters the connection shows; NULL on ENOMEM. */
static struct span *collect(struct gdb_conn *c, size_t *n)
{
    struct span *s = NULL;
    struct gdb_mem_range m;
    size_t cap = 0;
    *n = 0;
    for (unsigned cl = 0; cl < c->ncl; cl++) {
        if (!c->multiprocess && (int)cl != c->cur.pid - 1)
            continue;
        for (unsigned i = 0; c->ops->mem_range(c->t, cl, i, &m); i++) {
            if (!m.size)
                continue;
            if (*n == cap) {
                cap = cap ? 2 * cap : 16;
                struct span *ns = realloc(s, cap * sizeof(*s));
                if (!ns) {
                    free(s);
                    return NULL;
                }
                s = ns;
            }
            s[(*n)++] = (struct span){m.base, m.base + (m.size - 1), m.rom};
        }
    }
    return s ? s : calloc(1, sizeof(*s));
}

/* Whether [@p, @q] is covered by @s, and whether only by ROM. */
static bool covered(const struct span *s, size_t n, uint64_t p, bool *rom)
{
    bool any = false;
    *rom = true;
    for (size_t i = 0; i < n; i++)
        if (s[i].first <= p && p <= s[i].last) {
            any = true;
            *rom &= s[i].rom;
        }
    return any;
}

static void emit(struct gdb_buf *b, uint64_t first, uint64_t last, bool rom)
{
    gdb_buf_printf(b, "<memory type=\"%s\" start=\"0x%llx\" length=\"0x%llx\"/>\n",
                   rom ? "rom" : "ram", (unsigned long long)first,
                   (unsigned long long)(last - first + 1));
}

/* Cut the address space at every mapping edge; between two cuts the
 * coverage is constant. Neighbours of the same kind are merged. */
static void emit_union(struct gdb_buf *b, const struct span *s, size_t n, uint64_t *cuts)
{
    size_t ncuts = 0;
    for (size_t i = 0; i < n; i++) {
        cuts[ncuts++] = s[i].first;
        if (s[i].last != UINT64_MAX)
            cuts[ncuts++] = s[i].last + 1;
    }
    qsort(cuts, ncuts, sizeof(*cuts), cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < ncuts; i++)
        if (!u || cuts[i] != cuts[u - 1])
            cuts[u++] = cuts[i];
    bool open = false, open_rom = false;
    uint64_t open_first = 0, open_last = 0;
    for (size_t i = 0; i < u; i++) {
        uint64_t p = cuts[i], q = i + 1 < u ? cuts[i + 1] - 1 : UINT64_MAX;
        bool rom, in = covered(s, n, p, &rom);
        if (open && (!in || rom != open_rom || open_last + 1 != p)) {
            emit(b, open_first, open_last, open_rom);
            open = false;
        }
        if (in && !open) {
            open = true;
            open_first = p;
            open_rom = rom;
        }
        if (in)
            open_last = q;
    }
    if (open)
        emit(b, open_first, open_last, open_rom);
}

void gdb_xml_memory_map(struct gdb_conn *c, struct gdb_buf *b)
{
    size_t n;
    struct span *s = collect(c, &n);
    uint64_t *cuts = s ? malloc((2 * n + 1) * sizeof(*cuts)) : NULL;
    if (!cuts) {
        b->failed = true;
        free(s);
        return;
    }
    gdb_buf_puts(b, "<?xml version=\"1.0\"?>\n"
                    "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" "
                    "\"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n<memory-map>\n");
    emit_union(b, s, n, cuts);
    gdb_buf_puts(b, "</memory-map>\n");
    free(cuts);
    free(s);
}
