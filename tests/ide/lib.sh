# SPDX-License-Identifier: MIT
# Harness of the IDE launch-configuration tests (tests/ide/*.sh), on top of
# tests/gdb/lib.sh: the rv-m4-amp board with its demo pair (app.elf on
# the RV64 cluster, rt.elf on the Cortex-M4), and ide_replay, which runs a
# recorded IDE command sequence through gdb-multiarch --interpreter=mi2
# with mi_replay.py (tokens, waiting for results and stops, as IDEs do).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"

APP_ELF=$top_builddir/tests/firmware/amp/app.elf
RT_ELF=$top_builddir/tests/firmware/amp/rt.elf
GDBT_BOARD_ARGS=(-board rv-m4-amp -set "/app.image=$APP_ELF" -set "/rt.image=$RT_ELF")
IDE_DOC=$top_srcdir/doc/ide

# Skip unless both cross compilers built the demo pair and python3 exists.
ide_init()
{
    { [ -f "$APP_ELF" ] && [ -f "$RT_ELF" ]; } ||
        gdbt_skip "rv-m4-amp demo not built: needs riscv64-unknown-elf-gcc and arm-none-eabi-gcc"
    command -v python3 >/dev/null 2>&1 || gdbt_skip "python3 not found"
    gdbt_init
    gdbt_need_amp
}

# Replay session @1: the MI commands on stdin (@PORT@, @APP@, @RT@ and
# @SRCDIR@ replaced), transcript in $GDBT_DIR/@1.out for the expect calls.
ide_replay()
{
    local name=$1
    GDBT_SESSION=$name
    sed -e "s|@PORT@|$GDBT_PORT|g" -e "s|@APP@|$APP_ELF|g" -e "s|@RT@|$RT_ELF|g" \
        -e "s|@SRCDIR@|$top_srcdir|g" >"$GDBT_DIR/$name.mi"
    timeout -k 5 "$GDBT_TIMEOUT" python3 "$top_srcdir/tests/ide/mi_replay.py" \
        "$GDBT_GDB" -q -nx --interpreter=mi2 <"$GDBT_DIR/$name.mi" >"$GDBT_DIR/$name.out" 2>&1
    echo $? >"$GDBT_DIR/$name.rc"
    if [ "$(cat "$GDBT_DIR/$name.rc")" != 0 ]; then
        gdbt_not_ok "$name: the replay finished within $GDBT_TIMEOUT s"
        gdbt_diag_file "replay $name" "$GDBT_DIR/$name.out"
    fi
}

# The value of field @2 of launch configuration @1 (JSON with // comments,
# as VS Code accepts): one value a line; arrays give each item, objects
# their "text" (commands) or "file" (symbol files); booleans true/false.
ide_json_field()
{
    python3 - "$1" "$2" <<'PY'
import json, re, sys
text = re.sub(r'^\s*//.*$', '', open(sys.argv[1]).read(), flags=re.M)
value = json.loads(text)["configurations"][0].get(sys.argv[2], "")
for item in value if isinstance(value, list) else [value]:
    if isinstance(item, dict):
        item = item.get("text", item.get("file"))
    print(json.dumps(item) if isinstance(item, bool) else item)
PY
}
