# SPDX-License-Identifier: MIT
# The machine room: target descriptions, the scheduler and debugger run
# control on the toy target, and two RISC-V machines in one process.
%C%_TESTS = %D%/test_tdesc %D%/test_sched %D%/test_debug %D%/test_two_machines
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_two_machines_LDADD = $(TARGETS_TEST_SUPPORT) targets/riscv/libriscv.a $(UNIT_LIBS)
