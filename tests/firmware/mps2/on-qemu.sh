#!/bin/sh
# SPDX-License-Identifier: MIT
# The mps2-an385 firmware checks of run.sh, on qemu-system-arm: the same
# console text and exit codes as under Mosaic (skipped without QEMU).
MOSAIC_FW_QEMU=1 exec sh "$(dirname "$0")/run.sh"
