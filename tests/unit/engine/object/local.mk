# SPDX-License-Identifier: MIT
# The object tree, typed properties, and value parsing and printing.
%C%_TESTS = %D%/test_object %D%/test_parse
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
