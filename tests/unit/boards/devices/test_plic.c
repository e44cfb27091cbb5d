/* SPDX-License-Identifier: MIT */
/*
 * The PLIC with two stand-in harts: priorities, thresholds and enables
 * masking a source, the claim order (priority, then lowest id), the
 * gateway (a claimed source waits for completion and pends again if its
 * line is still high), the contexts of two harts working independently,
 * S-mode contexts driving nothing, reset, reserved offsets and access
 * sizes, a source wired from a board file, and bad wiring and properties.
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

#define PRIORITY(src) (0x0 + 4 * (src))
#define PENDING(word) (0x1000 + 4 * (word))
#define ENABLE(ctx, word) (0x2000 + 0x80 * (ctx) + 4 * (word))
#define THRESHOLD(ctx) (0x200000 + 0x1000 * (ctx))
#define CLAIM(ctx) (0x200004 + 0x1000 * (ctx))
#define M_CTX(hart) (2 * (hart))
#define S_CTX(hart) (2 * (hart) + 1)

/* 40 sources, so the bitmaps take two words; no board wires them: the
 * tests drive the inputs themselves. */
static const char plic_xml[] = "<board name=\"p\">\n"
                               "  <cluster name=\"app\" arch=\"riscv\" cpus=\"2\"/>\n"
                               "  <device name=\"plic\" type=\"plic\" base=\"0xc000000\""
                               " harts=\"/app\" num-sources=\"40\"/>\n"
                               "</board>\n";

static int setup(void **state)
{
    struct machine *m;

    support_init();
    m = support_load(plic_xml, NULL);
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

static uint64_t rd(struct machine *m, uint64_t off)
{
    uint64_t v = 0xdead;

    assert_int_equal(support_mmio_read(m, "/plic", off, 4, &v), MEM_OK);
    return v;
}

static void wr(struct machine *m, uint64_t off, uint64_t v)
{
    assert_int_equal(support_mmio_write(m, "/plic", off, 4, v), MEM_OK);
}

/* Drive input irq[src] as a device wired to it would. */
static void source(struct machine *m, unsigned src, int level)
{
    struct sysbus *plic = (struct sysbus *)object_resolve(OBJECT(m), "/plic");
    struct irq_line line = {0};

    assert_non_null(plic);
    assert_int_equal(plic->irq_in(plic, "irq", src, &line, NULL), 0);
    irq_set(&line, level);
}

static int meip(struct machine *m, unsigned hart)
{
    return toy_cpu_at(m, "/app", hart)->level[TOY_MEIP];
}

/* Times the PLIC drove either hart's inputs (edges, not levels). */
static unsigned line_sets(struct machine *m)
{
    return toy_cpu_at(m, "/app", 0)->line_sets + toy_cpu_at(m, "/app", 1)->line_sets;
}

/* Source 5 reaches hart 0 only once it has a priority above the
 * threshold and is enabled for context 0. */
static void test_masking(void **state)
{
    struct machine *m = *state;

    source(m, 5, 1);
    assert_int_equal(rd(m, PENDING(0)), 1u << 5);
    assert_int_equal(meip(m, 0), 0); /* priority 0: never */
    wr(m, PRIORITY(5), 3);
    assert_int_equal(meip(m, 0), 0); /* not enabled */
    wr(m, ENABLE(M_CTX(0), 0), 1u << 5);
    assert_int_equal(meip(m, 0), 1);
    wr(m, THRESHOLD(M_CTX(0)), 3); /* priority must be above it */
    assert_int_equal(meip(m, 0), 0);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 0);
    wr(m, THRESHOLD(M_CTX(0)), 2);
    assert_int_equal(meip(m, 0), 1);
    wr(m, ENABLE(M_CTX(0), 0), 0);
    assert_int_equal(meip(m, 0), 0);
    wr(m, ENABLE(M_CTX(0), 0), 1u << 5);
    assert_int_equal(meip(m, 0), 1);
    /* A device withdrawing its request before the claim: nothing pends. */
    source(m, 5, 0);
    assert_int_equal(rd(m, PENDING(0)), 0);
    assert_int_equal(meip(m, 0), 0);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 0);
    assert_int_equal(meip(m, 1), 0);
}

/* Priorities and thresholds keep the 3 bits that hold 7; enable bit 0 and
 * bits past source 40 do not exist; pending bits are read-only. */
