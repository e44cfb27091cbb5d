# SPDX-License-Identifier: MIT
# Logging, diagnostics sinks, the event loop and the character backends.
%C%_TESTS = %D%/test_log %D%/test_diag %D%/test_chardev
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
