#!/bin/bash
# SPDX-License-Identifier: MIT
# Watchpoints on rv-m4-amp's shared SRAM, which app sees at 0x90000000
# and the M4 at 0x20000000. The word `turn` is written by both: app
# writes 2 * round - 1 before ringing the M4, the M4 writes 2 * round in
# its answer. One watchpoint in each inferior, each on that inferior's
# address of the word: app's write stops thread 1.1 (watchpoint 2), the
# M4's write stops thread 2.1 (watchpoint 1). A watchpoint watches the
# accesses of its own inferior's CPUs; gdb's "Old value" is the value it
# last saw in that inferior, so it can predate the other cluster's write.
# The first continue is given in inferior 2 (see hetero_break.sh).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_server_up

gdbt_gdb hetero_watch <<'EOF'
@connect
set schedule-multiple on
@@@ set
inferior 2
watch ((struct hetero_shared *)0x20000000)->turn
inferior 1
watch ((struct hetero_shared *)0x90000000)->turn
inferior 2
@@@ app-writes
continue
@@@ m4-writes
continue
x/i $pc
@@@ app-writes-again
continue
@@@ shared
p/x ((struct hetero_shared *)0x90000000)->turn
inferior 2
p/x ((struct hetero_shared *)0x20000000)->turn
EOF

expect set '^Hardware watchpoint 1: \(\(struct hetero_shared \*\)0x20000000\)->turn$' \
    "inferior 2: a hardware watchpoint on the M4's view of turn"
expect set '^Hardware watchpoint 2: \(\(struct hetero_shared \*\)0x90000000\)->turn$' \
    "inferior 1: a hardware watchpoint on app's view of turn"
expect app-writes '^Thread 1\.1 "app/cpu0" hit Hardware watchpoint 2: ' "app's write stops thread 1.1"
expect app-writes '^Old value = 0$' "old value 0"
expect app-writes '^New value = 1$' "app writes 1 (round 1)"
expect app-writes '^app_send_request \(round=1, value=42\) at .*hetero_app\.c:[0-9]+$' \
    "app stops just after the store, in app_send_request"
expect_not app-writes 'hit Hardware watchpoint 1' "the M4's watchpoint does not fire on app's write"
expect m4-writes '^Thread 2\.1 "rt/cpu0" hit Hardware watchpoint 1: ' "the M4's write stops thread 2.1"
expect m4-writes '^New value = 2$' "the M4 writes 2 (its answer to round 1)"
expect m4-writes '^m4_answer \(round=1\) at .*hetero_m4\.c:[0-9]+$' "in m4_answer"
expect m4-writes '^=> 0x[0-9a-f]+ <m4_answer\+[0-9]+>:' "the M4 stops in Thumb code right after the store"
expect_not m4-writes 'hit Hardware watchpoint 2' "app's watchpoint does not fire on the M4's write"
expect app-writes-again '^Thread 1\.1 "app/cpu0" hit Hardware watchpoint 2: ' "app's next write stops thread 1.1"
expect app-writes-again '^New value = 3$' "app writes 3 (round 2)"
expect_count shared '^\$[0-9]+ = 0x3$' 2 "both views read the same word: 3"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
