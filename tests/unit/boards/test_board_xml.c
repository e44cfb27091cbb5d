/* SPDX-License-Identifier: MIT */
/*
 * Board file parser: the shipped boards, a file using every element, each
 * kind of broken file (exactly one FILE:LINE:COLUMN message, the property
 * system's own for a bad value, and nothing left behind), errors through
 * a caller's diagnostics sink, and -set style overrides applied after
 * parsing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "boards/board.h"
#include "engine/io/diag.h"
#include "engine/io/log.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "tests/unit/boards/support.h"

static const char *const shipped[] = {"riscv-virt", "riscv-virt32", "riscv-spike", "riscv-spike32"};

static int setup(void **state)
{
    (void)state;
    support_init();
    return 0;
}

static struct object *get(struct machine *m, const char *path)
{
    struct object *o = object_resolve(OBJECT(m), path);

    assert_non_null(o);
    return o;
}

static void assert_prop(struct machine *m, const char *path, const char *prop, const char *want)
{
    char buf[256];

    assert_int_equal(object_get_prop_str(get(m, path), prop, buf, sizeof(buf)), 0);
    assert_string_equal(buf, want);
}

static struct mem_region *region_at(struct machine *m, const char *cluster, gaddr addr)
{
    const struct cluster *c = (const struct cluster *)get(m, cluster);
    const struct mem_mapping *map = mem_view_find(c->view, addr);

    return map ? map->region : NULL;
}

static struct mem_region *region_of(struct machine *m, const char *path)
{
    return ((struct sysbus *)get(m, path))->region;
}

static void test_shipped_boards_parse_and_realize(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
        char *path = board_find(shipped[i]);
        struct machine *m;

        assert_non_null(path);
        m = board_load_file(path, NULL);
        assert_non_null(m);
        assert_true(object_is(get(m, "/app"), "cluster"));
        assert_int_equal(((struct cluster *)get(m, "/app"))->ncpus, 1);
        assert_prop(m, "/", "timebase-freq", "10000000");
        assert_int_equal(machine_realize(m), 0);
        assert_ptr_equal(region_at(m, "/app", 0x80000000), region_of(m, "/dram"));
        assert_ptr_equal(region_at(m, "/app", 0x2000000), region_of(m, "/clint"));
        if (strstr(shipped[i], "virt")) {
            assert_ptr_equal(region_at(m, "/app", 0x10000000), region_of(m, "/uart0"));
            assert_ptr_equal(region_at(m, "/app", 0x100000), region_of(m, "/test"));
            assert_int_equal(region_of(m, "/dram")->size, 128u << 20);
        } else {
            assert_true(object_is(get(m, "/htif"), "htif"));
            assert_int_equal(region_of(m, "/dram")->size, 256u << 20);
        }
        assert_string_equal(((struct cluster *)get(m, "/app"))->model,
                            strstr(shipped[i], "32") ? "rv32gc" : "rv64gc");
        machine_free(m);
        free(path);
    }
}

/* Two clusters, a private TCM, an alias of shared RAM, a ROM, a device
 * with properties, an interrupt wire and a <set>. */
static const char every_element[] =
    "<?xml version=\"1.0\"?>\n"
    "<board name=\"every\" description=\"all elements\" quantum=\"500\">\n"
    "  <cluster name=\"app\" arch=\"riscv\" model=\"rv32imac\" cpus=\"1\">\n"
    "    <ram name=\"tcm\" base=\"0x10000\" size=\"64K\"/>\n"
    "    <alias name=\"dram-low\" region=\"/dram\" base=\"0x40000000\" offset=\"0x1000\""
    " size=\"0x1000\"/>\n"
    "  </cluster>\n"
    "  <cluster name=\"rt\" arch=\"riscv\"/>\n"
    "  <ram name=\"dram\" base=\"0x80000000\" size=\"1M\"/>\n"
    "  <rom name=\"boot\" base=\"0x1000\" size=\"4K\" clusters=\"rt\"/>\n"
    "  <device name=\"uart0\" type=\"ns16550\" base=\"0x10000000\" reg-shift=\"2\""
    " reg-io-width=\"4\" chardev=\"null\"/>\n"
    "  <irq from=\"uart0.irq\" to=\"app/cpu1.meip\"/>\n"
    "  <set path=\"/app.cpus\" value=\"2\"/>\n"
    "  <!-- comments are fine -->\n"
    "</board>\n";

