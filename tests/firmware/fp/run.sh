#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Floating point on the gc boards (TAP). fpdiff-rv64.elf and fpdiff-rv32.elf
# run on ./mosaic (riscv-virt, riscv-virt32) and must finish; when
# qemu-system-riscv64/32 are installed they also run on QEMU virt, the IEEE
# reference, and the two outputs (a hash of every result and fflags per
# instruction and rounding mode) must be identical, line for line. Then
# hello-rv64.elf, picolibc's hello world with the toolchain's default
# flags, must print its floats and exit 0 on riscv-virt (and print the same
# on QEMU). Logs and outputs: $top_builddir/tests/firmware/fp/*.log, *.out.

top_builddir=${top_builddir:-.}
dir=$top_builddir/tests/firmware/fp
mosaic=$top_builddir/mosaic
limit=${MOSAIC_FW_TIMEOUT:-60}
hello_text="hello, floats: 4.875000 2.16667 3.350 1.414214e+00"

[ -n "${RISCV_CC:-}" ] || { echo "1..0 # SKIP riscv64-unknown-elf-gcc not installed"; exit 0; }
[ -x "$mosaic" ] || { echo "1..0 # SKIP $mosaic not built"; exit 0; }

n=0
echo "1..6"

# run_checked ENGINE XLEN ELF OUT: run ELF on mosaic (riscv-virt, riscv-virt32)
# or QEMU virt; stdout to OUT (CR dropped), the command and stderr to
# OUT's .log, the exit status to $status.
run_checked() {
    engine=$1 xlen=$2 elf=$3 out=$4
    if [ "$engine" = qemu ]; then
        # the UART and semihosting output both on stdout
        set -- qemu-system-riscv"$xlen" -M virt -bios none -display none -monitor none \
            -chardev stdio,mux=on,id=con -serial chardev:con \
            -semihosting-config enable=on,target=native,chardev=con -kernel "$elf"
    else
        board=riscv-virt
        [ "$xlen" = 32 ] && board=riscv-virt32
        set -- "$mosaic" -board "$board" -set /app.image="$elf"
    fi
    echo "\$ $*" >"${out%.out}.log"
    timeout "$limit" "$@" </dev/null >"$out.raw" 2>>"${out%.out}.log"
    status=$?
    tr -d '\r' <"$out.raw" >"$out"
    rm -f "$out.raw"
}

have_qemu() {
    command -v qemu-system-riscv"$1" >/dev/null
}

fpdiff() {
    xlen=$1
    elf=$dir/fpdiff-rv$xlen.elf
    n=$((n + 1))
    if [ ! -f "$elf" ]; then
        echo "ok $n - fpdiff rv$xlen on mosaic # SKIP $elf not built"
        n=$((n + 1))
        echo "ok $n - fpdiff rv$xlen: mosaic = qemu # SKIP $elf not built"
        return
    fi
    run_checked mosaic "$xlen" "$elf" "$dir/fpdiff-rv$xlen-mosaic.out"
    if [ $status -ne 0 ] || ! grep -q '^fpdiff done' "$dir/fpdiff-rv$xlen-mosaic.out"; then
        echo "not ok $n - fpdiff rv$xlen on mosaic (exit $status, see $dir/fpdiff-rv$xlen-mosaic.log)"
    else
        echo "ok $n - fpdiff rv$xlen on mosaic"
    fi
    n=$((n + 1))
    if ! have_qemu "$xlen"; then
        echo "ok $n - fpdiff rv$xlen: mosaic = qemu # SKIP qemu-system-riscv$xlen not installed"
        return
    fi
    run_checked qemu "$xlen" "$elf" "$dir/fpdiff-rv$xlen-qemu.out"
    if [ $status -ne 0 ]; then
        echo "not ok $n - fpdiff rv$xlen: mosaic = qemu (qemu exit $status)"
    elif ! cmp -s "$dir/fpdiff-rv$xlen-qemu.out" "$dir/fpdiff-rv$xlen-mosaic.out"; then
        echo "not ok $n - fpdiff rv$xlen: mosaic = qemu (first differences below;" \
            "rebuild with -DFPDIFF_VERBOSE to see each operation)"
        diff "$dir/fpdiff-rv$xlen-qemu.out" "$dir/fpdiff-rv$xlen-mosaic.out" | head -n 20 |
            sed 's/^/# /'
    else
        echo "ok $n - fpdiff rv$xlen: mosaic = qemu ($(grep -c . "$dir/fpdiff-rv$xlen-qemu.out") lines)"
    fi
}

hello() {
    engine=$1
    elf=$dir/hello-rv64.elf
    n=$((n + 1))
    if [ ! -f "$elf" ]; then
        echo "ok $n - picolibc hello on $engine # SKIP $elf not built (no picolibc)"
        return
    fi
    if [ "$engine" = qemu ] && ! have_qemu 64; then
        echo "ok $n - picolibc hello on qemu # SKIP qemu-system-riscv64 not installed"
        return
    fi
    run_checked "$engine" 64 "$elf" "$dir/hello-$engine.out"
    if [ $status -ne 0 ]; then
        echo "not ok $n - picolibc hello on $engine (exit $status, see $dir/hello-$engine.log)"
    elif [ "$(cat "$dir/hello-$engine.out")" != "$hello_text" ]; then
        echo "not ok $n - picolibc hello on $engine (printed \"$(head -c 200 "$dir/hello-$engine.out")\")"
    else
        echo "ok $n - picolibc hello on $engine"
    fi
}

fpdiff 64
fpdiff 32
hello mosaic
hello qemu
