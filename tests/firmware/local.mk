# SPDX-License-Identifier: MIT
# C firmware built with the RISC-V cross gcc: the demo (demo-rv64.elf for
# riscv-virt, demo-rv32.elf for riscv-virt32; built by `make`, run by the
# README) and uart-irq (UART receive interrupts through the PLIC) on the
# freestanding runtime in common/, which bench/ shares; an ARM stub ELF
# for the loader error test; run.sh checks them on ./mosaic.
# -misa-spec=2.2 keeps Zicsr/Zifencei inside "i", so -march=rv64imac both
# assembles CSR code and selects the rv64imac/lp64 libgcc multilib.

TESTS += %D%/run.sh
EXTRA_DIST += %D%/run.sh %D%/common/fw.h %D%/common/fw.c %D%/common/fw_lib.c %D%/common/start.S \
	%D%/common/link.ld %D%/demo/demo.c %D%/uart_irq/uart_irq.c %D%/arm/stub.S
CLEANFILES += %D%/demo-rv64.elf %D%/demo-rv32.elf %D%/arm-stub.elf %D%/demo-cut.elf \
	%D%/demo-rv64.log %D%/demo-rv32.log %D%/demo-rv64-one-hart.log \
	%D%/arm-elf-on-riscv.log %D%/elf32-on-rv64.log %D%/truncated-elf.log \
	%D%/uart-irq-rv64.elf %D%/uart-irq-rv32.elf %D%/uart-irq-*.log

if HAVE_RISCV_CC
noinst_DATA += %D%/demo-rv64.elf %D%/demo-rv32.elf
check_SCRIPTS += %D%/uart-irq-rv64.elf %D%/uart-irq-rv32.elf

%C%_COMMON = $(srcdir)/%D%/common/start.S $(srcdir)/%D%/common/fw.c \
	$(srcdir)/%D%/common/fw_lib.c
%C%_DEPS = $(%C%_COMMON) $(srcdir)/%D%/common/fw.h $(srcdir)/%D%/common/link.ld
%C%_CC = $(MKDIR_P) $(@D) && $(RISCV_CC) -misa-spec=2.2 -mcmodel=medany -O2 -g \
	-std=c11 -Wall -Wextra -ffreestanding -nostdlib -nostartfiles -static \
	-I$(srcdir)/%D%/common -T $(srcdir)/%D%/common/link.ld -o $@ $(%C%_COMMON)
%C%_RV64 = $(AM_V_GEN)$(%C%_CC) -march=rv64imac -mabi=lp64
%C%_RV32 = $(AM_V_GEN)$(%C%_CC) -march=rv32imac -mabi=ilp32

%D%/demo-rv64.elf: $(srcdir)/%D%/demo/demo.c $(%C%_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/demo/demo.c -lgcc
%D%/demo-rv32.elf: $(srcdir)/%D%/demo/demo.c $(%C%_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/demo/demo.c -lgcc
%D%/uart-irq-rv64.elf: $(srcdir)/%D%/uart_irq/uart_irq.c $(%C%_DEPS)
	$(%C%_RV64) $(srcdir)/%D%/uart_irq/uart_irq.c -lgcc
%D%/uart-irq-rv32.elf: $(srcdir)/%D%/uart_irq/uart_irq.c $(%C%_DEPS)
	$(%C%_RV32) $(srcdir)/%D%/uart_irq/uart_irq.c -lgcc
endif

if HAVE_ARM_CC
check_SCRIPTS += %D%/arm-stub.elf
%D%/arm-stub.elf: $(srcdir)/%D%/arm/stub.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mcpu=cortex-m3 -mthumb -nostdlib -static \
		-Wl,-Ttext=0x80000000 -o $@ $(srcdir)/%D%/arm/stub.S
endif
