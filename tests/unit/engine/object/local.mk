# SPDX-License-Identifier: MIT
check_PROGRAMS += %D%/test_object %D%/test_parse
TESTS += %D%/test_object %D%/test_parse

%C%_test_object_SOURCES = %D%/test_object.c
%C%_test_object_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_object_LDADD = tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_parse_SOURCES = %D%/test_parse.c
%C%_test_parse_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_parse_LDADD = tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)
