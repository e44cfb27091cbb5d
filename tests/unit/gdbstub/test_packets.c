/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the packet handlers that read and change state without
 * running anything: qSupported, threads (H, T, qC, thread lists), qXfer
 * objects, registers, memory, breakpoints and watchpoints, and monitor
 * commands, each with its error paths, against the fake board.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake.h"

static struct fake_link l;

/* Two clusters: app with 2 CPUs, rt with 1. */
static int setup(void **state)
{
    static const unsigned ncpus[] = {2, 1};
    (void)state;
    fake_reset(2, ncpus);
    fake.cl[0].exec_file = "/images/app.elf";
    fake_connect_noack(&l);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fake_disconnect(&l);
    return 0;
}

static void test_qsupported(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "qSupported:multiprocess+;swbreak+;xmlRegisters=i386"),
                        "PacketSize=40000;QStartNoAckMode+;multiprocess+;swbreak+;hwbreak+;"
                        "qXfer:features:read+;qXfer:threads:read+;qXfer:exec-file:read+;"
                        "qXfer:memory-map:read+;vContSupported+");
    assert_true(l.conn->multiprocess);
    assert_true(l.conn->swbreak);
    assert_false(l.conn->hwbreak);
    assert_string_equal(fake_ask(&l, "!"), "OK");
}

static void test_threads(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "qC"), "QCp1.1");
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "mp1.1,p1.2,p2.1");
    assert_string_equal(fake_ask(&l, "qsThreadInfo"), "l");
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "qC"), "QCp2.1");
    /* "Any" keeps the current thread; "all of P" selects P's first. */
    assert_string_equal(fake_ask(&l, "Hgp0.0"), "OK");
    assert_string_equal(fake_ask(&l, "qC"), "QCp2.1");
    assert_string_equal(fake_ask(&l, "Hgp1.-1"), "OK");
    assert_string_equal(fake_ask(&l, "qC"), "QCp1.1");
    assert_string_equal(fake_ask(&l, "Hg0"), "OK");
    assert_string_equal(fake_ask(&l, "Hgp1.2"), "OK");
    assert_string_equal(fake_ask(&l, "qC"), "QCp1.2");
    assert_string_equal(fake_ask(&l, "Hc-1"), "OK");
    assert_string_equal(fake_ask(&l, "Hcp1.1"), "OK");
    /* Errors: no such process or thread, malformed ids. */
    assert_string_equal(fake_ask(&l, "Hgp3.1"), "E03");
    assert_string_equal(fake_ask(&l, "Hgp1.3"), "E03");
    assert_string_equal(fake_ask(&l, "Hgpz.1"), "E16");
    assert_string_equal(fake_ask(&l, "Hgp1.1x"), "E16");
    assert_string_equal(fake_ask(&l, "Hx1"), "E16");
    assert_string_equal(fake_ask(&l, "H"), "E16");
    assert_string_equal(fake_ask(&l, "Hgp-2.1"), "E16");
    assert_string_equal(fake_ask(&l, "Hgp123456789.1"), "E16");
    assert_string_equal(fake_ask(&l, "qC"), "QCp1.2");
    /* Thread alive. */
    assert_string_equal(fake_ask(&l, "Tp1.2"), "OK");
    assert_string_equal(fake_ask(&l, "Tp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "Tp2.2"), "E03");
    assert_string_equal(fake_ask(&l, "Tp3.1"), "E03");
    assert_string_equal(fake_ask(&l, "T"), "E03");
}

static void test_threads_without_multiprocess(void **state)
{
    (void)state;
    fake_ask(&l, "qSupported:swbreak+");
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "m1,2");
    assert_string_equal(fake_ask(&l, "qC"), "QC1");
    assert_string_equal(fake_ask(&l, "Hg2"), "OK");
    assert_string_equal(fake_ask(&l, "qC"), "QC2");
    assert_string_equal(fake_ask(&l, "T2"), "OK");
    assert_string_equal(fake_ask(&l, "T3"), "E03");
}

