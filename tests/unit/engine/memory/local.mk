# SPDX-License-Identifier: MIT
# Memory regions and views.
%C%_TESTS = %D%/test_memory
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
