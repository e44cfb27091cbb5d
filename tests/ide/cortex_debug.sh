#!/bin/bash
# SPDX-License-Identifier: MIT
# Replays what Cortex-Debug (marus25.cortex-debug 1.12) makes gdb do for
# doc/ide/vscode-cortex-debug.launch.json (servertype external) on the
# rv-m4-amp board, and checks what the extension shows.
# Command sequence: src/gdb.ts (startGdb: init commands and symbolFiles
# before connecting; getServerConnectCommands; processLaunchAttachRequest:
# launch commands; runPostStartSessionCommands/sendContinue:
# exec-continue --all), src/external.ts (initCommands: target-select
# extended-remote; launchCommands: monitor reset halt), src/common.ts
# (genDownloadCommands: none for "loadFiles": []), src/backend/mi2/mi2.ts
# (start: target-async, gdb-version; getStack, getStackVariables; stop:
# target-disconnect, gdb-exit). The two `source` commands of the
# extension's own support files are left out.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ide/lib.sh"
ide_init
CONFIG=$IDE_DOC/vscode-cortex-debug.launch.json

# The replay follows the configuration's fields.
if [ "$(ide_json_field "$CONFIG" servertype)" = external ] &&
    [ "$(ide_json_field "$CONFIG" gdbPath)" = gdb-multiarch ] &&
    [ -z "$(ide_json_field "$CONFIG" loadFiles)" ] &&
    [ "$(ide_json_field "$CONFIG" breakAfterReset)" = false ] &&
    ide_json_field "$CONFIG" symbolFiles | grep -q '/rt\.elf$' &&
    ide_json_field "$CONFIG" gdbTarget | grep -q ':1234$'; then
    gdbt_ok "the configuration: external server, gdb-multiarch, rt.elf symbols, no download, run after reset"
else
    gdbt_not_ok "the configuration has the fields this replay follows"
fi

gdbt_server_up
RT_LINE=$(grep -n 'for (int shift = 28' "$top_srcdir/tests/firmware/amp/rt.c" | cut -d: -f1)

ide_replay cortex-debug <<EOF
-gdb-set target-async on
-gdb-version
-interpreter-exec console "set print demangle on"
-interpreter-exec console "set print asm-demangle on"
-enable-pretty-printing
-interpreter-exec console "add-symbol-file \\"@RT@\\""
-target-select extended-remote 127.0.0.1:@PORT@
-interpreter-exec console "monitor reset halt"
# VS Code sends the source breakpoints, then configurationDone
-break-insert "@SRCDIR@/tests/firmware/amp/rt.c:$RT_LINE"
-exec-continue --all
@stopped
-thread-info
-stack-info-depth --thread 3 10000
-stack-list-frames --thread 3 0 10
-stack-list-variables --thread 3 --frame 0 --simple-values
-data-list-register-names
-data-list-register-values --thread 3 --frame 0 x
-data-evaluate-expression --thread 3 --frame 0 sizeof(\$pc)
-target-disconnect
-gdb-exit
EOF

expect '' '^7\^connected' "target-select extended-remote: ^connected"
expect '' '^=thread-group-started,id="i1",pid="1"' "thread group i1 is process 1 (app)"
expect '' '^=thread-group-started,id="i2",pid="2"' "thread group i2 is process 2 (rt)"
expect '' '^8\^done' "monitor reset halt: ^done"
expect '' '^9\^done,bkpt=\{number="1",.*func="rt_put_hex"' "the source breakpoint resolves in rt_put_hex"
expect '' '^\*stopped,reason="breakpoint-hit",.*bkptno="1".*func="rt_put_hex",args=\[\{name="v",value="0"\}\].*arch="armv7e-m"\},thread-id="3"' \
    "the M4 (thread 3) stops at the breakpoint, arch armv7e-m, v=0"
expect '' '^11\^done,threads=\[\{id="1",target-id="Thread 1\.1",name="app/cpu0",.*arch="riscv:rv64"' \
    "-thread-info: app/cpu0 with arch riscv:rv64"
expect '' '^11\^done,threads=.*\{id="3",target-id="Thread 2\.1",name="rt/cpu0",.*func="rt_put_hex"' \
    "-thread-info: rt/cpu0 at rt_put_hex"
expect '' '^13\^done,stack=\[frame=\{level="0",[^}]*func="rt_put_hex"[^}]*\},frame=\{level="1",[^}]*func="rt_main"[^}]*\},frame=\{level="2",[^}]*func="rt_reset"' \
    "-stack-list-frames: rt_put_hex, rt_main (inlined), rt_reset"
expect '' '^14\^done,variables=\[.*\{name="v",arg="1",type="uint32_t",value="0"\}' \
    "-stack-list-variables: argument v = 0"
expect '' '^15\^done,register-names=\["r0",.*"pc",.*"xpsr",.*"d0",.*"d15",.*"fpscr","msp","psp","primask","basepri","faultmask","control","s0",.*"s31"\]' \
    "-data-list-register-names: the M-profile registers and the M4's FPU (d0-d15, fpscr; s0-s31)"
STOP_PC=$(sed -n 's/^\*stopped,reason="breakpoint-hit",.*frame={addr="\(0x[0-9a-f]*\)".*/\1/p' \
    "$GDBT_DIR/cortex-debug.out" | head -n 1)
[ -n "$STOP_PC" ] && STOP_PC=$(printf '0x%x' "$STOP_PC")
expect '' "^16\\^done,register-values=\\[\\{number=\"0\",.*\\{number=\"15\",value=\"${STOP_PC:-none}\"\\}" \
    "-data-list-register-values: pc (r15) is the breakpoint address ${STOP_PC:-}"
expect '' '^17\^done,value="4"' "registers of thread 3 are 4 bytes"
expect '' '^18\^done' "target-disconnect: ^done"
expect '' '^19\^exit' "gdb-exit: ^exit"
expect_not '' '^[0-9]+\^error' "no command failed"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
