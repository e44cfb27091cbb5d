#!/bin/bash
# SPDX-License-Identifier: MIT
# How fast gdb can drive a target, Mosaic (riscv-virt) beside
# qemu-system-riscv64 -M virt (the same as -s -S, on a free port), in one
# run, with gdb-multiarch in batch mode timing itself in Python:
#   stepi/s     2000 `stepi` in the firmware's loop
#   hits/s      500 `continue` to a breakpoint on bench_tick()
#   MiB/s       `dump binary memory` of 1 MiB of RAM
# Each figure is the median of BENCH_RUNS (default 3) runs.
# Usage: gdb-bench.sh MOSAIC BENCH_ELF   (make bench-gdb passes them)

set -u
MOSAIC=${1:?usage: gdb-bench.sh MOSAIC BENCH_ELF}
ELF=${2:?usage: gdb-bench.sh MOSAIC BENCH_ELF}
RUNS=${BENCH_RUNS:-3}
GDB=${GDB_MULTIARCH:-gdb-multiarch}
ELF=$(cd "$(dirname "$ELF")" && pwd)/$(basename "$ELF")
command -v "$GDB" >/dev/null || { echo "gdb-bench: $GDB not found" >&2; exit 1; }
DIR=$(mktemp -d "${TMPDIR:-/tmp}/mosaic-gdb-bench.XXXXXX") || exit 1
SERVER_PID=

cleanup()
{
    stop_server
    rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_server()
{
    [ -n "$SERVER_PID" ] || return 0
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
}

# Start Mosaic and read its port from the Listening line.
start_mosaic()
{
    local i
    "$MOSAIC" -q -board riscv-virt -set "/app.image=$ELF" -gdb tcp::0 -S \
        >"$DIR/server.out" 2>"$DIR/server.err" </dev/null &
    SERVER_PID=$!
    for ((i = 0; i < 300; i++)); do
        PORT=$(sed -n 's/^Listening on port \([0-9][0-9]*\) for gdb.*/\1/p' "$DIR/server.out")
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "gdb-bench: mosaic did not start:" >&2
    cat "$DIR/server.err" >&2
    return 1
}

# QEMU prints nothing when it listens: pick a port and wait until bound.
start_qemu()
{
    local i
    PORT=$((20000 + RANDOM % 20000))
    qemu-system-riscv64 -M virt -bios none -display none -monitor none -serial null \
        -kernel "$ELF" -S -gdb "tcp:127.0.0.1:$PORT" >"$DIR/server.err" 2>&1 </dev/null &
    SERVER_PID=$!
    for ((i = 0; i < 100; i++)); do
        ss -ltn 2>/dev/null | grep -q "127.0.0.1:$PORT " && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "gdb-bench: qemu did not start:" >&2
    cat "$DIR/server.err" >&2
    return 1
}

cat >"$DIR/measure.py" <<'EOF'
import time
import gdb


def rate(count, command):
    start = time.monotonic()
    for _ in range(count):
        gdb.execute(command, to_string=True)
    return count / (time.monotonic() - start)


gdb.execute("break bench_tick", to_string=True)
gdb.execute("continue", to_string=True)
hits = rate(500, "continue")
gdb.execute("delete", to_string=True)
steps = rate(2000, "stepi")
start = time.monotonic()
gdb.execute("dump binary memory %s/dump.bin 0x80000000 0x80100000" % DIR, to_string=True)
mib = 1 / (time.monotonic() - start)
print("RESULT %.0f %.0f %.1f" % (steps, hits, mib))
EOF

# One run against the server started by @1: prints "stepi/s hits/s MiB/s".
measure()
{
    "$1" || return 1
    timeout 600 "$GDB" -nx -batch -iex 'set pagination off' -iex 'set confirm off' \
        -ex "file $ELF" -ex "target extended-remote 127.0.0.1:$PORT" \
        -ex "python DIR = '$DIR'" -ex "source $DIR/measure.py" -ex kill \
        >"$DIR/gdb.out" 2>&1 </dev/null
    stop_server
    if ! sed -n 's/^RESULT //p' "$DIR/gdb.out" | grep .; then
        echo "gdb-bench: no result; gdb said:" >&2
        tail -n 20 "$DIR/gdb.out" >&2
        return 1
    fi
}

median()
{
    sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "-" }'
}

# Median of each column over RUNS runs against @1, as "name steps hits mib".
bench_server()
{
    local run name=$1 start=$2
    : >"$DIR/$name.runs"
    for ((run = 0; run < RUNS; run++)); do
        measure "$start" >>"$DIR/$name.runs" || break
    done
    printf '%-8s %12s %12s %12s\n' "$name" \
        "$(cut -d' ' -f1 "$DIR/$name.runs" | median)" \
        "$(cut -d' ' -f2 "$DIR/$name.runs" | median)" \
        "$(cut -d' ' -f3 "$DIR/$name.runs" | median)"
}

echo "gdb-multiarch batch mode, median of $RUNS runs ($(basename "$ELF"))"
printf '%-8s %12s %12s %12s\n' server "stepi/s" "bp hits/s" "dump MiB/s"
bench_server mosaic start_mosaic
if command -v qemu-system-riscv64 >/dev/null; then
    bench_server qemu start_qemu
else
    echo "qemu     (qemu-system-riscv64 not found)"
fi
