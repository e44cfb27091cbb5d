#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Runs the rv-m4-amp demo pair on ./mosaic and checks what each side
# printed and the exit code: once with each UART written to its own file
# (the exact text of each side), once with both on stdout as the README
# runs it (the exact interleaving, which is the same on every run), and a
# third time to see that the run repeats byte for byte. TAP output; logs
# in $top_builddir/tests/firmware/amp/.

top_builddir=${top_builddir:-.}
dir=$top_builddir/tests/firmware/amp
mosaic=$top_builddir/mosaic
limit=${MOSAIC_FW_TIMEOUT:-30}

skip_all() {
    echo "1..0 # SKIP $1"
    exit 0
}

[ -n "${RISCV_CC:-}" ] || skip_all "riscv64-unknown-elf-gcc not installed"
[ -n "${ARM_CC:-}" ] || skip_all "arm-none-eabi-gcc not installed"
[ -x "$mosaic" ] || skip_all "$mosaic not built"
"$mosaic" -board rv-m4-amp -info qom-tree >/dev/null 2>&1 ||
    skip_all "$mosaic cannot build rv-m4-amp (no ARM target linked in)"
[ -f "$dir/app.elf" ] && [ -f "$dir/rt.elf" ] || skip_all "demo firmware not built in $dir"

app_text="app: releasing the Cortex-M4 (vector table at 0x00000000)
app: the Cortex-M4 is up
app: request 1, 4 words
app: answer 1 checked, sum 0xb9719b5e
app: request 2, 17 words
app: answer 2 checked, sum 0x3e6bbb0f
app: request 3, 64 words
app: answer 3 checked, sum 0x34d7a660
app: all answers right, pass"

rt_text="rt: Cortex-M4 up, VTOR 0x00000000
rt: request 1: sum 0xb9719b5e xor 0x5ae75c00 max 0xf546dd86
rt: request 2: sum 0x3e6bbb0f xor 0x11a8c177 max 0xf5e797d3
rt: request 3: sum 0x34d7a660 xor 0x075cea80 max 0xebbff7bf
rt: stopping"

both_text="app: releasing the Cortex-M4 (vector table at 0x00000000)
rt: Cortex-M4 up, VTOR 0x00000000
app: the Cortex-M4 is up
app: request 1, 4 words
rt: request 1: sum 0xb9719b5e xor 0x5ae75c00 max 0xf546dd86
app: answer 1 checked, sum 0xb9719b5e
app: request 2, 17 words
rt: request 2: sum 0x3e6bbb0f xor 0x11a8c177 max 0xf5e797d3
app: answer 2 checked, sum 0x3e6bbb0f
app: request 3, 64 words
rt: request 3: sum 0x34d7a660 xor 0x075cea80 max 0xebbff7bf
app: answer 3 checked, sum 0x34d7a660
rt: stopping
app: all answers right, pass"

n=0
echo "1..3"

# run NAME EXTRA_ARGS...: runs the pair; stdout in NAME.out, log NAME.log,
# exit status in $status.
run() {
    name=$1
    shift
    set -- "$mosaic" -board rv-m4-amp -set /app.image="$dir/app.elf" \
        -set /rt.image="$dir/rt.elf" "$@"
    echo "\$ $*" >"$dir/$name.log"
    timeout "$limit" "$@" </dev/null >"$dir/$name.out" 2>>"$dir/$name.log"
    status=$?
    cat "$dir/$name.out" >>"$dir/$name.log"
}

same_text() {
    [ "$(tr -d '\r' <"$1")" = "$2" ]
}

n=$((n + 1))
run separate -set /uart0.chardev=file:"$dir/app.txt" -set /uart1.chardev=file:"$dir/rt.txt"
if [ $status -ne 0 ]; then
    echo "not ok $n - separate consoles (exit $status, see $dir/separate.log)"
elif ! same_text "$dir/app.txt" "$app_text"; then
    echo "not ok $n - separate consoles (application text differs, see $dir/app.txt)"
elif ! same_text "$dir/rt.txt" "$rt_text"; then
    echo "not ok $n - separate consoles (Cortex-M4 text differs, see $dir/rt.txt)"
else
    echo "ok $n - separate consoles"
fi

n=$((n + 1))
run together
if [ $status -ne 0 ]; then
    echo "not ok $n - both consoles on stdout (exit $status, see $dir/together.log)"
elif ! same_text "$dir/together.out" "$both_text"; then
    echo "not ok $n - both consoles on stdout (text differs, see $dir/together.log)"
else
    echo "ok $n - both consoles on stdout"
fi

n=$((n + 1))
run again
if [ $status -ne 0 ] || ! cmp -s "$dir/together.out" "$dir/again.out"; then
    echo "not ok $n - the run repeats (exit $status, see $dir/again.log)"
else
    echo "ok $n - the run repeats"
fi
