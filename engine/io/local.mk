# SPDX-License-Identifier: MIT
# Logging, diagnostics sinks, the event loop and character backends.
engine_libengine_a_SOURCES += %D%/log.c %D%/log.h %D%/diag.c %D%/diag.h %D%/event.c \
	%D%/event.h %D%/chardev.c %D%/chardev.h %D%/file.c %D%/file.h
