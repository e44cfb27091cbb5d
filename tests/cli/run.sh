#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Command-line tests of ./mosaic, asserting on what it prints and its exit
# status: board listing, -info qom-tree, errors for unknown boards, paths,
# properties and values, a missing image, per-CPU images (AMP), reset-pc
# and start-powered-off, -time-limit, -wall-limit, property bounds, fault
# storms, FIFOs as files. TAP output.

top_builddir=${top_builddir:-.}
mosaic=$top_builddir/mosaic
dir=$top_builddir/tests/cli
[ -x "$mosaic" ] || { echo "1..0 # SKIP $mosaic not built"; exit 0; }

n=0
failed=0
echo "1..26"

# check NAME EXPECTED_STATUS PATTERN -- COMMAND...: run it, then require the
# status and a line of output (stdout+stderr) matching the grep pattern.
check() {
    name=$1 want=$2 pattern=$3
    shift 4
    n=$((n + 1))
    out=$dir/$n.out
    timeout 20 "$@" >"$out" 2>&1
    status=$?
    if [ "$status" -eq "$want" ] && grep -q -- "$pattern" "$out"; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name (exit $status, wanted $want and /$pattern/)"
        sed 's/^/# /' "$out"
        failed=1
    fi
}

check "board list" 0 '^riscv-virt  *RV64GC' -- "$mosaic" -board list
check "qom-tree shows cpus" 0 '^    /app/cpu1 (riscv-cpu)' -- \
    "$mosaic" -board riscv-virt -set /app.cpus=2 -info qom-tree
check "qom-tree shows a set size" 0 'size = 256M' -- \
    "$mosaic" -board riscv-virt -set /dram.size=256M -info qom-tree
check "unknown board" 1 'board "nope" not found' -- "$mosaic" -board nope
check "unknown path lists objects" 1 "no object '/ap' (objects under /: app" -- \
    "$mosaic" -board riscv-virt -set /ap.cpus=2
check "unknown property lists properties" 1 "/app: no property 'cpu' (properties: " -- \
    "$mosaic" -board riscv-virt -set /app.cpu=2
check "bad value" 1 "/app.cpus: 'two' is not a number" -- \
    "$mosaic" -board riscv-virt -set /app.cpus=two
check "no image" 1 'nothing to run: give an image, e.g. -set /app.image=' -- \
    "$mosaic" -board riscv-virt
check "missing image file" 1 'nonexistent.elf' -- \
    "$mosaic" -board riscv-virt -set /app.image=/nonexistent.elf
# Two harts spinning on "j ." (a raw image): 10 ms of virtual time at the
# default 1 GHz is exactly 10,000,000 instructions each.
printf '\157\000\000\000' >"$dir/spin.bin"
check "-time-limit stops a guest that never exits" 124 \
    '^mosaic: error:   /app/cpu1: running, pc 0x80000000, 10000000 instructions$' -- \
    "$mosaic" -board riscv-virt -set /app.cpus=2 -set /app.image="$dir/spin.bin@0x80000000" \
    -time-limit 0.01
check "bad -time-limit" 1 "/.time-limit: 'soon' is not a duration" -- \
    "$mosaic" -board riscv-virt -set /app.image="$dir/spin.bin@0x80000000" -time-limit soon
# Bounds live in the property definitions: -set, board files and the
# monitor refuse the same values with the same message.
check "cpu-freq 0" 1 "/.cpu-freq: '0' is out of range (at least 1)" -- \
    "$mosaic" -board riscv-virt -set /.cpu-freq=0
check "quantum 0" 1 "/.quantum: '0' is out of range (1 to 1000000)" -- \
    "$mosaic" -board riscv-virt -set /.quantum=0
check "quantum above its bound" 1 "/.quantum: '4294967296' is out of range (1 to 1000000)" -- \
    "$mosaic" -board riscv-virt -set /.quantum=4294967296
check "negative cpus gives the real range" 1 "/app.cpus: '-1' is out of range (1 to 64)" -- \
    "$mosaic" -board riscv-virt -set /app.cpus=-1
