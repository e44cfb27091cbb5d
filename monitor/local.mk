# SPDX-License-Identifier: MIT
# The monitor: commands over the engine's public API, and the readline console.
noinst_LIBRARIES += %D%/libmonitor.a
%C%_libmonitor_a_CFLAGS = $(AM_CFLAGS) $(CAPSTONE_CFLAGS) $(READLINE_CFLAGS)
%C%_libmonitor_a_SOURCES = %D%/monitor.c %D%/monitor.h %D%/monitor_complete.h %D%/console.c
