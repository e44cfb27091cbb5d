/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the monitor console: TAB completion (commands,
 * subcommands, object paths, PATH.PROP names and property values) through
 * monitor_complete(), and the readline console itself fed through a pipe
 * on stdin from the event loop, with its output caught in a file: its
 * lines, and the notices it prints when the board's run state changes
 * (driven through the engine's own calls on the toy CPUs).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "engine/io/event.h"
#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "monitor/internals.h"
#include "tests/unit/monitor/fake_board.h"

static struct machine *m;
static char joined[2048];

static int setup(void **state)
{
    (void)state;
    m = fake_board_new();
    assert_non_null(m);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    monitor_console_stop();
    machine_free(m);
    return 0;
}

/* The candidates for @line joined with '|' ("" for none). */
static const char *complete(const char *line)
{
    size_t n;
    char **list = monitor_complete(m, line, &n);
    joined[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined), "%s%s", i ? "|" : "",
                 list[i]);
    if (!n)
        assert_null(list);
    monitor_complete_free(list, n);
    return joined;
}

static void test_complete_commands(void **state)
{
    (void)state;
    assert_string_equal(complete(""), "cont|continue|cpu-power|get|halt|help|info|quit|reset|"
                                      "set|stop|system_reset|x");
    assert_string_equal(complete("he"), "help");
    assert_string_equal(complete("  c"), "cont|continue|cpu-power");
    assert_string_equal(complete("info "), "cpus|mtree|qom-tree");
    assert_string_equal(complete("info q"), "qom-tree");
    assert_string_equal(complete("help i"), "info");
    assert_string_equal(complete("help info m"), "mtree");
    assert_string_equal(complete("zz"), "");
    assert_string_equal(complete("x/4x "), "");
    assert_string_equal(complete("info cpus "), "");
}

static void test_complete_paths(void **state)
{
    (void)state;
    assert_string_equal(complete("get /"), "/app.|/app/|/dev.|/ram.|/rt.|/rt/");
    assert_string_equal(complete("get /a"), "/app.|/app/");
    assert_string_equal(complete("get /app/c"), "/app/cpu0.|/app/cpu1.");
    assert_string_equal(complete("get app/cpu1.re"), "app/cpu1.reset-pc");
    assert_string_equal(complete("get /app.c"), "/app.cpus");
    assert_string_equal(complete("set /rt/cpu0.s"), "/rt/cpu0.start-powered-off");
    assert_string_equal(complete("get /nope/"), "");
    assert_string_equal(complete("info qom-tree /r"), "/ram|/rt|/rt/");
    assert_string_equal(complete("cpu-power /rt/"), "/rt/cpu0");
    assert_string_equal(complete("reset "), "all|app|app/|dev|halt|init|ram|rt|rt/");
    assert_string_equal(complete("reset halt r"), "ram|rt|rt/");
}

static void test_complete_values(void **state)
{
    (void)state;
    assert_string_equal(complete("set /rt.semihosting=o"),
                        "/rt.semihosting=off|/rt.semihosting=on");
    assert_string_equal(complete("set /app.accel "), "tcg"); /* what this build has */
    assert_string_equal(complete("set /app.accel t"), "tcg");
    assert_string_equal(complete("set /app.cpus "), "");
    assert_string_equal(complete("cpu-power /rt/cpu0 o"), "off|on");
}

static void test_console_spec(void **state)
{
    (void)state;
    assert_int_equal(monitor_console_start(m, "tcp::4444"), -EINVAL);
    assert_int_equal(event_input_sources(), 0);
}

/* The running console's terminal: stdin a pipe the test types into,
 * stdout a file. */
static struct {
    int in[2];
    int saved_in, saved_out;
    FILE *out;
} term;

static void console_open(void)
{
    term.out = tmpfile();
    assert_non_null(term.out);
    assert_int_equal(pipe(term.in), 0);
    term.saved_in = dup(STDIN_FILENO);
    term.saved_out = dup(STDOUT_FILENO);
    fflush(stdout);
    assert_true(dup2(term.in[0], STDIN_FILENO) >= 0 && dup2(fileno(term.out), STDOUT_FILENO) >= 0);
    assert_int_equal(monitor_console_start(m, "stdio"), 0);
    assert_int_equal(monitor_console_start(m, "stdio"), -EBUSY);
    assert_int_equal(event_input_sources(), 1);
}

