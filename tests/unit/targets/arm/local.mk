# SPDX-License-Identifier: MIT
# Arm target unit tests: the decoder against capstone, cores run through
# the engine, and the register descriptions (integer and FP).
%C%_LIBS = $(TARGETS_TEST_SUPPORT) targets/arm/libarm.a $(CAPSTONE_LIBS) $(UNIT_LIBS)

%C%_TESTS = %D%/test_decode %D%/test_decode_vfp %D%/test_exec %D%/test_regs %D%/test_regs_fp
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_decode_CPPFLAGS = $(AM_CPPFLAGS) $(CAPSTONE_CFLAGS)
%C%_test_decode_vfp_CPPFLAGS = $(AM_CPPFLAGS) $(CAPSTONE_CFLAGS)
%C%_test_decode_LDADD = $(%C%_LIBS)
%C%_test_decode_vfp_LDADD = $(%C%_LIBS)
%C%_test_exec_LDADD = $(%C%_LIBS)
%C%_test_regs_LDADD = $(%C%_LIBS)
%C%_test_regs_fp_LDADD = $(%C%_LIBS)
# test_exec skips (TAP "1..0 # SKIP") when configure found no Arm gcc.
%C%_test_exec_CPPFLAGS = $(AM_CPPFLAGS) -DMOSAIC_ARM_CC='"$(ARM_CC)"'

# test_exec's programs: exec/NAME.S linked with the vector table and
# default handler of exec/runtime.S into exec/NAME.bin (and .elf, to
# disassemble), a flat image from address 0, built for the Cortex-M4 (the
# test runs the flags program on an M3 too).
%C%_EXEC = branches busfault div0 excl flags invpc invstate irq it itfault itstep \
	ldrd_unaligned lockup nmi nocp pendsv prio semihost semihost_exit semihost_fail \
	stack_align svc sysregs sysreset systick udf udf_enabled unaligned wfe
%C%_EXEC_DEPS = $(srcdir)/%D%/exec/exec.h $(srcdir)/%D%/exec/runtime.S \
	$(srcdir)/%D%/exec/link.ld
EXTRA_DIST += %D%/exec/exec.h %D%/exec/runtime.S %D%/exec/link.ld \
	$(%C%_EXEC:%=%D%/exec/%.S)
CLEANFILES += %D%/exec/*.elf %D%/exec/*.bin

if HAVE_ARM_CC
check_SCRIPTS += $(%C%_EXEC:%=%D%/exec/%.bin)

%D%/exec/%.bin: $(srcdir)/%D%/exec/%.S $(%C%_EXEC_DEPS)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mcpu=cortex-m4 -mthumb -nostdlib \
		-nostartfiles -static -I$(srcdir)/%D%/exec -T $(srcdir)/%D%/exec/link.ld \
		-o $(@:.bin=.elf) $< $(srcdir)/%D%/exec/runtime.S && \
	$$($(ARM_CC) -print-prog-name=objcopy) -O binary $(@:.bin=.elf) $@
endif
