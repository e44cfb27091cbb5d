# SPDX-License-Identifier: MIT
# The monitor: commands over the engine's public API, and the readline console.
# dispatch.c the command table, word splitting and output; properties.c
# get/set/info qom-tree; memory.c x and info mtree (instructions through the
# target's disas hook, so no disassembler library here); run.c run control
# and info cpus; complete.c and console.c the console with its completion.
noinst_LIBRARIES += %D%/libmonitor.a
%C%_libmonitor_a_CFLAGS = $(AM_CFLAGS) $(READLINE_CFLAGS)
%C%_libmonitor_a_SOURCES = %D%/monitor.h %D%/internals.h %D%/dispatch.c %D%/properties.c \
	%D%/memory.c %D%/run.c %D%/complete.c %D%/console.c
