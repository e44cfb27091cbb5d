# SPDX-License-Identifier: MIT
# The real-gdb tests: gdb-multiarch in batch and MI mode against ./mosaic on
# the rv-amp board (tests/gdb/*.sh, TAP, on lib.sh), with the firmware of
# tests/gdb/firmware built by the RISC-V cross gcc at -O0 -g so gdb can
# break, step and print in it: app.elf (rv64, at 0x80000000) and rt.elf
# (rv32, at 0x40000000). Without the cross gcc or gdb-multiarch the tests
# skip. `make bench-gdb` times gdb on Mosaic and on QEMU (bench/gdb-bench.sh).
# -misa-spec=2.2 keeps Zicsr inside "i", as in tests/firmware.
# The hetero*.sh scripts debug the rv-m4-amp board (RV64 + Cortex-M4) with
# hetero_app.elf (rv64, on the same start.S/fw.ld) and hetero_m4.elf
# (Thumb-2, in the M4's TCM), built when the ARM cross gcc is there too.

%C%_TESTS = %D%/connect.sh %D%/recipe.sh %D%/break.sh %D%/step.sh %D%/watch.sh \
	%D%/memory.sh %D%/interrupt.sh %D%/monitor.sh %D%/lifecycle.sh %D%/mi.sh \
	%D%/attach_all.sh %D%/valgrind.sh %D%/valgrind_hetero.sh %D%/hetero.sh %D%/hetero_attach.sh %D%/hetero_settle.sh %D%/hetero_break.sh \
	%D%/hetero_step.sh %D%/hetero_watch.sh %D%/hetero_mi.sh %D%/fpu.sh %D%/vfp.sh \
	%D%/fault_storm.sh %D%/reconnect_stress.sh
TESTS += $(%C%_TESTS)
EXTRA_DIST += $(%C%_TESTS) %D%/lib.sh %D%/firmware/fw.h %D%/firmware/start.S \
	%D%/firmware/fw.ld %D%/firmware/app.c %D%/firmware/rt.c %D%/firmware/bench.c \
	%D%/firmware/hetero_shared.h %D%/firmware/hetero_app.c %D%/firmware/hetero_m4.c \
	%D%/firmware/hetero_m4.ld %D%/firmware/fpu.c \
	%D%/firmware/vfp_m4.c doc/gdb/mosaic.py bench/gdb-bench.sh
CLEANFILES += %D%/firmware/app.elf %D%/firmware/rt.elf %D%/firmware/bench.elf \
	%D%/firmware/hetero_app.elf %D%/firmware/hetero_m4.elf %D%/firmware/fpu-rv64.elf \
	%D%/firmware/fpu-rv32.elf %D%/firmware/vfp_m4.elf

.PHONY: bench-gdb
if HAVE_RISCV_CC
check_SCRIPTS += %D%/firmware/app.elf %D%/firmware/rt.elf

%C%_FW = $(srcdir)/%D%/firmware
%C%_FW_DEPS = $(%C%_FW)/start.S $(%C%_FW)/fw.h $(%C%_FW)/fw.ld
%C%_FW_CC = $(AM_V_GEN)$(MKDIR_P) $(@D) && $(RISCV_CC) -misa-spec=2.2 -mcmodel=medany \
	-O0 -g -std=c11 -Wall -Wextra -ffreestanding -nostdlib -nostartfiles -static \
	-Wl,--no-warn-rwx-segments -T $(%C%_FW)/fw.ld -o $@ $(%C%_FW)/start.S
%C%_FW_RV64 = $(%C%_FW_CC) -march=rv64imac -mabi=lp64 -Wl,--defsym=fw_ram_base=0x80000000
%C%_FW_RV32 = $(%C%_FW_CC) -march=rv32imac -mabi=ilp32 -Wl,--defsym=fw_ram_base=0x40000000

%D%/firmware/app.elf: $(%C%_FW)/app.c $(%C%_FW_DEPS)
	$(%C%_FW_RV64) $(%C%_FW)/app.c
%D%/firmware/rt.elf: $(%C%_FW)/rt.c $(%C%_FW_DEPS)
	$(%C%_FW_RV32) $(%C%_FW)/rt.c
%D%/firmware/bench.elf: $(%C%_FW)/bench.c $(%C%_FW_DEPS)
	$(%C%_FW_RV64) $(%C%_FW)/bench.c

# fpu.sh: hard-float images (the toolchain's default ABIs) for riscv-virt(32).
check_SCRIPTS += %D%/firmware/fpu-rv64.elf %D%/firmware/fpu-rv32.elf
%D%/firmware/fpu-rv64.elf: $(%C%_FW)/fpu.c $(%C%_FW_DEPS)
	$(%C%_FW_CC) -march=rv64gc -mabi=lp64d -Wl,--defsym=fw_ram_base=0x80000000 $(%C%_FW)/fpu.c
%D%/firmware/fpu-rv32.elf: $(%C%_FW)/fpu.c $(%C%_FW_DEPS)
	$(%C%_FW_CC) -march=rv32gc -mabi=ilp32d -Wl,--defsym=fw_ram_base=0x80000000 $(%C%_FW)/fpu.c

if HAVE_ARM_CC
check_SCRIPTS += %D%/firmware/hetero_app.elf %D%/firmware/hetero_m4.elf

%D%/firmware/hetero_app.elf: $(%C%_FW)/hetero_app.c $(%C%_FW)/hetero_shared.h $(%C%_FW_DEPS)
	$(%C%_FW_RV64) $(%C%_FW)/hetero_app.c
%D%/firmware/hetero_m4.elf: $(%C%_FW)/hetero_m4.c $(%C%_FW)/hetero_shared.h \
		$(%C%_FW)/hetero_m4.ld
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mcpu=cortex-m4 -mthumb -O0 -g -std=c11 \
		-Wall -Wextra -ffreestanding -nostdlib -nostartfiles -static \
		-Wl,--no-warn-rwx-segments -T $(%C%_FW)/hetero_m4.ld -o $@ $(%C%_FW)/hetero_m4.c
endif

bench-gdb: mosaic$(EXEEXT) %D%/firmware/bench.elf
	$(SHELL) $(srcdir)/bench/gdb-bench.sh ./mosaic$(EXEEXT) %D%/firmware/bench.elf
else
bench-gdb:
	@echo "make bench-gdb needs riscv64-unknown-elf-gcc (Debian: gcc-riscv64-unknown-elf)," \
		"then configure again" >&2; exit 1
endif

# The Cortex-M4F firmware of vfp.sh (mps2-an386), hard-float ABI; it
# needs only the ARM cross gcc.
if HAVE_ARM_CC
check_SCRIPTS += %D%/firmware/vfp_m4.elf
%D%/firmware/vfp_m4.elf: $(srcdir)/%D%/firmware/vfp_m4.c $(srcdir)/%D%/firmware/hetero_m4.ld
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 \
		-mfloat-abi=hard -O0 -g -std=c11 -Wall -Wextra -ffreestanding -nostdlib \
		-nostartfiles -static -Wl,--no-warn-rwx-segments -Wl,-e,vfp_reset \
		-T $(srcdir)/%D%/firmware/hetero_m4.ld -o $@ $(srcdir)/%D%/firmware/vfp_m4.c
endif
