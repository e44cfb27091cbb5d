#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The -d in_asm and -d exec logs on both architectures: the Cortex-M
# disassembly comes from capstone, RISC-V's from Mosaic's own disassembler.
# Every address a block lists must be an instruction start in the cross
# objdump's disassembly of the same image (the lengths agree), the first
# instructions' mnemonics must match objdump's, and every "exec" line must name a
# block that in_asm listed, with its instruction count. TAP output.

top_builddir=${top_builddir:-.}
mosaic=$top_builddir/mosaic
fw=$top_builddir/tests/firmware
dir=$top_builddir/tests/cli
[ -x "$mosaic" ] || { echo "1..0 # SKIP $mosaic not built"; exit 0; }

n=0
failed=0
echo "1..6"

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1))
    echo "not ok $n - $1"
    [ -n "${2:-}" ] && [ -f "$2" ] && head -n 40 "$2" | sed 's/^/# /'
    failed=1
}
skip3() { for _ in 1 2 3; do n=$((n + 1)); echo "ok $n # SKIP $1"; done; }

# check ARCH CC ELF FIRST_MNEMONICS -- MOSAIC_ARGS...
check() {
    arch=$1 cc=$2 elf=$3 want=$4
    shift 5
    objdump=${cc%gcc}objdump
    if [ -z "$cc" ] || ! command -v "$objdump" >/dev/null 2>&1 || [ ! -f "$elf" ]; then
        skip3 "$arch: no cross toolchain or firmware (${cc:-not configured})"
        return
    fi
    log=$dir/logs-$arch.log
    timeout 20 "$mosaic" "$@" -d in_asm,exec -D "$log" >/dev/null 2>&1
    # Instruction starts per objdump: "  f4:	4a0a ..." -> f4
    "$objdump" -d "$elf" | sed -n 's/^ *\([0-9a-f][0-9a-f]*\):	.*/\1/p' >"$dir/logs-$arch.starts"
    # Addresses the in_asm blocks list, normalised to objdump's form.
    sed -n 's/^0x0*\([0-9a-f][0-9a-f]*\):  .*/\1/p' "$log" | sort -u >"$dir/logs-$arch.listed"
    if [ -s "$dir/logs-$arch.listed" ] &&
        [ -z "$(sort -u "$dir/logs-$arch.starts" | comm -13 - "$dir/logs-$arch.listed")" ]; then
        ok "$arch in_asm: every listed address ($(wc -l <"$dir/logs-$arch.listed") of them) starts an instruction in objdump"
    else
        not_ok "$arch in_asm: listed addresses are instruction starts" "$log"
    fi
    got=$(awk '/^0x/{print $2}' "$log" | head -n 4 | tr '\n' ' ')
    if [ "$got" = "$want" ]; then
        ok "$arch in_asm: the first instructions disassemble as: $got"
    else
        not_ok "$arch in_asm: first instructions: got '$got', wanted '$want'" "$log"
    fi
    # in_asm: "IN: CPU" then lines then a blank line; exec: "block at ADDR (N insns)".
    awk '/^IN: /{inb=1; addr=""; cnt=0; next}
         inb && /^0x/{if (addr == "") addr=$1; cnt++; next}
         inb && /^$/{sub(":", "", addr); blocks[addr]=cnt; inb=0; next}
         /^exec: /{execs++; a=$5; c=substr($6, 2);
                   if (!(a in blocks) || blocks[a] != c) {print "unmatched: " $0; bad=1}}
         END {if (!execs) {print "no exec lines"; bad=1}; exit bad}' "$log" >"$dir/logs-$arch.exec"
    if [ $? -eq 0 ]; then
        ok "$arch exec: every executed block was listed by in_asm with its length"
    else
        not_ok "$arch exec: executed blocks match in_asm" "$dir/logs-$arch.exec"
    fi
}

check arm "${ARM_CC:-}" "$fw/mps2/hello.elf" "ldr ldr push cmp " -- \
    -board mps2-an385 -set /m3.image="$fw/mps2/hello.elf"
check riscv "${RISCV_CC:-}" "$fw/demo-rv64.elf" "csrr li bltu auipc " -- \
    -board riscv-virt -set /app.image="$fw/demo-rv64.elf"
exit $failed
