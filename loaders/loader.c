/* SPDX-License-Identifier: MIT */
/*
 * The loaders' front door: split "PATH@ADDR" (the one place that does),
 * read the file, tell ELF, Intel HEX and raw binaries apart by their
 * content, and hand over to the format. Also the shared back half every
 * format ends in: check that the image's pieces land in mapped RAM/ROM and
 * do not overlap, then write them through the cluster's view.
 */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/io/diag.h"
#include "engine/io/file.h"
#include "engine/object/object.h"
#include "loaders/internals.h"

const char *loader_cluster_desc(const struct loader_target *t, bool model, char *buf, size_t len)
{
    const char *name = t->cluster_name ? t->cluster_name : "?";
    if (model && t->model_name)
        snprintf(buf, len, "cluster '%s' (%s)", name, t->model_name);
    else
        snprintf(buf, len, "cluster '%s'", name);
    return buf;
}

int loader_check_mapped(const struct loader_ctx *c, const char *where, const char *what, gaddr addr,
                        uint64_t size)
{
    gaddr last = addr + (size - 1);
    char cl[128];
    loader_cluster_desc(c->target, false, cl, sizeof(cl));
    for (gaddr a = addr;;) {
        const struct mem_mapping *m = mem_view_find(c->view, a);
        if (!m && a == addr) {
            diag_error(c->diag,
                       "%s: %s [" GADDR_FMT "-" GADDR_FMT "] is outside mapped memory of %s", where,
                       what, addr, last, cl);
            return -ERANGE;
        }
        if (!m) {
            diag_error(c->diag,
                       "%s: %s [" GADDR_FMT "-" GADDR_FMT "] runs past mapped memory of %s"
                       " at " GADDR_FMT,
                       where, what, addr, last, cl, a);
            return -ERANGE;
        }
        gaddr m_last = m->base + (m->size - 1);
        if (m->region->kind == MEM_MMIO) {
            diag_error(c->diag,
                       "%s: %s [" GADDR_FMT "-" GADDR_FMT "] overlaps device '%s' [" GADDR_FMT
                       "-" GADDR_FMT "] of %s",
                       where, what, addr, last, m->region->name, m->base, m_last, cl);
            return -ERANGE;
        }
        if (m_last >= last)
            return 0;
        a = m_last + 1;
    }
}

