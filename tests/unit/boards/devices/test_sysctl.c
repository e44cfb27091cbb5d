/* SPDX-License-Identifier: MIT */
/*
 * The system controller with the toy target as "arm" (whose CPUs record
 * their boot address and interrupt inputs): the cluster stays off
 * until BOOTADDR and CTRL.RUN are written, then every CPU boots there;
 * clearing RUN holds it again; STATUS follows; ID, read-only and reserved
 * registers, access sizes, reset, and a "cluster" property that names no
 * cluster. Then the shipped boards built on these devices, rv-m4-amp and
 * mps2-an385: they load and realize, each cluster sees memory where the
 * documentation says, and the interrupt wiring reaches the right inputs.
 */
#include <errno.h>
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

enum { ID = 0x0, BOOTADDR = 0x4, CTRL = 0x8, STATUS = 0xc };

static const char sysctl_xml[] =
    "<board name=\"s\">\n"
    "  <cluster name=\"app\" arch=\"riscv\"/>\n"
    "  <cluster name=\"rt\" arch=\"arm\" cpus=\"2\" start-powered-off=\"on\"/>\n"
    "  <device name=\"sysctl\" type=\"sysctl\" base=\"0x10020000\" clusters=\"app\""
    " cluster=\"/rt\"/>\n"
    "</board>\n";

static struct cluster *cluster_of(struct machine *m, const char *path)
{
    struct object *o = object_resolve(OBJECT(m), path);

    assert_non_null(o);
    assert_true(object_is(o, "cluster"));
    return (struct cluster *)o;
}

static struct toy_cpu *rt_cpu(struct machine *m, unsigned i)
{
    return toy_cpu_at(m, "/rt", i);
}

static int setup(void **state)
{
    struct machine *m;

    support_init();
    toy_register("arm");
    m = support_load(sysctl_xml, NULL);
    assert_non_null(m);
    assert_int_equal(machine_realize(m), 0);
    machine_reset(m);
    *state = m;
    return 0;
}

static int teardown(void **state)
{
    machine_free(*state);
    return 0;
}

static uint64_t rd(struct machine *m, unsigned off)
{
    uint64_t v = 0xdead;

    assert_int_equal(support_mmio_read(m, "/sysctl", off, 4, &v), MEM_OK);
    return v;
}

static void wr(struct machine *m, unsigned off, uint64_t v)
{
    assert_int_equal(support_mmio_write(m, "/sysctl", off, 4, v), MEM_OK);
}

static void test_release_and_hold(void **state)
{
    struct machine *m = *state;
    unsigned resets;

    assert_int_equal(rd(m, ID), 0x4c544353);
    assert_int_equal(rd(m, STATUS), 0);
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_OFF);
    assert_int_equal(rt_cpu(m, 1)->cpu.state, CPU_OFF);
    wr(m, BOOTADDR, 0x20000400);
    assert_int_equal(rd(m, BOOTADDR), 0x20000400);
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_OFF); /* the address alone boots nothing */
    resets = rt_cpu(m, 0)->resets;
    wr(m, CTRL, 1);
    for (unsigned i = 0; i < 2; i++) {
        assert_int_equal(rt_cpu(m, i)->cpu.state, CPU_RUNNABLE);
        assert_int_equal(rt_cpu(m, i)->boot_addr, 0x20000400);
    }
    assert_int_equal(rt_cpu(m, 0)->resets, resets + 1);
    assert_int_equal(rd(m, CTRL), 1);
    assert_int_equal(rd(m, STATUS), 1);
    /* Setting RUN again does not reboot a running core. */
    wr(m, BOOTADDR, 0x0);
    wr(m, CTRL, 1);
    assert_int_equal(rt_cpu(m, 0)->boot_addr, 0x20000400);
    assert_int_equal(rt_cpu(m, 0)->resets, resets + 1);
    /* Clearing RUN holds the cluster in reset again. */
    wr(m, CTRL, 0);
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_OFF);
    assert_int_equal(rt_cpu(m, 1)->cpu.state, CPU_OFF);
    assert_int_equal(rd(m, STATUS), 0);
    wr(m, CTRL, 0xff); /* only RUN exists */
    assert_int_equal(rd(m, CTRL), 1);
    assert_int_equal(rt_cpu(m, 1)->boot_addr, 0);
    assert_int_equal(rd(m, STATUS), 1);
}

