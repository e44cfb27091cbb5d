/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of all-stop run control and processes against the fake
 * board: vCont actions and who gets resumed, stop replies for every stop
 * reason, interrupts, powered-off CPUs, guest exit, attach, detach, kill,
 * run, the connect-time '?', stops gdb did not wait for, the monitor's
 * stop/cont hooks and what a disconnect leaves behind.
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

static int setup(void **state)
{
    static const unsigned ncpus[] = {2, 1};
    (void)state;
    fake_reset(2, ncpus);
    fake_connect_noack(&l);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (l.conn)
        fake_disconnect(&l);
    return 0;
}

static struct fake_cpu *cpu(unsigned cl, unsigned i)
{
    return &fake.cl[cl].cpus[i];
}

static bool all_stopped(void)
{
    for (unsigned cl = 0; cl < fake.ncl; cl++)
        for (unsigned i = 0; i < fake.cl[cl].ncpus; i++)
            if (!cpu(cl, i)->stopped)
                return false;
    return true;
}

/* Send a resume: no reply until something stops. */
static void resume(const char *pkt)
{
    fake_send(&l, pkt);
    assert_null(fake_next(&l));
    assert_true(l.conn->running);
}

static void stop(unsigned cl, unsigned i, enum stop_reason reason, int signal)
{
    struct gdb_stop ev = {.cl = cl, .cpu = i, .reason = reason, .signal = signal};
    fake_stop_event(&ev);
}

/* The O packet carrying @text. */
static const char *console(const char *text)
{
    static char buf[256];
    buf[0] = 'O';
    for (size_t i = 0; text[i] && 2 * i + 3 < sizeof(buf); i++)
        snprintf(buf + 1 + 2 * i, 3, "%02x", (unsigned char)text[i]);
    return buf;
}

static void test_connect_holds_everything(void **state)
{
    (void)state;
    assert_true(fake.events_set);
    assert_true(all_stopped());
    assert_string_equal(fake_ask(&l, "vCont?"), "vCont;c;C;s;S;t");
}

static void test_question_names_second_process(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "qC"), "QCp1.1");
    assert_string_equal(fake_ask(&l, "?"), "T05thread:p2.1;");
    assert_string_equal(fake_ask(&l, "qC"), "QCp2.1");
    /* One cluster: its first thread. */
    static const unsigned one[] = {1};
    fake_disconnect(&l);
    fake_reset(1, one);
    fake_connect_noack(&l);
    assert_string_equal(fake_ask(&l, "?"), "T05thread:p1.1;");
}

static void test_continue_process(void **state)
{
    (void)state;
    resume("vCont;c:p1.-1");
    assert_false(cpu(0, 0)->stopped);
    assert_false(cpu(0, 1)->stopped);
    assert_true(cpu(1, 0)->stopped);
    assert_false(cpu(0, 0)->last_step);
    stop(0, 1, STOP_BREAKPOINT, GDB_SIGTRAP);
    assert_string_equal(fake_next(&l), "T05thread:p1.2;swbreak:;");
    assert_null(fake_next(&l));
    assert_true(all_stopped());
    assert_false(l.conn->running);
    assert_string_equal(fake_ask(&l, "qC"), "QCp1.2");
}

