#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Replay a gdb/MI command sequence the way an IDE sends it.

IDEs run gdb with mi-async on, number every command with a token and send
the next one only when the previous one has its result record; after a
resume they wait for the *stopped record before asking for threads,
frames and registers. This driver does the same so a replay sees what the
IDE sees. Usage: mi_replay.py GDB [ARGS...] < SCRIPT > TRANSCRIPT

SCRIPT has one MI command a line (the token is added here); `@stopped`
waits for the next *stopped record; blank lines and `#` lines are skipped.
The transcript is gdb's output as it came, with each command echoed as
`# sent: TOKEN-COMMAND`."""

import queue
import subprocess
import sys
import threading

WAIT_SECONDS = 20


def pump(stream, lines):
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


def wait_for(lines, done, out):
    """Copy gdb's lines to @out until done(line) holds; False on timeout/EOF."""
    while True:
        try:
            line = lines.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            out.write("# timeout\n")
            return False
        if line is None:
            out.write("# gdb closed its output\n")
            return False
        out.write(line + "\n")
        if done(line):
            return True


def main():
    gdb = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines = queue.Queue()
    threading.Thread(target=pump, args=(gdb.stdout, lines), daemon=True).start()
    out = sys.stdout
    token = 0
    for command in sys.stdin.read().splitlines():
        command = command.strip()
        if not command or command.startswith("#"):
            continue
        if command == "@stopped":
            if not wait_for(lines, lambda line: line.startswith("*stopped"), out):
                break
            continue
        token += 1
        out.write("# sent: %d%s\n" % (token, command))
        out.flush()
        gdb.stdin.write("%d%s\n" % (token, command))
        gdb.stdin.flush()
        prefix = "%d^" % token
        if not wait_for(lines, lambda line, p=prefix: line.startswith(p), out):
            break
        if command == "-gdb-exit":
            break
    gdb.stdin.close()
    wait_for(lines, lambda line: False, out)
    try:
        gdb.wait(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        gdb.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