static void test_registers_and_reset(void **state)
{
    struct machine *m = *state;
    uint64_t v;

    wr(m, ID, 0);
    wr(m, STATUS, 1);
    assert_int_equal(rd(m, ID), 0x4c544353);
    assert_int_equal(rd(m, STATUS), 0);
    assert_int_equal(rd(m, 0x10), 0);
    assert_int_equal(support_mmio_read(m, "/sysctl", CTRL, 1, &v), MEM_DEVICE_ERROR);
    assert_int_equal(support_mmio_write(m, "/sysctl", CTRL, 2, 1), MEM_DEVICE_ERROR);
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_OFF);
    wr(m, BOOTADDR, 0x1000);
    wr(m, CTRL, 1);
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_RUNNABLE);
    /* A machine reset puts the cluster back in reset and clears the registers. */
    machine_reset(m);
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_OFF);
    assert_int_equal(rd(m, BOOTADDR), 0);
    assert_int_equal(rd(m, CTRL), 0);
    assert_int_equal(rd(m, STATUS), 0);
}

static void test_bad_cluster(void **state)
{
    static const char *const bad[] = {"", "/nowhere", "/sysctl"};

    (void)state;
    support_init();
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char *xml = NULL, *want = NULL;
        const char *err;
        struct machine *m;

        assert_true(asprintf(&xml,
                             "<board name=\"s\"><cluster name=\"app\" arch=\"riscv\"/>"
                             "<device name=\"sysctl\" type=\"sysctl\" base=\"0x1000\""
                             " cluster=\"%s\"/></board>",
                             bad[i]) > 0);
        m = support_load(xml, NULL);
        free(xml);
        assert_non_null(m);
        capture_begin(STDERR_FILENO);
        assert_int_not_equal(machine_realize(m), 0);
        err = capture_end();
        assert_true(asprintf(&want,
                             "/sysctl.cluster: \"%s\" is not a cluster; name the cluster "
                             "the controller holds in reset, e.g. /rt\n",
                             bad[i]) > 0);
        assert_non_null(strstr(err, want));
        free(want);
        machine_free(m);
    }
}

/* A shipped board, loaded from the source tree and realized, with its
 * UARTs silenced so the TAP output stays clean. */
static struct machine *shipped_board(const char *name)
{
    char *path;
    struct machine *m;

    support_init();
    toy_register("arm");
    path = board_find(name);
    assert_non_null(path);
    m = board_load_file(path, NULL);
    free(path);
    assert_non_null(m);
    assert_int_equal(object_set_assignment(OBJECT(m), "/uart0.chardev=null", NULL), 0);
    assert_int_equal(object_set_assignment(OBJECT(m), "/uart1.chardev=null", NULL), 0);
    assert_int_equal(machine_realize(m), 0);
    machine_reset(m);
    return m;
}

static uint64_t view_rd(struct machine *m, const char *cluster, gaddr addr)
{
    uint64_t v = 0xdead;

    assert_int_equal(mem_view_read(cluster_of(m, cluster)->view, addr, 4, &v), MEM_OK);
    return v;
}

static void view_wr(struct machine *m, const char *cluster, gaddr addr, uint64_t v)
{
    assert_int_equal(mem_view_write(cluster_of(m, cluster)->view, addr, 4, v), MEM_OK);
}

static void test_rv_m4_amp(void **state)
{
    struct machine *m = shipped_board("rv-m4-amp");
    struct mem_view *app = cluster_of(m, "/app")->view, *rt = cluster_of(m, "/rt")->view;
    uint64_t v;

    (void)state;
    assert_int_equal(cluster_of(m, "/app")->ncpus, 2);
    assert_int_equal(cluster_of(m, "/rt")->ncpus, 1);
    /* the shared SRAM at two addresses, the TCM and DRAM private */
    view_wr(m, "/app", 0x90000010, 0x5a5a1234);
    assert_int_equal(view_rd(m, "/rt", 0x20000010), 0x5a5a1234);
    view_wr(m, "/rt", 0x2003fffc, 77);
    assert_int_equal(view_rd(m, "/app", 0x9003fffc), 77);
    view_wr(m, "/rt", 0x0, 0x20001000);
    assert_int_equal(mem_view_read(app, 0x0, 4, &v), MEM_UNMAPPED);
    assert_int_equal(mem_view_read(rt, 0x80000000, 4, &v), MEM_UNMAPPED);
    assert_int_equal(mem_view_read(rt, 0x3fffc, 4, &v), MEM_OK);
    assert_int_equal(mem_view_read(rt, 0x40000, 4, &v), MEM_UNMAPPED);
    /* the finisher in both views, each UART in its own */
    assert_non_null(mem_view_find(app, 0x100000));
    assert_non_null(mem_view_find(rt, 0x100000));
    assert_non_null(mem_view_find(app, 0x10000000));
    assert_null(mem_view_find(rt, 0x10000000));
    assert_non_null(mem_view_find(rt, 0x40004000));
    assert_null(mem_view_find(app, 0x40004000));
    /* the mailbox: channel 0 rings the M4's irq[2], channel 1 is PLIC source
     * 1, hart 0's meip once its context 0 enables it */
    view_wr(m, "/app", 0x10010000 + 0xc, 1);
    view_wr(m, "/app", 0x10010000 + 0x0, 0xabc);
    view_wr(m, "/app", 0x10010000 + 0x4, 1);
    assert_int_equal(rt_cpu(m, 0)->level[TOY_IRQ(2)], 1);
    assert_int_equal(view_rd(m, "/rt", 0x40010000), 0xabc);
    view_wr(m, "/rt", 0x40010000 + 0x8, 1);
    assert_int_equal(rt_cpu(m, 0)->level[TOY_IRQ(2)], 0);
    view_wr(m, "/rt", 0x40010000 + 0x1c, 1);
    view_wr(m, "/rt", 0x40010000 + 0x14, 1);
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MEIP], 0);
    view_wr(m, "/app", 0xc000000 + 4 * 1, 1); /* priority[1] */
    view_wr(m, "/app", 0xc002000, 1u << 1);   /* context 0 enables source 1 */
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MEIP], 1);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MEIP], 0);
    assert_int_equal(view_rd(m, "/app", 0xc200004), 1); /* claim */
    assert_int_equal(toy_cpu_at(m, "/app", 0)->level[TOY_MEIP], 0);
    /* the M4 waits in reset for the system controller */
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_OFF);
    assert_int_equal(cluster_of(m, "/app")->cpus[0]->state, CPU_RUNNABLE);
    view_wr(m, "/app", 0x10020004, 0x0);
    view_wr(m, "/app", 0x10020008, 1);
    assert_int_equal(rt_cpu(m, 0)->cpu.state, CPU_RUNNABLE);
    assert_int_equal(rt_cpu(m, 0)->boot_addr, 0);
    assert_int_equal(view_rd(m, "/app", 0x1002000c), 1);
    machine_free(m);
}

