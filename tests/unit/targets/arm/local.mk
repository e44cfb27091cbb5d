# SPDX-License-Identifier: MIT
# Arm target unit tests: the decoder against capstone, cores run through
# the engine, and the register descriptions.
%C%_LIBS = $(TARGETS_TEST_SUPPORT) targets/arm/libarm.a $(CAPSTONE_LIBS) $(UNIT_LIBS)

%C%_TESTS = %D%/test_decode %D%/test_exec %D%/test_regs
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_decode_CPPFLAGS = $(AM_CPPFLAGS) $(CAPSTONE_CFLAGS)
%C%_test_decode_LDADD = $(%C%_LIBS)
%C%_test_exec_LDADD = $(%C%_LIBS)
%C%_test_regs_LDADD = $(%C%_LIBS)