# A crashed guest: mtvec = 0 with nothing mapped at 0, then a jump to 0
# (csrw mtvec, zero; jr zero). Every fetch faults at pc 0 and traps to 0:
# a fault storm, reported once, exit status 125, long before -time-limit.
printf '\163\020\120\060\147\000\000\000' >"$dir/storm.bin"
check "fault storm ends the run" 125 \
    '^mosaic: error: /app/cpu0: fault storm: exception 1 (SIGSEGV) at pc 0x00000000 1000 times' -- \
    "$mosaic" -board riscv-virt -set /app.image="$dir/storm.bin@0x80000000" -time-limit 10s
check "wall-clock limit" 124 '^mosaic: error:   /app/cpu0: running, pc 0x80000000, ' -- \
    "$mosaic" -board riscv-virt -set /app.image="$dir/spin.bin@0x80000000" -wall-limit 100ms
check "bad -wall-limit" 1 "/.wall-limit: 'soon' is not a duration" -- \
    "$mosaic" -board riscv-virt -set /app.image="$dir/spin.bin@0x80000000" -wall-limit soon
# 64 GiB of RAM on a host with less memory and swap: "cannot allocate" in
# every build (a sanitizer's allocator used to abort instead).
mem_kib=$(awk '/^(MemTotal|SwapTotal):/ { t += $2 } END { print t + 0 }' /proc/meminfo 2>/dev/null)
if [ "${mem_kib:-0}" -gt 0 ] && [ "$mem_kib" -lt 67108864 ]; then
    check "64G of RAM cannot be allocated" 1 "memory region 'dram': cannot allocate 0x1000000000 bytes" -- \
        "$mosaic" -board riscv-virt -set /dram.size=64G -set /app.image="$dir/spin.bin@0x80000000"
else
    n=$((n + 1))
    echo "ok $n # SKIP this host could back 64 GiB"
fi
# A FIFO (no writer) as an image or a board file is refused at once, not
# waited on: the timeout of check() would give 124.
rm -f "$dir/fifo"
mkfifo "$dir/fifo"
check "FIFO image refused" 1 "fifo: not a regular file (a fifo)" -- \
    "$mosaic" -board riscv-virt -set /app.image="$dir/fifo@0x80000000"
check "FIFO board file refused" 1 "fifo: not a regular file (a fifo)" -- \
    "$mosaic" -board-file "$dir/fifo"
rm -f "$dir/fifo"
if [ -f "$dir/amp-a.elf" ]; then
    check "per-CPU images (AMP)" 3 '^B$' -- "$mosaic" -board riscv-virt -set /app.cpus=2 \
        -set /app/cpu0.image="$dir/amp-a.elf" -set /app/cpu1.image="$dir/amp-b.elf"
    check "reset-pc overrides the entry" 3 '^A$' -- "$mosaic" -board riscv-virt -set /app.cpus=2 \
        -set /app.image="$dir/amp-a.elf" -set /app/cpu1.image="$dir/amp-b.elf" \
        -set /app/cpu0.reset-pc=0x80000000
    check "start-powered-off holds a CPU" 4 '^A$' -- "$mosaic" -board riscv-virt \
        -set /app.cpus=2 -set /app/cpu0.image="$dir/amp-a.elf" \
        -set /app/cpu1.image="$dir/amp-b.elf" -set /app/cpu1.start-powered-off=on
    check "cluster image runs every hart" 3 '^A$' -- "$mosaic" -board riscv-virt \
        -set /app.cpus=2 -set /app.image="$dir/amp-b.elf" -set /app/cpu0.image="$dir/amp-a.elf"
    check "bad reset-pc" 1 "reset-pc 'later' is not an address" -- "$mosaic" -board riscv-virt \
        -set /app.image="$dir/amp-a.elf" -set /app/cpu0.reset-pc=later
else
    for t in 12 13 14 15 16; do
        n=$((n + 1))
        echo "ok $n # SKIP amp images not built (no riscv64-unknown-elf-gcc)"
    done
fi
exit $failed