/* Type @text and let the console read all of it. */
static void console_type(const char *text)
{
    assert_int_equal(write(term.in[1], text, strlen(text)), (ssize_t)strlen(text));
    while (event_poll(0) > 0)
        ;
}

/* End of input (the console ends if it still runs); returns what it wrote. */
static char *console_close(void)
{
    static char text[8192];
    close(term.in[1]);
    for (int i = 0; i < 10000 && event_input_sources(); i++)
        event_poll(1000);
    fflush(stdout);
    dup2(term.saved_in, STDIN_FILENO);
    dup2(term.saved_out, STDOUT_FILENO);
    close(term.saved_in);
    close(term.saved_out);
    close(term.in[0]);
    size_t n = fread(text, 1, sizeof(text) - 1, (rewind(term.out), term.out));
    text[n] = '\0';
    fclose(term.out);
    return text;
}

/* Feed @typed to the console on stdin; returns what it wrote to stdout. */
static char *console_session(const char *typed)
{
    console_open();
    console_type(typed);
    return console_close();
}

static void test_console_runs_lines_until_quit(void **state)
{
    (void)state;
    setenv("TERM", "dumb", 1);
    const char *text = console_session("info cpus\nquit\nhelp\n");
    assert_non_null(strstr(text, "(mosaic) "));
    assert_non_null(strstr(text, "* p1.1 /app/cpu0: running, pc=0x00000000, icount=0\n"
                                 "* p1.2 /app/cpu1: running, pc=0x00010004, icount=0\n"));
    assert_null(strstr(text, "help [COMMAND]")); /* nothing runs after quit */
    assert_true(m->quit);
    assert_int_equal(event_input_sources(), 0);
}

static void test_console_ends_at_eof(void **state)
{
    (void)state;
    setenv("TERM", "dumb", 1);
    const char *text = console_session("get /app.cpus\nfoo\n");
    assert_non_null(strstr(text, "2\n"));
    assert_non_null(strstr(text, "unknown command 'foo' (try help)\n"));
    assert_false(m->quit);
    assert_int_equal(event_input_sources(), 0);
}

/* ---- run-state notices -------------------------------------------------- */

/* A stand-in for gdb: takes stops (so guest exits hold the board) and ends
 * machine_run at each. */
static void debugger_stopped(void *opaque, const struct stop_event *ev)
{
    (void)opaque;
    (void)ev;
    m->quit = 1;
}

static void debugger_exited(void *opaque, int code)
{
    (void)opaque;
    (void)code;
    m->quit = 1;
}

static struct machine_observer debugger = {.stopped = debugger_stopped, .exited = debugger_exited};

/* Run until the stand-in debugger or the guest's exit ends it. */
static int run_board(void)
{
    int rc = machine_run(m);
    m->quit = 0;
    m->exit_requested = false;
    return rc;
}

/* Occurrences of @s in @text. */
static unsigned count(const char *text, const char *s)
{
    unsigned n = 0;
    for (const char *p = strstr(text, s); p; p = strstr(p + 1, s))
        n++;
    return n;
}

/* Held, released and reset by others, through the engine's own calls. */
static void test_notices_run_control(void **state)
{
    (void)state;
    setenv("TERM", "dumb", 1);
    console_open();
    debug_hold(m, NULL);
    debug_release(m);
    debug_hold(m, m->clusters[0]);
    debug_release(m);
    cluster_reset(m->clusters[1]);
    machine_reset(m);
    const char *text = console_close();
    assert_non_null(strstr(text, "event: every CPU held by the debugger\n"));
    assert_non_null(strstr(text, "event: the CPUs of /app held by the debugger\n"));
    assert_int_equal(count(text, "event: the debugger released every CPU\n"), 2);
    assert_non_null(strstr(text, "event: /rt reset\n"));
    assert_non_null(strstr(text, "event: board reset\n"));
    assert_int_equal(count(text, "event: "), 6);
}

