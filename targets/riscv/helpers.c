/* SPDX-License-Identifier: MIT */
/*
 * Helpers called from translated RISC-V code for what is rare or changes
 * the hart's mode: raising an exception, mret and wfi (privileged spec
 * 1.12, 3.3.2 and 3.3.3). CSR accesses are in csr.c, semihosting in
 * semihost.c.
 */
#include "targets/riscv/internals.h"

/* Raise exception a0 with mtval a1 (illegal instruction, ecall, ebreak,
 * fetch faults, a misaligned SC). */
static uint64_t helper_raise(struct cpu *cpu, uint64_t cause, uint64_t tval, uint64_t a2,
                             uint64_t a3)
{
    (void)a2, (void)a3;
    riscv_raise(riscv_cpu(cpu), (int)cause, tval);
}

/* mret: back to the privilege in MPP with MIE from MPIE; MPP becomes U,
 * the least privileged mode, and leaving M clears MPRV. */
static uint64_t helper_mret(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    struct riscv_cpu *c = riscv_cpu(cpu);
    unsigned mpp = (unsigned)((c->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    uint64_t s = c->mstatus & ~(MSTATUS_MIE | MSTATUS_MPP);
    if (c->mstatus & MSTATUS_MPIE)
        s |= MSTATUS_MIE;
    s |= MSTATUS_MPIE;
    if (mpp != RISCV_PRIV_M)
        s &= ~MSTATUS_MPRV;
    c->mstatus = s;
    c->priv = mpp;
    c->pc = riscv_xlen_val(c, c->mepc);
    riscv_recheck_irq(c);
    return 0;
}

/* wfi (pc already points past it): wait unless an interrupt is pending and
 * enabled in mie. Without S-mode, U-mode may wait unless mstatus.TW is set
 * (spec 3.1.6.5). */
static uint64_t helper_wfi(struct cpu *cpu, uint64_t insn, uint64_t a1, uint64_t a2, uint64_t a3)
{
    (void)a1, (void)a2, (void)a3;
    struct riscv_cpu *c = riscv_cpu(cpu);
    if (c->priv == RISCV_PRIV_U && (c->mstatus & MSTATUS_TW))
        riscv_raise(c, RISCV_EXCP_ILLEGAL, insn);
    if (!riscv_pending_irqs(c))
        cpu->state = CPU_WAITING;
    return 0;
}

const struct ir_helper riscv_helper_raise = {"raise", helper_raise, 2, IR_I64};
const struct ir_helper riscv_helper_mret = {"mret", helper_mret, 0, IR_I64};
const struct ir_helper riscv_helper_wfi = {"wfi", helper_wfi, 1, IR_I64};
