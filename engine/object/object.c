/* SPDX-License-Identifier: MIT */
/*
 * The object model: a registry of types (each with a parent type), the
 * object tree with its paths, and typed properties. Property values live in
 * the instance structs at the offsets the types declare; this file is the
 * only code that parses, formats, checks and frees them, so every way of
 * configuring a board (-set, board files, the monitor) gets the same rules
 * and the same error messages, and those messages always list what exists.
 */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/diag.h"
#include "engine/io/log.h"
#include "engine/object/object.h"

#define OBJECT_PATH_MAX 256
#define OBJECT_VALUE_MAX 512
#define TYPE_DEPTH_MAX 16

/* ---- helpers for messages that list names ------------------------------ */

/* "a, b, c" that ends in "..." rather than overflowing. */
struct name_list {
    char text[512];
    size_t len;
    bool full;
};

static void name_list_add(struct name_list *l, const char *name)
{
    static const char more[] = ", ...";
    const char *sep = l->len ? ", " : "";
    if (l->full)
        return;
    if (l->len + strlen(sep) + strlen(name) + sizeof(more) > sizeof(l->text)) {
        strcpy(l->text + l->len, l->len ? more : more + 2);
        l->full = true;
        return;
    }
    l->len += (size_t)sprintf(l->text + l->len, "%s%s", sep, name);
}

/* ---- type registry ----------------------------------------------------- */

/* Registered types, kept sorted by name. */
static const struct object_type **types;
static size_t ntypes, types_cap;

const struct object_type *object_type_find(const char *name)
{
    for (size_t i = 0; name && i < ntypes; i++)
        if (!strcmp(types[i]->name, name))
            return types[i];
    return NULL;
}

static const struct object_type *type_parent(const struct object_type *type)
{
    return type->parent ? object_type_find(type->parent) : NULL;
}

static size_t type_depth(const struct object_type *type)
{
    size_t n = 0;
    for (const struct object_type *t = type; t; t = type_parent(t))
        n++;
    return n;
}

/* Fill @chain with @type and its ancestors, root first; returns how many. */
static size_t type_chain(const struct object_type *type, const struct object_type **chain)
{
    size_t n = type_depth(type);
    assert(n <= TYPE_DEPTH_MAX); /* object_type_register refuses deeper types */
    size_t i = n;
    for (const struct object_type *t = type; t; t = type_parent(t))
        chain[--i] = t;
    return n;
}

static bool prop_is_unsigned(const struct prop_def *def)
{
    return def->type == PROP_UINT || def->type == PROP_SIZE || def->type == PROP_DURATION;
}

static int type_check(const struct object_type *type)
{
    const struct object_type *parent = type_parent(type);
    if (type->parent && !parent) {
        log_error("type '%s': parent type '%s' is not registered", type->name, type->parent);
        return -ENOENT;
    }
    if (!type->parent && strcmp(type->name, "object")) {
        log_error("type '%s' has no parent type", type->name);
        return -EINVAL;
    }
    if (type->instance_size < (parent ? parent->instance_size : sizeof(struct object))) {
        log_error("type '%s': instance size %zu is smaller than its parent's", type->name,
                  type->instance_size);
        return -EINVAL;
    }
    for (const struct prop_def *d = type->props; d && d->name; d++)
        if ((d->min || d->max) && !prop_is_unsigned(d)) {
            log_error("type '%s': property '%s' has bounds but is not unsigned", type->name,
                      d->name);
            return -EINVAL;
        }
    if (parent && type_depth(parent) >= TYPE_DEPTH_MAX) {
        log_error("type '%s': more than %d levels of inheritance", type->name, TYPE_DEPTH_MAX);
        return -EINVAL;
    }
    return 0;
}

