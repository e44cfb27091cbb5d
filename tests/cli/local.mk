# SPDX-License-Identifier: MIT
# Command-line behaviour of ./mosaic: -board list, -info, -set errors,
# per-cluster and per-CPU images (AMP), reset-pc, start-powered-off (run.sh);
# the -d in_asm/exec logs of both architectures checked against objdump
# (logs.sh, on the firmware of tests/firmware).
TESTS += %D%/run.sh %D%/logs.sh
EXTRA_DIST += %D%/run.sh %D%/logs.sh %D%/amp.S
CLEANFILES += %D%/amp-a.elf %D%/amp-b.elf %D%/*.out %D%/logs-* %D%/spin.bin %D%/storm.bin

if HAVE_RISCV_CC
check_SCRIPTS += %D%/amp-a.elf %D%/amp-b.elf
%C%_AMP = $(AM_V_GEN)$(MKDIR_P) $(@D) && $(RISCV_CC) -march=rv64imac -mabi=lp64 -nostdlib \
	-static -Wl,-N -DFLAG=0x80100000 -o $@ $(srcdir)/%D%/amp.S
# hart 0 prints "A" and exits 3 once "B" was printed; hart 1 prints "B".
%D%/amp-a.elf: $(srcdir)/%D%/amp.S
	$(%C%_AMP) -Wl,-Ttext=0x80000000 -DMSG='"A\n"' -DEXIT=3
%D%/amp-b.elf: $(srcdir)/%D%/amp.S
	$(%C%_AMP) -Wl,-Ttext=0x80200000 -DMSG='"B\n"'
endif
