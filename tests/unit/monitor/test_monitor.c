/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the monitor's commands, run through monitor_exec() as gdb's
 * qRcmd runs them, on a small board of toy CPUs: the exact text
 * each command prints, its return value, and its effect on CPUs, memory
 * and properties, including the forms IDEs send (reset halt, halt,
 * system_reset) and every error message. set's errors are the object
 * system's own messages, checked against what -set reports for the same
 * input; x/i decodes only through the target's disas hook (the toy
 * target's, and the real Arm target's).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/io/diag.h"
#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "monitor/monitor.h"
#include "targets/arm/arm.h"
#include "tests/unit/monitor/fake_board.h"

/* Longest message a test keeps. */
#define MONITOR_TEST_MSG 512

static struct machine *m;
static struct cluster *app, *rt;
static struct out_buf out;
static int rc;

/* Run @line with @current as gdb's current cluster; returns what it printed. */
static const char *run_in(struct cluster *current, const char *line)
{
    struct monitor_out o = {out_buf_write, &out};
    free(out.text);
    out = (struct out_buf){0};
    rc = monitor_exec(m, current, line, &o);
    return out.text ? out.text : "";
}

static const char *run(const char *line)
{
    return run_in(NULL, line);
}

static struct toy_cpu *fcpu(struct cluster *c, unsigned i)
{
    return (struct toy_cpu *)c->cpus[i];
}

static int setup(void **state)
{
    (void)state;
    m = fake_board_new();
    assert_non_null(m);
    app = m->clusters[0];
    rt = m->clusters[1];
    fake_device_reads = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    machine_free(m);
    free(out.text);
    out = (struct out_buf){0};
    return 0;
}

/* ---- help --------------------------------------------------------------- */

/* clang-format off */
static const char *const usages[] = {
    "help [COMMAND]", "info cpus", "info mtree", "info qom-tree [PATH]", "get PATH[.PROP]",
    "set PATH.PROP VALUE", "stop", "halt", "cont", "continue", "reset [CLUSTER]",
    "reset halt [CLUSTER]", "reset init [CLUSTER]", "reset all", "system_reset", "quit",
    "x[/N[FMT]] ADDR", "cpu-power CPU on|off [PC]",
};
/* clang-format on */

static void test_help_lists_every_command(void **state)
{
    (void)state;
    const char *text = run("help");
    assert_int_equal(rc, 0);
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, sizeof(usages) / sizeof(usages[0]));
    for (size_t i = 0; i < sizeof(usages) / sizeof(usages[0]); i++) {
        const char *line = strstr(text, usages[i]);
        assert_non_null(line);
        assert_true(line == text || line[-1] == '\n');
    }
    assert_non_null(strstr(text, "\nstop                       hold every CPU\n"));
}

static void test_help_one_command(void **state)
{
    (void)state;
    assert_string_equal(run("help x"),
                        "x[/N[FMT]] ADDR            examine memory of the current cluster\n"
                        "FMT: x 4-byte words in hex (the default), b bytes, i instructions. "
                        "N: how many.\n"
                        "ADDR: a number or a symbol of a loaded image. Devices are never read.\n");
    assert_int_equal(rc, 0);
    assert_string_equal(run("help info"),
                        "info cpus                  every CPU: gdb thread, path, state, pc, "
                        "instructions run\n"
                        "info mtree                 what each cluster sees at each address\n"
                        "info qom-tree [PATH]       the object tree with every property value\n");
    assert_string_equal(run("help reset halt"),
                        "reset halt [CLUSTER]       reset the current cluster and hold its CPUs\n");
    assert_string_equal(run("help nothing"), "unknown command 'nothing' (try help)\n");
    assert_int_equal(rc, -EINVAL);
}

/* ---- info ---------------------------------------------------------------- */

