/* SPDX-License-Identifier: MIT */
/*
 * Shared helpers of the boards tests (see support.h): a stand-in "riscv"
 * target whose harts only record interrupt levels, stderr capture, and
 * temporary files.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <cmocka.h>

#include "boards/board.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "tests/unit/boards/support.h"

int fake_irq_level[FAKE_MAX_CPUS][FAKE_NLINES];
unsigned fake_irq_calls;

static const struct cpu_model fake_models[] = {
    {.name = "rv64imac", .elf_machine = 243, .elf_class = 2},
    {.name = "rv32imac", .elf_machine = 243, .elf_class = 1},
    {.name = "rv64gc", .elf_machine = 243, .elf_class = 2},
    {.name = "rv32gc", .elf_machine = 243, .elf_class = 1},
    {0},
};

static void fake_irq_set(void *opaque, int n, int level)
{
    struct cpu *cpu = opaque;

    if (cpu->index < FAKE_MAX_CPUS)
        fake_irq_level[cpu->index][n] = level;
    fake_irq_calls++;
}

static int fake_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out)
{
    static const char *const names[FAKE_NLINES] = {"msip", "mtip", "meip"};

    for (int i = 0; i < FAKE_NLINES; i++) {
        if (!strcmp(name, names[i]) && n == 0) {
            *out = (struct irq_line){.handler = fake_irq_set, .opaque = cpu, .n = i};
            return 0;
        }
    }
    return -ENOENT;
}

static void fake_cpu_reset(struct cpu *cpu)
{
    (void)cpu;
}

static void fake_set_pc(struct cpu *cpu, gaddr pc)
{
    (void)cpu;
    (void)pc;
}

static const struct target_ops fake_target = {
    .arch = "riscv",
    .models = fake_models,
    .default_model = "rv64imac",
    .cpu_size = sizeof(struct cpu),
    .cpu_reset = fake_cpu_reset,
    .set_pc = fake_set_pc,
    .irq_in = fake_irq_in,
};

void support_init(void)
{
    engine_register_types();
    target_register(&fake_target);
    boards_register_types();
    setenv("MOSAIC_BOARD_PATH", MOSAIC_SRCDIR "/boards", 1);
    memset(fake_irq_level, 0, sizeof(fake_irq_level));
    fake_irq_calls = 0;
}

static int capture_saved_fd = -1;
static FILE *capture_file;

void support_capture_begin(void)
{
    fflush(stderr);
    capture_file = tmpfile();
    capture_saved_fd = dup(STDERR_FILENO);
    dup2(fileno(capture_file), STDERR_FILENO);
}

char *support_capture_end(void)
{
    long len;
    char *text;

    fflush(stderr);
    dup2(capture_saved_fd, STDERR_FILENO);
    close(capture_saved_fd);
    len = ftell(capture_file);
    text = calloc(1, (size_t)(len > 0 ? len : 0) + 1);
    rewind(capture_file);
    if (len > 0 && fread(text, 1, (size_t)len, capture_file) != (size_t)len)
        text[0] = '\0';
    fclose(capture_file);
    /* Echo what was captured so a failing test shows it. */
    fputs(text, stderr);
    return text;
}

char *support_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *dir = NULL;

    if (asprintf(&dir, "%s/mosaic-boards-XXXXXX", base && *base ? base : "/tmp") < 0)
        return NULL;
    if (!mkdtemp(dir)) {
        free(dir);
        return NULL;
    }
    return dir;
}

char *support_write_file(const char *dir, const char *name, const char *text)
{
    char *path = NULL;
    FILE *f;

    if (asprintf(&path, "%s/%s", dir, name) < 0)
        return NULL;
    f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

char *support_read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    char *text = NULL;
    size_t len = 0;
    FILE *out;
    int c;

    if (!f)
        return NULL;
    out = open_memstream(&text, &len);
    while ((c = fgetc(f)) != EOF)
        fputc(c, out);
    fclose(out);
    fclose(f);
    return text;
}

void support_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char *path;

    while (d && (de = readdir(d))) {
        if (de->d_name[0] == '.' || asprintf(&path, "%s/%s", dir, de->d_name) < 0)
            continue;
        unlink(path);
        free(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

int support_unix_connect(const char *path)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    assert_true(fd >= 0 && strlen(path) < sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    assert_int_equal(connect(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
    return fd;
}

struct machine *support_load(const char *xml, char **err)
{
    struct machine *m;
    char *text;

    support_capture_begin();
    m = board_load_string("test.xml", xml, strlen(xml));
    text = support_capture_end();
    if (err)
        *err = text;
    else
        free(text);
    return m;
}

static struct mem_region *support_region(struct machine *m, const char *path)
{
    struct object *o = object_resolve(OBJECT(m), path);

    return o && object_is(o, "sysbus") ? ((struct sysbus *)o)->region : NULL;
}

int support_mmio_read(struct machine *m, const char *path, uint64_t off, unsigned size,
                      uint64_t *value)
{
    struct mem_region *r = support_region(m, path);

    return r ? r->ops->read(r->opaque, off, size, value) : -ENOENT;
}

int support_mmio_write(struct machine *m, const char *path, uint64_t off, unsigned size,
                       uint64_t value)
{
    struct mem_region *r = support_region(m, path);

    return r ? r->ops->write(r->opaque, off, size, value) : -ENOENT;
}
