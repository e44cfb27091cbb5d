# SPDX-License-Identifier: MIT
# RISC-V target unit tests: the decoder, the disassembler, and harts run
# through the engine.
RISCV_TEST_LIBS = targets/riscv/libriscv.a $(ENGINE_LIBS) \
	$(CAPSTONE_LIBS) $(READLINE_LIBS) $(EXPAT_LIBS) -lm

check_PROGRAMS += %D%/test_disas
%C%_test_disas_SOURCES = %D%/test_disas.c
%C%_test_disas_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_disas_LDADD = $(RISCV_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_disas

check_PROGRAMS += %D%/test_decode
%C%_test_decode_SOURCES = %D%/test_decode.c
%C%_test_decode_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_decode_LDADD = $(RISCV_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_decode

check_PROGRAMS += %D%/test_exec
%C%_test_exec_SOURCES = %D%/test_exec.c tests/unit/targets/support.c \
	tests/unit/targets/support.h
%C%_test_exec_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_exec_LDADD = $(RISCV_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_exec

check_PROGRAMS += %D%/test_regs
%C%_test_regs_SOURCES = %D%/test_regs.c tests/unit/targets/support.c \
	tests/unit/targets/support.h
%C%_test_regs_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_regs_LDADD = $(RISCV_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_regs