static void test_info_cpus(void **state)
{
    (void)state;
    fcpu(app, 0)->pc = 0x10010;
    app->cpus[0]->icount = 42;
    assert_string_equal(run("info cpus"),
                        "* p1.1 /app/cpu0: running, pc=0x00010010, icount=42\n"
                        "* p1.2 /app/cpu1: running, pc=0x00010004, icount=0\n"
                        "  p2.1 /rt/cpu0: powered off, pc=0x00000000, icount=0\n");
    assert_int_equal(rc, 0);
    debug_cpu_stop(app->cpus[0]);
    app->cpus[1]->state = CPU_WAITING;
    assert_string_equal(run_in(rt, "info cpus"),
                        "  p1.1 /app/cpu0: stopped by debugger, pc=0x00010010, icount=42\n"
                        "  p1.2 /app/cpu1: waiting (wfi), pc=0x00010004, icount=0\n"
                        "* p2.1 /rt/cpu0: powered off, pc=0x00000000, icount=0\n");
}

static void test_info_mtree(void **state)
{
    (void)state;
    const char *text = run("info mtree");
    assert_int_equal(rc, 0);
    const char *app_at = strstr(text, "/app (p1, fake fake32):\n");
    const char *rt_at = strstr(text, "/rt (p2, fake fake32):\n");
    assert_ptr_equal(app_at, text);
    assert_non_null(rt_at);
    const char *ram = strstr(text, "0000000000010000-000000000001ffff (ram): ram\n");
    const char *dev = strstr(text, "0000000000020000-00000000000200ff (mmio): dev\n");
    assert_true(ram && ram < rt_at && dev && dev < rt_at);
    assert_non_null(strstr(rt_at, "0000000000010000-000000000001ffff (ram): ram\n"));
}

static void test_info_qom_tree(void **state)
{
    (void)state;
    const char *text = run("info qom-tree");
    assert_int_equal(rc, 0);
    assert_non_null(strstr(text, "\n  /app (cluster)\n"));
    assert_non_null(strstr(text, "\n    /app/cpu1 (fake-cpu)\n"));
    assert_non_null(strstr(text, "      reset-pc = 0x10004\n"));
    assert_non_null(strstr(text, "\n  /dev (fake-dev)\n"));
    text = run("info qom-tree /rt/cpu0");
    assert_string_equal(text, "/rt/cpu0 (fake-cpu)\n"
                              "  image = \"\"\n"
                              "  reset-pc = \"\"\n"
                              "  start-powered-off = on\n");
    assert_string_equal(run("info qom-tree /nope"),
                        "error: no object '/nope' (objects under /: app, rt, ram, dev)\n");
    assert_int_equal(rc, -ENOENT);
}

/* ---- get and set ----------------------------------------------------------- */

