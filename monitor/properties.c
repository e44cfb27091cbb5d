/* SPDX-License-Identifier: MIT */
/*
 * Property commands: get, set and info qom-tree. They are thin on purpose:
 * objects and properties are found, parsed, checked and set by the object
 * system (engine/object), whose messages reach the user unchanged through
 * the command's diagnostics sink, so "monitor set" accepts and refuses
 * exactly what -set and board files do, for the same reasons.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/internals.h"

static void print_tree(FILE *f, const void *obj)
{
    object_print_tree(f, obj);
}

int mon_cmd_info_qom_tree(struct monitor_ctx *ctx)
{
    const struct object *obj = ctx->argc ? mon_lookup_object(ctx, ctx->argv[0]) : &ctx->m->obj;
    return obj ? mon_print_stream(ctx, print_tree, obj) : -ENOENT;
}

static void print_value(struct monitor_ctx *ctx, const char *name, const struct object *obj,
                        const struct prop_def *def)
{
    char value[MONITOR_TEXT_MAX];
    object_get_prop_str(obj, def->name, value, sizeof(value));
    monitor_printf(ctx->out, "%s%s%s\n", name ? name : "", name ? " = " : "",
                   *value ? value : "\"\"");
}

static void print_named(const struct object *obj, const struct prop_def *def, void *ctx)
{
    print_value(ctx, def->name, obj, def);
}

/* Resolve "PATH.PROP" (@target is cut at the '.'); object names have no '.'. */
static int lookup_prop(struct monitor_ctx *ctx, char *target, struct object **obj,
                       const struct prop_def **def)
{
    char *dot = strrchr(target, '.');
    if (!dot || !dot[1] || strchr(dot, '/'))
        return mon_error(ctx, -EINVAL, "'%s': expected PATH.PROP, e.g. /app/cpu0.reset-pc", target);
    *dot = '\0';
    *obj = mon_lookup_object(ctx, target);
    if (!*obj)
        return -ENOENT;
    *def = object_lookup_prop(*obj, dot + 1, &ctx->diag);
    return *def ? 0 : -ENOENT;
}

int mon_cmd_get(struct monitor_ctx *ctx)
{
    struct object *obj = NULL;
    const struct prop_def *def = NULL;
    if (!strchr(ctx->argv[0], '.')) {
        obj = mon_lookup_object(ctx, ctx->argv[0]);
        if (obj)
            object_foreach_prop(obj, print_named, ctx);
        return obj ? 0 : -ENOENT;
    }
    int err = lookup_prop(ctx, ctx->argv[0], &obj, &def);
    if (!err)
        print_value(ctx, NULL, obj, def);
    return err;
}

/* "VALUE", "= VALUE" or "=VALUE" after the target; quotes keep blanks or
 * give an empty string. NULL when there is no value at all. */
static char *set_value(const char *p)
{
    p += strspn(p, " \t");
    if (*p == '=')
        p += 1 + strspn(p + 1, " \t");
    else if (!*p)
        return NULL;
    size_t len = strlen(p);
    if (len >= 2 && p[0] == '"' && p[len - 1] == '"')
        return strndup(p + 1, len - 2);
    return strdup(p);
}

/* Through object_set_assignment(), the function -set calls: the same
 * parsing, the same checks (fixed after realize, the type, on_set) and
 * the same messages. */
int mon_cmd_set(struct monitor_ctx *ctx)
{
    int len = (int)strcspn(ctx->rest, " \t=");
    char *value = set_value(ctx->rest + len), *assignment;
    if (!value)
        return mon_usage(ctx, "set PATH.PROP VALUE");
    int n = asprintf(&assignment, "%.*s=%s", len, ctx->rest, value);
    free(value);
    if (n < 0)
        return mon_error(ctx, -ENOMEM, "out of memory");
    int err = object_set_assignment(&ctx->m->obj, assignment, &ctx->diag);
    free(assignment);
    return err;
}
