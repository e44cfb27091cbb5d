# SPDX-License-Identifier: MIT
# What the ISA suites' runners (tests/isa/*/run.sh, POSIX sh) share: the
# TAP skip, and running one test ELF and judging it. The runner defines
# pass_lines_for TEST (the lines a passing test prints) and sets limit
# (seconds).

skip_all() {
    echo "1..0 # SKIP $1"
    exit 0
}

# Does log $1 hold every line test $2 prints when it passes? Prints the
# first missing one.
has_pass_lines() {
    pass_lines_for "$2" | while read -r line; do
        tr -d '\r' <"$1" | grep -qxF "$line" || {
            echo "$line"
            break
        }
    done
}

# run_test N NAME TEST LOG WANT_STATUS COMMAND: run COMMAND (one string,
# split at spaces) into LOG and print the TAP line: it must exit with
# WANT_STATUS within $limit seconds and print TEST's pass lines.
run_test() {
    n=$1 name=$2 test=$3 log=$4 want=$5 cmd=$6
    echo "\$ $cmd" >"$log"
    timeout "$limit" $cmd </dev/null >>"$log" 2>&1
    status=$?
    if [ $status -eq 124 ]; then
        echo "not ok $n - $name (no exit within ${limit}s, see $log)"
    elif [ $status -ne "$want" ]; then
        fail=$(tr -d '\r' <"$log" | grep -m1 '^FAIL ')
        echo "not ok $n - $name (exit $status, expected $want${fail:+: $fail}, see $log)"
    elif missing=$(has_pass_lines "$log" "$test") && [ -n "$missing" ]; then
        echo "not ok $n - $name (exit $status but no line \"$missing\", see $log)"
    else
        echo "ok $n - $name"
    fi
}
