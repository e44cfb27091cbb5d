#!/bin/bash
# SPDX-License-Identifier: MIT
# A gdb/MI session as an IDE drives it: -target-select extended-remote,
# -list-thread-groups (both clusters, with their executables),
# -break-insert in each image, -exec-continue --thread-group i2, then
# -exec-continue --thread 1 for app (in all-stop mode gdb 13 ignores
# --thread-group and continues the current inferior, so IDEs select a
# thread), -thread-info with the CPU names, frames and expressions,
# asserting on the MI result and async records.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_need_amp
gdbt_server_up

gdbt_mi mi <<'EOF'
-gdb-set confirm off
-target-select extended-remote 127.0.0.1:@PORT@
-list-thread-groups
-break-insert rt_scale
-break-insert compute
-exec-continue --thread-group i2
-thread-info
-stack-list-frames
-data-evaluate-expression rt_iterations
-exec-continue --thread 1
-thread-info 1
-data-evaluate-expression app_iterations
-data-evaluate-expression sizeof($ra)
-thread-select 3
-data-evaluate-expression sizeof($ra)
-break-delete
-exec-next
-gdb-exit
EOF

expect '' '^\^connected' "-target-select: ^connected"
expect '' '^=thread-group-started,id="i1",pid="1"' "i1 is started as pid 1"
expect '' '^=thread-group-started,id="i2",pid="2"' "i2 is started as pid 2"
expect '' '^\^done,groups=\[\{id="i1",type="process",pid="1",executable="[^"]*/app\.elf"' \
    "-list-thread-groups: i1 is process 1 running app.elf"
expect '' '\{id="i2",type="process",pid="2",executable="[^"]*/rt\.elf"' \
    "-list-thread-groups: i2 is process 2 running rt.elf"
expect '' '^\^done,bkpt=\{number="1",type="breakpoint",.*func="rt_scale"' "-break-insert rt_scale"
expect '' '^\^done,bkpt=\{number="2",type="breakpoint",.*func="compute"' "-break-insert compute"
expect '' '^\*stopped,reason="breakpoint-hit",disp="keep",bkptno="1",frame=\{[^}]*func="rt_scale",args=\[\{name="x",value="1"\}\].*arch="riscv:rv32"\},thread-id="3"' \
    "-exec-continue --thread-group i2: rt/cpu0 (thread 3) stops at rt_scale, rv32"
expect '' '\{id="3",target-id="Thread 2\.1",name="rt/cpu0",' "-thread-info names thread 2.1 rt/cpu0"
expect '' '\{id="1",target-id="Thread 1\.1",name="app/cpu0",' "-thread-info names thread 1.1 app/cpu0"
expect '' '\{id="2",target-id="Thread 1\.2",name="app/cpu1",' "-thread-info names thread 1.2 app/cpu1"
expect '' '^\^done,stack=\[frame=\{level="0",[^}]*func="rt_scale"[^}]*\},frame=\{level="1",[^}]*func="fw_main"' \
    "-stack-list-frames in rt"
expect '' '^\*stopped,reason="breakpoint-hit",disp="keep",bkptno="2",frame=\{[^}]*func="compute",args=\[\{name="n",value="1"\}\].*arch="riscv:rv64"\},thread-id="1"' \
    "-exec-continue --thread 1: app/cpu0 (thread 1) stops at compute, rv64"
expect_count '' '^\^done,value="1"' 2 "rt_iterations and app_iterations are 1"
expect '' '^\^done,value="8"' "app registers are 8 bytes"
expect '' '^\^done,new-thread-id="3"' "-thread-select 3"
expect '' '^\^done,value="4"' "rt registers are 4 bytes"
expect '' '^\*stopped,reason="end-stepping-range",.*func="rt_scale".*thread-id="3"' \
    "-exec-next in rt"
expect '' '^\^exit' "-gdb-exit"
expect_not '' '^\^error' "no MI command failed"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