int object_type_register(const struct object_type *type)
{
    const struct object_type *old = object_type_find(type->name);
    if (old == type)
        return -EEXIST; /* registering the same type again is harmless */
    if (old) {
        log_error("type '%s' is already registered", type->name);
        return -EEXIST;
    }
    int err = type_check(type);
    if (err)
        return err;
    if (ntypes == types_cap) {
        size_t cap = types_cap ? 2 * types_cap : 32;
        const struct object_type **t = realloc(types, cap * sizeof(*t));
        if (!t) {
            log_error("type '%s': out of memory", type->name);
            return -ENOMEM;
        }
        types = t;
        types_cap = cap;
    }
    size_t i = 0;
    while (i < ntypes && strcmp(types[i]->name, type->name) < 0)
        i++;
    memmove(&types[i + 1], &types[i], (ntypes - i) * sizeof(*types));
    types[i] = type;
    ntypes++;
    return 0;
}

bool object_type_is(const struct object_type *type, const char *name)
{
    for (const struct object_type *t = type; t; t = type_parent(t))
        if (!strcmp(t->name, name))
            return true;
    return false;
}

void object_type_foreach(const char *base, void (*fn)(const struct object_type *, void *),
                         void *opaque)
{
    for (size_t i = 0; i < ntypes; i++)
        if (!base || object_type_is(types[i], base))
            fn(types[i], opaque);
}

static const struct object_type object_base_type = {
    .name = "object",
    .instance_size = sizeof(struct object),
    .help = "the base of every object",
};

static const struct object_type container_type = {
    .name = "container",
    .parent = "object",
    .instance_size = sizeof(struct object),
    .help = "a plain node that groups other objects",
};

void object_init_types(void)
{
    object_type_register(&object_base_type);
    object_type_register(&container_type);
}

/* ---- property kinds: how each type is parsed, formatted and stored ----- */

union prop_value {
    char *s;
    int64_t i;
    uint64_t u;
    bool b;
    int e;
};

struct prop_kind {
    const char *name;
    size_t size; /* of the field in the instance struct */
    /* Parse @text into @v, or report to @d why not (naming the object and property). */
    int (*parse)(const struct object *obj, const struct prop_def *def, const char *text,
                 union prop_value *v, const struct diag *d);
    void (*format)(const struct prop_def *def, const union prop_value *v, char *buf, size_t len);
};

