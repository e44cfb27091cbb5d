#!/bin/bash
# SPDX-License-Identifier: MIT
# Breakpoints: by function name in each inferior, hit by the right thread
# (the stop names it), a backtrace through the firmware's call chain, a
# breakpoint only the second app hart reaches, and `continue` in one
# inferior leaving the other cluster stopped (schedule-multiple off).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_server_up

gdbt_gdb break <<'EOF'
@connect
@@@ app-break
inferior 1
break compute
continue
@@@ app-args
info args
p app_iterations
@@@ bt
break add_step
continue
bt
@@@ second-hit
continue
info args
@@@ hart1
delete
break app_secondary
continue
thread
@mosaic-only
@@@ app-count
p app_iterations
@@@ rt-break
delete
inferior 2
break rt_scale
continue
info args
@@@ rt-bt
bt
@@@ rt-again
continue
info args
p rt_iterations
@@@ app-stayed
inferior 1
p app_iterations
@end
EOF

expect app-break "$(gdbt_thread_re 1 1 app/cpu0) hit Breakpoint 1, compute \\(n=1\\) at .*app\\.c:[0-9]+" \
    "break compute: thread 1.1 stops in compute(n=1)"
expect app-args '^n = 1$' "info args in compute"
expect app-args '^\$[0-9]+ = 1$' "app_iterations is 1 at the first call"
expect bt "hit Breakpoint 2, add_step \\(x=1, step=1\\)" "break add_step: stops with its arguments"
expect bt '^#0 +add_step \(x=1, step=1\) at .*app\.c' "bt frame 0 is add_step"
expect bt '^#1 +0x[0-9a-f]+ in compute \(n=1\) at .*app\.c' "bt frame 1 is compute"
expect bt '^#2 +0x[0-9a-f]+ in app_main \(\) at .*app\.c' "bt frame 2 is app_main"
expect bt '^#3 +0x[0-9a-f]+ in fw_main \(hartid=0\) at .*app\.c' "bt frame 3 is fw_main"
expect second-hit 'hit Breakpoint 2, add_step \(x=2, step=2\)' "continue: add_step hit again"
expect second-hit '^step = 2$' "second call's arguments"
expect hart1 "$(gdbt_thread_re 1 2 app/cpu1) hit Breakpoint 3, app_secondary \\(\\) at" \
    "a breakpoint only hart 1 reaches stops thread 1.2"
expect hart1 '^\[Current thread is (1\.)?2 ' "the stopping thread becomes current"
if gdbt_is_mosaic; then
    expect rt-break "$(gdbt_thread_re 2 1 rt/cpu0) hit Breakpoint 4, rt_scale \\(x=1\\) at .*rt\\.c:[0-9]+" \
        "break rt_scale in inferior 2: thread 2.1 stops"
    expect rt-break '^x = 1$' "rt_scale's argument"
    expect rt-bt '^#0 +rt_scale \(x=1\) at .*rt\.c' "rt bt frame 0"
    expect rt-bt '^#1 +0x[0-9a-f]+ in fw_main \(hartid=0\) at .*rt\.c' "rt bt frame 1"
    expect rt-again 'hit Breakpoint 4, rt_scale \(x=2\)' "continue in inferior 2 hits rt_scale again"
    expect rt-again '^\$[0-9]+ = 2$' "rt_iterations is 2"
    n=$(gdbt_value app-count)
    expect app-stayed "^\\\$[0-9]+ = $n\$" "app stayed stopped while only inferior 2 ran"
fi
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
