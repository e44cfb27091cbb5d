/* SPDX-License-Identifier: MIT */
/*
 * Arm semihosting on M-profile (Semihosting for AArch32 and AArch64,
 * section 2.1.1: BKPT 0xAB in Thumb state): the operation is in r0, its
 * parameter in r1, the result goes to r0. The operations themselves are
 * the engine's (engine/semihost.c). The BKPT helper calls this with the
 * pc already past the BKPT, so an exit leaves the core there.
 */
#include "engine/machine/semihost.h"
#include "targets/arm/internals.h"

void arm_semihost(struct arm_cpu *c)
{
    uint64_t ret = 0;
    if (semihost_call(&c->sh, &c->cpu, c->r[0], c->r[1], &ret) == SEMIHOST_EXIT)
        cpu_loop_exit(&c->cpu);
    c->r[0] = (uint32_t)ret;
}
