/* SPDX-License-Identifier: MIT */
/*
 * RISC-V semihosting (RISC-V Semihosting spec 1.0, which reuses the Arm
 * semihosting operations): the translator turns the ebreak of the
 * "slli x0,x0,0x1f; ebreak; srai x0,x0,7" sequence into a call here when
 * the cluster's semihosting property is on. The operation is in a0, its
 * parameter (a value or the address of a block of XLEN-sized words) in a1,
 * the result goes to a0. The operations themselves are the engine's
 * (engine/semihost.c).
 */
#include "engine/machine/semihost.h"
#include "targets/riscv/internals.h"

/* Called with the ebreak's pc; a0/a1 carry the request. */
static uint64_t helper_semihost(struct cpu *cpu, uint64_t pc, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a1, (void)a2, (void)a3;
    struct riscv_cpu *c = riscv_cpu(cpu);
    uint64_t ret = 0;
    if (semihost_call(&c->sh, cpu, riscv_get_x(c, 10), riscv_get_x(c, 11), &ret) == SEMIHOST_EXIT) {
        /* Leave the pc after the sequence in case the machine is resumed. */
        c->pc = riscv_xlen_val(c, pc + 8);
        cpu_loop_exit(cpu);
    }
    riscv_set_x(c, 10, ret);
    return 0;
}

const struct ir_helper riscv_helper_semihost = {"semihost", helper_semihost, 1, IR_I64};
