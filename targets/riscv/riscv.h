/* SPDX-License-Identifier: MIT */
/*
 * The RISC-V target: RV32 and RV64 harts with I, M, A, C, Zicsr and
 * Zifencei, optionally F and D, and Zba, Zbb, Zbc, Zbs; machine and user
 * mode, RISC-V semihosting and a disassembler. The engine reaches it only
 * through this target_ops table (arch "riscv", models "rv64imac",
 * "rv32imac", "rv64gc", "rv32gc", "rv64gcb", "rv32gcb").
 */
#ifndef MOSAIC_TARGETS_RISCV_H
#define MOSAIC_TARGETS_RISCV_H

#include "engine/machine/target.h"

extern const struct target_ops riscv_target_ops;

#endif
