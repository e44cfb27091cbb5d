# SPDX-License-Identifier: MIT
check_PROGRAMS += %D%/test_monitor %D%/test_console
TESTS += %D%/test_monitor %D%/test_console
%C%_test_monitor_SOURCES = %D%/test_monitor.c %D%/fake_board.c %D%/fake_board.h
%C%_test_monitor_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_monitor_LDADD = $(MONITOR_LIBS) tests/unit/common/libcommon.a $(ENGINE_LIBS) \
	$(CMOCKA_LIBS) -lm
%C%_test_console_SOURCES = %D%/test_console.c %D%/fake_board.c %D%/fake_board.h
%C%_test_console_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_console_LDADD = $(MONITOR_LIBS) tests/unit/common/libcommon.a $(ENGINE_LIBS) \
	$(CMOCKA_LIBS) -lm
