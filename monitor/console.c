/* SPDX-License-Identifier: MIT */
/*
 * The monitor console on the terminal (-monitor stdio): readline in
 * callback mode, fed from the event loop whenever stdin is readable, so
 * typing never blocks the board; the scheduler runs between keystrokes.
 * Lines go to monitor_exec() with the first cluster as the current one;
 * history and TAB completion (commands, object paths, properties, values)
 * come from readline and monitor_complete().
 *
 * While it runs, the console follows the machine's run state as an
 * onlooker (it never becomes a debugger) and prints a one-line "event:"
 * notice for what happens without the user asking: a CPU stopped for the
 * debugger, the board held or released, a reset, the guest's exit. A
 * notice goes above the prompt: readline erases the line being typed and
 * draws it again below. Events caused by a line the console itself runs
 * are not news and print nothing.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "engine/io/event.h"
#include "engine/io/log.h"
#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "monitor/internals.h"

static struct machine *console_machine;
static bool console_running;
/* A line typed on the console is running: what it causes is no news, and
 * readline draws the prompt again itself afterwards. */
static bool console_in_line;

/* Candidates of the completion in progress, handed out one at a time. */
static char **console_matches;
static size_t console_nmatches, console_next;

/* Words are separated by blanks only: paths keep their '/', '.' and '='. */
static char console_word_breaks[] = " \t";

static void console_write(void *opaque, const char *text)
{
    (void)opaque;
    fputs(text, stdout);
}

static const struct monitor_out console_out = {console_write, NULL};

static void console_forget_matches(void)
{
    monitor_complete_free(console_matches, console_nmatches);
    console_matches = NULL;
    console_nmatches = console_next = 0;
}

static char *console_generator(const char *text, int state)
{
    (void)text; /* the candidates were chosen for it already */
    if (!state)
        console_next = 0;
    return console_next < console_nmatches ? strdup(console_matches[console_next++]) : NULL;
}

/* A path or "PATH.PROP=" is not finished: no space after it. */
static bool console_partial(const char *word)
{
    size_t len = strlen(word);
    return len && strchr("/.=", word[len - 1]);
}

static char **console_complete(const char *text, int start, int end)
{
    (void)start;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    console_forget_matches();
    char *line = strndup(rl_line_buffer, (size_t)end);
    if (!line)
        return NULL;
    console_matches = monitor_complete(console_machine, line, &console_nmatches);
    free(line);
    if (console_nmatches == 1 && console_partial(console_matches[0]))
        rl_completion_append_character = '\0';
    return console_nmatches ? rl_completion_matches(text, console_generator) : NULL;
}

static void console_on_line(char *line)
{
    if (!line) {
        putchar('\n'); /* Ctrl-D: leave the prompt's line */
        console_in_line = true;
        monitor_console_stop();
        console_in_line = false;
        return;
    }
    console_in_line = true;
    if (*line) {
        add_history(line);
        monitor_exec(console_machine, NULL, line, &console_out);
    }
    free(line);
    fflush(stdout);
    if (console_machine->quit)
        monitor_console_stop();
    console_in_line = false;
}

/* ---- run-state notices ---------------------------------------------- */

/* Print "event: TEXT" on its own line above the prompt and the line being
 * typed, which readline then draws again. */
