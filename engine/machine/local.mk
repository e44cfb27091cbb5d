# SPDX-License-Identifier: MIT
# The machine, clusters and CPUs, the target contract, the scheduler and
# virtual time, debugger run control, target descriptions and semihosting.
engine_libengine_a_SOURCES += %D%/machine.c %D%/machine.h %D%/cluster.c %D%/cluster.h \
	%D%/cpu.c %D%/cpu.h %D%/target.c %D%/target.h %D%/sched.c %D%/debug.c %D%/debug.h \
	%D%/semihost.c %D%/semihost.h %D%/tdesc.c %D%/tdesc.h %D%/datadir.c %D%/internals.h
