# SPDX-License-Identifier: MIT
# The self-checking Thumb-2 suite: each arm_NAME.S of the lists is built
# with the runtime for the MPS2 AN385/AN386/AN500 map as arm/m3-NAME.elf
# (-mcpu=cortex-m3) and arm/m4-NAME.elf (-mcpu=cortex-m4); the DSP files
# only for the M4; the FP files for the M4F and as arm/m7-NAME.elf
# (-mcpu=cortex-m7), the FPv5 ones for the M7 only; arm_exit.S only for
# the M3, once per exit status (m3-exitN.elf, built with EXIT_CODE=N).
# arm_v6m.S, with its own Thumb-1 runtime, is built as m0-v6m.elf and
# m0p-v6m.elf for the Cortex-M0 and M0+ (Mosaic only: QEMU's MPS2
# machines refuse ARMv6-M cores). arm/run.sh runs them all (TAP) on
# mps2-an385, mps2-an386 and mps2-an500; with MOSAIC_ISA_QEMU=1 it runs
# them on qemu-system-arm's machines of those names instead, to check the
# tests.
#
# vfp_diff.sh compares every FP instruction against qemu-system-arm:
# vfp_diff.c built for the Cortex-M4F (vfpdiff-m4.elf) and the Cortex-M7
# (vfpdiff-m7.elf), each also with -DVERBOSE to show differing cases.
%C%_ALL = alu branch mem bits muldiv sys exc fault semihost strict
%C%_M4_ONLY = simd dspmul
%C%_FP = vfp vfpctx
%C%_M7_ONLY = vfp5
%C%_EXIT_CODES = 42 0 1
%C%_V6M = m0 m0p
%C%_DIFF = vfpdiff-m4 vfpdiff-m4-v vfpdiff-m7 vfpdiff-m7-v

TESTS += %D%/run.sh %D%/vfp_diff.sh
EXTRA_DIST += %D%/run.sh %D%/test.h %D%/runtime.S %D%/link.ld %D%/arm_exit.S %D%/arm_v6m.S \
	$(%C%_ALL:%=%D%/arm_%.S) $(%C%_M4_ONLY:%=%D%/arm_%.S) $(%C%_FP:%=%D%/arm_%.S) \
	$(%C%_M7_ONLY:%=%D%/arm_%.S) %D%/vfp_diff.sh %D%/vfp_diff.c
CLEANFILES += %D%/m3-*.elf %D%/m4-*.elf %D%/m7-*.elf %D%/m0-*.elf %D%/m0p-*.elf %D%/*.log \
	%D%/vfpdiff-*.elf %D%/vfpdiff-*.log.*

if HAVE_ARM_CC
check_SCRIPTS += $(%C%_ALL:%=%D%/m3-%.elf) $(%C%_EXIT_CODES:%=%D%/m3-exit%.elf) \
	$(%C%_ALL:%=%D%/m4-%.elf) $(%C%_M4_ONLY:%=%D%/m4-%.elf) $(%C%_FP:%=%D%/m4-%.elf) \
	$(%C%_FP:%=%D%/m7-%.elf) $(%C%_M7_ONLY:%=%D%/m7-%.elf) $(%C%_V6M:%=%D%/%-v6m.elf) \
	$(%C%_DIFF:%=%D%/%.elf)

%C%_DEPS = $(srcdir)/%D%/runtime.S $(srcdir)/%D%/test.h $(srcdir)/%D%/link.ld
%C%_CC = $(MKDIR_P) $(@D) && $(ARM_CC) -mthumb -nostdlib -nostartfiles -static -g \
	-I$(srcdir)/%D% -T $(srcdir)/%D%/link.ld -o $@ $(srcdir)/%D%/runtime.S
%C%_M3 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m3
%C%_M4 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m4
%C%_M7 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m7

# The exit rule first: for m3-exit42.elf, the stem "42" is what is meant.
%D%/m3-exit%.elf: $(srcdir)/%D%/arm_exit.S $(%C%_DEPS)
	$(%C%_M3) -DEXIT_CODE=$* $<
%D%/m3-%.elf: $(srcdir)/%D%/arm_%.S $(%C%_DEPS)
	$(%C%_M3) $<
%D%/m4-%.elf: $(srcdir)/%D%/arm_%.S $(%C%_DEPS)
	$(%C%_M4) $<
%D%/m7-%.elf: $(srcdir)/%D%/arm_%.S $(%C%_DEPS)
	$(%C%_M7) $<

# ARMv6-M: no runtime.S (it is Thumb-2); the CPU named by the stem.
%C%_V6M_CC = $(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mthumb -nostdlib -nostartfiles \
	-static -g -T $(srcdir)/%D%/link.ld -o $@ $(srcdir)/%D%/arm_v6m.S
%D%/m0-v6m.elf: $(srcdir)/%D%/arm_v6m.S $(srcdir)/%D%/link.ld
	$(%C%_V6M_CC) -mcpu=cortex-m0
%D%/m0p-v6m.elf: $(srcdir)/%D%/arm_v6m.S $(srcdir)/%D%/link.ld
	$(%C%_V6M_CC) -mcpu=cortex-m0plus

%C%_DIFF_CC = $(MKDIR_P) $(@D) && $(ARM_CC) -mthumb -O2 -g -std=c11 -ffreestanding \
	-nostdlib -nostartfiles -static -mfloat-abi=softfp -T $(srcdir)/%D%/link.ld -o $@ \
	$(srcdir)/%D%/runtime.S $(srcdir)/%D%/vfp_diff.c -lgcc
%C%_DIFF_M4 = $(AM_V_GEN)$(%C%_DIFF_CC) -I$(srcdir)/%D% -mcpu=cortex-m4 -mfpu=fpv4-sp-d16
%C%_DIFF_M7 = $(AM_V_GEN)$(%C%_DIFF_CC) -I$(srcdir)/%D% -mcpu=cortex-m7 -mfpu=fpv5-d16 -DFPV5

%D%/vfpdiff-m4.elf: $(srcdir)/%D%/vfp_diff.c $(%C%_DEPS)
	$(%C%_DIFF_M4)
%D%/vfpdiff-m4-v.elf: $(srcdir)/%D%/vfp_diff.c $(%C%_DEPS)
	$(%C%_DIFF_M4) -DVERBOSE
%D%/vfpdiff-m7.elf: $(srcdir)/%D%/vfp_diff.c $(%C%_DEPS)
	$(%C%_DIFF_M7)
%D%/vfpdiff-m7-v.elf: $(srcdir)/%D%/vfp_diff.c $(%C%_DEPS)
	$(%C%_DIFF_M7) -DVERBOSE
endif