static void test_stop_reasons(void **state)
{
    struct gdb_stop ev = {.cl = 1, .cpu = 0, .signal = GDB_SIGTRAP};
    (void)state;
    resume("vCont;c");
    assert_false(cpu(1, 0)->stopped);
    ev.reason = STOP_BREAKPOINT;
    ev.bp = BP_HW;
    fake_stop_event(&ev);
    assert_string_equal(fake_next(&l), "T05thread:p2.1;hwbreak:;");
    static const struct {
        enum wp_kind kind;
        const char *reply;
    } watches[] = {
        {WP_WRITE, "T05thread:p2.1;watch:1008;"},
        {WP_READ, "T05thread:p2.1;rwatch:1008;"},
        {WP_ACCESS, "T05thread:p2.1;awatch:1008;"},
    };
    for (size_t i = 0; i < sizeof(watches) / sizeof(watches[0]); i++) {
        resume("vCont;c");
        ev = (struct gdb_stop){.cl = 1,
                               .reason = STOP_WATCHPOINT,
                               .signal = GDB_SIGTRAP,
                               .wp = watches[i].kind,
                               .addr = 0x1008};
        fake_stop_event(&ev);
        assert_string_equal(fake_next(&l), watches[i].reply);
    }
    resume("vCont;c");
    stop(0, 0, STOP_SIGNAL, GDB_SIGSEGV);
    assert_string_equal(fake_next(&l), "T0bthread:p1.1;");
    resume("vCont;s:p1.1");
    stop(0, 0, STOP_STEP, GDB_SIGTRAP);
    assert_string_equal(fake_next(&l), "T05thread:p1.1;");
}

static void test_no_swbreak_unless_announced(void **state)
{
    (void)state;
    fake_ask(&l, "qSupported:multiprocess+");
    resume("vCont;c");
    stop(0, 0, STOP_BREAKPOINT, GDB_SIGTRAP);
    assert_string_equal(fake_next(&l), "T05thread:p1.1;");
}

static void test_step_with_others_running(void **state)
{
    (void)state;
    resume("vCont;s:p1.1;c:p1.-1");
    assert_true(cpu(0, 0)->last_step);
    assert_false(cpu(0, 1)->last_step);
    assert_false(cpu(0, 1)->stopped);
    assert_true(cpu(1, 0)->stopped);
    stop(0, 0, STOP_STEP, GDB_SIGTRAP);
    assert_string_equal(fake_next(&l), "T05thread:p1.1;");
    /* Scheduler locking: only the named thread. */
    resume("vCont;s:p1.2");
    assert_true(cpu(0, 0)->stopped);
    assert_false(cpu(0, 1)->stopped);
    assert_true(cpu(0, 1)->last_step);
    stop(0, 1, STOP_STEP, GDB_SIGTRAP);
    assert_string_equal(fake_next(&l), "T05thread:p1.2;");
}

static void test_signals(void **state)
{
    (void)state;
    resume("vCont;C0b:p1.1;c");
    assert_int_equal(cpu(0, 0)->last_signal, 11);
    assert_int_equal(cpu(0, 1)->last_signal, 0);
    assert_int_equal(cpu(1, 0)->last_signal, 0);
    stop(1, 0, STOP_SIGNAL, GDB_SIGILL);
    assert_string_equal(fake_next(&l), "T04thread:p2.1;");
    resume("vCont;S04:p2.1");
    assert_true(cpu(1, 0)->last_step);
    assert_int_equal(cpu(1, 0)->last_signal, 4);
}

static void test_interrupt(void **state)
{
    (void)state;
    /* Not running: a stray ^C is ignored. */
    fake_feed(&l, "\x03", 1);
    assert_null(fake_next(&l));
    resume("vCont;c:p2.-1");
    fake_feed(&l, "\x03", 1);
    assert_string_equal(fake_next(&l), "T02thread:p2.1;");
    assert_true(all_stopped());
    assert_string_equal(fake_ask(&l, "qC"), "QCp2.1");
}

static void test_powered_off(void **state)
{
    (void)state;
    cpu(1, 0)->off = true;
    fake_send(&l, "vCont;c:p2.-1");
    assert_string_equal(fake_next(&l), console("mosaic: cpu rt/cpu0 is powered off\n"));
    assert_string_equal(fake_next(&l), "T05thread:p2.1;");
    assert_false(l.conn->running);
    assert_int_equal(cpu(1, 0)->resumes, 0);
    /* Stepping a powered-off CPU answers at once even if others could run. */
    cpu(0, 1)->off = true;
    fake_send(&l, "vCont;s:p1.2;c:p1.-1");
    assert_string_equal(fake_next(&l), console("mosaic: cpu app/cpu1 is powered off\n"));
    assert_string_equal(fake_next(&l), "T05thread:p1.2;");
    assert_int_equal(cpu(0, 0)->resumes, 0);
    /* Continuing a process with one CPU on runs it (the other may wake). */
    resume("vCont;c:p1.-1");
    assert_false(cpu(0, 0)->stopped);
    assert_int_equal(cpu(0, 1)->resumes, 1);
    fake_feed(&l, "\x03", 1);
    assert_string_equal(fake_next(&l), "T02thread:p1.1;");
}

