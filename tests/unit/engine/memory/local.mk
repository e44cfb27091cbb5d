# SPDX-License-Identifier: MIT
# Memory regions and views.
check_PROGRAMS += %D%/test_memory
TESTS += %D%/test_memory

%C%_test_memory_SOURCES = %D%/test_memory.c
%C%_test_memory_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_memory_LDADD = tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)
