# SPDX-License-Identifier: MIT
# The IR, its optimizer and the IR interpreter.
%C%_TESTS = %D%/test_ir_eval %D%/test_interp %D%/test_opt
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
