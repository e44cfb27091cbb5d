/* SPDX-License-Identifier: MIT */
/*
 * The Arm target: M-profile cores (ARMv6-M Cortex-M0 and M0+, ARMv7-M
 * Cortex-M3, ARMv7E-M Cortex-M4 with FPv4-SP-D16 and Cortex-M7 with
 * FPv5-D16) with the M-profile exception model and FP context, the NVIC,
 * SysTick and the System Control Block, Arm semihosting and a capstone
 * disassembler. The engine reaches it only through this target_ops table
 * (arch "arm", models "cortex-m0", "cortex-m0plus", "cortex-m3",
 * "cortex-m4", "cortex-m7").
 */
#ifndef MOSAIC_TARGETS_ARM_H
#define MOSAIC_TARGETS_ARM_H

#include "engine/machine/target.h"

extern const struct target_ops arm_target_ops;

#endif