static void test_register_bits(void **state)
{
    struct machine *m = *state;

    wr(m, PRIORITY(1), 0xffffffff);
    assert_int_equal(rd(m, PRIORITY(1)), 7);
    wr(m, PRIORITY(1), 9);
    assert_int_equal(rd(m, PRIORITY(1)), 1);
    wr(m, PRIORITY(40), 2);
    assert_int_equal(rd(m, PRIORITY(40)), 2);
    wr(m, THRESHOLD(S_CTX(1)), 0xfe);
    assert_int_equal(rd(m, THRESHOLD(S_CTX(1))), 6);
    wr(m, ENABLE(M_CTX(1), 0), 0xffffffff);
    wr(m, ENABLE(M_CTX(1), 1), 0xffffffff);
    assert_int_equal(rd(m, ENABLE(M_CTX(1), 0)), 0xfffffffe);
    assert_int_equal(rd(m, ENABLE(M_CTX(1), 1)), 0x1ff);
    source(m, 40, 1);
    wr(m, PENDING(1), 0);
    assert_int_equal(rd(m, PENDING(1)), 1u << 8);
    /* Source 0 is reserved: its priority reads 0 and cannot be set. */
    wr(m, PRIORITY(0), 5);
    assert_int_equal(rd(m, PRIORITY(0)), 0);
}

/* Claims come in priority order, the lowest id first among equals. */
static void test_claim_order(void **state)
{
    struct machine *m = *state;
    static const unsigned prio[][2] = {{3, 2}, {7, 5}, {9, 5}, {35, 6}, {12, 1}};

    for (size_t i = 0; i < sizeof(prio) / sizeof(prio[0]); i++) {
        wr(m, PRIORITY(prio[i][0]), prio[i][1]);
        source(m, prio[i][0], 1);
    }
    wr(m, ENABLE(M_CTX(0), 0), 0xffffffff);
    wr(m, ENABLE(M_CTX(0), 1), 0xff);
    assert_int_equal(rd(m, PENDING(0)), (1u << 3) | (1u << 7) | (1u << 9) | (1u << 12));
    assert_int_equal(rd(m, PENDING(1)), 1u << 3);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 35);
    assert_int_equal(rd(m, PENDING(1)), 0);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 7);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 9);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 3);
    assert_int_equal(meip(m, 0), 1);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 12);
    assert_int_equal(meip(m, 0), 0);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 0);
    assert_int_equal(rd(m, PENDING(0)), 0);
}

/* A claimed source waits for completion; if its line is still high then,
 * it pends again; completing what is not in service changes nothing. */
static void test_complete_repends(void **state)
{
    struct machine *m = *state;

    wr(m, PRIORITY(10), 1);
    wr(m, ENABLE(M_CTX(0), 0), 1u << 10);
    source(m, 10, 1);
    assert_int_equal(meip(m, 0), 1);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 10);
    assert_int_equal(meip(m, 0), 0);
    source(m, 10, 0);
    source(m, 10, 1); /* in service: no new request yet */
    assert_int_equal(rd(m, PENDING(0)), 0);
    assert_int_equal(meip(m, 0), 0);
    wr(m, CLAIM(M_CTX(0)), 11); /* not the source in service */
    wr(m, CLAIM(M_CTX(0)), 0);
    wr(m, CLAIM(M_CTX(0)), 1000);
    assert_int_equal(meip(m, 0), 0);
    /* Completion by a context the source is not enabled for is ignored. */
    wr(m, CLAIM(M_CTX(1)), 10);
    assert_int_equal(rd(m, PENDING(0)), 0);
    wr(m, CLAIM(M_CTX(0)), 10);
    assert_int_equal(rd(m, PENDING(0)), 1u << 10);
    assert_int_equal(meip(m, 0), 1);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 10);
    source(m, 10, 0);
    wr(m, CLAIM(M_CTX(0)), 10); /* line low now: done */
    assert_int_equal(rd(m, PENDING(0)), 0);
    assert_int_equal(meip(m, 0), 0);
}

/* Each hart's context has its own enables and threshold; a source claimed
 * by one is in service for both. */
static void test_two_harts(void **state)
{
    struct machine *m = *state;

    wr(m, PRIORITY(2), 4);
    wr(m, PRIORITY(33), 2);
    wr(m, ENABLE(M_CTX(0), 0), 1u << 2);
    wr(m, ENABLE(M_CTX(1), 0), 1u << 2);
    wr(m, ENABLE(M_CTX(1), 1), 1u << 1);
    wr(m, THRESHOLD(M_CTX(1)), 4);
    source(m, 2, 1);
    source(m, 33, 1);
    assert_int_equal(meip(m, 0), 1);
    assert_int_equal(meip(m, 1), 0); /* 4 is not above hart 1's threshold */
    wr(m, THRESHOLD(M_CTX(1)), 1);
    assert_int_equal(meip(m, 1), 1);
    assert_int_equal(rd(m, THRESHOLD(M_CTX(0))), 0);
    assert_int_equal(rd(m, CLAIM(M_CTX(1))), 2);
    assert_int_equal(meip(m, 0), 0); /* source 33 is not enabled for hart 0 */
    assert_int_equal(meip(m, 1), 1);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 0);
    assert_int_equal(rd(m, CLAIM(M_CTX(1))), 33);
    assert_int_equal(meip(m, 1), 0);
    wr(m, CLAIM(M_CTX(1)), 2);
    assert_int_equal(meip(m, 0), 1);
    assert_int_equal(meip(m, 1), 1);
}

