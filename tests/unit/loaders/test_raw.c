/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for raw binary loading and for what loader_load() does before
 * any format: "PATH@ADDR" parsing (file names containing '@' included),
 * the resolved image path it returns, file errors, format detection, and
 * errors and warnings through a caller's diagnostics sink.
 */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/io/diag.h"
#include "loaders/loader.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/loaders/testutil.h"

static int setup(void **state)
{
    *state = tu_board_new();
    return 0;
}

static int teardown(void **state)
{
    tu_board_free(*state);
    return 0;
}

static const uint8_t image[] = {0x13, 0x00, 0x00, 0x00, 0x6f, 0x00, 0x00, 0x00, 0x01, 0x02};

/* Load @spec into @b expecting failure; returns the captured log. */
static const char *load_fails(struct tu_board *b, const char *spec, int expect)
{
    struct load_result res;
    capture_begin(STDERR_FILENO);
    int err = loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL);
    const char *log = capture_end();
    assert_int_equal(err, expect);
    assert_true(tu_board_untouched(b));
    return log;
}

static void test_raw_at_addr(void **state)
{
    struct tu_board *b = *state;
    const char *path = tu_write_file("fw.bin", image, sizeof(image));
    char spec[600];
    snprintf(spec, sizeof(spec), "%s@0x80000100", path);
    struct load_result res;
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_memory_equal(b->ram->host + 0x100, image, sizeof(image));
    assert_int_equal(b->ram->host[0xff], 0xaa);
    assert_int_equal(b->ram->host[0x100 + sizeof(image)], 0xaa);
    assert_true(res.has_entry);
    assert_int_equal(res.entry, 0x80000100);
    assert_int_equal(res.low, 0x80000100);
    assert_int_equal(res.high, 0x80000100 + sizeof(image) - 1);

    /* Into ROM, in decimal, up to the last byte of the region. */
    snprintf(spec, sizeof(spec), "%s@%u", path,
             TU_ROM_BASE + TU_ROM_SIZE - (unsigned)sizeof(image));
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_memory_equal(b->rom->host + TU_ROM_SIZE - sizeof(image), image, sizeof(image));
}

static void test_raw_needs_addr(void **state)
{
    const char *path = tu_write_file("fw.bin", image, sizeof(image));
    const char *log = load_fails(*state, path, -EINVAL);
    capture_expect_error(log,
                         "%s: not an ELF or Intel HEX file, and a raw binary needs a load"
                         " address: write %s@ADDR",
                         path, path);
}

static void test_raw_outside(void **state)
{
    const char *path = tu_write_file("fw.bin", image, sizeof(image));
    char spec[600];
    snprintf(spec, sizeof(spec), "%s@0x90000000", path);
    const char *log = load_fails(*state, spec, -ERANGE);
    capture_expect_error(log,
                         "%s: image [0x90000000-0x90000009] is outside mapped memory of"
                         " cluster 'app'",
                         path);

    snprintf(spec, sizeof(spec), "%s@0x800ffffc", path);
    log = load_fails(*state, spec, -ERANGE);
    capture_expect_error(log,
                         "%s: image [0x800ffffc-0x80100005] runs past mapped memory of"
                         " cluster 'app' at 0x80100000",
                         path);

    snprintf(spec, sizeof(spec), "%s@0x100000fc", path);
    log = load_fails(*state, spec, -ERANGE);
    capture_expect_error(log,
                         "%s: image [0x100000fc-0x10000105] overlaps device 'uart0'"
                         " [0x10000000-0x100000ff] of cluster 'app'",
                         path);

    snprintf(spec, sizeof(spec), "%s@0xfffffffffffffffc", path);
    log = load_fails(*state, spec, -ERANGE);
    capture_expect_error(log,
                         "%s: 0xa bytes at 0xfffffffffffffffc run past the end of the address"
                         " space",
                         path);
}