static void test_thread_list_paging(void **state)
{
    static const unsigned ncpus[] = {4, 4, 4, 4};
    (void)state;
    fake_disconnect(&l);
    fake_reset(4, ncpus);
    fake_connect_noack(&l);
    assert_string_equal(fake_ask(&l, "qfThreadInfo"),
                        "mp1.1,p1.2,p1.3,p1.4,p2.1,p2.2,p2.3,p2.4,p3.1,p3.2,p3.3,p3.4,"
                        "p4.1,p4.2,p4.3,p4.4");
    assert_string_equal(fake_ask(&l, "qsThreadInfo"), "l");
    assert_string_equal(fake_ask(&l, "qsThreadInfo"), "l");
}

static void test_qattached(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "qAttached"), "1");
    assert_string_equal(fake_ask(&l, "qAttached:1"), "1");
    assert_string_equal(fake_ask(&l, "qAttached:2"), "1");
    assert_string_equal(fake_ask(&l, "qAttached:3"), "E03");
    assert_string_equal(fake_ask(&l, "qAttached:0"), "E03");
    assert_string_equal(fake_ask(&l, "qAttached:zz"), "E03");
}

static void test_xfer_features(void **state)
{
    char want[512];
    (void)state;
    snprintf(want, sizeof(want), "l%s", fake_tdesc.files[0].text);
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:0,fff"), want);
    snprintf(want, sizeof(want), "l%s", fake_tdesc.files[1].text);
    assert_string_equal(fake_ask(&l, "qXfer:features:read:regs.xml:0,fff"), want);
    /* Slices: 'm' while more follows, 'l' for the last (or past the end). */
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:0,5"), "m<?xml");
    snprintf(want, sizeof(want), "l%s", fake_tdesc.files[0].text + 5);
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:5,1000"), want);
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:1000,10"), "l");
    /* Errors: unknown annex, malformed offsets, no description. */
    assert_string_equal(fake_ask(&l, "qXfer:features:read:nope.xml:0,fff"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:0"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:x,1"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:0,1,2"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:features:read"), "E00");
    fake.cl[1].no_tdesc = true;
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:0,fff"), "E02");
    assert_string_equal(fake_ask(&l, "g"), "E02");
    assert_string_equal(fake_ask(&l, "p0"), "E16");
}

static void test_xfer_threads(void **state)
{
    (void)state;
    fake.cl[0].cpus[1].off = true;
    assert_string_equal(fake_ask(&l, "qXfer:threads:read::0,ffff"),
                        "l<?xml version=\"1.0\"?>\n<threads>\n"
                        "<thread id=\"p1.1\" name=\"app/cpu0\"/>\n"
                        "<thread id=\"p1.2\" name=\"app/cpu1 (powered off)\"/>\n"
                        "<thread id=\"p2.1\" name=\"rt/cpu0\"/>\n"
                        "</threads>\n");
    /* Read in slices, the document stays the one built at offset 0. */
    const char *p = fake_ask(&l, "qXfer:threads:read::0,10");
    assert_string_equal(p, "m<?xml version=\"1");
    fake.cl[0].cpus[1].off = false;
    p = fake_ask(&l, "qXfer:threads:read::10,60");
    assert_string_equal(p, "m.0\"?>\n<threads>\n<thread id=\"p1.1\" name=\"app/cpu0\"/>\n"
                           "<thread id=\"p1.2\" name=\"app/cpu1 (powered of");
    assert_string_equal(fake_ask(&l, "qXfer:threads:read:x:0,10"), "E00");
}

