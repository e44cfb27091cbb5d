# SPDX-License-Identifier: MIT
# IEEE 754 arithmetic in software, for every target's floating-point unit.
engine_libengine_a_SOURCES += %D%/softfloat.c %D%/softfloat.h