static void test_every_element(void **state)
{
    struct machine *m = support_load(every_element, NULL);
    uint64_t v;

    (void)state;
    assert_non_null(m);
    assert_prop(m, "/", "description", "all elements");
    assert_prop(m, "/", "quantum", "500");
    assert_int_equal(((struct cluster *)get(m, "/app"))->ncpus, 2);
    assert_prop(m, "/uart0", "reg-shift", "2");
    assert_int_equal(machine_realize(m), 0);
    /* The TCM is private to app; the ROM is only seen by rt. */
    assert_ptr_equal(region_at(m, "/app", 0x10000), region_of(m, "/app/tcm"));
    assert_null(region_at(m, "/rt", 0x10000));
    assert_ptr_equal(region_at(m, "/rt", 0x1000), region_of(m, "/boot"));
    assert_null(region_at(m, "/app", 0x1000));
    /* The alias shows dram + 0x1000 at 0x40000000 to app only. */
    assert_int_equal(
        mem_view_write(((struct cluster *)get(m, "/app"))->view, 0x40000010, 4, 0x12345678),
        MEM_OK);
    assert_int_equal(mem_view_read(((struct cluster *)get(m, "/rt"))->view, 0x80001010, 4, &v),
                     MEM_OK);
    assert_int_equal(v, 0x12345678);
    assert_null(region_at(m, "/app", 0x40001000));
    /* The UART's interrupt reaches cpu1's meip: enable THR-empty (IER at 1 << 2). */
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MEIP], 0);
    assert_int_equal(mem_view_write(((struct cluster *)get(m, "/rt"))->view, 0x10000004, 4, 2),
                     MEM_OK);
    assert_int_equal(toy_cpu_at(m, "/app", 1)->level[TOY_MEIP], 1);
    machine_free(m);
}

/* -set overrides are plain property assignments on the loaded tree. */
static void test_overrides_after_parse(void **state)
{
    char *path = board_find("riscv-virt");
    struct machine *m = board_load_file(path, NULL);

    (void)state;
    assert_non_null(m);
    assert_int_equal(object_set_assignment(OBJECT(m), "/app.cpus=4", NULL), 0);
    assert_int_equal(object_set_assignment(OBJECT(m), "/dram.size=256M", NULL), 0);
    assert_int_equal(object_set_assignment(OBJECT(m), "/uart0.chardev=null", NULL), 0);
    assert_int_equal(object_set_assignment(OBJECT(m), "/app/cpu3.start-powered-off=on", NULL), 0);
    assert_int_equal(machine_realize(m), 0);
    assert_int_equal(((struct cluster *)get(m, "/app"))->ncpus, 4);
    assert_int_equal(region_of(m, "/dram")->size, 256u << 20);
    assert_true(((struct cpu *)get(m, "/app/cpu3"))->start_powered_off);
    machine_free(m);
    free(path);
}

/* Load @xml, expect failure and exactly one message, a line containing @want. */
static void expect_error(const char *xml, const char *want)
{
    const char *err;
    struct machine *m = support_load(xml, &err);
    char *nl;

    assert_null(m);
    assert_non_null(strstr(err, want));
    nl = strchr(err, '\n');
    assert_non_null(nl);
    assert_string_equal(nl, "\n");
}

#define HEAD "<?xml version=\"1.0\"?>\n<board name=\"b\">\n"
#define APP "  <cluster name=\"app\" arch=\"riscv\"/>\n"
#define UART "  <device name=\"uart0\" type=\"ns16550\"/>\n"
#define PLIC "  <device name=\"plic\" type=\"plic\" harts=\"/app\"/>\n"

