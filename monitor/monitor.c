/* SPDX-License-Identifier: MIT */
/*
 * The monitor: one table of commands (name, usage, help line, handler, and
 * what its arguments complete to) serving both gdb's "monitor" (qRcmd) and
 * the readline console. A line is split into words and the longest table
 * name made of its first words picks the command, so "reset halt" wins over
 * "reset"; gdb's x/FMT form is split at the '/'. Commands control CPUs only
 * through the run-control API (or the gdb stub's hooks, which keep gdb's
 * idea of which CPUs are stopped right) and read memory through the current
 * cluster's view without ever touching a device.
 */
#include <capstone/capstone.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "monitor/monitor.h"
#include "monitor/monitor_complete.h"

#define MONITOR_MAX_WORDS 32
#define MONITOR_PATH_MAX 256
#define MONITOR_TEXT_MAX 512
#define MONITOR_TYPE_DEPTH 16
/* x reads at most this much at once: a dump is for reading, not copying. */
#define MONITOR_X_MAX_BYTES 65536u
/* Longest instruction of any architecture (x86: 15 bytes, SDM vol. 2 2.3.11). */
#define MONITOR_INSN_MAX 16u

struct monitor_ctx {
    struct machine *m;
    struct cluster *cluster;     /* the current cluster; NULL on a board without one */
    const struct monitor_out *out;
    const char *fmt;             /* x/FMT: the text after '/' ("" without one) */
    const char *rest;            /* the line after the command's name */
    char **argv;                 /* the arguments */
    int argc;
};

/* What an argument completes to on the console. */
enum monitor_arg { ARG_NONE, ARG_COMMAND, ARG_OBJECT, ARG_PROP, ARG_VALUE, ARG_ONOFF };

struct monitor_cmd {
    const char *name;            /* one or two words: "info cpus" */
    const char *usage;
    const char *help;
    const char *details;         /* more for "help NAME", or NULL */
    int (*run)(struct monitor_ctx *ctx);
    int min_args, max_args;
    bool format;                 /* takes /FMT after its name */
    enum monitor_arg args[2];    /* what its first two arguments are */
};

/* A command line split into words. */
struct monitor_words {
    char *text;                  /* the line without surrounding blanks */
    char *buf;                   /* a copy of text cut into words */
    char *argv[MONITOR_MAX_WORDS];
    size_t start[MONITOR_MAX_WORDS]; /* where each word starts in text */
    int argc;
};

/* The handlers, defined below the table. */
static int cmd_help(struct monitor_ctx *ctx);
static int cmd_info_cpus(struct monitor_ctx *ctx);
static int cmd_info_mtree(struct monitor_ctx *ctx);
static int cmd_info_qom_tree(struct monitor_ctx *ctx);
static int cmd_get(struct monitor_ctx *ctx);
static int cmd_set(struct monitor_ctx *ctx);
static int cmd_stop(struct monitor_ctx *ctx);
static int cmd_cont(struct monitor_ctx *ctx);
static int cmd_reset(struct monitor_ctx *ctx);
static int cmd_reset_halt(struct monitor_ctx *ctx);
static int cmd_reset_all(struct monitor_ctx *ctx);
static int cmd_quit(struct monitor_ctx *ctx);
static int cmd_x(struct monitor_ctx *ctx);
static int cmd_cpu_power(struct monitor_ctx *ctx);

