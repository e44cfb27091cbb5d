# SPDX-License-Identifier: MIT
# Logging, the event loop and character backends.
engine_libengine_a_SOURCES += %D%/log.c %D%/log.h %D%/event.c %D%/event.h \
	%D%/chardev.c %D%/chardev.h
