# SPDX-License-Identifier: MIT
# The gdb stub against a fake board behind struct gdb_target_ops
# (fake.c): framing, packet handlers, run control, random input and the
# sockets.
check_LIBRARIES += %D%/libsupport.a
%C%_libsupport_a_SOURCES = %D%/fake.c %D%/fake.h
%C%_LIBS = %D%/libsupport.a gdbstub/libgdbstub.a $(MONITOR_LIBS) $(UNIT_LIBS)

%C%_TESTS = %D%/test_framing %D%/test_packets %D%/test_runctl %D%/test_fuzz \
	%D%/test_server
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_framing_LDADD = $(%C%_LIBS)
%C%_test_packets_LDADD = $(%C%_LIBS)
%C%_test_runctl_LDADD = $(%C%_LIBS)
%C%_test_fuzz_LDADD = $(%C%_LIBS)
%C%_test_server_LDADD = $(%C%_LIBS)

# gdbstub/ never includes targets/ or kvm/ headers nor names an architecture.
TESTS += %D%/blind.sh
EXTRA_DIST += %D%/blind.sh