/* 0x10000: ADDI r0, 1; 0x10004: ST r0, [r1]; 0x10008: JMP 0x10000 */
static const uint32_t loop[] = {TOY_INSN(TOY_ADDI, 0, 1), TOY_INSN(TOY_ST, 0, 1),
                                TOY_INSN(TOY_JMP, 0, -8)};

/* Stops for the debugger: which CPU, why and where, on one line each. */
static void test_notices_stops(void **state)
{
    (void)state;
    struct cluster *app = m->clusters[0];
    struct toy_cpu *t = toy_cpu_at(m, "/app", 0);
    setenv("TERM", "dumb", 1);
    assert_int_equal(mem_view_write_buf(app->view, 0x10000, loop, sizeof(loop), 0, NULL), 0);
    cpu_power_off(app->cpus[1]);
    t->pc = 0x10000;
    t->r[1] = 0x10100;
    console_open();
    assert_int_equal(machine_add_observer(m, &debugger), 0);
    assert_int_equal(debug_bp_insert(app, BP_SW, 0x10004), 0);
    run_board();
    assert_int_equal(debug_bp_remove(app, BP_SW, 0x10004), 0);
    assert_int_equal(debug_wp_insert(app, WP_WRITE, 0x10100, 4), 0);
    debug_cpu_resume(&t->cpu, false, 0);
    run_board();
    debug_clear_all(app);
    debug_cpu_resume(&t->cpu, true, 0);
    run_board();
    const char *text = console_close();
    machine_remove_observer(m, &debugger);
    assert_non_null(strstr(text, "event: /app/cpu0 stopped: breakpoint, pc=0x00010004\n"));
    assert_non_null(strstr(text, "event: /app/cpu0 stopped: write watchpoint on 0x00010100, "
                                 "pc=0x00010008\n"));
    assert_non_null(strstr(text, "event: /app/cpu0 stopped: single step, pc=0x00010000\n"));
    assert_int_equal(count(text, "event: "), 3);
}

/* The guest's exit, with a debugger attached (the board stays) and without
 * (the run ends). */
static void test_notices_exit(void **state)
{
    (void)state;
    setenv("TERM", "dumb", 1);
    console_open();
    assert_int_equal(machine_add_observer(m, &debugger), 0);
    machine_request_exit(m, 3);
    run_board();
    machine_remove_observer(m, &debugger);
    debug_release(m);
    machine_request_exit(m, 4);
    assert_int_equal(run_board(), 4);
    const char *text = console_close();
    assert_non_null(strstr(text, "event: guest exited with code 3; the board stays for the "
                                 "debugger\n"));
    assert_non_null(strstr(text, "event: guest exited with code 4\n"));
}

/* A notice goes above the line being typed, which is drawn again and still
 * works; what the console's own lines cause is not news; once the console
 * stops it hears nothing. */
static void test_notices_keep_the_line(void **state)
{
    (void)state;
    setenv("TERM", "dumb", 1);
    console_open();
    console_type("stop\nreset halt\ncont\ninfo cp");
    debug_hold(m, NULL);
    console_type("us\n");
    monitor_console_stop();
    assert_int_equal(m->nobservers, 0);
    debug_release(m);
    const char *text = console_close();
    assert_int_equal(count(text, "event: "), 1);
    const char *ev = strstr(text, "event: every CPU held by the debugger\n");
    assert_non_null(ev);
    assert_non_null(strstr(ev, "(mosaic) info cp"));
    assert_non_null(strstr(ev, "* p1.1 /app/cpu0: stopped by debugger, pc=0x00000000, "
                               "icount=0\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_complete_commands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_complete_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_complete_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_console_spec, setup, teardown),
        cmocka_unit_test_setup_teardown(test_console_runs_lines_until_quit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_console_ends_at_eof, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notices_run_control, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notices_stops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notices_exit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notices_keep_the_line, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
