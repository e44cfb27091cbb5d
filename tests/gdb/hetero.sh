#!/bin/bash
# SPDX-License-Identifier: MIT
# The heterogeneous board rv-m4-amp in one gdb: inferior 1 (app, RV64) and
# inferior 2 (rt, Cortex-M4) each get their own architecture, registers,
# disassembly and backtrace, and their symbols from qXfer:exec-file; the
# M4 held in reset is listed as "rt/cpu0 (powered off)" and stepping it
# says so; the documented recipe (detach, add-inferior, inferior 3,
# attach 2) brings the M4 back into a new inferior with its description.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_server_up

gdbt_gdb hetero <<'EOF'
@@@ connect
@connect
info inferiors
info threads
@@@ rt-arch
inferior 2
show architecture
info registers
x/4i $pc
bt
@@@ app-arch
inferior 1
show architecture
info registers
x/4i $pc
bt
@@@ held
inferior 2
stepi
info threads
monitor info cpus
@@@ recipe
detach
add-inferior
inferior 3
set debug remote 1
attach 2
set debug remote 0
info inferiors
@@@ recipe-arch
show architecture
info registers msp psp control
info line m4_main
x/2i $pc
@@@ attach-again
inferior 2
attach 1
EOF

expect connect '^Reading symbols from /.*/hetero_app\.elf\.\.\.' "app's symbols come from qXfer:exec-file"
expect connect '^Reading symbols from /.*/hetero_m4\.elf\.\.\.' "the M4's symbols come from qXfer:exec-file"
expect connect '^\[New inferior 2\]' "gdb creates inferior 2 for the M4 by itself"
expect connect '^ +1 +process 1 .*/hetero_app\.elf' "inferior 1 is process 1 running hetero_app.elf"
expect connect '^\* 2 +process 2 .*/hetero_m4\.elf' "inferior 2 is process 2 running hetero_m4.elf, current"
expect connect '2\.1 +Thread 2\.1 "rt/cpu0 \(powered off\)" m4_reset \(\)' \
    "the M4 held in reset is thread 2.1 \"rt/cpu0 (powered off)\" at its reset handler"
expect connect '1\.2 +Thread 1\.2 "app/cpu1" +_start \(\)' "app/cpu1 waits at _start"

expect rt-arch 'currently "armv7e-m"' "inferior 2 is armv7e-m (M-profile)"
for reg in r0 r12 sp lr pc xpsr msp psp primask basepri faultmask control; do
    expect rt-arch "^$reg +0x" "M4 info registers shows $reg"
done
expect_not rt-arch '^(ra|a0|mstatus) ' "no RISC-V register in the M4's info registers"
expect rt-arch '^pc +0x[0-9a-f]+ +0x[0-9a-f]+ <m4_reset>$' "the M4's pc is its reset vector (m4_reset)"
expect rt-arch '^=> 0x[0-9a-f]+ <m4_reset>:[[:space:]]+push[[:space:]]+\{r7, lr\}' \
    "x/4i disassembles Thumb: push {r7, lr}"
expect rt-arch '<m4_reset\+2>:[[:space:]]+sub[[:space:]]+sp, #' "the next Thumb instruction is 2 bytes on"
expect rt-arch '^#0 +m4_reset \(\) at .*hetero_m4\.c:[0-9]+' "M4 bt frame 0 is m4_reset"

expect app-arch 'currently "riscv:rv64"' "inferior 1 is riscv:rv64"
for reg in ra sp gp a0 t6 pc; do
    expect app-arch "^$reg +0x" "app info registers shows $reg"
done
expect_not app-arch '^(r0|xpsr|msp) ' "no ARM register in app's info registers"
expect app-arch '^=> 0x0*80000000 <_start>:[[:space:]]+auipc[[:space:]]+gp,' \
    "x/4i disassembles RISC-V: auipc gp"
expect app-arch '^#0 +_start \(\) at .*start\.S:[0-9]+' "app bt frame 0 is _start"

expect held '^mosaic: cpu rt/cpu0 is powered off$' "stepping the held M4 says it is powered off"
expect held '^\* 2\.1 +Thread 2\.1 "rt/cpu0 \(powered off\)"' "it stays powered off"
expect held 'p2\.1 /rt/cpu0: powered off, pc=0x[0-9a-f]{8}' "the monitor lists it powered off"
expect held 'p1\.1 /app/cpu0: stopped by debugger, pc=0x0*80000000, icount=0' \
    "stepping the M4 ran nothing of app"

expect recipe '^\[Inferior 2 \(process 2\) detached\]' "detach in inferior 2"
expect recipe '^Added inferior 3' "add-inferior adds inferior 3"
expect recipe 'Sending packet: \$vAttach;2#' "attach 2 sends vAttach;2"
expect recipe 'Sending packet: \$qXfer:exec-file:read:2:' "and reads process 2's image path"
expect recipe 'Packet received: l/.*/hetero_m4\.elf' "which is hetero_m4.elf"
expect recipe 'Sending packet: \$qXfer:features:read:target\.xml:' \
    "and reads its target description again"
expect recipe '^\* 3 +process 2 .*/hetero_m4\.elf' "inferior 3 is now process 2 (hetero_m4.elf)"
expect recipe-arch 'currently "armv7e-m"' "inferior 3 is armv7e-m"
for reg in msp psp control; do
    expect recipe-arch "^$reg +0x" "inferior 3 has the M-profile register $reg"
done
expect recipe-arch '^Line [0-9]+ of ".*hetero_m4\.c" starts at address 0x[0-9a-f]+ <m4_main>' \
    "inferior 3 has the M4's symbols"
expect recipe-arch '^=> 0x[0-9a-f]+ <m4_reset>:[[:space:]]+push' "and disassembles Thumb"
expect_not attach-again 'Thread 1\.3 ' "attaching process 1 a second time creates no phantom thread"
expect attach-again '^Attaching to process 1 failed' "the server refuses to attach process 1 twice"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
