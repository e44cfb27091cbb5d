#!/bin/bash
# SPDX-License-Identifier: MIT
# Breakpoints in both clusters of rv-m4-amp, all-stop across
# architectures. With schedule-multiple on, `continue` runs both clusters:
# app releases the held M4 and a breakpoint in the M4's code hits (the
# thread name loses "(powered off)"; gdb sends a 2-byte Thumb breakpoint,
# Z0,ADDR,2); while the M4 is stopped no app hart runs (the monitor's
# instruction counts stand still); a breakpoint in app code stops the M4
# too; the M4's mailbox handler is hit and its backtrace goes through the
# exception frame into the interrupted m4_idle; the run ends with app's
# pass code.
#
# gdb 13 leaves the inferior that was current while connecting (2, the
# M4) in its "stop quietly" connection state until a command resumes from
# it: a stop of the M4 while continuing from inferior 1 before that makes
# gdb wait forever. So the first `continue` is given in inferior 2.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_server_up

gdbt_gdb hetero_break <<'EOF'
@connect
@@@ rt-break
inferior 2
set schedule-multiple on
break m4_main
set debug remote 1
continue
set debug remote 0
info threads
@@@ all-stop
monitor info cpus
shell sleep 0.5
@@@ all-stop-later
monitor info cpus
@@@ app-break
inferior 1
break app_check_reply
continue
bt
info threads
@@@ isr
inferior 2
break m4_mailbox_isr
continue
bt
p m4_isr_count + 1 == *(unsigned int *)0x40010000
@@@ app-again
inferior 1
continue
info args
@@@ exit
delete
continue
EOF

addr=$(gdbt_section hetero_break rt-break |
    sed -n 's/^Breakpoint 1 at 0x\([0-9a-f]*\): file .*hetero_m4\.c.*/\1/p')
expect rt-break '^Breakpoint 1 at 0x[0-9a-f]+: file .*hetero_m4\.c' "break m4_main in inferior 2"
expect rt-break "Sending packet: \\\$Z0,${addr:-none},2#" "a 2-byte Thumb breakpoint (Z0,$addr,2)"
# (gdb's packet log interleaves with the stop line, so it is matched in two parts)
expect rt-break '^Thread 2\.1 "rt/cpu0" hit Breakpoint 1, ' "app releases the M4 and thread 2.1 hits it"
expect rt-break '^m4_main \(\) at .*hetero_m4\.c:[0-9]+$' "in m4_main"
expect rt-break '^\* 2\.1 +Thread 2\.1 "rt/cpu0" +m4_main' "its name no longer says powered off"
expect rt-break '^ +1\.1 +Thread 1\.1 "app/cpu0" .* in app_main \(\) at .*hetero_app\.c' \
    "app/cpu0 is stopped in app_main, waiting for the M4"
expect rt-break '^ +1\.2 +Thread 1\.2 "app/cpu1" +app_secondary \(\)' "app/cpu1 is stopped in its loop"
expect all-stop 'p1\.1 /app/cpu0: stopped by debugger' "the monitor shows app/cpu0 held"
expect all-stop 'p1\.2 /app/cpu1: stopped by debugger' "the monitor shows app/cpu1 held"
before=$(gdbt_section hetero_break all-stop | grep -E '^ *\*? *p1\.')
after=$(gdbt_section hetero_break all-stop-later | grep -E '^ *\*? *p1\.')
if [ -n "$before" ] && [ "$before" = "$after" ]; then
    gdbt_ok "no app hart runs while the M4 is stopped (pc and icount unchanged after 0.5 s)"
else
    gdbt_not_ok "no app hart runs while the M4 is stopped (pc and icount unchanged after 0.5 s)"
    printf '# before:\n%s\n# after:\n%s\n' "$before" "$after" | sed 's/^/#   /'
fi
expect app-break '^Thread 1\.1 "app/cpu0" hit Breakpoint 2, app_check_reply \(round=1, value=42\)' \
    "a breakpoint in app code: thread 1.1 stops in app_check_reply(1, 42)"
expect app-break '^#1 +0x[0-9a-f]+ in app_main \(\) at .*hetero_app\.c' "app bt frame 1 is app_main"
expect app-break '^#2 +0x[0-9a-f]+ in fw_main \(hartid=0\) at .*hetero_app\.c' "app bt frame 2 is fw_main"
expect app-break '^ +2\.1 +Thread 2\.1 "rt/cpu0" +(0x[0-9a-f]+ in )?m4_[a-z_]+ \(' \
    "the M4 is stopped too, in its own code"
expect isr '^Thread 2\.1 "rt/cpu0" hit Breakpoint 3, m4_mailbox_isr \(\) at .*hetero_m4\.c' \
    "the mailbox interrupt runs m4_mailbox_isr"
expect isr '^#0 +m4_mailbox_isr \(\) at ' "ISR bt frame 0 is the handler"
expect isr '^#1 +<signal handler called>$' "bt frame 1 is the M-profile exception frame"
expect isr '^#2 +(0x[0-9a-f]+ in )?m4_idle \(\) at .*hetero_m4\.c' "bt frame 2 is the interrupted m4_idle"
expect isr '^#3 +0x[0-9a-f]+ in m4_main \(\) at .*hetero_m4\.c' "bt frame 3 is m4_main"
expect isr '^#4 +0x[0-9a-f]+ in m4_reset \(\) at .*hetero_m4\.c' "bt frame 4 is m4_reset"
expect isr '^\$[0-9]+ = 1$' "the mailbox holds the next round (m4_isr_count + 1)"
expect app-again '^Thread 1\.1 "app/cpu0" hit Breakpoint 2, app_check_reply \(round=2, value=250\)' \
    "continue from inferior 1: app checks the second reply"
expect exit '^\[Inferior 1 \(process 1\) exited normally\]' "app ends the run with its pass code (0)"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
