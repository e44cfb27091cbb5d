# SPDX-License-Identifier: MIT
# Floating point on the gc boards: fpdiff (every F and D instruction in
# every rounding mode over edge and random operands, one hash per
# instruction and mode; on the runtime of ../common with the integer ABI)
# for rv64 and rv32, which run.sh runs on ./mosaic and on QEMU and
# compares; and hello-rv64.elf, a picolibc hello world built with the
# toolchain's defaults (rv64imafdc, lp64d) that prints floats.

TESTS += %D%/run.sh
EXTRA_DIST += %D%/run.sh %D%/fpdiff.c %D%/hello.c
CLEANFILES += %D%/fpdiff-rv64.elf %D%/fpdiff-rv32.elf %D%/hello-rv64.elf %D%/*.log \
	%D%/*.out

if HAVE_RISCV_CC
check_SCRIPTS += %D%/fpdiff-rv64.elf %D%/fpdiff-rv32.elf
%D%/fpdiff-rv64.elf: $(srcdir)/%D%/fpdiff.c $(tests_firmware_DEPS)
	$(AM_V_GEN)$(tests_firmware_CC) -march=rv64gc -mabi=lp64 $(srcdir)/%D%/fpdiff.c -lgcc
%D%/fpdiff-rv32.elf: $(srcdir)/%D%/fpdiff.c $(tests_firmware_DEPS)
	$(AM_V_GEN)$(tests_firmware_CC) -march=rv32gc -mabi=ilp32 $(srcdir)/%D%/fpdiff.c -lgcc
endif

if HAVE_RISCV_PICOLIBC
check_SCRIPTS += %D%/hello-rv64.elf
# riscv-virt's RAM: 1 MiB of code, then data and stack.
%D%/hello-rv64.elf: $(srcdir)/%D%/hello.c
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(RISCV_CC) --specs=picolibc.specs --crt0=hosted \
		--oslib=semihost -mcmodel=medany -O2 -g -Wl,--defsym=__flash=0x80000000 \
		-Wl,--defsym=__flash_size=1M -Wl,--defsym=__ram=0x80100000 \
		-Wl,--defsym=__ram_size=1M -o $@ $(srcdir)/%D%/hello.c
endif
