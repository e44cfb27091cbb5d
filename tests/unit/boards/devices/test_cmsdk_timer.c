/* SPDX-License-Identifier: MIT */
/*
 * The CMSDK APB timer in virtual time: reset values and ID registers, the
 * count down from RELOAD, the interrupt at the step to zero, reload and
 * the period of RELOAD + 1 clocks, INTCLEAR, stopping and restarting,
 * VALUE writes, the interrupt enable, a late timer callback, RELOAD 0,
 * and the clock-freq property.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "boards/board.h"
#include "engine/machine/machine.h"
#include "tests/unit/boards/support.h"

enum { CTRL = 0x0, VALUE = 0x4, RELOAD = 0x8, INTSTATUS = 0xc, INTCLEAR = 0xc };

#define EN 0x1
#define IE 0x8
#define TICK_NS 40 /* 25 MHz */

/* A timer at 25 MHz (the default: the board's cpu-freq) or @extra's clock,
 * its interrupt on cpu0.meip. */
static struct machine *timer_board(const char *extra)
{
    char *xml = NULL;
    struct machine *m;

    assert_true(asprintf(&xml,
                         "<board name=\"t\" cpu-freq=\"25000000\">\n"
                         "  <cluster name=\"app\" arch=\"riscv\"/>\n"
                         "  <device name=\"timer0\" type=\"cmsdk-apb-timer\" base=\"0x40000000\""
                         " %s/>\n"
                         "  <irq from=\"timer0.irq\" to=\"app/cpu0.meip\"/>\n"
                         "</board>\n",
                         extra) > 0);
    m = support_load(xml, NULL);
    free(xml);
    assert_non_null(m);
    assert_int_equal(machine_realize(m), 0);
    return m;
}

static int setup(void **state)
{
    support_init();
    *state = timer_board("");
    return 0;
}

static int teardown(void **state)
{
    machine_free(*state);
    return 0;
}

static uint64_t rd(struct machine *m, unsigned reg)
{
    uint64_t v = 0xdead;

    assert_int_equal(support_mmio_read(m, "/timer0", reg, 4, &v), MEM_OK);
    return v;
}

static void wr(struct machine *m, unsigned reg, uint64_t v)
{
    assert_int_equal(support_mmio_write(m, "/timer0", reg, 4, v), MEM_OK);
}

