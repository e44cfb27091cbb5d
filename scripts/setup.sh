#!/bin/sh
# SPDX-License-Identifier: MIT
# Install what Mosaic needs to build and test on Debian: compilers,
# autotools, the four libraries, the cross toolchains, gdb-multiarch and
# python3 (the IDE replay tests drive gdb/MI with it), clang-format-14
# (make check-format), clang with libFuzzer (the fuzz targets) and QEMU
# (the reference the firmware and bench results are compared with).
# Idempotent and quick when everything is already there.
set -eu

PACKAGES="build-essential autoconf automake pkg-config
libcapstone-dev libreadline-dev libexpat1-dev libcmocka-dev
gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf gcc-arm-none-eabi gdb-multiarch valgrind
python3 clang-format-14 clang-14 libclang-rt-14-dev qemu-system-misc qemu-system-arm"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done

if [ -z "$missing" ]; then
    echo "setup: all build and test dependencies are installed"
    exit 0
fi

echo "setup: missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "setup: run as root (or with passwordless sudo), or install them yourself:" >&2
    echo "    apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
echo "setup: installed:$missing"
