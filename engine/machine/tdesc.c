/* SPDX-License-Identifier: MIT */
/*
 * Target description files (gdb's XML format, "Target Descriptions"
 * appendix of the gdb manual) parsed with expat into the register list,
 * following <xi:include href=...> within the same directory. Each register
 * is bound to the target's accessor of the same name.
 */
#include <errno.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/accel/accel.h"
#include "engine/io/log.h"
#include "engine/machine/target.h"
#include "engine/machine/tdesc.h"

#define TDESC_MAX_FILES 16
#define TDESC_MAX_BYTES (1u << 20)

struct parse_state {
    struct tdesc *t;
    const char *dir;
    const char *path; /* file being parsed, for messages */
    XML_Parser parser;
    char *feature; /* current <feature name> */
    bool in_architecture;
    unsigned next_regnum;
    int err;
    unsigned depth; /* include nesting */
};

static int parse_file(struct parse_state *st, const char *file, const char *annex);

static const char *attr(const char **atts, const char *name)
{
    for (unsigned i = 0; atts[i]; i += 2)
        if (!strcmp(atts[i], name))
            return atts[i + 1];
    return NULL;
}

static void fail(struct parse_state *st, const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof(msg), fmt, arg);
    log_error("%s:%lu: %s", st->path, (unsigned long)XML_GetCurrentLineNumber(st->parser), msg);
    st->err = -EINVAL;
    XML_StopParser(st->parser, XML_FALSE);
}

static void add_reg(struct parse_state *st, const char **atts)
{
    const char *name = attr(atts, "name"), *bits = attr(atts, "bitsize");
    const char *num = attr(atts, "regnum");
    uint64_t bitsize, regnum = st->next_regnum;
    if (!name || !bits) {
        fail(st, "<reg> needs name and bitsize%s", "");
        return;
    }
    if (parse_u64(bits, &bitsize, false) || !bitsize || bitsize > 512 || bitsize % 8) {
        fail(st, "bad bitsize '%s'", bits);
        return;
    }
    if (num && (parse_u64(num, &regnum, false) || regnum > 4096)) {
        fail(st, "bad regnum '%s'", num);
        return;
    }
    struct tdesc *t = st->t;
    struct tdesc_reg *r = realloc(t->regs, (t->nregs + 1) * sizeof(*r));
    if (!r) {
        st->err = -ENOMEM;
        XML_StopParser(st->parser, XML_FALSE);
        return;
    }
    t->regs = r;
    r = &t->regs[t->nregs++];
    memset(r, 0, sizeof(*r));
    r->name = strdup(name);
    r->regnum = (unsigned)regnum;
    r->bitsize = (unsigned)bitsize;
    r->type = strdup(attr(atts, "type") ? attr(atts, "type") : "int");
    r->group = attr(atts, "group") ? strdup(attr(atts, "group")) : NULL;
    r->feature = strdup(st->feature ? st->feature : "");
    st->next_regnum = (unsigned)regnum + 1;
}

static void on_start(void *data, const char *el, const char **atts)
{
    struct parse_state *st = data;
    if (st->err)
        return;
    if (!strcmp(el, "architecture")) {
        st->in_architecture = true;
    } else if (!strcmp(el, "feature")) {
        free(st->feature);
        st->feature = attr(atts, "name") ? strdup(attr(atts, "name")) : NULL;
    } else if (!strcmp(el, "reg")) {
        add_reg(st, atts);
    } else if (!strcmp(el, "xi:include")) {
        const char *href = attr(atts, "href");
        if (!href || strchr(href, '/')) {
            fail(st, "<xi:include> needs an href in the same directory ('%s')", href ? href : "");
            return;
        }
        const char *saved = st->path;
        XML_Parser saved_parser = st->parser;
        int err = parse_file(st, href, href);
        st->path = saved;
        st->parser = saved_parser;
        if (err) {
            st->err = err;
            XML_StopParser(st->parser, XML_FALSE);
        }
    }
}

static void on_end(void *data, const char *el)
{
    struct parse_state *st = data;
    if (!strcmp(el, "architecture"))
        st->in_architecture = false;
}

