# SPDX-License-Identifier: MIT
# Each test area owns a fragment; this file only includes them.
include %D%/unit/local.mk
include %D%/unit/common/local.mk
include %D%/unit/engine/local.mk
include %D%/unit/engine/io/local.mk
include %D%/unit/engine/object/local.mk
include %D%/unit/engine/memory/local.mk
include %D%/unit/engine/machine/local.mk
include %D%/unit/engine/accel/local.mk
include %D%/unit/engine/tcg/local.mk
include %D%/unit/monitor/local.mk
include %D%/unit/gdbstub/local.mk
include %D%/unit/targets/local.mk
include %D%/unit/targets/riscv/local.mk
include %D%/unit/targets/arm/local.mk
include %D%/unit/loaders/local.mk
include %D%/unit/boards/local.mk
include %D%/unit/boards/devices/local.mk
include %D%/isa/local.mk
include %D%/isa/arm/local.mk
include %D%/firmware/local.mk
include %D%/firmware/mps2/local.mk
include %D%/firmware/amp/local.mk
include %D%/gdb/local.mk
include %D%/cli/local.mk
include %D%/ide/local.mk
