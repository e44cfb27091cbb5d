/* SPDX-License-Identifier: MIT */
/*
 * The mailbox: message words, ringing and acknowledging each channel's
 * doorbell, the interrupt of each channel and its enable, overrun on a
 * second ring, access sizes, reset, and the same device seen through
 * aliases at different addresses by two clusters.
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

#define CH(n) (0x10 * (n))
enum { DATA = 0x0, DOORBELL = 0x4, ACK = 0x8, INTEN = 0xc };

/* Channel 0 interrupts cpu1 (the "other side"), channel 1 cpu0. The
 * mailbox has no base: each cluster sees it through an alias. */
static const char mailbox_xml[] =
    "<board name=\"mb\">\n"
    "  <cluster name=\"app\" arch=\"riscv\" cpus=\"2\">\n"
    "    <alias name=\"mbox\" region=\"/mbox\" base=\"0x10010000\"/>\n"
    "  </cluster>\n"
    "  <cluster name=\"rt\" arch=\"riscv\" model=\"rv32imac\">\n"
    "    <alias name=\"mbox\" region=\"/mbox\" base=\"0x40010000\"/>\n"
    "  </cluster>\n"
    "  <device name=\"mbox\" type=\"mailbox\"/>\n"
    "  <irq from=\"mbox.irq[0]\" to=\"app/cpu1.meip\"/>\n"
    "  <irq from=\"mbox.irq[1]\" to=\"app/cpu0.meip\"/>\n"
    "</board>\n";

static int setup(void **state)
{
    struct machine *m;

    support_init();
    m = support_load(mailbox_xml, NULL);
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

static uint64_t rd(struct machine *m, unsigned off)
{
    uint64_t v = 0xdead;

    assert_int_equal(support_mmio_read(m, "/mbox", off, 4, &v), MEM_OK);
    return v;
}

static void wr(struct machine *m, unsigned off, uint64_t v)
{
    assert_int_equal(support_mmio_write(m, "/mbox", off, 4, v), MEM_OK);
}

static int irq_to(struct machine *m, unsigned channel)
{
    return toy_cpu_at(m, "/app", channel == 0 ? 1 : 0)->level[TOY_MEIP];
}

static void test_ring_and_ack(void **state)
{
    struct machine *m = *state;

    assert_int_equal(rd(m, CH(0) + DOORBELL), 0);
    wr(m, CH(0) + INTEN, 1);
    wr(m, CH(0) + DATA, 0xcafe0001);
    wr(m, CH(0) + DOORBELL, 1);
    assert_int_equal(irq_to(m, 0), 1);
    assert_int_equal(irq_to(m, 1), 0);
    assert_int_equal(rd(m, CH(0) + DOORBELL), 1);
    assert_int_equal(rd(m, CH(0) + ACK), 1);
    assert_int_equal(rd(m, CH(0) + DATA), 0xcafe0001);
    wr(m, CH(0) + ACK, 0); /* bit 0 clear: no acknowledgement */
    assert_int_equal(irq_to(m, 0), 1);
    wr(m, CH(0) + ACK, 1);
    assert_int_equal(irq_to(m, 0), 0);
    assert_int_equal(rd(m, CH(0) + DOORBELL), 0);
    assert_int_equal(rd(m, CH(0) + DATA), 0xcafe0001); /* the word stays */
    /* The other direction is independent. */
    wr(m, CH(1) + DATA, 42);
    wr(m, CH(1) + DOORBELL, 1);
    assert_int_equal(irq_to(m, 1), 0); /* its interrupt is not enabled */
    assert_int_equal(rd(m, CH(1) + DOORBELL), 1);
    wr(m, CH(1) + INTEN, 0xff);
    assert_int_equal(rd(m, CH(1) + INTEN), 1);
    assert_int_equal(irq_to(m, 1), 1);
    wr(m, CH(1) + INTEN, 0);
    assert_int_equal(irq_to(m, 1), 0);
    assert_int_equal(rd(m, CH(0) + DATA), 0xcafe0001);
    assert_int_equal(rd(m, CH(1) + DATA), 42);
}

static void test_overrun(void **state)
{
    struct machine *m = *state;

    wr(m, CH(1) + DOORBELL, 1);
    wr(m, CH(1) + DOORBELL, 0); /* bit 0 clear: not a ring */
    assert_int_equal(rd(m, CH(1) + DOORBELL), 1);
    wr(m, CH(1) + DOORBELL, 1);
    assert_int_equal(rd(m, CH(1) + DOORBELL), 3);
    wr(m, CH(1) + ACK, 1);
    assert_int_equal(rd(m, CH(1) + DOORBELL), 0);
}

static void test_access_and_reset(void **state)
{
    struct machine *m = *state;
    uint64_t v;

    assert_int_equal(support_mmio_read(m, "/mbox", CH(0) + DATA, 1, &v), MEM_DEVICE_ERROR);
    assert_int_equal(support_mmio_write(m, "/mbox", CH(0) + DOORBELL, 2, 1), MEM_DEVICE_ERROR);
    assert_int_equal(rd(m, CH(0) + DOORBELL), 0);
    assert_int_equal(rd(m, 0x20), 0); /* past the channels: reads 0 */
    wr(m, 0x20, 1);
    wr(m, CH(0) + INTEN, 1);
    wr(m, CH(0) + DATA, 7);
    wr(m, CH(0) + DOORBELL, 1);
    assert_int_equal(irq_to(m, 0), 1);
    machine_reset(m);
    assert_int_equal(irq_to(m, 0), 0);
    assert_int_equal(rd(m, CH(0) + DATA), 0);
    assert_int_equal(rd(m, CH(0) + INTEN), 0);
    assert_int_equal(rd(m, CH(0) + DOORBELL), 0);
}

/* Both clusters reach the same registers at their own addresses. */
static void test_aliases(void **state)
{
    struct machine *m = *state;
    struct cluster *app = (struct cluster *)object_resolve(OBJECT(m), "/app");
    struct cluster *rt = (struct cluster *)object_resolve(OBJECT(m), "/rt");
    uint64_t v;

    assert_int_equal(mem_view_write(app->view, 0x10010000 + CH(0) + DATA, 4, 0x1234), MEM_OK);
    assert_int_equal(mem_view_read(rt->view, 0x40010000 + CH(0) + DATA, 4, &v), MEM_OK);
    assert_int_equal(v, 0x1234);
    assert_int_equal(mem_view_write(rt->view, 0x40010000 + CH(1) + INTEN, 4, 1), MEM_OK);
    assert_int_equal(mem_view_write(rt->view, 0x40010000 + CH(1) + DOORBELL, 4, 1), MEM_OK);
    assert_int_equal(irq_to(m, 1), 1);
    assert_int_equal(mem_view_read(app->view, 0x10010000 + CH(1) + DOORBELL, 4, &v), MEM_OK);
    assert_int_equal(v, 1);
    assert_int_equal(mem_view_read(rt->view, 0x10010000, 4, &v), MEM_UNMAPPED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_ring_and_ack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overrun, setup, teardown),
        cmocka_unit_test_setup_teardown(test_access_and_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aliases, setup, teardown),
    };

    return cmocka_run_group_tests_name("mailbox", tests, NULL, NULL);
}
