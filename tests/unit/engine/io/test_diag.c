/* SPDX-License-Identifier: MIT */
/*
 * Diagnostics sinks (engine/io/diag.c): a message reaches the caller's
 * sink once with its level, or the log when there is none, and a
 * prefixing sink puts its prefix before it on the way to either.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/io/diag.h"
#include "tests/unit/common/capture.h"

struct sink_buf {
    char text[512];
    unsigned count;
};

static void sink_report(void *opaque, enum diag_level level, const char *msg)
{
    struct sink_buf *b = opaque;
    size_t used = strlen(b->text);

    snprintf(b->text + used, sizeof(b->text) - used, "%s%s\n",
             level == DIAG_WARN ? "warning: " : "", msg);
    b->count++;
}

static void test_sink_or_log(void **state)
{
    struct sink_buf b = {0};
    const struct diag d = {sink_report, &b};

    (void)state;
    capture_begin(STDERR_FILENO);
    diag_error(&d, "bad %s", "value");
    diag_warn(&d, "odd %d", 7);
    diag_error(NULL, "to the %s", "log");
    diag_warn(NULL, "also");
    assert_string_equal(capture_end(), "mosaic: error: to the log\nmosaic: warning: also\n");
    assert_string_equal(b.text, "bad value\nwarning: odd 7\n");
    assert_int_equal(b.count, 2);
}

static void test_prefix(void **state)
{
    struct sink_buf b = {0};
    const struct diag d = {sink_report, &b};
    struct diag_prefix p, q;
    const struct diag *to_sink = diag_prefix_init(&p, &d, "/clint");
    const struct diag *to_log = diag_prefix_init(&q, NULL, "/plic");

    (void)state;
    capture_begin(STDERR_FILENO);
    diag_error(to_sink, "%s: no interrupt input %s[%u]", "/rt/cpu0", "msip", 0u);
    diag_warn(to_sink, "careful");
    diag_error(to_log, "once");
    assert_string_equal(capture_end(), "mosaic: error: /plic: once\n");
    assert_string_equal(b.text, "/clint: /rt/cpu0: no interrupt input msip[0]\n"
                                "warning: /clint: careful\n");
    assert_int_equal(b.count, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sink_or_log),
        cmocka_unit_test(test_prefix),
    };

    return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
