/* SPDX-License-Identifier: MIT */
/*
 * HTIF (Spike's tohost/fromhost): found through image symbols after load,
 * carved out of RAM in the loading cluster's view; exit codes from 64-bit
 * and split 32-bit stores, console output with its fromhost
 * acknowledgement, the unsupported syscall proxy, and boards without
 * tohost.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "boards/board.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "tests/unit/boards/support.h"

#define TOHOST 0x80001000
#define FROMHOST 0x80001040
#define CONSOLE_PUTCHAR(c) ((1ull << 56) | (1ull << 48) | (c))

static struct machine *spike_board(void)
{
    char *path = board_find("riscv-spike32");
    struct machine *m = board_load_file(path, NULL);

    free(path);
    assert_non_null(m);
    assert_int_equal(machine_realize(m), 0);
    return m;
}

static int setup(void **state)
{
    struct machine *m;
    const char *err;

    support_init();
    m = spike_board();
    machine_add_symbol(m, m->clusters[0], "tohost", TOHOST);
    machine_add_symbol(m, m->clusters[0], "fromhost", FROMHOST);
    capture_begin(STDERR_FILENO);
    assert_int_equal(machine_images_loaded(m), 0);
    err = capture_end();
    assert_string_equal(err, "");
    *state = m;
    return 0;
}

static int teardown(void **state)
{
    machine_free(*state);
    return 0;
}

static struct mem_view *view(struct machine *m)
{
    return m->clusters[0]->view;
}

/* Store as the guest would; returns the exit code or -1 when none. */
static int store(struct machine *m, uint64_t addr, unsigned size, uint64_t value)
{
    m->exit_requested = false;
    m->exit_code = -1;
    assert_int_equal(mem_view_write(view(m), addr, size, value), MEM_OK);
    return m->exit_requested ? m->exit_code : -1;
}

static uint64_t load(struct machine *m, uint64_t addr, unsigned size)
{
    uint64_t v = 0xdead;

    assert_int_equal(mem_view_read(view(m), addr, size, &v), MEM_OK);
    return v;
}

static void test_exit_codes(void **state)
{
    struct machine *m = *state;

    assert_int_equal(store(m, TOHOST, 8, 1), 0);
    assert_int_equal(load(m, TOHOST, 8), 0); /* taken: tohost cleared */
    assert_int_equal(store(m, TOHOST, 8, (5 << 1) | 1), 5);
    /* rv32 test suites: low word first, the high word completes it. */
    assert_int_equal(store(m, TOHOST, 4, (21 << 1) | 1), -1);
    assert_int_equal(load(m, TOHOST, 4), 43);
    assert_int_equal(store(m, TOHOST + 4, 4, 0), 21);
    /* Zero is no command. */
    assert_int_equal(store(m, TOHOST, 8, 0), -1);
}

static void test_console_output(void **state)
{
    struct machine *m = *state;

    capture_begin(STDOUT_FILENO);
    assert_int_equal(store(m, TOHOST, 8, CONSOLE_PUTCHAR('o')), -1);
    assert_int_equal(load(m, FROMHOST, 8), CONSOLE_PUTCHAR(0));
    assert_int_equal(store(m, FROMHOST, 8, 0), -1);
    assert_int_equal(load(m, FROMHOST, 8), 0);
    assert_int_equal(store(m, TOHOST, 4, 'k'), -1);
    assert_int_equal(store(m, TOHOST + 4, 4, CONSOLE_PUTCHAR(0) >> 32), -1);
    assert_string_equal(capture_end(), "ok");
}

static void test_syscall_proxy_unsupported(void **state)
{
    struct machine *m = *state;
    const char *err;

    capture_begin(STDERR_FILENO);
    assert_int_equal(store(m, TOHOST, 8, 0x80002000), -1);
    err = capture_end();
    assert_non_null(strstr(err, "mosaic: warning: htif: HTIF syscall proxy (tohost "
                                "0x0000000080002000) is not supported\n"));
}

/* The words around tohost are still RAM. */
static void test_ram_around(void **state)
{
    struct machine *m = *state;

    assert_int_equal(store(m, TOHOST - 8, 8, 0x1122334455667788ull), -1);
    assert_int_equal(store(m, TOHOST + 8, 8, 0x99), -1);
    assert_int_equal(load(m, TOHOST - 8, 8), 0x1122334455667788ull);
    assert_int_equal(load(m, TOHOST + 8, 8), 0x99);
    assert_int_equal(load(m, TOHOST, 8), 0);
}

static void test_no_symbols(void **state)
{
    struct machine *m = spike_board();
    const char *err;

    (void)state;
    capture_begin(STDERR_FILENO);
    assert_int_equal(machine_images_loaded(m), 0);
    err = capture_end();
    assert_string_equal(err, "mosaic: htif: the images have no tohost symbol; HTIF is "
                             "inactive\n");
    assert_int_equal(mem_view_write(view(m), TOHOST, 8, 1), MEM_OK);
    assert_false(m->exit_requested);
    machine_free(m);
}

static void test_tohost_outside_ram(void **state)
{
    struct machine *m = spike_board();
    const char *err;

    (void)state;
    machine_add_symbol(m, m->clusters[0], "tohost", 0x1000);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_images_loaded(m), 0);
    err = capture_end();
    assert_non_null(strstr(err, "htif: cannot place tohost at 0x1000 in the view of app\n"));
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_exit_codes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_console_output, setup, teardown),
        cmocka_unit_test_setup_teardown(test_syscall_proxy_unsupported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ram_around, setup, teardown),
        cmocka_unit_test(test_no_symbols),
        cmocka_unit_test(test_tohost_outside_ram),
    };

    support_init();
    return cmocka_run_group_tests_name("htif", tests, NULL, NULL);
}
