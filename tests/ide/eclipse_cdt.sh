#!/bin/bash
# SPDX-License-Identifier: MIT
# Replays what Eclipse CDT's GDB Hardware Debugging (DSF-GDB, CDT 11)
# makes gdb do for doc/ide/eclipse-cdt-hardware.launch on the rv-m4-amp
# board, and checks what the Debug view shows.
# Command sequence: org.eclipse.cdt.dsf.gdb.launching.FinalLaunchSequence
# (environment-cd, breakpoint pending, pretty printing, print object,
# mi-async), then jtag GDBJtagDSFFinalLaunchSequence (stepSetExecutableFile:
# -file-exec-file; stepLoadSymbols: symbol-file, from
# DefaultGDBJtagDeviceImpl.doLoadSymbol; stepConnectToTarget: -target-select
# PROTOCOL HOST:PORT; reset, halt, init commands and image load off;
# stepUserInitCommands: the init commands; stepStopScript: -break-insert -t -f STOPAT; stepResumeScript:
# -exec-continue), then the DSF services at a stop (threads, frames,
# arguments, locals, registers of thread group i1) and the terminate
# (-target-detach, -gdb-exit). Attributes are read from the .launch file.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ide/lib.sh"
ide_init
CONFIG=$IDE_DOC/eclipse-cdt-hardware.launch

# The value of attribute @1 (key without the org.eclipse.cdt. prefix).
ide_launch_attr()
{
    sed -n "s|.*key=\"org\\.eclipse\\.cdt\\.$1\" value=\"\\([^\"]*\\)\".*|\\1|p" "$CONFIG"
}

PROTOCOL=$(ide_launch_attr debug.gdbjtag.core.protocol)
STOP_AT=$(ide_launch_attr debug.gdbjtag.core.stopAt)
INIT=$(ide_launch_attr debug.gdbjtag.core.initCommands)
if [ "$(ide_launch_attr dsf.gdb.DEBUG_NAME)" = gdb-multiarch ] &&
    [ "$PROTOCOL" = extended-remote ] && [ "$STOP_AT" = main ] &&
    [ "$INIT" = "inferior 1" ] &&
    [ "$(ide_launch_attr debug.gdbjtag.core.loadImage)" = false ] &&
    [ "$(ide_launch_attr debug.gdbjtag.core.setResume)" = true ] &&
    ide_launch_attr debug.gdbjtag.core.connection | grep -q ':1234$' &&
    ide_launch_attr launch.PROGRAM_NAME | grep -q '/app\.elf$'; then
    gdbt_ok "the configuration: gdb-multiarch, $PROTOCOL, app.elf, no load, stop at $STOP_AT, resume"
else
    gdbt_not_ok "the configuration has the attributes this replay follows"
fi

gdbt_server_up
ide_replay eclipse <<EOF
-gdb-version
-environment-cd @SRCDIR@
-gdb-set breakpoint pending on
-enable-pretty-printing
-gdb-set print object on
-gdb-set mi-async on
-list-features
-file-exec-file @APP@
symbol-file @APP@
-target-select $PROTOCOL 127.0.0.1:@PORT@
$INIT
-break-insert -t -f $STOP_AT
-exec-continue
@stopped
-list-thread-groups
-thread-info
-stack-info-depth --thread 1 11
-stack-list-frames --thread 1 0 10
-stack-list-arguments --thread 1 1 0 0
-stack-list-locals --thread 1 --frame 0 1
-data-list-register-names --thread-group i1
-data-list-register-values --thread 1 --frame 0 x
-target-detach
-gdb-exit
EOF

expect '' '^10\^connected' "target-select $PROTOCOL: ^connected"
expect '' '^=thread-group-started,id="i1",pid="1"' "thread group i1 is process 1 (app)"
expect '' '^=thread-group-started,id="i2",pid="2"' "thread group i2 is process 2 (rt)"
expect '' '^12\^done,bkpt=\{number="1",type="breakpoint",disp="del",.*func="main"' "temporary breakpoint at main"
expect '' '^\*stopped,reason="breakpoint-hit",disp="del",bkptno="1",frame=\{[^}]*func="main",args=\[\{name="hart",value="0"\}\].*arch="riscv:rv64"\},thread-id="1"' \
    "app/cpu0 (thread 1) stops at main, arch riscv:rv64"
expect '' '^14\^done,groups=\[\{id="i1",type="process",pid="1",executable="[^"]*/app\.elf".*\{id="i2",type="process",pid="2",executable="[^"]*/rt\.elf"' \
    "-list-thread-groups: app.elf and rt.elf"
expect '' '^15\^done,threads=.*\{id="3",target-id="Thread 2\.1",name="rt/cpu0 \(powered off\)",.*arch="armv7e-m"' \
    "-thread-info: the M4, powered off, armv7e-m"
expect '' '^17\^done,stack=\[frame=\{level="0",[^}]*func="main"' "-stack-list-frames: main"
expect '' '^18\^done,stack-args=\[frame=\{level="0",args=\[\{name="hart",value="0"\}\]' "-stack-list-arguments: hart = 0"
expect '' '^19\^done,locals=\[' "-stack-list-locals"
expect '' '^20\^done,register-names=\["zero","ra","sp",.*"pc",.*"mstatus"' "registers of i1: RISC-V with CSRs"
expect '' '^21\^done,register-values=\[\{number="0",value="0x0"\}' "-data-list-register-values"
expect '' '^22\^done' "-target-detach: ^done"
expect '' '^23\^exit' "-gdb-exit: ^exit"
expect_not '' '^[0-9]+\^error' "no command failed"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
