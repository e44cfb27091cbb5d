# SPDX-License-Identifier: MIT
# RISC-V target unit tests: the decoder, the disassembler, harts run
# through the engine, and the register descriptions.
%C%_LIBS = $(TARGETS_TEST_SUPPORT) targets/riscv/libriscv.a $(UNIT_LIBS)

%C%_TESTS = %D%/test_disas %D%/test_decode %D%/test_exec %D%/test_regs
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_disas_LDADD = $(%C%_LIBS)
%C%_test_decode_LDADD = $(%C%_LIBS)
%C%_test_exec_LDADD = $(%C%_LIBS)
%C%_test_regs_LDADD = $(%C%_LIBS)
