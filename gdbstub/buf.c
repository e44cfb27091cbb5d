/* SPDX-License-Identifier: MIT */
/*
 * Growable byte buffers the stub builds replies and XML documents in, and
 * the hex encoding the remote protocol uses for numbers, registers and
 * memory. Parsers are strict: gdb's numbers are plain lower- or upper-case
 * hex digits with no prefix, sign or spaces, and anything else is an error
 * for the packet handler to report.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/internals.h"

static bool buf_reserve(struct gdb_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void gdb_buf_reset(struct gdb_buf *b)
{
    b->len = 0;
    b->failed = false;
    if (b->data)
        b->data[0] = '\0';
}

void gdb_buf_free(struct gdb_buf *b)
{
    free(b->data);
    *b = (struct gdb_buf){0};
}

void gdb_buf_add(struct gdb_buf *b, const void *data, size_t len)
{
    if (!buf_reserve(b, len))
        return;
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void gdb_buf_puts(struct gdb_buf *b, const char *s)
{
    gdb_buf_add(b, s, strlen(s));
}

void gdb_buf_printf(struct gdb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void gdb_buf_hex(struct gdb_buf *b, const void *data, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    const uint8_t *p = data;
    if (!buf_reserve(b, 2 * len))
        return;
    for (size_t i = 0; i < len; i++) {
        b->data[b->len++] = digits[p[i] >> 4];
        b->data[b->len++] = digits[p[i] & 15];
    }
    b->data[b->len] = '\0';
}

void gdb_buf_xml(struct gdb_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': gdb_buf_puts(b, "&amp;"); break;
        case '<': gdb_buf_puts(b, "&lt;"); break;
        case '>': gdb_buf_puts(b, "&gt;"); break;
        case '"': gdb_buf_puts(b, "&quot;"); break;
        default: gdb_buf_add(b, s, 1); break;
        }
    }
}

int gdb_hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int gdb_parse_hex(const char **p, uint64_t *v)
{
    const char *s = *p;
    uint64_t x = 0;
    unsigned n = 0;
    for (int d; (d = gdb_hex_digit((unsigned char)*s)) >= 0; s++, n++) {
        if (n == 16)
            return -EINVAL;
        x = x << 4 | (uint64_t)d;
    }
    if (!n)
        return -EINVAL;
    *p = s;
    *v = x;
    return 0;
}

int gdb_hex_decode(const char *hex, size_t len, uint8_t *out)
{
    for (size_t i = 0; i < len; i++) {
        int hi = gdb_hex_digit((unsigned char)hex[2 * i]);
        int lo = hi < 0 ? -1 : gdb_hex_digit((unsigned char)hex[2 * i + 1]);
        if (lo < 0)
            return -EINVAL;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}
