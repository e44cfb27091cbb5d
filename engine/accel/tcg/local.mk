# SPDX-License-Identifier: MIT
# TCG: translation, the TB cache, the run loop and the software TLB, and
# its accel_ops.
engine_libengine_a_SOURCES += %D%/accel_tcg.c %D%/tb.c %D%/tb.h %D%/translator.c %D%/exec.c \
	%D%/internals.h