static const struct monitor_cmd monitor_cmds[] = {
    {.name = "help", .usage = "help [COMMAND]", .help = "list the commands, or describe one",
     .run = cmd_help, .max_args = 2, .args = {ARG_COMMAND, ARG_COMMAND}},
    {.name = "info cpus", .usage = "info cpus",
     .help = "every CPU: gdb thread, path, state, pc, instructions run",
     .details = "'*' marks the CPUs of the current cluster (gdb's current inferior).",
     .run = cmd_info_cpus},
    {.name = "info mtree", .usage = "info mtree", .help = "what each cluster sees at each address",
     .run = cmd_info_mtree},
    {.name = "info qom-tree", .usage = "info qom-tree [PATH]",
     .help = "the object tree with every property value", .run = cmd_info_qom_tree,
     .max_args = 1, .args = {ARG_OBJECT}},
    {.name = "get", .usage = "get PATH[.PROP]",
     .help = "print a property, or every property of PATH",
     .run = cmd_get, .min_args = 1, .max_args = 1, .args = {ARG_PROP}},
    {.name = "set", .usage = "set PATH.PROP VALUE",
     .help = "set a property (PATH.PROP=VALUE works too)",
     .details = "VALUE is the rest of the line; \"\" sets an empty string. Properties fixed once\n"
                "the board is realized (image, cpus, ...) are refused.",
     .run = cmd_set, .min_args = 1, .max_args = MONITOR_MAX_WORDS, .args = {ARG_PROP, ARG_VALUE}},
    {.name = "stop", .usage = "stop", .help = "hold every CPU", .run = cmd_stop},
    {.name = "halt", .usage = "halt", .help = "the same as stop", .run = cmd_stop},
    {.name = "cont", .usage = "cont", .help = "let every held CPU run", .run = cmd_cont},
    {.name = "continue", .usage = "continue", .help = "the same as cont", .run = cmd_cont},
    {.name = "reset", .usage = "reset [CLUSTER]",
     .help = "reset the current cluster's CPUs (held ones stay held)",
     .details = "Without CLUSTER: gdb's current inferior, or the first cluster on the console.",
     .run = cmd_reset, .max_args = 1, .args = {ARG_OBJECT}},
    {.name = "reset halt", .usage = "reset halt [CLUSTER]",
     .help = "reset the current cluster and hold its CPUs", .run = cmd_reset_halt, .max_args = 1,
     .args = {ARG_OBJECT}},
    {.name = "reset init", .usage = "reset init [CLUSTER]", .help = "the same as reset halt",
     .run = cmd_reset_halt, .max_args = 1, .args = {ARG_OBJECT}},
    {.name = "reset all", .usage = "reset all",
     .help = "reset the whole board and reload its images",
     .run = cmd_reset_all},
    {.name = "system_reset", .usage = "system_reset", .help = "the same as reset all",
     .run = cmd_reset_all},
    {.name = "quit", .usage = "quit", .help = "end the server", .run = cmd_quit},
    {.name = "x", .usage = "x[/N[FMT]] ADDR", .help = "examine memory of the current cluster",
     .details = "FMT: x 4-byte words in hex (the default), b bytes, i instructions. N: how many.\n"
                "ADDR: a number or a symbol of a loaded image. Devices are never read.",
     .run = cmd_x, .min_args = 1, .max_args = 1, .format = true},
    {.name = "cpu-power", .usage = "cpu-power CPU on|off [PC]",
     .help = "power a CPU on (at PC) or off",
     .details = "A CPU held in reset (start-powered-off) runs once powered on.",
     .run = cmd_cpu_power, .min_args = 2, .max_args = 3, .args = {ARG_OBJECT, ARG_ONOFF}},
};
static const size_t monitor_ncmds = sizeof(monitor_cmds) / sizeof(monitor_cmds[0]);

/* ---- output ---------------------------------------------------------- */

void monitor_printf(const struct monitor_out *out, const char *fmt, ...)
{
    char *text;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (out->write)
        out->write(out->opaque, text);
    free(text);
}

static int mon_error(struct monitor_ctx *ctx, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int mon_error(struct monitor_ctx *ctx, int err, const char *fmt, ...)
{
    char *text;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return err;
    monitor_printf(ctx->out, "error: %s\n", text);
    free(text);
    return err;
}

static int usage(struct monitor_ctx *ctx, const char *text)
{
    monitor_printf(ctx->out, "usage: %s\n", text);
    return -EINVAL;
}

/* Send what @print writes to a stream (the object and memory layers print
 * to FILEs) to @out in one piece. */
static int out_stream(struct monitor_ctx *ctx, void (*print)(FILE *, const void *),
                      const void *arg)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return mon_error(ctx, -ENOMEM, "out of memory");
    print(f, arg);
    if (fclose(f)) {
        free(text);
        return mon_error(ctx, -ENOMEM, "out of memory");
    }
    if (len && ctx->out->write)
        ctx->out->write(ctx->out->opaque, text);
    free(text);
    return 0;
}

static void print_view(FILE *f, const void *view)
{
    mem_view_print(f, view);
}

static void print_tree(FILE *f, const void *obj)
{
    object_print_tree(f, obj);
}

/* Append ", name" to a list in @buf (for error messages). */
static void list_append(char *buf, size_t len, const char *name)
{
    size_t used = strlen(buf);
    if (used < len)
        snprintf(buf + used, len - used, "%s%s", used ? ", " : "", name);
}

