/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the memory and loader unit tests (see testutil.h).
 * stderr is captured at the file-descriptor level, so whatever the logging
 * code writes through is caught.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/unit/loaders/testutil.h"

const struct loader_target tu_rv64 = { .elf_machine = LOADER_EM_RISCV,
                                       .elf_class = LOADER_ELFCLASS64,
                                       .cluster_name = "app", .model_name = "rv64imac" };
const struct loader_target tu_rv32 = { .elf_machine = LOADER_EM_RISCV,
                                       .elf_class = LOADER_ELFCLASS32,
                                       .cluster_name = "rt", .model_name = "rv32imac" };

static char tmpdir[256];
static char *files[64];
static unsigned nfiles;

const char *tu_tmpdir(void)
{
    if (!tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(tmpdir, sizeof(tmpdir), "%s/mosaic-loaders-XXXXXX", base ? base : "/tmp");
        assert_non_null(mkdtemp(tmpdir));
    }
    return tmpdir;
}

const char *tu_write_file(const char *name, const void *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", tu_tmpdir(), name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    for (unsigned i = 0; i < nfiles; i++)
        if (strcmp(files[i], path) == 0)
            return files[i];
    assert_true(nfiles < sizeof(files) / sizeof(files[0]));
    files[nfiles] = strdup(path);
    return files[nfiles++];
}

void tu_cleanup(void)
{
    for (unsigned i = 0; i < nfiles; i++) {
        unlink(files[i]);
        free(files[i]);
    }
    nfiles = 0;
    if (tmpdir[0])
        rmdir(tmpdir);
    tmpdir[0] = '\0';
}

static int saved_stderr = -1;
static FILE *capture_file;

static void redirect_stderr(int fd)
{
    fflush(stderr);
    saved_stderr = dup(2);
    assert_true(saved_stderr >= 0);
    assert_true(dup2(fd, 2) >= 0);
}

static void restore_stderr(void)
{
    fflush(stderr);
    assert_true(dup2(saved_stderr, 2) >= 0);
    close(saved_stderr);
    saved_stderr = -1;
}

void tu_capture_begin(void)
{
    capture_file = tmpfile();
    assert_non_null(capture_file);
    redirect_stderr(fileno(capture_file));
}

const char *tu_capture_end(void)
{
    static char buf[16384];
    restore_stderr();
    rewind(capture_file);
    size_t n = fread(buf, 1, sizeof(buf) - 1, capture_file);
    buf[n] = '\0';
    fclose(capture_file);
    capture_file = NULL;
    /* Show it, so a failing test's output explains itself. */
    fputs(buf, stderr);
    return buf;
}

void tu_silence_begin(void)
{
    int fd = open("/dev/null", O_WRONLY);
    assert_true(fd >= 0);
    redirect_stderr(fd);
    close(fd);
}

void tu_silence_end(void)
{
    restore_stderr();
}

static void assert_logged(const char *log, const char *level, const char *fmt, va_list ap)
{
    char msg[1024], line[1100];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    snprintf(line, sizeof(line), "%s: %s\n", level, msg);
    if (!strstr(log, line))
        fail_msg("expected \"%s\" in the log, got:\n%s", msg, log);
}

void tu_assert_error(const char *log, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    assert_logged(log, "error", fmt, ap);
    va_end(ap);
}

void tu_assert_warning(const char *log, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    assert_logged(log, "warning", fmt, ap);
    va_end(ap);
}

static int dev_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    (void)opaque;
    (void)value;
    fail_msg("device read at 0x%llx size %u", (unsigned long long)offset, size);
    return MEM_DEVICE_ERROR;
}

static int dev_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    (void)opaque;
    (void)value;
    fail_msg("device write at 0x%llx size %u", (unsigned long long)offset, size);
    return MEM_DEVICE_ERROR;
}

static const struct mem_region_ops tu_dev_ops = { .read = dev_read, .write = dev_write };

struct tu_board *tu_board_new(void)
{
    struct tu_board *b = calloc(1, sizeof(*b));
    assert_non_null(b);
    b->view = mem_view_new("app");
    b->ram = mem_region_new_ram("ram", TU_RAM_SIZE);
    b->rom = mem_region_new_rom("rom", TU_ROM_SIZE);
    b->dev = mem_region_new_mmio("uart0", TU_DEV_SIZE, &tu_dev_ops, NULL);
    assert_non_null(b->view);
    assert_non_null(b->ram);
    assert_non_null(b->rom);
    assert_non_null(b->dev);
    memset(b->ram->host, 0xaa, TU_RAM_SIZE);
    memset(b->rom->host, 0xbb, TU_ROM_SIZE);
    assert_int_equal(mem_view_map(b->view, TU_RAM_BASE, b->ram, 0, TU_RAM_SIZE), 0);
    assert_int_equal(mem_view_map(b->view, TU_ROM_BASE, b->rom, 0, TU_ROM_SIZE), 0);
    assert_int_equal(mem_view_map(b->view, TU_DEV_BASE, b->dev, 0, TU_DEV_SIZE), 0);
    return b;
}

void tu_board_free(struct tu_board *b)
{
    mem_region_unref(b->ram);
    mem_region_unref(b->rom);
    mem_region_unref(b->dev);
    mem_view_free(b->view);
    free(b);
}

bool tu_board_untouched(const struct tu_board *b)
{
    for (size_t i = 0; i < TU_RAM_SIZE; i++)
        if (b->ram->host[i] != 0xaa)
            return false;
    for (size_t i = 0; i < TU_ROM_SIZE; i++)
        if (b->rom->host[i] != 0xbb)
            return false;
    return true;
}
