/* SPDX-License-Identifier: MIT */
/*
 * Memory commands: x (words, bytes, or instructions) and info mtree. Memory
 * is read through the current cluster's view exactly as its CPUs see it,
 * but never from a device: a read can have side effects (a UART loses a
 * received character). Instructions are decoded only by the target's own
 * disassembler (the disas hook of its target_ops), so the monitor knows no
 * architecture by name.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/internals.h"

/* x reads at most this much at once: a dump is for reading, not copying. */
#define MONITOR_X_MAX_BYTES 65536u
/* Longest instruction of any architecture (x86: 15 bytes, SDM vol. 2 2.3.11). */
#define MONITOR_INSN_MAX 16u

int mon_addr_digits(const struct cluster *c)
{
    return c->model_def && c->model_def->elf_class == 1 ? 8 : 16;
}

static void print_view(FILE *f, const void *view)
{
    mem_view_print(f, view);
}

int mon_cmd_info_mtree(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    for (unsigned i = 0; i < ctx->m->nclusters; i++) {
        const struct cluster *c = ctx->m->clusters[i];
        monitor_printf(ctx->out, "%s (p%u, %s %s):\n", mon_path(&c->obj, path), c->index + 1,
                       c->target->arch, c->model_def ? c->model_def->name : "");
        if (!c->view->nmaps)
            monitor_printf(ctx->out, "  (nothing mapped)\n");
        int err = mon_print_stream(ctx, print_view, c->view);
        if (err)
            return err;
    }
    return 0;
}

/* A symbol of an image loaded into @c (several clusters may have a "main"). */
static bool find_symbol(const struct machine *m, const struct cluster *c, const char *name,
                        gaddr *addr)
{
    for (unsigned i = m->nsymbols; i-- > 0;)
        if ((!m->symbols[i].cluster || m->symbols[i].cluster == c) &&
            !strcmp(m->symbols[i].name, name)) {
            *addr = m->symbols[i].value;
            return true;
        }
    return false;
}

int mon_parse_address(struct monitor_ctx *ctx, const struct cluster *c, const char *text,
                      gaddr *addr)
{
    uint64_t v;
    if (!parse_u64(text, &v, false)) {
        *addr = v;
        return 0;
    }
    if (find_symbol(ctx->m, c, text, addr))
        return 0;
    return mon_error(ctx, -EINVAL, "'%s' is neither an address nor a symbol", text);
}

struct x_format {
    unsigned count;
    char kind; /* 'x' words, 'b' bytes, 'i' instructions */
};

static int parse_x_format(struct monitor_ctx *ctx, struct x_format *f)
{
    const char *p = ctx->fmt;
    f->count = 1;
    f->kind = 'x';
    if (isdigit((unsigned char)*p)) {
        char *end;
        unsigned long n = strtoul(p, &end, 10);
        if (!n || n > MONITOR_X_MAX_BYTES)
            return mon_error(ctx, -EINVAL, "bad count in '/%s' (1 to %u)", ctx->fmt,
                             MONITOR_X_MAX_BYTES);
        f->count = (unsigned)n;
        p = end;
    }
    if (*p && strchr("xbi", *p))
        f->kind = *p++;
    if (*p)
        return mon_error(ctx, -EINVAL, "bad format '/%s' (N then x, b or i: x/4x 0x80000000)",
                         ctx->fmt);
    return 0;
}

/* Guest memory is little-endian on every supported architecture. */
static uint32_t load_le(const uint8_t *p, unsigned size)
{
    uint32_t v = 0;
    while (size--)
        v = v << 8 | p[size];
    return v;
}

static int report_unreadable(struct monitor_ctx *ctx, gaddr addr, int res)
{
    return mon_error(ctx, -EFAULT, "cannot read 0x%0*" PRIx64 ": %s", mon_addr_digits(ctx->cluster),
                     addr,
                     res == MEM_DEVICE_ERROR ? "a device is there (the monitor never reads devices)"
                                             : "nothing is mapped there");
}

/* Words or bytes, gdb-style: an address, then 4 words or 8 bytes a line. */
static void dump_units(struct monitor_ctx *ctx, gaddr addr, const uint8_t *buf, size_t n,
                       unsigned size)
{
    unsigned per_line = size == 4 ? 4 : 8;
    for (size_t i = 0; i < n; i += per_line) {
        char line[MONITOR_TEXT_MAX];
        int pos = snprintf(line, sizeof(line), "0x%0*" PRIx64 ":", mon_addr_digits(ctx->cluster),
                           addr + i * size);
        for (size_t k = i; k < n && k < i + per_line; k++)
            pos += snprintf(line + pos, sizeof(line) - (size_t)pos, " 0x%0*" PRIx32, (int)size * 2,
                            load_le(buf + k * size, size));
        monitor_printf(ctx->out, "%s\n", line);
    }
}

/* @count instructions from the @done bytes read; @res says why the read
 * stopped there. The current cluster's first CPU decodes (every CPU of a
 * cluster has the same model). */
static int dump_insns(struct monitor_ctx *ctx, gaddr addr, const uint8_t *buf, size_t done, int res,
                      unsigned count)
{
    const struct cluster *c = ctx->cluster;
    const struct cpu *cpu = c->ncpus ? c->cpus[0] : NULL;
    int digits = mon_addr_digits(c);
    size_t off = 0;
    if (!cpu || !cpu->target->disas)
        return mon_error(ctx, -ENOTSUP, "no disassembler for %s", c->target->arch);
    for (unsigned i = 0; i < count; i++) {
        char text[MONITOR_TEXT_MAX];
        unsigned len = off < done ? cpu->target->disas(cpu, addr + off, buf + off, done - off, text,
                                                       sizeof(text))
                                  : 0;
        if (!len && res != MEM_OK && done - off < MONITOR_INSN_MAX)
            return report_unreadable(ctx, addr + done, res);
        if (!len) {
            monitor_printf(ctx->out, "0x%0*" PRIx64 ":  (bad)\n", digits, addr + off);
            break;
        }
        monitor_printf(ctx->out, "0x%0*" PRIx64 ":  %s\n", digits, addr + off, text);
        off += len;
    }
    return 0;
}

int mon_cmd_x(struct monitor_ctx *ctx)
{
    struct x_format f;
    gaddr addr;
    size_t done;
    if (!ctx->cluster)
        return mon_error(ctx, -ENOENT, "the board has no cluster");
    if (parse_x_format(ctx, &f) || mon_parse_address(ctx, ctx->cluster, ctx->argv[0], &addr))
        return -EINVAL;
    unsigned unit = f.kind == 'x' ? 4 : f.kind == 'b' ? 1 : MONITOR_INSN_MAX;
    if ((uint64_t)f.count * unit > MONITOR_X_MAX_BYTES)
        return mon_error(ctx, -EINVAL, "x reads at most %u bytes at once", MONITOR_X_MAX_BYTES);
    uint8_t *buf = malloc((size_t)f.count * unit);
    if (!buf)
        return mon_error(ctx, -ENOMEM, "out of memory");
    int res = mem_view_read_buf(ctx->cluster->view, addr, buf, (size_t)f.count * unit,
                                MEM_F_NO_MMIO, &done);
    int err = 0;
    if (f.kind == 'i') {
        err = dump_insns(ctx, addr, buf, done, res, f.count);
    } else {
        dump_units(ctx, addr, buf, done / unit, unit);
        if (res != MEM_OK)
            err = report_unreadable(ctx, addr + done / unit * unit, res);
    }
    free(buf);
    return err;
}
