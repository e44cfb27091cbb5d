# SPDX-License-Identifier: MIT
# The image loaders.
%C%_TESTS = %D%/test_elf %D%/test_ihex %D%/test_raw
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)

%C%_test_elf_SOURCES = %D%/test_elf.c %D%/testutil.c %D%/testutil.h
%C%_test_elf_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_elf_LDADD = loaders/libloaders.a tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_ihex_SOURCES = %D%/test_ihex.c %D%/testutil.c %D%/testutil.h
%C%_test_ihex_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_ihex_LDADD = loaders/libloaders.a tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_raw_SOURCES = %D%/test_raw.c %D%/testutil.c %D%/testutil.h
%C%_test_raw_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_raw_LDADD = loaders/libloaders.a tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)
