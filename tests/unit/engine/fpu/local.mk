# SPDX-License-Identifier: MIT
# The soft-float library against the host's floating-point unit, and the
# options and conversions Arm needs (struct sf_status.mode, binary16).
%C%_TESTS = %D%/test_softfloat %D%/test_sf_modes
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
# The host oracle must round and raise flags at run time, as written.
%C%_test_softfloat_CFLAGS = $(AM_CFLAGS) -frounding-math -fsignaling-nans
