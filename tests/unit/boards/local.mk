# SPDX-License-Identifier: MIT
# Board files and board lookup (the device tests are in devices/). A
# stand-in "riscv" target (support.c) lets boards and devices be built
# without running guest code.
BOARDS_TEST_LIBS = boards/libboards.a loaders/libloaders.a tests/unit/common/libcommon.a $(ENGINE_LIBS) \
	$(CAPSTONE_LIBS) $(EXPAT_LIBS) $(CMOCKA_LIBS) -lm
BOARDS_TEST_SUPPORT = %D%/support.c %D%/support.h

check_PROGRAMS += %D%/test_board_xml
%C%_test_board_xml_SOURCES = %D%/test_board_xml.c $(BOARDS_TEST_SUPPORT)
%C%_test_board_xml_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_board_xml_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_board_xml

check_PROGRAMS += %D%/test_board_find
%C%_test_board_find_SOURCES = %D%/test_board_find.c $(BOARDS_TEST_SUPPORT)
%C%_test_board_find_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_board_find_LDADD = $(BOARDS_TEST_LIBS)
TESTS += %D%/test_board_find