static void prop_error(const struct diag *d, const struct object *obj, const char *prop,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void format_size(const struct prop_def *def, const union prop_value *v, char *buf,
                        size_t len);

/* "PATH.PROP: what is wrong" to @d. */
static void prop_error(const struct diag *d, const struct object *obj, const char *prop,
                       const char *fmt, ...)
{
    char path[OBJECT_PATH_MAX], msg[OBJECT_VALUE_MAX + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_error(d, "%s.%s: %s", object_path(obj, path, sizeof(path)), prop, msg);
}

static int parse_string(const struct object *obj, const struct prop_def *def, const char *text,
                        union prop_value *v, const struct diag *d)
{
    v->s = strdup(text);
    if (!v->s) {
        prop_error(d, obj, def->name, "out of memory");
        return -ENOMEM;
    }
    return 0;
}

static uint64_t prop_max(const struct prop_def *def)
{
    return def->max ? def->max : UINT64_MAX;
}

/* One bound the way the property's values are written ("64", "16G", "10s"). */
static void format_bound(const struct prop_def *def, uint64_t n, char *buf, size_t len)
{
    if (def->type == PROP_SIZE && n != UINT64_MAX)
        format_size(def, &(union prop_value){.u = n}, buf, len);
    else if (def->type == PROP_DURATION)
        format_duration(n, buf, len);
    else
        snprintf(buf, len, "%" PRIu64, n);
}

/* "1 to 64", "at least 1": the values the property accepts. */
static void prop_range_text(const struct prop_def *def, char *buf, size_t len)
{
    char lo[32], hi[32];
    if (!prop_is_unsigned(def)) {
        snprintf(buf, len, "%" PRId64 " to %" PRId64, INT64_MIN, INT64_MAX);
        return;
    }
    format_bound(def, def->min, lo, sizeof(lo));
    format_bound(def, prop_max(def), hi, sizeof(hi));
    if (def->min && prop_max(def) == UINT64_MAX)
        snprintf(buf, len, "at least %s", lo);
    else
        snprintf(buf, len, "%s to %s", lo, hi);
}

static int range_error(const struct object *obj, const struct prop_def *def, const char *text,
                       const struct diag *d)
{
    char range[80];
    prop_range_text(def, range, sizeof(range));
    prop_error(d, obj, def->name, "'%s' is out of range (%s)", text, range);
    return -ERANGE;
}

static int number_error(const struct object *obj, const struct prop_def *def, const char *text,
                        int err, const struct diag *d)
{
    int64_t i;
    /* A negative number for an unsigned property is out of range, not garbage. */
    if (err == -ERANGE || (def->type != PROP_INT && parse_i64(text, &i) == 0))
        return range_error(obj, def, text, d);
    if (def->type == PROP_SIZE)
        prop_error(d, obj, def->name, "'%s' is not a size (a number with an optional K, M, G or T)",
                   text);
    else
        prop_error(d, obj, def->name, "'%s' is not a number", text);
    return -EINVAL;
}

/* The bounds of the property's definition; @text is the value as the user
 * wrote it, for the message. */
static int prop_check_range(const struct object *obj, const struct prop_def *def,
                            const union prop_value *v, const char *text, const struct diag *d)
{
    if (!prop_is_unsigned(def) || (v->u >= def->min && v->u <= prop_max(def)))
        return 0;
    return range_error(obj, def, text, d);
}

static int parse_int(const struct object *obj, const struct prop_def *def, const char *text,
                     union prop_value *v, const struct diag *d)
{
    int err = parse_i64(text, &v->i);
    return err ? number_error(obj, def, text, err, d) : 0;
}

static int parse_uint(const struct object *obj, const struct prop_def *def, const char *text,
                      union prop_value *v, const struct diag *d)
{
    int err = parse_u64(text, &v->u, def->type == PROP_SIZE);
    return err ? number_error(obj, def, text, err, d) : 0;
}

static int parse_boolean(const struct object *obj, const struct prop_def *def, const char *text,
                         union prop_value *v, const struct diag *d)
{
    if (parse_bool(text, &v->b) == 0)
        return 0;
    prop_error(d, obj, def->name, "'%s' is not a boolean (on/off, true/false, yes/no, 1/0)", text);
    return -EINVAL;
}

static int parse_duration_prop(const struct object *obj, const struct prop_def *def,
                               const char *text, union prop_value *v, const struct diag *d)
{
    int err = parse_duration(text, &v->u);
    if (err)
        prop_error(d, obj, def->name, "'%s' is not a duration (e.g. 10s, 0.5s, 250ms, 100us)",
                   text);
    return err;
}

static void enum_choices(const struct prop_def *def, struct name_list *l)
{
    for (const char *const *n = def->enum_names; *n; n++)
        name_list_add(l, *n);
}

static int parse_enum(const struct object *obj, const struct prop_def *def, const char *text,
                      union prop_value *v, const struct diag *d)
{
    assert(def->enum_names);
    for (int i = 0; def->enum_names[i]; i++)
        if (!strcmp(def->enum_names[i], text)) {
            v->e = i;
            return 0;
        }
    struct name_list choices = {0};
    enum_choices(def, &choices);
    prop_error(d, obj, def->name, "'%s' is not a valid choice (choices: %s)", text, choices.text);
    return -EINVAL;
}

static void format_string(const struct prop_def *def, const union prop_value *v, char *buf,
                          size_t len)
{
    (void)def;
    snprintf(buf, len, "%s", v->s ? v->s : "");
}

static void format_int(const struct prop_def *def, const union prop_value *v, char *buf, size_t len)
{
    if (!(def->flags & PROP_HEX))
        snprintf(buf, len, "%" PRId64, v->i);
    else if (v->i < 0)
        snprintf(buf, len, "-0x%" PRIx64, 0 - (uint64_t)v->i);
    else
        snprintf(buf, len, "0x%" PRIx64, (uint64_t)v->i);
}

static void format_uint(const struct prop_def *def, const union prop_value *v, char *buf,
                        size_t len)
{
    snprintf(buf, len, def->flags & PROP_HEX ? "0x%" PRIx64 : "%" PRIu64, v->u);
}

/* Sizes print as "128M" when a suffix is exact, so values read back the way they are written. */
static void format_size(const struct prop_def *def, const union prop_value *v, char *buf,
                        size_t len)
{
    static const char suffixes[] = "TGMK";
    for (int i = 0; v->u && suffixes[i]; i++) {
        unsigned shift = 10 * (4 - (unsigned)i);
        if (!(v->u & ((UINT64_C(1) << shift) - 1))) {
            snprintf(buf, len, "%" PRIu64 "%c", v->u >> shift, suffixes[i]);
            return;
        }
    }
    format_uint(def, v, buf, len);
}

static void format_duration_prop(const struct prop_def *def, const union prop_value *v, char *buf,
                                 size_t len)
{
    (void)def;
    format_duration(v->u, buf, len);
}

static void format_bool(const struct prop_def *def, const union prop_value *v, char *buf,
                        size_t len)
{
    (void)def;
    snprintf(buf, len, "%s", v->b ? "on" : "off");
}

static size_t enum_count(const struct prop_def *def)
{
    size_t n = 0;
    while (def->enum_names[n])
        n++;
    return n;
}

static void format_enum(const struct prop_def *def, const union prop_value *v, char *buf,
                        size_t len)
{
    if (v->e >= 0 && (size_t)v->e < enum_count(def))
        snprintf(buf, len, "%s", def->enum_names[v->e]);
    else
        snprintf(buf, len, "%d", v->e);
}

static const struct prop_kind prop_kinds[] = {
    [PROP_STRING] = {"string", sizeof(char *), parse_string, format_string},
    [PROP_PATH] = {"path", sizeof(char *), parse_string, format_string},
    [PROP_INT] = {"int", sizeof(int64_t), parse_int, format_int},
    [PROP_UINT] = {"uint", sizeof(uint64_t), parse_uint, format_uint},
    [PROP_SIZE] = {"size", sizeof(uint64_t), parse_uint, format_size},
    [PROP_BOOL] = {"bool", sizeof(bool), parse_boolean, format_bool},
    [PROP_ENUM] = {"enum", sizeof(int), parse_enum, format_enum},
    [PROP_DURATION] = {"duration", sizeof(uint64_t), parse_duration_prop, format_duration_prop},
};

static const struct prop_kind *prop_kind(const struct prop_def *def)
{
    assert((size_t)def->type < sizeof(prop_kinds) / sizeof(prop_kinds[0]));
    return &prop_kinds[def->type];
}

static bool prop_is_string(const struct prop_def *def)
{
    return def->type == PROP_STRING || def->type == PROP_PATH;
}

/* Parse @text by the property's kind and hold it to the definition's bounds. */
static int prop_parse(const struct object *obj, const struct prop_def *def, const char *text,
                      union prop_value *v, const struct diag *d)
{
    int err = prop_kind(def)->parse(obj, def, text, v, d);
    return err ? err : prop_check_range(obj, def, v, text, d);
}

/* The union members all start at offset 0, so the field's bytes map onto them. */
static void prop_load(const struct object *obj, const struct prop_def *def, union prop_value *v)
{
    memset(v, 0, sizeof(*v));
    memcpy(v, (const char *)obj + def->offset, prop_kind(def)->size);
}

static void prop_store(struct object *obj, const struct prop_def *def, const union prop_value *v)
{
    memcpy((char *)obj + def->offset, v, prop_kind(def)->size);
}

static void prop_release(const struct prop_def *def, union prop_value *v)
{
    if (prop_is_string(def)) {
        free(v->s);
        v->s = NULL;
    }
}

static void prop_format(const struct object *obj, const struct prop_def *def, char *buf, size_t len)
{
    union prop_value v;
    prop_load(obj, def, &v);
    prop_kind(def)->format(def, &v, buf, len);
}

/* ---- walking the properties of a type and its ancestors ---------------- */

static const struct prop_def *type_find_prop(const struct object_type *type, const char *name)
{
    for (const struct object_type *t = type; t; t = type_parent(t))
        for (const struct prop_def *d = t->props; d && d->name; d++)
            if (!strcmp(d->name, name))
                return d;
    return NULL;
}

/* Visits the properties ancestors first, skipping any a subtype redefines. */
struct prop_iter {
    const struct object_type *type;
    const struct object_type *chain[TYPE_DEPTH_MAX];
    size_t n, level;
    const struct prop_def *def;
};

static const struct prop_def *prop_settle(struct prop_iter *it)
{
    for (;;) {
        while (!it->def || !it->def->name) {
            if (++it->level >= it->n)
                return NULL;
            it->def = it->chain[it->level]->props;
        }
        if (type_find_prop(it->type, it->def->name) == it->def)
            return it->def;
        it->def++;
    }
}

static const struct prop_def *prop_first(struct prop_iter *it, const struct object_type *type)
{
    it->type = type;
    it->n = type_chain(type, it->chain);
    it->level = 0;
    it->def = it->chain[0]->props;
    return prop_settle(it);
}

static const struct prop_def *prop_next(struct prop_iter *it)
{
    it->def++;
    return prop_settle(it);
}

/* ---- the object tree --------------------------------------------------- */

static struct object *object_child_n(const struct object *parent, const char *name, size_t len)
{
    for (struct object *c = parent->first_child; c; c = c->next_sibling)
        if (!strncmp(c->name, name, len) && !c->name[len])
            return c;
    return NULL;
}

struct object *object_child(struct object *parent, const char *name)
{
    return object_child_n(parent, name, strlen(name));
}

static size_t path_put(const struct object *obj, char *buf, size_t len)
{
    if (!obj->parent)
        return 0;
    size_t pos = path_put(obj->parent, buf, len);
    if (pos < len)
        snprintf(buf + pos, len - pos, "/%s", obj->name);
    return pos + 1 + strlen(obj->name);
}

char *object_path(const struct object *obj, char *buf, size_t len)
{
    if (len && !path_put(obj, buf, len))
        snprintf(buf, len, "/");
    return buf;
}

/*
 * Follow @path from @from as far as it exists: returns the object it names,
 * or NULL with *deepest set to the last object that exists on the way.
 */
static struct object *object_walk(struct object *from, const char *path, struct object **deepest)
{
    struct object *obj = from;
    if (*path == '/')
        while (obj->parent)
            obj = obj->parent;
    for (const char *p = path + strspn(path, "/"); *p; p += strspn(p, "/")) {
        size_t len = strcspn(p, "/");
        struct object *child = object_child_n(obj, p, len);
        if (!child) {
            *deepest = obj;
            return NULL;
        }
        obj = child;
        p += len;
    }
    *deepest = obj;
    return obj;
}

/* An absolute path starts at the tree's root; a relative one at @root. */
struct object *object_resolve(struct object *root, const char *path)
{
    struct object *deepest;
    return root && path ? object_walk(root, path, &deepest) : NULL;
}

bool object_is(const struct object *obj, const char *type)
{
    return obj && object_type_is(obj->type, type);
}

static bool object_name_ok(const struct object *parent, const char *name)
{
    char path[OBJECT_PATH_MAX];
    size_t len = name ? strlen(name) : 0;
    if (!len || name[strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "0123456789_-")]) {
        log_error("'%s' is not a valid object name (use letters, digits, '_' and '-')",
                  name ? name : "");
        return false;
    }
    if (parent && object_child_n(parent, name, len)) {
        object_path(parent, path, sizeof(path));
        log_error("%s%s%s already exists", path, parent->parent ? "/" : "", name);
        return false;
    }
    return true;
}

static void object_link(struct object *parent, struct object *obj)
{
    obj->parent = parent;
    if (!parent)
        return;
    if (parent->last_child)
        parent->last_child->next_sibling = obj;
    else
        parent->first_child = obj;
    parent->last_child = obj;
}

static void object_unlink(struct object *obj)
{
    struct object *parent = obj->parent, *prev = NULL;
    if (!parent)
        return;
    struct object **pp = &parent->first_child;
    while (*pp != obj) {
        prev = *pp;
        pp = &prev->next_sibling;
    }
    *pp = obj->next_sibling;
    if (parent->last_child == obj)
        parent->last_child = prev;
    obj->parent = NULL;
    obj->next_sibling = NULL;
}

/* Defaults are stored as they are, without on_set: init sees them all at once. */
static int object_apply_defaults(struct object *obj)
{
    struct prop_iter it;
    for (const struct prop_def *d = prop_first(&it, obj->type); d; d = prop_next(&it)) {
        union prop_value v, old;
        if (!d->defval)
            continue;
        int err = prop_parse(obj, d, d->defval, &v, NULL); /* a type's bug: log it */
        if (err)
            return err;
        prop_load(obj, d, &old);
        prop_release(d, &old);
        prop_store(obj, d, &v);
    }
    return 0;
}

static void object_free_strings(struct object *obj)
{
    struct prop_iter it;
    for (const struct prop_def *d = prop_first(&it, obj->type); d; d = prop_next(&it)) {
        union prop_value v;
        prop_load(obj, d, &v);
        prop_release(d, &v);
        prop_store(obj, d, &v);
    }
}

/*
 * Free @obj after its children, running the finalizers of the first
 * @constructed levels of its type chain (the ones whose init ran), most
 * derived first.
 */
static void object_destroy(struct object *obj, size_t constructed)
{
    const struct object_type *chain[TYPE_DEPTH_MAX];
    type_chain(obj->type, chain);
    while (obj->first_child)
        object_unref(obj->first_child);
    for (size_t i = constructed; i-- > 0;)
        if (chain[i]->finalize)
            chain[i]->finalize(obj);
    object_free_strings(obj);
    object_unlink(obj);
    free(obj->name);
    free(obj);
}

/* Run the init functions base type first; *done counts the levels that succeeded. */
static int object_run_init(struct object *obj, size_t *done)
{
    const struct object_type *chain[TYPE_DEPTH_MAX];
    size_t n = type_chain(obj->type, chain);
    for (*done = 0; *done < n; ++*done) {
        int err = chain[*done]->init ? chain[*done]->init(obj) : 0;
        if (err) {
            char path[OBJECT_PATH_MAX];
            log_error("%s: cannot create a %s: %s", object_path(obj, path, sizeof(path)),
                      obj->type->name, strerror(err < 0 ? -err : err));
            return err;
        }
    }
    return 0;
}

static void list_type(const struct object_type *type, void *opaque)
{
    name_list_add(opaque, type->name);
}

struct object *object_new(const char *type_name, struct object *parent, const char *name)
{
    const struct object_type *type = object_type_find(type_name);
    if (!type) {
        struct name_list known = {0};
        object_type_foreach(NULL, list_type, &known);
        log_error("unknown object type '%s' (types: %s)", type_name ? type_name : "", known.text);
        return NULL;
    }
    if (!object_name_ok(parent, name))
        return NULL;
    struct object *obj = calloc(1, type->instance_size);
    char *copy = strdup(name);
    if (!obj || !copy) {
        log_error("%s: out of memory", name);
        free(obj);
        free(copy);
        return NULL;
    }
    obj->type = type;
    obj->name = copy;
    object_link(parent, obj);
    size_t done = 0;
    int err = object_apply_defaults(obj);
    if (!err)
        err = object_run_init(obj, &done);
    if (err) {
        object_destroy(obj, done);
        return NULL;
    }
    return obj;
}

void object_unref(struct object *obj)
{
    if (obj)
        object_destroy(obj, type_depth(obj->type));
}

/* ---- properties ------------------------------------------------------ */

const struct prop_def *object_find_prop(const struct object *obj, const char *name)
{
    return name ? type_find_prop(obj->type, name) : NULL;
}

void object_foreach_prop(const struct object *obj, object_prop_fn *fn, void *opaque)
{
    struct prop_iter it;
    for (const struct prop_def *d = prop_first(&it, obj->type); d; d = prop_next(&it))
        fn(obj, d, opaque);
}

const struct prop_def *object_lookup_prop(const struct object *obj, const char *name,
                                          const struct diag *d)
{
    const struct prop_def *def = object_find_prop(obj, name);
    if (def)
        return def;
    char path[OBJECT_PATH_MAX];
    struct name_list names = {0};
    struct prop_iter it;
    for (const struct prop_def *p = prop_first(&it, obj->type); p; p = prop_next(&it))
        name_list_add(&names, p->name);
    object_path(obj, path, sizeof(path));
    if (names.len)
        diag_error(d, "%s: no property '%s' (properties: %s)", path, name ? name : "", names.text);
    else
        diag_error(d, "%s: no property '%s' (a %s has no properties)", path, name ? name : "",
                   obj->type->name);
    return NULL;
}

static int object_check_writable(const struct object *obj, const struct prop_def *def,
                                 const struct diag *d)
{
    if ((def->flags & PROP_FIXED_AFTER_REALIZE) && obj->realized) {
        prop_error(d, obj, def->name, "cannot be changed once the board is realized");
        return -EBUSY;
    }
    return 0;
}

/* Store @v, let on_set judge it, and put the previous value back if it refuses. */
static int object_commit_prop(struct object *obj, const struct prop_def *def, union prop_value *v,
                              const struct diag *d)
{
    union prop_value old;
    prop_load(obj, def, &old);
    prop_store(obj, def, v);
    int err = def->on_set ? def->on_set(obj, def, d) : 0;
    if (err) {
        prop_store(obj, def, &old);
        prop_release(def, v);
    } else {
        prop_release(def, &old);
    }
    return err;
}

int object_set_prop_str(struct object *obj, const char *name, const char *value,
                        const struct diag *d)
{
    const struct prop_def *def = object_lookup_prop(obj, name, d);
    if (!def)
        return -ENOENT;
    int err = object_check_writable(obj, def, d);
    if (err)
        return err;
    union prop_value v;
    err = prop_parse(obj, def, value ? value : "", &v, d);
    return err ? err : object_commit_prop(obj, def, &v, d);
}

/* Convert @n to the representation of @def's type; false if it does not fit. */
static bool prop_value_from_int(const struct prop_def *def, int64_t n, union prop_value *v)
{
    memset(v, 0, sizeof(*v));
    switch (def->type) {
    case PROP_INT: v->i = n; return true;
    case PROP_UINT:
    case PROP_SIZE:
    case PROP_DURATION: v->u = (uint64_t)n; return n >= 0;
    case PROP_BOOL: v->b = n != 0; return true;
    case PROP_ENUM: v->e = (int)n; return n >= 0 && (uint64_t)n < enum_count(def);
    default: return false;
    }
}

/* Code, not users, calls this: its errors go to the log. */
int object_set_prop_int(struct object *obj, const char *name, int64_t n)
{
    const struct prop_def *def = object_lookup_prop(obj, name, NULL);
    if (!def)
        return -ENOENT;
    int err = object_check_writable(obj, def, NULL);
    if (err)
        return err;
    union prop_value v;
    if (prop_is_string(def)) {
        prop_error(NULL, obj, def->name, "is a %s, not a number", prop_kind(def)->name);
        return -EINVAL;
    }
    if (!prop_value_from_int(def, n, &v)) {
        prop_error(NULL, obj, def->name, "%" PRId64 " is out of range", n);
        return -ERANGE;
    }
    char text[32];
    snprintf(text, sizeof(text), "%" PRId64, n);
    err = prop_check_range(obj, def, &v, text, NULL);
    return err ? err : object_commit_prop(obj, def, &v, NULL);
}

int object_get_prop_str(const struct object *obj, const char *name, char *buf, size_t len)
{
    const struct prop_def *def = object_lookup_prop(obj, name, NULL);
    if (!def)
        return -ENOENT;
    prop_format(obj, def, buf, len);
    return 0;
}

struct object *object_lookup(struct object *root, const char *path, const struct diag *d)
{
    char where[OBJECT_PATH_MAX];
    struct name_list children = {0};
    struct object *deepest;
    struct object *obj = object_walk(root, path, &deepest);
    if (obj)
        return obj;
    for (const struct object *c = deepest->first_child; c; c = c->next_sibling)
        name_list_add(&children, c->name);
    object_path(deepest, where, sizeof(where));
    if (children.len)
        diag_error(d, "no object '%s' (objects under %s: %s)", path, where, children.text);
    else
        diag_error(d, "no object '%s' (there is nothing under %s)", path, where);
    return NULL;
}

static int object_assign(struct object *root, const char *path, const char *prop, const char *value,
                         const struct diag *d)
{
    struct object *obj = object_lookup(root, path, d);
    return obj ? object_set_prop_str(obj, prop, value, d) : -ENOENT;
}

int object_set_assignment(struct object *root, const char *assignment, const struct diag *d)
{
    const char *eq = strchr(assignment, '=');
    const char *dot = NULL;
    for (const char *p = assignment; eq && p < eq; p++)
        if (*p == '.')
            dot = p;
    if (!dot || dot + 1 == eq) {
        diag_error(d, "'%s': expected PATH.PROPERTY=VALUE, e.g. /app.cpus=2", assignment);
        return -EINVAL;
    }
    char *path = strndup(assignment, (size_t)(dot - assignment));
    char *prop = strndup(dot + 1, (size_t)(eq - dot - 1));
    int err = -ENOMEM;
    if (path && prop)
        err = object_assign(root, path, prop, eq + 1, d);
    else
        diag_error(d, "'%s': out of memory", assignment);
    free(path);
    free(prop);
    return err;
}

/* ---- realize ------------------------------------------------------------ */

/* realize is a virtual method: the most derived type that has one provides it. */
static int object_call_realize(struct object *obj)
{
    for (const struct object_type *t = obj->type; t; t = type_parent(t))
        if (t->realize)
            return t->realize(obj);
    return 0;
}

int object_realize_tree(struct object *obj)
{
    for (struct object *c = obj->first_child; c; c = c->next_sibling) {
        int err = object_realize_tree(c);
        if (err)
            return err;
    }
    if (obj->realized)
        return 0;
    int err = object_call_realize(obj);
    if (err)
        return err;
    obj->realized = true;
    return 0;
}

/* ---- printing ------------------------------------------------------------ */

static void object_print_node(FILE *out, const struct object *obj, int depth)
{
    char path[OBJECT_PATH_MAX], value[OBJECT_VALUE_MAX];
    struct prop_iter it;
    fprintf(out, "%*s%s (%s)\n", 2 * depth, "", object_path(obj, path, sizeof(path)),
            obj->type->name);
    for (const struct prop_def *d = prop_first(&it, obj->type); d; d = prop_next(&it)) {
        prop_format(obj, d, value, sizeof(value));
        fprintf(out, "%*s%s = %s\n", 2 * depth + 2, "", d->name, *value ? value : "\"\"");
    }
    for (const struct object *c = obj->first_child; c; c = c->next_sibling)
        object_print_node(out, c, depth + 1);
}

void object_print_tree(FILE *out, const struct object *obj)
{
    object_print_node(out, obj, 0);
}

void object_print_type_props(FILE *out, const struct object_type *type)
{
    struct prop_iter it;
    const struct prop_def *d = prop_first(&it, type);
    if (!d)
        fprintf(out, "  (no properties)\n");
    for (; d; d = prop_next(&it)) {
        char zero[64] = "";
        union prop_value v = {0};
        if (!d->defval && !prop_is_string(d))
            prop_kind(d)->format(d, &v, zero, sizeof(zero));
        const char *defval = d->defval ? d->defval : zero;
        fprintf(out, "  %s (%s%s%s): %s", d->name, prop_kind(d)->name, *defval ? ", default " : "",
                defval, d->help ? d->help : "");
        if (d->type == PROP_ENUM) {
            struct name_list choices = {0};
            enum_choices(d, &choices);
            fprintf(out, " (choices: %s)", choices.text);
        }
        fputc('\n', out);
    }
}
