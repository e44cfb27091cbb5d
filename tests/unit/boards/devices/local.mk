# SPDX-License-Identifier: MIT
# Device models, driven through their registers with the stand-in target
# of ../support.c.

check_PROGRAMS += %D%/test_ns16550
%C%_test_ns16550_SOURCES = %D%/test_ns16550.c $(BOARDS_TEST_SUPPORT)
%C%_test_ns16550_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_ns16550_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_ns16550

check_PROGRAMS += %D%/test_test_finisher
%C%_test_test_finisher_SOURCES = %D%/test_test_finisher.c $(BOARDS_TEST_SUPPORT)
%C%_test_test_finisher_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_test_finisher_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_test_finisher

check_PROGRAMS += %D%/test_clint
%C%_test_clint_SOURCES = %D%/test_clint.c $(BOARDS_TEST_SUPPORT)
%C%_test_clint_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_clint_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_clint

check_PROGRAMS += %D%/test_htif
%C%_test_htif_SOURCES = %D%/test_htif.c $(BOARDS_TEST_SUPPORT)
%C%_test_htif_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_htif_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_htif

check_PROGRAMS += %D%/test_cmsdk_uart
%C%_test_cmsdk_uart_SOURCES = %D%/test_cmsdk_uart.c $(BOARDS_TEST_SUPPORT)
%C%_test_cmsdk_uart_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_cmsdk_uart_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_cmsdk_uart

check_PROGRAMS += %D%/test_cmsdk_timer
%C%_test_cmsdk_timer_SOURCES = %D%/test_cmsdk_timer.c $(BOARDS_TEST_SUPPORT)
%C%_test_cmsdk_timer_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_cmsdk_timer_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_cmsdk_timer

check_PROGRAMS += %D%/test_mailbox
%C%_test_mailbox_SOURCES = %D%/test_mailbox.c $(BOARDS_TEST_SUPPORT)
%C%_test_mailbox_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_mailbox_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_mailbox

check_PROGRAMS += %D%/test_sysctl
%C%_test_sysctl_SOURCES = %D%/test_sysctl.c $(BOARDS_TEST_SUPPORT)
%C%_test_sysctl_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_sysctl_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_sysctl

check_PROGRAMS += %D%/test_plic
%C%_test_plic_SOURCES = %D%/test_plic.c $(BOARDS_TEST_SUPPORT)
%C%_test_plic_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_plic_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_plic