static void test_spec_errors(void **state)
{
    const char *path = tu_write_file("fw.bin", image, sizeof(image));
    char spec[600];
    snprintf(spec, sizeof(spec), "%s@0x8000zz", path);
    const char *log = load_fails(*state, spec, -EINVAL);
    capture_expect_error(log,
                         "%s: bad load address '0x8000zz' after '@' (expected a number such"
                         " as 0x80000000)",
                         spec);

    snprintf(spec, sizeof(spec), "%s/missing.bin", tu_tmpdir());
    log = load_fails(*state, spec, -ENOENT);
    capture_expect_error(log, "%s: cannot open: No such file or directory", spec);

    log = load_fails(*state, tu_tmpdir(), -EINVAL);
    capture_expect_error(log, "%s: not a regular file (a directory)", tu_tmpdir());

    /* A FIFO without a writer: refused at once, not waited on. */
    snprintf(spec, sizeof(spec), "%s/fifo.bin", tu_tmpdir());
    assert_int_equal(mkfifo(spec, 0600), 0);
    strcat(spec, "@0x1000");
    log = load_fails(*state, spec, -EINVAL);
    capture_expect_error(log, "%s/fifo.bin: not a regular file (a fifo)", tu_tmpdir());

    const char *empty = tu_write_file("empty.bin", "", 0);
    snprintf(spec, sizeof(spec), "%s@0x80000000", empty);
    log = load_fails(*state, spec, -EINVAL);
    capture_expect_error(log, "%s: file is empty: nothing to load", empty);
}

static void test_at_in_file_name(void **state)
{
    struct tu_board *b = *state;
    const char *path = tu_write_file("fw@v2.bin", image, sizeof(image));
    /* An existing file is never split at its '@'. */
    const char *log = load_fails(b, path, -EINVAL);
    capture_expect_error(log,
                         "%s: not an ELF or Intel HEX file, and a raw binary needs a load"
                         " address: write %s@ADDR",
                         path, path);

    char spec[600];
    snprintf(spec, sizeof(spec), "%s@0x80000000", path);
    struct load_result res;
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_memory_equal(b->ram->host, image, sizeof(image));
}

/* The absolute, resolved path of @name in the temporary directory. */
static const char *real_tmp_path(const char *name)
{
    static char buf[PATH_MAX + 64];
    char dir[PATH_MAX];
    assert_non_null(realpath(tu_tmpdir(), dir));
    snprintf(buf, sizeof(buf), "%s/%s", dir, name);
    return buf;
}

/* The loader hands back the file it loaded, absolute and without "@ADDR",
 * so no caller splits a spec again. */
static void test_resolved_path(void **state)
{
    struct tu_board *b = *state;
    struct load_result res;
    char cwd[PATH_MAX], spec[PATH_MAX];
    tu_write_file("fw.bin", image, sizeof(image));
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(tu_tmpdir()), 0);
    int err = loader_load(b->view, "fw.bin@0x80000000", &tu_rv64, &res, NULL, NULL, NULL);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(err, 0);
    assert_string_equal(res.path, real_tmp_path("fw.bin"));

    snprintf(spec, sizeof(spec), "%s/../%s/./fw.bin@0x80000000", tu_tmpdir(),
             strrchr(tu_tmpdir(), '/') + 1);
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_string_equal(res.path, real_tmp_path("fw.bin"));
}

/* '@' in a file name: a spec naming an existing file is the file (HEX and
 * ELF carry their addresses), and otherwise only the last '@' starts the
 * address. Either way the path returned is the file's, '@' and all. */
