/* SPDX-License-Identifier: MIT */
/*
 * The RISC-V target: RV32IMAC and RV64IMAC harts with Zicsr and Zifencei,
 * machine and user mode, RISC-V semihosting and a disassembler. The engine
 * reaches it only through this target_ops table (arch "riscv", models
 * "rv64imac" and "rv32imac").
 */
#ifndef MOSAIC_TARGETS_RISCV_H
#define MOSAIC_TARGETS_RISCV_H

#include "engine/machine/target.h"

extern const struct target_ops riscv_target_ops;

#endif
