/* SPDX-License-Identifier: MIT */
/*
 * The monitor console on the terminal (-monitor stdio): readline in
 * callback mode, fed from the event loop whenever stdin is readable, so
 * typing never blocks the board; the scheduler runs between keystrokes.
 * Lines go to monitor_exec() with the first cluster as the current one;
 * history and TAB completion (commands, object paths, properties, values)
 * come from readline and monitor_complete().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "engine/io/event.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"
#include "monitor/internals.h"

static struct machine *console_machine;
static bool console_running;

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
        monitor_console_stop();
        return;
    }
    if (*line) {
        add_history(line);
        monitor_exec(console_machine, NULL, line, &console_out);
    }
    free(line);
    fflush(stdout);
    if (console_machine->quit)
        monitor_console_stop();
}

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
    console_running = true;
    return 0;
}

void monitor_console_stop(void)
{
    if (!console_running)
        return;
    rl_callback_handler_remove();
    event_remove_fd(STDIN_FILENO);
    console_forget_matches();
    console_running = false;
}