static void test_malformed_xml(void **state)
{
    (void)state;
    expect_error(HEAD "  <cluster name=\"app\" arch=\"riscv\">\n</board>\n",
                 "mosaic: error: test.xml:4:3: mismatched tag\n");
    expect_error(HEAD "  <ram name=\"a\" size=\"1M\"\n", "test.xml:3:3: unclosed token\n");
    expect_error("", "test.xml:1:1: no element found\n");
    expect_error(HEAD "  <ram name=\"a\" name=\"b\" size=\"1\"/>\n</board>\n",
                 "test.xml:3:17: duplicate attribute\n");
}

static void test_unknown_element(void **state)
{
    (void)state;
    expect_error(HEAD APP "  <ram name=\"dram\" base=\"0x80000000\" size=\"1M\"/>\n\n\n\n"
                          "  <cpu name=\"x\"/>\n</board>\n",
                 "test.xml:8:3: unknown element <cpu>; expected one of: cluster, ram, rom, "
                 "device, alias, irq, set\n");
    expect_error("<machine/>\n", "test.xml:1:1: root element is <machine>; expected <board>\n");
}

static void test_wrong_nesting(void **state)
{
    (void)state;
    expect_error(HEAD "  <alias name=\"a\" region=\"/dram\"/>\n</board>\n",
                 "test.xml:3:3: <alias> is only allowed inside a <cluster>\n");
    expect_error(HEAD "  <cluster name=\"a\" arch=\"riscv\">\n    <cluster name=\"b\" "
                      "arch=\"riscv\"/>\n  </cluster>\n</board>\n",
                 "test.xml:4:5: <cluster> is not allowed inside <cluster>; expected one of: "
                 "ram, rom, device, alias\n");
    expect_error(HEAD APP "  <device name=\"u\" type=\"ns16550\">\n    <ram name=\"r\" "
                          "size=\"1\"/>\n  </device>\n</board>\n",
                 "test.xml:5:5: <ram> is not allowed inside <device>, which takes no child "
                 "elements\n");
    expect_error(HEAD "  <board name=\"c\"/>\n</board>\n",
                 "test.xml:3:3: <board> is not allowed inside <board>; expected one of: "
                 "cluster, ram, rom, device, irq, set\n");
    expect_error(HEAD "  <cluster name=\"a\" arch=\"riscv\">\n    <irq from=\"x.y\" to=\"z.w\"/>"
                      "\n  </cluster>\n</board>\n",
                 "test.xml:4:5: <irq> is not allowed inside <cluster>; expected one of: "
                 "ram, rom, device, alias\n");
}

static void test_missing_attribute(void **state)
{
    (void)state;
    expect_error(HEAD "  <cluster name=\"app\"/>\n</board>\n",
                 "test.xml:3:3: <cluster> needs the attribute arch=\"...\"\n");
    expect_error(HEAD APP "  <ram name=\"dram\" base=\"0x80000000\"/>\n</board>\n",
                 "test.xml:4:3: <ram> needs the attribute size=\"...\"\n");
    expect_error(HEAD APP "  <device name=\"u\" base=\"0\"/>\n</board>\n",
                 "test.xml:4:3: <device> needs the attribute type=\"...\"\n");
    expect_error("<board>\n</board>\n", "test.xml:1:1: <board> needs the attribute name=\"...\"\n");
    expect_error(HEAD APP "  <irq from=\"a.irq\"/>\n</board>\n",
                 "test.xml:4:3: <irq> needs the attribute to=\"...\"\n");
}

/* The error lists every known type in order; boards add types over time,
 * so the test checks the order and a few that always exist. */
static void test_unknown_device_type(void **state)
{
    static const char prefix[] = "test.xml:4:3: unknown device type \"pl011\"; known types: ";
    const char *err;

    (void)state;
    assert_null(support_load(HEAD APP "  <device name=\"u\" type=\"pl011\" base=\"0x1000\"/>\n"
                                      "</board>\n",
                             &err));
    char *at = strstr(err, prefix);
    assert_non_null(at);
    char *list = at + strlen(prefix), *nl = strchr(list, '\n');
    assert_non_null(nl);
    assert_string_equal(nl, "\n");
    *nl = '\0';
    const char *want[] = {"clint", "ns16550", "ram", "rom", "test-finisher"};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        assert_non_null(strstr(list, want[i]));
    char *prev = NULL;
    for (char *t = strtok(list, ","); t; t = strtok(NULL, ",")) {
        t += *t == ' ';
        if (prev)
            assert_true(strcmp(prev, t) < 0);
        prev = t;
    }
}

