# SPDX-License-Identifier: MIT
# What unit tests share: capturing what the code under test prints,
# temporary directories, and the toy target (a small ISA that really
# translates, on CPUs that record their resets, boot address and
# interrupt inputs; it registers as any architecture a test needs).
check_LIBRARIES += %D%/libcommon.a
%C%_libcommon_a_SOURCES = %D%/capture.c %D%/capture.h %D%/tmpdir.c %D%/tmpdir.h \
	%D%/toy.c %D%/toy.h
