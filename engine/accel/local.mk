# SPDX-License-Identifier: MIT
# Accelerators: how CPUs execute. The seam (accel.h) and its registry;
# each accelerator in its own folder.
engine_libengine_a_SOURCES += %D%/accel.c %D%/accel.h
include %D%/tcg/local.mk
