# SPDX-License-Identifier: MIT
# How unit tests are built. A test is the cmocka program DIR/test_NAME,
# built from DIR/test_NAME.c alone (AM_DEFAULT_SOURCE_EXT) and linked with
# LDADD: the helpers of common/, the engine and cmocka. A directory's
# fragment lists its tests once (DIR_TESTS, added to check_PROGRAMS and
# TESTS); a test that needs more says so in one line,
# DIR_test_NAME_LDADD = $(DIR_LIBS), where DIR_LIBS names the
# directory's own helpers (libsupport.a), the library under test and
# $(UNIT_LIBS).
AM_DEFAULT_SOURCE_EXT = .c
AM_CPPFLAGS += $(CMOCKA_CFLAGS)
UNIT_LIBS = %D%/common/libcommon.a $(ENGINE_LIBS) $(CMOCKA_LIBS)
LDADD = $(UNIT_LIBS)
