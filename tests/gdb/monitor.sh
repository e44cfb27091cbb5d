#!/bin/bash
# SPDX-License-Identifier: MIT
# Monitor commands through gdb (qRcmd): help, info cpus, an unknown command
# (an error, the server survives), and the reset commands IDEs send:
# `monitor reset halt` in inferior 2 puts rt back at its entry, held,
# without touching app; `monitor halt`/`stop` are accepted; after
# `monitor reset halt` in inferior 1, stepping starts again from _start.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_server_up

gdbt_gdb monitor <<'EOF'
@connect
@@@ help
monitor help
@@@ cpus
monitor info cpus
@@@ unknown
monitor no-such-command
@mosaic-only
@@@ run
inferior 1
break compute
inferior 2
break rt_scale
continue
inferior 1
continue
delete
@@@ reset-rt
inferior 2
monitor reset halt
maintenance flush register-cache
p/x $pc
info symbol $pc
@@@ app-untouched
inferior 1
p $pc
@@@ halt
monitor halt
monitor stop
@@@ reset-app
monitor reset halt
maintenance flush register-cache
p/x $pc
stepi
p $pc
@@@ cpus-after
monitor info cpus
@end
EOF

if gdbt_is_mosaic; then
    expect help 'info cpus' "monitor help lists info cpus"
    expect help 'reset' "monitor help lists reset"
    expect cpus 'app/cpu0' "monitor info cpus lists app/cpu0"
    expect cpus 'app/cpu1' "monitor info cpus lists app/cpu1"
    expect cpus 'rt/cpu0' "monitor info cpus lists rt/cpu0"
    expect unknown 'no-such-command' "an unknown monitor command is reported by name"
    expect run 'hit Breakpoint 2, rt_scale' "rt ran to rt_scale"
    expect run 'hit Breakpoint 1, compute' "app ran to compute"
    expect reset-rt '^\$[0-9]+ = 0x40000000$' "monitor reset halt in inferior 2: rt pc at its entry"
    expect reset-rt '^_start in section' "rt is at _start"
    expect app-untouched '<compute\+[0-9]+>' "app is still in compute"
    expect_not halt '[Uu]nknown|[Uu]ndefined' "monitor halt and monitor stop are accepted"
    expect reset-app '^\$[0-9]+ = 0x80000000$' "monitor reset halt in inferior 1: app pc at its entry"
    expect reset-app '^\$[0-9]+ = \(void \(\*\)\(\)\) 0x8000000[0-9a-f] <_start\+[0-9]+>$' \
        "stepi after the reset runs from _start"
    expect cpus-after 'rt/cpu0' "monitor info cpus still works"
else
    expect help 'info' "monitor help works"
    expect cpus 'CPU #0' "monitor info cpus lists the CPUs"
    expect unknown 'no-such-command' "an unknown monitor command is reported by name"
fi
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
