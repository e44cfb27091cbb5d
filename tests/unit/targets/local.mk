# SPDX-License-Identifier: MIT
# What the target tests share (support.c): a machine with one cluster
# running a small program, and the check that a target's register
# accessors and its xml descriptions agree.
check_LIBRARIES += %D%/libsupport.a
%C%_libsupport_a_SOURCES = %D%/support.c %D%/support.h %D%/program.c %D%/program.h
TARGETS_TEST_SUPPORT = %D%/libsupport.a
