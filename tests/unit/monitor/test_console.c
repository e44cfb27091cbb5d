/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the monitor console: TAB completion (commands,
 * subcommands, object paths, PATH.PROP names and property values) through
 * monitor_complete(), and the readline console itself fed through a pipe
 * on stdin from the event loop, with its output caught in a file.
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

/* Feed @typed to the console on stdin; returns what it wrote to stdout. */
static char *console_session(const char *typed)
{
    static char text[4096];
    int in[2];
    FILE *outf = tmpfile();
    assert_non_null(outf);
    assert_int_equal(pipe(in), 0);
    int saved_in = dup(STDIN_FILENO), saved_out = dup(STDOUT_FILENO);
    fflush(stdout);
    assert_true(dup2(in[0], STDIN_FILENO) >= 0 && dup2(fileno(outf), STDOUT_FILENO) >= 0);
    assert_int_equal(monitor_console_start(m, "stdio"), 0);
    assert_int_equal(monitor_console_start(m, "stdio"), -EBUSY);
    assert_int_equal(event_input_sources(), 1);
    assert_int_equal(write(in[1], typed, strlen(typed)), (ssize_t)strlen(typed));
    close(in[1]);
    for (int i = 0; i < 10000 && event_input_sources(); i++)
        event_poll(1000);
    fflush(stdout);
    dup2(saved_in, STDIN_FILENO);
    dup2(saved_out, STDOUT_FILENO);
    close(saved_in);
    close(saved_out);
    close(in[0]);
    size_t n = fread(text, 1, sizeof(text) - 1, (rewind(outf), outf));
    text[n] = '\0';
    fclose(outf);
    return text;
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_complete_commands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_complete_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_complete_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_console_spec, setup, teardown),
        cmocka_unit_test_setup_teardown(test_console_runs_lines_until_quit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_console_ends_at_eof, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
