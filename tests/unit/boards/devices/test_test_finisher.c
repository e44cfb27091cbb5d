/* SPDX-License-Identifier: MIT */
/*
 * The test finisher (QEMU virt sifive_test): pass, fail with a code, the
 * unsupported reset request and ignored values, through the cluster view
 * as a guest store would reach it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "boards/board.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "tests/unit/boards/support.h"

#define FINISHER 0x100000

static int setup(void **state)
{
    struct machine *m;

    support_init();
    m = support_load("<board name=\"t\">\n"
                     "  <cluster name=\"app\" arch=\"riscv\"/>\n"
                     "  <device name=\"test\" type=\"test-finisher\" base=\"0x100000\"/>\n"
                     "</board>\n",
                     NULL);
    assert_non_null(m);
    assert_int_equal(machine_realize(m), 0);
    *state = m;
    return 0;
}

static int teardown(void **state)
{
    machine_free(*state);
    return 0;
}

/* Store @value as the guest would and return the exit code (-1: none). */
static int store(struct machine *m, uint64_t addr, unsigned size, uint64_t value)
{
    struct mem_view *v = m->clusters[0]->view;

    m->exit_requested = false;
    m->exit_code = -1;
    assert_int_equal(mem_view_write(v, addr, size, value), MEM_OK);
    return m->exit_requested ? m->exit_code : -1;
}

static void test_pass_and_fail(void **state)
{
    struct machine *m = *state;
    uint64_t v;

    assert_int_equal(store(m, FINISHER, 4, 0x5555), 0);
    assert_int_equal(store(m, FINISHER, 4, (3u << 16) | 0x3333), 3);
    assert_int_equal(store(m, FINISHER, 4, 0xffff3333u), 0xffff);
    assert_int_equal(store(m, FINISHER, 4, 0x3333), 0);
    /* A 64-bit store reaches the device as two words. */
    assert_int_equal(store(m, FINISHER, 8, (42u << 16) | 0x3333), 42);
    assert_int_equal(mem_view_read(m->clusters[0]->view, FINISHER, 4, &v), MEM_OK);
    assert_int_equal(v, 0);
}

static void test_ignored_values(void **state)
{
    struct machine *m = *state;
    const char *err;

    assert_int_equal(store(m, FINISHER, 4, 0x1234), -1);
    assert_int_equal(store(m, FINISHER + 4, 4, 0x5555), -1);
    capture_begin(STDERR_FILENO);
    assert_int_equal(store(m, FINISHER, 4, 0x7777), -1);
    err = capture_end();
    assert_non_null(strstr(err, "mosaic: warning: test: the guest asked for a system reset, "
                                "which is not supported; ignored\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pass_and_fail, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ignored_values, setup, teardown),
    };

    return cmocka_run_group_tests_name("test_finisher", tests, NULL, NULL);
}
