# SPDX-License-Identifier: MIT
# The accelerator seam (a fake accelerator beside TCG) and TCG's TB cache,
# on the toy target.
%C%_TESTS = %D%/test_accel %D%/tcg/test_tb
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
