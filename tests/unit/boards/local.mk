# SPDX-License-Identifier: MIT
# Board files and board lookup (the device tests are in devices/). Both
# load boards with the toy target as "riscv" through support.c.
check_LIBRARIES += %D%/libsupport.a
%C%_libsupport_a_SOURCES = %D%/support.c %D%/support.h
BOARDS_TEST_LIBS = %D%/libsupport.a boards/libboards.a loaders/libloaders.a $(UNIT_LIBS)

%C%_TESTS = %D%/test_board_xml %D%/test_board_find
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_board_xml_LDADD = $(BOARDS_TEST_LIBS)
%C%_test_board_find_LDADD = $(BOARDS_TEST_LIBS)
