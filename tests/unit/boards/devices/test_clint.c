/* SPDX-License-Identifier: MIT */
/*
 * The CLINT with two stand-in harts: msip, mtimecmp (whole and in 32-bit
 * halves), mtime reads and writes, the timer interrupt level and the
 * virtual-time deadline it arms, reset, bad "harts" paths and harts
 * without the inputs it drives.
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

#define MSIP(h) (0x0000 + 4 * (h))
#define MTIMECMP(h) (0x4000 + 8 * (h))
#define MTIME 0xbff8

static struct machine *clint_board(const char *timebase)
{
    char *xml = NULL;
    struct machine *m;

    assert_true(asprintf(&xml,
                         "<board name=\"c\" timebase-freq=\"%s\">\n"
                         "  <cluster name=\"app\" arch=\"riscv\" cpus=\"2\"/>\n"
                         "  <device name=\"clint\" type=\"clint\" base=\"0x2000000\""
                         " harts=\"/app\"/>\n"
                         "</board>\n",
                         timebase) > 0);
    m = support_load(xml, NULL);
    free(xml);
    assert_non_null(m);
    assert_int_equal(machine_realize(m), 0);
    return m;
}

static int setup(void **state)
{
    support_init();
    *state = clint_board("10000000");
    return 0;
}

static int teardown(void **state)
{
    machine_free(*state);
    return 0;
}

static uint64_t rd(struct machine *m, uint64_t off, unsigned size)
{
    uint64_t v = 0xdead;

    assert_int_equal(support_mmio_read(m, "/clint", off, size, &v), MEM_OK);
    return v;
}

static void wr(struct machine *m, uint64_t off, unsigned size, uint64_t v)
{
    assert_int_equal(support_mmio_write(m, "/clint", off, size, v), MEM_OK);
}

/* What the scheduler does between rounds: advance time, fire due timers. */
static void advance_to(struct machine *m, uint64_t ns)
{
    m->clock_ns = ns;
    while (m->timers && m->timers->deadline_ns <= ns) {
        struct vtimer *t = m->timers;
        m->timers = t->next;
        t->armed = false;
        t->cb(t->opaque);
    }
}

static void test_msip(void **state)
{
    struct machine *m = *state;

    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MSIP], 0);
    wr(m, MSIP(1), 4, 1);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MSIP], 1);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MSIP], 0);
    assert_int_equal(rd(m, MSIP(1), 4), 1);
    wr(m, MSIP(1), 4, 0xfffffffe); /* only bit 0 exists */
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MSIP], 0);
    assert_int_equal(rd(m, MSIP(1), 4), 0);
    wr(m, MSIP(0), 1, 1);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MSIP], 1);
    /* Beyond the last hart: reserved, reads zero. */
    wr(m, MSIP(2), 4, 1);
    assert_int_equal(rd(m, MSIP(2), 4), 0);
}

static void test_timer_level_and_deadline(void **state)
{
    struct machine *m = *state;

    /* Reset state: mtime = mtimecmp = 0, so MTIP is set (as in QEMU and Spike). */
    assert_int_equal(rd(m, MTIME, 8), 0);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 1);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MTIP], 1);
    wr(m, MTIMECMP(0), 8, 1000);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 0);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MTIP], 1);
    /* 1000 ticks at 10 MHz: due at 100 us of virtual time. */
    assert_non_null(m->timers);
    assert_int_equal(m->timers->deadline_ns, 100000);
    advance_to(m, 50000);
    assert_int_equal(rd(m, MTIME, 8), 500);
    assert_int_equal(rd(m, MTIME + 4, 4), 0);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 0);
    advance_to(m, 99999);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 0);
    advance_to(m, 100000);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 1);
    assert_null(m->timers);
    /* Moving mtimecmp ahead lowers MTIP and re-arms. */
    wr(m, MTIMECMP(0), 8, 1500);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 0);
    assert_int_equal(m->timers->deadline_ns, 150000);
    /* "Never": nothing armed. */
    wr(m, MTIMECMP(0), 8, UINT64_MAX);
    assert_null(m->timers);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 0);
}