static void test_vcont_errors(void **state)
{
    (void)state;
    static const char *const bad[] = {"vCont",         "vCont;",     "vCont;x",
                                      "vCont;c:zz",    "vCont;C",    "vCont;Cxyz:p1.1",
                                      "vCont;c:p1.1x", "vCont;c;;c", "vCont;C100"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_string_equal(fake_ask(&l, bad[i]), "E16");
    /* Nothing to resume: an error, never a wait. */
    assert_string_equal(fake_ask(&l, "vCont;t:p1.1"), "E.no thread to resume");
    assert_string_equal(fake_ask(&l, "vCont;c:p7.1"), "E.no thread to resume");
    assert_false(l.conn->running);
    char many[1024] = "vCont";
    for (int i = 0; i < 65; i++)
        strcat(many, ";c:p1.1");
    assert_string_equal(fake_ask(&l, many), "E16");
    assert_true(all_stopped());
}

static void test_legacy_resume(void **state)
{
    (void)state;
    resume("c");
    assert_false(cpu(1, 0)->stopped);
    fake_feed(&l, "\x03", 1);
    assert_string_equal(fake_next(&l), "T02thread:p1.1;");
    assert_string_equal(fake_ask(&l, "Hgp1.2"), "OK");
    resume("s");
    assert_true(cpu(0, 0)->stopped);
    assert_true(cpu(0, 1)->last_step);
    stop(0, 1, STOP_STEP, GDB_SIGTRAP);
    assert_string_equal(fake_next(&l), "T05thread:p1.2;");
    resume("C0b");
    assert_int_equal(cpu(0, 0)->last_signal, 11);
    fake_feed(&l, "\x03", 1);
    fake_next(&l);
    assert_string_equal(fake_ask(&l, "c1000"), "E16");
    assert_string_equal(fake_ask(&l, "Cxx"), "E16");
    assert_string_equal(fake_ask(&l, "S05;1000"), "E16");
}

static void test_exit(void **state)
{
    struct gdb_stop ev = {.reason = STOP_EXITED, .exit_code = 7};
    (void)state;
    resume("vCont;c:p1.-1");
    fake_stop_event(&ev);
    assert_string_equal(fake_next(&l), "W07;process:1");
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "mp2.1");
    assert_string_equal(fake_ask(&l, "qAttached:1"), "0");
    /* The board is held: continuing another process ends it too. */
    assert_string_equal(fake_ask(&l, "vCont;c:p2.-1"), "W07;process:2");
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "l");
    /* Leaving keeps it held; a new gdb learns of the exit. */
    fake_drop(&l);
    assert_true(all_stopped());
    fake_reconnect_noack(&l);
    assert_string_equal(fake_ask(&l, "?"), "W07;process:1");
}

static void test_exit_without_gdb(void **state)
{
    struct gdb_stop ev = {.reason = STOP_EXITED, .exit_code = 3};
    (void)state;
    fake_drop(&l);
    fake_stop_event(&ev);
    assert_true(l.srv.exited);
    fake_reconnect_noack(&l);
    assert_string_equal(fake_ask(&l, "?"), "W03;process:1");
    /* run restarts the board and the process comes back. */
    assert_string_equal(fake_ask(&l, "vRun;"), "T05thread:p1.1;");
    assert_false(l.srv.exited);
    assert_int_equal(fake.restarts, 1);
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "mp1.1,p1.2,p2.1");
    assert_true(all_stopped());
}

