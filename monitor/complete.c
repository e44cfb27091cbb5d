/* SPDX-License-Identifier: MIT */
/*
 * Completion for the console (monitor_complete() in internals.h): the next
 * word of a command name from the command table, and what each command's
 * arguments are (object paths, PATH.PROP names, values of on/off and
 * choice properties) from the object tree. console.c hands the candidates
 * to readline.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/internals.h"

struct word_list {
    char **v;
    size_t n, cap;
    const char *prefix; /* the word being completed: candidates start with it */
    bool failed;
};

static bool list_grow(struct word_list *l)
{
    size_t cap = l->cap ? 2 * l->cap : 16;
    char **v = realloc(l->v, cap * sizeof(*v));
    if (!v)
        return false;
    l->v = v;
    l->cap = cap;
    return true;
}

static void list_add(struct word_list *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void list_add(struct word_list *l, const char *fmt, ...)
{
    char *s;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0) {
        l->failed = true;
        return;
    }
    if (strncmp(s, l->prefix, strlen(l->prefix))) {
        free(s);
        return;
    }
    if (l->n == l->cap && !list_grow(l)) {
        l->failed = true;
        free(s);
        return;
    }
    l->v[l->n++] = s;
}

/* The next word of every command name that begins with @words. */
static void complete_cmd_words(struct word_list *l, char *const *words, int n)
{
    for (size_t i = 0; i < monitor_ncmds; i++) {
        const char *word;
        size_t len = mon_cmd_word(monitor_cmds[i].name, n, &word);
        if (len && mon_cmd_nwords(monitor_cmds[i].name) > n &&
            mon_cmd_starts(monitor_cmds[i].name, words, n))
            list_add(l, "%.*s", (int)len, word);
    }
}

/* Properties of the object named by the first @keep characters of the word. */
struct prop_completion {
    struct word_list *l;
    int keep;
};

static void prop_candidate(const struct object *obj, const struct prop_def *def, void *opaque)
{
    struct prop_completion *pc = opaque;
    (void)obj;
    list_add(pc->l, "%.*s.%s", pc->keep, pc->l->prefix, def->name);
}

static void count_prop(const struct object *obj, const struct prop_def *def, void *n)
{
    (void)obj;
    (void)def;
    ++*(unsigned *)n;
}

static bool has_props(const struct object *obj)
{
    unsigned n = 0;
    object_foreach_prop(obj, count_prop, &n);
    return n > 0;
}

/* Children of @obj after the first @keep characters of the word: "name/"
 * for those with children, "name." (@props) or "name" (objects only). */
static void complete_children(struct word_list *l, const struct object *obj, int keep, bool props)
{
    for (const struct object *c = obj->first_child; c; c = c->next_sibling) {
        if (c->first_child)
            list_add(l, "%.*s%s/", keep, l->prefix, c->name);
        if (props && has_props(c))
            list_add(l, "%.*s%s.", keep, l->prefix, c->name);
        if (!props)
            list_add(l, "%.*s%s", keep, l->prefix, c->name);
    }
}

/* An object path, or with @props PATH.PROP, relative or absolute. */
static void complete_path(struct machine *m, struct word_list *l, bool props)
{
    const char *w = l->prefix, *slash = strrchr(w, '/');
    int dirlen = slash ? (int)(slash - w) + 1 : 0;
    const char *dot = props ? strchr(w + dirlen, '.') : NULL;
    char *base = strndup(w, dot ? (size_t)(dot - w) : (size_t)dirlen);
    const struct object *obj = base ? object_resolve(&m->obj, base) : NULL;
    struct prop_completion pc = {l, dot ? (int)(dot - w) : 0};
    l->failed |= !base;
    free(base);
    if (obj && dot)
        object_foreach_prop(obj, prop_candidate, &pc);
    else if (obj)
        complete_children(l, obj, dirlen, props);
}

/* Values of a boolean or enumerated property @target, after @lead. */
static void complete_values(struct machine *m, struct word_list *l, const char *target, size_t len,
                            const char *lead, int leadlen)
{
    static const char *const bools[] = {"off", "on", NULL};
    char *path = strndup(target, len);
    char *dot = path ? strrchr(path, '.') : NULL;
    const struct object *obj = NULL;
    const struct prop_def *def = NULL;
    if (dot) {
        *dot = '\0';
        obj = object_resolve(&m->obj, path);
        def = obj ? object_find_prop(obj, dot + 1) : NULL;
    }
    const char *const *names = !def                     ? NULL
                               : def->type == PROP_BOOL ? bools
                               : def->type == PROP_ENUM ? def->enum_names
                                                        : NULL;
    for (; names && *names; names++)
        list_add(l, "%.*s%s", leadlen, lead, *names);
    free(path);
}

/* Argument @k (words @args before it) of a command whose kind is @kind. */
static void complete_arg(struct machine *m, struct word_list *l, enum monitor_arg kind,
                         char *const *args, int k)
{
    const char *eq = strchr(l->prefix, '=');
    switch (kind) {
    case ARG_COMMAND: complete_cmd_words(l, args, k); break;
    case ARG_OBJECT: complete_path(m, l, false); break;
    case ARG_PROP:
        if (eq)
            complete_values(m, l, l->prefix, (size_t)(eq - l->prefix), l->prefix,
                            (int)(eq - l->prefix) + 1);
        else
            complete_path(m, l, true);
        break;
    case ARG_VALUE: complete_values(m, l, args[k - 1], strlen(args[k - 1]), "", 0); break;
    case ARG_ONOFF:
        list_add(l, "on");
        list_add(l, "off");
        break;
    case ARG_NONE: break;
    }
}

static void complete_words(struct machine *m, struct word_list *l, char *const *prev, int n)
{
    complete_cmd_words(l, prev, n);
    for (size_t i = 0; i < monitor_ncmds && n; i++) {
        const struct monitor_cmd *cmd = &monitor_cmds[i];
        int nw = mon_cmd_nwords(cmd->name), k = n - nw;
        if (k >= 0 && k < 2 && mon_cmd_starts(cmd->name, prev, nw))
            complete_arg(m, l, cmd->args[k], prev + nw, k);
    }
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop duplicates ("reset" offers the same clusters as "reset halt"). */
static void list_finish(struct word_list *l)
{
    size_t n = 0;
    if (l->n)
        qsort(l->v, l->n, sizeof(*l->v), compare_words);
    for (size_t i = 0; i < l->n; i++) {
        if (n && !strcmp(l->v[n - 1], l->v[i]))
            free(l->v[i]);
        else
            l->v[n++] = l->v[i];
    }
    l->n = n;
}

char **monitor_complete(struct machine *m, const char *line, size_t *count)
{
    struct monitor_words w;
    struct word_list l = {.prefix = ""};
    size_t len = strlen(line);
    bool new_word = !len || isspace((unsigned char)line[len - 1]);
    *count = 0;
    if (mon_words_split(line, &w)) {
        mon_words_free(&w);
        return NULL;
    }
    if (!new_word && w.argc)
        l.prefix = w.argv[--w.argc];
    complete_words(m, &l, w.argv, w.argc);
    mon_words_free(&w);
    list_finish(&l);
    if (l.failed || !l.n) {
        monitor_complete_free(l.v, l.n);
        return NULL;
    }
    *count = l.n;
    return l.v;
}

void monitor_complete_free(char **list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(list[i]);
    free(list);
}
