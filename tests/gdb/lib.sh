# SPDX-License-Identifier: MIT
# Harness of the real-gdb tests, sourced by every tests/gdb/*.sh script
# (bash). It starts a debug server (Mosaic on the rv-amp board with -gdb
# tcp::0 -S, on rv-m4-amp after gdbt_use_board_rv_m4_amp, or QEMU virt
# for the single-cluster scripts when GDBT_SERVER=qemu), learns its port from the "Listening on port N" line,
# runs gdb-multiarch sessions in batch mode with a timeout, and checks what
# gdb printed. Output is TAP: one line per assertion, the plan at the end;
# a missing gdb, cross compiler or server is a skip (1..0 # SKIP why).
#
# A session script has one gdb command per line; each runs as its own -ex,
# so a failing command does not end the session. Special lines:
#   @@@ NAME          start section NAME (assertions can look at one section)
#   @connect          connect to the server (loads app.elf first for QEMU)
#   @interrupt N      interrupt the target N seconds after the next command
#                     starts (a timer in gdb's Python posts `interrupt`)
#   @mosaic-only      the lines up to @end only run against Mosaic (QEMU
#   @end              has one cluster, no thread names, other monitor)
#   # ...             a comment
#
# Run one test by hand from a build tree:
#   top_srcdir=/path/to/src top_builddir=$PWD bash /path/to/src/tests/gdb/break.sh

set -u

: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${top_builddir:=$PWD}"
: "${GDBT_SERVER:=mosaic}"
: "${GDBT_TIMEOUT:=60}"
GDBT_GDB=${GDB_MULTIARCH:-gdb-multiarch}
GDBT_MOSAIC=$top_builddir/mosaic
GDBT_FW=$top_builddir/tests/gdb/firmware
APP_ELF=$GDBT_FW/app.elf
RT_ELF=$GDBT_FW/rt.elf
GDBT_NAME=$(basename "$0" .sh)
GDBT_DIR=
GDBT_PORT=
GDBT_SERVER_PID=
GDBT_SERVER_STATUS=
GDBT_SERVER_WRAPPER=()
GDBT_BOARD_ARGS=(-board rv-amp -set "/app.image=$APP_ELF" -set "/rt.image=$RT_ELF")
GDBT_SERVER_WAIT=30
GDBT_SESSION=
GDBT_COUNT=0
GDBT_FAILED=0

# ---- TAP -------------------------------------------------------------

gdbt_skip()
{
    echo "1..0 # SKIP $*"
    exit 0
}

gdbt_ok()
{
    GDBT_COUNT=$((GDBT_COUNT + 1))
    echo "ok $GDBT_COUNT - $*"
}

gdbt_not_ok()
{
    GDBT_COUNT=$((GDBT_COUNT + 1))
    GDBT_FAILED=$((GDBT_FAILED + 1))
    echo "not ok $GDBT_COUNT - $*"
}

# Print a file as TAP comments (at most 80 lines) so the .log shows it.
gdbt_diag_file()
{
    local title=$1 file=$2
    echo "# --- $title ($file)"
    if [ -s "$file" ]; then
        head -n 80 "$file" | sed 's/^/#   /'
    else
        echo "#   (empty)"
    fi
}

# Print the plan. The exit status stays 0: the TAP lines carry the failures.
gdbt_done()
{
    echo "1..$GDBT_COUNT"
}

# ---- set-up and clean-up ----------------------------------------------

gdbt_cleanup()
{
    gdbt_server_stop
    if [ -n "$GDBT_DIR" ]; then
        if [ "$GDBT_FAILED" -eq 0 ]; then
            rm -rf "$GDBT_DIR"
        else
            echo "# outputs kept in $GDBT_DIR"
        fi
    fi
}

# Check the tools, make the scratch directory, arrange clean-up at exit.
gdbt_init()
{
    command -v "$GDBT_GDB" >/dev/null 2>&1 ||
        gdbt_skip "gdb-multiarch not found (apt-get install gdb-multiarch)"
    command -v timeout >/dev/null 2>&1 || gdbt_skip "timeout (coreutils) not found"
    { [ -f "$APP_ELF" ] && [ -f "$RT_ELF" ]; } ||
        gdbt_skip "firmware not built: no RISC-V cross compiler (riscv64-unknown-elf-gcc)"
    case $GDBT_SERVER in
    mosaic)
        [ -x "$GDBT_MOSAIC" ] || gdbt_skip "$GDBT_MOSAIC not built"
        ;;
    qemu)
        command -v qemu-system-riscv64 >/dev/null 2>&1 ||
            gdbt_skip "qemu-system-riscv64 not found"
        ;;
    *)
        gdbt_skip "GDBT_SERVER=$GDBT_SERVER: expected mosaic or qemu"
        ;;
    esac
    GDBT_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mosaic-gdb-$GDBT_NAME.XXXXXX") ||
        gdbt_skip "cannot create a scratch directory"
    trap gdbt_cleanup EXIT
    trap 'exit 130' INT TERM
}