static void test_attach_detach(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "Z0,1000,4"), "OK");
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "Z0,1000,4"), "OK");
    assert_string_equal(fake_ask(&l, "D;2"), "OK");
    assert_int_equal(fake.cl[1].nbps, 0);
    assert_int_equal(fake.cl[0].nbps, 1);
    assert_false(cpu(1, 0)->stopped);
    assert_true(cpu(0, 0)->stopped);
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "mp1.1,p1.2");
    assert_string_equal(fake_ask(&l, "qAttached:2"), "0");
    assert_string_equal(fake_ask(&l, "D;2"), "E03");
    /* A detached cluster's exceptions go to its guest, not to gdb. */
    stop(1, 0, STOP_SIGNAL, GDB_SIGILL);
    assert_null(fake_next(&l));
    assert_false(cpu(1, 0)->stopped);
    assert_int_equal(cpu(1, 0)->last_signal, GDB_SIGILL);
    /* Stops of attached clusters hold every attached CPU only. */
    resume("vCont;c:p1.-1");
    stop(0, 0, STOP_BREAKPOINT, GDB_SIGTRAP);
    assert_string_equal(fake_next(&l), "T05thread:p1.1;swbreak:;");
    assert_false(cpu(1, 0)->stopped);
    /* Attach: held, listed, and the stop names its thread. */
    assert_string_equal(fake_ask(&l, "vAttach;2"), "T05thread:p2.1;");
    assert_true(cpu(1, 0)->stopped);
    assert_string_equal(fake_ask(&l, "Hgp0.0"), "OK");
    assert_string_equal(fake_ask(&l, "qC"), "QCp2.1");
    assert_string_equal(fake_ask(&l, "qAttached:2"), "1");
    assert_string_equal(fake_ask(&l, "vAttach;3"), "E03");
    assert_string_equal(fake_ask(&l, "vAttach;"), "E03");
    assert_string_equal(fake_ask(&l, "vAttach"), "E03");
    /* A bare D detaches everything. */
    assert_string_equal(fake_ask(&l, "D"), "OK");
    assert_int_equal(fake.cl[0].nbps, 0);
    assert_false(cpu(0, 0)->stopped);
    assert_false(cpu(1, 0)->stopped);
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "l");
    assert_string_equal(fake_ask(&l, "?"), "W00");
}

static void test_kill_and_run(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "Hgp2.1"), "OK");
    assert_string_equal(fake_ask(&l, "Z0,1000,4"), "OK");
    assert_string_equal(fake_ask(&l, "vKill;2"), "OK");
    assert_int_equal(fake.cl[1].resets, 1);
    assert_int_equal(fake.cl[1].nbps, 0);
    assert_int_equal(fake.cl[0].resets, 0);
    assert_true(cpu(1, 0)->stopped);
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "mp1.1,p1.2");
    assert_string_equal(fake_ask(&l, "vKill;9"), "E03");
    assert_string_equal(fake_ask(&l, "vKill"), "E03");
    /* run brings back the killed process. */
    assert_string_equal(fake_ask(&l, "Hgp1.1"), "OK");
    assert_string_equal(fake_ask(&l, "vRun;2f612e656c66;"), "T05thread:p2.1;");
    assert_int_equal(fake.restarts, 1);
    assert_true(all_stopped());
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "mp1.1,p1.2,p2.1");
    fake.restart_err = -5;
    assert_string_equal(fake_ask(&l, "vRun"), "E05");
    /* k kills everything and answers nothing; the server goes on. */
    fake_send(&l, "k");
    assert_null(fake_next(&l));
    assert_int_equal(fake.cl[0].resets, 1);
    assert_int_equal(fake.cl[1].resets, 2);
    assert_string_equal(fake_ask(&l, "qfThreadInfo"), "l");
}

/* Found by fuzz_packets: k while running, a resume that finds nothing to
 * run, then ^C must not stop a thread that is gone (cluster -1). */
