#!/bin/bash
# SPDX-License-Identifier: MIT
# The FPU of the gc models through gdb: an lp64d image on riscv-virt (and
# an ilp32d one on riscv-virt32) connects without gdb's "bfd requires flen
# 8, but target has flen 0", gdb sees the FPU feature of the target
# description (f0-f31 by ABI name, fflags, frm, fcsr), `info registers
# float` shows the values the firmware left (a double in fa0, a NaN-boxed
# single in fs1, frm = rtz, fflags = NX), and an f register written from
# gdb reads back in the guest's FPU.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
[ "$GDBT_SERVER" = mosaic ] || gdbt_skip "runs Mosaic's riscv-virt boards (GDBT_SERVER=mosaic)"
APP_ELF=$GDBT_FW/fpu-rv64.elf
RT_ELF=$GDBT_FW/fpu-rv32.elf
gdbt_init

# One board: @1 = riscv-virt or riscv-virt32, @2 = the image, @3 = XLEN.
fpu_session()
{
    local board=$1 elf=$2 xlen=$3
    GDBT_BOARD_ARGS=(-board "$board" -set "/app.image=$elf")
    gdbt_server_up
    # The image first, as a user does: gdb then checks its ABI against the
    # description on connecting.
    gdbt_gdb "fpu$xlen" "$elf" <<'GDB'
@connect
@@@ arch
show architecture
@@@ stop
break fp_done
continue
@@@ fa0
p $fa0.double
p $fs1.float
p/x $fs1
@@@ float
info registers float
@@@ fcsr
p $frm
p $fflags
p $fcsr
@@@ write
set $ft0.double = -2.5
p $ft0
stepi
p $ft0.double
GDB
    gdbt_server_stop
    expect_not '' 'requires flen|flen 0|Truncated register|Remote .g. packet reply' \
        "rv$xlen: gdb accepts the hard-float image and the register packet"
    expect arch "currently \"riscv:rv$xlen\"" "rv$xlen: gdb sees riscv:rv$xlen"
    expect stop 'Breakpoint 1, (0x[0-9a-f]+ in )?fp_done' "rv$xlen: stops in fp_done"
    # 4.5 / 7 to nearest would print as 0.64285714285714290
    expect fa0 '^\$[0-9]+ = 0\.64285714285714279$' "rv$xlen: fa0 holds 4.5 / 7 rounded toward zero"
    expect fa0 '^\$[0-9]+ = 1\.25$' "rv$xlen: fs1 holds the single 1.25"
    expect fa0 'double = 0xffffffff3fa00000\}$' "rv$xlen: fs1 is NaN-boxed"
    expect float '^ft0 +' "rv$xlen: info registers float lists ft0"
    expect float '^fa0 +\{float = .*double = 0\.642857' "rv$xlen: and shows fa0's double"
    expect float '^ft11 +' "rv$xlen: and ft11"
    expect float '^fcsr +0x21' "rv$xlen: and fcsr"
    expect fcsr '^\$[0-9]+ = 1$' "rv$xlen: frm is 1 (rtz)"
    expect fcsr '^\$[0-9]+ = (1|\[ NX \])$' "rv$xlen: fflags is NX"
    expect write '^\$[0-9]+ = -2\.5$' "rv$xlen: an f register written from gdb stays written"
}

fpu_session riscv-virt "$APP_ELF" 64
fpu_session riscv-virt32 "$RT_ELF" 32
gdbt_done
