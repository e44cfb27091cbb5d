#!/bin/bash
# SPDX-License-Identifier: MIT
# 1,000 connect/attach/detach cycles against a real mosaic, as an IDE
# restarting its session does: each client speaks plain RSP over a socket
# (qSupported, D;1, vAttach;1, D;1, close; a connecting gdb is attached to
# every cluster, hence the first D;1) and connects again at once. No cycle
# may be refused ("another gdb is connected") and the server's resident
# memory may not grow between cycle 100 and cycle 1000. Needs python3 only
# (no gdb, no cross compiler). TAP output.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$PWD}"
MOSAIC=$top_builddir/mosaic
command -v python3 >/dev/null || { echo "1..0 # SKIP no python3"; exit 0; }
[ -x "$MOSAIC" ] || { echo "1..0 # SKIP no $MOSAIC"; exit 0; }

dir=$(mktemp -d)
pid=
cleanup()
{
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
head -c 64 /dev/zero >"$dir/zero.bin"
"$MOSAIC" -board riscv-virt -set "/app.image=$dir/zero.bin@0x80000000" -gdb tcp::0 -S \
    >"$dir/out" 2>"$dir/err" &
pid=$!
port=
for _ in $(seq 300); do
    port=$(sed -n 's/^Listening on port \([0-9]*\) for gdb connections$/\1/p' "$dir/out")
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "1..1"
    echo "not ok 1 - mosaic did not listen"
    cat "$dir/err" >&2
    exit 1
fi

# Under AddressSanitizer freed memory waits in its quarantine, so resident
# memory grows without a leak; LeakSanitizer checks leaks in that build.
sanitized=0
grep -q -a '__asan_init' "$MOSAIC" && sanitized=1

python3 - "$port" "$pid" "$sanitized" <<'PY'
import socket, sys

port, pid, sanitized = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
CYCLES, RSS_SLACK_KB = 1000, 1024

def rss_kb():
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1

def packet(s, text):
    s.sendall(b"$%s#%02x" % (text, sum(text) & 0xff))

def reply(s, buf):
    """Next packet's body; acks it. Returns (body, rest) or (None, b'') on EOF."""
    while True:
        start = buf.find(b"$")
        end = buf.find(b"#", start) if start >= 0 else -1
        if end >= 0 and len(buf) >= end + 3:
            s.sendall(b"+")
            return buf[start + 1:end], buf[end + 3:]
        data = s.recv(65536)
        if not data:
            return None, b""
        buf += data

refused, failures, rss = 0, [], {}
for i in range(1, CYCLES + 1):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buf = b""
    for pkt in (b"qSupported:multiprocess+", b"D;1", b"vAttach;1", b"D;1"):
        packet(s, pkt)
        body, buf = reply(s, buf)
        if body is None or body.startswith(b"E"):
            if body and b"another gdb" in body:
                refused += 1
            elif len(failures) < 5:
                failures.append("cycle %d: %s -> %r" % (i, pkt.decode(), body))
            break
    s.close()
    if i in (100, CYCLES):
        rss[i] = rss_kb()

print("1..3")
print("%s 1 - %d cycles, %d refused" % ("ok" if not refused else "not ok", CYCLES, refused))
print("%s 2 - every cycle answered%s" % ("ok" if not failures else "not ok",
                                         "".join("\n# " + f for f in failures)))
grow = rss[CYCLES] - rss[100]
if sanitized:
    print("ok 3 # SKIP resident memory under ASan includes its quarantine (%d kB growth);"
          " LeakSanitizer checks for leaks in this build" % grow)
    grow = 0
else:
    print("%s 3 - VmRSS %d kB at cycle 100, %d kB at cycle %d (growth %d kB, bound %d)" %
          ("ok" if grow <= RSS_SLACK_KB else "not ok", rss[100], rss[CYCLES], CYCLES, grow,
           RSS_SLACK_KB))
sys.exit(1 if refused or failures or grow > RSS_SLACK_KB else 0)
PY
