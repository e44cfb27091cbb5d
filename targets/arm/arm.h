/* SPDX-License-Identifier: MIT */
/*
 * The Arm target: ARMv7-M cores (Cortex-M3, and Cortex-M4 with the DSP
 * extension, integer only) with the M-profile exception model, the NVIC,
 * SysTick and the System Control Block, Arm semihosting and a capstone
 * disassembler. The engine reaches it only through this target_ops table
 * (arch "arm", models "cortex-m3" and "cortex-m4").
 */
#ifndef MOSAIC_TARGETS_ARM_H
#define MOSAIC_TARGETS_ARM_H

#include "engine/machine/target.h"

extern const struct target_ops arm_target_ops;

#endif
