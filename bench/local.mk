# SPDX-License-Identifier: MIT
# `make bench` (not part of `make check`): builds the compute firmware
# bench-rv64.elf and the floating-point one fpbench-rv64gc.elf with the
# firmware runtime of tests/firmware (whose tests_firmware_* build
# variables it reuses) and runs run-bench.sh, which times them on ./mosaic
# and on qemu-system-riscv64; with arm-none-eabi-gcc,
# also bench-m3.elf (the runtime of tests/firmware/mps2) on mps2-an385 and
# qemu-system-arm -M mps2-an385, and fpbench-m4f.elf (the floating-point
# kernels, hard-float ABI) on mps2-an386 and qemu-system-arm -M mps2-an386. BENCH_ROUNDS sizes the workload (QEMU
# takes about 1-3 s); BENCH_RUNS=N in the environment sets the number of
# runs (default 3).

EXTRA_DIST += %D%/bench.c %D%/fpbench.c %D%/run-bench.sh
CLEANFILES += %D%/bench-rv64.elf %D%/bench-m3.elf %D%/bench.out %D%/bench.err \
	%D%/fpbench-rv64gc.elf %D%/fpbench-m4f.elf
BENCH_ROUNDS = 200
FPBENCH_ROUNDS = 10

.PHONY: bench
BENCH_ELFS = %D%/bench-rv64.elf
if HAVE_ARM_CC
BENCH_ELFS += %D%/bench-m3.elf
%D%/bench-m3.elf: $(srcdir)/%D%/bench.c $(tests_firmware_mps2_DEPS)
	$(tests_firmware_mps2_M3) -DBENCH_ROUNDS=$(BENCH_ROUNDS) $(srcdir)/%D%/bench.c -lgcc
BENCH_ELFS += %D%/fpbench-m4f.elf
%D%/fpbench-m4f.elf: $(srcdir)/%D%/fpbench.c $(tests_firmware_mps2_DEPS)
	$(AM_V_GEN)$(ARM_CC) -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard -fno-math-errno \
		$(tests_firmware_mps2_CFLAGS) -o $@ $(tests_firmware_mps2_RUNTIME) \
		-DFPBENCH_ROUNDS=$(FPBENCH_ROUNDS) $(srcdir)/%D%/fpbench.c -lgcc
endif

if HAVE_RISCV_CC
%D%/bench-rv64.elf: $(srcdir)/%D%/bench.c $(tests_firmware_DEPS)
	$(tests_firmware_RV64) -DBENCH_ROUNDS=$(BENCH_ROUNDS) $(srcdir)/%D%/bench.c -lgcc
# The floating-point kernels for rv64gc with the hard-float ABI.
BENCH_ELFS += %D%/fpbench-rv64gc.elf
%D%/fpbench-rv64gc.elf: $(srcdir)/%D%/fpbench.c $(tests_firmware_DEPS)
	$(AM_V_GEN)$(tests_firmware_CC) -march=rv64gc -mabi=lp64d -fno-math-errno \
		-DFPBENCH_ROUNDS=$(FPBENCH_ROUNDS) $(srcdir)/%D%/fpbench.c -lgcc

bench: mosaic$(EXEEXT) $(BENCH_ELFS)
	$(SHELL) $(srcdir)/%D%/run-bench.sh $(top_builddir)
	$(MAKE) $(AM_MAKEFLAGS) bench-gdb
else
bench:
	@echo "make bench needs riscv64-unknown-elf-gcc (Debian: gcc-riscv64-unknown-elf)," \
		"then configure again" >&2; exit 1
endif