/* ---- objects and properties ----------------------------------------- */

static char *path_of(const struct object *obj, char *buf)
{
    return object_path(obj, buf, MONITOR_PATH_MAX);
}

/* "no object" naming the deepest object that exists on the way and its children. */
static int report_missing_object(struct monitor_ctx *ctx, const char *path)
{
    char where[MONITOR_PATH_MAX], children[MONITOR_TEXT_MAX] = "";
    char *prefix = strdup(path);
    struct object *deepest = NULL;
    while (prefix && !deepest) {
        char *slash = strrchr(prefix, '/');
        if (slash)
            *slash = '\0';
        deepest = slash ? object_resolve(&ctx->m->obj, prefix) : &ctx->m->obj;
    }
    free(prefix);
    if (!deepest)
        return mon_error(ctx, -ENOENT, "no object '%s'", path);
    for (const struct object *c = deepest->first_child; c; c = c->next_sibling)
        list_append(children, sizeof(children), c->name);
    if (!*children)
        return mon_error(ctx, -ENOENT, "no object '%s' (there is nothing under %s)", path,
                         path_of(deepest, where));
    return mon_error(ctx, -ENOENT, "no object '%s' (objects under %s: %s)", path,
                     path_of(deepest, where), children);
}

static struct object *lookup_object(struct monitor_ctx *ctx, const char *path)
{
    struct object *obj = object_resolve(&ctx->m->obj, path);
    if (!obj)
        report_missing_object(ctx, path);
    return obj;
}

typedef void prop_fn(const struct object *obj, const struct prop_def *def, void *opaque);

/* Every property in effect on @obj (a subtype's redefinition hides its
 * parent's), ancestors' first, the order -info qom-tree prints them in. */
static void prop_foreach(const struct object *obj, prop_fn *fn, void *opaque)
{
    const struct object_type *chain[MONITOR_TYPE_DEPTH];
    size_t n = 0;
    for (const struct object_type *t = obj->type; t && n < MONITOR_TYPE_DEPTH;
         t = t->parent ? object_type_find(t->parent) : NULL)
        chain[n++] = t;
    while (n--)
        for (const struct prop_def *d = chain[n]->props; d && d->name; d++)
            if (object_find_prop(obj, d->name) == d)
                fn(obj, d, opaque);
}

static void prop_name_append(const struct object *obj, const struct prop_def *def, void *names)
{
    (void)obj;
    list_append(names, MONITOR_TEXT_MAX, def->name);
}

static void prop_print(const struct object *obj, const struct prop_def *def, void *ctx)
{
    char value[MONITOR_TEXT_MAX];
    object_get_prop_str(obj, def->name, value, sizeof(value));
    monitor_printf(((struct monitor_ctx *)ctx)->out, "%s = %s\n", def->name,
                   *value ? value : "\"\"");
}

/* Resolve "PATH.PROP" (@target is cut at the '.'); object names have no '.'. */
static int lookup_prop(struct monitor_ctx *ctx, char *target, struct object **obj,
                       const struct prop_def **def)
{
    char names[MONITOR_TEXT_MAX] = "", path[MONITOR_PATH_MAX];
    char *dot = strrchr(target, '.');
    if (!dot || !dot[1] || strchr(dot, '/'))
        return mon_error(ctx, -EINVAL, "'%s': expected PATH.PROP, e.g. /app/cpu0.reset-pc",
                         target);
    *dot = '\0';
    *obj = lookup_object(ctx, target);
    if (!*obj)
        return -ENOENT;
    *def = object_find_prop(*obj, dot + 1);
    if (*def)
        return 0;
    prop_foreach(*obj, prop_name_append, names);
    return mon_error(ctx, -ENOENT, "%s: no property '%s' (properties: %s)", path_of(*obj, path),
                     dot + 1, *names ? names : "none");
}

/* ---- words and the command table ------------------------------------ */

static void words_free(struct monitor_words *w)
{
    free(w->text);
}

