# SPDX-License-Identifier: MIT
# The machine room: the scheduler and debugger run control on the toy
# target (tests/unit/engine/toy.c), and two RISC-V machines in one process.
check_PROGRAMS += %D%/test_sched %D%/test_debug %D%/test_two_machines
TESTS += %D%/test_sched %D%/test_debug %D%/test_two_machines

%C%_test_sched_SOURCES = %D%/test_sched.c tests/unit/engine/toy.c tests/unit/engine/toy.h
%C%_test_sched_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_sched_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_debug_SOURCES = %D%/test_debug.c tests/unit/engine/toy.c tests/unit/engine/toy.h
%C%_test_debug_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_debug_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_test_two_machines_SOURCES = %D%/test_two_machines.c tests/unit/targets/support.c \
	tests/unit/targets/support.h
%C%_test_two_machines_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_two_machines_LDADD = targets/riscv/libriscv.a $(ENGINE_LIBS) $(CAPSTONE_LIBS) \
	$(CMOCKA_LIBS)
