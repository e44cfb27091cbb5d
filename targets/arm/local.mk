# SPDX-License-Identifier: MIT
noinst_LIBRARIES += %D%/libarm.a
%C%_libarm_a_CFLAGS = $(AM_CFLAGS) $(CAPSTONE_CFLAGS)
%C%_libarm_a_SOURCES = \
	%D%/arm.h %D%/internals.h %D%/decode32.h \
	%D%/cpu.c %D%/regs.c %D%/decode.c %D%/decode16.c %D%/decode32.c %D%/decode32_mem.c \
	%D%/decode_vfp.c \
	%D%/translate.c %D%/tr_alu.c %D%/tr_dsp.c %D%/tr_mem.c %D%/tr_ctrl.c %D%/tr_vfp.c \
	%D%/helpers.c %D%/dsp.c %D%/sysreg.c %D%/excp.c %D%/fpctx.c %D%/vfp.c %D%/nvic.c %D%/scb.c %D%/systick.c \
	%D%/semihost.c %D%/disas.c