/* Split @line at blanks. 0, -ENOMEM, or -E2BIG for too many words. */
static int words_split(const char *line, struct monitor_words *w)
{
    line += strspn(line, " \t\r\n");
    size_t len = strlen(line);
    while (len && isspace((unsigned char)line[len - 1]))
        len--;
    w->argc = 0;
    w->text = malloc(2 * (len + 1));
    if (!w->text)
        return -ENOMEM;
    memcpy(w->text, line, len);
    w->text[len] = '\0';
    w->buf = w->text + len + 1;
    memcpy(w->buf, w->text, len + 1);
    for (char *p = w->buf + strspn(w->buf, " \t"); *p; p += strspn(p, " \t")) {
        if (w->argc == MONITOR_MAX_WORDS)
            return -E2BIG;
        w->start[w->argc] = (size_t)(p - w->buf);
        w->argv[w->argc++] = p;
        p += strcspn(p, " \t");
        if (*p)
            *p++ = '\0';
    }
    return 0;
}

/* Word @k of a command name and its length (0: there is none). */
static size_t cmd_word(const char *name, int k, const char **word)
{
    for (; k > 0 && *name; k--) {
        name += strcspn(name, " ");
        name += *name == ' ';
    }
    *word = name;
    return strcspn(name, " ");
}

static int cmd_nwords(const char *name)
{
    int n = 1;
    for (; *name; name++)
        n += *name == ' ';
    return n;
}

/* True if the first @n words of @name are @words. */
static bool cmd_starts(const char *name, char *const *words, int n)
{
    for (int k = 0; k < n; k++) {
        const char *word;
        size_t len = cmd_word(name, k, &word);
        if (!len || strlen(words[k]) != len || strncmp(words[k], word, len))
            return false;
    }
    return true;
}

/* The command with the longest name that @argv begins with. */
static const struct monitor_cmd *cmd_lookup(char *const *argv, int argc, int *nwords)
{
    const struct monitor_cmd *best = NULL;
    *nwords = 0;
    for (size_t i = 0; i < monitor_ncmds; i++) {
        int n = cmd_nwords(monitor_cmds[i].name);
        if (n <= argc && n > *nwords && cmd_starts(monitor_cmds[i].name, argv, n)) {
            best = &monitor_cmds[i];
            *nwords = n;
        }
    }
    return best;
}

/* True if some command's name is longer than @n words and starts with @argv. */
static bool cmd_is_group(char *const *argv, int n)
{
    for (size_t i = 0; i < monitor_ncmds; i++)
        if (cmd_nwords(monitor_cmds[i].name) > n && cmd_starts(monitor_cmds[i].name, argv, n))
            return true;
    return false;
}

static void cmd_print_line(const struct monitor_ctx *ctx, const struct monitor_cmd *cmd)
{
    monitor_printf(ctx->out, "%-26s %s\n", cmd->usage, cmd->help);
}

/* ---- help and info ----------------------------------------------------- */

static int cmd_help(struct monitor_ctx *ctx)
{
    const struct monitor_cmd *only = NULL;
    unsigned found = 0;
    for (size_t i = 0; i < monitor_ncmds; i++) {
        const struct monitor_cmd *cmd = &monitor_cmds[i];
        if (ctx->argc > cmd_nwords(cmd->name) || !cmd_starts(cmd->name, ctx->argv, ctx->argc))
            continue;
        cmd_print_line(ctx, cmd);
        only = cmd;
        found++;
    }
    if (!found) {
        monitor_printf(ctx->out, "unknown command '%s' (try help)\n", ctx->rest);
        return -EINVAL;
    }
    if (found == 1 && ctx->argc && only->details)
        monitor_printf(ctx->out, "%s\n", only->details);
    return 0;
}

static const char *cpu_state_name(const struct cpu *cpu)
{
    if (cpu->state == CPU_OFF)
        return "powered off";
    if (debug_cpu_stopped(cpu))
        return "stopped by debugger";
    return cpu->state == CPU_WAITING ? "waiting (wfi)" : "running";
}

/* Hex digits of an address of @c: 8 for 32-bit models, 16 otherwise. */
static int addr_digits(const struct cluster *c)
{
    return c->model_def && c->model_def->elf_class == 1 ? 8 : 16;
}

static int cmd_info_cpus(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    for (unsigned i = 0; i < ctx->m->nclusters; i++) {
        const struct cluster *c = ctx->m->clusters[i];
        for (unsigned j = 0; j < c->ncpus; j++) {
            const struct cpu *cpu = c->cpus[j];
            monitor_printf(ctx->out,
                           "%c p%u.%u %s: %s, pc=0x%0*" PRIx64 ", icount=%" PRIu64 "\n",
                           c == ctx->cluster ? '*' : ' ', c->index + 1, cpu->index + 1,
                           path_of(&cpu->obj, path), cpu_state_name(cpu), addr_digits(c),
                           cpu->target->get_pc(cpu), cpu->icount);
        }
    }
    if (!ctx->m->nclusters)
        monitor_printf(ctx->out, "the board has no CPUs\n");
    return 0;
}

