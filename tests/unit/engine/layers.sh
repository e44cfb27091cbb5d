#!/bin/sh
# SPDX-License-Identifier: MIT
# The engine's rooms include only downwards: io at the bottom, then object,
# memory, machine; the IR (tcg/) is public to targets through tcg/ir.h, and
# only TCG (accel/tcg/, tcg/) sees TCG's internals. Nothing in engine/
# includes a module above it, and the monitor reaches the engine only
# through its public headers.
top="${top_srcdir:-.}"
n=0
check() { # DESCRIPTION DIRS PATTERN
    n=$((n + 1))
    bad=$(cd "$top" && grep -rnE "#include *\"($3)" $2 --include='*.[ch]')
    if [ -z "$bad" ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1:"
        echo "$bad" | sed 's/^/# /'
    fi
}
echo "1..7"
check "engine/ includes no module above it" engine \
    "monitor|gdbstub|targets|boards|loaders|kvm)/"
check "io/ includes only io/" engine/io "engine/(object|memory|machine|tcg|accel)/"
check "object/ includes only io/ and object/" engine/object "engine/(memory|machine|tcg|accel)/"
check "memory/ includes only io/, object/ and memory/" engine/memory \
    "engine/(machine|tcg|accel)/"
check "machine/ reaches TCG only through accel/accel.h and the IR" engine/machine \
    "engine/(accel/tcg/|tcg/(backend|interp))"
check "fpu/ is self-contained" engine/fpu "engine/(io|object|memory|machine|tcg|accel)/"
check "monitor/ sees no stub, target, accelerator internals" monitor \
    "(gdbstub|targets|kvm)/|engine/accel/tcg/|engine/tcg/"
