/* SPDX-License-Identifier: MIT */
/*
 * Intel HEX images, as in Intel's "Hexadecimal Object File Format
 * Specification" rev. A (1988): ':' LL AAAA TT DD... CC records, one per
 * line. Types 00 data, 01 end of file, 02 extended segment address,
 * 03 start segment address (CS:IP), 04 extended linear address, 05 start
 * linear address. Every line is checked (digits, byte count, checksum,
 * record length) and every data record against the view before anything is
 * written; errors name the file and line.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/diag.h"
#include "loaders/internals.h"

/* Byte count (1) + address (2) + type (1) + checksum (1). */
#define IHEX_OVERHEAD 5
#define IHEX_MAX_RECORD (255 + IHEX_OVERHEAD)

struct ihex_state {
    const struct loader_ctx *c;
    unsigned line;
    uint32_t base;  /* from the last 02 or 04 record */
    bool segmented; /* the last of them was 02 */
    bool eof;
    uint8_t *bytes; /* decoded data; sized so it never moves */
    size_t nbytes;
    struct loader_piece *pieces;
    size_t npieces, cap;
};

struct ihex_record {
    unsigned type, len;
    uint16_t offset;
    const uint8_t *data;
};

static void ihex_error(const struct ihex_state *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void ihex_error(const struct ihex_state *s, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_error(s->c->diag, "%s:%u: %s", s->c->path, s->line, msg);
}

static uint32_t be(const uint8_t *p, unsigned n)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* Append @n bytes at @addr, growing the previous piece when contiguous. */
static int ihex_add_piece(struct ihex_state *s, gaddr addr, const uint8_t *data, unsigned n)
{
    char where[300];
    snprintf(where, sizeof(where), "%s:%u", s->c->path, s->line);
    int err = loader_check_mapped(s->c, where, "data", addr, n);
    if (err)
        return err;
    uint8_t *dst = s->bytes + s->nbytes;
    memcpy(dst, data, n);
    s->nbytes += n;
    struct loader_piece *prev = s->npieces ? &s->pieces[s->npieces - 1] : NULL;
    if (prev && prev->data + prev->filesz == dst && prev->addr + prev->filesz == addr) {
        prev->filesz += n;
        prev->memsz += n;
        return 0;
    }
    if (s->npieces == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        struct loader_piece *p = realloc(s->pieces, cap * sizeof(*p));
        if (!p) {
            ihex_error(s, "out of memory");
            return -ENOMEM;
        }
        s->pieces = p;
        s->cap = cap;
    }
    s->pieces[s->npieces++] =
        (struct loader_piece){.addr = addr, .data = dst, .filesz = n, .memsz = n, .id = s->line};
    return 0;
}

/*
 * Data record. Linear addresses are (LBA + offset + index) mod 4G; segment
 * addresses are SBA + ((offset + index) mod 64K). Either way a record may
 * wrap once, giving two pieces.
 */
static int ihex_data(struct ihex_state *s, const struct ihex_record *r)
{
    if (r->len == 0)
        return 0;
    uint64_t span = s->segmented ? 0x10000 : 0x100000000;
    uint64_t origin = s->segmented ? s->base : 0;
    uint64_t pos = s->segmented ? r->offset : (uint32_t)(s->base + r->offset);
    unsigned first = span - pos < r->len ? (unsigned)(span - pos) : r->len;
    int err = ihex_add_piece(s, origin + pos, r->data, first);
    if (!err && first < r->len)
        err = ihex_add_piece(s, origin, r->data + first, r->len - first);
    return err;
}

static int ihex_eof(struct ihex_state *s, const struct ihex_record *r)
{
    (void)r;
    s->eof = true;
    return 0;
}

static int ihex_ext_segment(struct ihex_state *s, const struct ihex_record *r)
{
    s->base = be(r->data, 2) << 4;
    s->segmented = true;
    return 0;
}

static int ihex_start_segment(struct ihex_state *s, const struct ihex_record *r)
{
    s->c->out->entry = (gaddr)be(r->data, 2) * 16 + be(r->data + 2, 2);
    s->c->out->has_entry = true;
    return 0;
}

static int ihex_ext_linear(struct ihex_state *s, const struct ihex_record *r)
{
    s->base = be(r->data, 2) << 16;
    s->segmented = false;
    return 0;
}

static int ihex_start_linear(struct ihex_state *s, const struct ihex_record *r)
{
    s->c->out->entry = be(r->data, 4);
    s->c->out->has_entry = true;
    return 0;
}

static const struct {
    int (*fn)(struct ihex_state *s, const struct ihex_record *r);
    int len; /* data bytes the record must have; -1: any */
    const char *name;
} ihex_types[] = {
    {ihex_data, -1, "data"},
    {ihex_eof, 0, "end-of-file"},
    {ihex_ext_segment, 2, "extended segment address"},
    {ihex_start_segment, 4, "start segment address"},
    {ihex_ext_linear, 2, "extended linear address"},
    {ihex_start_linear, 4, "start linear address"},
};

static int hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Check the characters of a record and decode its bytes into @b. */
static int ihex_decode(const struct ihex_state *s, const char *p, size_t n, uint8_t *b, size_t *nb)
{
    if (p[0] != ':') {
        ihex_error(s, "a record must start with ':'");
        return -EINVAL;
    }
    for (size_t i = 1; i < n; i++) {
        if (hex_digit(p[i]) >= 0)
            continue;
        if (p[i] > 0x20 && p[i] < 0x7f)
            ihex_error(s, "bad hex digit '%c' in column %zu", p[i], i + 1);
        else
            ihex_error(s, "bad hex digit 0x%02x in column %zu", (unsigned char)p[i], i + 1);
        return -EINVAL;
    }
    if ((n - 1) % 2) {
        ihex_error(s, "odd number of hex digits (%zu)", n - 1);
        return -EINVAL;
    }
    *nb = (n - 1) / 2;
    if (*nb < IHEX_OVERHEAD) {
        ihex_error(s, "record too short: %zu bytes, a record has at least %u", *nb, IHEX_OVERHEAD);
        return -EINVAL;
    }
    unsigned count = (unsigned)(hex_digit(p[1]) << 4 | hex_digit(p[2]));
    if (*nb != count + IHEX_OVERHEAD) {
        ihex_error(s, "byte count 0x%02x does not match the %zu data bytes on the line", count,
                   *nb - IHEX_OVERHEAD);
        return -EINVAL;
    }
    for (size_t i = 0; i < *nb; i++)
        b[i] = (uint8_t)(hex_digit(p[1 + 2 * i]) << 4 | hex_digit(p[2 + 2 * i]));
    return 0;
}

/* One line: blank, or a record to check and apply. */
static int ihex_line(struct ihex_state *s, const char *p, size_t n)
{
    while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    if (n == 0)
        return 0;
    uint8_t b[IHEX_MAX_RECORD];
    size_t nb;
    int err = ihex_decode(s, p, n, b, &nb);
    if (err)
        return err;
    uint8_t sum = 0;
    for (size_t i = 0; i + 1 < nb; i++)
        sum += b[i];
    if ((uint8_t)(sum + b[nb - 1]) != 0) {
        ihex_error(s, "checksum mismatch (expected 0x%02x, got 0x%02x)", (uint8_t)-sum, b[nb - 1]);
        return -EINVAL;
    }
    struct ihex_record r = {
        .type = b[3], .len = b[0], .offset = (uint16_t)be(b + 1, 2), .data = b + 4};
    if (r.type >= sizeof(ihex_types) / sizeof(ihex_types[0])) {
        ihex_error(s, "unknown record type 0x%02x", r.type);
        return -EINVAL;
    }
    if (ihex_types[r.type].len >= 0 && r.len != (unsigned)ihex_types[r.type].len) {
        ihex_error(s, "%s record (type %02x) needs %d data bytes, has %u", ihex_types[r.type].name,
                   r.type, ihex_types[r.type].len, r.len);
        return -EINVAL;
    }
    return ihex_types[r.type].fn(s, &r);
}

static bool is_blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            return false;
    return true;
}