/* S-mode contexts are registers like the others but raise no line. */
static void test_s_mode_contexts(void **state)
{
    struct machine *m = *state;
    unsigned calls;

    wr(m, PRIORITY(6), 1);
    wr(m, ENABLE(S_CTX(0), 0), 1u << 6);
    wr(m, ENABLE(S_CTX(1), 0), 1u << 6);
    assert_int_equal(rd(m, ENABLE(S_CTX(0), 0)), 1u << 6);
    calls = line_sets(m);
    source(m, 6, 1);
    assert_int_equal(line_sets(m), calls);
    assert_int_equal(meip(m, 0) | meip(m, 1), 0);
    assert_int_equal(rd(m, CLAIM(S_CTX(1))), 6);
    wr(m, CLAIM(S_CTX(1)), 6);
    assert_int_equal(rd(m, PENDING(0)), 1u << 6);
    assert_int_equal(line_sets(m), calls);
}

/* Reset: registers 0, nothing in service; a line still high pends. */
static void test_reset(void **state)
{
    struct machine *m = *state;

    wr(m, PRIORITY(4), 5);
    wr(m, ENABLE(M_CTX(0), 0), 1u << 4);
    wr(m, THRESHOLD(M_CTX(0)), 1);
    source(m, 4, 1);
    source(m, 8, 1);
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 4);
    machine_reset(m);
    assert_int_equal(rd(m, PRIORITY(4)), 0);
    assert_int_equal(rd(m, ENABLE(M_CTX(0), 0)), 0);
    assert_int_equal(rd(m, THRESHOLD(M_CTX(0))), 0);
    assert_int_equal(rd(m, PENDING(0)), (1u << 4) | (1u << 8));
    assert_int_equal(meip(m, 0), 0);
}

/* Reserved offsets and accesses other than aligned words read 0 and
 * writes there change nothing. */
static void test_bad_accesses(void **state)
{
    struct machine *m = *state;
    static const uint64_t reserved[] = {
        PRIORITY(41),     0xffc,        PENDING(2), ENABLE(0, 2), ENABLE(4, 0),
        THRESHOLD(0) + 8, THRESHOLD(4), CLAIM(4),   0x1fffffc,    0x5ffffc,
    };
    uint64_t v;

    wr(m, PRIORITY(3), 2);
    wr(m, ENABLE(M_CTX(0), 0), 1u << 3);
    source(m, 3, 1);
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
        wr(m, reserved[i], 0xffffffff);
        assert_int_equal(rd(m, reserved[i]), 0);
    }
    for (unsigned size = 1; size <= 8; size *= 2) {
        if (size == 4)
            continue;
        v = 0xdead;
        assert_int_equal(support_mmio_read(m, "/plic", CLAIM(M_CTX(0)), size, &v), MEM_OK);
        assert_int_equal(v, 0);
        assert_int_equal(support_mmio_write(m, "/plic", PRIORITY(3), size, 7), MEM_OK);
    }
    v = 0xdead;
    assert_int_equal(support_mmio_read(m, "/plic", PRIORITY(3) + 1, 4, &v), MEM_OK);
    assert_int_equal(v, 0);
    assert_int_equal(rd(m, PRIORITY(3)), 2);
    assert_int_equal(meip(m, 0), 1); /* nothing was claimed */
    assert_int_equal(rd(m, CLAIM(M_CTX(0))), 3);
}

/* A device's line wired in the board file; a PLIC inside the cluster
 * serves it without "harts". */