static void test_get(void **state)
{
    (void)state;
    assert_string_equal(run("get /app.cpus"), "2\n");
    assert_int_equal(rc, 0);
    assert_string_equal(run("get app/cpu1.reset-pc"), "0x10004\n");
    assert_string_equal(run("get /app/cpu0.reset-pc"), "\"\"\n");
    assert_string_equal(run("get /rt/cpu0"),
                        "image = \"\"\nreset-pc = \"\"\nstart-powered-off = on\n");
    assert_string_equal(run("get /app/cpu0.nope"),
                        "error: /app/cpu0: no property 'nope' "
                        "(properties: image, reset-pc, start-powered-off)\n");
    assert_int_equal(rc, -ENOENT);
    assert_string_equal(run("get /app/cpu9.image"),
                        "error: no object '/app/cpu9' (objects under /app: cpu0, cpu1)\n");
    assert_int_equal(rc, -ENOENT);
    assert_string_equal(run("get /app/cpu0."),
                        "error: '/app/cpu0.': expected PATH.PROP, e.g. /app/cpu0.reset-pc\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("get"), "usage: get PATH[.PROP]\n");
    assert_int_equal(rc, -EINVAL);
}

static void test_set_round_trip(void **state)
{
    (void)state;
    assert_string_equal(run("set /app/cpu0.reset-pc 0x10008"), "");
    assert_int_equal(rc, 0);
    assert_string_equal(run("get /app/cpu0.reset-pc"), "0x10008\n");
    assert_string_equal(run("set /app/cpu0.reset-pc=0x1000c"), "");
    assert_string_equal(run("get /app/cpu0.reset-pc"), "0x1000c\n");
    assert_string_equal(run("set /app/cpu0.reset-pc = 0x10010"), "");
    assert_string_equal(run("get /app/cpu0.reset-pc"), "0x10010\n");
    assert_string_equal(run("set /app/cpu0.reset-pc \"\""), "");
    assert_string_equal(run("get /app/cpu0.reset-pc"), "\"\"\n");
    assert_string_equal(run("set /rt.stop-on-exception on"), "");
    assert_true(rt->stop_on_exception);
}

static void test_set_errors(void **state)
{
    (void)state;
    assert_string_equal(run("set /app.cpus 3"),
                        "error: /app.cpus: cannot be changed once the board is realized\n");
    assert_int_equal(rc, -EBUSY);
    assert_string_equal(run("set /rt.semihosting maybe"),
                        "error: /rt.semihosting: 'maybe' is not a boolean "
                        "(on/off, true/false, yes/no, 1/0)\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("set /app/cpu0.reset-pc xyz"),
                        "error: /app/cpu0: reset-pc 'xyz' is not an address\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("get /app/cpu0.reset-pc"), "\"\"\n");
    assert_string_equal(run("set /app/cpu0.reset-pc"), "usage: set PATH.PROP VALUE\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("set /nope.x=1"),
                        "error: no object '/nope' (objects under /: app, rt, ram, dev)\n");
    assert_int_equal(rc, -ENOENT);
    assert_string_equal(run("set"), "usage: set PATH.PROP VALUE\n");
}

/* What object_set_assignment() reports to a sink: -set's message. */
static void keep_message(void *opaque, enum diag_level level, const char *msg)
{
    (void)level;
    snprintf(opaque, MONITOR_TEST_MSG, "error: %s\n", msg);
}

/* monitor set prints exactly the property system's message, and refuses
 * and accepts what -set and board files refuse and accept. */
static void test_set_shows_property_system_message(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"/app.cpus", "3"},              /* fixed once realized */
        {"/rt.semihosting", "maybe"},    /* not a boolean */
        {"/app/cpu0.reset-pc", "xyz"},   /* refused by on_set */
        {"/ram.base", "0x20000"},        /* fixed once realized */
        {"/app.accel", "fast"},          /* not a choice */
        {"/app.stop-on-exception", "2"}, /* not a boolean */
        {"/app/cpu0.nope", "1"},         /* no such property */
        {"/app/cpu5.image", "a.elf"},    /* no such object */
        {"/app/cpu0.", "1"},             /* no property name */
        {"/.cpu-freq", "0"},             /* fixed once realized (timers) */
        {"/.timebase-freq", "0"},        /* fixed once realized (timers) */
        {"/.quantum", "0"},              /* below the bound */
        {"/.quantum", "1000001"},        /* above the bound */
        {"/app.cpus", "-1"},             /* fixed, and negative */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char line[128], assignment[128], want[MONITOR_TEST_MSG] = "";
        const struct diag sink = {keep_message, want};
        snprintf(line, sizeof(line), "set %s %s", cases[i][0], cases[i][1]);
        snprintf(assignment, sizeof(assignment), "%s=%s", cases[i][0], cases[i][1]);
        int want_rc = object_set_assignment(&m->obj, assignment, &sink);
        assert_int_not_equal(want_rc, 0);
        assert_string_equal(run(line), want);
        assert_int_equal(rc, want_rc);
    }
    assert_string_equal(run("set /app/cpu0.reset-pc 0x10"), "");
    assert_int_equal(rc, 0);
}

/* Run-time changes meet the bounds of the command line and board files:
 * cpu-freq 0 used to be accepted here and divide by zero at the next
 * round, quantum 0 stopped the guest. */
