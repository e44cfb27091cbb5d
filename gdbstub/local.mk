# SPDX-License-Identifier: MIT
noinst_LIBRARIES += %D%/libgdbstub.a
%C%_libgdbstub_a_SOURCES = %D%/gdbstub.h %D%/internals.h %D%/server.c