static void test_wired_source(void **state)
{
    struct machine *m;

    (void)state;
    m = support_load("<board name=\"p\">\n"
                     "  <cluster name=\"app\" arch=\"riscv\">\n"
                     "    <device name=\"plic\" type=\"plic\" base=\"0xc000000\"/>\n"
                     "    <alias name=\"mbox\" region=\"/mbox\" base=\"0x10010000\"/>\n"
                     "  </cluster>\n"
                     "  <device name=\"mbox\" type=\"mailbox\"/>\n"
                     "  <irq from=\"mbox.irq[1]\" to=\"app/plic.irq[96]\"/>\n"
                     "</board>\n",
                     NULL);
    assert_non_null(m);
    assert_int_equal(machine_realize(m), 0);
    assert_int_equal(support_mmio_write(m, "/app/plic", PRIORITY(96), 4, 1), MEM_OK);
    assert_int_equal(support_mmio_write(m, "/app/plic", ENABLE(0, 3), 4, 1), MEM_OK);
    assert_int_equal(support_mmio_write(m, "/mbox", 0x1c, 4, 1), MEM_OK); /* INTEN */
    assert_int_equal(support_mmio_write(m, "/mbox", 0x14, 4, 1), MEM_OK); /* DOORBELL */
    assert_int_equal(meip(m, 0), 1);
    uint64_t v = 0;
    assert_int_equal(support_mmio_read(m, "/app/plic", CLAIM(0), 4, &v), MEM_OK);
    assert_int_equal(v, 96);
    assert_int_equal(support_mmio_write(m, "/mbox", 0x18, 4, 1), MEM_OK); /* ACK */
    assert_int_equal(support_mmio_write(m, "/app/plic", CLAIM(0), 4, 96), MEM_OK);
    assert_int_equal(meip(m, 0), 0);
    machine_free(m);
}

static void expect_load_error(const char *xml, const char *message)
{
    const char *err;

    assert_null(support_load(xml, &err));
    assert_non_null(err);
    assert_non_null(strstr(err, message));
}

static void expect_realize_error(const char *xml, const char *set, const char *message)
{
    struct machine *m = support_load(xml, NULL);
    const char *err;

    assert_non_null(m);
    if (set)
        assert_int_equal(object_set_assignment(OBJECT(m), set, NULL), 0);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_realize(m), 0);
    err = capture_end();
    assert_non_null(strstr(err, message));
    machine_free(m);
}

#define BOARD(plic_attrs, rest)                                                                    \
    "<board name=\"p\"><cluster name=\"app\" arch=\"riscv\" cpus=\"2\"/>"                          \
    "<device name=\"plic\" type=\"plic\" base=\"0xc000000\" harts=\"/app\" " plic_attrs            \
    "/><device name=\"mbox\" type=\"mailbox\" base=\"0x10010000\"/>" rest "</board>"

static void test_bad_wiring_and_props(void **state)
{
    (void)state;
    expect_load_error(BOARD("", "<irq from=\"mbox.irq[0]\" to=\"plic.irq[0]\"/>"),
                      "plic: no interrupt input irq[0] (sources are irq[1] to irq[96])");
    expect_load_error(BOARD("num-sources=\"8\"", "<irq from=\"mbox.irq[0]\" to=\"plic.irq[9]\"/>"),
                      "plic: no interrupt input irq[9] (sources are irq[1] to irq[8])");
    expect_load_error(BOARD("", "<irq from=\"mbox.irq[0]\" to=\"plic.meip\"/>"),
                      "plic: no interrupt input meip[0]");
    expect_realize_error(BOARD("", "<irq from=\"mbox.irq[0]\" to=\"plic.irq[20]\"/>"),
                         "/plic.num-sources=16", "/plic.num-sources: 16, but irq[20] is connected");
    /* Bounds of the property definitions: refused at the attribute. */
    expect_load_error(BOARD("num-sources=\"1024\"", ""),
                      "/plic.num-sources: '1024' is out of range (1 to 1023)");
    expect_load_error(BOARD("num-priorities=\"0\"", ""),
                      "/plic.num-priorities: '0' is out of range (1 to 4294967295)");
    expect_realize_error("<board name=\"p\"><cluster name=\"app\" arch=\"riscv\"/>"
                         "<device name=\"plic\" type=\"plic\" base=\"0\" harts=\"/nothing\"/>"
                         "</board>",
                         NULL,
                         "/plic.harts: \"/nothing\" is not a cluster; name the cluster whose "
                         "harts the PLIC serves, e.g. /app\n");
    toy_register("arm");
    expect_realize_error("<board name=\"p\"><cluster name=\"rt\" arch=\"arm\"/>"
                         "<device name=\"plic\" type=\"plic\" base=\"0\" harts=\"/rt\"/>"
                         "</board>",
                         NULL,
                         "mosaic: error: test.xml:1:48: /plic: /rt/cpu0: no interrupt input "
                         "meip[0] (a Cortex-M core has irq[0..63])\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_masking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_register_bits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_claim_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_complete_repends, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_harts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_s_mode_contexts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_accesses, setup, teardown),
        cmocka_unit_test(test_wired_source),
        cmocka_unit_test(test_bad_wiring_and_props),
    };

    support_init();
    return cmocka_run_group_tests_name("plic", tests, NULL, NULL);
}
