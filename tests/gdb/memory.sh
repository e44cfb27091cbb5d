#!/bin/bash
# SPDX-License-Identifier: MIT
# Memory: `x` reads globals and code, `set var` writes a global and `print`
# reads it back, the shared RAM window written through one cluster is seen
# by the other at its own address, unmapped addresses are errors, and
# code rewritten by gdb after it ran (so it is translated) takes effect:
# add_step is replaced by `li a0, 42; ret`, so compute returns 84.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_server_up

gdbt_gdb memory <<'EOF'
@connect
inferior 1
break compute
continue
continue
delete
@@@ x
x/2dw &app_iterations
x/i $pc
p app_exit_code
@@@ set-var
set var app_watched = 0x1234
p app_watched
p/x app_watched
x/xw &app_watched
@@@ set-mem
set {unsigned int}0x90000000 = 0xcafef00d
x/xw 0x90000000
@@@ unmapped
x/xw 0x0
@@@ patch
set {unsigned int}&add_step = 0x02a00513
set {unsigned int}((char *)&add_step + 4) = 0x00008067
x/2i &add_step
@@@ patched-run
finish
@mosaic-only
@@@ write-unmapped
set {int}0x0 = 1
@@@ rt-private
x/xw 0x40000000
@@@ rt-x
inferior 2
x/xw 0x20000000
@@@ rt-write
set {unsigned int}0x20000004 = 0x5eed1234
inferior 1
x/xw 0x90000004
@@@ rt-set-var
inferior 2
set var rt_global = 123456
p rt_global
p/x &rt_global
@end
EOF

expect x '^0x[0-9a-f]+ <app_iterations>:[[:space:]]+2[[:space:]]+4097$' \
    "x/2dw reads app_iterations = 2 and app_watched = 0x1000 + 1"
expect x '^=> 0x[0-9a-f]+ <compute\+[0-9]+>:' "x/i disassembles at the pc"
expect x '^\$[0-9]+ = -1$' "print a signed global (-1)"
expect set-var '^\$[0-9]+ = 4660$' "set var then print gives the value back"
expect set-var '^\$[0-9]+ = 0x1234$' "print/x agrees"
expect set-var '^0x[0-9a-f]+ <app_watched>:[[:space:]]+0x00001234$' "x reads the written value"
expect set-mem '^0x90000000:[[:space:]]+0xcafef00d$' "a write to the shared window reads back"
expect unmapped 'Cannot access memory at address 0x0' "reading unmapped memory is an error"
expect patch 'li[[:space:]]+a0,42' "the patched code disassembles as li a0,42"
expect patch 'ret' "followed by ret"
expect patched-run '^Value returned is \$[0-9]+ = 84$' \
    "rewritten code runs: compute returns 42 + 42"
if gdbt_is_mosaic; then
    expect write-unmapped 'Cannot access memory at address 0x0' "writing unmapped memory is an error"
    expect rt-private 'Cannot access memory at address 0x40000000' "app does not see rt's private RAM"
    expect rt-x '^0x20000000:[[:space:]]+0xcafef00d$' "rt sees app's write at its own address"
    expect rt-write '^0x90000004:[[:space:]]+0x5eed1234$' "app sees rt's write at its own address"
    expect rt-set-var '^\$[0-9]+ = 123456$' "set var in rt then print"
    expect rt-set-var '^\$[0-9]+ = 0x4[0-9a-f]{7}$' "rt_global is in rt's RAM"
fi
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