gdbt_is_mosaic()
{
    [ "$GDBT_SERVER" = mosaic ]
}

# The heterogeneous tests need Mosaic: QEMU has one architecture per board.
gdbt_need_amp()
{
    [ "$GDBT_SERVER" = mosaic ] || gdbt_skip "needs the rv-amp board (GDBT_SERVER=mosaic)"
}

# Debug the heterogeneous board rv-m4-amp instead of rv-amp: app is the
# RV64 cluster (process 1) running hetero_app.elf, rt the Cortex-M4
# (process 2, held in reset until app releases it) running hetero_m4.elf.
# Call it before gdbt_init; it skips when those images were not built
# (they need both cross compilers) or the server is not Mosaic.
gdbt_use_board_rv_m4_amp()
{
    [ "$GDBT_SERVER" = mosaic ] || gdbt_skip "needs the rv-m4-amp board (GDBT_SERVER=mosaic)"
    APP_ELF=$GDBT_FW/hetero_app.elf
    RT_ELF=$GDBT_FW/hetero_m4.elf
    { [ -f "$APP_ELF" ] && [ -f "$RT_ELF" ]; } ||
        gdbt_skip "rv-m4-amp firmware not built: needs riscv64-unknown-elf-gcc and arm-none-eabi-gcc"
    GDBT_BOARD_ARGS=(-board rv-m4-amp -set "/app.image=$APP_ELF" -set "/rt.image=$RT_ELF")
}

# ---- the server --------------------------------------------------------

# Start Mosaic on rv-amp (or on GDBT_BOARD_ARGS, e.g. rv-m4-amp; extra arguments are passed
# on; GDBT_SERVER_WRAPPER runs it under a tool), or QEMU virt with app.elf;
# set GDBT_PORT once it listens. Returns 1 if it did not start.
gdbt_server_start()
{
    : >"$GDBT_DIR/server.out"
    : >"$GDBT_DIR/server.err"
    if [ "$GDBT_SERVER" = qemu ]; then
        gdbt_qemu_start
        return
    fi
    MOSAIC_BOARD_PATH=$top_srcdir/boards \
        "${GDBT_SERVER_WRAPPER[@]}" "$GDBT_MOSAIC" "${GDBT_BOARD_ARGS[@]}" -gdb tcp::0 -S "$@" \
        >"$GDBT_DIR/server.out" 2>"$GDBT_DIR/server.err" </dev/null &
    GDBT_SERVER_PID=$!
    GDBT_SERVER_STATUS=
    local i
    for ((i = 0; i < GDBT_SERVER_WAIT * 10; i++)); do
        GDBT_PORT=$(sed -n 's/^Listening on port \([0-9][0-9]*\) for gdb connections.*/\1/p' \
            "$GDBT_DIR/server.out" | head -n 1)
        [ -n "$GDBT_PORT" ] && return 0
        kill -0 "$GDBT_SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    gdbt_server_diag
    return 1
}

# Start the server as one assertion; without a server the test ends here.
gdbt_server_up()
{
    if ! gdbt_server_start "$@"; then
        gdbt_not_ok "the server starts and prints its Listening line"
        gdbt_done
        exit
    fi
    gdbt_ok "the server listens on port $GDBT_PORT"
}

# QEMU prints nothing when it listens: pick a port, wait until it is bound.
gdbt_qemu_start()
{
    local i
    GDBT_PORT=$((20000 + RANDOM % 20000))
    qemu-system-riscv64 -M virt -bios none -m 512M -smp 2 -display none -monitor none \
        -serial "file:$GDBT_DIR/server.out" -kernel "$APP_ELF" -S \
        -gdb "tcp:127.0.0.1:$GDBT_PORT" >"$GDBT_DIR/server.err" 2>&1 </dev/null &
    GDBT_SERVER_PID=$!
    GDBT_SERVER_STATUS=
    for ((i = 0; i < 50; i++)); do
        ss -ltn 2>/dev/null | grep -q "127.0.0.1:$GDBT_PORT " && return 0
        kill -0 "$GDBT_SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    gdbt_server_diag
    return 1
}

gdbt_server_diag()
{
    gdbt_diag_file "server stdout" "$GDBT_DIR/server.out"
    gdbt_diag_file "server stderr" "$GDBT_DIR/server.err"
}

