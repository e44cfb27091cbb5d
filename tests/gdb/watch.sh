#!/bin/bash
# SPDX-License-Identifier: MIT
# Watchpoints: a write watchpoint stops right after the store with the old
# and new values (app_watched = 0x1000 + iteration), again on the next
# store, a read watchpoint and an access watchpoint report the value, and
# a watchpoint in rt (rv32) sees rt_global = 7 * iteration. gdb's RISC-V
# support has "nonsteppable" watchpoints (riscv-tdep.c): it expects the
# stop before the access commits, with the pc at the accessing
# instruction, and single-steps it itself; so gdb ends at the first
# instruction of line 43, never one instruction further.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_server_up

gdbt_gdb watch <<'EOF'
@connect
inferior 1
@@@ watch
watch app_watched
continue
@@@ watch-again
continue
@@@ rwatch
delete
rwatch app_exit_code
continue
@@@ awatch
delete
awatch app_iterations
continue
@@@ awatch-again
continue
@mosaic-only
@@@ rt-watch
delete
inferior 2
watch rt_global
continue
@@@ rt-watch-again
continue
@end
EOF

expect watch '^Hardware watchpoint 1: app_watched$' "watch sets a hardware watchpoint"
expect watch "$(gdbt_thread_re 1 1 app/cpu0) hit Hardware watchpoint 1: app_watched" \
    "thread 1.1 hits the watchpoint"
expect watch '^Old value = 0$' "old value 0"
expect watch '^New value = 4097$' "new value 0x1000 + 1"
expect watch '^app_main \(\) at .*app\.c:43$' "stopped just after the store: at the start of line 43"
expect watch-again '^Old value = 4097$' "second hit: old value 4097"
expect watch-again '^New value = 4098$' "second hit: new value 4098"
expect rwatch '^Hardware read watchpoint 2: app_exit_code$' "rwatch sets a read watchpoint"
expect rwatch 'hit Hardware read watchpoint 2: app_exit_code' "the read watchpoint hits"
expect rwatch '^Value = -1$' "it reports the value read"
expect awatch '^Hardware access \(read/write\) watchpoint 3: app_iterations$' \
    "awatch sets an access watchpoint"
expect awatch 'hit Hardware access \(read/write\) watchpoint 3: app_iterations' "the access watchpoint hits"
expect awatch '^Value = 2$' "the read of app_iterations (2) is reported"
expect awatch-again '^Old value = 2$' "the write is reported: old value"
expect awatch-again '^New value = 3$' "the write is reported: new value"
if gdbt_is_mosaic; then
    expect rt-watch "$(gdbt_thread_re 2 1 rt/cpu0) hit Hardware watchpoint 4: rt_global" \
        "thread 2.1 hits the rt watchpoint"
    expect rt-watch '^Old value = 0$' "rt: old value 0"
    expect rt-watch '^New value = 7$' "rt: new value 7"
    expect rt-watch-again '^Old value = 7$' "rt second hit: old value 7"
    expect rt-watch-again '^New value = 14$' "rt second hit: new value 14"
fi
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
