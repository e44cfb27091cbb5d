#!/bin/bash
# SPDX-License-Identifier: MIT
# Connecting gdb to the rv-amp board: every cluster is an inferior right
# after `target extended-remote` (process 1 = app, process 2 = rt), with its
# symbols loaded from the image path the stub reports (no `file` command),
# three named threads, and each inferior's own target description: rv64
# registers for app, rv32 for rt, CSRs such as mstatus, the pc at each
# image's entry (-S holds every CPU there).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init

gdbt_server_up

gdbt_gdb connect <<'EOF'
@connect
@@@ inferiors
info inferiors
@@@ threads
info threads
@@@ app
inferior 1
show architecture
p sizeof($ra)
p/z $pc
info symbol $pc
p &app_iterations
info registers
@@@ app-mstatus
info registers mstatus
@@@ app-csr
p/x $mtvec
@mosaic-only
@@@ rt
inferior 2
show architecture
p sizeof($ra)
p/z $pc
info symbol $pc
p &rt_global
info registers
@@@ rt-mstatus
info registers mstatus
@@@ rt-csr
p/x $mtvec
@@@ back
inferior 1
p/z $pc
@end
EOF

re1=$(gdbt_thread_re 1 1 app/cpu0)
re2=$(gdbt_thread_re 1 2 app/cpu1)
expect inferiors '^\*? +1 +process 1 .*/app\.elf' "inferior 1 is process 1 with app.elf loaded"
expect_count threads '^\*? +[0-9.]+ +Thread ' "$(gdbt_is_mosaic && echo 3 || echo 2)" \
    "info threads lists every CPU"
expect threads "$re1" "thread 1.1 is app/cpu0"
expect threads "$re2" "thread 1.2 is app/cpu1"
expect app 'currently "riscv:rv64"' "inferior 1 is riscv:rv64"
expect app '^\$[0-9]+ = 8$' "app registers are 64-bit"
if gdbt_is_mosaic; then
    expect app '^\$[0-9]+ = 0x0000000080000000$' "app pc is at its entry (16 hex digits)"
    expect app '^_start in section \.text' "app symbols are loaded"
    expect app '^pc +0x80000000[[:space:]]+0x80000000 <_start>' "info registers shows pc at _start"
fi
expect app '^\$[0-9]+ = \(volatile uint32_t \*\) 0x8[0-9a-f]+ <app_iterations>' \
    "app globals resolve"
expect app '^ra +0x' "info registers shows ra"
expect app '^t6 +0x' "info registers shows t6"
expect app-mstatus '^mstatus +0x[0-9a-f]+' "info registers mstatus works on app"
expect app-csr '^\$[0-9]+ = 0x[0-9a-f]+$' "app mtvec reads as a value"

if gdbt_is_mosaic; then
    expect inferiors '^\*? +2 +process 2 .*/rt\.elf' "inferior 2 is process 2 with rt.elf loaded"
    expect threads "$(gdbt_thread_re 2 1 rt/cpu0)" "thread 2.1 is rt/cpu0"
    expect rt 'currently "riscv:rv32"' "inferior 2 is riscv:rv32"
    expect rt '^\$[0-9]+ = 4$' "rt registers are 32-bit"
    expect rt '^\$[0-9]+ = 0x40000000$' "rt pc is at its entry (8 hex digits)"
    expect rt '^_start in section \.text' "rt symbols are loaded"
    expect rt '^\$[0-9]+ = \(volatile uint32_t \*\) 0x4[0-9a-f]+ <rt_global>' "rt globals resolve"
    expect rt '^t6 +0x' "info registers shows t6 on rt"
    expect rt '^pc +0x40000000[[:space:]]+0x40000000 <_start>' "rt pc register at _start"
    expect rt-mstatus '^mstatus +0x[0-9a-f]+' "info registers mstatus works on rt"
    expect rt-csr '^\$[0-9]+ = 0x[0-9a-f]+$' "rt mtvec reads as a value"
    expect back '^\$[0-9]+ = 0x0000000080000000$' "switching back to inferior 1 gives rv64 again"
fi
expect_clean
gdbt_expect_server_alive "the server is still running after gdb left"
gdbt_done
