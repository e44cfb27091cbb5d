#!/bin/sh
# SPDX-License-Identifier: MIT
#
# `make bench`: runs bench/bench-rv64.elf on ./mosaic (riscv-virt, -stats)
# BENCH_RUNS times (default 3) and reports the median guest MIPS and wall
# time, then the same firmware under qemu-system-riscv64 -M virt (when
# installed) and the wall-time ratio; the same for the floating-point
# kernels of bench/fpbench-rv64gc.elf. QEMU's MIPS figure divides Mosaic's
# instruction count by QEMU's time: the workload is deterministic, so both
# execute the same instructions. Then the same for bench/bench-m3.elf, the
# Cortex-M3 build, on mps2-an385 and qemu-system-arm -M mps2-an385
# -semihosting (when it was built). Fails when a run fails or when QEMU
# prints different results from Mosaic.
# Usage: run-bench.sh TOP_BUILDDIR

top_builddir=${1:-.}
elf=$top_builddir/bench/bench-rv64.elf
mosaic=$top_builddir/mosaic
runs=${BENCH_RUNS:-3}
out=$top_builddir/bench/bench.out
err=$top_builddir/bench/bench.err

die() {
    echo "run-bench: $*" >&2
    exit 1
}

m3_elf=$top_builddir/bench/bench-m3.elf
[ -f "$elf" ] || die "$elf not built (needs riscv64-unknown-elf-gcc)"
[ -x "$mosaic" ] || die "$mosaic not built"

now() {
    date +%s.%N
}

# The middle value of the numbers on stdin (the lower middle for even runs).
median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# run_once LABEL COMMAND...: runs the firmware once; prints its wall time.
run_once() {
    label=$1
    shift
    start=$(now)
    timeout 600 "$@" </dev/null >"$out" 2>"$err"
    status=$?
    end=$(now)
    if [ $status -ne 0 ] || ! tr -d '\r' <"$out" | grep -qx "bench ok"; then
        cat "$out" "$err" >&2
        die "$label run failed (exit $status)"
    fi
    echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }'
}

# bench_on NAME ELF BOARD IMAGE_PROP QEMU_LABEL -- QEMU_COMMAND...: BENCH_RUNS
# runs of ELF on mosaic -board BOARD and under QEMU_COMMAND (when its
# program is installed); prints the table.
bench_on() {
    name=$1 b_elf=$2 board=$3 prop=$4 q_label=$5
    shift 6
    mosaic_times=
    mosaic_mips=
    insns=
    i=0
    while [ $i -lt "$runs" ]; do
        t=$(run_once mosaic "$mosaic" -board "$board" -set "$prop=$b_elf" -stats) || exit 1
        stats=$(grep '^mosaic: executed ' "$err")
        [ -n "$stats" ] || die "no '-stats' line from mosaic in $err"
        insns=$(echo "$stats" | awk '{ print $3 }')
        mips=$(echo "$stats" | sed 's/.*(\([0-9.]*\) MIPS).*/\1/')
        mosaic_times="$mosaic_times $t"
        mosaic_mips="$mosaic_mips $mips"
        tr -d '\r' <"$out" >"$out.mosaic"
        i=$((i + 1))
    done
    m_time=$(echo $mosaic_times | tr ' ' '\n' | median)
    m_mips=$(echo $mosaic_mips | tr ' ' '\n' | median)

    q_time=
    if command -v "$1" >/dev/null; then
        qemu_times=
        i=0
        while [ $i -lt "$runs" ]; do
            t=$(run_once qemu "$@" -kernel "$b_elf") || exit 1
            # The results the firmware prints must be the same on both.
            tr -d '\r' <"$out" | diff -u "$out.mosaic" - >&2 ||
                die "$name prints different results on mosaic and $q_label"
            qemu_times="$qemu_times $t"
            i=$((i + 1))
        done
        q_time=$(echo $qemu_times | tr ' ' '\n' | median)
    fi
    rm -f "$out" "$err" "$out.mosaic"

    echo "$name: $insns guest instructions, median of $runs runs"
    printf '%-32s %12s %12s\n' emulator "wall (s)" "guest MIPS"
    printf '%-32s %12s %12s\n' "mosaic ($board)" "$m_time" "$m_mips"
    if [ -n "$q_time" ]; then
        q_mips=$(echo "$insns $q_time" | awk '{ printf "%.2f", $1 / $2 / 1e6 }')
        printf '%-32s %12s %12s\n' "$q_label" "$q_time" "$q_mips"
        echo "$m_time $q_time" | awk '{ printf "mosaic/qemu wall-time ratio: %.2f\n", $1 / $2 }'
        echo "results printed: identical on both"
    else
        echo "$1 not installed: no comparison"
    fi
}

bench_on bench-rv64.elf "$elf" riscv-virt /app.image "qemu-system-riscv64 -M virt" -- \
    qemu-system-riscv64 -M virt -bios none -nographic -monitor none -serial stdio
echo
fp_elf=$top_builddir/bench/fpbench-rv64gc.elf
[ -f "$fp_elf" ] || die "$fp_elf not built"
bench_on fpbench-rv64gc.elf "$fp_elf" riscv-virt /app.image "qemu-system-riscv64 -M virt" -- \
    qemu-system-riscv64 -M virt -bios none -nographic -monitor none -serial stdio
echo
if [ ! -f "$m3_elf" ]; then
    echo "bench-m3.elf not built (needs arm-none-eabi-gcc): no Cortex-M3 figures"
elif ! "$mosaic" -board mps2-an385 -info qom-tree >/dev/null 2>&1; then
    echo "$mosaic cannot build mps2-an385 (no ARM target linked in): no Cortex-M3 figures"
else
    bench_on bench-m3.elf "$m3_elf" mps2-an385 /m3.image "qemu-system-arm -M mps2-an385" -- \
        qemu-system-arm -M mps2-an385 -nographic -monitor none -serial stdio -semihosting
    m4f_elf=$top_builddir/bench/fpbench-m4f.elf
    [ -f "$m4f_elf" ] || die "$m4f_elf not built"
    echo
    bench_on fpbench-m4f.elf "$m4f_elf" mps2-an386 /m4.image "qemu-system-arm -M mps2-an386" -- \
        qemu-system-arm -M mps2-an386 -nographic -monitor none -serial stdio -semihosting
fi
