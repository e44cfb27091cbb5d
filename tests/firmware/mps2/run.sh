#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Runs the MPS2 firmware on ./mosaic (or, with MOSAIC_FW_QEMU=1, on
# qemu-system-arm -M BOARD -semihosting, to check the firmware itself):
# hello and rtos on mps2-an385, rtos-fp on mps2-an386, and checks the
# exact console text (UART and semihosting output together) and the exit
# code. TAP output; logs in
# $top_builddir/tests/firmware/mps2/*.log.

top_builddir=${top_builddir:-.}
dir=$top_builddir/tests/firmware/mps2
mosaic=$top_builddir/mosaic
limit=${MOSAIC_FW_TIMEOUT:-30}
use_qemu=${MOSAIC_FW_QEMU:-0}
log_suffix=
[ "$use_qemu" = 1 ] && log_suffix=-qemu

skip_all() {
    echo "1..0 # SKIP $1"
    exit 0
}

[ -n "${ARM_CC:-}" ] || skip_all "arm-none-eabi-gcc not installed"
if [ "$use_qemu" = 1 ]; then
    command -v qemu-system-arm >/dev/null ||
        skip_all "qemu-system-arm not installed (Debian: qemu-system-arm)"
else
    [ -x "$mosaic" ] || skip_all "$mosaic not built"
    "$mosaic" -board mps2-an385 -info qom-tree >/dev/null 2>&1 ||
        skip_all "$mosaic cannot build mps2-an385 (no ARM target linked in)"
fi
[ -f "$dir/hello.elf" ] && [ -f "$dir/rtos.elf" ] && [ -f "$dir/rtos-fp.elf" ] ||
    skip_all "firmware not built in $dir"

echo "1..3"
n=0
# The board (the same name on Mosaic and QEMU) and its cluster.
board=mps2-an385
core=m3

# run_fw NAME EXPECTED_EXIT EXPECTED_TEXT
run_fw() {
    n=$((n + 1))
    log=$dir/$1$log_suffix.log
    elf=$dir/$1.elf
    if [ "$use_qemu" = 1 ]; then
        # -icount: QEMU's clocks follow executed instructions, so the
        # SysTick-driven task order does not depend on host load.
        set -- "$@" qemu-system-arm -M $board -nographic -monitor none -serial stdio \
            -semihosting -icount shift=0 -kernel "$elf"
    else
        set -- "$@" "$mosaic" -board $board -set /$core.image="$elf"
    fi
    name=$1 want_status=$2 want_text=$3
    shift 3
    echo "\$ $*" >"$log"
    timeout "$limit" "$@" </dev/null >"$log.out" 2>&1
    status=$?
    tr -d '\r' <"$log.out" >"$log.text"
    cat "$log.text" >>"$log"
    if [ $status -ne "$want_status" ]; then
        echo "not ok $n - $name (exit $status, expected $want_status, see $log)"
    elif [ "$(cat "$log.text")" != "$want_text" ]; then
        echo "not ok $n - $name (console text differs, see $log)"
    else
        echo "ok $n - $name"
    fi
    rm -f "$log.out" "$log.text"
}

run_fw hello 0 "hello from mps2-an385
hello through semihosting
checksum 0x16a26589"

run_fw rtos 0 "rtos: 4 tasks, 1 ms SysTick
ping 0
pong 0
ping 1
pong 1
ping 2
pong 2
ping and pong done
timer0 interrupt 1
timer0 interrupt 2
timer0 interrupt 3
spin task was preempted
rtos ok"

# Two FP tasks, an integer one, lazy stacking, on the Cortex-M4F.
board=mps2-an386
core=m4
run_fw rtos-fp 0 "rtos-fp: 3 tasks, 2 with FP, lazy stacking
task a (RZ): 40 rounds, FP registers kept, sum 0x4102d86a
task b (RP, FZ, DN): 40 rounds, FP registers kept, sum 0x4102dceb
switched away from FP contexts
SysTick did lazy FP saves
rtos-fp ok"