static int cmd_info_mtree(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    for (unsigned i = 0; i < ctx->m->nclusters; i++) {
        const struct cluster *c = ctx->m->clusters[i];
        monitor_printf(ctx->out, "%s (p%u, %s %s):\n", path_of(&c->obj, path), c->index + 1,
                       c->target->arch, c->model_def ? c->model_def->name : "");
        if (!c->view->nmaps)
            monitor_printf(ctx->out, "  (nothing mapped)\n");
        int err = out_stream(ctx, print_view, c->view);
        if (err)
            return err;
    }
    return 0;
}

static int cmd_info_qom_tree(struct monitor_ctx *ctx)
{
    const struct object *obj = ctx->argc ? lookup_object(ctx, ctx->argv[0]) : &ctx->m->obj;
    return obj ? out_stream(ctx, print_tree, obj) : -ENOENT;
}

/* ---- properties ---------------------------------------------------------- */

static int cmd_get(struct monitor_ctx *ctx)
{
    char value[MONITOR_TEXT_MAX];
    struct object *obj;
    const struct prop_def *def;
    if (!strchr(ctx->argv[0], '.')) {
        obj = lookup_object(ctx, ctx->argv[0]);
        if (obj)
            prop_foreach(obj, prop_print, ctx);
        return obj ? 0 : -ENOENT;
    }
    int err = lookup_prop(ctx, ctx->argv[0], &obj, &def);
    if (err)
        return err;
    object_get_prop_str(obj, def->name, value, sizeof(value));
    monitor_printf(ctx->out, "%s\n", *value ? value : "\"\"");
    return 0;
}

static bool value_is_int(const char *v)
{
    int64_t i;
    return !parse_i64(v, &i);
}

static bool value_is_uint(const char *v)
{
    uint64_t u;
    return !parse_u64(v, &u, false);
}

static bool value_is_size(const char *v)
{
    uint64_t u;
    return !parse_u64(v, &u, true);
}

static bool value_is_duration(const char *v)
{
    uint64_t ns;
    return !parse_duration(v, &ns);
}

static bool value_is_bool(const char *v)
{
    bool b;
    return !parse_bool(v, &b);
}

/* What each property type accepts, to say why a value does not fit. */
static const struct {
    bool (*fits)(const char *value);
    const char *expects;
} prop_checks[] = {
    [PROP_INT] = {value_is_int, "an integer"},
    [PROP_UINT] = {value_is_uint, "an unsigned integer"},
    [PROP_SIZE] = {value_is_size, "a size such as 4096 or 64K"},
    [PROP_BOOL] = {value_is_bool, "on or off"},
    [PROP_DURATION] = {value_is_duration, "a duration such as 2s or 250ms"},
};