static void test_xfer_exec_file(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "qXfer:exec-file:read:1:0,fff"), "l/images/app.elf");
    assert_string_equal(fake_ask(&l, "qXfer:exec-file:read::0,fff"), "l/images/app.elf");
    assert_string_equal(fake_ask(&l, "qXfer:exec-file:read:1:8,fff"), "lapp.elf");
    assert_string_equal(fake_ask(&l, "qXfer:exec-file:read:2:0,fff"), "E02");
    assert_string_equal(fake_ask(&l, "qXfer:exec-file:read:3:0,fff"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:exec-file:read:1x:0,fff"), "E00");
}

static void test_xfer_memory_map(void **state)
{
    (void)state;
    assert_string_equal(
        fake_ask(&l, "qXfer:memory-map:read::0,fff"),
        "l<?xml version=\"1.0\"?>\n<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB "
        "Memory Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
        "<memory-map>\n<memory type=\"rom\" start=\"0x100\" length=\"0x100\"/>\n"
        "<memory type=\"ram\" start=\"0x1000\" length=\"0x1000\"/>\n</memory-map>\n");
}

/* gdb keeps one map per connection: it covers every cluster's view. */
static void test_xfer_memory_map_union(void **state)
{
    static const char head[] =
        "l<?xml version=\"1.0\"?>\n<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB "
        "Memory Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
        "<memory-map>\n";
    char want[1024];
    (void)state;
    fake.cl[0].nranges = 2;
    fake.cl[0].ranges[0] = (struct gdb_mem_range){0x100, 0x100, true};
    fake.cl[0].ranges[1] = (struct gdb_mem_range){0x1000, 0x1000, false};
    fake.cl[1].nranges = 4;
    fake.cl[1].ranges[0] = (struct gdb_mem_range){0x100, 0x80, false};
    fake.cl[1].ranges[1] = (struct gdb_mem_range){0x2000, 0x1000, false};
    fake.cl[1].ranges[2] = (struct gdb_mem_range){0x9000, 0, false};
    fake.cl[1].ranges[3] = (struct gdb_mem_range){0xfffffffffffff000, 0x1000, true};
    snprintf(want, sizeof(want),
             "%s<memory type=\"ram\" start=\"0x100\" length=\"0x80\"/>\n"
             "<memory type=\"rom\" start=\"0x180\" length=\"0x80\"/>\n"
             "<memory type=\"ram\" start=\"0x1000\" length=\"0x2000\"/>\n"
             "<memory type=\"rom\" start=\"0xfffffffffffff000\" length=\"0x1000\"/>\n"
             "</memory-map>\n",
             head);
    assert_string_equal(fake_ask(&l, "qXfer:memory-map:read::0,fff"), want);
    /* Without the multiprocess extension: the one process's view. */
    fake_ask(&l, "qSupported:swbreak+");
    snprintf(want, sizeof(want),
             "%s<memory type=\"rom\" start=\"0x100\" length=\"0x100\"/>\n"
             "<memory type=\"ram\" start=\"0x1000\" length=\"0x1000\"/>\n"
             "</memory-map>\n",
             head);
    assert_string_equal(fake_ask(&l, "qXfer:memory-map:read::0,fff"), want);
}

static void test_registers(void **state)
{
    struct fake_cpu *c0 = &fake.cl[0].cpus[0], *c1 = &fake.cl[0].cpus[1];
    (void)state;
    c0->regs[0] = 0x12345678;
    c0->regs[1] = 0x1122334455667788;
    assert_string_equal(fake_ask(&l, "g"), "78563412"
                                           "8877665544332211"
                                           "00100000");
    assert_string_equal(fake_ask(&l, "p1"), "8877665544332211");
    assert_string_equal(fake_ask(&l, "p2"), "00100000");
    assert_string_equal(fake_ask(&l, "Hgp1.2"), "OK");
    assert_string_equal(fake_ask(&l, "p2"), "04100000");
    assert_string_equal(fake_ask(&l, "P0=efbeadde"), "OK");
    assert_int_equal(c1->regs[0], 0xdeadbeef);
    assert_string_equal(fake_ask(&l, "G"
                                     "01000000"
                                     "0200000000000000"
                                     "03000000"),
                        "OK");
    assert_int_equal(c1->regs[0], 1);
    assert_int_equal(c1->regs[1], 2);
    assert_int_equal(c1->regs[2], 3);
    /* A G covering the first registers only writes those. */
    assert_string_equal(fake_ask(&l, "G"
                                     "0a000000"),
                        "OK");
    assert_int_equal(c1->regs[0], 10);
    assert_int_equal(c1->regs[1], 2);
    /* Errors. */
    assert_string_equal(fake_ask(&l, "p3"), "E16");
    assert_string_equal(fake_ask(&l, "p"), "E16");
    assert_string_equal(fake_ask(&l, "p1x"), "E16");
    assert_string_equal(fake_ask(&l, "P1=00"), "E16");
    assert_string_equal(fake_ask(&l, "P1"), "E16");
    assert_string_equal(fake_ask(&l, "P0=zzzzzzzz"), "E16");
    assert_string_equal(fake_ask(&l, "P0=0000000000"), "E16");
    assert_string_equal(fake_ask(&l, "P5=00000000"), "E16");
    assert_string_equal(fake_ask(&l, "G010"), "E16");
    assert_string_equal(fake_ask(&l, "G0100"), "E16");
    /* clang-format off */
    assert_string_equal(fake_ask(&l, "G" "01000000" "0200000000000000" "03000000" "00"), "E07");
    assert_string_equal(fake_ask(&l, "G" "0100000z"), "E16");
    /* clang-format on */
    assert_string_equal(fake_ask(&l, "gx"), "E16");
    assert_int_equal(c1->regs[0], 10);
}

static void test_memory(void **state)
{
    uint8_t *ram = fake.cl[0].ram;
    (void)state;
    memcpy(ram, "\x01\x02\x03\x04", 4);
    fake.cl[0].rom[0] = 0x5a;
    assert_string_equal(fake_ask(&l, "m1000,4"), "01020304");
    assert_string_equal(fake_ask(&l, "m100,1"), "5a");
    assert_string_equal(fake_ask(&l, "m1000,0"), "");
    /* A read that runs off the end returns what it got. */
    ram[FAKE_RAM_SIZE - 1] = 0xee;
    assert_string_equal(fake_ask(&l, "m1fff,10"), "ee");
    assert_string_equal(fake_ask(&l, "m0,4"), "E0e");
    assert_string_equal(fake_ask(&l, "mffffffffffffffff,2"), "E0e");
    assert_string_equal(fake_ask(&l, "m1000"), "E16");
    assert_string_equal(fake_ask(&l, "m1000,"), "E16");
    assert_string_equal(fake_ask(&l, "m,4"), "E16");
    assert_string_equal(fake_ask(&l, "m1000,4x"), "E16");
    assert_string_equal(fake_ask(&l, "m10000000000000000,4"), "E16");
    /* A huge length is clamped to what one reply can hold. */
    const char *p = fake_ask(&l, "m1000,ffffffffffffffff");
    assert_int_equal(strlen(p), 2 * FAKE_RAM_SIZE);
    /* Writes. */
    assert_string_equal(fake_ask(&l, "M1000,2:abcd"), "OK");
    assert_memory_equal(ram, "\xab\xcd\x03", 3);
    assert_string_equal(fake_ask(&l, "M1000,0:"), "OK");
    assert_string_equal(fake_ask(&l, "M100,1:00"), "E0e");
    assert_string_equal(fake_ask(&l, "M1000,2:ab"), "E16");
    assert_string_equal(fake_ask(&l, "M1000,1:zz"), "E16");
    assert_string_equal(fake_ask(&l, "M1000,1"), "E16");
    assert_string_equal(fake_ask(&l, "M1000,ffffffffffffffff:00"), "E16");
    assert_string_equal(fake_ask(&l, "X1000,0:"), "OK");
    assert_string_equal(fake_ask(&l, "X1000,2:z"), "E16");
    assert_string_equal(fake_ask(&l, "X1000,1:zz"), "E16");
    assert_string_equal(fake_ask(&l, "X0,1:z"), "E0e");
    /* Memory belongs to the current process. */
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "M1000,1:77"), "OK");
    assert_int_equal(fake.cl[1].ram[0], 0x77);
    assert_int_equal(ram[0], 0xab);
}

