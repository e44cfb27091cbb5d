#!/bin/sh
# SPDX-License-Identifier: MIT
# Configure (once) and build Mosaic out of tree in $BUILD_DIR (default
# ./build). Extra arguments go to configure the first time, e.g.
# BUILD_DIR=build-san scripts/build.sh --enable-sanitizers
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
[ -x "$top/configure" ] || (cd "$top" && autoreconf -fi)
mkdir -p "$build"
cd "$build"
[ -f Makefile ] || "$top/configure" -q "$@"
make -j"$(nproc)" --no-print-directory
