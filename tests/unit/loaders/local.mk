# SPDX-License-Identifier: MIT
# The image loaders, loading into a small board (testutil.c).
check_LIBRARIES += %D%/libsupport.a
%C%_libsupport_a_SOURCES = %D%/testutil.c %D%/testutil.h
%C%_LIBS = %D%/libsupport.a loaders/libloaders.a $(UNIT_LIBS)

%C%_TESTS = %D%/test_elf %D%/test_ihex %D%/test_raw
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_elf_LDADD = $(%C%_LIBS)
%C%_test_ihex_LDADD = $(%C%_LIBS)
%C%_test_raw_LDADD = $(%C%_LIBS)
