# SPDX-License-Identifier: MIT
# Backend 1: the IR interpreter (portable, the reference).
engine_libengine_a_SOURCES += %D%/ir_interp.c
