# SPDX-License-Identifier: MIT
# The accelerator seam (a fake accelerator beside TCG) and TCG's TB cache,
# on the toy target (tests/unit/engine/toy.c).
check_PROGRAMS += %D%/test_accel %D%/tcg/test_tb
TESTS += %D%/test_accel %D%/tcg/test_tb

%C%_test_accel_SOURCES = %D%/test_accel.c tests/unit/engine/toy.c tests/unit/engine/toy.h
%C%_test_accel_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_accel_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)

%C%_tcg_test_tb_SOURCES = %D%/tcg/test_tb.c tests/unit/engine/toy.c tests/unit/engine/toy.h
%C%_tcg_test_tb_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_tcg_test_tb_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
