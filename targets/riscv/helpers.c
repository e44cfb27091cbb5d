/* SPDX-License-Identifier: MIT */
/*
 * Helpers called from translated RISC-V code for what is rare or changes
 * the hart's mode: raising an exception, mret and wfi (privileged spec
 * 1.12, 3.3.2 and 3.3.3), and the bit-manipulation operations with no IR
 * op (cpop, orc.b, carry-less multiplication). CSR accesses are in csr.c,
 * floating point in fpu.c, semihosting in semihost.c.
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

/* ---- Zbb and Zbc (bit-manipulation spec 1.0.0): a0 = rs1, a1 = rs2 and
 * a2 = XLEN; values arrive zero-extended from XLEN ---- */

static uint64_t xlen_mask(uint64_t xlen)
{
    return xlen == 64 ? ~0ull : (1ull << xlen) - 1;
}

static uint64_t helper_cpop(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t xlen, uint64_t u)
{
    (void)cpu, (void)b, (void)u;
    return (uint64_t)__builtin_popcountll(a & xlen_mask(xlen));
}

static uint64_t helper_cpopw(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t xlen, uint64_t u)
{
    (void)cpu, (void)b, (void)xlen, (void)u;
    return (uint64_t)__builtin_popcount((uint32_t)a);
}

/* Each byte becomes 0xff if any of its bits is set, else 0. */
static uint64_t helper_orc_b(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t xlen, uint64_t u)
{
    (void)cpu, (void)b, (void)u;
    uint64_t r = 0;
    for (unsigned i = 0; i < xlen; i += 8)
        if ((a >> i) & 0xff)
            r |= 0xffull << i;
    return r;
}

/* Bits [shift + xlen - 1 : shift] of the 2*XLEN-bit carry-less product. */
static uint64_t clmul_bits(uint64_t a, uint64_t b, uint64_t xlen, unsigned shift)
{
    unsigned __int128 p = 0;
    for (unsigned i = 0; i < xlen; i++)
        if ((b >> i) & 1)
            p ^= (unsigned __int128)a << i;
    return (uint64_t)(p >> shift) & xlen_mask(xlen);
}

static uint64_t helper_clmul(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t xlen, uint64_t u)
{
    (void)cpu, (void)u;
    return clmul_bits(a, b, xlen, 0);
}

static uint64_t helper_clmulh(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t xlen, uint64_t u)
{
    (void)cpu, (void)u;
    return clmul_bits(a, b, xlen, (unsigned)xlen);
}

static uint64_t helper_clmulr(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t xlen, uint64_t u)
{
    (void)cpu, (void)u;
    return clmul_bits(a, b, xlen, (unsigned)xlen - 1);
}

const struct ir_helper riscv_zb_helpers[RV_ZBH_COUNT] = {
    [RV_ZBH_CPOP] = {"cpop", helper_cpop, 3, IR_I64},
    [RV_ZBH_CPOPW] = {"cpopw", helper_cpopw, 3, IR_I64},
    [RV_ZBH_ORC_B] = {"orc.b", helper_orc_b, 3, IR_I64},
    [RV_ZBH_CLMUL] = {"clmul", helper_clmul, 3, IR_I64},
    [RV_ZBH_CLMULH] = {"clmulh", helper_clmulh, 3, IR_I64},
    [RV_ZBH_CLMULR] = {"clmulr", helper_clmulr, 3, IR_I64},
};
