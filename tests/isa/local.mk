# SPDX-License-Identifier: MIT
# The self-checking RISC-V assembly suite: each riscv/rv_NAME.S is built for
# rv64 (riscv/rv64-NAME.elf) and rv32 (riscv/rv32-NAME.elf) with the runtime
# for the virt boards, a few also with the HTIF runtime for the spike boards
# (riscv/rvXX-NAME-spike.elf). riscv/run.sh runs them all (TAP); with
# MOSAIC_ISA_QEMU=1 it runs them on QEMU instead, to check the tests.

TESTS += %D%/riscv/run.sh
EXTRA_DIST += %D%/lib.sh %D%/riscv/run.sh %D%/riscv/test.h %D%/riscv/runtime.S %D%/riscv/link.ld \
	%D%/riscv/rv_alu.S %D%/riscv/rv_branch.S %D%/riscv/rv_mem.S %D%/riscv/rv_muldiv.S \
	%D%/riscv/rv_atomic.S %D%/riscv/rv_compressed.S %D%/riscv/rv_csr.S %D%/riscv/rv_traps.S \
	%D%/riscv/rv_user.S %D%/riscv/rv_interrupts.S %D%/riscv/rv_smc.S %D%/riscv/rv_smp.S \
	%D%/riscv/rv_semihost.S %D%/riscv/rv_misaligned.S %D%/riscv/rv_strict.S %D%/riscv/rv_fp.S \
	%D%/riscv/rv_bitmanip.S
CLEANFILES += %D%/riscv/rv*.elf %D%/riscv/rv*.log

if HAVE_RISCV_CC
check_SCRIPTS += \
	%D%/riscv/rv64-alu.elf \
	%D%/riscv/rv32-alu.elf \
	%D%/riscv/rv64-branch.elf \
	%D%/riscv/rv32-branch.elf \
	%D%/riscv/rv64-mem.elf \
	%D%/riscv/rv32-mem.elf \
	%D%/riscv/rv64-muldiv.elf \
	%D%/riscv/rv32-muldiv.elf \
	%D%/riscv/rv64-atomic.elf \
	%D%/riscv/rv32-atomic.elf \
	%D%/riscv/rv64-compressed.elf \
	%D%/riscv/rv32-compressed.elf \
	%D%/riscv/rv64-csr.elf \
	%D%/riscv/rv32-csr.elf \
	%D%/riscv/rv64-traps.elf \
	%D%/riscv/rv32-traps.elf \
	%D%/riscv/rv64-user.elf \
	%D%/riscv/rv32-user.elf \
	%D%/riscv/rv64-interrupts.elf \
	%D%/riscv/rv32-interrupts.elf \
	%D%/riscv/rv64-smc.elf \
	%D%/riscv/rv32-smc.elf \
	%D%/riscv/rv64-smp.elf \
	%D%/riscv/rv32-smp.elf \
	%D%/riscv/rv64-semihost.elf \
	%D%/riscv/rv32-semihost.elf \
	%D%/riscv/rv64-misaligned.elf \
	%D%/riscv/rv32-misaligned.elf \
	%D%/riscv/rv64-strict.elf \
	%D%/riscv/rv32-strict.elf \
	%D%/riscv/rv64-fp.elf \
	%D%/riscv/rv32-fp.elf \
	%D%/riscv/rv64-bitmanip.elf \
	%D%/riscv/rv32-bitmanip.elf \
	%D%/riscv/rv64-alu-spike.elf \
	%D%/riscv/rv32-alu-spike.elf \
	%D%/riscv/rv64-muldiv-spike.elf \
	%D%/riscv/rv32-muldiv-spike.elf \
	%D%/riscv/rv64-compressed-spike.elf \
	%D%/riscv/rv32-compressed-spike.elf

%C%_RV_DEPS = $(srcdir)/%D%/riscv/runtime.S $(srcdir)/%D%/riscv/test.h \
	$(srcdir)/%D%/riscv/link.ld
%C%_RV_CC = $(MKDIR_P) $(@D) && $(RISCV_CC) -nostdlib -nostartfiles -static \
	-mcmodel=medany -g -I$(srcdir)/%D%/riscv -T $(srcdir)/%D%/riscv/link.ld \
	-o $@ $(srcdir)/%D%/riscv/runtime.S
%C%_RV64 = $(AM_V_GEN)$(%C%_RV_CC) -march=rv64imac_zicsr_zifencei -mabi=lp64
%C%_RV32 = $(AM_V_GEN)$(%C%_RV_CC) -march=rv32imac_zicsr_zifencei -mabi=ilp32

