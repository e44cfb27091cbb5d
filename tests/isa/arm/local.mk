# SPDX-License-Identifier: MIT
# The self-checking Thumb-2 suite: each arm_NAME.S of the lists is built
# with the runtime for the MPS2 AN385/AN386 map as arm/m3-NAME.elf
# (-mcpu=cortex-m3) and arm/m4-NAME.elf (-mcpu=cortex-m4); the DSP files
# only for the M4; arm_exit.S only for the M3, once per exit status
# (m3-exitN.elf, built with EXIT_CODE=N). arm/run.sh runs them all (TAP);
# with MOSAIC_ISA_QEMU=1 it runs them on qemu-system-arm -M mps2-an385 /
# mps2-an386 instead, to check the tests.
%C%_ALL = alu branch mem bits muldiv sys exc fault semihost strict
%C%_M4_ONLY = simd dspmul
%C%_EXIT_CODES = 42 0 1

TESTS += %D%/run.sh
EXTRA_DIST += %D%/run.sh %D%/test.h %D%/runtime.S %D%/link.ld %D%/arm_exit.S \
	$(%C%_ALL:%=%D%/arm_%.S) $(%C%_M4_ONLY:%=%D%/arm_%.S)
CLEANFILES += %D%/m3-*.elf %D%/m4-*.elf %D%/*.log

if HAVE_ARM_CC
check_SCRIPTS += $(%C%_ALL:%=%D%/m3-%.elf) $(%C%_EXIT_CODES:%=%D%/m3-exit%.elf) \
	$(%C%_ALL:%=%D%/m4-%.elf) $(%C%_M4_ONLY:%=%D%/m4-%.elf)

%C%_DEPS = $(srcdir)/%D%/runtime.S $(srcdir)/%D%/test.h $(srcdir)/%D%/link.ld
%C%_CC = $(MKDIR_P) $(@D) && $(ARM_CC) -mthumb -nostdlib -nostartfiles -static -g \
	-I$(srcdir)/%D% -T $(srcdir)/%D%/link.ld -o $@ $(srcdir)/%D%/runtime.S
%C%_M3 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m3
%C%_M4 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m4

# The exit rule first: for m3-exit42.elf, the stem "42" is what is meant.
%D%/m3-exit%.elf: $(srcdir)/%D%/arm_exit.S $(%C%_DEPS)
	$(%C%_M3) -DEXIT_CODE=$* $<
%D%/m3-%.elf: $(srcdir)/%D%/arm_%.S $(%C%_DEPS)
	$(%C%_M3) $<
%D%/m4-%.elf: $(srcdir)/%D%/arm_%.S $(%C%_DEPS)
	$(%C%_M4) $<
endif
