# SPDX-License-Identifier: MIT
# Device models, driven through their registers on boards of the fake
# target (../support.c).
%C%_TESTS = %D%/test_ns16550 %D%/test_test_finisher %D%/test_clint %D%/test_htif \
	%D%/test_cmsdk_uart %D%/test_cmsdk_timer %D%/test_mailbox %D%/test_sysctl %D%/test_plic
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_ns16550_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_test_finisher_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_clint_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_htif_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_cmsdk_uart_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_cmsdk_timer_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_mailbox_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_sysctl_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_plic_LDADD = $(BOARDS_TEST_LIBS)