/* The object layer says what is wrong, the parser only where: one line. */
static void test_bad_property_value(void **state)
{
    (void)state;
    expect_error(HEAD APP "  <ram name=\"dram\" size=\"lots\"/>\n</board>\n",
                 "mosaic: error: test.xml:4:3: /dram.size: 'lots' is not a size (a number with "
                 "an optional K, M, G or T)\n");
    expect_error(HEAD APP "  <device name=\"u\" type=\"ns16550\" colour=\"red\"/>\n</board>\n",
                 "mosaic: error: test.xml:4:3: /u: no property 'colour' (properties: ");
    expect_error(HEAD "  <cluster name=\"app\" arch=\"sparc\"/>\n</board>\n",
                 "mosaic: error: test.xml:3:3: /app: unknown architecture 'sparc' (known: ");
    expect_error(HEAD "  <cluster name=\"app\" cpus=\"100\" arch=\"riscv\"/>\n</board>\n",
                 "mosaic: error: test.xml:3:3: /app.cpus: '100' is out of range (1 to 64)\n");
    expect_error("<board name=\"b\" quantum=\"fast\"/>\n",
                 "mosaic: error: test.xml:1:1: /.quantum: 'fast' is not a number\n");
    expect_error("<board name=\"b c\"/>\n",
                 "mosaic: error: test.xml:1:1: bad name \"b c\"; names use letters, digits, "
                 "'-' and '_'\n");
}

/* A cluster's attributes apply in any order: arch after cpus still makes the CPUs. */
static void test_cluster_attribute_order(void **state)
{
    struct machine *m = support_load(HEAD "  <cluster name=\"app\" cpus=\"3\" arch=\"riscv\"/>"
                                          "\n</board>\n",
                                     NULL);

    (void)state;
    assert_non_null(m);
    assert_int_equal(((struct cluster *)get(m, "/app"))->ncpus, 3);
    assert_non_null(object_resolve(OBJECT(m), "/app/cpu2"));
    machine_free(m);
}

