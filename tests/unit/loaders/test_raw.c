/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for raw binary loading and for what loader_load() does before
 * any format: "PATH@ADDR" parsing, file errors, format detection.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

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

static const uint8_t image[] = { 0x13, 0x00, 0x00, 0x00, 0x6f, 0x00, 0x00, 0x00, 0x01, 0x02 };

/* Load @spec into @b expecting failure; returns the captured log. */
static const char *load_fails(struct tu_board *b, const char *spec, int expect)
{
    struct load_result res;
    capture_begin(STDERR_FILENO);
    int err = loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL);
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
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL), 0);
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
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL), 0);
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
    capture_expect_error(log, "%s: not a regular file", tu_tmpdir());

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
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL), 0);
    assert_memory_equal(b->ram->host, image, sizeof(image));
}

static void test_format_detection(void **state)
{
    struct tu_board *b = *state;
    char spec[600];
    /* Text starting with ':' is Intel HEX whatever its name... */
    const char *hex = ":020000048000" "7A\n:0400000001020304F2\n:00000001FF\n";
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
    assert_int_equal(loader_load(b->view, txt, &tu_rv64, &res, NULL, NULL), 0);
    static const uint8_t data[] = { 1, 2, 3, 4 };
    assert_memory_equal(b->ram->host, data, sizeof(data));
    /* Binary that starts with ':' stays raw. */
    static const uint8_t colon[] = { ':', 0x00, 0xff };
    path = tu_write_file("colon.bin", colon, sizeof(colon));
    snprintf(spec, sizeof(spec), "%s@0x80000010", path);
    assert_int_equal(loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL), 0);
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
        cmocka_unit_test_setup_teardown(test_format_detection, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, group_teardown);
}
