#!/bin/sh
# SPDX-License-Identifier: MIT
# The README's second command: install what is missing, build, and run the
# whole test suite (make check). Ends with a "N passed, N failed" line.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/scripts/setup.sh"
BUILD_DIR=$build "$top/scripts/build.sh" "$@"
rc=0
make -C "$build" -j"$(nproc)" --no-print-directory check || rc=$?
"$top/scripts/summary.sh" "$build"
[ $rc -eq 0 ] || { echo "test.sh: failures above; logs in $build/**/*.log" >&2; exit $rc; }
