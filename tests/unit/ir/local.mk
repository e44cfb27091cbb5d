# SPDX-License-Identifier: MIT
check_PROGRAMS += %D%/test_ir_eval %D%/test_interp
TESTS += %D%/test_ir_eval %D%/test_interp
%C%_test_ir_eval_SOURCES = %D%/test_ir_eval.c
%C%_test_ir_eval_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_ir_eval_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
%C%_test_interp_SOURCES = %D%/test_interp.c
%C%_test_interp_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_interp_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
