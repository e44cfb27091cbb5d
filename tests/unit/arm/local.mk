# SPDX-License-Identifier: MIT
# Arm target unit tests: the decoder against capstone, cores run through
# the engine, and the register descriptions.
ARM_TEST_LIBS = targets/arm/libarm.a $(ENGINE_LIBS) \
	$(CAPSTONE_LIBS) $(READLINE_LIBS) $(EXPAT_LIBS) -lm

check_PROGRAMS += %D%/test_decode
%C%_test_decode_SOURCES = %D%/test_decode.c
%C%_test_decode_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CAPSTONE_CFLAGS)
%C%_test_decode_LDADD = $(ARM_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_decode

check_PROGRAMS += %D%/test_exec
%C%_test_exec_SOURCES = %D%/test_exec.c tests/unit/targets/support.c \
	tests/unit/targets/support.h
%C%_test_exec_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_exec_LDADD = $(ARM_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_exec

check_PROGRAMS += %D%/test_regs
%C%_test_regs_SOURCES = %D%/test_regs.c tests/unit/targets/support.c \
	tests/unit/targets/support.h
%C%_test_regs_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_regs_LDADD = $(ARM_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_regs

check_PROGRAMS += %D%/test_decode_vfp
%C%_test_decode_vfp_SOURCES = %D%/test_decode_vfp.c
%C%_test_decode_vfp_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CAPSTONE_CFLAGS)
%C%_test_decode_vfp_LDADD = $(ARM_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_decode_vfp

check_PROGRAMS += %D%/test_regs_fp
%C%_test_regs_fp_SOURCES = %D%/test_regs_fp.c tests/unit/targets/support.c \
	tests/unit/targets/support.h
%C%_test_regs_fp_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_regs_fp_LDADD = $(ARM_TEST_LIBS) $(CMOCKA_LIBS)
TESTS += %D%/test_regs_fp
