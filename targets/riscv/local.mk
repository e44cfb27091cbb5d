# SPDX-License-Identifier: MIT
noinst_LIBRARIES += %D%/libriscv.a
%C%_libriscv_a_SOURCES = \
	%D%/riscv.h %D%/internals.h \
	%D%/cpu.c %D%/regs.c %D%/decode.c %D%/translate.c %D%/csr.c %D%/helpers.c %D%/semihost.c %D%/disas.c \
	%D%/fpu.c %D%/tr_fp.c %D%/tr_bitmanip.c