static void test_points(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "Z0,1000,4"), "OK");
    assert_string_equal(fake_ask(&l, "Z1,1004,2"), "OK");
    assert_int_equal(fake.cl[0].nbps, 2);
    assert_int_equal(fake.cl[0].bps[0].kind, BP_SW);
    assert_int_equal(fake.cl[0].bps[1].kind, BP_HW);
    assert_int_equal(fake.cl[0].bps[1].addr, 0x1004);
    /* Per process: the current thread's. */
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "Z0,1000,4"), "OK");
    assert_int_equal(fake.cl[1].nbps, 1);
    assert_int_equal(fake.cl[0].nbps, 2);
    assert_string_equal(fake_ask(&l, "z0,1000,4"), "OK");
    assert_int_equal(fake.cl[1].nbps, 0);
    assert_int_equal(fake.cl[0].nbps, 2);
    /* Removing what is gone is not an error. */
    assert_string_equal(fake_ask(&l, "z0,1000,4"), "OK");
    /* Watchpoints with their kind and length. */
    assert_string_equal(fake_ask(&l, "Z2,1010,4"), "OK");
    assert_string_equal(fake_ask(&l, "Z3,1020,8"), "OK");
    assert_string_equal(fake_ask(&l, "Z4,1030,1"), "OK");
    assert_int_equal(fake.cl[1].nwps, 3);
    assert_int_equal(fake.cl[1].wps[0].kind, WP_WRITE);
    assert_int_equal(fake.cl[1].wps[1].kind, WP_READ);
    assert_int_equal(fake.cl[1].wps[1].len, 8);
    assert_int_equal(fake.cl[1].wps[2].kind, WP_ACCESS);
    assert_string_equal(fake_ask(&l, "z3,1020,8"), "OK");
    assert_int_equal(fake.cl[1].nwps, 2);
    /* Errors from the board and from the packet. */
    assert_string_equal(fake_ask(&l, "Z2,1010,0"), "E16");
    assert_string_equal(fake_ask(&l, "Z5,1000,4"), "");
    assert_string_equal(fake_ask(&l, "Z0,1000"), "E16");
    assert_string_equal(fake_ask(&l, "Z0,1000,4;X1,0"), "E16");
    assert_string_equal(fake_ask(&l, "Z"), "E16");
    assert_string_equal(fake_ask(&l, "z9"), "E16");
    for (int i = 0; i < FAKE_MAX_POINTS; i++)
        fake_ask(&l, "Z0,2000,4");
    assert_string_equal(fake_ask(&l, "Z0,2000,4"), "E1c");
}

