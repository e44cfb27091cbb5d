/* SPDX-License-Identifier: MIT */
/*
 * The monitor's front: one table of commands (name, usage, help line,
 * handler, and what its arguments complete to) serving both gdb's "monitor"
 * (qRcmd) and the readline console. A line is split into words and the
 * longest table name made of its first words picks the command, so
 * "reset halt" wins over "reset"; gdb's x/FMT form is split at the '/'.
 * Also the output every command prints through, including the sink that
 * shows the engine's own error messages as "error: ..." lines.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/internals.h"

static int cmd_help(struct monitor_ctx *ctx);

/* clang-format off */
const struct monitor_cmd monitor_cmds[] = {
    {.name = "help", .usage = "help [COMMAND]", .help = "list the commands, or describe one",
     .run = cmd_help, .max_args = 2, .args = {ARG_COMMAND, ARG_COMMAND}},
    {.name = "info cpus", .usage = "info cpus",
     .help = "every CPU: gdb thread, path, state, pc, instructions run",
     .details = "'*' marks the CPUs of the current cluster (gdb's current inferior).",
     .run = mon_cmd_info_cpus},
    {.name = "info mtree", .usage = "info mtree", .help = "what each cluster sees at each address",
     .run = mon_cmd_info_mtree},
    {.name = "info qom-tree", .usage = "info qom-tree [PATH]",
     .help = "the object tree with every property value", .run = mon_cmd_info_qom_tree,
     .max_args = 1, .args = {ARG_OBJECT}},
    {.name = "get", .usage = "get PATH[.PROP]",
     .help = "print a property, or every property of PATH",
     .run = mon_cmd_get, .min_args = 1, .max_args = 1, .args = {ARG_PROP}},
    {.name = "set", .usage = "set PATH.PROP VALUE",
     .help = "set a property (PATH.PROP=VALUE works too)",
     .details = "VALUE is the rest of the line; \"\" sets an empty string. Properties fixed once\n"
                "the board is realized (image, cpus, ...) are refused.",
     .run = mon_cmd_set, .min_args = 1, .max_args = MONITOR_MAX_WORDS,
     .args = {ARG_PROP, ARG_VALUE}},
    {.name = "stop", .usage = "stop", .help = "hold every CPU", .run = mon_cmd_stop},
    {.name = "halt", .usage = "halt", .help = "the same as stop", .run = mon_cmd_stop},
    {.name = "cont", .usage = "cont", .help = "let every held CPU run", .run = mon_cmd_cont},
    {.name = "continue", .usage = "continue", .help = "the same as cont", .run = mon_cmd_cont},
    {.name = "reset", .usage = "reset [CLUSTER]",
     .help = "reset the current cluster's CPUs (held ones stay held)",
     .details = "Without CLUSTER: gdb's current inferior, or the first cluster on the console.",
     .run = mon_cmd_reset, .max_args = 1, .args = {ARG_OBJECT}},
    {.name = "reset halt", .usage = "reset halt [CLUSTER]",
     .help = "reset the current cluster and hold its CPUs", .run = mon_cmd_reset_halt,
     .max_args = 1, .args = {ARG_OBJECT}},
    {.name = "reset init", .usage = "reset init [CLUSTER]", .help = "the same as reset halt",
     .run = mon_cmd_reset_halt, .max_args = 1, .args = {ARG_OBJECT}},
    {.name = "reset all", .usage = "reset all",
     .help = "reset the whole board and reload its images",
     .run = mon_cmd_reset_all},
    {.name = "system_reset", .usage = "system_reset", .help = "the same as reset all",
     .run = mon_cmd_reset_all},
    {.name = "quit", .usage = "quit", .help = "end the server", .run = mon_cmd_quit},
    {.name = "x", .usage = "x[/N[FMT]] ADDR", .help = "examine memory of the current cluster",
     .details = "FMT: x 4-byte words in hex (the default), b bytes, i instructions. N: how many.\n"
                "ADDR: a number or a symbol of a loaded image. Devices are never read.",
     .run = mon_cmd_x, .min_args = 1, .max_args = 1, .format = true},
    {.name = "cpu-power", .usage = "cpu-power CPU on|off [PC]",
     .help = "power a CPU on (at PC) or off",
     .details = "A CPU held in reset (start-powered-off) runs once powered on.",
     .run = mon_cmd_cpu_power, .min_args = 2, .max_args = 3, .args = {ARG_OBJECT, ARG_ONOFF}},
};
/* clang-format on */
const size_t monitor_ncmds = sizeof(monitor_cmds) / sizeof(monitor_cmds[0]);

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