/* rv32 code writes mtimecmp as two words. */
static void test_mtimecmp_halves(void **state)
{
    struct machine *m = *state;

    wr(m, MTIMECMP(1), 4, 0xffffffff);
    wr(m, MTIMECMP(1) + 4, 4, 0x1);
    assert_int_equal(rd(m, MTIMECMP(1), 8), 0x1ffffffffull);
    assert_int_equal(rd(m, MTIMECMP(1), 4), 0xffffffff);
    assert_int_equal(rd(m, MTIMECMP(1) + 4, 4), 1);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MTIP], 0);
    wr(m, MTIMECMP(1) + 4, 4, 0);
    wr(m, MTIMECMP(1), 4, 0);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MTIP], 1);
}

static void test_mtime_write(void **state)
{
    struct machine *m = *state;

    wr(m, MTIMECMP(0), 8, 1000);
    advance_to(m, 10000); /* mtime 100 */
    wr(m, MTIME, 8, 2000);
    assert_int_equal(rd(m, MTIME, 8), 2000);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 1);
    advance_to(m, 20000);
    assert_int_equal(rd(m, MTIME, 8), 2100);
    wr(m, MTIME + 4, 4, 1);
    assert_int_equal(rd(m, MTIME, 8), 0x100000834ull);
    wr(m, MTIME, 8, 900);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 0);
    assert_int_equal(m->timers->deadline_ns, 20000 + 100 * 100);
    advance_to(m, 30000);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 1);
    /* Reset: mtime back to 0, mtimecmp 0, msip clear. */
    wr(m, MSIP(0), 4, 1);
    machine_reset(m);
    assert_int_equal(rd(m, MTIME, 8), 0);
    assert_int_equal(rd(m, MTIMECMP(0), 8), 0);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MSIP], 0);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 1);
}

/* A deadline that is not a whole number of nanoseconds rounds up. */
static void test_deadline_rounds_up(void **state)
{
    struct machine *m = clint_board("3");

    (void)state;
    wr(m, MTIMECMP(0), 8, 1);
    assert_int_equal(m->timers->deadline_ns, 333333334);
    advance_to(m, 333333333);
    assert_int_equal(rd(m, MTIME, 8), 0);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 0);
    advance_to(m, 333333334);
    assert_int_equal(rd(m, MTIME, 8), 1);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MTIP], 1);
    machine_free(m);
}

static void test_bad_harts(void **state)
{
    struct machine *m;
    const char *err;

    (void)state;
    m = support_load("<board name=\"c\"><cluster name=\"app\" arch=\"riscv\"/>"
                     "<device name=\"clint\" type=\"clint\" base=\"0\" harts=\"/nothing\"/>"
                     "</board>",
                     NULL);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_realize(m), 0);
    err = capture_end();
    assert_non_null(strstr(err, "/clint.harts: \"/nothing\" is not a cluster; name the cluster "
                                "whose harts the CLINT serves, e.g. /app\n"));
    machine_free(m);
    /* Inside a cluster, "harts" defaults to that cluster. */
    m = support_load("<board name=\"c\"><cluster name=\"app\" arch=\"riscv\" cpus=\"2\">"
                     "<device name=\"clint\" type=\"clint\" base=\"0x2000000\"/></cluster>"
                     "</board>",
                     NULL);
    assert_int_equal(machine_realize(m), 0);
    assert_int_equal(support_mmio_write(m, "/app/clint", MSIP(1), 4, 1), MEM_OK);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MSIP], 1);
    machine_free(m);
}

/* Harts without msip/mtip (another architecture's cluster): the CPU's
 * own message says which inputs it has, after the CLINT's position and
 * path, once. */
static void test_harts_without_inputs(void **state)
{
    struct machine *m;

    (void)state;
    toy_register("arm");
    m = support_load("<board name=\"c\"><cluster name=\"rt\" arch=\"arm\"/>"
                     "<device name=\"clint\" type=\"clint\" base=\"0x2000000\" harts=\"/rt\"/>"
                     "</board>",
                     NULL);
    assert_non_null(m);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_realize(m), 0);
    assert_string_equal(capture_end(), "mosaic: error: test.xml:1:48: /clint: /rt/cpu0: no "
                                       "interrupt input msip[0] (a Cortex-M core has "
                                       "irq[0..63])\n");
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_msip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timer_level_and_deadline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mtimecmp_halves, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mtime_write, setup, teardown),
        cmocka_unit_test(test_deadline_rounds_up),
        cmocka_unit_test(test_bad_harts),
        cmocka_unit_test(test_harts_without_inputs),
    };

    support_init();
    return cmocka_run_group_tests_name("clint", tests, NULL, NULL);
}
