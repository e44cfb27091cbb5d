# SPDX-License-Identifier: MIT
check_PROGRAMS += %D%/test_ir_eval %D%/test_interp %D%/test_opt
TESTS += %D%/test_ir_eval %D%/test_interp %D%/test_opt
%C%_test_ir_eval_SOURCES = %D%/test_ir_eval.c
%C%_test_ir_eval_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_ir_eval_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
%C%_test_interp_SOURCES = %D%/test_interp.c
%C%_test_interp_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_interp_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
%C%_test_opt_SOURCES = %D%/test_opt.c
%C%_test_opt_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_opt_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
