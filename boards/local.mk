# SPDX-License-Identifier: MIT
noinst_LIBRARIES += %D%/libboards.a
%C%_libboards_a_CFLAGS = $(AM_CFLAGS) $(EXPAT_CFLAGS)
%C%_libboards_a_SOURCES = %D%/board.h %D%/board_xml.c %D%/board_find.c %D%/devices.c \
	%D%/devices/ns16550.c %D%/devices/test_finisher.c %D%/devices/clint.c %D%/devices/htif.c \
	%D%/devices/cmsdk_uart.c %D%/devices/cmsdk_timer.c %D%/devices/mailbox.c \
	%D%/devices/sysctl.c %D%/devices/plic.c %D%/devices/uart_chardev.c \
	%D%/devices/uart_chardev.h
boardsdir = $(pkgdatadir)/boards
dist_boards_DATA = %D%/rv-amp.xml %D%/riscv-virt.xml %D%/riscv-virt32.xml %D%/riscv-spike.xml %D%/riscv-spike32.xml \
	%D%/mps2-an385.xml %D%/mps2-an386.xml %D%/mps2-an500.xml %D%/rv-m4-amp.xml