static void test_interrupt_after_kill(void **state)
{
    (void)state;
    resume("vCont;c:p1.2");
    fake_send(&l, "k");
    assert_null(fake_next(&l));
    assert_string_equal(fake_ask(&l, "vCont;c:1"), "E.no thread to resume");
    fake_feed(&l, "\x03", 1);
    assert_null(fake_next(&l));
    assert_string_equal(fake_ask(&l, "qC"), "QCp1.1");
}

static void test_pending_stop(void **state)
{
    (void)state;
    /* Something ran behind gdb's back (the monitor) and stopped. */
    stop(0, 1, STOP_BREAKPOINT, GDB_SIGTRAP);
    assert_null(fake_next(&l));
    assert_true(all_stopped());
    assert_string_equal(fake_ask(&l, "?"), "T05thread:p1.2;swbreak:;");
    assert_false(l.srv.pending);
    /* Or gdb's next resume gets it at once, and nothing runs. */
    stop(1, 0, STOP_SIGNAL, GDB_SIGILL);
    assert_null(fake_next(&l));
    assert_string_equal(fake_ask(&l, "vCont;c:p1.-1"), "T04thread:p2.1;");
    assert_int_equal(cpu(0, 0)->resumes, 0);
    assert_false(l.srv.pending);
    resume("vCont;c:p1.-1");
    assert_int_equal(cpu(0, 0)->resumes, 1);
}

/* The monitor holds CPUs through the engine, which tells the stub (held):
 * a running gdb gets a stop reply and every CPU stops; the monitor's
 * release is the engine's own business and gdb hears nothing of it. */
static void test_board_held(void **state)
{
    (void)state;
    resume("vCont;c:p1.-1");
    cpu(0, 0)->stopped = true; /* "reset halt" of the first cluster */
    fake.events.held(fake.events.opaque);
    assert_string_equal(fake_next(&l), "T02thread:p1.1;");
    assert_true(all_stopped());
    for (unsigned cl = 0; cl < fake.ncl; cl++) /* the engine's release */
        for (unsigned i = 0; i < fake.cl[cl].ncpus; i++)
            fake.cl[cl].cpus[i].stopped = false;
    fake.events.held(fake.events.opaque);
    assert_null(fake_next(&l)); /* gdb was not waiting */
    assert_true(all_stopped());
}

static void test_disconnect_detaches(void **state)
{
    (void)state;
    assert_string_equal(fake_ask(&l, "Z0,1000,4"), "OK");
    assert_string_equal(fake_ask(&l, "Z2,1000,4"), "OK");
    fake_disconnect(&l);
    assert_int_equal(fake.cl[0].nbps, 0);
    assert_int_equal(fake.cl[0].nwps, 0);
    assert_false(cpu(0, 0)->stopped);
    assert_false(cpu(0, 1)->stopped);
    assert_false(cpu(1, 0)->stopped);
    assert_false(fake.events_set);
}

static void test_no_gdb_exceptions_go_to_guest(void **state)
{
    (void)state;
    fake_drop(&l);
    cpu(0, 0)->stopped = true;
    stop(0, 0, STOP_SIGNAL, GDB_SIGTRAP);
    assert_false(cpu(0, 0)->stopped);
    assert_int_equal(cpu(0, 0)->last_signal, GDB_SIGTRAP);
    /* A new gdb finds nothing pending. */
    fake_reconnect_noack(&l);
    assert_string_equal(fake_ask(&l, "?"), "T05thread:p2.1;");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_connect_holds_everything),
        T(test_question_names_second_process),
        T(test_continue_process),
        T(test_stop_reasons),
        T(test_no_swbreak_unless_announced),
        T(test_step_with_others_running),
        T(test_signals),
        T(test_interrupt),
        T(test_powered_off),
        T(test_vcont_errors),
        T(test_legacy_resume),
        T(test_exit),
        T(test_exit_without_gdb),
        T(test_attach_detach),
        T(test_kill_and_run),
        T(test_interrupt_after_kill),
        T(test_pending_stop),
        T(test_board_held),
        T(test_disconnect_detaches),
        T(test_no_gdb_exceptions_go_to_guest),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
