#!/bin/bash
# SPDX-License-Identifier: MIT
# Attaching the Cortex-M4 of rv-m4-amp after the application released it:
# inferior 2 is detached while the M4 is still held in reset, app runs to
# a point where the M4 has answered a request (so it booted and ran on its
# own, invisible to gdb), then `attach 2` stops it where it is: the thread
# no longer says "powered off", its frame is in the M4's own code with the
# M4's architecture, and a breakpoint set after attaching hits.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_server_up

gdbt_gdb hetero_attach <<'GDB'
@connect
@@@ held
info threads
inferior 2
detach
@@@ app-runs
inferior 1
break app_check_reply
continue
@@@ attach
inferior 2
attach 2
info threads
bt
show architecture
@@@ break-after-attach
delete 1
break m4_answer
set schedule-multiple on
continue
bt 1
GDB
expect held '2\.1 +Thread 2\.1 "rt/cpu0 \(powered off\)"' "at connect the M4 is held: rt/cpu0 (powered off)"
expect held '^\[Inferior 2 \(process 2\) detached\]' "inferior 2 detached while held"
expect app-runs 'hit Breakpoint 1, app_check_reply \(round=1, value=' \
    "app got the M4's first answer: the released M4 ran while detached"
expect attach '2\.1 +Thread 2\.1 "rt/cpu0" ' "after attach the M4 thread is rt/cpu0, no longer powered off"
expect_not attach 'powered off' "nothing says powered off any more"
expect attach '^#0 +(0x[0-9a-f]+ in )?m4_[a-z_]+ \(' "its frame is in the M4's code"
expect attach 'currently "armv7e-m"' "with the M4's architecture"
expect break-after-attach 'hit Breakpoint 2, m4_answer \(round=2\)' \
    "a breakpoint set after attaching hits in the M4 (second request)"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
