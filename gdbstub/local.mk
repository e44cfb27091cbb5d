# SPDX-License-Identifier: MIT
noinst_LIBRARIES += %D%/libgdbstub.a
%C%_libgdbstub_a_SOURCES = %D%/gdbstub.h %D%/internals.h \
	%D%/buf.c %D%/framing.c %D%/packets.c %D%/threads.c %D%/xfer.c %D%/memmap.c %D%/regmem.c \
	%D%/points.c %D%/runctl.c %D%/procs.c %D%/conn.c %D%/server.c %D%/target_engine.c \
	%D%/gdbstub.c