static void test_at_in_resolved_path(void **state)
{
    struct tu_board *b = *state;
    struct load_result res;
    char spec[PATH_MAX];
    const char *hex = ":020000048000"
                      "7A\n:0400000001020304F2\n:00000001FF\n";
    const char *path = tu_write_file("fw@0x80000000.hex", hex, strlen(hex));
    assert_int_equal(loader_load(b->view, path, &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_string_equal(res.path, real_tmp_path("fw@0x80000000.hex"));
    assert_false(res.has_entry);

    path = tu_write_file("fw@v2.bin", image, sizeof(image));
    snprintf(spec, sizeof(spec), "%s@0x80000010", path);
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_string_equal(res.path, real_tmp_path("fw@v2.bin"));
    assert_int_equal(res.entry, 0x80000010);
    assert_memory_equal(b->ram->host + 0x10, image, sizeof(image));
}

struct sink_buf {
    char text[1024];
    unsigned count;
};

static void sink_report(void *opaque, enum diag_level level, const char *msg)
{
    struct sink_buf *s = opaque;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof(s->text) - used, "%s: %s\n",
             level == DIAG_WARN ? "warning" : "error", msg);
    s->count++;
}

/* With a sink, the loader's errors and warnings go there, not to the log. */
static void test_errors_through_sink(void **state)
{
    struct tu_board *b = *state;
    struct sink_buf s = {0};
    const struct diag d = {sink_report, &s};
    struct load_result res;
    char spec[PATH_MAX], want[3 * PATH_MAX];
    const char *path = tu_write_file("fw.bin", image, sizeof(image));
    capture_begin(STDERR_FILENO);
    assert_int_equal(loader_load(b->view, path, &tu_rv64, &res, NULL, NULL, &d), -EINVAL);
    snprintf(spec, sizeof(spec), "%s/missing.bin", tu_tmpdir());
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, &d), -ENOENT);
    /* A HEX start address in a device: loaded, with a warning. */
    const char *hex = ":020000048000"
                      "7A\n:0400000001020304F2\n:0400000510000000E7\n"
                      ":00000001FF\n";
    const char *hpath = tu_write_file("start.hex", hex, strlen(hex));
    assert_int_equal(loader_load(b->view, hpath, &tu_rv64, &res, NULL, NULL, &d), 0);
    assert_string_equal(capture_end(), "");
    snprintf(want, sizeof(want),
             "error: %s: not an ELF or Intel HEX file, and a raw binary needs a load address:"
             " write %s@ADDR\n"
             "error: %s: cannot open: No such file or directory\n"
             "warning: %s: entry point 0x10000000 is not in mapped RAM/ROM of cluster 'app'\n",
             path, path, spec, hpath);
    assert_string_equal(s.text, want);
    assert_int_equal(s.count, 3);
}

static void test_format_detection(void **state)
{
    struct tu_board *b = *state;
    char spec[600];
    /* Text starting with ':' is Intel HEX whatever its name... */
    const char *hex = ":020000048000"
                      "7A\n:0400000001020304F2\n:00000001FF\n";
    const char *txt = tu_write_file("fw.txt", hex, strlen(hex));
    snprintf(spec, sizeof(spec), "%s@0x80000000", txt);
    const char *log = load_fails(b, spec, -EINVAL);
    capture_expect_error(log,
                         "%s: Intel HEX files carry their own load addresses: remove"
                         " '@0x80000000'",
                         txt);
    /* ...and a .hex name makes it HEX even when the content is not. */
    const char *path = tu_write_file("fw.hex", image, sizeof(image));
    log = load_fails(b, path, -EINVAL);
    capture_expect_error(log, "%s:1: a record must start with ':'", path);

    struct load_result res;
    assert_int_equal(loader_load(b->view, txt, &tu_rv64, &res, NULL, NULL, NULL), 0);
    static const uint8_t data[] = {1, 2, 3, 4};
    assert_memory_equal(b->ram->host, data, sizeof(data));
    /* Binary that starts with ':' stays raw. */
    static const uint8_t colon[] = {':', 0x00, 0xff};
    path = tu_write_file("colon.bin", colon, sizeof(colon));
    snprintf(spec, sizeof(spec), "%s@0x80000010", path);
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_memory_equal(b->ram->host + 0x10, colon, sizeof(colon));
}

static int group_teardown(void **state)
{
    (void)state;
    tu_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_raw_at_addr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_raw_needs_addr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_raw_outside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spec_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_at_in_file_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resolved_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_at_in_resolved_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_through_sink, setup, teardown),
        cmocka_unit_test_setup_teardown(test_format_detection, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, group_teardown);
}