static void test_set_machine_bounds(void **state)
{
    (void)state;
    assert_string_equal(run("set /.cpu-freq 0"),
                        "error: /.cpu-freq: cannot be changed once the board is realized\n");
    assert_int_equal(rc, -EBUSY);
    assert_string_equal(run("set /.timebase-freq 0"),
                        "error: /.timebase-freq: cannot be changed once the board is realized\n");
    assert_string_equal(run("set /.quantum 0"),
                        "error: /.quantum: '0' is out of range (1 to 1000000)\n");
    assert_int_equal(rc, -ERANGE);
    assert_string_equal(run("set /.quantum 4294967296"),
                        "error: /.quantum: '4294967296' is out of range (1 to 1000000)\n");
    assert_string_equal(run("get /.quantum"), "10000\n");
    assert_string_equal(run("set /.quantum 1000000"), "");
    assert_int_equal(m->quantum, 1000000);
}

/* ---- x ------------------------------------------------------------------------ */

static void write_ram(gaddr addr, const void *data, size_t len)
{
    assert_int_equal(mem_view_write_buf(app->view, addr, data, len, 0, NULL), 0);
}

static void fill_ram(void)
{
    uint8_t bytes[16];
    for (unsigned i = 0; i < sizeof(bytes); i++)
        bytes[i] = (uint8_t)(i + 1);
    write_ram(0x10000, bytes, sizeof(bytes));
}

static void test_x_words_and_bytes(void **state)
{
    (void)state;
    fill_ram();
    assert_string_equal(run("x/4x 0x10000"),
                        "0x00010000: 0x04030201 0x08070605 0x0c0b0a09 0x100f0e0d\n");
    assert_int_equal(rc, 0);
    assert_string_equal(run("x/5x 0x10000"),
                        "0x00010000: 0x04030201 0x08070605 0x0c0b0a09 0x100f0e0d\n"
                        "0x00010010: 0x00000000\n");
    assert_string_equal(run("x 0x10004"), "0x00010004: 0x08070605\n");
    assert_string_equal(run("x/10b 65536"), "0x00010000: 0x01 0x02 0x03 0x04 0x05 0x06 0x07 0x08\n"
                                            "0x00010008: 0x09 0x0a\n");
    assert_string_equal(run_in(rt, "x/b 0x10003"), "0x00010003: 0x04\n");
}

/* The bytes of fill_ram happen to be toy instructions: 0x04030201 is
 * ADDI r2, 0x403 and 0x08070605 BNZ r2, +0x807. */
static void test_x_instructions(void **state)
{
    (void)state;
    fill_ram();
    assert_string_equal(run("x/2i 0x10000"), "0x00010000:  addi r2, 1027\n"
                                             "0x00010004:  bnz r2, 0x1080b\n");
    assert_int_equal(rc, 0);
    uint32_t bad = 0xffffffffu, wfi = TOY_INSN(TOY_WFI, 0, 0);
    write_ram(0x10008, &bad, sizeof(bad));
    assert_string_equal(run("x/4i 0x10004"), "0x00010004:  bnz r2, 0x1080b\n"
                                             "0x00010008:  (bad)\n");
    write_ram(0x1fffc, &wfi, sizeof(wfi));
    assert_string_equal(run("x/2i 0x1fffc"), "0x0001fffc:  wfi\n"
                                             "error: cannot read 0x00020000: a device is there "
                                             "(the monitor never reads devices)\n");
    assert_int_equal(rc, -EFAULT);
    assert_int_equal(fake_device_reads, 0);
}

static void test_x_never_reads_devices(void **state)
{
    (void)state;
    assert_string_equal(run("x/2x 0x1fffc"), "0x0001fffc: 0x00000000\n"
                                             "error: cannot read 0x00020000: a device is there "
                                             "(the monitor never reads devices)\n");
    assert_int_equal(rc, -EFAULT);
    assert_string_equal(run("x/b 0x20000"), "error: cannot read 0x00020000: a device is there "
                                            "(the monitor never reads devices)\n");
    assert_int_equal(fake_device_reads, 0);
    assert_string_equal(run("x 0x30000"),
                        "error: cannot read 0x00030000: nothing is mapped there\n");
    assert_int_equal(rc, -EFAULT);
}

