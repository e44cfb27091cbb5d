# SPDX-License-Identifier: MIT
noinst_LIBRARIES += %D%/libloaders.a
%C%_libloaders_a_SOURCES = %D%/loader.h %D%/loader.c %D%/elf.c %D%/ihex.c %D%/raw.c %D%/internals.h
