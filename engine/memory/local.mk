# SPDX-License-Identifier: MIT
# Memory regions, per-cluster views, interrupt lines and the sysbus types.
engine_libengine_a_SOURCES += %D%/memory.c %D%/memory.h %D%/irq.h %D%/sysbus.c %D%/sysbus.h
