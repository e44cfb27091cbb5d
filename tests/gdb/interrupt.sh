#!/bin/bash
# SPDX-License-Identifier: MIT
# Interrupting a running board: `continue`, then gdb's `interrupt` one
# second later (what Ctrl-C does) stops it with SIGINT, every thread is
# stopped with a frame, the firmware made progress, and it works again,
# and in the rt inferior too.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_server_up

gdbt_gdb interrupt <<'EOF'
@connect
inferior 1
@@@ first
@interrupt 1
continue
@@@ first-state
p app_iterations > 100
info threads
@@@ second
p app_iterations
@interrupt 1
continue
p app_iterations
@mosaic-only
@@@ rt
inferior 2
@interrupt 1
continue
p rt_iterations > 100
@end
EOF

expect first 'received signal SIGINT, Interrupt\.' "interrupt stops the running board with SIGINT"
expect first-state '^\$1 = 1$' "app ran for a while before the interrupt"
expect_not first-state '\(running\)' "no thread is left running after the stop"
expect first-state "$(gdbt_thread_re 1 1 app/cpu0).* [a-z_][a-z_0-9]* \\(.*\\) at " "thread 1.1 has a frame"
expect first-state "$(gdbt_thread_re 1 2 app/cpu1).* [a-z_][a-z_0-9]* \\(.*\\) at " "thread 1.2 has a frame"
expect second 'received signal SIGINT, Interrupt\.' "a second interrupt works too"
a=$(gdbt_section interrupt second | sed -n 's/^\$[0-9]* = //p' | sed -n 1p)
b=$(gdbt_section interrupt second | sed -n 's/^\$[0-9]* = //p' | sed -n 2p)
if [ -n "$a" ] && [ -n "$b" ] && [ "$b" -gt "$a" ]; then
    gdbt_ok "the firmware ran between the interrupts ($a -> $b)"
else
    gdbt_not_ok "the firmware ran between the interrupts (${a:-?} -> ${b:-?})"
fi
if gdbt_is_mosaic; then
    expect first-state "$(gdbt_thread_re 2 1 rt/cpu0).* [a-z_][a-z_0-9]* \\(.*\\) at " "thread 2.1 has a frame"
    expect rt 'received signal SIGINT, Interrupt\.' "interrupt in inferior 2"
    expect rt '^\$[0-9]+ = 1$' "rt ran before the interrupt"
fi
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
