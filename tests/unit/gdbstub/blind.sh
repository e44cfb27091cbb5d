#!/bin/sh
# SPDX-License-Identifier: MIT
# The gdb stub is architecture-blind: no gdbstub/ file includes a target
# or KVM header or names an architecture. Adding an architecture must never
# touch gdbstub/.
echo "1..2"
src="${top_srcdir:-.}/gdbstub"
bad=$(grep -n '#include *"\(targets\|kvm\)/' "$src"/*.c "$src"/*.h)
if [ -z "$bad" ]; then
    echo "ok 1 - no targets/ or kvm/ includes"
else
    echo "not ok 1 - gdbstub/ includes architecture headers:"
    echo "$bad" | sed 's/^/# /'
fi
bad=$(grep -n -i -w 'riscv\|risc-v\|rv32\|rv64\|arm\|armv7\|thumb\|x86\|x86_64\|i386\|amd64' \
    "$src"/*.c "$src"/*.h)
if [ -z "$bad" ]; then
    echo "ok 2 - no architecture named"
else
    echo "not ok 2 - gdbstub/ names an architecture:"
    echo "$bad" | sed 's/^/# /'
fi
