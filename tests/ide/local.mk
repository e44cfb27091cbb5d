# SPDX-License-Identifier: MIT
# The IDE launch-configuration tests: each replays, through gdb-multiarch
# --interpreter=mi2, the MI commands an IDE sends for one configuration
# of doc/ide/ against ./mosaic on rv-m4-amp with the demo pair of
# tests/firmware/amp (skipped when a cross compiler did not build it).

%C%_TESTS = %D%/cortex_debug.sh %D%/cppdbg.sh %D%/eclipse_cdt.sh
TESTS += $(%C%_TESTS)
EXTRA_DIST += $(%C%_TESTS) %D%/lib.sh %D%/mi_replay.py \
	doc/ide/README.md doc/ide/vscode-cortex-debug.launch.json \
	doc/ide/vscode-cppdbg.launch.json doc/ide/eclipse-cdt-hardware.launch
