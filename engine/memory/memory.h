/* SPDX-License-Identifier: MIT */
/*
 * Memory: regions hold the bytes or the device behind an address range;
 * views are what one cluster sees at each address. A region can be mapped
 * into several views at different addresses (shared SRAM), and a view may
 * contain private regions (a TCM). Mappings in a view never overlap.
 *
 * Everything that touches guest memory goes through a view: CPUs (through
 * their software TLB in front of it), loaders, the debugger, devices doing
 * DMA. An address where nothing is mapped is an access fault for the caller
 * to report, never a host crash.
 */
#ifndef MOSAIC_MEMORY_H
#define MOSAIC_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A guest physical address. Kept distinct from host pointers by name. */
typedef uint64_t gaddr;

#define GADDR_FMT "0x%08" PRIx64

#define MEM_PAGE_BITS 12
#define MEM_PAGE_SIZE (1u << MEM_PAGE_BITS)
#define MEM_PAGE_MASK (~(gaddr)(MEM_PAGE_SIZE - 1))

enum mem_kind { MEM_RAM, MEM_ROM, MEM_MMIO };

/* Result of an access. */
enum mem_result { MEM_OK = 0, MEM_UNMAPPED = -1, MEM_DEVICE_ERROR = -2, MEM_READONLY = -3 };

/*
 * Device register access. @offset is from the start of the region; @size is
 * 1, 2, 4 or 8 and the access is naturally aligned unless the device says
 * otherwise. Return MEM_OK, or MEM_DEVICE_ERROR for a bus error the guest
 * should see as an access fault.
 */
struct mem_region_ops {
    int (*read)(void *opaque, uint64_t offset, unsigned size, uint64_t *value);
    int (*write)(void *opaque, uint64_t offset, unsigned size, uint64_t value);
    /* Largest access the device handles; larger ones are split. 0 means 8. */
    unsigned max_access;
};

struct mem_region;

/*
 * Told when a write lands on a page of a region that holds translated code
 * (set by whoever marks the page: the machine, for its accelerators).
 */
struct mem_code_watcher {
    void (*written)(struct mem_code_watcher *w, struct mem_region *r, uint64_t offset,
                    uint64_t len);
};

struct mem_region {
    char *name;
    enum mem_kind kind;
    uint64_t size;
    uint8_t *host;                    /* RAM and ROM backing store */
    const struct mem_region_ops *ops; /* MMIO */
    void *opaque;
    /* One bit per page that has translated code; writes there go slow
     * and are reported to code_watcher. */
    uint8_t *code_pages;
    struct mem_code_watcher *code_watcher;
    unsigned refcount;
};

struct mem_mapping {
    gaddr base;
    uint64_t size;
    struct mem_region *region;
    uint64_t offset; /* into the region */
};

struct mem_view {
    char *name;
    struct mem_mapping *maps; /* sorted by base, non-overlapping */
    size_t nmaps, cap;
    unsigned generation; /* bumped on every map change (TLBs flush) */
};

struct mem_region *mem_region_new_ram(const char *name, uint64_t size);
struct mem_region *mem_region_new_rom(const char *name, uint64_t size);
struct mem_region *mem_region_new_mmio(const char *name, uint64_t size,
                                       const struct mem_region_ops *ops, void *opaque);
void mem_region_ref(struct mem_region *r);
void mem_region_unref(struct mem_region *r);

struct mem_view *mem_view_new(const char *name);
void mem_view_free(struct mem_view *v);

/*
 * Map @size bytes of @r starting at @offset at guest address @base.
 * Returns 0, -EINVAL (range outside the region, or wraps) or -EEXIST when it
 * overlaps an existing mapping (the message names both).
 */
int mem_view_map(struct mem_view *v, gaddr base, struct mem_region *r, uint64_t offset,
                 uint64_t size);

/*
 * Map @r over part of an existing RAM/ROM mapping (a device window inside
 * RAM, such as a HTIF tohost word): that mapping is split into the pieces
 * before and after the overlay. -EEXIST when [@base, @base+@size) is not
 * entirely inside one RAM/ROM mapping; -EINVAL as for mem_view_map().
 */
int mem_view_map_overlay(struct mem_view *v, gaddr base, struct mem_region *r, uint64_t offset,
                         uint64_t size);

/* The mapping containing @addr, or NULL. */
const struct mem_mapping *mem_view_find(const struct mem_view *v, gaddr addr);

/*
 * Host pointer for RAM/ROM at @addr valid for @len bytes within one mapping,
 * or NULL (unmapped, MMIO, or the range crosses a mapping end).
 */
uint8_t *mem_view_host_ptr(const struct mem_view *v, gaddr addr, uint64_t len);

/* One guest-sized access (size 1/2/4/8), little-endian; MMIO dispatched.
 * Writes to ROM fail with MEM_READONLY. Writes over translated code
 * invalidate it. */
int mem_view_read(struct mem_view *v, gaddr addr, unsigned size, uint64_t *value);
int mem_view_write(struct mem_view *v, gaddr addr, unsigned size, uint64_t value);

/* Access flags for byte-range copies. */
#define MEM_F_LOAD 0x1    /* a loader or debugger: may write ROM */
#define MEM_F_NO_MMIO 0x2 /* fail instead of touching devices */

/* Copy a byte range (it may span mappings). Returns 0 or a mem_result for
 * the first byte that failed; *@done (if non-NULL) receives the bytes copied. */
int mem_view_read_buf(struct mem_view *v, gaddr addr, void *buf, size_t len, unsigned flags,
                      size_t *done);
int mem_view_write_buf(struct mem_view *v, gaddr addr, const void *buf, size_t len, unsigned flags,
                       size_t *done);

/* Print the view's mappings, one per line ("info mtree"). */
void mem_view_print(FILE *out, const struct mem_view *v);

/* Code page tracking (the engine's translation cache uses these): the
 * page at @offset holds translated code; writes to it are reported to @w
 * (a region belongs to one machine, so it has one watcher). */
void mem_region_mark_code(struct mem_region *r, uint64_t offset, struct mem_code_watcher *w);
bool mem_region_has_code(const struct mem_region *r, uint64_t offset);
/* The page at @offset holds no translated code any more. */
void mem_region_unmark_code(struct mem_region *r, uint64_t offset);

#endif
