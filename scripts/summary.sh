#!/bin/sh
# SPDX-License-Identifier: MIT
# Count the results of every test case of the last `make check` in build
# directory $1 (automake .trs files) and print one closing line.
set -eu
build=$1
pass=$(cat $(find "$build" -name '*.trs') /dev/null | grep -c '^:test-result: PASS' || true)
fail=$(cat $(find "$build" -name '*.trs') /dev/null | grep -c '^:test-result: \(FAIL\|ERROR\|XPASS\)' || true)
skip=$(cat $(find "$build" -name '*.trs') /dev/null | grep -c '^:test-result: SKIP' || true)
echo "tests: $pass passed, $fail failed, $skip skipped"