/* Breakpoint kinds are the architecture's (the target ops say which);
 * watch lengths are bounded by what the engine watches. */
static void test_point_kinds(void **state)
{
    (void)state;
    fake.cl[0].bp_kinds = 1u << 2 | 1u << 4;
    assert_string_equal(fake_ask(&l, "Z0,1000,2"), "OK");
    assert_string_equal(fake_ask(&l, "Z1,1004,4"), "OK");
    assert_string_equal(fake_ask(&l, "Z0,1000,3"), "E16");
    assert_string_equal(fake_ask(&l, "Z1,1000,0"), "E16");
    assert_string_equal(fake_ask(&l, "Z0,1000,ffffffffffffffff"), "E16");
    assert_string_equal(fake_ask(&l, "z0,1000,7"), "E16");
    assert_int_equal(fake.cl[0].nbps, 2);
    /* Another architecture, other kinds. */
    fake.cl[1].bp_kinds = 1u << 2 | 1u << 3;
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "Z0,1000,3"), "OK");
    assert_string_equal(fake_ask(&l, "Z0,1000,4"), "E16");
    /* Watchpoints: 1 byte to DEBUG_WP_LEN_MAX. */
    char pkt[64];
    snprintf(pkt, sizeof(pkt), "Z2,1000,%x", DEBUG_WP_LEN_MAX);
    assert_string_equal(fake_ask(&l, pkt), "OK");
    snprintf(pkt, sizeof(pkt), "Z2,1000,%x", DEBUG_WP_LEN_MAX + 1);
    assert_string_equal(fake_ask(&l, pkt), "E16");
    assert_string_equal(fake_ask(&l, "Z3,0,100000000"), "E16");
    assert_string_equal(fake_ask(&l, "Z4,0,ffffffffffffffff"), "E16");
    assert_int_equal(fake.cl[1].nwps, 1);
}