struct sink_buf {
    char text[1024];
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

/* With a sink, a broken file's one message goes there, position first, and
 * nothing reaches the log. */
static void test_errors_through_sink(void **state)
{
    static const struct {
        const char *xml, *want;
    } cases[] = {
        {HEAD APP "  <ram name=\"dram\" size=\"1M\" base=\"-5\"/>\n</board>\n",
         "test.xml:4:3: /dram.base: '-5' is out of range (0 to 18446744073709551615)\n"},
        {HEAD APP "  <set path=\"/app.cpus\" value=\"0\"/>\n</board>\n",
         "test.xml:4:3: /app.cpus: '0' is out of range (1 to 64)\n"},
        {HEAD APP "\n  <irq from=\"nothing.irq\" to=\"app/cpu0.meip\"/>\n</board>\n",
         "test.xml:5:3: irq: 'nothing.irq' is not an interrupt output (expected "
         "DEVICE.LINE[N])\n"},
        {HEAD APP UART "  <irq from=\"uart0.irq[0]\" to=\"app/cpu0.nosuchline\"/>\n</board>\n",
         "test.xml:5:3: /app/cpu0: no interrupt input nosuchline[0] (a hart has msip[0], "
         "mtip[0], meip[0])\n"},
        {HEAD APP UART PLIC "  <irq from=\"uart0.irq\" to=\"plic.irq[0]\"/>\n</board>\n",
         "test.xml:6:3: plic: no interrupt input irq[0] (sources are irq[1] to irq[96])\n"},
        {HEAD "  <cluster name=\"app\" arch=\"riscv\">\n</board>\n",
         "test.xml:4:3: mismatched tag\n"},
        {"<board name=\"b\"><cluster name=\"a\" arch=\"riscv\" accel=\"gpu\"/></board>\n",
         "test.xml:1:17: /a.accel: 'gpu' is not a valid choice (choices: tcg)\n"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct sink_buf b = {0};
        const struct diag d = {sink_report, &b};
        const char *logged;

        capture_begin(STDERR_FILENO);
        assert_null(board_load_string("test.xml", cases[i].xml, strlen(cases[i].xml), &d));
        logged = capture_end();
        assert_string_equal(logged, "");
        assert_string_equal(b.text, cases[i].want);
        assert_int_equal(b.count, 1);
    }
}

static void test_duplicate_names(void **state)
{
    (void)state;
    expect_error(HEAD APP "  <ram name=\"mem\" size=\"1M\"/>\n  <device name=\"mem\" "
                          "type=\"ns16550\"/>\n</board>\n",
                 "test.xml:5:3: duplicate name \"mem\"; /mem is already defined at line 4\n");
    expect_error(HEAD APP "  <cluster name=\"app\" arch=\"riscv\"/>\n</board>\n",
                 "test.xml:4:3: duplicate name \"app\"; /app is already defined at line 3\n");
    expect_error(HEAD "  <cluster name=\"app\" arch=\"riscv\">\n    <ram name=\"cpu0\" "
                      "size=\"1K\"/>\n  </cluster>\n</board>\n",
                 "test.xml:4:5: duplicate name \"cpu0\"; /app/cpu0 already exists\n");
    expect_error(HEAD APP "  <ram name=\"a.b\" size=\"1M\"/>\n</board>\n",
                 "test.xml:4:3: bad name \"a.b\"; names use letters, digits, '-' and '_'\n");
}

static void test_irq_set_and_text_errors(void **state)
{
    (void)state;
    expect_error(HEAD APP "  <irq from=\"nothing.irq\" to=\"app/cpu0.meip\"/>\n</board>\n",
                 "mosaic: error: test.xml:4:3: irq: 'nothing.irq' is not an interrupt output "
                 "(expected DEVICE.LINE[N])\n");
    /* A wrong input: the CPU's or the device's own message, with the
     * position, and nothing more. */
    expect_error(HEAD APP UART "  <irq from=\"uart0.irq[0]\" to=\"app/cpu0.nosuchline\"/>\n"
                               "</board>\n",
                 "mosaic: error: test.xml:5:3: /app/cpu0: no interrupt input nosuchline[0] (a "
                 "hart has msip[0], mtip[0], meip[0])\n");
    expect_error(HEAD APP UART PLIC "  <irq from=\"uart0.irq\" to=\"plic.irq[97]\"/>\n"
                                    "</board>\n",
                 "mosaic: error: test.xml:6:3: plic: no interrupt input irq[97] (sources are "
                 "irq[1] to irq[96])\n");
    expect_error(HEAD APP UART "  <irq from=\"uart0.irq\" to=\"app.meip\"/>\n</board>\n",
                 "mosaic: error: test.xml:5:3: irq: 'app.meip' is not an interrupt input\n");
    expect_error(HEAD APP "  <irq from=\"a.irq\" to=\"b.x\" via=\"c\"/>\n</board>\n",
                 "test.xml:4:3: unknown attribute via on <irq>; expected from=\"...\" "
                 "to=\"...\"\n");
    expect_error(HEAD APP "  <set path=\"/app.cpus\" value=\"0\"/>\n</board>\n",
                 "mosaic: error: test.xml:4:3: /app.cpus: '0' is out of range (1 to 64)\n");
    expect_error(HEAD APP "  <set path=\"/nowhere.size\" value=\"1\"/>\n</board>\n",
                 "mosaic: error: test.xml:4:3: no object '/nowhere' (objects under /: app)\n");
    expect_error(HEAD APP "  hello\n</board>\n",
                 "test.xml:4:3: unexpected text \"hello\" inside <board>; board files hold only "
                 "elements and attributes\n");
}

static void test_missing_file(void **state)
{
    const char *err;

    (void)state;
    capture_begin(STDERR_FILENO);
    assert_null(board_load_file("/nonexistent/board.xml", NULL));
    err = capture_end();
    assert_non_null(strstr(err, "/nonexistent/board.xml: cannot open: "
                                "No such file or directory\n"));
}

/* Errors in a real file carry its path. */
static void test_error_names_file(void **state)
{
    char *dir = tmpdir_new();
    char *path = tmpdir_write_text(dir, "bad.xml", HEAD APP "  <tcm/>\n</board>\n");
    char *want = NULL;
    const char *err;

    (void)state;
    capture_begin(STDERR_FILENO);
    assert_null(board_load_file(path, NULL));
    err = capture_end();
    assert_true(asprintf(&want, "%s:4:3: unknown element <tcm>", path) > 0);
    assert_non_null(strstr(err, want));
    free(want);
    free(path);
    tmpdir_remove(dir);
}

/* Overlaps parse fine and are refused when the views are built. */
static void test_overlap_at_realize(void **state)
{
    struct machine *m =
        support_load(HEAD APP "  <ram name=\"a\" base=\"0x80000000\" size=\"1M\"/>"
                              "\n  <ram name=\"b\" base=\"0x80080000\" size=\"1M\"/>\n"
                              "</board>\n",
                     NULL);
    const char *err;

    (void)state;
    assert_non_null(m);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_realize(m), 0);
    err = capture_end();
    assert_non_null(strstr(err, "'a'"));
    assert_non_null(strstr(err, "'b'"));
    machine_free(m);
}

/* A board that parses but cannot be realized: exactly one line, at the
 * position of the element that caused it. */
static void expect_realize_error(const char *xml, const char *want)
{
    struct machine *m = support_load(xml, NULL);
    const char *err;

    assert_non_null(m);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_realize(m), 0);
    err = capture_end();
    assert_non_null(strstr(err, want));
    assert_string_equal(strchr(err, '\n'), "\n");
    machine_free(m);
}

