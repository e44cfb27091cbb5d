# SPDX-License-Identifier: MIT
# The self-checking Thumb-2 suite: each arm_NAME.S is built with the
# runtime for the MPS2 AN385/AN386/AN500 map as arm/m3-NAME.elf
# (-mcpu=cortex-m3) and arm/m4-NAME.elf (-mcpu=cortex-m4); the DSP files
# only for the M4, the semihosting exit variants (arm_exit.S with
# EXIT_HOW) only for the M3, the FP files (arm_vfp.S, arm_vfpctx.S) for
# the M4F and as arm/m7-NAME.elf (-mcpu=cortex-m7), arm_vfp5.S (FPv5) for
# the M7 only. arm/run.sh runs them all (TAP) on mps2-an385, mps2-an386
# and mps2-an500; with MOSAIC_ISA_QEMU=1 it
# runs them on qemu-system-arm's machines of those names instead, to
# check the tests. arm_v6m.S, with its own Thumb-1 runtime, is built as
# m0-v6m.elf and m0p-v6m.elf for the Cortex-M0 and M0+ (Mosaic only).
#
# vfp_diff.sh compares every FP instruction against qemu-system-arm:
# vfp_diff.c built for the Cortex-M4F (vfpdiff-m4.elf) and the Cortex-M7
# (vfpdiff-m7.elf), each also with -DVERBOSE to show differing cases.

TESTS += %D%/run.sh %D%/vfp_diff.sh
EXTRA_DIST += %D%/run.sh %D%/test.h %D%/runtime.S %D%/link.ld %D%/arm_exit.S \
	%D%/arm_alu.S %D%/arm_branch.S %D%/arm_mem.S %D%/arm_bits.S %D%/arm_muldiv.S \
	%D%/arm_sys.S %D%/arm_exc.S %D%/arm_fault.S %D%/arm_semihost.S %D%/arm_strict.S \
	%D%/arm_simd.S %D%/arm_dspmul.S %D%/arm_vfp.S %D%/arm_vfpctx.S %D%/arm_vfp5.S \
	%D%/arm_v6m.S \
	%D%/vfp_diff.sh %D%/vfp_diff.c