/* Packets that must carry what they need, or nothing at all. */
static void test_malformed(void **state)
{
    (void)state;
    /* G with no register data changes nothing and says so. */
    assert_string_equal(fake_ask(&l, "G"), "E16");
    /* A zero-length qXfer read: 'm' must carry at least one byte and an
     * empty 'l' means end of file (gdb manual, qXfer read replies). */
    assert_string_equal(fake_ask(&l, "qXfer:features:read:target.xml:0,0"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:threads:read::0,0"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:exec-file:read:1:0,0"), "E00");
    assert_string_equal(fake_ask(&l, "qXfer:memory-map:read::10,0"), "E00");
    /* Only the exact QStartNoAckMode turns acks off. */
    fake_disconnect(&l);
    fake_connect(&l);
    fake_send(&l, "QStartNoAckMode:x");
    assert_string_equal(fake_raw(&l), "+$E16#ac");
    assert_false(l.conn->noack);
    fake_send(&l, "QStartNoAckModeX");
    assert_string_equal(fake_raw(&l), "+$#00");
    assert_false(l.conn->noack);
    fake_send(&l, "qC");
    assert_string_equal(fake_raw(&l), "+$QCp1.1#94");
    fake_send(&l, "QStartNoAckMode");
    assert_string_equal(fake_raw(&l), "+$OK#9a");
    assert_true(l.conn->noack);
}

static void test_monitor(void **state)
{
    (void)state;
    /* "echo hi" */
    fake_send(&l, "qRcmd,6563686f206869");
    assert_string_equal(fake_next(&l), "O68690a");
    assert_string_equal(fake_next(&l), "OK");
    assert_null(fake_next(&l));
    assert_string_equal(fake.monitor_line, "echo hi");
    assert_int_equal(fake.monitor_cl, 0);
    /* The current inferior's cluster is the default. */
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    fake_send(&l, "qRcmd,6661696c"); /* "fail" */
    assert_string_equal(fake_next(&l), "O756e6b6e6f776e20636f6d6d616e643a206661696c0a");
    assert_string_equal(fake_next(&l), "E01");
    assert_int_equal(fake.monitor_cl, 1);
    assert_string_equal(fake_ask(&l, "qRcmd,"), "OK");
    assert_string_equal(fake_ask(&l, "qRcmd,6"), "E16");
    assert_string_equal(fake_ask(&l, "qRcmd,zz"), "E16");
    assert_string_equal(fake_ask(&l, "qRcmd,6100"), "E16");
    assert_string_equal(fake_ask(&l, "qRcmd"), "E16");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_qsupported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads_without_multiprocess, setup, teardown),
        cmocka_unit_test_setup_teardown(test_thread_list_paging, setup, teardown),
        cmocka_unit_test_setup_teardown(test_qattached, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xfer_features, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xfer_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xfer_exec_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xfer_memory_map, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xfer_memory_map_union, setup, teardown),
        cmocka_unit_test_setup_teardown(test_registers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_points, setup, teardown),
        cmocka_unit_test_setup_teardown(test_point_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_monitor, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
