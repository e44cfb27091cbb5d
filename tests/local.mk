# SPDX-License-Identifier: MIT
# Each test area owns a fragment; this file only includes them.
include %D%/unit/engine/local.mk
include %D%/unit/fpu/local.mk
include %D%/unit/loaders/local.mk
include %D%/unit/boards/local.mk
include %D%/unit/riscv/local.mk
include %D%/unit/arm/local.mk
include %D%/unit/ir/local.mk
include %D%/unit/gdbstub/local.mk
include %D%/unit/monitor/local.mk
include %D%/unit/tdesc/local.mk
include %D%/isa/local.mk
include %D%/isa/arm/local.mk
include %D%/firmware/local.mk
include %D%/firmware/mps2/local.mk
include %D%/firmware/amp/local.mk
include %D%/gdb/local.mk
include %D%/cli/local.mk
include %D%/ide/local.mk
