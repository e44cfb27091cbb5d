#!/bin/sh
# SPDX-License-Identifier: MIT
# CI: build the libFuzzer targets of tests/fuzz with clang (ASan) in
# $BUILD_DIR (default ./build-fuzz) and run each over its seed corpus
# plus FUZZ_RUNS mutations (default 2000, fixed seed): a short,
# repeatable run. A crash fails with libFuzzer's report and the input
# saved as crash-* in the build directory.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build-fuzz}
command -v clang >/dev/null || { echo "ci-fuzz.sh: clang (with libFuzzer) is needed" >&2; exit 1; }
BUILD_DIR=$build "$top/scripts/build.sh" CC=clang --enable-fuzzers
make -C "$build" --no-print-directory fuzz-check FUZZ_RUNS="${FUZZ_RUNS:-2000}"
