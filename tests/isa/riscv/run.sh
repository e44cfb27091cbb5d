#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Runs every RISC-V ISA test ELF built in $top_builddir/tests/isa/riscv on
# ./mosaic (or, with MOSAIC_ISA_QEMU=1, on qemu-system-riscv32/64 to check
# the tests themselves) and reports TAP: one line per ELF. The name says how
# to run it: rv64-NAME.elf on riscv-virt, rv32-NAME.elf on riscv-virt32,
# rvXX-NAME-spike.elf on riscv-spike/riscv-spike32 (rvXX-bitmanip.elf with
# the rvXXgcb model). A test passes when it
# exits 0 within the time limit (MOSAIC_ISA_TIMEOUT, default 20 s) and
# printed its PASS line; its output goes to NAME.log beside the ELF.

top_builddir=${top_builddir:-.}
dir=$top_builddir/tests/isa/riscv
mosaic=$top_builddir/mosaic
limit=${MOSAIC_ISA_TIMEOUT:-20}
use_qemu=${MOSAIC_ISA_QEMU:-0}

# Tests of Mosaic's choices where QEMU 7.2 behaves differently.
mosaic_only=" strict "

. "$(dirname "$0")/../lib.sh"

[ -n "${RISCV_CC:-}" ] || skip_all "riscv64-unknown-elf-gcc not installed"
if [ "$use_qemu" = 1 ]; then
    command -v qemu-system-riscv64 >/dev/null && command -v qemu-system-riscv32 >/dev/null ||
        skip_all "qemu-system-riscv32/64 not installed (Debian: qemu-system-misc)"
else
    [ -x "$mosaic" ] || skip_all "$mosaic not built"
fi
set -- "$dir"/rv*.elf
[ -e "$1" ] || skip_all "no ISA test ELFs in $dir (configure found no RISC-V gcc)"

# Command line for one test on mosaic or qemu: $1 = xlen, $2 = machine
# (virt or spike), $3 = test name, $4 = elf.
command_for() {
    if [ "$use_qemu" = 1 ]; then
        extra=
        case $3 in
        smp) extra="-smp 2" ;;
        semihost) extra="-semihosting-config enable=on,target=native" ;;
        esac
        echo "qemu-system-riscv$1 -M $2 -bios none -nographic -monitor none" \
            "-serial stdio $extra -kernel $4"
    else
        board=riscv-$2
        [ "$1" = 32 ] && board=riscv-${2}32
        extra=
        case $3 in
        smp) extra="-set /app.cpus=2" ;;
        bitmanip) extra="-set /app.model=rv${1}gcb" ;; # the boards' gc has no B
        esac
        echo "$mosaic -board $board -set /app.image=$4 $extra"
    fi
}

# The lines a passing test prints, one per line.
pass_lines_for() {
    case $1 in
    semihost) printf '%s\n' "SEMIHOSTING write0" "SEMIHOSTING write" ;;
    *) echo "PASS $1" ;;
    esac
}

echo "1..$#"
n=0
for elf; do
    n=$((n + 1))
    name=$(basename "$elf" .elf)
    xlen=${name#rv}
    xlen=${xlen%%-*}
    test=${name#rv"$xlen"-}
    machine=virt
    case $test in
    *-spike)
        test=${test%-spike}
        machine=spike
        ;;
    esac
    log=$dir/$name.log
    if [ "$use_qemu" = 1 ] && [ "${mosaic_only#* "$test" }" != "$mosaic_only" ]; then
        echo "ok $n - $name # SKIP checks Mosaic's choices, which QEMU 7.2 does not share"
        continue
    fi
    run_test "$n" "$name" "$test" "$log" 0 "$(command_for "$xlen" "$machine" "$test" "$elf")"
done
