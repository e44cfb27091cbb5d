/* SPDX-License-Identifier: MIT */
/*
 * Number and boolean parsing for everything a user types: properties on the
 * command line, in board files and in the monitor. One strict parser so that
 * "0x8000_0000", " 12" or "1KB" are rejected everywhere in the same way
 * instead of being half-read by strtoull. Nothing here logs: callers know
 * which property or file the text came from and word the error.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine/object/object.h"

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/* Skip a 0x / 0b prefix and return the base it selects. */
static unsigned parse_base(const char **s)
{
    const char *p = *s;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        *s = p + 2;
        return 16;
    }
    if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) {
        *s = p + 2;
        return 2;
    }
    return 10;
}

/* Binary shift of a K/M/G/T suffix (powers of 1024), or -1. */
static int suffix_shift(char c)
{
    static const char suffixes[] = "KMGT";
    char upper = (char)toupper((unsigned char)c);
    const char *p = upper ? strchr(suffixes, upper) : NULL;
    return p ? 10 * (int)(p - suffixes + 1) : -1;
}

int parse_u64(const char *s, uint64_t *out, bool allow_suffix)
{
    if (!s)
        return -EINVAL;
    unsigned base = parse_base(&s);
    uint64_t v = 0;
    bool overflow = false;
    const char *start = s;
    for (int d; (d = digit_value(*s)) < (int)base; s++) {
        if (v > (UINT64_MAX - (uint64_t)d) / base)
            overflow = true;
        v = v * base + (uint64_t)d;
    }
    if (s == start)
        return -EINVAL;
    if (allow_suffix && suffix_shift(*s) > 0) {
        int shift = suffix_shift(*s++);
        if (v > UINT64_MAX >> shift)
            overflow = true;
        v <<= shift;
    }
    if (*s)
        return -EINVAL;
    if (overflow)
        return -ERANGE;
    *out = v;
    return 0;
}

int parse_i64(const char *s, int64_t *out)
{
    if (!s)
        return -EINVAL;
    bool negative = *s == '-';
    uint64_t mag;
    int err = parse_u64(s + negative, &mag, false);
    if (err)
        return err;
    /* INT64_MIN's magnitude is one more than INT64_MAX. */
    if (mag > (uint64_t)INT64_MAX + negative)
        return -ERANGE;
    *out = negative ? (int64_t)(0 - mag) : (int64_t)mag;
    return 0;
}

int parse_bool(const char *s, bool *out)
{
    static const struct {
        const char *word;
        bool value;
    } words[] = {
        {"on", true},  {"off", false}, {"true", true}, {"false", false},
        {"yes", true}, {"no", false},  {"1", true},    {"0", false},
    };
    for (size_t i = 0; s && i < sizeof(words) / sizeof(words[0]); i++)
        if (!strcasecmp(s, words[i].word)) {
            *out = words[i].value;
            return 0;
        }
    return -EINVAL;
}

/* Units of durations, largest first. */
static const struct {
    const char *unit;
    uint64_t ns;
} duration_units[] = {{"s", 1000000000u}, {"ms", 1000000u}, {"us", 1000u}, {"ns", 1u}};

int parse_duration(const char *s, uint64_t *ns)
{
    if (!s || !isdigit((unsigned char)*s))
        return -EINVAL;
    uint64_t whole = 0, frac = 0, frac_scale = 1;
    for (; isdigit((unsigned char)*s); s++) {
        if (whole > (UINT64_MAX - 9) / 10)
            return -ERANGE;
        whole = whole * 10 + (uint64_t)(*s - '0');
    }
    if (*s == '.') {
        s++;
        for (; isdigit((unsigned char)*s); s++)
            if (frac_scale < 1000000000u) {
                frac = frac * 10 + (uint64_t)(*s - '0');
                frac_scale *= 10;
            }
    }
    const char *unit = *s ? s : "s"; /* a bare number is seconds */
    for (size_t i = 0; i < sizeof(duration_units) / sizeof(duration_units[0]); i++) {
        if (strcmp(unit, duration_units[i].unit))
            continue;
        uint64_t per = duration_units[i].ns;
        if (whole > UINT64_MAX / per)
            return -ERANGE;
        *ns = whole * per + frac * per / frac_scale;
        return 0;
    }
    return -EINVAL;
}

void format_duration(uint64_t ns, char *buf, size_t len)
{
    for (size_t i = 0; ns && i < sizeof(duration_units) / sizeof(duration_units[0]); i++)
        if (ns % duration_units[i].ns == 0) {
            snprintf(buf, len, "%" PRIu64 "%s", ns / duration_units[i].ns, duration_units[i].unit);
            return;
        }
    snprintf(buf, len, "0");
}
