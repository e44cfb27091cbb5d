# SPDX-License-Identifier: MIT
# What unit tests share: capturing what the code under test prints,
# temporary directories, and the fake target.
check_LIBRARIES += %D%/libcommon.a
%C%_libcommon_a_SOURCES = %D%/capture.c %D%/capture.h %D%/tmpdir.c %D%/tmpdir.h \
	%D%/fake_target.c %D%/fake_target.h
