# SPDX-License-Identifier: MIT
# What unit tests share: capturing what the code under test prints,
# temporary directories, the fake target (CPUs that only record their pc
# and interrupt lines) and the toy target (a four-instruction ISA that
# really translates, for the scheduler, run-control and TB-cache tests).
check_LIBRARIES += %D%/libcommon.a
%C%_libcommon_a_SOURCES = %D%/capture.c %D%/capture.h %D%/tmpdir.c %D%/tmpdir.h \
	%D%/fake_target.c %D%/fake_target.h %D%/toy.c %D%/toy.h
