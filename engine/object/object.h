/* SPDX-License-Identifier: MIT */
/*
 * Object model: named types with a parent type, an object tree addressed by
 * paths ("/app/cpu0"), and typed properties with a default and a help line.
 * The command line (-set), board files and the monitor all set properties
 * through object_set_prop_str(), so there is one parser and one set of
 * error messages for every way a user configures the board. The functions
 * that judge user input take a diagnostics sink (engine/io/diag.h; NULL:
 * the log) and report through it, so each caller shows these messages
 * where its user looks (a board file adds FILE:LINE:COL, the monitor
 * prints them to gdb or the console).
 *
 * A property's value lives in the instance struct at a fixed offset, so code
 * reads its configuration as ordinary fields:
 *   PROP_STRING, PROP_PATH -> char *        (owned, may be NULL)
 *   PROP_INT               -> int64_t
 *   PROP_UINT, PROP_SIZE   -> uint64_t      (PROP_SIZE accepts K/M/G suffixes)
 *   PROP_DURATION          -> uint64_t      (nanoseconds; "2s", "0.5s", "250ms")
 *   PROP_BOOL              -> bool
 *   PROP_ENUM              -> int           (index into enum_names)
 */
#ifndef MOSAIC_OBJECT_H
#define MOSAIC_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct diag;
struct object;

/* clang-format off */
enum prop_type {
    PROP_STRING, PROP_PATH, PROP_INT, PROP_UINT, PROP_SIZE, PROP_BOOL, PROP_ENUM, PROP_DURATION
};
/* clang-format on */

/* Property flags. */
#define PROP_HEX 0x1                 /* print integers in hex */
#define PROP_FIXED_AFTER_REALIZE 0x2 /* refuse changes once the board runs */

struct prop_def {
    const char *name;
    enum prop_type type;
    size_t offset;      /* of the value in the instance struct */
    const char *defval; /* default, as text; NULL = empty/0/false */
    const char *help;
    const char *const *enum_names; /* PROP_ENUM: NULL-terminated */
    unsigned flags;
    /*
     * PROP_UINT, PROP_SIZE, PROP_DURATION: the value must lie in min..max
     * (max 0: no upper bound). Every way of setting the property (-set,
     * board files, the monitor, code) is refused outside it with the same
     * message, so a value that would break the run at any time (a zero
     * divisor) is a bound here, not a check in realize.
     */
    uint64_t min, max;
    /*
     * Optional: called after the value was stored. Returning a negative errno
     * rejects the value (the previous one is restored) after reporting why
     * to @d.
     */
    int (*on_set)(struct object *obj, const struct prop_def *def, const struct diag *d);
};

struct object_type {
    const char *name;
    const char *parent;   /* NULL only for "object" itself */
    size_t instance_size; /* >= sizeof(struct object), object first */
    const char *help;
    const struct prop_def *props;       /* terminated by an entry with .name NULL */
    int (*init)(struct object *obj);    /* defaults are already set */
    int (*realize)(struct object *obj); /* properties are final; children first */
    void (*finalize)(struct object *obj);
};

struct object {
    const struct object_type *type;
    char *name;
    struct object *parent;
    struct object *first_child, *last_child, *next_sibling;
    bool realized;
};

/* Register a type; the parent must already be registered. 0 or -errno. */
int object_type_register(const struct object_type *type);
const struct object_type *object_type_find(const char *name);
/* True if @type is @name or derives from it. */
bool object_type_is(const struct object_type *type, const char *name);
/* Call @fn for every registered type deriving from @base (sorted by name). */
void object_type_foreach(const char *base, void (*fn)(const struct object_type *, void *),
                         void *opaque);

/*
 * Create an object of @type named @name under @parent (NULL: a root), apply
 * defaults, run init. Returns NULL after logging why (unknown type, duplicate
 * name, init failure).
 */
struct object *object_new(const char *type, struct object *parent, const char *name);
/* Unlink from the parent and free the object and its children (finalize first). */
void object_unref(struct object *obj);

/* Downcast helper: the instance struct begins with struct object. */
#define OBJECT(p) (&(p)->obj)
#define object_cast(type, o) ((type *)(o))

struct object *object_child(struct object *parent, const char *name);
/* Resolve "/app/cpu0" (absolute, from @root) or "app/cpu0"; NULL if missing. */
struct object *object_resolve(struct object *root, const char *path);
/* The same, but a missing object is reported to @d, naming the deepest
 * object that exists on the way and its children. */
struct object *object_lookup(struct object *root, const char *path, const struct diag *d);
/* Writes the absolute path into @buf; returns @buf. */
char *object_path(const struct object *obj, char *buf, size_t len);
bool object_is(const struct object *obj, const char *type);

/* Property access. Errors name the object path and property, and on a bad
 * name list what exists. */
const struct prop_def *object_find_prop(const struct object *obj, const char *name);
/* object_find_prop(), but a missing property is reported to @d. */
const struct prop_def *object_lookup_prop(const struct object *obj, const char *name,
                                          const struct diag *d);
typedef void object_prop_fn(const struct object *obj, const struct prop_def *def, void *opaque);
/* Every property in effect on @obj (a subtype's redefinition hides its
 * parent's), ancestors' first: the order -info qom-tree prints them in. */
void object_foreach_prop(const struct object *obj, object_prop_fn *fn, void *opaque);
/*
 * Parse @value by the property's type, refuse it when the property is fixed
 * after realize, store it and let on_set judge it. 0, or -errno after
 * reporting why to @d (NULL: the log); a refused value leaves the old one.
 */
int object_set_prop_str(struct object *obj, const char *name, const char *value,
                        const struct diag *d);
/* Formats the current value; returns 0 or -ENOENT (logged). */
int object_get_prop_str(const struct object *obj, const char *name, char *buf, size_t len);
/* Typed shortcut for code (no parsing); its errors go to the log. */
int object_set_prop_int(struct object *obj, const char *name, int64_t v);

/*
 * "PATH.PROP=VALUE" as written on the command line, in board files and in the
 * monitor; @root is the board's root object. Errors go to @d, as for
 * object_set_prop_str().
 */
int object_set_assignment(struct object *root, const char *assignment, const struct diag *d);

/* Realize @obj and its children depth-first (children before parents). */
int object_realize_tree(struct object *obj);

/* Print the tree with property values (for -info qom-tree and the monitor). */
void object_print_tree(FILE *out, const struct object *obj);
/* Print a type's properties with defaults and help lines. */
void object_print_type_props(FILE *out, const struct object_type *type);

/* Parse helpers shared with everything that reads numbers from users:
 * decimal, 0x hex, 0b binary, optional K/M/G/T suffix when @allow_suffix. */
int parse_u64(const char *s, uint64_t *out, bool allow_suffix);
int parse_i64(const char *s, int64_t *out);
int parse_bool(const char *s, bool *out);
/* A duration in nanoseconds: a decimal number with a unit s, ms, us or ns
 * ("2s", "0.25s", "100ms"); a bare number is seconds. */
int parse_duration(const char *s, uint64_t *ns);
/* @ns in the largest unit that is exact ("2s", "250ms"; "0"), as parsed back. */
void format_duration(uint64_t ns, char *buf, size_t len);

/* Register the base types ("object", "container"). Called once by main/tests. */
void object_init_types(void);

#endif
