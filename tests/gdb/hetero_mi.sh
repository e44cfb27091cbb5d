#!/bin/bash
# SPDX-License-Identifier: MIT
# rv-m4-amp through gdb/MI, as an IDE drives it: -target-select,
# -list-thread-groups (i1 = app with hetero_app.elf, i2 = the M4 with
# hetero_m4.elf), -thread-info (the M4 held in reset), a breakpoint in
# each image, -exec-continue (schedule-multiple on, first from the M4's
# thread: see hetero_break.sh) stopping in the M4 with arch "armv7e-m",
# its M-profile registers by name and value, its frames; then
# -exec-continue --thread 1 stopping in app with arch "riscv:rv64".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_use_board_rv_m4_amp
gdbt_init
gdbt_server_up

gdbt_mi hetero_mi <<'EOF'
-gdb-set confirm off
-gdb-set schedule-multiple on
-target-select extended-remote 127.0.0.1:@PORT@
-list-thread-groups
-thread-info
-break-insert m4_main
-break-insert app_check_reply
-exec-continue
-thread-info 3
-data-list-register-names
-data-list-register-values x
-stack-list-frames
-exec-continue --thread 1
-stack-list-frames
-data-list-register-names
-gdb-exit
EOF

expect '' '^\^connected' "-target-select: ^connected"
expect '' '^\^done,groups=\[\{id="i1",type="process",pid="1",executable="[^"]*/hetero_app\.elf"' \
    "-list-thread-groups: i1 is process 1 running hetero_app.elf"
expect '' '\{id="i2",type="process",pid="2",executable="[^"]*/hetero_m4\.elf"' \
    "-list-thread-groups: i2 is process 2 running hetero_m4.elf"
expect '' '\{id="3",target-id="Thread 2\.1",name="rt/cpu0 \(powered off\)",' \
    "-thread-info: the held M4 is \"rt/cpu0 (powered off)\""
expect '' '^\^done,bkpt=\{number="1",type="breakpoint",.*func="m4_main"' "-break-insert m4_main"
expect '' '^\^done,bkpt=\{number="2",type="breakpoint",.*func="app_check_reply"' \
    "-break-insert app_check_reply"
expect '' '^\*stopped,reason="breakpoint-hit",disp="keep",bkptno="1",frame=\{[^}]*func="m4_main",[^}]*arch="armv7e-m"\},thread-id="3"' \
    "-exec-continue: thread 3 (rt/cpu0) stops at m4_main, arch armv7e-m"
expect '' '^\^done,threads=\[\{id="3",target-id="Thread 2\.1",name="rt/cpu0",' \
    "-thread-info 3: rt/cpu0 is no longer powered off"
names=$(gdbt_section hetero_mi '' | grep -m 1 '^\^done,register-names=\["r0"')
expect '' '^\^done,register-names=\["r0","r1",.*"sp","lr","pc",' "-data-list-register-names in the M4: r0.. pc"
for reg in xpsr msp psp primask basepri faultmask control; do
    n=$(printf '%s\n' "$names" | sed 's/^\^done,register-names=\[//; s/\]$//' | tr ',' '\n' |
        grep -n "^\"$reg\"\$" | cut -d: -f1)
    n=$((${n:-0} - 1))
    expect '' "^\\^done,register-values=\\[.*\\{number=\"$n\",value=\"0x[0-9a-f]+\"\\}" \
        "-data-list-register-values: $reg (number $n) has a value"
done
expect '' '^\^done,stack=\[frame=\{level="0",[^}]*func="m4_main"[^}]*arch="armv7e-m"\},frame=\{level="1",[^}]*func="m4_reset"' \
    "-stack-list-frames in the M4: m4_main, m4_reset"
expect '' '^\*stopped,reason="breakpoint-hit",disp="keep",bkptno="2",frame=\{[^}]*func="app_check_reply",args=\[\{name="round",value="1"\},\{name="value",value="42"\}\],[^}]*arch="riscv:rv64"\},thread-id="1"' \
    "-exec-continue --thread 1: thread 1 (app/cpu0) stops at app_check_reply, arch riscv:rv64"
expect '' '^\^done,stack=\[frame=\{level="0",[^}]*func="app_check_reply"[^}]*\},frame=\{level="1",[^}]*func="app_main"' \
    "-stack-list-frames in app: app_check_reply, app_main"
expect '' '^\^done,register-names=\["zero","ra","sp","gp",.*"pc",' "-data-list-register-names in app: zero, ra, sp, gp .. pc"
expect '' '^\^exit' "-gdb-exit"
expect_not '' '^\^error' "no MI command failed"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
