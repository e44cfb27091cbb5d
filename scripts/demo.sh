#!/bin/sh
# SPDX-License-Identifier: MIT
# The README's first command: install what is missing, build, and run the
# demo firmware on a shipped board.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/setup.sh"
"$top/scripts/build.sh"
build=${BUILD_DIR:-$top/build}
make -C "$build" --no-print-directory demo
