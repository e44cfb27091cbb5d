/* SPDX-License-Identifier: MIT */
/*
 * Guest memory: regions (RAM, ROM, device windows) and the per-cluster views
 * that map them at guest addresses. A view is a sorted array of
 * non-overlapping mappings searched by bisection; the CPUs' software TLBs sit
 * in front of it, so this file is the slow path and the path loaders, the
 * debugger and devices take. Every access that finds nothing mapped returns
 * MEM_UNMAPPED for the caller to turn into a guest fault or an error message.
 */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "engine/io/log.h"
#include "engine/memory/memory.h"

/* Largest RAM/ROM region accepted: far above any board, far below what
 * would make offsets or page counts overflow. */
#define MEM_REGION_MAX_SIZE (64ull << 30)

static const char *const mem_kind_names[] = {
    [MEM_RAM] = "ram",
    [MEM_ROM] = "rom",
    [MEM_MMIO] = "mmio",
};

/* Last address of a mapping (inclusive, so a mapping may end at 2^64-1). */
static gaddr map_last(const struct mem_mapping *m)
{
    return m->base + (m->size - 1);
}

/* Bytes of @m from @addr (inside it) to its end; at least 1. */
static uint64_t map_avail(const struct mem_mapping *m, gaddr addr)
{
    return m->size - (addr - m->base);
}

static uint64_t map_offset(const struct mem_mapping *m, gaddr addr)
{
    return m->offset + (addr - m->base);
}

static struct mem_region *region_new(const char *name, enum mem_kind kind, uint64_t size)
{
    if (size == 0) {
        log_error("memory region '%s': size is zero", name);
        return NULL;
    }
    if (kind != MEM_MMIO && size > MEM_REGION_MAX_SIZE) {
        log_error("memory region '%s': size 0x%" PRIx64 " is larger than 64 GiB", name, size);
        return NULL;
    }
    struct mem_region *r = calloc(1, sizeof(*r));
    if (!r)
        goto fail;
    r->name = strdup(name);
    if (!r->name)
        goto fail;
    if (kind != MEM_MMIO) {
        /* Zeroed pages from mmap, not calloc: the kernel's overcommit check
         * refuses what the host cannot back in every build, where a
         * sanitizer's allocator would abort the process on a huge request. */
        void *host = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (host == MAP_FAILED)
            goto fail;
        r->host = host;
    }
    r->kind = kind;
    r->size = size;
    r->refcount = 1;
    return r;
fail:
    log_error("memory region '%s': cannot allocate 0x%" PRIx64 " bytes", name, size);
    if (r)
        free(r->name);
    free(r);
    return NULL;
}

struct mem_region *mem_region_new_ram(const char *name, uint64_t size)
{
    return region_new(name, MEM_RAM, size);
}

struct mem_region *mem_region_new_rom(const char *name, uint64_t size)
{
    return region_new(name, MEM_ROM, size);
}

struct mem_region *mem_region_new_mmio(const char *name, uint64_t size,
                                       const struct mem_region_ops *ops, void *opaque)
{
    assert(ops);
    struct mem_region *r = region_new(name, MEM_MMIO, size);
    if (r) {
        r->ops = ops;
        r->opaque = opaque;
    }
    return r;
}

void mem_region_ref(struct mem_region *r)
{
    r->refcount++;
}

void mem_region_unref(struct mem_region *r)
{
    if (!r)
        return;
    assert(r->refcount > 0);
    if (--r->refcount)
        return;
    free(r->code_pages);
    if (r->host)
        munmap(r->host, r->size);
    free(r->name);
    free(r);
}

struct mem_view *mem_view_new(const char *name)
{
    struct mem_view *v = calloc(1, sizeof(*v));
    if (!v || !(v->name = strdup(name))) {
        log_error("memory view '%s': out of memory", name);
        free(v);
        return NULL;
    }
    return v;
}

void mem_view_free(struct mem_view *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->nmaps; i++)
        mem_region_unref(v->maps[i].region);
    free(v->maps);
    free(v->name);
    free(v);
}