static void on_text(void *data, const char *s, int len)
{
    struct parse_state *st = data;
    struct tdesc *t = st->t;
    if (!st->in_architecture || len <= 0)
        return;
    size_t old = t->architecture ? strlen(t->architecture) : 0;
    char *a = realloc(t->architecture, old + (size_t)len + 1);
    if (!a)
        return;
    memcpy(a + old, s, (size_t)len);
    a[old + (size_t)len] = '\0';
    t->architecture = a;
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(TDESC_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, TDESC_MAX_BYTES + 1, f) : 0;
    fclose(f);
    if (!buf || n > TDESC_MAX_BYTES) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int parse_file(struct parse_state *st, const char *file, const char *annex)
{
    struct tdesc *t = st->t;
    char path[1024];
    size_t len;
    snprintf(path, sizeof(path), "%s/%s", st->dir, file);
    if (++st->depth > 4 || t->nfiles == TDESC_MAX_FILES) {
        log_error("%s: includes nest too deep", path);
        return -ELOOP;
    }
    char *text = read_whole(path, &len);
    if (!text) {
        log_error("%s: cannot read the target description", path);
        return -ENOENT;
    }
    t->files[t->nfiles++] = (struct tdesc_file){strdup(annex), text, len};
    XML_Parser p = XML_ParserCreate(NULL);
    if (!p)
        return -ENOMEM;
    st->parser = p;
    st->path = t->files[t->nfiles - 1].name;
    XML_SetUserData(p, st);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    if (XML_Parse(p, text, (int)len, XML_TRUE) == XML_STATUS_ERROR && !st->err) {
        log_error("%s:%lu: %s", path, (unsigned long)XML_GetCurrentLineNumber(p),
                  XML_ErrorString(XML_GetErrorCode(p)));
        st->err = -EINVAL;
    }
    XML_ParserFree(p);
    st->depth--;
    return st->err;
}

static int cmp_regnum(const void *a, const void *b)
{
    const struct tdesc_reg *x = a, *y = b;
    return (x->regnum > y->regnum) - (x->regnum < y->regnum);
}

static const struct target_reg *find_accessor(const struct target_reg *acc, const char *name)
{
    for (; acc && acc->name; acc++)
        if (!strcmp(acc->name, name))
            return acc;
    return NULL;
}

/* Sort by number, insist on dense numbering, bind accessors. */
static int finish(struct tdesc *t, const char *file, const struct target_reg *accessors)
{
    qsort(t->regs, t->nregs, sizeof(*t->regs), cmp_regnum);
    for (unsigned i = 0; i < t->nregs; i++) {
        struct tdesc_reg *r = &t->regs[i];
        if (r->regnum != i) {
            log_error("%s: register numbers must run from 0 without gaps ('%s' is %u, expected %u)",
                      file, r->name, r->regnum, i);
            return -EINVAL;
        }
        r->acc = find_accessor(accessors, r->name);
        if (!r->acc) {
            log_error("%s: register '%s' has no accessor in the target", file, r->name);
            return -EINVAL;
        }
    }
    return 0;
}

struct tdesc *tdesc_load(const char *dir, const char *file, const struct target_reg *accessors)
{
    struct tdesc *t = calloc(1, sizeof(*t));
    struct parse_state st = {.t = t, .dir = dir};
    if (!t || !(t->files = calloc(TDESC_MAX_FILES, sizeof(*t->files)))) {
        free(t);
        return NULL;
    }
    int err = parse_file(&st, file, "target.xml");
    free(st.feature);
    if (!err)
        err = finish(t, file, accessors);
    if (err) {
        tdesc_free(t);
        return NULL;
    }
    if (t->architecture) { /* trim whitespace around the name */
        char *a = t->architecture;
        size_t n = strspn(a, " \t\r\n");
        memmove(a, a + n, strlen(a + n) + 1);
        for (n = strlen(a); n && strchr(" \t\r\n", a[n - 1]); n--)
            a[n - 1] = '\0';
    }
    return t;
}

void tdesc_free(struct tdesc *t)
{
    if (!t)
        return;
    for (unsigned i = 0; i < t->nregs; i++) {
        free(t->regs[i].name);
        free(t->regs[i].type);
        free(t->regs[i].group);
        free(t->regs[i].feature);
    }
    for (unsigned i = 0; i < t->nfiles; i++) {
        free(t->files[i].name);
        free(t->files[i].text);
    }
    free(t->files);
    free(t->regs);
    free(t->architecture);
    free(t);
}

const struct tdesc_file *tdesc_find_file(const struct tdesc *t, const char *annex)
{
    for (unsigned i = 0; i < t->nfiles; i++)
        if (!strcmp(t->files[i].name, annex))
            return &t->files[i];
    return NULL;
}

const struct tdesc_reg *tdesc_find_reg(const struct tdesc *t, const char *name)
{
    for (unsigned i = 0; i < t->nregs; i++)
        if (!strcmp(t->regs[i].name, name))
            return &t->regs[i];
    return NULL;
}

int tdesc_reg_read(const struct tdesc *t, struct cpu *cpu, unsigned regnum, uint8_t *buf)
{
    if (regnum >= t->nregs)
        return -1;
    const struct tdesc_reg *r = &t->regs[regnum];
    const struct target_reg *a = r->acc;
    unsigned n = r->bitsize / 8;
    uint64_t v = 0;
    memset(buf, 0, n);
    accel_regs_get(cpu);
    if (a->get)
        v = a->get(cpu, a);
    else
        memcpy(&v, (const char *)cpu + a->offset, a->size < 8 ? a->size : 8);
    memcpy(buf, &v, n < 8 ? n : 8);
    return (int)n;
}

int tdesc_reg_write(const struct tdesc *t, struct cpu *cpu, unsigned regnum, const uint8_t *buf)
{
    if (regnum >= t->nregs)
        return -1;
    const struct tdesc_reg *r = &t->regs[regnum];
    const struct target_reg *a = r->acc;
    unsigned n = r->bitsize / 8;
    uint64_t v = 0;
    memcpy(&v, buf, n < 8 ? n : 8);
    accel_regs_get(cpu);
    if (a->set)
        a->set(cpu, a, v);
    else if (!a->get)
        memcpy((char *)cpu + a->offset, &v, a->size < 8 ? a->size : 8);
    accel_regs_put(cpu);
    return (int)n;
}