static void console_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void console_notice(const char *fmt, ...)
{
    va_list ap;
    if (console_in_line)
        return;
    rl_clear_visible_line();
    fputs("event: ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    rl_on_new_line();
    rl_redisplay();
    fflush(stdout);
}

static const char *console_signal_name(int signal)
{
    switch (signal) {
    case GDB_SIGINT: return "SIGINT";
    case GDB_SIGILL: return "SIGILL";
    case GDB_SIGTRAP: return "SIGTRAP";
    case GDB_SIGBUS: return "SIGBUS";
    case GDB_SIGSEGV: return "SIGSEGV";
    default: return NULL;
    }
}

/* Why @ev stopped its CPU, in words: "breakpoint", "write watchpoint on
 * 0x80001000", "signal SIGSEGV". */
static void console_stop_reason(const struct stop_event *ev, char *buf, size_t len)
{
    static const char *const wp_kinds[] = {
        [WP_WRITE] = "write", [WP_READ] = "read", [WP_ACCESS] = "access"};
    const char *sig = console_signal_name(ev->signal);
    int digits = mon_addr_digits(ev->cpu->cluster);
    switch (ev->reason) {
    case STOP_BREAKPOINT:
        snprintf(buf, len, "%s", ev->bp == BP_HW ? "hardware breakpoint" : "breakpoint");
        break;
    case STOP_WATCHPOINT:
        snprintf(buf, len, "%s watchpoint on 0x%0*" PRIx64,
                 ev->wp <= WP_ACCESS && wp_kinds[ev->wp] ? wp_kinds[ev->wp] : "a", digits,
                 (uint64_t)ev->addr);
        break;
    case STOP_STEP: snprintf(buf, len, "single step"); break;
    case STOP_REQUEST: snprintf(buf, len, "debugger request"); break;
    case STOP_SIGNAL:
        if (sig)
            snprintf(buf, len, "signal %s", sig);
        else
            snprintf(buf, len, "signal %d", ev->signal);
        break;
    default: snprintf(buf, len, "debugger"); break;
    }
}

static void console_on_stopped(void *opaque, const struct stop_event *ev)
{
    char why[MONITOR_TEXT_MAX], path[MONITOR_PATH_MAX];
    const struct cpu *cpu = ev->cpu;
    (void)opaque;
    console_stop_reason(ev, why, sizeof(why));
    console_notice("%s stopped: %s, pc=0x%0*" PRIx64, mon_path(&cpu->obj, path), why,
                   mon_addr_digits(cpu->cluster), (uint64_t)cpu->target->get_pc(cpu));
}

static void console_on_held(void *opaque, struct cluster *c)
{
    char path[MONITOR_PATH_MAX];
    (void)opaque;
    if (c)
        console_notice("the CPUs of %s held by the debugger", mon_path(&c->obj, path));
    else
        console_notice("every CPU held by the debugger");
}

static void console_on_released(void *opaque)
{
    (void)opaque;
    console_notice("the debugger released every CPU");
}

static void console_on_reset(void *opaque, struct cluster *c)
{
    char path[MONITOR_PATH_MAX];
    (void)opaque;
    if (c)
        console_notice("%s reset", mon_path(&c->obj, path));
    else
        console_notice("board reset");
}

static void console_on_exited(void *opaque, int code)
{
    (void)opaque;
    if (debug_attached(console_machine))
        console_notice("guest exited with code %d; the board stays for the debugger", code);
    else
        console_notice("guest exited with code %d", code);
}

static struct machine_observer console_observer = {
    .stopped = console_on_stopped,
    .held = console_on_held,
    .released = console_on_released,
    .reset = console_on_reset,
    .exited = console_on_exited,
    .onlooker = true,
};

static void console_on_input(void *opaque, int fd, unsigned events)
{
    (void)opaque;
    (void)fd;
    (void)events;
    rl_callback_read_char();
}

int monitor_console_start(struct machine *m, const char *spec)
{
    if (strcmp(spec, "stdio")) {
        log_error("-monitor %s: unknown console (the only one is 'stdio')", spec);
        return -EINVAL;
    }
    if (console_running)
        return -EBUSY;
    console_machine = m;
    rl_readline_name = "mosaic";
    rl_completer_word_break_characters = console_word_breaks;
    rl_attempted_completion_function = console_complete;
    rl_callback_handler_install("(mosaic) ", console_on_line);
    int err = event_add_fd(STDIN_FILENO, EVENT_IN, console_on_input, NULL);
    if (err) {
        rl_callback_handler_remove();
        log_error("-monitor stdio: cannot watch the terminal (%s)", strerror(-err));
        return err;
    }
    err = machine_add_observer(m, &console_observer);
    if (err) {
        event_remove_fd(STDIN_FILENO);
        rl_callback_handler_remove();
        log_error("-monitor stdio: cannot follow the board (%s)", strerror(-err));
        return err;
    }
    console_running = true;
    return 0;
}

void monitor_console_stop(void)
{
    if (!console_running)
        return;
    machine_remove_observer(console_machine, &console_observer);
    /* Stopped from outside a line (the run ended): the prompt is on the
     * screen; leave the terminal with the cursor on an empty line. */
    if (!console_in_line) {
        rl_clear_visible_line();
        fflush(stdout);
    }
    rl_callback_handler_remove();
    event_remove_fd(STDIN_FILENO);
    console_forget_matches();
    console_running = false;
}
