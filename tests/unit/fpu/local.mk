# SPDX-License-Identifier: MIT
# The soft-float library against the host's floating-point unit.
check_PROGRAMS += %D%/test_softfloat
TESTS += %D%/test_softfloat
%C%_test_softfloat_SOURCES = %D%/test_softfloat.c
# The host oracle must round and raise flags at run time, as written.
%C%_test_softfloat_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) -frounding-math -fsignaling-nans
%C%_test_softfloat_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)

# The options and conversions Arm needs (struct sf_status.mode, binary16).
check_PROGRAMS += %D%/test_sf_modes
TESTS += %D%/test_sf_modes
%C%_test_sf_modes_SOURCES = %D%/test_sf_modes.c
%C%_test_sf_modes_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
%C%_test_sf_modes_LDADD = $(ENGINE_LIBS) $(CMOCKA_LIBS)