# Wait up to @1 seconds for the server to end by itself; its status goes to
# GDBT_SERVER_STATUS. Returns 1 if it is still running.
gdbt_server_wait()
{
    local i
    [ -n "$GDBT_SERVER_PID" ] || return 0
    for ((i = 0; i < $1 * 10; i++)); do
        if ! kill -0 "$GDBT_SERVER_PID" 2>/dev/null; then
            wait "$GDBT_SERVER_PID"
            GDBT_SERVER_STATUS=$?
            GDBT_SERVER_PID=
            return 0
        fi
        sleep 0.1
    done
    return 1
}

# Stop the server (SIGTERM, then SIGKILL after 10 s) and reap it.
gdbt_server_stop()
{
    [ -n "$GDBT_SERVER_PID" ] || return 0
    kill -TERM "$GDBT_SERVER_PID" 2>/dev/null
    gdbt_server_wait 10 && return 0
    kill -KILL "$GDBT_SERVER_PID" 2>/dev/null
    wait "$GDBT_SERVER_PID" 2>/dev/null
    GDBT_SERVER_STATUS=$?
    GDBT_SERVER_PID=
}

gdbt_expect_server_alive()
{
    if [ -n "$GDBT_SERVER_PID" ] && kill -0 "$GDBT_SERVER_PID" 2>/dev/null; then
        gdbt_ok "$*"
    else
        gdbt_not_ok "$*"
        gdbt_server_diag
    fi
}

# ---- valgrind ----------------------------------------------------------

# Run the server under valgrind (memcheck, full leak checking) from the
# next gdbt_server_up on; skip where valgrind is missing or cannot run it.
gdbt_use_valgrind()
{
    command -v valgrind >/dev/null 2>&1 || gdbt_skip "valgrind not found"
    if grep -q -a '__asan_init' "$GDBT_MOSAIC"; then
        gdbt_skip "mosaic is built with sanitizers, which valgrind cannot run"
    fi
    GDBT_TIMEOUT=300
    GDBT_SERVER_WAIT=120
    GDBT_SERVER_WRAPPER=(valgrind -q --error-exitcode=99 --leak-check=full
        --log-file="$GDBT_DIR/valgrind.log")
}

# After the session ended the server (monitor quit): it must have exited
# by itself, and valgrind must have found no errors and no leaks.
gdbt_expect_valgrind_clean()
{
    if gdbt_server_wait 60; then
        gdbt_ok "monitor quit ends the server"
    else
        gdbt_not_ok "monitor quit ends the server (still running after 60 s)"
        gdbt_server_stop
    fi
    # With -q, valgrind writes to its log only what it found; a server
    # killed by a signal (status > 128) did not get its leak check.
    if [ "$GDBT_SERVER_STATUS" -lt 128 ] && [ "$GDBT_SERVER_STATUS" != 99 ] &&
        ! [ -s "$GDBT_DIR/valgrind.log" ]; then
        gdbt_ok "valgrind reports no errors and no leaks (exit status $GDBT_SERVER_STATUS)"
    else
        gdbt_not_ok "valgrind reports no errors and no leaks (exit status $GDBT_SERVER_STATUS)"
        gdbt_diag_file "valgrind log" "$GDBT_DIR/valgrind.log"
    fi
}

# ---- gdb sessions ------------------------------------------------------

# Turn the session script on stdin into gdb arguments in GDBT_ARGS.
gdbt_script_args()
{
    local line skip=0 cancel=0
    # The timer of @interrupt only interrupts a running target, and is
    # cancelled once the command it was for has returned.
    GDBT_ARGS=(-ex "python gdbt_interrupt = lambda: gdb.selected_thread() and \
gdb.selected_thread().is_running() and gdb.execute('interrupt')")
    while IFS= read -r line; do
        line=${line#"${line%%[![:space:]]*}"}
        case $line in
        @mosaic-only) gdbt_is_mosaic || skip=1 ;;
        @end) skip=0 ;;
        *) [ $skip = 1 ] && line= ;;
        esac
        case $line in
        '' | '#'* | @mosaic-only | @end) ;;
        '@@@ '*) GDBT_ARGS+=(-ex "echo \\n${line}\\n") ;;
        @connect)
            [ "$GDBT_SERVER" = qemu ] && GDBT_ARGS+=(-ex "file $APP_ELF")
            GDBT_ARGS+=(-ex "target extended-remote 127.0.0.1:$GDBT_PORT")
            ;;
        '@interrupt '*)
            GDBT_ARGS+=(-ex "python import threading; gdbt_timer = threading.Timer(\
${line#@interrupt }, lambda: gdb.post_event(gdbt_interrupt)); gdbt_timer.start()")
            cancel=1
            ;;
        *)
            GDBT_ARGS+=(-ex "$line")
            [ $cancel = 1 ] && GDBT_ARGS+=(-ex "python gdbt_timer.cancel()")
            cancel=0
            ;;
        esac
    done
}