static void test_realize_errors_have_positions(void **state)
{
    (void)state;
    /* Huge and wrapping sizes. */
    expect_realize_error(HEAD APP "  <ram name=\"x\" base=\"0x90000000\" size=\"1T\"/>\n</board>\n",
                         "mosaic: error: test.xml:4:3: memory region 'x': size 0x10000000000 is "
                         "larger than 64 GiB\n");
    expect_realize_error(HEAD APP "  <ram name=\"x\" base=\"0x90000000\""
                                  " size=\"0xffffffffffffffff\"/>\n</board>\n",
                         "test.xml:4:3: memory region 'x': size 0xffffffffffffffff is larger");
    expect_realize_error(HEAD APP "  <ram name=\"x\" base=\"0xfffffffffff00000\""
                                  " size=\"16M\"/>\n</board>\n",
                         "test.xml:4:3: view app: mapping of 'x' at 0xfffffffffff00000 size "
                         "0x1000000 wraps past the end of the address space\n");
    /* Aliases: to itself, to a cluster, past the end of their region. */
#define ALIAS(attrs)                                                                               \
    HEAD "  <cluster name=\"app\" arch=\"riscv\">\n"                                               \
         "    <alias name=\"a\" base=\"0\" " attrs "/>\n  </cluster>\n"                            \
         "  <ram name=\"dram\" base=\"0x80000000\" size=\"1M\"/>\n</board>\n"
    expect_realize_error(ALIAS("region=\"/app/a\""),
                         "test.xml:4:5: /app/a.region: '/app/a' is not a ram, rom or device\n");
    expect_realize_error(ALIAS("region=\"/app\""),
                         "test.xml:4:5: /app/a.region: '/app' is not a ram, rom or device\n");
    expect_realize_error(ALIAS("region=\"/dram\" offset=\"0x100000\""),
                         "test.xml:4:5: /app/a.offset: 0x100000 is beyond the end of 'dram'\n");
    expect_realize_error(ALIAS("region=\"/dram\" offset=\"0x80000\" size=\"0x100000\""),
                         "test.xml:4:5: view app: mapping of 'dram' at 0x00000000: offset "
                         "0x80000 + size 0x100000 is beyond the region size 0x100000\n");
#undef ALIAS
    /* A model of another architecture. */
    expect_realize_error(HEAD "\n  <cluster name=\"app\" arch=\"riscv\" model=\"cortex-m4\"/>\n"
                              "</board>\n",
                         "test.xml:4:3: /app.model: unknown riscv model 'cortex-m4'");
    /* Overlaps name the later element. */
    expect_realize_error(HEAD APP "  <ram name=\"a\" base=\"0x80000000\" size=\"1M\"/>"
                                  "\n  <ram name=\"b\" base=\"0x80080000\" size=\"1M\"/>\n"
                                  "</board>\n",
                         "test.xml:5:3: view app: 'b'");
    /* After realize, errors carry no stale position. */
    capture_begin(STDERR_FILENO);
    log_error("later");
    assert_string_equal(capture_end(), "mosaic: error: later\n");
}

