# SPDX-License-Identifier: MIT
check_PROGRAMS += %D%/test_tdesc
TESTS += %D%/test_tdesc
%C%_test_tdesc_SOURCES = %D%/test_tdesc.c
%C%_test_tdesc_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_tdesc_LDADD = tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)
