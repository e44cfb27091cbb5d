#!/bin/bash
# SPDX-License-Identifier: MIT
# doc/gdb/mosaic.py's attach-all command: on rv-amp it leaves every cluster
# attached in its own inferior with its own description (and running it
# twice changes nothing); on a three-cluster board (rv-amp plus a second
# rv32 cluster "aux" running rt.elf), where gdb by itself reads at most two
# descriptions while connecting, the third inferior gets its rv32
# description with CSRs too, and a breakpoint in it works.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/gdb/lib.sh"
gdbt_init
gdbt_need_amp
MOSAIC_PY=$top_srcdir/doc/gdb/mosaic.py

gdbt_server_up
gdbt_gdb amp -ex "source $MOSAIC_PY" <<'EOF'
@connect
@@@ attach-all
attach-all
@@@ again
attach-all
@@@ inferiors
info inferiors
@@@ inf1
inferior 1
show architecture
p/z $pc
@@@ inf2
inferior 2
show architecture
p/z $pc
info registers mstatus
EOF
expect attach-all '^Inferior 1: process 1, riscv:rv64, .*/app\.elf$' "attach-all reports app as rv64"
expect attach-all '^Inferior 2: process 2, riscv:rv32, .*/rt\.elf$' "attach-all reports rt as rv32"
expect_count again '^Inferior [0-9]+: process' 2 "a second attach-all finds the same two"
expect_count inferiors '^\*? +[0-9]+ +process ' 2 "two inferiors have a process"
expect inf1 'currently "riscv:rv64"' "inferior 1 is rv64"
expect inf1 '^\$[0-9]+ = 0x0000000080000000$' "app pc at its entry"
expect inf2 'currently "riscv:rv32"' "inferior 2 is rv32"
expect inf2 '^\$[0-9]+ = 0x40000000$' "rt pc at its entry"
expect inf2 '^mstatus +0x' "rt has its CSRs"
expect_clean
gdbt_server_stop

cat >"$GDBT_DIR/tri.xml" <<'EOF'
<?xml version="1.0"?>
<board name="tri" description="rv-amp plus a second rv32 cluster">
  <cluster name="app" arch="riscv" model="rv64imac" cpus="2">
    <alias name="shared" region="/shared" base="0x90000000"/>
  </cluster>
  <cluster name="rt" arch="riscv" model="rv32imac" cpus="1">
    <alias name="shared" region="/shared" base="0x20000000"/>
  </cluster>
  <cluster name="aux" arch="riscv" model="rv32imac" cpus="1">
    <ram name="ram" base="0x40000000" size="256K"/>
    <device name="uart" type="ns16550" base="0x10001000"/>
    <alias name="shared" region="/shared" base="0x20000000"/>
  </cluster>
  <ram name="dram" base="0x80000000" size="64M" clusters="app"/>
  <ram name="rtram" base="0x40000000" size="256K" clusters="rt"/>
  <ram name="shared" size="64K"/>
  <device name="test" type="test-finisher" base="0x100000"/>
  <device name="uart0" type="ns16550" base="0x10000000" clusters="app"/>
  <device name="uart1" type="ns16550" base="0x10001000" clusters="rt"/>
</board>
EOF
GDBT_BOARD_ARGS=(-board-file "$GDBT_DIR/tri.xml" -set "/app.image=$APP_ELF"
    -set "/rt.image=$RT_ELF" -set "/aux.image=$RT_ELF")
gdbt_server_up
gdbt_gdb tri -ex "source $MOSAIC_PY" <<'EOF'
@connect
@@@ attach-all
attach-all
@@@ inf3
inferior 3
show architecture
p/z $pc
info registers mstatus
info threads
@@@ inf2
inferior 2
show architecture
p/z $pc
@@@ inf1
inferior 1
show architecture
p/z $pc
@@@ break
inferior 3
break rt_scale
continue
EOF
expect attach-all '^Inferior 1: process 1, riscv:rv64, .*/app\.elf$' "three clusters: app is rv64"
expect attach-all '^Inferior 2: process 2, riscv:rv32, .*/rt\.elf$' "three clusters: rt is rv32"
expect attach-all '^Inferior 3: process 3, riscv:rv32, .*/rt\.elf$' "three clusters: aux is rv32"
expect inf3 'currently "riscv:rv32"' "inferior 3 is rv32"
expect inf3 '^\$[0-9]+ = 0x40000000$' "aux pc reads as 32 bits at its entry"
expect inf3 '^mstatus +0x' "aux has its CSRs (its own description)"
expect inf3 "$(gdbt_thread_re 3 1 aux/cpu0)" "thread 3.1 is aux/cpu0"
expect inf2 '^\$[0-9]+ = 0x40000000$' "rt still reads as 32 bits"
expect inf1 '^\$[0-9]+ = 0x0000000080000000$' "app still reads as 64 bits"
expect break "$(gdbt_thread_re 3 1 aux/cpu0) hit Breakpoint 1(\\.[0-9]+)?, rt_scale \\(x=1\\)" \
    "a breakpoint in the third inferior is hit by aux/cpu0"
expect_clean
gdbt_expect_server_alive "the server is still running"
gdbt_done
