#!/bin/bash
# SPDX-License-Identifier: MIT
# A fault storm with gdb attached is a stop, not the end of the run: with
# mtvec = 0 and the pc at 0 on app/cpu0 (nothing is mapped there), every
# fetch faults and traps back to 0; after 1000 of them the CPU stops with
# SIGSEGV at pc 0, before the handler, and the server lives on.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_is_mosaic || gdbt_skip "the fault storm detector is Mosaic's (GDBT_SERVER=mosaic)"

gdbt_server_up

gdbt_gdb storm <<'EOF'
@connect
inferior 1
set $mtvec = 0
set $pc = 0
@@@ storm
continue
@@@ where
p/x $pc
@end
EOF

expect storm 'received signal SIGSEGV' "the storm stops app/cpu0 with SIGSEGV"
expect where '^\$1 = 0x0$' "at the faulting pc"
if grep -q 'fault storm: exception 1 (SIGSEGV) at pc 0x00000000 1000 times.*stopping for the debugger' \
    "$GDBT_DIR/server.err"; then
    gdbt_ok "the server reports the storm once"
else
    gdbt_not_ok "the server reports the storm once"
fi
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
