# SPDX-License-Identifier: MIT
# The rv-m4-amp demo pair: app.elf for the RV64 application cluster (on
# the runtime of ../common, like the demo) and rt.elf for the Cortex-M4
# (its own vector table and start-up, linked into its TCM), built by
# `make` because the README's first command runs them. run.sh checks both
# consoles and the exit code on ./mosaic.

TESTS += %D%/run.sh
EXTRA_DIST += %D%/run.sh %D%/amp.h %D%/app.c %D%/rt.c %D%/rt.ld
CLEANFILES += %D%/app.elf %D%/rt.elf %D%/*.log %D%/*.txt %D%/*.out

if HAVE_RISCV_CC
if HAVE_ARM_CC
noinst_DATA += %D%/app.elf %D%/rt.elf

%D%/app.elf: $(srcdir)/%D%/app.c $(srcdir)/%D%/amp.h $(tests_firmware_DEPS)
	$(tests_firmware_RV64) -I$(srcdir)/%D% $(srcdir)/%D%/app.c -lgcc
%D%/rt.elf: $(srcdir)/%D%/rt.c $(srcdir)/%D%/amp.h $(srcdir)/%D%/rt.ld
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mcpu=cortex-m4 -mthumb -O2 -g -std=c11 \
		-Wall -Wextra -ffreestanding -nostdlib -nostartfiles -static \
		-T $(srcdir)/%D%/rt.ld -o $@ $(srcdir)/%D%/rt.c -lgcc
endif
endif
