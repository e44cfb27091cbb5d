# SPDX-License-Identifier: MIT
EXTRA_DIST += %D%/usage.md %D%/boards.md %D%/design.md %D%/monitor.md %D%/gdb.md %D%/gdb/mosaic.py
