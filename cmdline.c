/* SPDX-License-Identifier: MIT */
/*
 * Command-line parsing for mosaic. Options are single-dash words, as in
 * QEMU, so existing muscle memory works (-board, -set, -d, -s, -S).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdline.h"
#include "config.h"

static const char usage_text[] =
    "Usage: mosaic -board NAME [-set PATH.PROP=VALUE]... [options]\n"
    "       mosaic -board-file FILE.xml [...]\n"
    "       mosaic -board list\n"
    "\n"
    "Runs a heterogeneous board: every cluster of CPUs is configured through\n"
    "object properties, and images are loaded per cluster or per CPU:\n"
    "  mosaic -board riscv-virt -set /app.image=fw.elf\n"
    "\n"
    "Board:\n"
    "  -board NAME            a shipped board (-board list shows them)\n"
    "  -board-file FILE       a board description file of your own\n"
    "  -set PATH.PROP=VALUE   set a property, e.g. -set /app.cpus=2,\n"
    "                         -set /app/cpu1.image=fw1.elf, -set /dram.size=256M\n"
    "  -info qom-tree         print the object tree with property values and exit\n"
    "  -info types            print every object type with its properties and exit\n"
    "  -time-limit DURATION   stop after that much virtual time (10s, 0.5s, 250ms)\n"
    "                         with exit status 124, saying where every CPU was\n"
    "                         (the same as -set /.time-limit=DURATION)\n"
    "  -wall-limit DURATION   the same in host (wall-clock) time, for CI: exit status\n"
    "                         124 (the same as -set /.wall-limit=DURATION)\n"
    "\n"
    "Debugging:\n"
    "  -gdb tcp::PORT         listen for gdb on 127.0.0.1:PORT (target extended-remote)\n"
    "  -gdb tcp:HOST:PORT     listen on an explicit address\n"
    "  -gdb unix:PATH         listen on a unix socket\n"
    "  -s                     same as -gdb tcp::1234\n"
    "  -S                     hold every CPU stopped until gdb resumes it\n"
    "  -monitor stdio         a monitor console on the terminal (type help)\n"
    "\n"
    "Diagnostics:\n"
    "  -d LIST                debug logs: in_asm, op, exec, int, mmio, unimp, gdb, board\n"
    "                         (-d help lists them)\n"
    "  -D FILE                write debug logs to FILE instead of stderr\n"
    "  -stats                 print executed instructions and guest MIPS at exit\n"
    "  -q                     quiet: only errors and warnings\n"
    "  -h, --help             this text\n"
    "  --version              print the version\n"
    "\n"
    "The exit status is the guest's exit code (test finisher, HTIF, semihosting),\n"
    "124 when -time-limit or -wall-limit ran out, 125 when a CPU is stuck in a fault\n"
    "storm (the same fault at the same pc, over and over), or 1 when the board\n"
    "cannot be built or run.\n";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "mosaic: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'mosaic -h' for help.\n");
    exit(1);
}

/* Options that take one argument, and where it goes. */
static const char **arg_slot(struct options *o, const char *opt)
{
    static const struct {
        const char *name;
        size_t offset;
    } table[] = {
        {"-board", offsetof(struct options, board)},
        {"-board-file", offsetof(struct options, board_file)},
        {"-info", offsetof(struct options, info)},
        {"-d", offsetof(struct options, debug)},
        {"-D", offsetof(struct options, debug_file)},
        {"-gdb", offsetof(struct options, gdb)},
        {"-monitor", offsetof(struct options, monitor)},
        {"-time-limit", offsetof(struct options, time_limit)},
        {"-wall-limit", offsetof(struct options, wall_limit)},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (!strcmp(opt, table[i].name))
            return (const char **)((char *)o + table[i].offset);
    return NULL;
}

void cmdline_parse(int argc, char **argv, struct options *o)
{
    memset(o, 0, sizeof(*o));
    o->sets = calloc((size_t)argc, sizeof(*o->sets));
    if (!o->sets)
        exit(1);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        /* Accept --option as a synonym of -option. */
        if (a[0] == '-' && a[1] == '-' && a[2])
            a++;
        if (!strcmp(a, "-h") || !strcmp(a, "-help")) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (!strcmp(a, "-version")) {
            printf("mosaic %s\n", PACKAGE_VERSION);
            exit(0);
        } else if (!strcmp(a, "-q")) {
            o->quiet = true;
        } else if (!strcmp(a, "-stats")) {
            o->stats = true;
        } else if (!strcmp(a, "-s")) {
            o->gdb = "tcp::1234";
        } else if (!strcmp(a, "-S")) {
            o->hold = true;
        } else if (!strcmp(a, "-set")) {
            if (++i == argc)
                usage_error("%s needs PATH.PROP=VALUE", "-set");
            o->sets[o->nsets++] = argv[i];
        } else if (arg_slot(o, a)) {
            if (++i == argc)
                usage_error("%s needs an argument", a);
            *arg_slot(o, a) = argv[i];
        } else {
            usage_error("unknown option '%s'", argv[i]);
        }
    }
    if (o->hold && !o->gdb)
        usage_error("%s holds the CPUs for gdb: give -gdb SPEC or -s too", "-S");
    if (o->board && o->board_file)
        usage_error("%s: give either -board or -board-file, not both", "-board");
    if (!o->board && !o->board_file)
        usage_error("%s", "no board given: use -board NAME (-board list shows them)");
}

void cmdline_free(struct options *o)
{
    free(o->sets);
}
