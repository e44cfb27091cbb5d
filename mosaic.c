/* SPDX-License-Identifier: MIT */
/*
 * mosaic: build a board from its description and the command line, load
 * each cluster's and each CPU's image, and run it. This is the only place
 * that knows every module: boards, loaders, targets and the engine.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "boards/board.h"
#include "cmdline.h"
#include "engine/io/chardev.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"
#include "gdbstub/gdbstub.h"
#include "loaders/loader.h"
#include "monitor/monitor.h"
#include "targets/arm/arm.h"
#include "targets/riscv/riscv.h"

static void register_everything(void)
{
    engine_register_types();
    target_register(&arm_target_ops);
    target_register(&riscv_target_ops);
    boards_register_types();
}

static struct machine *build_board(const struct options *o)
{
    char *path = o->board_file ? strdup(o->board_file) : board_find(o->board);
    if (!path)
        return NULL;
    struct machine *m = board_load_file(path, NULL);
    free(path);
    if (!m)
        return NULL;
    for (unsigned i = 0; i < o->nsets; i++)
        if (object_set_assignment(&m->obj, o->sets[i], NULL)) {
            machine_free(m);
            return NULL;
        }
    /* -time-limit and -wall-limit are shorthands for -set /.time-limit=... */
    if ((o->time_limit && object_set_prop_str(&m->obj, "time-limit", o->time_limit, NULL)) ||
        (o->wall_limit && object_set_prop_str(&m->obj, "wall-limit", o->wall_limit, NULL))) {
        machine_free(m);
        return NULL;
    }
    return m;
}

struct symbol_sink {
    struct machine *m;
    struct cluster *c;
};

static void add_symbol(void *opaque, const char *name, gaddr value)
{
    struct symbol_sink *s = opaque;
    machine_add_symbol(s->m, s->c, name, value);
}

/* Load @spec into @c's view; on success *@entry is where CPUs start. */
static int load_image(struct machine *m, struct cluster *c, const char *spec, gaddr *entry,
                      bool *has_entry)
{
    const struct loader_target t = {
        .elf_machine = c->model_def->elf_machine,
        .elf_class = c->model_def->elf_class,
        .cluster_name = c->obj.name,
        .model_name = c->model_def->name,
    };
    struct load_result r;
    struct symbol_sink sink = {m, c};
    int err = loader_load(c->view, spec, &t, &r, add_symbol, &sink, NULL);
    if (err)
        return err;
    *entry = r.entry;
    *has_entry = r.has_entry;
    /* gdb reads the image path back (qXfer:exec-file): the loader's own. */
    char *path = strdup(r.path);
    if (!path) {
        log_error("%s: out of memory", spec);
        return -ENOMEM;
    }
    free(c->exec_file);
    c->exec_file = path;
    return 0;
}

/* Load every cluster image (all its CPUs start at the entry) and every
 * per-CPU image (that CPU starts at its entry). */
static int load_all(struct machine *m)
{
    unsigned loaded = 0;
    for (unsigned i = 0; i < m->nclusters; i++) {
        struct cluster *c = m->clusters[i];
        gaddr entry;
        bool has_entry;
        if (c->image && *c->image) {
            if (load_image(m, c, c->image, &entry, &has_entry))
                return -EINVAL;
            for (unsigned j = 0; j < c->ncpus && has_entry; j++)
                c->cpus[j]->entry = entry;
            loaded++;
        }
        for (unsigned j = 0; j < c->ncpus; j++) {
            struct cpu *cpu = c->cpus[j];
            if (!cpu->image || !*cpu->image)
                continue;
            if (load_image(m, c, cpu->image, &entry, &has_entry))
                return -EINVAL;
            if (has_entry)
                cpu->entry = entry;
            loaded++;
        }
        if (c->reset_pc && *c->reset_pc)
            loaded++; /* code already in ROM, or put there by a device */
    }
    if (!loaded) {
        log_error("nothing to run: give an image, e.g. -set /%s.image=firmware.elf",
                  m->clusters[0]->obj.name);
        return -ENOENT;
    }
    return 0;
}

static int load_images(struct machine *m)
{
    int err = load_all(m);
    return err ? err : machine_images_loaded(m);
}

/*
 * gdb's vRun and the monitor's system_reset: load every image again (code,
 * data and bss as in the files; other memory keeps its contents) and reset
 * every device and CPU.
 */
static int restart_board(struct machine *m)
{
    int err = load_all(m);
    if (!err)
        machine_reset(m);
    return err;
}

/* SIGINT/SIGTERM end the run cleanly (sockets closed, output flushed). */
static struct machine *running;
static volatile sig_atomic_t quit_signal;

static void on_quit_signal(int sig)
{
    quit_signal = sig;
    if (running)
        running->quit = 1;
}

static void catch_quit_signals(struct machine *m)
{
    struct sigaction sa = {.sa_handler = on_quit_signal};
    running = m;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_type(const struct object_type *t, void *opaque)
{
    FILE *out = opaque;
    fprintf(out, "%s%s%s%s\n", t->name, t->help ? ": " : "", t->help ? t->help : "", "");
    object_print_type_props(out, t);
}

static int run(const struct options *o)
{
    if (o->board && !strcmp(o->board, "list"))
        return board_list(stdout) ? 1 : 0;
    if (o->info && !strcmp(o->info, "types")) {
        object_type_foreach("object", print_type, stdout);
        return 0;
    }
    struct machine *m = build_board(o);
    if (!m)
        return 1;
    int rc = 1;
    struct gdb_listener *gdb = NULL;
    if (o->info) {
        if (!strcmp(o->info, "qom-tree")) {
            object_print_tree(stdout, &m->obj);
            rc = 0;
        } else {
            log_error("-info: unknown '%s' (known: qom-tree, types)", o->info);
        }
        goto out;
    }
    if (o->monitor)
        chardev_reserve_stdin();
    if (machine_realize(m) || load_images(m))
        goto out;
    machine_reset(m);
    m->restart = restart_board;
    if (o->gdb && !(gdb = gdbstub_start(m, o->gdb, o->hold)))
        goto out;
    if (o->monitor && monitor_console_start(m, o->monitor))
        goto out;
    catch_quit_signals(m);
    double start = now_seconds();
    rc = machine_run(m);
    if (quit_signal) {
        log_info("stopped by signal %d", (int)quit_signal);
        rc = 128 + quit_signal;
    }
    monitor_console_stop();
    gdbstub_stop(gdb);
    if (o->stats) {
        double secs = now_seconds() - start;
        uint64_t n = machine_instructions(m);
        fflush(stdout);
        fprintf(stderr, "mosaic: executed %" PRIu64 " instructions in %.3f s (%.2f MIPS)\n", n,
                secs, secs > 0 ? (double)n / secs / 1e6 : 0.0);
    }
out:
    fflush(stdout);
    machine_free(m);
    return rc;
}

int main(int argc, char **argv)
{
    struct options o;
    cmdline_parse(argc, argv, &o);
    log_set_quiet(o.quiet);
    if ((o.debug && log_set_mask(o.debug)) || (o.debug_file && log_set_file(o.debug_file))) {
        cmdline_free(&o);
        return 1;
    }
    register_everything();
    int rc = run(&o);
    cmdline_free(&o);
    return rc;
}