static void test_mps2_an385(void **state)
{
    struct machine *m = shipped_board("mps2-an385");
    struct mem_view *v = cluster_of(m, "/m3")->view;
    struct toy_cpu *cpu = toy_cpu_at(m, "/m3", 0);

    (void)state;
    assert_int_equal(m->cpu_freq_hz, 25000000);
    assert_int_equal(cpu->cpu.state, CPU_RUNNABLE);
    /* memories and their mirrors */
    view_wr(m, "/m3", 0x100, 0x11111111);
    assert_int_equal(view_rd(m, "/m3", 0x400100), 0x11111111);
    view_wr(m, "/m3", 0x20000200, 0x22222222);
    assert_int_equal(view_rd(m, "/m3", 0x20400200), 0x22222222);
    view_wr(m, "/m3", 0x01000300, 0x33333333);
    assert_int_equal(view_rd(m, "/m3", 0x0100c300), 0x33333333);
    view_wr(m, "/m3", 0x21fffffc, 0x44444444);
    assert_int_equal(mem_view_read(v, 0x30000000, 4, &(uint64_t){0}), MEM_UNMAPPED);
    /* UART0 TX interrupt on irq[1], timer0 on irq[8], timer1 on irq[9] */
    view_wr(m, "/m3", 0x40004008, 0x5); /* TX enable, TX interrupt enable */
    view_wr(m, "/m3", 0x40004000, '\n');
    assert_int_equal(cpu->level[TOY_IRQ(1)], 1);
    assert_int_equal(cpu->level[TOY_IRQ(0)], 0);
    view_wr(m, "/m3", 0x4000400c, 1);
    assert_int_equal(cpu->level[TOY_IRQ(1)], 0);
    view_wr(m, "/m3", 0x40006008, 0x4); /* UART2: the byte waits, no interrupt yet */
    view_wr(m, "/m3", 0x40006000, 'x');
    view_wr(m, "/m3", 0x40006008, 0x5);
    assert_int_equal(cpu->level[TOY_IRQ(5)], 1);
    view_wr(m, "/m3", 0x40001008, 10);
    view_wr(m, "/m3", 0x40001000, 0x9);
    m->clock_ns = 10 * 40;
    while (m->timers && m->timers->deadline_ns <= m->clock_ns) {
        struct vtimer *t = m->timers;
        m->timers = t->next;
        t->armed = false;
        t->cb(t->opaque);
    }
    assert_int_equal(cpu->level[TOY_IRQ(9)], 1);
    assert_int_equal(cpu->level[TOY_IRQ(8)], 0);
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_release_and_hold, setup, teardown),
        cmocka_unit_test_setup_teardown(test_registers_and_reset, setup, teardown),
        cmocka_unit_test(test_bad_cluster),
        cmocka_unit_test(test_rv_m4_amp),
        cmocka_unit_test(test_mps2_an385),
    };

    return cmocka_run_group_tests_name("sysctl", tests, NULL, NULL);
}
