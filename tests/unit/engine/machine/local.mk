# SPDX-License-Identifier: MIT
# Target descriptions.
%C%_TESTS = %D%/test_tdesc
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
