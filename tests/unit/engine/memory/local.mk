# SPDX-License-Identifier: MIT
# Memory regions and views.
check_PROGRAMS += %D%/test_memory
TESTS += %D%/test_memory

%C%_test_memory_SOURCES = %D%/test_memory.c tests/unit/loaders/testutil.c \
	tests/unit/loaders/testutil.h
%C%_test_memory_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_memory_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
