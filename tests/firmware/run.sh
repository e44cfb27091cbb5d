#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Runs the demo firmware on ./mosaic and checks its exact UART text and exit
# code (2 harts: success; 1 hart: the "only 1 of 2" failure), then the image
# errors of the command line: an ARM ELF for a RISC-V cluster ("needs
# RISC-V"), an rv32 ELF for an rv64 cluster ("needs ELF64") and a truncated
# ELF ("truncated") must each fail with that message. Then uart-irq, which
# takes UART receive interrupts through the PLIC: lines fed on stdin come
# back on the UART (rv64 and rv32), without input it sleeps until Mosaic
# sees nothing can wake it, and when qemu-system-riscv64 is installed the
# same ELF must print the same on QEMU virt. TAP output; logs in
# $top_builddir/tests/firmware/*.log. With MOSAIC_FW_QEMU=1 the firmware
# cases run on qemu-system-riscv32/64 instead (to check the firmware
# itself) and the command-line and no-input cases are skipped.

top_builddir=${top_builddir:-.}
dir=$top_builddir/tests/firmware
mosaic=$top_builddir/mosaic
limit=${MOSAIC_FW_TIMEOUT:-30}
use_qemu=${MOSAIC_FW_QEMU:-0}

skip_all() {
    echo "1..0 # SKIP $1"
    exit 0
}

[ -n "${RISCV_CC:-}" ] || skip_all "riscv64-unknown-elf-gcc not installed"
if [ "$use_qemu" = 1 ]; then
    command -v qemu-system-riscv64 >/dev/null && command -v qemu-system-riscv32 >/dev/null ||
        skip_all "qemu-system-riscv32/64 not installed (Debian: qemu-system-misc)"
else
    [ -x "$mosaic" ] || skip_all "$mosaic not built"
fi
[ -f "$dir/demo-rv64.elf" ] && [ -f "$dir/demo-rv32.elf" ] ||
    skip_all "demo firmware not built in $dir"

engine_default=mosaic
[ "$use_qemu" = 1 ] && engine_default=qemu
n=0
echo "1..10"

ok() {
    echo "ok $n - $1"
}

not_ok() {
    echo "not ok $n - $1 ($2, see $log)"
}

# run_fw ENGINE NAME FIRMWARE XLEN CPUS EXPECTED_EXIT EXPECTED_TEXT INPUT:
# runs FIRMWARE-rvXLEN.elf on ENGINE (mosaic: riscv-virt or riscv-virt32;
# qemu: qemu-system-riscvXLEN -M virt) with INPUT (printf %b escapes) on
# its UART and checks the exit code and the UART text.
run_fw() {
    n=$((n + 1))
    engine=$1 name=$2 xlen=$4 cpus=$5 want_status=$6 want_text=$7 input=$8
    log=$dir/$name.log
    elf=$dir/$3-rv$xlen.elf
    if [ ! -f "$elf" ]; then
        echo "ok $n - $name # SKIP $elf not built"
        return
    fi
    if [ "$engine" = qemu ]; then
        set -- qemu-system-riscv"$xlen" -M virt -bios none -nographic -monitor none \
            -serial stdio -smp "$cpus" -kernel "$elf"
    else
        board=riscv-virt
        [ "$xlen" = 32 ] && board=riscv-virt32
        set -- "$mosaic" -board $board -set /app.cpus="$cpus" -set /app.image="$elf"
    fi
    echo "\$ $*" >"$log"
    printf '%b' "$input" | timeout "$limit" "$@" >"$log.out" 2>>"$log"
    status=$?
    tr -d '\r' <"$log.out" >"$log.text"
    cat "$log.text" >>"$log"
    if [ $status -ne "$want_status" ]; then
        not_ok "$name" "exit $status, expected $want_status"
    elif [ "$(cat "$log.text")" != "$want_text" ]; then
        not_ok "$name" "UART text differs"
    else
        ok "$name"
    fi
    rm -f "$log.out" "$log.text"
}

# run_demo NAME XLEN CPUS EXPECTED_EXIT EXPECTED_TEXT: the demo without input.
run_demo() {
    run_fw "$engine_default" "$1" demo "$2" "$3" "$4" "$5" ""
}

# run_bad_image NAME IMAGE BOARD MESSAGE: mosaic must refuse IMAGE on
# BOARD with a non-zero exit and MESSAGE in its output.
run_bad_image() {
    n=$((n + 1))
    log=$dir/$1.log
    if [ "$use_qemu" = 1 ]; then
        echo "ok $n - $1 # SKIP checks mosaic's command line"
        return
    fi
    if [ ! -f "$2" ]; then
        echo "ok $n - $1 # SKIP $2 not built (no arm-none-eabi-gcc)"
        return
    fi
    timeout "$limit" "$mosaic" -board "$3" -set /app.image="$2" </dev/null >"$log.out" 2>&1
    status=$?
    if [ $status -eq 0 ] || [ $status -eq 124 ]; then
        not_ok "$1" "exit $status, expected an error"
    elif ! grep -qF "$4" "$log.out"; then
        not_ok "$1" "no \"$4\" in the output"
    else
        ok "$1"
    fi
    { echo "\$ $mosaic -board $3 -set /app.image=$2"; cat "$log.out"; } >"$log"
    rm -f "$log.out"
}

hello_text="hello from hart 0
hello from hart 1
checksum ok 0x414fa339"

run_demo demo-rv64 64 2 0 "$hello_text"
run_demo demo-rv32 32 2 0 "$hello_text"
run_demo demo-rv64-one-hart 64 1 2 "hello from hart 0
only 1 of 2 harts said hello"

run_bad_image arm-elf-on-riscv "$dir/arm-stub.elf" riscv-virt "needs RISC-V"
run_bad_image elf32-on-rv64 "$dir/demo-rv32.elf" riscv-virt "needs ELF64"
# Cut inside the code: the first PT_LOAD's bytes start at file offset 4096
# (page-aligned by the linker) and are longer than 256 bytes. The copy's
# name must not contain the word the error is expected to contain.
cut=$dir/demo-cut.elf
head -c 4352 "$dir/demo-rv64.elf" >"$cut"
run_bad_image truncated-elf "$cut" riscv-virt "truncated"
rm -f "$cut"

uart_irq_input='hello\nplic\nquit\n'
uart_irq_text='uart-irq: waiting for input
uart-irq: got "hello"
uart-irq: got "plic"
uart-irq: bye'
run_fw "$engine_default" uart-irq-rv64 uart-irq 64 1 0 "$uart_irq_text" "$uart_irq_input"
run_fw "$engine_default" uart-irq-rv32 uart-irq 32 1 0 "$uart_irq_text" "$uart_irq_input"
if [ "$use_qemu" = 1 ]; then
    n=$((n + 1))
    echo "ok $n - uart-irq-no-input # SKIP QEMU waits for input forever"
else
    run_fw mosaic uart-irq-no-input uart-irq 64 1 1 "uart-irq: waiting for input" ""
fi
if command -v qemu-system-riscv64 >/dev/null; then
    run_fw qemu uart-irq-rv64-on-qemu uart-irq 64 1 0 "$uart_irq_text" "$uart_irq_input"
else
    n=$((n + 1))
    echo "ok $n - uart-irq-rv64-on-qemu # SKIP qemu-system-riscv64 not installed"
fi
