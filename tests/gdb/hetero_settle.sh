#!/bin/bash
# SPDX-License-Identifier: MIT
# gdb 13 keeps the inferior that was current while connecting (2, the M4
# of rv-m4-amp) in its connection state, ignoring its stops, until a
# command resumes it with that inferior selected: with schedule-multiple
# on, an M4 breakpoint hit during a continue given in inferior 1 would
# hang gdb. `stepi 0` in that inferior settles it without running
# anything (no resume packet), and attach-all (doc/gdb/mosaic.py) does it
# for every inferior; after either, the M4's stop is reported.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_server_up

gdbt_gdb settle_by_hand <<'GDB'
@connect
@@@ settle
set schedule-multiple on
set debug remote 1
stepi 0
set debug remote 0
@@@ continue-from-1
break m4_main
inferior 1
continue
GDB
expect_not settle 'Sending packet: \$vCont' "stepi 0 sends no resume packet"
expect continue-from-1 '^Thread 2\.1 "rt/cpu0" hit Breakpoint 1, m4_main \(\)' \
    "after stepi 0, the M4's breakpoint stop is reported though inferior 1 was resumed"
expect_clean

gdbt_server_stop
gdbt_server_up
gdbt_gdb settle_by_attach_all -ex "source $top_srcdir/doc/gdb/mosaic.py" <<'GDB'
@connect
attach-all
set schedule-multiple on
@@@ continue-from-1
inferior 2
break m4_main
inferior 1
continue
GDB
expect continue-from-1 '^Thread 2\.1 "rt/cpu0" hit Breakpoint 1, m4_main \(\)' \
    "after attach-all, the M4's breakpoint stop is reported though inferior 1 was resumed"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
