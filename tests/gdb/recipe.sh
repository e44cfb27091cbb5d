#!/bin/bash
# SPDX-License-Identifier: MIT
# The manual multiprocess recipe of doc/ (add-inferior, inferior 2,
# attach 2): afterwards inferior 2 is process 2 with rt.elf's symbols and
# the rv32 description while inferior 1 keeps rv64; detaching and
# attaching rt again reads its description again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_need_amp
gdbt_server_up

gdbt_gdb recipe <<'EOF'
@connect
@@@ before
info inferiors
@@@ recipe
add-inferior
inferior 2
attach 2
@@@ after
info inferiors
show architecture
p/z $pc
p &rt_global
info threads
@@@ inf1
inferior 1
show architecture
p/z $pc
@@@ detach
inferior 2
detach
@@@ reattach
attach 2
show architecture
p/z $pc
info registers mstatus
@@@ breakpoint
break rt_scale
continue
EOF

expect before '^\*? +1 +process 1 .*/app\.elf' "after connecting, inferior 1 is process 1"
expect after '^\*? +2 +process 2 .*/rt\.elf' "after attach 2, inferior 2 is process 2 with rt.elf"
expect after 'currently "riscv:rv32"' "inferior 2 is riscv:rv32"
expect after '^\$[0-9]+ = 0x40000000$' "rt's pc reads as 32 bits at its entry"
expect after '<rt_global>' "rt symbols are loaded"
expect after "$(gdbt_thread_re 2 1 rt/cpu0)" "thread 2.1 rt/cpu0 is listed"
expect inf1 'currently "riscv:rv64"' "inferior 1 is still riscv:rv64"
expect inf1 '^\$[0-9]+ = 0x0000000080000000$' "app's pc still reads as 64 bits"
expect detach '\[Inferior 2 \(process 2\) detached\]' "detach process 2"
expect reattach 'currently "riscv:rv32"' "re-attached inferior 2 is riscv:rv32"
expect reattach '^\$[0-9]+ = 0x[0-9a-f]{8}$' "its pc reads as 32 bits"
expect reattach '^mstatus +0x' "its CSRs are there"
expect breakpoint "$(gdbt_thread_re 2 1 rt/cpu0) hit Breakpoint 1, rt_scale" \
    "a breakpoint in the re-attached rt is hit"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
