#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Runs every Thumb-2 ISA test ELF built in $top_builddir/tests/isa/arm on
# ./mosaic (or, with MOSAIC_ISA_QEMU=1, on qemu-system-arm to check the
# tests themselves) and reports TAP: one line per ELF. The name says how
# to run it: m3-NAME.elf on mps2-an385, m4-NAME.elf on mps2-an386 (the
# same map with a Cortex-M4F), m7-NAME.elf on mps2-an500 (a Cortex-M7
# with FPv5-D16), on Mosaic and QEMU alike; m0-NAME.elf and m0p-NAME.elf
# on mps2-an385 with the Cortex-M0 and M0+ (ARMv6-M; Mosaic only, QEMU
# has no such MPS2 machine). A test passes when it exits with its expected
# status (0; the exit code for m3-exitN) within the time limit
# (MOSAIC_ISA_TIMEOUT, default 20 s) and printed its PASS line; a failing
# test exits with the number of its failing case. Output goes to NAME.log
# beside the ELF.

top_builddir=${top_builddir:-.}
dir=$top_builddir/tests/isa/arm
mosaic=$top_builddir/mosaic
limit=${MOSAIC_ISA_TIMEOUT:-20}
use_qemu=${MOSAIC_ISA_QEMU:-0}

# Tests of architectural details where QEMU 7.2 differs.
mosaic_only=" strict "

. "$(dirname "$0")/../lib.sh"

[ -n "${ARM_CC:-}" ] || skip_all "arm-none-eabi-gcc not installed"
if [ "$use_qemu" = 1 ]; then
    command -v qemu-system-arm >/dev/null ||
        skip_all "qemu-system-arm not installed (Debian: qemu-system-arm)"
else
    [ -x "$mosaic" ] || skip_all "$mosaic not built"
    "$mosaic" -board mps2-an385 -info qom-tree >/dev/null 2>&1 ||
        skip_all "$mosaic cannot build mps2-an385 (no ARM target linked in)"
fi
set -- "$dir"/m3-*.elf "$dir"/m4-*.elf
[ -e "$dir/m7-vfp.elf" ] && set -- "$@" "$dir"/m7-*.elf
[ -e "$dir/m0-v6m.elf" ] && set -- "$@" "$dir"/m0-*.elf "$dir"/m0p-*.elf
[ -e "$1" ] || skip_all "no ISA test ELFs in $dir (configure found no arm-none-eabi-gcc)"

# Command line for one test: $1 = core (m3, m4 or m7), $2 = elf.
command_for() {
    case $1 in
    m4) machine=mps2-an386 ;;
    m7) machine=mps2-an500 ;;
    *) machine=mps2-an385 ;;
    esac
    if [ "$use_qemu" = 1 ]; then
        echo "qemu-system-arm -M $machine -nographic -monitor none -serial stdio" \
            "-semihosting -kernel $2"
    elif [ "$1" = m0 ] || [ "$1" = m0p ]; then
        model=cortex-m0
        [ "$1" = m0p ] && model=cortex-m0plus
        echo "$mosaic -board $machine -set /m3.model=$model -set /m3.image=$2"
    else
        echo "$mosaic -board $machine -set /$1.image=$2"
    fi
}

# The exit status test $1 must end with.
status_for() {
    case $1 in
    exit42) echo 42 ;;
    exit1) echo 1 ;;
    *) echo 0 ;;
    esac
}

# The lines a passing test prints, one per line.
pass_lines_for() {
    case $1 in
    exit*) ;;
    semihost) printf '%s\n' "SEMIHOSTING write0" "SEMIHOSTING write" "PASS semihost" ;;
    *) echo "PASS $1" ;;
    esac
}

echo "1..$#"
n=0
for elf; do
    n=$((n + 1))
    name=$(basename "$elf" .elf)
    core=${name%%-*}
    test=${name#*-}
    log=$dir/$name.log
    if [ "$use_qemu" = 1 ] && { [ "$core" = m0 ] || [ "$core" = m0p ]; }; then
        echo "ok $n - $name # SKIP QEMU has no ARMv6-M MPS2 machine"
        continue
    fi
    if [ "$use_qemu" = 1 ] && [ "${mosaic_only#* "$test" }" != "$mosaic_only" ]; then
        echo "ok $n - $name # SKIP checks details where QEMU 7.2 differs from the architecture"
        continue
    fi
    run_test "$n" "$name" "$test" "$log" "$(status_for "$test")" "$(command_for "$core" "$elf")"
done
