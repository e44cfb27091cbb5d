#!/bin/bash
# SPDX-License-Identifier: MIT
# Replays what the C/C++ extension (ms-vscode.cpptools, cppdbg, on
# MIEngine) makes gdb do for doc/ide/vscode-cppdbg.launch.json on the
# rv-m4-amp board (useExtendedRemote), and checks what it shows: the app
# cluster stopped at main, the M4 cluster visible as inferior 2.
# Command sequence: MIEngine src/MIDebugEngine/Engine.Impl/DebuggedProcess.cs
# (Initialize: target-async; GetInitializeCommands: setupCommands, set
# pagination off, environment-cd, file-exec-and-symbols, break-insert
# main for stopAtEntry, target-select extended-remote, then
# postRemoteConnectCommands; the launch then continues the inferior;
# at a stop: thread-info, stack frames, variables, register names and
# values; at the end target-detach and gdb-exit). setupCommands and
# postRemoteConnectCommands are read from the configuration file.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ide/lib.sh"
ide_init
CONFIG=$IDE_DOC/vscode-cppdbg.launch.json

if [ "$(ide_json_field "$CONFIG" miDebuggerPath)" = gdb-multiarch ] &&
    [ "$(ide_json_field "$CONFIG" useExtendedRemote)" = true ] &&
    [ "$(ide_json_field "$CONFIG" stopAtEntry)" = true ] &&
    ide_json_field "$CONFIG" program | grep -q '/app\.elf$' &&
    ide_json_field "$CONFIG" miDebuggerServerAddress | grep -q ':1234$'; then
    gdbt_ok "the configuration: gdb-multiarch, extended remote, app.elf, stop at entry"
else
    gdbt_not_ok "the configuration has the fields this replay follows"
fi

# A command of the configuration as MIEngine sends it: MI commands as
# they are, console commands through -interpreter-exec.
ide_mi_commands()
{
    ide_json_field "$CONFIG" "$1" | sed -e 's|\${workspaceFolder}|@SRCDIR@|g' \
        -e '/^-/!{s/"/\\"/g;s/.*/-interpreter-exec console "&"/}'
}

gdbt_server_up
{
    echo '-gdb-set target-async on'
    ide_mi_commands setupCommands
    echo '-interpreter-exec console "set pagination off"'
    echo '-environment-cd @SRCDIR@'
    echo '-file-exec-and-symbols @APP@'
    echo '-break-insert -f main'
    echo '-target-select extended-remote 127.0.0.1:@PORT@'
    ide_mi_commands postRemoteConnectCommands
    cat <<'EOF'
-exec-continue
@stopped
-thread-info
-list-thread-groups
-stack-list-frames --thread 1 0 1000
-stack-list-variables --thread 1 --frame 0 --simple-values
-data-list-register-names
-data-list-register-values --thread 1 --frame 0 x
-data-evaluate-expression --thread 1 --frame 0 sizeof($pc)
-stack-list-frames --thread 3 0 1000
-data-evaluate-expression --thread 3 --frame 0 sizeof($pc)
-target-detach
-gdb-exit
EOF
} >"$GDBT_DIR/cppdbg.script"
ide_replay cppdbg <"$GDBT_DIR/cppdbg.script"

N_SETUP=$(ide_json_field "$CONFIG" setupCommands | wc -l)
N_POST=$(ide_json_field "$CONFIG" postRemoteConnectCommands | wc -l)
T_CONNECT=$((N_SETUP + 6))
T_CONT=$((T_CONNECT + N_POST + 1))
expect '' "^${T_CONNECT}\\^connected" "target-select extended-remote: ^connected"
expect '' '^=thread-group-started,id="i1",pid="1"' "thread group i1 is process 1 (app)"
expect '' '^=thread-group-started,id="i2",pid="2"' "thread group i2 is process 2 (rt)"
expect '' '^~"Inferior 2: process 2, armv7e-m, .*/rt\.elf' "attach-all: inferior 2 is the M4 with rt.elf"
expect '' '^~"Inferior 1: process 1, riscv:rv64, .*/app\.elf' "attach-all: inferior 1 is app with app.elf"
expect_count '' "^($((T_CONNECT + 1))|$((T_CONNECT + 2))|$((T_CONNECT + 3)))\\^done" "$N_POST" \
    "every postRemoteConnectCommand: ^done"
expect '' '^\*stopped,reason="breakpoint-hit",.*bkptno="1",frame=\{[^}]*func="main",args=\[\{name="hart",value="0"\}\].*arch="riscv:rv64"\},thread-id="1"' \
    "app/cpu0 (thread 1) stops at main, arch riscv:rv64"
expect '' "^$((T_CONT + 1))\\^done,threads=.*\\{id=\"3\",target-id=\"Thread 2\\.1\",name=\"rt/cpu0 \\(powered off\\)\",.*arch=\"armv7e-m\"" \
    "-thread-info: the M4 is listed, powered off, armv7e-m"
expect '' "^$((T_CONT + 2))\\^done,groups=\\[\\{id=\"i1\",type=\"process\",pid=\"1\",executable=\"[^\"]*/app\\.elf\".*\\{id=\"i2\",type=\"process\",pid=\"2\",executable=\"[^\"]*/rt\\.elf\"" \
    "-list-thread-groups: app.elf and rt.elf"
expect '' "^$((T_CONT + 3))\\^done,stack=\\[frame=\\{level=\"0\",[^}]*func=\"main\"" "-stack-list-frames: main"
expect '' "^$((T_CONT + 4))\\^done,variables=\\[.*\\{name=\"hart\",arg=\"1\",type=\"unsigned int\",value=\"0\"\\}" \
    "-stack-list-variables: argument hart = 0"
expect '' "^$((T_CONT + 5))\\^done,register-names=\\[\"zero\",\"ra\",\"sp\",.*\"pc\",.*\"mstatus\"" \
    "-data-list-register-names: RISC-V registers with CSRs"
expect '' "^$((T_CONT + 6))\\^done,register-values=\\[\\{number=\"0\",value=\"0x0\"\\}" "-data-list-register-values"
expect '' "^$((T_CONT + 7))\\^done,value=\"8\"" "app registers are 8 bytes"
expect '' "^$((T_CONT + 8))\\^done,stack=\\[frame=\\{level=\"0\",[^}]*func=\"rt_reset\"[^}]*arch=\"armv7e-m\"" \
    "the M4's stack: rt_reset (held in reset)"
expect '' "^$((T_CONT + 9))\\^done,value=\"4\"" "M4 registers are 4 bytes"
expect '' "^$((T_CONT + 10))\\^done" "-target-detach: ^done"
expect '' "^$((T_CONT + 11))\\^exit" "-gdb-exit: ^exit"
expect_not '' '^[0-9]+\^error' "no command failed"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
