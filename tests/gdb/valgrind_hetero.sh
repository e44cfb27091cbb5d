#!/bin/bash
# SPDX-License-Identifier: MIT
# A gdb session on the heterogeneous rv-m4-amp board against Mosaic under
# valgrind (memcheck, full leak checking), so the Arm target, its
# exception model and the mailbox/sysctl devices are covered as the RISC-V
# side is by valgrind.sh: the M4 released and stopped at a breakpoint,
# Thumb stepping, a backtrace through its interrupt frame, a watchpoint,
# registers of both architectures, `monitor quit`. Valgrind
# must report no errors and no leaks. The first continue is given in
# inferior 2 (see hetero_break.sh).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_use_valgrind
gdbt_server_up

gdbt_gdb session <<'GDB'
@connect
@@@ rt
inferior 2
set schedule-multiple on
break m4_clamp
continue
stepi
stepi
info registers msp control
@@@ isr
delete
break m4_mailbox_isr
continue
bt
@@@ watch
delete
watch m4_isr_count
continue
@@@ app
delete
inferior 1
info registers pc
x/2i $pc
@@@ quit
monitor quit
GDB
expect rt 'hit Breakpoint 1, m4_clamp' "M4 breakpoint under valgrind"
expect rt '^msp +0x' "M4 system registers under valgrind"
expect isr '^#1 +<signal handler called>$' "bt through the M4 exception frame under valgrind"
expect watch '^New value = ' "M4 watchpoint under valgrind"
expect app '^pc +0x8' "RISC-V registers under valgrind"
gdbt_expect_valgrind_clean
gdbt_done
