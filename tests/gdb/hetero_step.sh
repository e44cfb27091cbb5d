#!/bin/bash
# SPDX-License-Identifier: MIT
# Stepping the Cortex-M4 of rv-m4-amp (gdb steps ARM with vCont;s).
# m4_clamp's IT block: `next` over it (condition false: 42 stays 42), then
# stepi through it instruction by instruction (cmp, ite hi, movhi taken,
# movls skipped: 250 becomes 100 and stays 100). Then an exception on a
# step: a doorbell rung from gdb makes the mailbox interrupt pending, and
# a stepi takes it: as on the hardware (ARMv7-M ARM C1.5, halting debug
# stepping) the M4 halts on the first instruction of m4_mailbox_isr, and
# the backtrace goes through the exception frame into m4_idle; `next`
# at the handler's end returns through EXC_RETURN to thread mode.
# The first continue is given in inferior 2 (see hetero_break.sh).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_server_up

gdbt_gdb hetero_step <<'EOF'
@connect
inferior 2
set schedule-multiple on
@@@ clamp
break m4_clamp
continue
info args
@@@ next
next
p r
@@@ clamp-again
continue
info args
display/i $pc
@@@ step-ldr
stepi
stepi
@@@ step-cmp
stepi
@@@ step-it
stepi
p $r3
@@@ step-movhi
stepi
p $r3
@@@ step-movls
stepi
p $r3
@@@ step-out
undisplay
next
p r
@@@ idle
delete
break m4_idle
continue
p m4_isr_count
@@@ irq-step
set var *(unsigned int *)0x40010004 = 1
stepi
p $pc == (void *)m4_mailbox_isr
bt
@@@ irq-next
next
next
next
next
p m4_isr_count
@@@ irq-return
next
bt 1
info registers xpsr
EOF

expect clamp '^Thread 2\.1 "rt/cpu0" hit Breakpoint 1, m4_clamp \(x=42, limit=100\) at .*hetero_m4\.c' \
    "first request: m4_clamp(42, 100)"
expect next '^[0-9]+[[:space:]]+return r;$' "next steps over the IT block to 'return r;'"
expect next '^\$[0-9]+ = 42$' "42 is below the limit: r = 42"
expect clamp-again 'hit Breakpoint 1, m4_clamp \(x=250, limit=100\)' "second request: m4_clamp(250, 100)"
expect step-ldr '<m4_clamp\+[0-9]+>:[[:space:]]+cmp[[:space:]]+r[0-9], r[0-9]' "stepi reaches the cmp"
expect step-cmp '<m4_clamp\+[0-9]+>:[[:space:]]+ite[[:space:]]+hi$' "stepi reaches ite hi (2 bytes on)"
expect step-it '<m4_clamp\+[0-9]+>:[[:space:]]+movhi[[:space:]]+r3, r[0-9]' "stepi over ite stops at movhi"
expect step-it '^\$[0-9]+ = 250$' "r3 still holds 250 before movhi"
expect step-movhi '<m4_clamp\+[0-9]+>:[[:space:]]+movls[[:space:]]+r3, r[0-9]' "stepi over movhi stops at movls"
expect step-movhi '^\$[0-9]+ = 100$' "movhi (250 > 100) executed: r3 = 100"
expect step-movls '<m4_clamp\+[0-9]+>:[[:space:]]+str[[:space:]]+r3,' "stepi over movls stops after the IT block"
expect step-movls '^\$[0-9]+ = 100$' "movls (condition false) was skipped: r3 stays 100"
expect step-out '^\$[0-9]+ = 100$' "m4_clamp's result is 100"
expect idle '^Thread 2\.1 "rt/cpu0" hit Breakpoint 2, m4_idle \(\)' "the M4 waits in m4_idle"
expect idle '^\$[0-9]+ = 2$' "two requests handled"
expect irq-step '^m4_mailbox_isr \(\) at .*hetero_m4\.c:[0-9]+$' \
    "stepi with the mailbox interrupt pending halts at the start of m4_mailbox_isr"
expect irq-step '^\$[0-9]+ = 1$' "pc is exactly the handler's first instruction"
expect irq-step '^#0 +(0x[0-9a-f]+ in )?m4_mailbox_isr \(\) at ' "bt frame 0 is the handler"
expect irq-step '^#1 +<signal handler called>$' "bt frame 1 is the exception frame"
expect irq-step '^#2 +(0x[0-9a-f]+ in )?m4_idle \(\) at .*hetero_m4\.c' "bt frame 2 is m4_idle"
expect irq-next '^[0-9]+[[:space:]]+m4_isr_count\+\+;$' "next walks through the handler's lines"
expect irq-next '^\$[0-9]+ = 3$' "the stepped handler counted the third interrupt"
expect irq-return 'm4_idle \(\) at .*hetero_m4\.c:[0-9]+$' "next at the handler's end returns through EXC_RETURN into m4_idle"
expect irq-return '^#0 +m4_idle \(\) at ' "bt after the return: frame 0 is m4_idle again"
expect irq-return '^xpsr +0x1000000 ' "back in thread mode: IPSR is 0, Thumb bit set"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
