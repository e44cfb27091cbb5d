# SPDX-License-Identifier: MIT
# The gdb stub against a fake board (fake.c): framing, packet handlers,
# run control, random input and the sockets.
%C%_TESTS = %D%/test_framing %D%/test_packets %D%/test_runctl %D%/test_fuzz \
	%D%/test_server
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)

%C%_test_framing_SOURCES = %D%/test_framing.c %D%/fake.c %D%/fake.h
%C%_test_framing_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_framing_LDADD = gdbstub/libgdbstub.a $(MONITOR_LIBS) tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_packets_SOURCES = %D%/test_packets.c %D%/fake.c %D%/fake.h
%C%_test_packets_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_packets_LDADD = gdbstub/libgdbstub.a $(MONITOR_LIBS) tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_runctl_SOURCES = %D%/test_runctl.c %D%/fake.c %D%/fake.h
%C%_test_runctl_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_runctl_LDADD = gdbstub/libgdbstub.a $(MONITOR_LIBS) tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_fuzz_SOURCES = %D%/test_fuzz.c %D%/fake.c %D%/fake.h
%C%_test_fuzz_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_fuzz_LDADD = gdbstub/libgdbstub.a $(MONITOR_LIBS) tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_server_SOURCES = %D%/test_server.c %D%/fake.c %D%/fake.h
%C%_test_server_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_server_LDADD = gdbstub/libgdbstub.a $(MONITOR_LIBS) tests/unit/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)

# gdbstub/ never includes targets/ or kvm/ headers nor names an architecture.
TESTS += %D%/blind.sh
EXTRA_DIST += %D%/blind.sh