CLEANFILES += %D%/m3-*.elf %D%/m4-*.elf %D%/m7-*.elf %D%/m0-*.elf %D%/m0p-*.elf %D%/*.log \
	%D%/vfpdiff-*.elf %D%/vfpdiff-*.log.*

if HAVE_ARM_CC
check_SCRIPTS += \
	%D%/m3-alu.elf \
	%D%/m3-branch.elf \
	%D%/m3-mem.elf \
	%D%/m3-bits.elf \
	%D%/m3-muldiv.elf \
	%D%/m3-sys.elf \
	%D%/m3-exc.elf \
	%D%/m3-fault.elf \
	%D%/m3-semihost.elf \
	%D%/m3-strict.elf \
	%D%/m3-exit42.elf \
	%D%/m3-exit0.elf \
	%D%/m3-exit1.elf \
	%D%/m4-alu.elf \
	%D%/m4-branch.elf \
	%D%/m4-mem.elf \
	%D%/m4-bits.elf \
	%D%/m4-muldiv.elf \
	%D%/m4-sys.elf \
	%D%/m4-exc.elf \
	%D%/m4-fault.elf \
	%D%/m4-semihost.elf \
	%D%/m4-strict.elf \
	%D%/m4-simd.elf \
	%D%/m4-dspmul.elf \
	%D%/m4-vfp.elf \
	%D%/m4-vfpctx.elf \
	%D%/m7-vfp.elf \
	%D%/m7-vfpctx.elf \
	%D%/m7-vfp5.elf \
	%D%/m0-v6m.elf \
	%D%/m0p-v6m.elf

%C%_DEPS = $(srcdir)/%D%/runtime.S $(srcdir)/%D%/test.h $(srcdir)/%D%/link.ld
%C%_CC = $(MKDIR_P) $(@D) && $(ARM_CC) -mthumb -nostdlib -nostartfiles -static -g \
	-I$(srcdir)/%D% -T $(srcdir)/%D%/link.ld -o $@ $(srcdir)/%D%/runtime.S
%C%_M3 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m3
%C%_M4 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m4
%C%_M7 = $(AM_V_GEN)$(%C%_CC) -mcpu=cortex-m7

%D%/m3-alu.elf: $(srcdir)/%D%/arm_alu.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_alu.S
%D%/m4-alu.elf: $(srcdir)/%D%/arm_alu.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_alu.S
%D%/m3-branch.elf: $(srcdir)/%D%/arm_branch.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_branch.S
%D%/m4-branch.elf: $(srcdir)/%D%/arm_branch.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_branch.S
%D%/m3-mem.elf: $(srcdir)/%D%/arm_mem.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_mem.S
%D%/m4-mem.elf: $(srcdir)/%D%/arm_mem.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_mem.S
%D%/m3-bits.elf: $(srcdir)/%D%/arm_bits.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_bits.S
%D%/m4-bits.elf: $(srcdir)/%D%/arm_bits.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_bits.S
%D%/m3-muldiv.elf: $(srcdir)/%D%/arm_muldiv.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_muldiv.S
%D%/m4-muldiv.elf: $(srcdir)/%D%/arm_muldiv.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_muldiv.S
%D%/m3-sys.elf: $(srcdir)/%D%/arm_sys.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_sys.S
%D%/m4-sys.elf: $(srcdir)/%D%/arm_sys.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_sys.S
%D%/m3-exc.elf: $(srcdir)/%D%/arm_exc.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_exc.S
%D%/m4-exc.elf: $(srcdir)/%D%/arm_exc.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_exc.S
%D%/m3-fault.elf: $(srcdir)/%D%/arm_fault.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_fault.S
%D%/m4-fault.elf: $(srcdir)/%D%/arm_fault.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_fault.S
%D%/m3-semihost.elf: $(srcdir)/%D%/arm_semihost.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_semihost.S
%D%/m4-semihost.elf: $(srcdir)/%D%/arm_semihost.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_semihost.S
%D%/m3-strict.elf: $(srcdir)/%D%/arm_strict.S $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/arm_strict.S
%D%/m4-strict.elf: $(srcdir)/%D%/arm_strict.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_strict.S
%D%/m4-simd.elf: $(srcdir)/%D%/arm_simd.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_simd.S
%D%/m4-dspmul.elf: $(srcdir)/%D%/arm_dspmul.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_dspmul.S
%D%/m4-vfp.elf: $(srcdir)/%D%/arm_vfp.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_vfp.S
%D%/m7-vfp.elf: $(srcdir)/%D%/arm_vfp.S $(%C%_DEPS)
	$(%C%_M7) $(srcdir)/%D%/arm_vfp.S
%D%/m4-vfpctx.elf: $(srcdir)/%D%/arm_vfpctx.S $(%C%_DEPS)
	$(%C%_M4) $(srcdir)/%D%/arm_vfpctx.S
%D%/m7-vfpctx.elf: $(srcdir)/%D%/arm_vfpctx.S $(%C%_DEPS)
	$(%C%_M7) $(srcdir)/%D%/arm_vfpctx.S
%D%/m7-vfp5.elf: $(srcdir)/%D%/arm_vfp5.S $(%C%_DEPS)
	$(%C%_M7) $(srcdir)/%D%/arm_vfp5.S
%D%/m0-v6m.elf: $(srcdir)/%D%/arm_v6m.S $(srcdir)/%D%/link.ld
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mthumb -nostdlib -nostartfiles -static -g \
		-mcpu=cortex-m0 -T $(srcdir)/%D%/link.ld -o $@ $(srcdir)/%D%/arm_v6m.S
%D%/m0p-v6m.elf: $(srcdir)/%D%/arm_v6m.S $(srcdir)/%D%/link.ld
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mthumb -nostdlib -nostartfiles -static -g \
		-mcpu=cortex-m0plus -T $(srcdir)/%D%/link.ld -o $@ $(srcdir)/%D%/arm_v6m.S
%D%/m3-exit42.elf: $(srcdir)/%D%/arm_exit.S $(%C%_DEPS)
	$(%C%_M3) -DEXIT_HOW=1 $(srcdir)/%D%/arm_exit.S
%D%/m3-exit0.elf: $(srcdir)/%D%/arm_exit.S $(%C%_DEPS)
	$(%C%_M3) -DEXIT_HOW=2 $(srcdir)/%D%/arm_exit.S
%D%/m3-exit1.elf: $(srcdir)/%D%/arm_exit.S $(%C%_DEPS)
	$(%C%_M3) -DEXIT_HOW=3 $(srcdir)/%D%/arm_exit.S

check_SCRIPTS += \
	%D%/vfpdiff-m4.elf \
	%D%/vfpdiff-m4-v.elf \
	%D%/vfpdiff-m7.elf \
	%D%/vfpdiff-m7-v.elf

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
