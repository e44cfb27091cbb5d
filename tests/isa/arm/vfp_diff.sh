#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The differential floating-point test (vfp_diff.c): runs vfpdiff-m4.elf
# (FPv4-SP) on mps2-an386 and vfpdiff-m7.elf (FPv5-D16, double precision)
# on mps2-an500, on ./mosaic and on qemu-system-arm, and requires the
# same output: one CRC per instruction and FPSCR mode over every result
# and FPSCR value, bit for bit. On a difference it runs the -DVERBOSE
# builds of both and prints the first cases that differ (instruction,
# mode, operands, result, FPSCR). TAP output; logs beside the ELFs.

top_builddir=${top_builddir:-.}
dir=$top_builddir/tests/isa/arm
mosaic=$top_builddir/mosaic
limit=${MOSAIC_ISA_TIMEOUT:-120}

. "$(dirname "$0")/../lib.sh"

[ -n "${ARM_CC:-}" ] || skip_all "arm-none-eabi-gcc not installed"
command -v qemu-system-arm >/dev/null ||
    skip_all "qemu-system-arm not installed (Debian: qemu-system-arm): no reference"
[ -x "$mosaic" ] || skip_all "$mosaic not built"
[ -f "$dir/vfpdiff-m4.elf" ] || skip_all "vfpdiff-m4.elf not built in $dir"

# run_both CORE BOARD ELF OUT: QEMU's output to OUT.qemu, Mosaic's to
# OUT.mosaic; fails when either does not exit 0.
run_both() {
    core=$1 board=$2 elf=$3 out=$4
    timeout "$limit" qemu-system-arm -M "$board" -nographic -monitor none -serial stdio \
        -semihosting -kernel "$elf" </dev/null 2>&1 | tr -d '\r' >"$out.qemu" &&
        timeout "$limit" "$mosaic" -board "$board" -set "/$core.image=$elf" </dev/null 2>&1 |
        tr -d '\r' >"$out.mosaic"
}

echo "1..2"
n=0
for core in m4 m7; do
    n=$((n + 1))
    board=mps2-an386
    [ "$core" = m7 ] && board=mps2-an500
    elf=$dir/vfpdiff-$core.elf
    log=$dir/vfpdiff-$core.log
    run_both "$core" "$board" "$elf" "$log"
    groups=$(grep -c . "$log.qemu")
    if ! grep -qx "PASS vfp-diff" "$log.qemu" || ! grep -qx "PASS vfp-diff" "$log.mosaic"; then
        echo "not ok $n - $core on $board: a run did not finish (see $log.qemu, $log.mosaic)"
    elif cmp -s "$log.qemu" "$log.mosaic"; then
        echo "ok $n - $core on $board: $((groups - 3)) instruction and mode groups identical to QEMU"
    else
        echo "not ok $n - $core on $board: results differ from QEMU:"
        diff "$log.qemu" "$log.mosaic" | sed -n '1,10s/^/# /p'
        velf=$dir/vfpdiff-$core-v.elf
        if [ -f "$velf" ] && run_both "$core" "$board" "$velf" "$log-v"; then
            echo "# first differing cases (name mode a b c result fpscr; < QEMU, > Mosaic):"
            diff "$log-v.qemu" "$log-v.mosaic" | grep '^[<>]' | sed -n '1,20s/^/# /p'
        fi
    fi
done
