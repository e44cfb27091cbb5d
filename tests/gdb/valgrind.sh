#!/bin/bash
# SPDX-License-Identifier: MIT
# A whole gdb session against Mosaic running under valgrind (memcheck with
# full leak checking): connect, symbols, breakpoints and stepping in both
# clusters, a watchpoint, memory reads and writes, monitor commands,
# detach, and `monitor quit`. Valgrind must report no errors and no leaks.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_need_amp
gdbt_use_valgrind
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
gdbt_expect_valgrind_clean
gdbt_done
