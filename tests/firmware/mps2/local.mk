# SPDX-License-Identifier: MIT
# C firmware for mps2-an385 built with arm-none-eabi-gcc for the
# Cortex-M3 on the runtime of this directory (start.c, fw_mps2.c, which
# implements ../common/fw.h; bench/ builds bench.c with it too): hello.elf
# (UART, semihosting, exit code) and rtos.elf (tasks switched by SysTick,
# PendSV and SVC, a timer0 interrupt); rtos-fp.elf for the Cortex-M4F of
# mps2-an386 (FP tasks switched as FreeRTOS's ARM_CM4F port does, lazy
# stacking). run.sh checks their exact output and
# exit code on ./mosaic, or on qemu-system-arm with MOSAIC_FW_QEMU=1;
# on-qemu.sh runs it that way when QEMU is installed, so the expected text
# is known to be what the firmware prints on QEMU's mps2-an385 too.

TESTS += %D%/run.sh %D%/on-qemu.sh
EXTRA_DIST += %D%/run.sh %D%/on-qemu.sh %D%/mps2.h %D%/start.c %D%/fw_mps2.c %D%/link.ld \
	%D%/hello.c %D%/rtos.c %D%/rtos_fp.c
CLEANFILES += %D%/hello.elf %D%/rtos.elf %D%/rtos-fp.elf %D%/*.log

if HAVE_ARM_CC
check_SCRIPTS += %D%/hello.elf %D%/rtos.elf %D%/rtos-fp.elf

%C%_RUNTIME = $(srcdir)/%D%/start.c $(srcdir)/%D%/fw_mps2.c $(srcdir)/%D%/../common/fw_lib.c
%C%_DEPS = $(%C%_RUNTIME) $(srcdir)/%D%/mps2.h $(srcdir)/%D%/link.ld \
	$(srcdir)/%D%/../common/fw.h
%C%_CFLAGS = -mthumb -O2 -g -std=c11 -Wall -Wextra -ffreestanding -nostdlib \
	-nostartfiles -static -I$(srcdir)/%D% -I$(srcdir)/%D%/../common \
	-T $(srcdir)/%D%/link.ld
%C%_M3 = $(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mcpu=cortex-m3 $(%C%_CFLAGS) -o $@ \
	$(%C%_RUNTIME)

%D%/hello.elf: $(srcdir)/%D%/hello.c $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/hello.c -lgcc
%D%/rtos.elf: $(srcdir)/%D%/rtos.c $(%C%_DEPS)
	$(%C%_M3) $(srcdir)/%D%/rtos.c -lgcc
# The Cortex-M4F (mps2-an386) with the hard-float ABI, runtime included.
%D%/rtos-fp.elf: $(srcdir)/%D%/rtos_fp.c $(%C%_DEPS)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(ARM_CC) -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 \
		-mfloat-abi=hard $(%C%_CFLAGS) -o $@ $(%C%_RUNTIME) $(srcdir)/%D%/rtos_fp.c -lgcc
endif
