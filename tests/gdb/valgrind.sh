#!/bin/bash
# SPDX-License-Identifier: MIT
# A whole gdb session against Mosaic running under valgrind (memcheck with
# full leak checking): connect, symbols, breakpoints and stepping in both
# clusters, a watchpoint, memory reads and writes, monitor commands,
# detach, and `monitor quit`. Valgrind must report no errors and no leaks.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_need_amp
command -v valgrind >/dev/null 2>&1 || gdbt_skip "valgrind not found"
if grep -q -a '__asan_init' "$GDBT_MOSAIC"; then
    gdbt_skip "mosaic is built with sanitizers, which valgrind cannot run"
fi

GDBT_TIMEOUT=300
GDBT_SERVER_WAIT=120
GDBT_SERVER_WRAPPER=(valgrind -q --error-exitcode=99 --leak-check=full
    --log-file="$GDBT_DIR/valgrind.log")
gdbt_server_up

gdbt_gdb session <<'EOF'
@connect
@@@ threads
info threads
@@@ app
inferior 1
break compute
continue
bt
stepi
next
finish
info registers pc
info registers mstatus
delete
@@@ watch
watch app_watched
continue
delete
@@@ memory
set var app_watched = 0x1234
p app_watched
x/4xw 0x90000000
x/xw 0x0
@mosaic-only
@@@ rt
inferior 2
break rt_scale
continue
finish
p rt_global
delete
@@@ monitor
monitor help
monitor info cpus
monitor reset halt
@@@ detach
detach
inferior 1
@@@ quit
monitor quit
@end
EOF
expect app 'hit Breakpoint 1, compute' "app breakpoint under valgrind"
expect watch '^New value = ' "watchpoint under valgrind"
expect memory '^\$[0-9]+ = 4660$' "set var under valgrind"
expect rt 'hit Breakpoint [0-9]+, rt_scale' "rt breakpoint under valgrind"
expect monitor 'rt/cpu0' "monitor under valgrind"
if gdbt_server_wait 60; then
    gdbt_ok "monitor quit ends the server"
else
    gdbt_not_ok "monitor quit ends the server (still running after 60 s)"
    gdbt_server_stop
fi
# With -q, valgrind writes to its log only what it found; a server killed
# by a signal (status > 128) did not get its leak check.
if [ "$GDBT_SERVER_STATUS" -lt 128 ] && [ "$GDBT_SERVER_STATUS" != 99 ] &&
    ! [ -s "$GDBT_DIR/valgrind.log" ]; then
    gdbt_ok "valgrind reports no errors and no leaks (exit status $GDBT_SERVER_STATUS)"
else
    gdbt_not_ok "valgrind reports no errors and no leaks (exit status $GDBT_SERVER_STATUS)"
    gdbt_diag_file "valgrind log" "$GDBT_DIR/valgrind.log"
fi
gdbt_done
