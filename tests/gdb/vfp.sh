#!/bin/bash
# SPDX-License-Identifier: MIT
# gdb sees and changes the FP registers of a running Cortex-M4F
# (mps2-an386, vfp_m4.elf built for the hard-float ABI): the target
# description's org.gnu.gdb.arm.vfp feature gives d0-d15 and fpscr, gdb
# adds s0-s31 over them; at a breakpoint in vfp_scale(a, b) the arguments
# are in s0 and s1 (d0 is s1:s0); writing a d register (both of its s
# halves), fpscr and, after `finish`, the returned value in s0 reaches the
# core: the firmware reads that FPSCR and stores that value.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
[ "$GDBT_SERVER" = mosaic ] || gdbt_skip "needs Mosaic's mps2-an386 (GDBT_SERVER=mosaic)"
VFP_ELF=$GDBT_FW/vfp_m4.elf
[ -f "$VFP_ELF" ] || gdbt_skip "vfp_m4.elf not built: needs arm-none-eabi-gcc"
APP_ELF=$VFP_ELF
RT_ELF=$VFP_ELF
GDBT_BOARD_ARGS=(-board mps2-an386 -set "/m4.image=$VFP_ELF")
gdbt_init
gdbt_server_up

gdbt_gdb vfp <<'EOF_GDB'
@@@ connect
@connect
show architecture
break vfp_scale
continue
@@@ read
info registers s0 s1
p $s0
p $s1
p $d0
info registers fpscr
@@@ all
info all-registers
@@@ write
set var $d1 = -2.5
set var $fpscr = 0x00c00000
p $d1
p/x $s3
info registers s2 s3
finish
set var $s0 = 8.5
next
@@@ after
p vfp_result
p/x vfp_fpscr
EOF_GDB

expect connect 'currently "armv7e-m"' "the M4F is armv7e-m"
expect connect '^Breakpoint 1, vfp_scale \(a=1\.5, b=2\)' "the breakpoint in vfp_scale sees a = 1.5 and b = 2 (from s0, s1)"
expect read '^s0 +1\.5 +\(raw 0x3fc00000\)' "info registers s0: 1.5 (raw 0x3fc00000)"
expect read '^s1 +2 +\(raw 0x40000000\)' "info registers s1: 2 (raw 0x40000000)"
expect read '^\$1 = 1\.5$' "p \$s0"
expect read '^\$3 = 2\.0000004749745131$' "p \$d0 is s1:s0 (0x40000000:3fc00000)"
expect read '^fpscr +0x0 +0' "fpscr reads 0"
for reg in d0 d15 fpscr s0 s31; do
    expect all "^$reg " "info all-registers lists $reg"
done
expect write '^\$[0-9]+ = -2\.5$' "d1 reads back -2.5 after the write"
expect write '^\$[0-9]+ = 0xc0040000$' "s3 is d1's top half (0xc0040000)"
expect write '^s2 +0 +\(raw 0x00000000\)' "s2 is d1's bottom half (0)"
expect write '^Value returned is \$[0-9]+ = 3\.5$' "finish: vfp_scale returns 1.5 * 2 + 0.5 in s0"
expect after '^\$[0-9]+ = 8\.5$' "the firmware stored the s0 gdb wrote after finish"
expect after '^\$[0-9]+ = 0xc00000$' "the firmware read the FPSCR gdb wrote (round toward zero)"
gdbt_expect_server_alive "the server is still running"
gdbt_done