/* NULL if @value fits @def's type, else what it expects (in @buf for enums). */
static const char *prop_misfit(const struct prop_def *def, const char *value, char *buf,
                               size_t len)
{
    if (def->type == PROP_ENUM) {
        *buf = '\0';
        for (const char *const *e = def->enum_names; *e; e++) {
            if (!strcmp(*e, value))
                return NULL;
            list_append(buf, len, *e);
        }
        return buf;
    }
    if ((size_t)def->type < sizeof(prop_checks) / sizeof(prop_checks[0]) &&
        prop_checks[def->type].fits && !prop_checks[def->type].fits(value))
        return prop_checks[def->type].expects;
    return NULL;
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

static int set_prop(struct monitor_ctx *ctx, struct object *obj, const struct prop_def *def,
                    const char *value)
{
    char path[MONITOR_PATH_MAX], choices[MONITOR_TEXT_MAX];
    const char *misfit = prop_misfit(def, value, choices, sizeof(choices));
    path_of(obj, path);
    if ((def->flags & PROP_FIXED_AFTER_REALIZE) && obj->realized)
        return mon_error(ctx, -EBUSY, "%s.%s cannot be changed once the board is realized", path,
                         def->name);
    if (misfit)
        return mon_error(ctx, -EINVAL, "cannot set %s.%s to '%s' (expects %s)", path, def->name,
                         value, misfit);
    int err = object_set_prop_str(obj, def->name, value);
    if (err)
        return mon_error(ctx, err, "cannot set %s.%s to '%s' (%s)", path, def->name, value,
                         strerror(-err));
    return 0;
}

static int cmd_set(struct monitor_ctx *ctx)
{
    size_t len = strcspn(ctx->rest, " \t=");
    char *target = strndup(ctx->rest, len);
    char *value = set_value(ctx->rest + len);
    struct object *obj;
    const struct prop_def *def;
    int err;
    if (!target)
        err = mon_error(ctx, -ENOMEM, "out of memory");
    else if (!value)
        err = usage(ctx, "set PATH.PROP VALUE");
    else if (!(err = lookup_prop(ctx, target, &obj, &def)))
        err = set_prop(ctx, obj, def, value);
    free(target);
    free(value);
    return err;
}

/* ---- run control ----------------------------------------------------------- */

/* Run control goes through the engine, whose observers (the gdb stub)
 * follow: a running gdb hears of the stop. */
static int cmd_stop(struct monitor_ctx *ctx)
{
    debug_hold(ctx->m, NULL);
    return 0;
}

static int cmd_cont(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    debug_release(ctx->m);
    for (unsigned i = 0; i < ctx->m->nclusters; i++)
        for (unsigned j = 0; j < ctx->m->clusters[i]->ncpus; j++) {
            const struct cpu *cpu = ctx->m->clusters[i]->cpus[j];
            if (cpu->state == CPU_OFF)
                monitor_printf(ctx->out, "note: %s is powered off (cpu-power %s on starts it)\n",
                               path_of(&cpu->obj, path), path);
        }
    return 0;
}

/* The cluster a reset acts on: the argument, else the current one. */
static struct cluster *reset_cluster(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    if (!ctx->argc) {
        if (!ctx->cluster)
            mon_error(ctx, -ENOENT, "the board has no cluster");
        return ctx->cluster;
    }
    struct object *obj = lookup_object(ctx, ctx->argv[0]);
    if (obj && !object_is(obj, "cluster")) {
        mon_error(ctx, -EINVAL, "%s is a %s, not a cluster", path_of(obj, path), obj->type->name);
        return NULL;
    }
    return (struct cluster *)obj;
}

static int cmd_reset(struct monitor_ctx *ctx)
{
    struct cluster *c = reset_cluster(ctx);
    if (!c)
        return -EINVAL;
    cluster_reset(c);
    return 0;
}

/* Hold first so no instruction runs between the reset and the hold. An
 * attached gdb, told of the hold, stops every CPU: its all-stop view stays
 * true. */
static int cmd_reset_halt(struct monitor_ctx *ctx)
{
    struct cluster *c = reset_cluster(ctx);
    if (!c)
        return -EINVAL;
    debug_hold(ctx->m, c);
    cluster_reset(c);
    return 0;
}

static int cmd_reset_all(struct monitor_ctx *ctx)
{
    if (!ctx->m->restart) {
        machine_reset(ctx->m);
        return 0;
    }
    int err = ctx->m->restart(ctx->m);
    return err ? mon_error(ctx, err, "the board did not restart (%s)", strerror(-err)) : 0;
}

static int cmd_quit(struct monitor_ctx *ctx)
{
    ctx->m->quit = true;
    if (current_cpu)
        cpu_exit(current_cpu);
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

/* A number, or a symbol of an image loaded into @c. */
static int parse_address(struct monitor_ctx *ctx, const struct cluster *c, const char *text,
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

static int cmd_cpu_power(struct monitor_ctx *ctx)
{
    char path[MONITOR_PATH_MAX];
    struct object *obj = lookup_object(ctx, ctx->argv[0]);
    struct cpu *cpu = (struct cpu *)obj;
    bool on = !strcmp(ctx->argv[1], "on");
    gaddr pc = 0;
    if (!obj)
        return -ENOENT;
    if (!object_is(obj, "cpu"))
        return mon_error(ctx, -EINVAL, "%s is a %s, not a CPU", path_of(obj, path),
                         obj->type->name);
    if (!on && (strcmp(ctx->argv[1], "off") || ctx->argc > 2))
        return usage(ctx, "cpu-power CPU on [PC] | off");
    if (ctx->argc > 2 && parse_address(ctx, cpu->cluster, ctx->argv[2], &pc))
        return -EINVAL;
    if (on)
        cpu_power_on(cpu, ctx->argc > 2, pc);
    else
        cpu_power_off(cpu);
    return 0;
}

/* ---- x: examine memory --------------------------------------------------- */

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
    return mon_error(ctx, -EFAULT, "cannot read 0x%0*" PRIx64 ": %s", addr_digits(ctx->cluster),
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
        int pos = snprintf(line, sizeof(line), "0x%0*" PRIx64 ":", addr_digits(ctx->cluster),
                           addr + i * size);
        for (size_t k = i; k < n && k < i + per_line; k++)
            pos += snprintf(line + pos, sizeof(line) - (size_t)pos, " 0x%0*" PRIx32, (int)size * 2,
                            load_le(buf + k * size, size));
        monitor_printf(ctx->out, "%s\n", line);
    }
}

/* Architectures capstone decodes; others bring their own disassembler. */
static const struct {
    const char *arch;
    cs_arch cs_arch;
    int cs_mode;
} capstone_arches[] = {
    /* ARMv7-M executes Thumb only (ARMv7-M ARM, A4.1). */
    {"arm", CS_ARCH_ARM, CS_MODE_THUMB | CS_MODE_MCLASS},
    {"x86_64", CS_ARCH_X86, CS_MODE_64},
};

struct disassembler {
    bool capstone;
    csh cs;
    const struct cpu *cpu;
};

static int disas_open(struct disassembler *d, const struct cluster *c)
{
    d->capstone = false;
    d->cpu = c->cpus[0];
    for (size_t i = 0; i < sizeof(capstone_arches) / sizeof(capstone_arches[0]); i++) {
        if (strcmp(capstone_arches[i].arch, c->target->arch))
            continue;
        if (cs_open(capstone_arches[i].cs_arch, (cs_mode)capstone_arches[i].cs_mode, &d->cs))
            return -ENOTSUP;
        d->capstone = true;
        return 0;
    }
    return c->target->disas ? 0 : -ENOTSUP;
}

static void disas_close(struct disassembler *d)
{
    if (d->capstone)
        cs_close(&d->cs);
}

/* Disassemble one instruction into @text; its length, 0 if invalid. */
static unsigned disas_one(struct disassembler *d, gaddr pc, const uint8_t *code, size_t len,
                          char *text, size_t textlen)
{
    if (!d->capstone)
        return d->cpu->target->disas(d->cpu, pc, code, len, text, textlen);
    cs_insn *insn;
    size_t n = cs_disasm(d->cs, code, len, pc, 1, &insn);
    if (!n)
        return 0;
    snprintf(text, textlen, "%s%s%s", insn->mnemonic, *insn->op_str ? " " : "", insn->op_str);
    unsigned size = insn->size;
    cs_free(insn, n);
    return size;
}

/* @res says why the read stopped after @done bytes. */
static int dump_insns(struct monitor_ctx *ctx, gaddr addr, const uint8_t *buf, size_t done,
                      int res, unsigned count)
{
    struct disassembler d;
    size_t off = 0;
    int err = 0;
    if (!ctx->cluster->ncpus || disas_open(&d, ctx->cluster))
        return mon_error(ctx, -ENOTSUP, "no disassembler for %s", ctx->cluster->target->arch);
    for (unsigned i = 0; i < count && !err; i++) {
        char text[MONITOR_TEXT_MAX];
        unsigned len = off < done ? disas_one(&d, addr + off, buf + off, done - off, text,
                                              sizeof(text)) : 0;
        if (!len && (res != MEM_OK && done - off < MONITOR_INSN_MAX)) {
            err = report_unreadable(ctx, addr + done, res);
        } else if (!len) {
            monitor_printf(ctx->out, "0x%0*" PRIx64 ":  (bad)\n", addr_digits(ctx->cluster),
                           addr + off);
            break;
        } else {
            monitor_printf(ctx->out, "0x%0*" PRIx64 ":  %s\n", addr_digits(ctx->cluster),
                           addr + off, text);
            off += len;
        }
    }
    disas_close(&d);
    return err;
}

static int cmd_x(struct monitor_ctx *ctx)
{
    struct x_format f;
    gaddr addr;
    size_t done;
    if (!ctx->cluster)
        return mon_error(ctx, -ENOENT, "the board has no cluster");
    if (parse_x_format(ctx, &f) || parse_address(ctx, ctx->cluster, ctx->argv[0], &addr))
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


/* ---- running a line -------------------------------------------------------- */

static int unknown_command(const struct monitor_ctx *ctx, const struct monitor_words *w)
{
    if (cmd_is_group(w->argv, 1))
        monitor_printf(ctx->out, "unknown command '%s' (try help %s)\n", w->text, w->argv[0]);
    else
        monitor_printf(ctx->out, "unknown command '%s' (try help)\n", w->argv[0]);
    return -EINVAL;
}

static int run_command(struct monitor_ctx *ctx, struct monitor_words *w)
{
    char *slash = strchr(w->argv[0], '/');
    int nwords;
    if (slash)
        *slash = '\0';
    const struct monitor_cmd *cmd = cmd_lookup(w->argv, w->argc, &nwords);
    if (!cmd)
        return unknown_command(ctx, w);
    ctx->fmt = slash ? slash + 1 : "";
    ctx->argv = w->argv + nwords;
    ctx->argc = w->argc - nwords;
    ctx->rest = ctx->argc ? w->text + w->start[nwords] : "";
    if ((slash && !cmd->format) || ctx->argc < cmd->min_args || ctx->argc > cmd->max_args)
        return usage(ctx, cmd->usage);
    return cmd->run(ctx);
}

int monitor_exec(struct machine *m, struct cluster *current, const char *line,
                 const struct monitor_out *out)
{
    struct monitor_words w;
    struct monitor_ctx ctx = {
        .m = m,
        .cluster = current ? current : m->nclusters ? m->clusters[0] : NULL,
        .out = out,
    };
    int err = words_split(line, &w);
    if (err == -E2BIG)
        mon_error(&ctx, -EINVAL, "more than %d words", MONITOR_MAX_WORDS);
    else if (err)
        mon_error(&ctx, err, "out of memory");
    else if (w.argc)
        err = run_command(&ctx, &w);
    words_free(&w);
    return err == -E2BIG ? -EINVAL : err;
}

/* ---- completion -------------------------------------------------------------- */

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
        size_t len = cmd_word(monitor_cmds[i].name, n, &word);
        if (len && cmd_nwords(monitor_cmds[i].name) > n &&
            cmd_starts(monitor_cmds[i].name, words, n))
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

static bool has_props(const struct object *obj)
{
    for (const struct object_type *t = obj->type; t;
         t = t->parent ? object_type_find(t->parent) : NULL)
        if (t->props && t->props->name)
            return true;
    return false;
}

/* Children of @obj after the first @keep characters of the word: "name/"
 * for those with children, "name." (@props) or "name" (objects only). */
static void complete_children(struct word_list *l, const struct object *obj, int keep,
                              bool props)
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
        prop_foreach(obj, prop_candidate, &pc);
    else if (obj)
        complete_children(l, obj, dirlen, props);
}

/* Values of a boolean or enumerated property @target, after @lead. */
static void complete_values(struct machine *m, struct word_list *l, const char *target,
                            size_t len, const char *lead, int leadlen)
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
    const char *const *names = !def ? NULL
                             : def->type == PROP_BOOL ? bools
                             : def->type == PROP_ENUM ? def->enum_names : NULL;
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
    case ARG_COMMAND:
        complete_cmd_words(l, args, k);
        break;
    case ARG_OBJECT:
        complete_path(m, l, false);
        break;
    case ARG_PROP:
        if (eq)
            complete_values(m, l, l->prefix, (size_t)(eq - l->prefix), l->prefix,
                            (int)(eq - l->prefix) + 1);
        else
            complete_path(m, l, true);
        break;
    case ARG_VALUE:
        complete_values(m, l, args[k - 1], strlen(args[k - 1]), "", 0);
        break;
    case ARG_ONOFF:
        list_add(l, "on");
        list_add(l, "off");
        break;
    case ARG_NONE:
        break;
    }
}

static void complete_words(struct machine *m, struct word_list *l, char *const *prev, int n)
{
    complete_cmd_words(l, prev, n);
    for (size_t i = 0; i < monitor_ncmds && n; i++) {
        const struct monitor_cmd *cmd = &monitor_cmds[i];
        int nw = cmd_nwords(cmd->name), k = n - nw;
        if (k >= 0 && k < 2 && cmd_starts(cmd->name, prev, nw))
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
    if (words_split(line, &w)) {
        words_free(&w);
        return NULL;
    }
    if (!new_word && w.argc)
        l.prefix = w.argv[--w.argc];
    complete_words(m, &l, w.argv, w.argc);
    words_free(&w);
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
