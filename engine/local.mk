# SPDX-License-Identifier: MIT
# The engine is one library; each room below adds its own sources.
noinst_LIBRARIES += %D%/libengine.a
%C%_libengine_a_CFLAGS = $(AM_CFLAGS) $(EXPAT_CFLAGS)
%C%_libengine_a_SOURCES =
include %D%/io/local.mk
include %D%/object/local.mk
include %D%/memory/local.mk
include %D%/machine/local.mk
include %D%/tcg/local.mk
include %D%/fpu/local.mk
include %D%/accel/local.mk
