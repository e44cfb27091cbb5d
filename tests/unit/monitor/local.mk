# SPDX-License-Identifier: MIT
# The monitor's commands and its console, on a small board of the toy
# target (fake_board.c). test_monitor also disassembles through the Arm
# target's own hook, so it links libarm.
check_LIBRARIES += %D%/libsupport.a
%C%_libsupport_a_SOURCES = %D%/fake_board.c %D%/fake_board.h
%C%_LIBS = %D%/libsupport.a $(MONITOR_LIBS) $(UNIT_LIBS)

%C%_TESTS = %D%/test_monitor %D%/test_console
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_monitor_LDADD = %D%/libsupport.a $(MONITOR_LIBS) targets/arm/libarm.a $(CAPSTONE_LIBS) \
	$(UNIT_LIBS)
%C%_test_console_LDADD = $(%C%_LIBS)