%D%/riscv/rv64-alu.elf: $(srcdir)/%D%/riscv/rv_alu.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_alu.S
%D%/riscv/rv32-alu.elf: $(srcdir)/%D%/riscv/rv_alu.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_alu.S
%D%/riscv/rv64-branch.elf: $(srcdir)/%D%/riscv/rv_branch.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_branch.S
%D%/riscv/rv32-branch.elf: $(srcdir)/%D%/riscv/rv_branch.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_branch.S
%D%/riscv/rv64-mem.elf: $(srcdir)/%D%/riscv/rv_mem.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_mem.S
%D%/riscv/rv32-mem.elf: $(srcdir)/%D%/riscv/rv_mem.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_mem.S
%D%/riscv/rv64-muldiv.elf: $(srcdir)/%D%/riscv/rv_muldiv.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_muldiv.S
%D%/riscv/rv32-muldiv.elf: $(srcdir)/%D%/riscv/rv_muldiv.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_muldiv.S
%D%/riscv/rv64-atomic.elf: $(srcdir)/%D%/riscv/rv_atomic.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_atomic.S
%D%/riscv/rv32-atomic.elf: $(srcdir)/%D%/riscv/rv_atomic.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_atomic.S
%D%/riscv/rv64-compressed.elf: $(srcdir)/%D%/riscv/rv_compressed.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_compressed.S
%D%/riscv/rv32-compressed.elf: $(srcdir)/%D%/riscv/rv_compressed.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_compressed.S
%D%/riscv/rv64-csr.elf: $(srcdir)/%D%/riscv/rv_csr.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_csr.S
%D%/riscv/rv32-csr.elf: $(srcdir)/%D%/riscv/rv_csr.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_csr.S
%D%/riscv/rv64-traps.elf: $(srcdir)/%D%/riscv/rv_traps.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_traps.S
%D%/riscv/rv32-traps.elf: $(srcdir)/%D%/riscv/rv_traps.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_traps.S
%D%/riscv/rv64-user.elf: $(srcdir)/%D%/riscv/rv_user.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_user.S
%D%/riscv/rv32-user.elf: $(srcdir)/%D%/riscv/rv_user.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_user.S
%D%/riscv/rv64-interrupts.elf: $(srcdir)/%D%/riscv/rv_interrupts.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_interrupts.S
%D%/riscv/rv32-interrupts.elf: $(srcdir)/%D%/riscv/rv_interrupts.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_interrupts.S
%D%/riscv/rv64-smc.elf: $(srcdir)/%D%/riscv/rv_smc.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_smc.S
%D%/riscv/rv32-smc.elf: $(srcdir)/%D%/riscv/rv_smc.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_smc.S
%D%/riscv/rv64-smp.elf: $(srcdir)/%D%/riscv/rv_smp.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_smp.S
%D%/riscv/rv32-smp.elf: $(srcdir)/%D%/riscv/rv_smp.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_smp.S
%D%/riscv/rv64-semihost.elf: $(srcdir)/%D%/riscv/rv_semihost.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_semihost.S
%D%/riscv/rv32-semihost.elf: $(srcdir)/%D%/riscv/rv_semihost.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_semihost.S
%D%/riscv/rv64-misaligned.elf: $(srcdir)/%D%/riscv/rv_misaligned.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_misaligned.S
%D%/riscv/rv32-misaligned.elf: $(srcdir)/%D%/riscv/rv_misaligned.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_misaligned.S
%D%/riscv/rv64-strict.elf: $(srcdir)/%D%/riscv/rv_strict.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_strict.S
%D%/riscv/rv32-strict.elf: $(srcdir)/%D%/riscv/rv_strict.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_strict.S
%D%/riscv/rv64-fp.elf: $(srcdir)/%D%/riscv/rv_fp.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_fp.S
%D%/riscv/rv32-fp.elf: $(srcdir)/%D%/riscv/rv_fp.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_fp.S
%D%/riscv/rv64-bitmanip.elf: $(srcdir)/%D%/riscv/rv_bitmanip.S $(%C%_RV_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/riscv/rv_bitmanip.S
%D%/riscv/rv32-bitmanip.elf: $(srcdir)/%D%/riscv/rv_bitmanip.S $(%C%_RV_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/riscv/rv_bitmanip.S
%D%/riscv/rv64-alu-spike.elf: $(srcdir)/%D%/riscv/rv_alu.S $(%C%_RV_DEPS)
	$(%C%_RV64) -DTEST_HTIF $(srcdir)/%D%/riscv/rv_alu.S
%D%/riscv/rv32-alu-spike.elf: $(srcdir)/%D%/riscv/rv_alu.S $(%C%_RV_DEPS)
	$(%C%_RV32) -DTEST_HTIF $(srcdir)/%D%/riscv/rv_alu.S
%D%/riscv/rv64-muldiv-spike.elf: $(srcdir)/%D%/riscv/rv_muldiv.S $(%C%_RV_DEPS)
	$(%C%_RV64) -DTEST_HTIF $(srcdir)/%D%/riscv/rv_muldiv.S
%D%/riscv/rv32-muldiv-spike.elf: $(srcdir)/%D%/riscv/rv_muldiv.S $(%C%_RV_DEPS)
	$(%C%_RV32) -DTEST_HTIF $(srcdir)/%D%/riscv/rv_muldiv.S
%D%/riscv/rv64-compressed-spike.elf: $(srcdir)/%D%/riscv/rv_compressed.S $(%C%_RV_DEPS)
	$(%C%_RV64) -DTEST_HTIF $(srcdir)/%D%/riscv/rv_compressed.S
%D%/riscv/rv32-compressed-spike.elf: $(srcdir)/%D%/riscv/rv_compressed.S $(%C%_RV_DEPS)
	$(%C%_RV32) -DTEST_HTIF $(srcdir)/%D%/riscv/rv_compressed.S
endif