/* Index of the first mapping whose base is above @addr. */
static size_t view_upper_bound(const struct mem_view *v, gaddr addr)
{
    size_t lo = 0, hi = v->nmaps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->maps[mid].base <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const struct mem_mapping *mem_view_find(const struct mem_view *v, gaddr addr)
{
    size_t i = view_upper_bound(v, addr);
    if (i == 0)
        return NULL;
    const struct mem_mapping *m = &v->maps[i - 1];
    return addr <= map_last(m) ? m : NULL;
}

/* Make room for @extra more mappings. */
static int view_reserve(struct mem_view *v, size_t extra)
{
    if (v->nmaps + extra <= v->cap)
        return 0;
    size_t cap = v->cap ? v->cap * 2 : 8;
    while (cap < v->nmaps + extra)
        cap *= 2;
    struct mem_mapping *maps = realloc(v->maps, cap * sizeof(*maps));
    if (!maps) {
        log_error("view %s: out of memory", v->name);
        return -ENOMEM;
    }
    v->maps = maps;
    v->cap = cap;
    return 0;
}

/* Check what a mapping request can check without looking at the view. */
static int map_check_args(const struct mem_view *v, gaddr base, const struct mem_region *r,
                          uint64_t offset, uint64_t size)
{
    if (size == 0) {
        log_error("view %s: mapping of '%s' at " GADDR_FMT " has size 0", v->name, r->name, base);
        return -EINVAL;
    }
    if (offset > r->size || size > r->size - offset) {
        log_error("view %s: mapping of '%s' at " GADDR_FMT ": offset 0x%" PRIx64
                  " + size 0x%" PRIx64 " is beyond the region size 0x%" PRIx64,
                  v->name, r->name, base, offset, size, r->size);
        return -EINVAL;
    }
    if (base + (size - 1) < base) {
        log_error("view %s: mapping of '%s' at " GADDR_FMT " size 0x%" PRIx64
                  " wraps past the end of the address space",
                  v->name, r->name, base, size);
        return -EINVAL;
    }
    return 0;
}

static void log_overlap(const struct mem_view *v, const struct mem_region *r, gaddr base,
                        uint64_t size, const struct mem_mapping *old)
{
    log_error(
        "view %s: '%s' [" GADDR_FMT "-" GADDR_FMT "] overlaps '%s' [" GADDR_FMT "-" GADDR_FMT "]",
        v->name, r->name, base, base + (size - 1), old->region->name, old->base, map_last(old));
}

int mem_view_map(struct mem_view *v, gaddr base, struct mem_region *r, uint64_t offset,
                 uint64_t size)
{
    int err = map_check_args(v, base, r, offset, size);
    if (err)
        return err;
    size_t i = view_upper_bound(v, base);
    const struct mem_mapping *clash = NULL;
    if (i > 0 && map_last(&v->maps[i - 1]) >= base)
        clash = &v->maps[i - 1];
    else if (i < v->nmaps && v->maps[i].base <= base + (size - 1))
        clash = &v->maps[i];
    if (clash) {
        log_overlap(v, r, base, size, clash);
        return -EEXIST;
    }
    err = view_reserve(v, 1);
    if (err)
        return err;
    memmove(&v->maps[i + 1], &v->maps[i], (v->nmaps - i) * sizeof(v->maps[0]));
    v->maps[i] = (struct mem_mapping){.base = base, .size = size, .region = r, .offset = offset};
    v->nmaps++;
    mem_region_ref(r);
    v->generation++;
    return 0;
}

int mem_view_map_overlay(struct mem_view *v, gaddr base, struct mem_region *r, uint64_t offset,
                         uint64_t size)
{
    int err = map_check_args(v, base, r, offset, size);
    if (err)
        return err;
    gaddr last = base + (size - 1);
    size_t i = view_upper_bound(v, base);
    struct mem_mapping *m = i > 0 ? &v->maps[i - 1] : NULL;
    if (!m || map_last(m) < base) {
        log_error("view %s: overlay '%s' [" GADDR_FMT "-" GADDR_FMT "] is not over RAM or ROM:"
                  " nothing is mapped at " GADDR_FMT,
                  v->name, r->name, base, last, base);
        return -EEXIST;
    }
    if (m->region->kind == MEM_MMIO) {
        log_overlap(v, r, base, size, m);
        return -EEXIST;
    }
    if (map_last(m) < last) {
        log_error("view %s: overlay '%s' [" GADDR_FMT "-" GADDR_FMT "] runs past the end of '%s'"
                  " [" GADDR_FMT "-" GADDR_FMT "]",
                  v->name, r->name, base, last, m->region->name, m->base, map_last(m));
        return -EEXIST;
    }
    err = view_reserve(v, 2);
    if (err)
        return err;
    m = &v->maps[i - 1];
    struct mem_mapping old = *m;
    struct mem_mapping pieces[3];
    size_t n = 0;
    if (base > old.base)
        pieces[n++] = (struct mem_mapping){old.base, base - old.base, old.region, old.offset};
    pieces[n++] = (struct mem_mapping){base, size, r, offset};
    if (last < map_last(&old))
        pieces[n++] = (struct mem_mapping){last + 1, map_last(&old) - last, old.region,
                                           map_offset(&old, last + 1)};
    memmove(&v->maps[i - 1 + n], &v->maps[i], (v->nmaps - i) * sizeof(v->maps[0]));
    memcpy(&v->maps[i - 1], pieces, n * sizeof(pieces[0]));
    v->nmaps += n - 1;
    /* The pieces keep one reference each; the mapping they replace had one. */
    mem_region_ref(r);
    for (size_t k = 0; k < n - 1; k++)
        mem_region_ref(old.region);
    mem_region_unref(old.region);
    v->generation++;
    return 0;
}

uint8_t *mem_view_host_ptr(const struct mem_view *v, gaddr addr, uint64_t len)
{
    const struct mem_mapping *m = mem_view_find(v, addr);
    if (!m || m->region->kind == MEM_MMIO || len > map_avail(m, addr))
        return NULL;
    return m->region->host + map_offset(m, addr);
}

/* Tell the region's code watcher that [offset, offset+len) of @r was
 * written, if any page of it holds translated code. */
static void region_code_written(struct mem_region *r, uint64_t offset, uint64_t len)
{
    if (!r->code_pages || !r->code_watcher || len == 0)
        return;
    uint64_t first = offset >> MEM_PAGE_BITS, last = (offset + len - 1) >> MEM_PAGE_BITS;
    for (uint64_t p = first; p <= last; p++)
        if (r->code_pages[p / 8] & (1u << (p % 8))) {
            r->code_watcher->written(r->code_watcher, r, offset, len);
            return;
        }
}

/* Largest naturally aligned device access at @offset for @len bytes. */
static unsigned mmio_piece(const struct mem_region *r, uint64_t offset, uint64_t len)
{
    unsigned max = r->ops->max_access ? r->ops->max_access : 8;
    unsigned n = 8;
    while (n > max || n > len || (offset & (n - 1)))
        n /= 2;
    return n;
}

/*
 * Copy @len bytes between @buf and a device, split into naturally aligned
 * accesses no larger than the device's max_access; the device sees
 * little-endian values, as the guest bus would deliver them.
 */
static int mmio_rw(struct mem_region *r, uint64_t offset, uint8_t *buf, uint64_t len, bool write)
{
    const struct mem_region_ops *ops = r->ops;
    while (len) {
        unsigned n = mmio_piece(r, offset, len);
        uint64_t val = 0;
        int res;
        if (write) {
            for (unsigned i = 0; i < n; i++)
                val |= (uint64_t)buf[i] << (8 * i);
            res = ops->write ? ops->write(r->opaque, offset, n, val) : MEM_DEVICE_ERROR;
        } else {
            res = ops->read ? ops->read(r->opaque, offset, n, &val) : MEM_DEVICE_ERROR;
            for (unsigned i = 0; i < n; i++)
                buf[i] = (uint8_t)(val >> (8 * i));
        }
        if (res != MEM_OK)
            return res;
        buf += n;
        offset += n;
        len -= n;
    }
    return MEM_OK;
}

/* Copy within one mapping: @len is at most what is left of @m at @addr. */
static int map_rw(const struct mem_mapping *m, gaddr addr, uint8_t *buf, uint64_t len,
                  unsigned flags, bool write)
{
    struct mem_region *r = m->region;
    uint64_t off = map_offset(m, addr);
    if (r->kind == MEM_MMIO)
        return (flags & MEM_F_NO_MMIO) ? MEM_DEVICE_ERROR : mmio_rw(r, off, buf, len, write);
    if (!write) {
        memcpy(buf, r->host + off, len);
        return MEM_OK;
    }
    if (r->kind == MEM_ROM && !(flags & MEM_F_LOAD))
        return MEM_READONLY;
    memcpy(r->host + off, buf, len);
    region_code_written(r, off, len);
    return MEM_OK;
}

/* The byte-range copy both directions share. */
static int view_rw(struct mem_view *v, gaddr addr, uint8_t *buf, size_t len, unsigned flags,
                   bool write, size_t *done)
{
    size_t copied = 0;
    int res = MEM_OK;
    while (copied < len) {
        const struct mem_mapping *m = mem_view_find(v, addr);
        if (!m) {
            res = MEM_UNMAPPED;
            break;
        }
        uint64_t avail = map_avail(m, addr);
        uint64_t n = len - copied < avail ? len - copied : avail;
        res = map_rw(m, addr, buf + copied, n, flags, write);
        if (res != MEM_OK)
            break;
        copied += n;
        addr += n;
        if (addr == 0 && copied < len) {
            res = MEM_UNMAPPED; /* ran off the top of the address space */
            break;
        }
    }
    if (done)
        *done = copied;
    return res;
}

int mem_view_read_buf(struct mem_view *v, gaddr addr, void *buf, size_t len, unsigned flags,
                      size_t *done)
{
    return view_rw(v, addr, buf, len, flags, false, done);
}

int mem_view_write_buf(struct mem_view *v, gaddr addr, const void *buf, size_t len, unsigned flags,
                       size_t *done)
{
    /* view_rw only reads from @buf when writing. */
    return view_rw(v, addr, (uint8_t *)(uintptr_t)buf, len, flags, true, done);
}

/*
 * For a guest write that straddles mappings: fail before touching anything
 * if some byte is unmapped or read-only, so the access is all or nothing
 * (device errors aside, which only the device can report).
 */
static int view_check_writable(const struct mem_view *v, gaddr addr, unsigned size)
{
    for (unsigned i = 0; i < size;) {
        if (addr + i < addr)
            return MEM_UNMAPPED;
        const struct mem_mapping *m = mem_view_find(v, addr + i);
        if (!m)
            return MEM_UNMAPPED;
        if (m->region->kind == MEM_ROM)
            return MEM_READONLY;
        uint64_t avail = map_avail(m, addr + i);
        i += avail < size - i ? (unsigned)avail : size - i;
    }
    return MEM_OK;
}

static void assert_access_size(unsigned size)
{
    assert(size == 1 || size == 2 || size == 4 || size == 8);
    (void)size;
}

int mem_view_read(struct mem_view *v, gaddr addr, unsigned size, uint64_t *value)
{
    assert_access_size(size);
    uint8_t b[8] = {0};
    int res;
    const struct mem_mapping *m = mem_view_find(v, addr);
    if (!m)
        return MEM_UNMAPPED;
    if (size <= map_avail(m, addr))
        res = map_rw(m, addr, b, size, 0, false);
    else
        res = view_rw(v, addr, b, size, 0, false, NULL);
    if (res != MEM_OK)
        return res;
    uint64_t val = 0;
    for (unsigned i = 0; i < size; i++)
        val |= (uint64_t)b[i] << (8 * i);
    *value = val;
    return MEM_OK;
}

int mem_view_write(struct mem_view *v, gaddr addr, unsigned size, uint64_t value)
{
    assert_access_size(size);
    uint8_t b[8];
    for (unsigned i = 0; i < size; i++)
        b[i] = (uint8_t)(value >> (8 * i));
    const struct mem_mapping *m = mem_view_find(v, addr);
    if (!m)
        return MEM_UNMAPPED;
    if (size <= map_avail(m, addr))
        return map_rw(m, addr, b, size, 0, true);
    int res = view_check_writable(v, addr, size);
    return res != MEM_OK ? res : view_rw(v, addr, b, size, 0, true, NULL);
}

void mem_view_print(FILE *out, const struct mem_view *v)
{
    for (size_t i = 0; i < v->nmaps; i++) {
        const struct mem_mapping *m = &v->maps[i];
        fprintf(out, "%016" PRIx64 "-%016" PRIx64 " (%s): %s", m->base, map_last(m),
                mem_kind_names[m->region->kind], m->region->name);
        if (m->offset)
            fprintf(out, " (offset 0x%" PRIx64 ")", m->offset);
        fputc('\n', out);
    }
}

void mem_region_mark_code(struct mem_region *r, uint64_t offset, struct mem_code_watcher *w)
{
    assert(r->kind != MEM_MMIO && offset < r->size);
    r->code_watcher = w;
    uint64_t page = offset >> MEM_PAGE_BITS;
    if (!r->code_pages) {
        uint64_t pages = (r->size + MEM_PAGE_SIZE - 1) >> MEM_PAGE_BITS;
        r->code_pages = calloc((pages + 7) / 8, 1);
        if (!r->code_pages) {
            /* Without the bitmap, writes to this code would go unnoticed. */
            log_error("memory region '%s': out of memory for code page tracking", r->name);
            return;
        }
    }
    r->code_pages[page / 8] |= (uint8_t)(1u << (page % 8));
}

void mem_region_unmark_code(struct mem_region *r, uint64_t offset)
{
    if (!r->code_pages || offset >= r->size)
        return;
    uint64_t page = offset >> MEM_PAGE_BITS;
    r->code_pages[page / 8] &= (uint8_t) ~(1u << (page % 8));
}

bool mem_region_has_code(const struct mem_region *r, uint64_t offset)
{
    if (!r->code_pages || offset >= r->size)
        return false;
    uint64_t page = offset >> MEM_PAGE_BITS;
    return r->code_pages[page / 8] & (1u << (page % 8));
}