/* Parse every line; after the end-of-file record only blank lines belong. */
static int ihex_parse(struct ihex_state *s)
{
    const char *p = (const char *)s->c->data, *end = p + s->c->size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        s->line++;
        if (s->eof && !is_blank(p, (size_t)(eol - p))) {
            diag_warn(s->c->diag, "%s:%u: text after the end-of-file record is ignored", s->c->path,
                      s->line);
            return 0;
        }
        int err = s->eof ? 0 : ihex_line(s, p, (size_t)(eol - p));
        if (err)
            return err;
        p = nl ? nl + 1 : end;
    }
    if (!s->eof) {
        diag_error(s->c->diag, "%s:%u: the file ends without an end-of-file record (:00000001FF)",
                   s->c->path, s->line ? s->line : 1);
        return -EINVAL;
    }
    return 0;
}

static int ihex_check_and_write(struct ihex_state *s)
{
    const struct loader_ctx *c = s->c;
    size_t a, b;
    if (s->npieces == 0) {
        diag_error(c->diag, "%s: no data records: nothing to load", c->path);
        return -EINVAL;
    }
    if (loader_find_overlap(s->pieces, s->npieces, &a, &b)) {
        diag_error(c->diag,
                   "%s:%u: data at " GADDR_FMT " overlaps the data block starting at line %u",
                   c->path, s->pieces[b].id, s->pieces[b].addr, s->pieces[a].id);
        return -EINVAL;
    }
    return loader_write_pieces(c, s->pieces, s->npieces);
}

int loader_ihex(const struct loader_ctx *c)
{
    struct ihex_state s = {.c = c};
    /* Two hex digits per byte: the data can never outgrow half the file. */
    s.bytes = malloc(c->size / 2 + 1);
    if (!s.bytes) {
        diag_error(c->diag, "%s: out of memory", c->path);
        return -ENOMEM;
    }
    int err = ihex_parse(&s);
    if (!err)
        err = ihex_check_and_write(&s);
    free(s.pieces);
    free(s.bytes);
    return err;
}