static int piece_cmp(const void *a, const void *b)
{
    const struct loader_piece *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

bool loader_find_overlap(struct loader_piece *p, size_t n, size_t *first, size_t *second)
{
    qsort(p, n, sizeof(*p), piece_cmp);
    /* Sorted, and disjoint up to i-1: only piece i-1 can reach piece i. */
    for (size_t i = 1; i < n; i++) {
        if (p[i].addr <= p[i - 1].addr + (p[i - 1].memsz - 1)) {
            *first = i - 1;
            *second = i;
            return true;
        }
    }
    return false;
}

int loader_write_pieces(const struct loader_ctx *c, const struct loader_piece *p, size_t n)
{
    static const uint8_t zeroes[4096];
    const unsigned flags = MEM_F_LOAD | MEM_F_NO_MMIO;
    gaddr low = UINT64_MAX, high = 0;
    for (size_t i = 0; i < n; i++) {
        int res = mem_view_write_buf(c->view, p[i].addr, p[i].data, p[i].filesz, flags, NULL);
        for (uint64_t done = p[i].filesz; res == MEM_OK && done < p[i].memsz;) {
            uint64_t k = p[i].memsz - done < sizeof(zeroes) ? p[i].memsz - done : sizeof(zeroes);
            res = mem_view_write_buf(c->view, p[i].addr + done, zeroes, k, flags, NULL);
            done += k;
        }
        if (res != MEM_OK) {
            /* The pieces were checked against the view: this is a bug. */
            diag_error(c->diag, "%s: writing [" GADDR_FMT "-" GADDR_FMT "] failed (%d)", c->path,
                       p[i].addr, p[i].addr + (p[i].memsz - 1), res);
            return -EIO;
        }
        if (p[i].addr < low)
            low = p[i].addr;
        if (p[i].addr + (p[i].memsz - 1) > high)
            high = p[i].addr + (p[i].memsz - 1);
    }
    c->out->low = low;
    c->out->high = high;
    return 0;
}

/* Read the whole of @path into a malloc'd buffer. */
static int file_read(const char *path, uint8_t **data, size_t *size, const struct diag *d)
{
    struct stat st;
    FILE *f = file_open_regular(path, &st, d);
    if (!f)
        return -errno;
    int err = 0;
    if ((uint64_t)st.st_size > LOADER_MAX_FILE_SIZE) {
        err = -EFBIG;
        diag_error(d, "%s: file is larger than 1 GiB", path);
    }
    uint8_t *buf = NULL;
    if (!err) {
        buf = malloc(st.st_size ? (size_t)st.st_size : 1);
        if (!buf) {
            err = -ENOMEM;
            diag_error(d, "%s: out of memory reading 0x%jx bytes", path, (uintmax_t)st.st_size);
        } else if (fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
            err = ferror(f) ? -EIO : -EAGAIN;
            diag_error(d, "%s: %s", path, ferror(f) ? "read error" : "file shrank while reading");
        }
    }
    fclose(f);
    if (err) {
        free(buf);
        return err;
    }
    *data = buf;
    *size = (size_t)st.st_size;
    return 0;
}

static bool has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

static bool is_text(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((p[i] < 0x20 || p[i] > 0x7e) && p[i] != '\n' && p[i] != '\r' && p[i] != '\t')
            return false;
    return true;
}

enum loader_format { FMT_ELF, FMT_IHEX, FMT_RAW };

static enum loader_format detect_format(const char *path, const uint8_t *p, size_t n)
{
    if (n >= 4 && memcmp(p,
                         "\x7f"
                         "ELF",
                         4) == 0)
        return FMT_ELF;
    if (has_suffix(path, ".hex") || has_suffix(path, ".ihex") ||
        (n > 0 && p[0] == ':' && is_text(p, n)))
        return FMT_IHEX;
    return FMT_RAW;
}

/*
 * Split "PATH@ADDR". A spec naming an existing file is taken whole, so
 * paths containing '@' load as they are. On success *@path is malloc'd.
 */
static int spec_parse(const char *spec, char **path, bool *has_addr, gaddr *addr,
                      const struct diag *d)
{
    const char *at = strrchr(spec, '@');
    *has_addr = false;
    if (!at || access(spec, F_OK) == 0) {
        *path = strdup(spec);
    } else {
        uint64_t v;
        if (parse_u64(at + 1, &v, false)) {
            diag_error(d,
                       "%s: bad load address '%s' after '@' (expected a number such as"
                       " 0x80000000)",
                       spec, at + 1);
            return -EINVAL;
        }
        *has_addr = true;
        *addr = v;
        *path = strndup(spec, (size_t)(at - spec));
    }
    if (!*path) {
        diag_error(d, "%s: out of memory", spec);
        return -ENOMEM;
    }
    return 0;
}

static int load_format(const struct loader_ctx *c, bool has_addr, gaddr addr)
{
    enum loader_format fmt = detect_format(c->path, c->data, c->size);
    if (fmt == FMT_RAW) {
        if (!has_addr) {
            diag_error(c->diag,
                       "%s: not an ELF or Intel HEX file, and a raw binary needs a load address:"
                       " write %s@ADDR",
                       c->path, c->path);
            return -EINVAL;
        }
        return loader_raw(c, addr);
    }
    if (has_addr) {
        diag_error(c->diag, "%s: %s files carry their own load addresses: remove '@0x%" PRIx64 "'",
                   c->path, fmt == FMT_ELF ? "ELF" : "Intel HEX", addr);
        return -EINVAL;
    }
    return fmt == FMT_ELF ? loader_elf(c) : loader_ihex(c);
}

/* The CPUs will start at the entry: say so early if nothing is there. */
static void check_entry(const struct loader_ctx *c)
{
    const struct mem_mapping *m = mem_view_find(c->view, c->out->entry);
    if (c->out->has_entry && (!m || m->region->kind == MEM_MMIO)) {
        char cl[128];
        diag_warn(c->diag, "%s: entry point " GADDR_FMT " is not in mapped RAM/ROM of %s", c->path,
                  c->out->entry, loader_cluster_desc(c->target, false, cl, sizeof(cl)));
    }
}

/* out->path: @path made absolute, as gdb reads it back (qXfer:exec-file). */
static int resolve_path(const struct loader_ctx *c)
{
    if (realpath(c->path, c->out->path))
        return 0;
    int err = errno;
    diag_error(c->diag, "%s: %s", c->path, strerror(err));
    return -err;
}

int loader_load(struct mem_view *v, const char *spec, const struct loader_target *t,
                struct load_result *out, loader_symbol_fn sym, void *opaque, const struct diag *d)
{
    assert(v && spec && t && out);
    char *path;
    bool has_addr;
    gaddr addr = 0;
    int err = spec_parse(spec, &path, &has_addr, &addr, d);
    if (err)
        return err;
    struct loader_ctx c = {
        .view = v, .target = t, .path = path, .out = out, .sym = sym, .opaque = opaque, .diag = d};
    uint8_t *data = NULL;
    err = file_read(path, &data, &c.size, d);
    if (!err) {
        c.data = data;
        *out = (struct load_result){0};
        err = resolve_path(&c);
        if (!err)
            err = load_format(&c, has_addr, addr);
        if (!err)
            check_entry(&c);
        free(data);
    }
    free(path);
    return err;
}
