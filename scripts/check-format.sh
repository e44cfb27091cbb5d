#!/bin/sh
# SPDX-License-Identifier: MIT
# Check (or with --fix, apply) the house format of every C source against
# the checked-in .clang-format. Build directories and generated files are
# skipped, and so are the headers that assembler sources include (test.h
# and exec.h beside the .S programs). Exit 1 and name the files when any
# differs.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
fix=false
[ "${1:-}" = --fix ] && fix=true
fmt=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$fmt" ]; then
    echo "check-format: clang-format not found (Debian: clang-format-14)" >&2
    exit 1
fi
cd "$top"
files=$(find engine monitor gdbstub targets boards loaders kvm tests bench \
        mosaic.c cmdline.c cmdline.h -name '*.[ch]' 2>/dev/null |
    grep -v -e '^tests/isa/[^/]*/test\.h$' -e '/exec/exec\.h$' | sort)
if $fix; then
    # shellcheck disable=SC2086
    "$fmt" -i $files
    exit 0
fi
bad=""
for f in $files; do
    "$fmt" --dry-run -Werror "$f" >/dev/null 2>&1 || bad="$bad $f"
done
if [ -n "$bad" ]; then
    echo "check-format: these files differ from .clang-format (fix: scripts/check-format.sh --fix):" >&2
    for f in $bad; do echo "  $f" >&2; done
    exit 1
fi
echo "check-format: $(echo "$files" | wc -l) files match .clang-format"
