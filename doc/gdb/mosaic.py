# SPDX-License-Identifier: MIT
"""gdb helpers for Mosaic boards.

Mosaic serves every cluster of a board as a gdb process (inferior). gdb 13
creates an inferior for each process the stub lists, but reads the target
description of at most two of them while connecting; the others get a
description guessed from their ELF file (wrong register set, no CSRs).
gdb 13 also keeps the inferior that was current while connecting in its
connection state, ignoring its stops, until a command resumes it with that
inferior selected. This file adds one command that puts every cluster in
its own inferior with its own description, and settles that state:

    (gdb) source doc/gdb/mosaic.py
    (gdb) target extended-remote :1234
    (gdb) attach-all

Without it the manual recipe is, for each cluster N beyond the first:
`add-inferior`, `inferior N`, `attach N` (and, for inferiors gdb created
itself, `inferior N` then `unset tdesc filename`).
"""

import re

import gdb


def _remote_packet(packet):
    """Send @packet with `maint packet`; return the reply's text."""
    out = gdb.execute("maint packet " + packet, to_string=True)
    match = re.search(r'received: "(.*)"', out, re.S)
    return match.group(1) if match else ""


def _listed_pids():
    """The process ids in the stub's thread list (qfThreadInfo, qsThreadInfo).

    Thread ids have the multiprocess form pPID.TID in hex (gdb remote
    protocol, "thread-id syntax")."""
    pids = []
    reply = _remote_packet("qfThreadInfo")
    for _ in range(4096):
        if not reply.startswith("m"):
            break
        for tid in reply[1:].split(","):
            match = re.match(r"p([0-9a-fA-F]+)\.", tid)
            pid = int(match.group(1), 16) if match else 0
            if pid > 0 and pid not in pids:
                pids.append(pid)
        reply = _remote_packet("qsThreadInfo")
    return pids


def _inferior_of(pid):
    for inf in gdb.inferiors():
        if inf.pid == pid:
            return inf
    return None


def _free_inferior():
    """An inferior with no process, or a new one on the same connection."""
    for inf in gdb.inferiors():
        if inf.pid == 0:
            return inf
    gdb.execute("add-inferior", to_string=True)
    return max(gdb.inferiors(), key=lambda inf: inf.num)


def _attach(pid):
    inf = _free_inferior()
    gdb.execute("inferior %d" % inf.num, to_string=True)
    gdb.execute("attach %d" % pid, to_string=True)
    return inf


def _reread_tdesc(inf):
    """Make gdb fetch @inf's target.xml again.

    The stub answers for the process of the last `Hg`, and gdb sends no
    `Hg` before reading target.xml. Flushing the register cache and reading
    a register of this inferior's thread makes gdb send that `Hg` itself,
    so gdb and the stub agree on the current thread; a read may fail while
    the description is still the wrong one, which is why we are here."""
    gdb.execute("maintenance flush register-cache", to_string=True)
    try:
        min(inf.threads(), key=lambda thread: thread.num).switch()
        gdb.parse_and_eval("$pc").fetch_lazy()
    except gdb.error:
        pass
    gdb.execute("unset tdesc filename", to_string=True)


def _settle(inf):
    """Take @inf out of gdb's connection state, running nothing.

    `stepi 0` goes through gdb's preparation of a resume (which clears the
    state for the selected inferior) and then stops at once: no packet
    reaches the stub."""
    try:
        min(inf.threads(), key=lambda thread: thread.num).switch()
        gdb.execute("stepi 0", to_string=True)
    except gdb.error:
        pass


class AttachAll(gdb.Command):
    """Attach every cluster of a Mosaic board, each as its own inferior.

Usage: attach-all [PID]...

Attaches each process the stub lists (or the PIDs given) that no
inferior has yet, adding inferiors as needed, then makes gdb read the
target description of every attached inferior again, so each has its
cluster's architecture and registers, and lets gdb report the stops of
every inferior (see _settle). Run it after `target extended-remote`;
running it again is harmless."""

    def __init__(self):
        super().__init__("attach-all", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        if not gdb.selected_inferior().connection:
            raise gdb.GdbError("attach-all: not connected (use target extended-remote first)")
        pids = [int(word, 0) for word in gdb.string_to_argv(arg)] or _listed_pids()
        if not pids:
            raise gdb.GdbError("attach-all: the target lists no processes")
        start = gdb.selected_thread()
        for pid in pids:
            if not _inferior_of(pid):
                _attach(pid)
        for inf in gdb.inferiors():
            if inf.pid and inf.threads():
                _reread_tdesc(inf)
                _settle(inf)
        if start and start.is_valid():
            start.switch()
        for inf in sorted(gdb.inferiors(), key=lambda inf: inf.num):
            if inf.pid:
                arch = inf.architecture().name() if inf.threads() else "?"
                gdb.write("Inferior %d: process %d, %s, %s\n"
                          % (inf.num, inf.pid, arch, inf.progspace.filename or "no file"))


AttachAll()
