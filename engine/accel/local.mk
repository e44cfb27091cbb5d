# SPDX-License-Identifier: MIT
# Accelerators: how CPUs execute.
include %D%/tcg/local.mk
