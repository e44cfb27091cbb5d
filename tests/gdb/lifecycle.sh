#!/bin/bash
# SPDX-License-Identifier: MIT
# The life of a debug session: detach (the cluster keeps running) and
# attach again with symbols; kill (vKill resets and holds that cluster, the
# server keeps running) and attach after it; disconnect and connect again
# to a board that kept its state; the guest ending the run through the
# test finisher: gdb reports the exit code, the board is held for gdb, and
# `run` (vRun) restarts it with its images reloaded; `monitor quit` ends
# the server. (QEMU just exits with the guest's code.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_server_up

gdbt_gdb first <<'EOF'
@connect
inferior 1
break compute
continue
delete
@@@ detach
p app_iterations
detach
@@@ detached
info inferiors
shell sleep 1
@@@ reattach
attach 1
p app_iterations
info threads
@@@ reattach-symbols
p &app_iterations
@mosaic-only
@@@ kill
kill
@@@ after-kill
info inferiors
@@@ attach-after-kill
attach 1
p/x $pc
info symbol $pc
@end
@@@ state
p app_iterations
@@@ disconnect
disconnect
EOF
expect detach '^\$[0-9]+ = 1$' "stopped in compute at iteration 1"
expect detach '\[Inferior 1 \(process 1\) detached\]' "detach detaches process 1"
expect detached '^\*? +1 +<null> ' "inferior 1 has no process after detach"
expect reattach '^\[New Thread 1\.1\]|^Attached to process 1|app_main|compute|add_step|fw_main' \
    "attach 1 attaches process 1 again"
n=$(gdbt_section first reattach | sed -n 's/^\$[0-9]* = //p' | head -n 1)
if [ -n "$n" ] && [ "$n" -gt 1 ]; then
    gdbt_ok "app kept running while detached (iteration $n)"
else
    gdbt_not_ok "app kept running while detached (iteration ${n:-?})"
fi
expect reattach "$(gdbt_thread_re 1 2 app/cpu1)" "both app threads are back"
expect reattach-symbols '<app_iterations>' "symbols are there after re-attaching"
if gdbt_is_mosaic; then
    expect kill '\[Inferior 1 \(process 1\) killed\]' "kill ends process 1 for gdb"
    expect after-kill '^\*? +2 +process 2 ' "inferior 2 is still attached after the kill"
    expect attach-after-kill '^\$[0-9]+ = 0x80000000$' "after kill, app is reset and held at its entry"
    expect attach-after-kill '^_start in section' "at _start"
fi
expect_clean
gdbt_expect_server_alive "the server is still running after kill and disconnect"
state=$(gdbt_value state)

gdbt_gdb reconnect <<'EOF'
@connect
@@@ state
info threads
inferior 1
p app_iterations
EOF
expect state "$(gdbt_thread_re 1 1 app/cpu0)" "reconnecting works"
n=$(gdbt_value state)
if [ -n "$n" ] && [ -n "$state" ] && [ "$n" -ge "$state" ]; then
    gdbt_ok "the board kept its state across the reconnection ($state -> $n)"
else
    gdbt_not_ok "the board kept its state across the reconnection (${state:-?} -> ${n:-?})"
fi
expect_clean

gdbt_gdb exit <<'EOF'
@connect
@@@ exit
inferior 1
set var app_exit_code = 3
continue
@mosaic-only
@@@ rerun
break compute
run
p app_exit_code
p app_iterations
@@@ quit
monitor quit
@end
EOF
if gdbt_is_mosaic; then
    expect exit '\[Inferior 1 \(process 1\) exited with code 03\]' \
        "the guest's exit through the finisher reaches gdb with its code"
    expect rerun "hit Breakpoint 1, compute \\(n=1\\)" "run restarts the board (vRun): compute(n=1) again"
    expect rerun '^\$1 = -1$' "run reloaded the images: app_exit_code is -1 again"
    expect rerun '^\$2 = 1$' "run reloaded the images: app_iterations is 1 again"
    expect quit 'Remote connection closed' "monitor quit closes the connection"
    gdbt_server_wait 10
    if [ -z "$GDBT_SERVER_PID" ]; then
        gdbt_ok "monitor quit ends the server (status $GDBT_SERVER_STATUS)"
    else
        gdbt_not_ok "monitor quit ends the server (still running after 10 s)"
    fi
else
    # QEMU 7.2 exits without telling gdb.
    expect exit 'exited with code 03|Remote connection closed' "the guest's exit ends the session"
    gdbt_server_wait 10
    if [ "$GDBT_SERVER_STATUS" = 3 ]; then
        gdbt_ok "the server exits with the guest's exit code 3"
    else
        gdbt_not_ok "the server exits with the guest's exit code 3 (got ${GDBT_SERVER_STATUS:-none})"
    fi
fi
if grep -q '^app: exit requested' "$GDBT_DIR/server.out"; then
    gdbt_ok "the app UART output reached the server's stdout"
else
    gdbt_not_ok "the app UART output reached the server's stdout"
fi
gdbt_done
