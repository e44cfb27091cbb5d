/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of logging: message prefixes and newlines, quiet mode, the -d
 * subsystem list with its errors and help, and debug output to a -D file.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/io/log.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/common/tmpdir.h"

static int reset_log(void **state)
{
    (void)state;
    log_set_quiet(false);
    log_set_file(NULL);
    return log_set_mask("");
}

static void test_prefixes_and_newlines(void **state)
{
    (void)state;
    capture_begin(STDERR_FILENO);
    log_error("%s:%d: bad %s", "board.xml", 12, "thing");
    log_warn("already ends\n");
    log_info("loaded %u bytes", 42u);
    log_error("%s", "");
    log_warn("%s", "formatted newline\n");
    const char *out = capture_end();
    assert_string_equal(out, "mosaic: error: board.xml:12: bad thing\n"
                             "mosaic: warning: already ends\n"
                             "mosaic: loaded 42 bytes\n"
                             "mosaic: error: \n"
                             "mosaic: warning: formatted newline\n");
}

static void test_quiet(void **state)
{
    (void)state;
    log_set_quiet(true);
    capture_begin(STDERR_FILENO);
    log_info("hidden");
    log_warn("shown");
    const char *out = capture_end();
    assert_string_equal(out, "mosaic: warning: shown\n");
}

static void test_mask(void **state)
{
    (void)state;
    for (int s = 0; s < LOG_SUBSYS_COUNT; s++)
        assert_false(log_enabled(s));
    assert_int_equal(log_set_mask("in_asm,exec"), 0);
    assert_true(log_enabled(LOG_IN_ASM));
    assert_true(log_enabled(LOG_EXEC));
    assert_false(log_enabled(LOG_OP));
    assert_false(log_enabled(LOG_GDB));
    /* A new list replaces the old one. */
    assert_int_equal(log_set_mask("gdb,,board,"), 0);
    assert_false(log_enabled(LOG_IN_ASM));
    assert_true(log_enabled(LOG_GDB));
    assert_true(log_enabled(LOG_BOARD));
    assert_int_equal(log_set_mask("all"), 0);
    for (int s = 0; s < LOG_SUBSYS_COUNT; s++)
        assert_true(log_enabled(s));
    assert_false(log_enabled(LOG_SUBSYS_COUNT));
}

static void test_mask_errors(void **state)
{
    (void)state;
    assert_int_equal(log_set_mask("op,int,mmio,unimp"), 0);
    capture_begin(STDERR_FILENO);
    assert_int_equal(log_set_mask("exec,inasm"), -EINVAL);
    assert_int_equal(log_set_mask("op,al"), -EINVAL);
    const char *out = capture_end();
    assert_string_equal(out, "mosaic: error: unknown debug subsystem 'inasm' (valid: in_asm, "
                             "op, exec, int, mmio, unimp, gdb, board, all, help)\n"
                             "mosaic: error: unknown debug subsystem 'al' (valid: in_asm, "
                             "op, exec, int, mmio, unimp, gdb, board, all, help)\n");
    /* A bad list changes nothing. */
    assert_false(log_enabled(LOG_EXEC));
    assert_true(log_enabled(LOG_OP));
    assert_true(log_enabled(LOG_INT));
    assert_true(log_enabled(LOG_MMIO));
    assert_true(log_enabled(LOG_UNIMP));
}

static void test_mask_help(void **state)
{
    (void)state;
    capture_begin(STDOUT_FILENO);
    assert_int_equal(log_set_mask("help"), 0);
    const char *out = capture_end();
    static const char *const names[] = {"in_asm", "op",    "exec", "int",
                                        "mmio",   "unimp", "gdb",  "board"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        char line[32];
        snprintf(line, sizeof(line), "\n  %-8s ", names[i]);
        if (!strstr(out, line))
            fail_msg("'%s' missing from -d help:\n%s", names[i], out);
    }
    assert_false(log_enabled(LOG_EXEC));
}

static void test_debug_to_file(void **state)
{
    (void)state;
    char *dir = tmpdir_new(), *path = NULL, *text;
    assert_true(asprintf(&path, "%s/debug.log", dir) > 0);
    assert_int_equal(log_set_file(path), 0);
    assert_int_equal(log_set_mask("mmio"), 0);
    capture_begin(STDERR_FILENO);
    log_debug(LOG_MMIO, "write 0x%x at %#x", 0x41, 0x10000000);
    log_debug(LOG_EXEC, "not shown");
    fprintf(log_stream(), "raw dump\n");
    log_error("errors stay on stderr");
    const char *err = capture_end();
    assert_string_equal(err, "mosaic: error: errors stay on stderr\n");
    assert_int_equal(log_set_file(NULL), 0);
    assert_ptr_equal(log_stream(), stderr);

    text = tmpdir_read(path);
    assert_string_equal(text, "mmio: write 0x41 at 0x10000000\nraw dump\n");
    free(text);
    free(path);
    tmpdir_remove(dir);
}

static void test_debug_to_stderr(void **state)
{
    (void)state;
    assert_int_equal(log_set_mask("int"), 0);
    capture_begin(STDERR_FILENO);
    log_debug(LOG_INT, "cpu%d: trap %d\n", 0, 7);
    log_debug(LOG_MMIO, "hidden");
    const char *out = capture_end();
    assert_string_equal(out, "int: cpu0: trap 7\n");
}

static void test_set_file_error(void **state)
{
    (void)state;
    capture_begin(STDERR_FILENO);
    assert_int_equal(log_set_file("/nonexistent-dir/log.txt"), -ENOENT);
    const char *out = capture_end();
    assert_string_equal(out, "mosaic: error: /nonexistent-dir/log.txt: cannot open the log "
                             "file: No such file or directory\n");
    assert_ptr_equal(log_stream(), stderr);
}

#define LOG_TEST(fn) cmocka_unit_test_setup_teardown(fn, reset_log, reset_log)

int main(void)
{
    const struct CMUnitTest tests[] = {
        LOG_TEST(test_prefixes_and_newlines),
        LOG_TEST(test_quiet),
        LOG_TEST(test_mask),
        LOG_TEST(test_mask_errors),
        LOG_TEST(test_mask_help),
        LOG_TEST(test_debug_to_file),
        LOG_TEST(test_debug_to_stderr),
        LOG_TEST(test_set_file_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
