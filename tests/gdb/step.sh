#!/bin/bash
# SPDX-License-Identifier: MIT
# Stepping: stepi moves one instruction, next steps over a call, step
# enters one, finish returns with the value, in app (rv64) and rt (rv32);
# with scheduler-locking on, stepping hart 0 leaves hart 1 where it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_server_up

gdbt_gdb step <<'EOF'
@connect
inferior 1
break compute
continue
@@@ stepi
p $pc
stepi
p $pc
stepi
stepi
p $pc
@@@ next
delete
next
info locals
@@@ step
step
@@@ finish
finish
@@@ finish-compute
finish
@@@ locked
set scheduler-locking on
p hart1_ticks
next
next
p hart1_ticks
set scheduler-locking off
@mosaic-only
@@@ rt-stepi
inferior 2
break rt_scale
continue
delete
p $pc
stepi
p $pc
@@@ rt-finish
finish
@@@ rt-next
next
next
p rt_global
@end
EOF

expect stepi '^\$1 = \(void \(\*\)\(\)\) 0x[0-9a-f]+ <compute\+[0-9]+>' "pc is in compute"
pc1=$(gdbt_section step stepi | sed -n 's/^\$1 = .*<compute+\([0-9]*\)>.*/\1/p')
pc2=$(gdbt_section step stepi | sed -n 's/^\$2 = .*<compute+\([0-9]*\)>.*/\1/p')
pc3=$(gdbt_section step stepi | sed -n 's/^\$3 = .*<compute+\([0-9]*\)>.*/\1/p')
step1=$(( ${pc2:-0} - ${pc1:-0} ))
if [ -n "$pc2" ] && { [ $step1 = 2 ] || [ $step1 = 4 ]; }; then
    gdbt_ok "stepi advances the pc by one instruction (compute+$pc1 -> compute+$pc2)"
else
    gdbt_not_ok "stepi advances the pc by one instruction (compute+$pc1 -> compute+$pc2)"
fi
if [ -n "$pc3" ] && [ "$pc3" -gt "${pc2:-0}" ]; then
    gdbt_ok "two more stepi advance further (compute+$pc3)"
else
    gdbt_not_ok "two more stepi advance further (compute+${pc3:-?})"
fi
expect next '^31[[:space:]]+int b = add_step\(a, 2\);' "next steps over add_step to line 31"
expect next '^a = 2$' "a is 2 after the first call"
expect step '^add_step \(x=2, step=2\) at .*app\.c:24' "step enters add_step(2, 2)"
expect finish '^0x[0-9a-f]+ in compute \(n=1\) at .*app\.c:31' "finish returns to compute, line 31"
expect finish '^Value returned is \$[0-9]+ = 4$' "finish prints the return value 4"
expect finish-compute '^0x[0-9a-f]+ in app_main \(\) at .*app\.c:41' \
    "finish from compute returns to app_main, line 41"
expect finish-compute '^Value returned is \$[0-9]+ = 6$' "compute(1) returns 6"
t1=$(gdbt_section step locked | sed -n 's/^\$[0-9]* = //p' | sed -n 1p)
t2=$(gdbt_section step locked | sed -n 's/^\$[0-9]* = //p' | sed -n 2p)
if [ -n "$t1" ] && [ "$t1" = "$t2" ]; then
    gdbt_ok "scheduler-locking on: hart 1 did not run while hart 0 stepped ($t1)"
else
    gdbt_not_ok "scheduler-locking on: hart 1 did not run while hart 0 stepped ($t1 -> $t2)"
fi
expect locked '^4[0-9][[:space:]]' "next moved hart 0 on in app_main"
if gdbt_is_mosaic; then
    expect rt-stepi '^\$[0-9]+ = \(void \(\*\)\(\)\) 0x4[0-9a-f]+ <rt_scale\+[0-9]+>' \
        "rt pc is in rt_scale"
    r1=$(gdbt_section step rt-stepi | sed -n 's/^\$[0-9]* = .*<rt_scale+\([0-9]*\)>.*/\1/p' | sed -n 1p)
    r2=$(gdbt_section step rt-stepi | sed -n 's/^\$[0-9]* = .*<rt_scale+\([0-9]*\)>.*/\1/p' | sed -n 2p)
    d=$(( ${r2:-0} - ${r1:-0} ))
    if [ -n "$r2" ] && { [ $d = 2 ] || [ $d = 4 ]; }; then
        gdbt_ok "rt stepi advances one instruction (rt_scale+$r1 -> rt_scale+$r2)"
    else
        gdbt_not_ok "rt stepi advances one instruction (rt_scale+$r1 -> rt_scale+$r2)"
    fi
    expect rt-finish '^0x[0-9a-f]+ in fw_main \(hartid=0\) at .*rt\.c:[0-9]+' \
        "finish returns from rt_scale to fw_main"
    expect rt-finish '^Value returned is \$[0-9]+ = 7$' "rt_scale(1) returns 7"
    expect rt-next '^\$[0-9]+ = 7$' "next stores rt_global = 7"
fi
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
