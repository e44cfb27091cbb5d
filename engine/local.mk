# SPDX-License-Identifier: MIT
noinst_LIBRARIES += %D%/libengine.a
%C%_libengine_a_CFLAGS = $(AM_CFLAGS) $(CAPSTONE_CFLAGS) $(EXPAT_CFLAGS) $(READLINE_CFLAGS)
%C%_libengine_a_SOURCES = \
	%D%/log.c %D%/log.h \
	%D%/object.c %D%/object.h %D%/parse.c \
	%D%/memory.c %D%/memory.h \
	%D%/irq.h \
	%D%/ir.c %D%/ir_eval.c %D%/ir_opt.c %D%/ir.h \
	%D%/ir_interp.c %D%/backend.h \
	%D%/tb.c %D%/tb.h \
	%D%/translator.c \
	%D%/exec.c %D%/cpu.c %D%/cpu.h %D%/target.c %D%/debug.c %D%/debug.h \
	%D%/cluster.c %D%/machine.c %D%/machine.h %D%/sysbus.c %D%/sched.c \
	%D%/event.c %D%/event.h \
	%D%/semihost.c %D%/semihost.h \
	%D%/chardev.c %D%/chardev.h \
	%D%/tdesc.c %D%/tdesc.h %D%/datadir.c \
	%D%/monitor.c %D%/monitor.h %D%/monitor_complete.h %D%/console.c \
	%D%/internals.h