/* The sink of ctx->diag: the engine's message, as it wrote it. */
static void mon_report(void *opaque, enum diag_level level, const char *msg)
{
    const struct monitor_ctx *ctx = opaque;
    monitor_printf(ctx->out, "%s: %s\n", level == DIAG_WARN ? "warning" : "error", msg);
}

int mon_error(struct monitor_ctx *ctx, int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_verror(&ctx->diag, fmt, ap);
    va_end(ap);
    return err;
}

int mon_usage(struct monitor_ctx *ctx, const char *text)
{
    monitor_printf(ctx->out, "usage: %s\n", text);
    return -EINVAL;
}

int mon_print_stream(struct monitor_ctx *ctx, void (*print)(FILE *, const void *), const void *arg)
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

char *mon_path(const struct object *obj, char *buf)
{
    return object_path(obj, buf, MONITOR_PATH_MAX);
}

struct object *mon_lookup_object(struct monitor_ctx *ctx, const char *path)
{
    return object_lookup(&ctx->m->obj, path, &ctx->diag);
}

/* ---- words and the command table ------------------------------------ */

void mon_words_free(struct monitor_words *w)
{
    free(w->text);
}

int mon_words_split(const char *line, struct monitor_words *w)
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

size_t mon_cmd_word(const char *name, int k, const char **word)
{
    for (; k > 0 && *name; k--) {
        name += strcspn(name, " ");
        name += *name == ' ';
    }
    *word = name;
    return strcspn(name, " ");
}

int mon_cmd_nwords(const char *name)
{
    int n = 1;
    for (; *name; name++)
        n += *name == ' ';
    return n;
}

bool mon_cmd_starts(const char *name, char *const *words, int n)
{
    for (int k = 0; k < n; k++) {
        const char *word;
        size_t len = mon_cmd_word(name, k, &word);
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
        int n = mon_cmd_nwords(monitor_cmds[i].name);
        if (n <= argc && n > *nwords && mon_cmd_starts(monitor_cmds[i].name, argv, n)) {
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
        if (mon_cmd_nwords(monitor_cmds[i].name) > n &&
            mon_cmd_starts(monitor_cmds[i].name, argv, n))
            return true;
    return false;
}

static int cmd_help(struct monitor_ctx *ctx)
{
    const struct monitor_cmd *only = NULL;
    unsigned found = 0;
    for (size_t i = 0; i < monitor_ncmds; i++) {
        const struct monitor_cmd *cmd = &monitor_cmds[i];
        if (ctx->argc > mon_cmd_nwords(cmd->name) ||
            !mon_cmd_starts(cmd->name, ctx->argv, ctx->argc))
            continue;
        monitor_printf(ctx->out, "%-26s %s\n", cmd->usage, cmd->help);
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
        return mon_usage(ctx, cmd->usage);
    return cmd->run(ctx);
}

int monitor_exec(struct machine *m, struct cluster *current, const char *line,
                 const struct monitor_out *out)
{
    struct monitor_words w;
    struct monitor_ctx ctx = {
        .m = m,
        .cluster = current        ? current
                   : m->nclusters ? m->clusters[0]
                                  : NULL,
        .out = out,
    };
    ctx.diag = (struct diag){mon_report, &ctx};
    int err = mon_words_split(line, &w);
    if (err == -E2BIG)
        mon_error(&ctx, -EINVAL, "more than %d words", MONITOR_MAX_WORDS);
    else if (err)
        mon_error(&ctx, err, "out of memory");
    else if (w.argc)
        err = run_command(&ctx, &w);
    mon_words_free(&w);
    return err == -E2BIG ? -EINVAL : err;
}
