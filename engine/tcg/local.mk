# SPDX-License-Identifier: MIT
# The IR, its optimizer and the backends behind backend.h.
engine_libengine_a_SOURCES += %D%/ir.c %D%/ir.h %D%/ir_eval.c %D%/ir_opt.c %D%/backend.h
include %D%/interp/local.mk
