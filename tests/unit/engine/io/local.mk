# SPDX-License-Identifier: MIT
# Logging, the event loop and the character backends.
check_PROGRAMS += %D%/test_log %D%/test_chardev
TESTS += %D%/test_log %D%/test_chardev

%C%_test_log_SOURCES = %D%/test_log.c
%C%_test_log_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_log_LDADD = tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_chardev_SOURCES = %D%/test_chardev.c
%C%_test_chardev_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_chardev_LDADD = tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)