static int irq(struct machine *m)
{
    return toy_cpu_at(m, "/app", 0)->level[TOY_MEIP];
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

static void test_reset_and_id(void **state)
{
    struct machine *m = *state;
    static const uint8_t id[12] = {0x04, 0, 0, 0, 0x22, 0xb8, 0x1b, 0, 0x0d, 0xf0, 0x05, 0xb1};

    assert_int_equal(rd(m, CTRL), 0);
    assert_int_equal(rd(m, VALUE), 0);
    assert_int_equal(rd(m, RELOAD), 0);
    assert_int_equal(rd(m, INTSTATUS), 0);
    for (unsigned i = 0; i < 12; i++)
        assert_int_equal(rd(m, 0xfd0 + 4 * i), id[i]);
    wr(m, CTRL, 0xff);
    assert_int_equal(rd(m, CTRL), 0xf);
    assert_null(m->timers); /* RELOAD 0, VALUE 0: nothing to wait for */
}

static void test_count_and_interrupt(void **state)
{
    struct machine *m = *state;

    wr(m, RELOAD, 100);
    assert_int_equal(rd(m, VALUE), 100); /* RELOAD sets VALUE */
    advance_to(m, 1000);
    assert_int_equal(rd(m, VALUE), 100); /* not enabled yet */
    wr(m, CTRL, EN | IE);
    assert_non_null(m->timers);
    assert_int_equal(m->timers->deadline_ns, 1000 + 100 * TICK_NS);
    advance_to(m, 1000 + 50 * TICK_NS);
    assert_int_equal(rd(m, VALUE), 50);
    assert_int_equal(irq(m), 0);
    advance_to(m, 1000 + 100 * TICK_NS - 1);
    assert_int_equal(rd(m, VALUE), 1);
    assert_int_equal(irq(m), 0);
    advance_to(m, 1000 + 100 * TICK_NS);
    assert_int_equal(rd(m, VALUE), 0);
    assert_int_equal(rd(m, INTSTATUS), 1);
    assert_int_equal(irq(m), 1);
    /* The next clock reloads: the period is RELOAD + 1 clocks. */
    advance_to(m, 1000 + 101 * TICK_NS);
    assert_int_equal(rd(m, VALUE), 100);
    assert_int_equal(m->timers->deadline_ns, 1000 + 201 * TICK_NS);
    wr(m, INTCLEAR, 1);
    assert_int_equal(rd(m, INTSTATUS), 0);
    assert_int_equal(irq(m), 0);
    advance_to(m, 1000 + 201 * TICK_NS);
    assert_int_equal(irq(m), 1);
    assert_int_equal(rd(m, VALUE), 0);
    wr(m, INTCLEAR, 1);
    /* Stopping freezes VALUE and cancels the wake-up. */
    advance_to(m, 1000 + 231 * TICK_NS);
    assert_int_equal(rd(m, VALUE), 71);
    wr(m, CTRL, IE);
    assert_null(m->timers);
    advance_to(m, 1000 + 900 * TICK_NS);
    assert_int_equal(rd(m, VALUE), 71);
    assert_int_equal(irq(m), 0);
    /* Restarting continues from there. */
    wr(m, CTRL, EN | IE);
    assert_int_equal(m->timers->deadline_ns, 1000 + 971 * TICK_NS);
    /* VALUE writes restart the count. */
    wr(m, VALUE, 5);
    assert_int_equal(m->timers->deadline_ns, 1000 + 905 * TICK_NS);
    advance_to(m, 1000 + 905 * TICK_NS);
    assert_int_equal(irq(m), 1);
}

/* Without IE nothing is latched and no wake-up is armed; VALUE still runs. */
static void test_no_interrupt_enable(void **state)
{
    struct machine *m = *state;

    wr(m, RELOAD, 9);
    wr(m, CTRL, EN);
    assert_null(m->timers);
    advance_to(m, 25 * TICK_NS); /* 9..0 twice (ticks 0-19), then 9..4 */
    assert_int_equal(rd(m, VALUE), 4);
    assert_int_equal(rd(m, INTSTATUS), 0);
    assert_int_equal(irq(m), 0);
    /* Enabling it waits for the next step to 0. */
    wr(m, CTRL, EN | IE);
    assert_int_equal(m->timers->deadline_ns, 29 * TICK_NS);
}

/* A callback that runs late latches one interrupt and looks ahead. */
static void test_late_callback(void **state)
{
    struct machine *m = *state;

    wr(m, RELOAD, 9);
    wr(m, CTRL, EN | IE);
    m->clock_ns = 1000 * TICK_NS + 5 * TICK_NS;
    advance_to(m, m->clock_ns);
    assert_int_equal(irq(m), 1);
    assert_int_equal(rd(m, VALUE), 4); /* 1005 = 9 + 99 * 10 + 6 */
    assert_int_equal(m->timers->deadline_ns, 1009 * TICK_NS);
    assert_null(m->timers->next);
}

/* RELOAD 0: one interrupt at the first step to 0, then it stays there. */
static void test_reload_zero(void **state)
{
    struct machine *m = *state;

    wr(m, VALUE, 3);
    wr(m, CTRL, EN | IE);
    advance_to(m, 3 * TICK_NS);
    assert_int_equal(irq(m), 1);
    assert_null(m->timers);
    wr(m, INTCLEAR, 1);
    advance_to(m, 100 * TICK_NS);
    assert_int_equal(rd(m, VALUE), 0);
    assert_int_equal(irq(m), 0);
    /* A counter started at 0 does not step to 0: it reloads first. */
    wr(m, RELOAD, 4);
    wr(m, VALUE, 0);
    assert_int_equal(m->timers->deadline_ns, 105 * TICK_NS);
    advance_to(m, 101 * TICK_NS);
    assert_int_equal(rd(m, VALUE), 4);
    assert_int_equal(irq(m), 0);
    /* Reset stops it and lowers the line. */
    advance_to(m, 105 * TICK_NS);
    assert_int_equal(irq(m), 1);
    machine_reset(m);
    assert_int_equal(irq(m), 0);
    assert_int_equal(rd(m, CTRL), 0);
    assert_null(m->timers);
}

static void test_clock_freq(void **state)
{
    struct machine *m;

    (void)state;
    support_init();
    m = timer_board("clock-freq=\"1000000\"");
    wr(m, RELOAD, 1000);
    wr(m, CTRL, EN | IE);
    assert_int_equal(m->timers->deadline_ns, 1000000); /* 1000 ticks of 1 us */
    advance_to(m, 250000);
    assert_int_equal(rd(m, VALUE), 750);
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reset_and_id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_count_and_interrupt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_interrupt_enable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_late_callback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reload_zero, setup, teardown),
        cmocka_unit_test(test_clock_freq),
    };

    return cmocka_run_group_tests_name("cmsdk_timer", tests, NULL, NULL);
}