# Run gdb session @1 with the script on stdin; extra gdb options after @1.
# Its output (stdout and stderr) is $GDBT_DIR/@1.out; it becomes the
# session the expect functions look at.
gdbt_gdb()
{
    local name=$1
    shift
    gdbt_script_args
    GDBT_SESSION=$name
    timeout -k 5 "$GDBT_TIMEOUT" "$GDBT_GDB" -nx -batch \
        -iex 'set pagination off' -iex 'set confirm off' -iex 'set width 0' \
        -iex 'set height 0' "$@" "${GDBT_ARGS[@]}" \
        >"$GDBT_DIR/$name.out" 2>&1 </dev/null
    echo $? >"$GDBT_DIR/$name.rc"
    if [ "$(cat "$GDBT_DIR/$name.rc")" = 124 ]; then
        gdbt_not_ok "$name: gdb finished within $GDBT_TIMEOUT s"
        gdbt_diag_file "gdb session $name" "$GDBT_DIR/$name.out"
    fi
}

# Run a gdb/MI session @1 (--interpreter=mi2) with the MI commands on stdin
# (@PORT@ stands for the server's port), as an IDE drives gdb: each
# command is read once the previous one is done. Output: $GDBT_DIR/@1.out.
gdbt_mi()
{
    local name=$1
    GDBT_SESSION=$name
    sed "s/@PORT@/$GDBT_PORT/g" >"$GDBT_DIR/$name.mi"
    timeout -k 5 "$GDBT_TIMEOUT" "$GDBT_GDB" --interpreter=mi2 -nx \
        <"$GDBT_DIR/$name.mi" >"$GDBT_DIR/$name.out" 2>&1
    echo $? >"$GDBT_DIR/$name.rc"
    if [ "$(cat "$GDBT_DIR/$name.rc")" = 124 ]; then
        gdbt_not_ok "$name: gdb finished within $GDBT_TIMEOUT s"
        gdbt_diag_file "gdb/MI session $name" "$GDBT_DIR/$name.out"
    fi
}

# Print section @2 of session @1's output ('' = all of it).
gdbt_section()
{
    local file=$GDBT_DIR/$1.out
    if [ -z "$2" ]; then
        cat "$file"
    else
        awk -v want="@@@ $2" '
            /^@@@ / { on = ($0 == want); next }
            on { print }' "$file"
    fi
}

gdbt_report()
{
    local pass=$1 section=$2 re=$3 desc=$4
    if [ "$pass" = 1 ]; then
        gdbt_ok "$desc"
        return 0
    fi
    gdbt_not_ok "$desc"
    echo "# pattern /$re/ in section '${section:-*}' of gdb session $GDBT_SESSION:"
    gdbt_section "$GDBT_SESSION" "$section" >"$GDBT_DIR/section.tmp"
    gdbt_diag_file "output" "$GDBT_DIR/section.tmp"
    return 1
}

# expect SECTION REGEX DESCRIPTION: a line of the section matches (ERE).
expect()
{
    local pass=0
    gdbt_section "$GDBT_SESSION" "$1" | grep -Eq -- "$2" && pass=1
    gdbt_report $pass "$1" "$2" "$3"
}

# expect_not SECTION REGEX DESCRIPTION: no line of the section matches.
expect_not()
{
    local pass=1
    gdbt_section "$GDBT_SESSION" "$1" | grep -Eq -- "$2" && pass=0
    gdbt_report $pass "$1" "not /$2/" "$3"
}

# expect_count SECTION REGEX N DESCRIPTION: exactly N lines match.
expect_count()
{
    local n pass=0
    n=$(gdbt_section "$GDBT_SESSION" "$1" | grep -Ec -- "$2")
    [ "$n" = "$3" ] && pass=1
    gdbt_report $pass "$1" "$2 (x$3, got $n)" "$4"
}

# The value of `print` in a section: "$N = VALUE" -> VALUE (first one).
gdbt_value()
{
    gdbt_section "$GDBT_SESSION" "$1" | sed -n 's/^\$[0-9][0-9]* = //p' | head -n 1
}

# No protocol or internal errors anywhere in the session.
expect_clean()
{
    expect_not '' "internal-error|Remote 'g' packet reply is too long|Truncated register|\
Remote connection closed|Remote communication error|Ignoring packet error|\
bfd requires|Could not load XML" "$GDBT_SESSION: no protocol or internal errors in gdb"
}

# Regular expression for the thread of process @1, cpu index @2 (from 1),
# named @3 on Mosaic (QEMU has no names, and numbers threads alone).
gdbt_thread_re()
{
    if [ "$GDBT_SERVER" = qemu ]; then
        echo "Thread ($1\\.)?$2"
    else
        echo "Thread $1(\\.$2)? \"$3\""
    fi
}
