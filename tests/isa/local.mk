# SPDX-License-Identifier: MIT
# The self-checking RISC-V assembly suite: each riscv/rv_NAME.S of the
# list is built for rv64 (riscv/rv64-NAME.elf) and rv32
# (riscv/rv32-NAME.elf) with the runtime for the virt boards; those of the
# spike list also with the HTIF runtime for the spike boards
# (riscv/rvXX-NAME-spike.elf). riscv/run.sh runs them all (TAP); with
# MOSAIC_ISA_QEMU=1 it runs them on QEMU instead, to check the tests.
%C%_RV = alu branch mem muldiv atomic compressed csr traps user interrupts smc smp \
	semihost misaligned strict fp bitmanip
%C%_RV_SPIKE = alu muldiv compressed

TESTS += %D%/riscv/run.sh
EXTRA_DIST += %D%/lib.sh %D%/riscv/run.sh %D%/riscv/test.h %D%/riscv/runtime.S \
	%D%/riscv/link.ld $(%C%_RV:%=%D%/riscv/rv_%.S)
CLEANFILES += %D%/riscv/rv*.elf %D%/riscv/rv*.log

if HAVE_RISCV_CC
check_SCRIPTS += $(%C%_RV:%=%D%/riscv/rv64-%.elf) $(%C%_RV:%=%D%/riscv/rv32-%.elf) \
	$(%C%_RV_SPIKE:%=%D%/riscv/rv64-%-spike.elf) $(%C%_RV_SPIKE:%=%D%/riscv/rv32-%-spike.elf)

%C%_RV_DEPS = $(srcdir)/%D%/riscv/runtime.S $(srcdir)/%D%/riscv/test.h \
	$(srcdir)/%D%/riscv/link.ld
%C%_RV_CC = $(MKDIR_P) $(@D) && $(RISCV_CC) -nostdlib -nostartfiles -static \
	-mcmodel=medany -g -I$(srcdir)/%D%/riscv -T $(srcdir)/%D%/riscv/link.ld \
	-o $@ $(srcdir)/%D%/riscv/runtime.S
%C%_RV64 = $(AM_V_GEN)$(%C%_RV_CC) -march=rv64imac_zicsr_zifencei -mabi=lp64
%C%_RV32 = $(AM_V_GEN)$(%C%_RV_CC) -march=rv32imac_zicsr_zifencei -mabi=ilp32

# The spike rules first: for rv64-alu-spike.elf, the stem "alu" is what
# is meant, not "alu-spike".
%D%/riscv/rv64-%-spike.elf: $(srcdir)/%D%/riscv/rv_%.S $(%C%_RV_DEPS)
	$(%C%_RV64) -DTEST_HTIF $<
%D%/riscv/rv32-%-spike.elf: $(srcdir)/%D%/riscv/rv_%.S $(%C%_RV_DEPS)
	$(%C%_RV32) -DTEST_HTIF $<
%D%/riscv/rv64-%.elf: $(srcdir)/%D%/riscv/rv_%.S $(%C%_RV_DEPS)
	$(%C%_RV64) $<
%D%/riscv/rv32-%.elf: $(srcdir)/%D%/riscv/rv_%.S $(%C%_RV_DEPS)
	$(%C%_RV32) $<
endif