static void test_x_symbols_and_errors(void **state)
{
    (void)state;
    fill_ram();
    machine_add_symbol(m, app, "start", 0x10004);
    machine_add_symbol(m, rt, "start", 0x10008);
    assert_string_equal(run("x start"), "0x00010004: 0x08070605\n");
    assert_string_equal(run_in(rt, "x start"), "0x00010008: 0x0c0b0a09\n");
    assert_string_equal(run("x zork"), "error: 'zork' is neither an address nor a symbol\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("x/4q 0x10000"),
                        "error: bad format '/4q' (N then x, b or i: x/4x 0x80000000)\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("x/0x 0x10000"), "error: bad count in '/0x' (1 to 65536)\n");
    assert_string_equal(run("x/20000x 0x10000"), "error: x reads at most 65536 bytes at once\n");
    assert_string_equal(run("x"), "usage: x[/N[FMT]] ADDR\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("help/4"), "usage: help [COMMAND]\n");
}

/* A board of one cluster of @arch with 4 KiB of RAM at 0x1000 holding @code. */
static struct machine *code_board(const char *arch, const uint8_t *code, size_t len)
{
    struct machine *b = machine_new("codeboard");
    assert_non_null(b);
    struct cluster *c = cluster_new(&b->obj, "c", arch);
    assert_non_null(c);
    assert_non_null(object_new("ram", &b->obj, "ram"));
    assert_int_equal(object_set_assignment(&b->obj, "/ram.base=0x1000", NULL), 0);
    assert_int_equal(object_set_assignment(&b->obj, "/ram.size=4K", NULL), 0);
    assert_int_equal(machine_realize(b), 0);
    assert_int_equal(mem_view_write_buf(c->view, 0x1010, code, len, 0, NULL), 0);
    return b;
}

static const char *run_on(struct machine *b, const char *line)
{
    struct monitor_out o = {out_buf_write, &out};
    free(out.text);
    out = (struct out_buf){0};
    rc = monitor_exec(b, NULL, line, &o);
    return out.text ? out.text : "";
}

/* The Arm target's own disas hook (capstone, Thumb, M-profile) decodes. */
static void test_x_instructions_arm_hook(void **state)
{
    (void)state;
    static const uint8_t thumb[] = {0x70, 0x47, 0x00, 0xbf};
    if (!target_find("arm"))
        target_register(&arm_target_ops);
    struct machine *b = code_board("arm", thumb, sizeof(thumb));
    assert_string_equal(run_on(b, "x/2i 0x1010"), "0x00001010:  bx lr\n"
                                                  "0x00001012:  nop\n");
    assert_int_equal(rc, 0);
    machine_free(b);
}

/* A target without a disas hook (the toy one without it): the monitor has
 * no disassembler of its own. */
static void test_x_instructions_without_hook(void **state)
{
    (void)state;
    static const uint8_t code[] = {0x70, 0x47, 0x00, 0xbf};
    static struct target_ops nodis;
    if (!target_find("nodis")) {
        nodis = *target_find("fake");
        nodis.arch = "nodis";
        nodis.disas = NULL;
        assert_int_equal(target_register(&nodis), 0);
    }
    struct machine *b = code_board("nodis", code, sizeof(code));
    assert_string_equal(run_on(b, "x/2i 0x1010"), "error: no disassembler for nodis\n");
    assert_int_equal(rc, -ENOTSUP);
    assert_string_equal(run_on(b, "x/1x 0x1010"), "0x00001010: 0xbf004770\n");
    machine_free(b);
}

/* ---- run control ------------------------------------------------------------------ */

static bool held(struct cluster *c, unsigned i)
{
    return debug_cpu_stopped(c->cpus[i]);
}

static void test_stop_and_cont(void **state)
{
    (void)state;
    assert_string_equal(run("stop"), "");
    assert_int_equal(rc, 0);
    assert_true(held(app, 0) && held(app, 1) && held(rt, 0));
    assert_string_equal(run("cont"),
                        "note: /rt/cpu0 is powered off (cpu-power /rt/cpu0 on starts it)\n");
    assert_int_equal(rc, 0);
    assert_false(held(app, 0) || held(app, 1) || held(rt, 0));
    run("halt");
    assert_true(held(app, 0) && held(app, 1) && held(rt, 0));
    run("continue");
    assert_false(held(app, 0) || held(app, 1) || held(rt, 0));
}

static void test_reset_halt_holds_current_cluster(void **state)
{
    (void)state;
    fcpu(app, 0)->pc = 0x1234;
    fcpu(app, 1)->pc = 0x5678;
    fcpu(rt, 0)->pc = 0x9abc;
    assert_string_equal(run_in(app, "reset halt"), "");
    assert_int_equal(rc, 0);
    assert_true(held(app, 0) && held(app, 1));
    assert_false(held(rt, 0));
    assert_int_equal(fcpu(app, 0)->pc, 0);
    assert_int_equal(fcpu(app, 1)->pc, 0x10004);
    assert_int_equal(fcpu(rt, 0)->pc, 0x9abc);
    run("cont");
    assert_false(held(app, 0) || held(app, 1));
    assert_string_equal(run_in(app, "reset init /rt"), "");
    assert_true(held(rt, 0));
    assert_false(held(app, 0));
    assert_int_equal(fcpu(rt, 0)->pc, 0);
}

static void test_reset_keeps_cpus_running(void **state)
{
    (void)state;
    fcpu(rt, 0)->pc = 0x9abc;
    fcpu(app, 0)->pc = 0x1234;
    debug_cpu_stop(rt->cpus[0]);
    assert_string_equal(run_in(rt, "reset"), "");
    assert_int_equal(rc, 0);
    assert_int_equal(fcpu(rt, 0)->pc, 0);
    assert_true(held(rt, 0)); /* a held CPU stays held */
    assert_int_equal(fcpu(app, 0)->pc, 0x1234);
    assert_string_equal(run("reset /app"), "");
    assert_int_equal(fcpu(app, 0)->pc, 0);
    assert_false(held(app, 0));
    assert_string_equal(run("reset /ram"), "error: /ram is a ram, not a cluster\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("reset halt now please"), "usage: reset halt [CLUSTER]\n");
    assert_int_equal(rc, -EINVAL);
}

static int restarts, restart_rc;
static int fake_restart(struct machine *mm)
{
    (void)mm;
    restarts++;
    return restart_rc;
}

static void test_system_reset(void **state)
{
    (void)state;
    fcpu(app, 0)->pc = 0x1234;
    fcpu(rt, 0)->pc = 0x9abc;
    assert_string_equal(run("system_reset"), "");
    assert_int_equal(rc, 0);
    assert_int_equal(fcpu(app, 0)->pc, 0);
    assert_int_equal(fcpu(rt, 0)->pc, 0);
    m->restart = fake_restart;
    restarts = 0;
    restart_rc = 0;
    assert_string_equal(run("reset all"), "");
    assert_int_equal(restarts, 1);
    restart_rc = -EIO;
    assert_string_equal(run("system_reset"),
                        "error: the board did not restart (Input/output error)\n");
    assert_int_equal(rc, -EIO);
    assert_int_equal(restarts, 2);
}

struct run_events {
    int held, released, resets;
    struct cluster *held_c, *reset_c;
};

static void on_held(void *opaque, struct cluster *c)
{
    struct run_events *n = opaque;
    n->held++;
    n->held_c = c;
}

static void on_released(void *opaque)
{
    ((struct run_events *)opaque)->released++;
}

static void on_reset(void *opaque, struct cluster *c)
{
    struct run_events *n = opaque;
    n->resets++;
    n->reset_c = c;
}

/* Run control goes through the engine, whose observers (the gdb stub)
 * hear of it. */
static void test_run_observed(void **state)
{
    (void)state;
    struct run_events n = {0};
    struct machine_observer obs = {
        .held = on_held, .released = on_released, .reset = on_reset, .opaque = &n};
    assert_int_equal(machine_add_observer(m, &obs), 0);
    run("halt");
    assert_int_equal(n.held, 1);
    assert_null(n.held_c);
    assert_true(held(app, 0) && held(app, 1) && held(rt, 0));
    run("continue");
    assert_int_equal(n.released, 1);
    assert_false(held(app, 0) || held(app, 1) || held(rt, 0));
    fcpu(app, 0)->pc = 0x1234;
    run_in(app, "reset halt");
    assert_int_equal(n.held, 2);
    assert_ptr_equal(n.held_c, app);
    assert_int_equal(n.resets, 1);
    assert_ptr_equal(n.reset_c, app);
    assert_int_equal(fcpu(app, 0)->pc, 0);
    assert_true(held(app, 0));
    assert_false(held(rt, 0)); /* nothing made it all-stop */
    run("reset rt");
    assert_int_equal(n.resets, 2);
    assert_ptr_equal(n.reset_c, rt);
    run("reset all");
    assert_int_equal(n.resets, 3);
    assert_null(n.reset_c);
    machine_remove_observer(m, &obs);
    run("stop");
    assert_int_equal(n.held, 2);
    assert_true(held(rt, 0));
}

static void test_quit(void **state)
{
    (void)state;
    assert_false(m->quit);
    assert_string_equal(run("quit"), "");
    assert_int_equal(rc, 0);
    assert_true(m->quit);
}

static void test_cpu_power(void **state)
{
    (void)state;
    assert_int_equal(rt->cpus[0]->state, CPU_OFF);
    assert_string_equal(run("cpu-power /rt/cpu0 on 0x10000"), "");
    assert_int_equal(rc, 0);
    assert_int_equal(rt->cpus[0]->state, CPU_RUNNABLE);
    assert_int_equal(fcpu(rt, 0)->pc, 0x10000);
    assert_string_equal(run("cpu-power /rt/cpu0 off"), "");
    assert_int_equal(rt->cpus[0]->state, CPU_OFF);
    assert_string_equal(run("cpu-power rt/cpu0 on"), "");
    assert_int_equal(rt->cpus[0]->state, CPU_RUNNABLE);
    assert_int_equal(fcpu(rt, 0)->pc, 0x10000);
    assert_string_equal(run("cpu-power /app on"), "error: /app is a cluster, not a CPU\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("cpu-power /rt/cpu0 maybe"), "usage: cpu-power CPU on [PC] | off\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("cpu-power /rt/cpu0"), "usage: cpu-power CPU on|off [PC]\n");
}

static void test_unknown_command(void **state)
{
    (void)state;
    assert_string_equal(run("foo"), "unknown command 'foo' (try help)\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("  info   foo "), "unknown command 'info   foo' (try help info)\n");
    assert_int_equal(rc, -EINVAL);
    assert_string_equal(run("info"), "unknown command 'info' (try help info)\n");
    assert_string_equal(run(""), "");
    assert_int_equal(rc, 0);
    assert_string_equal(run(" \t\n"), "");
    assert_int_equal(rc, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_help_lists_every_command, setup, teardown),
        cmocka_unit_test_setup_teardown(test_help_one_command, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_cpus, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_mtree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_qom_tree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_machine_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_shows_property_system_message, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x_words_and_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x_instructions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x_instructions_arm_hook, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x_instructions_without_hook, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x_never_reads_devices, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x_symbols_and_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_and_cont, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_halt_holds_current_cluster, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_keeps_cpus_running, setup, teardown),
        cmocka_unit_test_setup_teardown(test_system_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_observed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cpu_power, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_command, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
