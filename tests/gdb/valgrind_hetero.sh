#!/bin/bash
# SPDX-License-Identifier: MIT
# A gdb session on the heterogeneous rv-m4-amp board against Mosaic under
# valgrind (memcheck, full leak checking), so the Arm target, its
# exception model and the mailbox/sysctl devices are covered as the RISC-V
# side is by valgrind.sh: the M4 released and stopped at a breakpoint,
# Thumb stepping, a backtrace through its interrupt frame, a watchpoint,
# registers of both architectures, `monitor quit`. Valgrind
# must report no errors and no leaks. The first continue is given in
# inferior 2 (see hetero_break.sh).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
command -v valgrind >/dev/null 2>&1 || gdbt_skip "valgrind not found"
if grep -q -a '__asan_init' "$GDBT_MOSAIC"; then
    gdbt_skip "mosaic is built with sanitizers, which valgrind cannot run"
fi

GDBT_TIMEOUT=300
GDBT_SERVER_WAIT=120
GDBT_SERVER_WRAPPER=(valgrind -q --error-exitcode=99 --leak-check=full
    --log-file="$GDBT_DIR/valgrind.log")
gdbt_server_up

gdbt_gdb session <<'GDB'
@connect
@@@ rt
inferior 2
set schedule-multiple on
break m4_clamp
continue
stepi
stepi
info registers msp control
@@@ isr
delete
break m4_mailbox_isr
continue
bt
@@@ watch
delete
watch m4_isr_count
continue
@@@ app
delete
inferior 1
info registers pc
x/2i $pc
@@@ quit
monitor quit
GDB
expect rt 'hit Breakpoint 1, m4_clamp' "M4 breakpoint under valgrind"
expect rt '^msp +0x' "M4 system registers under valgrind"
expect isr '^#1 +<signal handler called>$' "bt through the M4 exception frame under valgrind"
expect watch '^New value = ' "M4 watchpoint under valgrind"
expect app '^pc +0x8' "RISC-V registers under valgrind"
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