/* A board of @nram RAMs then @nset <set>s; caller frees. */
static char *big_board(unsigned nram, unsigned nset)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    fputs(HEAD APP, f);
    for (unsigned i = 0; i < nram; i++)
        fprintf(f, "  <ram name=\"r%u\" size=\"4K\"/>\n", i);
    for (unsigned i = 0; i < nset; i++)
        fprintf(f, "  <set path=\"/r%u.size\" value=\"%uK\"/>\n", i % nram, 8 + i % 4);
    fputs("</board>\n", f);
    fclose(f);
    return buf;
}

/* Large boards parse in linear time; past the documented limits they are
 * refused with one line saying which. */
static void test_limits(void **state)
{
    (void)state;
    /* 20,000 elements: 4,000 objects (plus the cluster) and 16,000 <set>s. */
    char *xml = big_board(4000, 16000);
    struct machine *m = support_load(xml, NULL);
    assert_non_null(m);
    assert_prop(m, "/r3999", "size", "11K");
    machine_free(m);
    free(xml);
    /* One object too many: the cluster and 4,096 RAMs. */
    xml = big_board(BOARD_OBJECTS_MAX, 0);
    expect_error(xml, "test.xml:4099:3: too many objects: a board file may define at most 4096\n");
    free(xml);
    /* An attribute over 64 KiB. */
    xml = malloc(BOARD_ATTR_MAX + 200);
    assert_non_null(xml);
    int n = sprintf(xml, HEAD "  <ram name=\"a\" size=\"1M\" base=\"");
    memset(xml + n, '1', BOARD_ATTR_MAX + 1);
    strcpy(xml + n + BOARD_ATTR_MAX + 1, "\"/>\n</board>\n");
    expect_error(xml, "test.xml:3:3: attribute base is longer than 64 KiB\n");
    xml[n + BOARD_ATTR_MAX] = '"'; /* exactly 64 KiB: judged by the property */
    strcpy(xml + n + BOARD_ATTR_MAX + 1, "/>\n</board>\n");
    expect_error(xml, "test.xml:3:3: /a.base: ");
    free(xml);
    /* A file over 16 MiB, whatever it holds. */
    size_t big = BOARD_FILE_MAX + 1;
    xml = malloc(big);
    assert_non_null(xml);
    memset(xml, ' ', big);
    capture_begin(STDERR_FILENO);
    assert_null(board_load_string("test.xml", xml, big, NULL));
    assert_string_equal(capture_end(),
                        "mosaic: error: test.xml: the board file is larger than 16 MiB\n");
    free(xml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_boards_parse_and_realize),
        cmocka_unit_test(test_every_element),
        cmocka_unit_test(test_overrides_after_parse),
        cmocka_unit_test(test_malformed_xml),
        cmocka_unit_test(test_unknown_element),
        cmocka_unit_test(test_wrong_nesting),
        cmocka_unit_test(test_missing_attribute),
        cmocka_unit_test(test_unknown_device_type),
        cmocka_unit_test(test_bad_property_value),
        cmocka_unit_test(test_cluster_attribute_order),
        cmocka_unit_test(test_errors_through_sink),
        cmocka_unit_test(test_duplicate_names),
        cmocka_unit_test(test_irq_set_and_text_errors),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_error_names_file),
        cmocka_unit_test(test_overlap_at_realize),
        cmocka_unit_test(test_realize_errors_have_positions),
        cmocka_unit_test(test_limits),
    };

    return cmocka_run_group_tests_name("board_xml", tests, setup, NULL);
}
