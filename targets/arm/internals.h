/* SPDX-License-Identifier: MIT */
/*
 * Private declarations of the Arm target (ARMv7-M, "the ARM ARM" below is
 * the ARMv7-M Architecture Reference Manual, DDI 0403E): the core state,
 * the pure Thumb decoder shared by the translator and the tests, the
 * translator's shared context, the helpers translated code calls, the
 * exception model and the NVIC/SCB/SysTick state of each core.
 *
 * Flags are kept in four words so that the common cases cost one IR op
 * and none needs a helper (the representation QEMU made familiar):
 *   N = nf bit 31, Z = (zf == 0), C = cf (0 or 1), V = vf bit 31.
 * A flag-setting ADD writes nf = zf = result, cf from an unsigned compare
 * and vf from two XORs and an AND; conditions test these directly.
 */
#ifndef MOSAIC_TARGETS_ARM_INTERNALS_H
#define MOSAIC_TARGETS_ARM_INTERNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/machine/machine.h"
#include "engine/machine/semihost.h"
#include "engine/machine/target.h"
#include "engine/tcg/ir.h"

/* cpu_model.features */
#define ARM_FEAT_DSP 0x1      /* the DSP extension (Cortex-M4, M7) */
#define ARM_FEAT_FP 0x2       /* the FP extension, single precision (FPv4-SP-D16) */
#define ARM_FEAT_FP_DP 0x4    /* ... with double precision (FPv5-D16) */
#define ARM_FEAT_FPV5 0x8     /* FPv5's additions: VSEL, VMAXNM, VRINT, VCVTA (M7) */
#define ARM_FEAT_V6M 0x10     /* ARMv6-M (Cortex-M0, M0+) */
#define ARM_FEAT_NO_VTOR 0x20 /* no VTOR: the vector table stays at 0 (Cortex-M0) */

/* Exception numbers (ARM ARM B1.5.2). External interrupt n is 16 + n. */
enum arm_exc {
    ARM_EXC_RESET = 1,
    ARM_EXC_NMI = 2,
    ARM_EXC_HARD = 3,
    ARM_EXC_MEM = 4,
    ARM_EXC_BUS = 5,
    ARM_EXC_USAGE = 6,
    ARM_EXC_SVC = 11,
    ARM_EXC_DEBUGMON = 12,
    ARM_EXC_PENDSV = 14,
    ARM_EXC_SYSTICK = 15,
    ARM_EXC_IRQ0 = 16,
};

/* External interrupts the NVIC implements (the Cortex-M3/M4 maximum). */
#define ARM_NUM_IRQ 240
#define ARM_NUM_EXC (ARM_EXC_IRQ0 + ARM_NUM_IRQ)
#define ARM_EXC_WORDS (ARM_NUM_EXC / 32)

/* Configurable Fault Status Register bits (B3.2.15): MMFSR, BFSR, UFSR. */
#define CFSR_IACCVIOL (1u << 0)
#define CFSR_DACCVIOL (1u << 1)
#define CFSR_MUNSTKERR (1u << 3)
#define CFSR_MSTKERR (1u << 4)
#define CFSR_MLSPERR (1u << 5)
#define CFSR_MMARVALID (1u << 7)
#define CFSR_IBUSERR (1u << 8)
#define CFSR_PRECISERR (1u << 9)
#define CFSR_UNSTKERR (1u << 11)
#define CFSR_STKERR (1u << 12)
#define CFSR_LSPERR (1u << 13)
#define CFSR_BFARVALID (1u << 15)
#define CFSR_UNDEFINSTR (1u << 16)
#define CFSR_INVSTATE (1u << 17)
#define CFSR_INVPC (1u << 18)
#define CFSR_NOCP (1u << 19)
#define CFSR_UNALIGNED (1u << 24)
#define CFSR_DIVBYZERO (1u << 25)

/* HardFault Status Register (B3.2.16) and Debug Fault Status (C1.6.1). */
#define HFSR_VECTTBL (1u << 1)
#define HFSR_FORCED (1u << 30)
#define HFSR_DEBUGEVT (1u << 31)
#define DFSR_BKPT (1u << 1)

/* Configuration and Control Register (B3.2.8). */
#define CCR_NONBASETHRDENA (1u << 0)
#define CCR_USERSETMPEND (1u << 1)
#define CCR_UNALIGN_TRP (1u << 3)
#define CCR_DIV_0_TRP (1u << 4)
#define CCR_BFHFNMIGN (1u << 8)
#define CCR_STKALIGN (1u << 9)

/* SHCSR enable bits (B3.2.13); the active and pending bits are views. */
#define SHCSR_MEMFAULTENA (1u << 16)
#define SHCSR_BUSFAULTENA (1u << 17)
#define SHCSR_USGFAULTENA (1u << 18)

/* System Control Register (B3.2.7). */
#define SCR_SLEEPONEXIT (1u << 1)
#define SCR_SEVONPEND (1u << 4)

#define DEMCR_MON_EN (1u << 16)

/* CONTROL (B1.4.4). */
#define CONTROL_NPRIV 0x1u
#define CONTROL_SPSEL 0x2u
#define CONTROL_FPCA 0x4u /* an FP context is active (FP extension only) */

/* FPSCR (A2.5.3): condition flags, modes and cumulative exception flags;
 * no trap enables on M-profile. */
#define FPSCR_IOC (1u << 0)
#define FPSCR_DZC (1u << 1)
#define FPSCR_OFC (1u << 2)
#define FPSCR_UFC (1u << 3)
#define FPSCR_IXC (1u << 4)
#define FPSCR_IDC (1u << 7)
#define FPSCR_RMODE_SHIFT 22
#define FPSCR_FZ (1u << 24)
#define FPSCR_DN (1u << 25)
#define FPSCR_AHP (1u << 26)
#define FPSCR_NZCV 0xf0000000u
#define FPSCR_MASK 0xf7c0009fu /* the bits that exist */

/* CPACR (B3.2.20): the CP10 field (CP11 must equal it). */
#define CPACR_CP10_SHIFT 20
/* FPCCR (B3.2.21). */
#define FPCCR_LSPACT (1u << 0)
#define FPCCR_USER (1u << 1)
#define FPCCR_THREAD (1u << 3)
#define FPCCR_HFRDY (1u << 4)
#define FPCCR_MMRDY (1u << 5)
#define FPCCR_BFRDY (1u << 6)
#define FPCCR_MONRDY (1u << 8)
#define FPCCR_LSPEN (1u << 30)
#define FPCCR_ASPEN (1u << 31)

/* xPSR fields (B1.4.2). */
#define XPSR_N (1u << 31)
#define XPSR_Z (1u << 30)
#define XPSR_C (1u << 29)
#define XPSR_V (1u << 28)
#define XPSR_Q (1u << 27)
#define XPSR_T (1u << 24)
#define XPSR_GE_SHIFT 16
#define XPSR_SPREALIGN (1u << 9)
#define XPSR_EXC_MASK 0x1ffu

/* No address is held by the local exclusive monitor (never word aligned). */
#define ARM_NO_EXCL 0xffffffffu

/* Translation-block flags: what changes how code translates. */
#define ARM_TBF_IT_MASK 0xffu         /* ITSTATE (EPSR.IT) at the TB start */
#define ARM_TBF_THUMB (1u << 8)       /* EPSR.T: clear means INVSTATE */
#define ARM_TBF_UNALIGN_TRP (1u << 9) /* CCR.UNALIGN_TRP */
#define ARM_TBF_DIV_0_TRP (1u << 10)  /* CCR.DIV_0_TRP */
#define ARM_TBF_FPEN (1u << 11)       /* CPACR lets this privilege use the FPU */
#define ARM_TBF_LSPACT (1u << 12)     /* FPCCR.LSPACT: a lazy FP save is due */
#define ARM_TBF_NEWFPCTX (1u << 13)   /* FPCCR.ASPEN and not CONTROL.FPCA */

/* SysTick (B3.3): CSR bits. */
#define SYST_ENABLE (1u << 0)
#define SYST_TICKINT (1u << 1)
#define SYST_CLKSOURCE (1u << 2)
#define SYST_COUNTFLAG (1u << 16)
/* The external reference clock (CLKSOURCE = 0) of these boards: 1 MHz. */
#define SYST_REF_HZ 1000000u

/* NVIC, System Control Block and SysTick state of one core. Exception
 * state is kept as bitmaps indexed by exception number; device lines may
 * change pending and level bits from other threads, hence atomics. */
struct arm_nvic {
    uint32_t enabled[ARM_EXC_WORDS]; /* external interrupts (ISER) */
    uint32_t pending[ARM_EXC_WORDS];
    uint32_t active[ARM_EXC_WORDS];
    uint32_t level[ARM_EXC_WORDS]; /* input line levels of external interrupts */
    uint8_t prio[ARM_NUM_EXC];     /* configurable priorities (SHPR, IPR) */
    uint32_t vtor, prigroup, scr, ccr, shcsr, cfsr, hfsr, dfsr, mmfar, bfar, demcr;
    uint32_t cpacr, fpccr, fpcar, fpdscr; /* the FP extension (B3.2.20-B3.2.23) */
    /* SysTick: the counter was @syst_val at tick @syst_t0 of its clock. */
    uint32_t syst_csr, syst_rvr, syst_val;
    uint64_t syst_t0;
    struct vtimer syst_timer;
};

struct arm_cpu {
    struct cpu cpu;
    uint32_t r[16];          /* r13 is the current SP; r15 the pc of the next insn */
    uint32_t nf, zf, cf, vf; /* see the file comment */
    uint32_t qf;             /* APSR.Q: nonzero when set */
    uint32_t ge;             /* APSR.GE[3:0] */
    uint32_t itstate;        /* EPSR.IT between TBs (restored from insn marks) */
    uint32_t excl_addr;      /* local exclusive monitor */
    uint32_t excl_val;       /* the value LDREX read (STREX compares it) */
    uint32_t thumb;          /* EPSR.T */
    uint32_t sp_other;       /* the banked SP not in r[13] */
    uint32_t ipsr;           /* exception number; 0 in Thread mode */
    uint32_t control, primask, faultmask, basepri;
    bool event;         /* the event register (WFE, SEV) */
    bool sleep_wfe;     /* waiting in WFE: an event wakes it too */
    bool locked_up;     /* lockup (B1.5.15): stopped until reset */
    bool reset_pending; /* AIRCR.SYSRESETREQ: reset at the next TB boundary */
    bool dsp;
    uint32_t feat; /* ARM_FEAT_* of the model */
    /* The FP extension: s0-s31; d<n> is s<2n+1>:s<2n> (A2.5.2). */
    uint32_t vfp[32];
    uint32_t fpscr;
    struct arm_nvic nvic;
    struct semihost sh;
};

static inline struct arm_cpu *arm_cpu(struct cpu *cpu)
{
    return (struct arm_cpu *)cpu;
}

static inline const struct arm_cpu *arm_cpu_const(const struct cpu *cpu)
{
    return (const struct arm_cpu *)cpu;
}

static inline bool arm_handler_mode(const struct arm_cpu *c)
{
    return c->ipsr != 0;
}

static inline bool arm_privileged(const struct arm_cpu *c)
{
    return arm_handler_mode(c) || !(c->control & CONTROL_NPRIV);
}

/* Which SP r13 is: the process stack only in Thread mode with SPSEL. */
static inline bool arm_using_psp(const struct arm_cpu *c)
{
    return !arm_handler_mode(c) && (c->control & CONTROL_SPSEL);
}

/* IR globals. */
/* clang-format off */
enum arm_global {
    ARM_G_R0 = 0,   /* r0..r15 are ARM_G_R0 + n; r15 is the pc */
    ARM_G_NF = 16, ARM_G_ZF, ARM_G_CF, ARM_G_VF, ARM_G_QF, ARM_G_GE,
    ARM_G_ITSTATE, ARM_G_EXCL_ADDR, ARM_G_EXCL_VAL,
    ARM_G_FPSCR,
    ARM_G_S0,       /* s0..s31 are ARM_G_S0 + n */
    ARM_G_COUNT = ARM_G_S0 + 32
};
/* clang-format on */
extern const struct ir_global_def arm_globals[ARM_G_COUNT];

/* ---- the pure decoder (decode.c, decode16.c, decode32.c) --------------- */

/* How the translator handles a decoded operation. */
/* clang-format off */
enum arm_kind {
    K_UNDEF, K_NOCP, K_DP, K_ADR, K_MOVW, K_MOVT, K_MUL, K_MULL, K_DIV,
    K_DSP, K_DSP64, K_PAR, K_SAT, K_BFX, K_BFI, K_EXT, K_UNARY, K_PKH,
    K_LD, K_ST, K_LDRD, K_STRD, K_LDREX, K_STREX, K_CLREX, K_LDM, K_STM, K_TB,
    K_B, K_BL, K_BX, K_BLX, K_CBZ, K_IT, K_MRS, K_MSR, K_CPS, K_HINT, K_BARRIER,
    K_SVC, K_BKPT, K_UDF,
    K_VFP, K_VMOV, K_VSYS, K_VLDST, K_VLDM, /* the FP extension (tr_vfp.c) */
};
/* clang-format on */

/* ALU operations of K_DP (the arg of the op). */
/* clang-format off */
enum arm_alu {
    ALU_AND, ALU_EOR, ALU_ORR, ALU_ORN, ALU_BIC, ALU_MOV, ALU_MVN,
    ALU_ADD, ALU_ADC, ALU_SUB, ALU_SBC, ALU_RSB,
};
/* clang-format on */

/* Hints of K_HINT. */
enum { HINT_NOP, HINT_YIELD, HINT_WFE, HINT_WFI, HINT_SEV };

/* Memory operation sizes for K_LD/K_ST args. */
#define MO_B IR_MO_8
#define MO_SB (IR_MO_8 | IR_MO_SIGN)
#define MO_H IR_MO_16
#define MO_SH (IR_MO_16 | IR_MO_SIGN)
#define MO_W IR_MO_32

/* Every operation: enum id, capstone's name for it, kind, kind argument.
 * The names are what capstone's cs_insn_name() returns, so the decoder
 * test can compare them. */
/* clang-format off */
#define ARM_OPS(X)                                                                         \
    X(UNDEF, "undefined", K_UNDEF, 0)                                                      \
    X(AND, "and", K_DP, ALU_AND) X(EOR, "eor", K_DP, ALU_EOR) X(ORR, "orr", K_DP, ALU_ORR) \
    X(ORN, "orn", K_DP, ALU_ORN) X(BIC, "bic", K_DP, ALU_BIC) X(MOV, "mov", K_DP, ALU_MOV) \
    X(MVN, "mvn", K_DP, ALU_MVN) X(ADD, "add", K_DP, ALU_ADD) X(ADC, "adc", K_DP, ALU_ADC) \
    X(SUB, "sub", K_DP, ALU_SUB) X(SBC, "sbc", K_DP, ALU_SBC) X(RSB, "rsb", K_DP, ALU_RSB) \
    X(TST, "tst", K_DP, ALU_AND) X(TEQ, "teq", K_DP, ALU_EOR) X(CMP, "cmp", K_DP, ALU_SUB) \
    X(CMN, "cmn", K_DP, ALU_ADD) X(LSL, "lsl", K_DP, ALU_MOV) X(LSR, "lsr", K_DP, ALU_MOV) \
    X(ASR, "asr", K_DP, ALU_MOV) X(ROR, "ror", K_DP, ALU_MOV) X(RRX, "rrx", K_DP, ALU_MOV) \
    X(ADDW, "addw", K_DP, ALU_ADD) X(SUBW, "subw", K_DP, ALU_SUB)                          \
    X(ADR, "adr", K_ADR, 0) X(MOVW, "movw", K_MOVW, 0) X(MOVT, "movt", K_MOVT, 0)          \
    X(MUL, "mul", K_MUL, 0) X(MLA, "mla", K_MUL, 1) X(MLS, "mls", K_MUL, 2)                \
    X(SMULL, "smull", K_MULL, 0) X(UMULL, "umull", K_MULL, 1)                              \
    X(SMLAL, "smlal", K_MULL, 2) X(UMLAL, "umlal", K_MULL, 3)                              \
    X(UMAAL, "umaal", K_MULL, 4)                                                           \
    X(SDIV, "sdiv", K_DIV, 1) X(UDIV, "udiv", K_DIV, 0)                                    \
    X(SMLABB, "smlabb", K_DSP, 0) X(SMLABT, "smlabt", K_DSP, 0)                            \
    X(SMLATB, "smlatb", K_DSP, 0) X(SMLATT, "smlatt", K_DSP, 0)                            \
    X(SMULBB, "smulbb", K_DSP, 0) X(SMULBT, "smulbt", K_DSP, 0)                            \
    X(SMULTB, "smultb", K_DSP, 0) X(SMULTT, "smultt", K_DSP, 0)                            \
    X(SMLAWB, "smlawb", K_DSP, 0) X(SMLAWT, "smlawt", K_DSP, 0)                            \
    X(SMULWB, "smulwb", K_DSP, 0) X(SMULWT, "smulwt", K_DSP, 0)                            \
    X(SMLAD, "smlad", K_DSP, 0) X(SMLADX, "smladx", K_DSP, 0)                              \
    X(SMUAD, "smuad", K_DSP, 0) X(SMUADX, "smuadx", K_DSP, 0)                              \
    X(SMLSD, "smlsd", K_DSP, 0) X(SMLSDX, "smlsdx", K_DSP, 0)                              \
    X(SMUSD, "smusd", K_DSP, 0) X(SMUSDX, "smusdx", K_DSP, 0)                              \
    X(SMMUL, "smmul", K_DSP, 0) X(SMMULR, "smmulr", K_DSP, 0)                              \
    X(SMMLA, "smmla", K_DSP, 0) X(SMMLAR, "smmlar", K_DSP, 0)                              \
    X(SMMLS, "smmls", K_DSP, 0) X(SMMLSR, "smmlsr", K_DSP, 0)                              \
    X(USAD8, "usad8", K_DSP, 0) X(USADA8, "usada8", K_DSP, 0)                              \
    X(QADD, "qadd", K_DSP, 0) X(QSUB, "qsub", K_DSP, 0)                                    \
    X(QDADD, "qdadd", K_DSP, 0) X(QDSUB, "qdsub", K_DSP, 0)                                \
    X(SEL, "sel", K_DSP, 0)                                                                \
    X(SXTB16, "sxtb16", K_DSP, 0) X(UXTB16, "uxtb16", K_DSP, 0)                            \
    X(SXTAB16, "sxtab16", K_DSP, 0) X(UXTAB16, "uxtab16", K_DSP, 0)                        \
    X(SSAT16, "ssat16", K_DSP, 0) X(USAT16, "usat16", K_DSP, 0)                            \
    X(SMLALBB, "smlalbb", K_DSP64, 0) X(SMLALBT, "smlalbt", K_DSP64, 0)                    \
    X(SMLALTB, "smlaltb", K_DSP64, 0) X(SMLALTT, "smlaltt", K_DSP64, 0)                    \
    X(SMLALD, "smlald", K_DSP64, 0) X(SMLALDX, "smlaldx", K_DSP64, 0)                      \
    X(SMLSLD, "smlsld", K_DSP64, 0) X(SMLSLDX, "smlsldx", K_DSP64, 0)                      \
    ARM_PAR_OPS(X)                                                                         \
    X(SSAT, "ssat", K_SAT, 1) X(USAT, "usat", K_SAT, 0)                                    \
    X(SBFX, "sbfx", K_BFX, 1) X(UBFX, "ubfx", K_BFX, 0)                                    \
    X(BFI, "bfi", K_BFI, 0) X(BFC, "bfc", K_BFI, 1)                                        \
    X(SXTB, "sxtb", K_EXT, IR_EXT8S) X(UXTB, "uxtb", K_EXT, IR_EXT8U)                      \
    X(SXTH, "sxth", K_EXT, IR_EXT16S) X(UXTH, "uxth", K_EXT, IR_EXT16U)                    \
    X(SXTAB, "sxtab", K_EXT, IR_EXT8S) X(UXTAB, "uxtab", K_EXT, IR_EXT8U)                  \
    X(SXTAH, "sxtah", K_EXT, IR_EXT16S) X(UXTAH, "uxtah", K_EXT, IR_EXT16U)                \
    X(CLZ, "clz", K_UNARY, 0) X(RBIT, "rbit", K_UNARY, 1) X(REV, "rev", K_UNARY, 2)       \
    X(REV16, "rev16", K_UNARY, 3) X(REVSH, "revsh", K_UNARY, 4)                            \
    X(PKHBT, "pkhbt", K_PKH, 0) X(PKHTB, "pkhtb", K_PKH, 1)                                \
    X(LDR, "ldr", K_LD, MO_W) X(LDRB, "ldrb", K_LD, MO_B) X(LDRH, "ldrh", K_LD, MO_H)     \
    X(LDRSB, "ldrsb", K_LD, MO_SB) X(LDRSH, "ldrsh", K_LD, MO_SH)                          \
    X(LDRT, "ldrt", K_LD, MO_W) X(LDRBT, "ldrbt", K_LD, MO_B) X(LDRHT, "ldrht", K_LD, MO_H) \
    X(LDRSBT, "ldrsbt", K_LD, MO_SB) X(LDRSHT, "ldrsht", K_LD, MO_SH)                      \
    X(STR, "str", K_ST, MO_W) X(STRB, "strb", K_ST, MO_B) X(STRH, "strh", K_ST, MO_H)     \
    X(STRT, "strt", K_ST, MO_W) X(STRBT, "strbt", K_ST, MO_B) X(STRHT, "strht", K_ST, MO_H) \
    X(LDRD, "ldrd", K_LDRD, 0) X(STRD, "strd", K_STRD, 0)                                  \
    X(LDREX, "ldrex", K_LDREX, MO_W) X(LDREXB, "ldrexb", K_LDREX, MO_B)                    \
    X(LDREXH, "ldrexh", K_LDREX, MO_H) X(STREX, "strex", K_STREX, MO_W)                    \
    X(STREXB, "strexb", K_STREX, MO_B) X(STREXH, "strexh", K_STREX, MO_H)                  \
    X(CLREX, "clrex", K_CLREX, 0)                                                          \
    X(LDM, "ldm", K_LDM, 0) X(LDMDB, "ldmdb", K_LDM, 1) X(POP, "pop", K_LDM, 0)           \
    X(STM, "stm", K_STM, 0) X(STMDB, "stmdb", K_STM, 1) X(PUSH, "push", K_STM, 1)         \
    X(PLD, "pld", K_HINT, HINT_NOP) X(PLI, "pli", K_HINT, HINT_NOP)                        \
    X(TBB, "tbb", K_TB, MO_B) X(TBH, "tbh", K_TB, MO_H)                                    \
    X(B, "b", K_B, 0) X(BL, "bl", K_BL, 0) X(BX, "bx", K_BX, 0) X(BLX, "blx", K_BLX, 0)   \
    X(CBZ, "cbz", K_CBZ, 0) X(CBNZ, "cbnz", K_CBZ, 1) X(IT, "it", K_IT, 0)                \
    X(MRS, "mrs", K_MRS, 0) X(MSR, "msr", K_MSR, 0) X(CPS, "cps", K_CPS, 0)               \
    X(NOP, "nop", K_HINT, HINT_NOP) X(YIELD, "yield", K_HINT, HINT_YIELD)                  \
    X(WFE, "wfe", K_HINT, HINT_WFE) X(WFI, "wfi", K_HINT, HINT_WFI)                        \
    X(SEV, "sev", K_HINT, HINT_SEV) X(DBG, "dbg", K_HINT, HINT_NOP)                        \
    X(HINT, "hint", K_HINT, HINT_NOP)                                                      \
    X(DMB, "dmb", K_BARRIER, 0) X(DSB, "dsb", K_BARRIER, 0) X(ISB, "isb", K_BARRIER, 1)   \
    X(SVC, "svc", K_SVC, 0) X(BKPT, "bkpt", K_BKPT, 0) X(UDF, "udf", K_UDF, 0)            \
    X(CDP, "cdp", K_NOCP, 0) X(CDP2, "cdp2", K_NOCP, 0) X(MCR, "mcr", K_NOCP, 0)          \
    X(MCR2, "mcr2", K_NOCP, 0) X(MRC, "mrc", K_NOCP, 0) X(MRC2, "mrc2", K_NOCP, 0)        \
    X(MCRR, "mcrr", K_NOCP, 0) X(MCRR2, "mcrr2", K_NOCP, 0) X(MRRC, "mrrc", K_NOCP, 0)    \
    X(MRRC2, "mrrc2", K_NOCP, 0) X(LDC, "ldc", K_NOCP, 0) X(LDCL, "ldcl", K_NOCP, 0)      \
    X(LDC2, "ldc2", K_NOCP, 0) X(LDC2L, "ldc2l", K_NOCP, 0) X(STC, "stc", K_NOCP, 0)      \
    X(STCL, "stcl", K_NOCP, 0) X(STC2, "stc2", K_NOCP, 0) X(STC2L, "stc2l", K_NOCP, 0)   \
    ARM_VFP_OPS(X)
/* clang-format on */

/* The FP extension (A6.4-A6.6, decode_vfp.c). K_VFP operations run in the
 * helper (vfp.c), those from VMLA to VMINNM on registers of one precision;
 * the args of K_VMOV say which move it is. */
/* clang-format off */
enum { VMOV_IMM, VMOV_REG, VMOV_ABS, VMOV_NEG, VMOV_TO_S, VMOV_FROM_S, VMOV_TO_2, VMOV_FROM_2,
       VMOV_TO_X, VMOV_FROM_X };
#define ARM_VFP_OPS(X)                                                                     \
    X(VMLA, "vmla", K_VFP, 0) X(VMLS, "vmls", K_VFP, 0) X(VNMLA, "vnmla", K_VFP, 0)         \
    X(VNMLS, "vnmls", K_VFP, 0) X(VMUL, "vmul", K_VFP, 0) X(VNMUL, "vnmul", K_VFP, 0)       \
    X(VADD, "vadd", K_VFP, 0) X(VSUB, "vsub", K_VFP, 0) X(VDIV, "vdiv", K_VFP, 0)          \
    X(VFMA, "vfma", K_VFP, 0) X(VFMS, "vfms", K_VFP, 0) X(VFNMA, "vfnma", K_VFP, 0)         \
    X(VFNMS, "vfnms", K_VFP, 0) X(VSQRT, "vsqrt", K_VFP, 0)                                \
    X(VRINTA, "vrinta", K_VFP, 0) X(VRINTN, "vrintn", K_VFP, 0)                            \
    X(VRINTP, "vrintp", K_VFP, 0) X(VRINTM, "vrintm", K_VFP, 0)                            \
    X(VRINTR, "vrintr", K_VFP, 0) X(VRINTZ, "vrintz", K_VFP, 0) X(VRINTX, "vrintx", K_VFP, 0) \
    X(VSELEQ, "vseleq", K_VFP, 0) X(VSELVS, "vselvs", K_VFP, 0)                            \
    X(VSELGE, "vselge", K_VFP, 0) X(VSELGT, "vselgt", K_VFP, 0)                            \
    X(VMAXNM, "vmaxnm", K_VFP, 0) X(VMINNM, "vminnm", K_VFP, 0)                            \
    X(VCMP, "vcmp", K_VFP, 0) X(VCMPE, "vcmpe", K_VFP, 0)                                  \
    X(VCVTB, "vcvtb", K_VFP, 0) X(VCVTT, "vcvtt", K_VFP, 0)                                \
    X(VCVT_DS, "vcvt", K_VFP, 0) X(VCVT_IF, "vcvt", K_VFP, 0) X(VCVT_FI, "vcvt", K_VFP, 0) \
    X(VCVTR, "vcvtr", K_VFP, 0) X(VCVT_XF, "vcvt", K_VFP, 0) X(VCVT_FX, "vcvt", K_VFP, 0)  \
    X(VCVTA, "vcvta", K_VFP, 0) X(VCVTN, "vcvtn", K_VFP, 0) X(VCVTP, "vcvtp", K_VFP, 0)     \
    X(VCVTM, "vcvtm", K_VFP, 0)                                                            \
    X(VMOV_IMM, "vmov", K_VMOV, VMOV_IMM) X(VMOV_REG, "vmov", K_VMOV, VMOV_REG)            \
    X(VABS, "vabs", K_VMOV, VMOV_ABS) X(VNEG, "vneg", K_VMOV, VMOV_NEG)                    \
    X(VMOV_SR, "vmov", K_VMOV, VMOV_TO_S) X(VMOV_RS, "vmov", K_VMOV, VMOV_FROM_S)          \
    X(VMOV_2R, "vmov", K_VMOV, VMOV_TO_2) X(VMOV_R2, "vmov", K_VMOV, VMOV_FROM_2)          \
    X(VMOV_XR, "vmov", K_VMOV, VMOV_TO_X) X(VMOV_RX, "vmov", K_VMOV, VMOV_FROM_X)          \
    X(VMRS, "vmrs", K_VSYS, 0) X(VMSR, "vmsr", K_VSYS, 1)                                  \
    X(VLDR, "vldr", K_VLDST, 1) X(VSTR, "vstr", K_VLDST, 0)                                \
    X(VLDMIA, "vldmia", K_VLDM, 1) X(VLDMDB, "vldmdb", K_VLDM, 1) X(VPOP, "vpop", K_VLDM, 1) \
    X(VSTMIA, "vstmia", K_VLDM, 0) X(VSTMDB, "vstmdb", K_VLDM, 0) X(VPUSH, "vpush", K_VLDM, 0)

/* Parallel addition and subtraction (A5.3.13, A5.3.14): six prefixes
 * (s, q, sh, u, uq, uh) times six operations, in that order, so the
 * helper finds both from the op's offset from SADD16. */
#define ARM_PAR_OPS(X)                                                                     \
    X(SADD16, "sadd16", K_PAR, 0) X(SASX, "sasx", K_PAR, 0) X(SSAX, "ssax", K_PAR, 0)      \
    X(SSUB16, "ssub16", K_PAR, 0) X(SADD8, "sadd8", K_PAR, 0) X(SSUB8, "ssub8", K_PAR, 0)  \
    X(QADD16, "qadd16", K_PAR, 0) X(QASX, "qasx", K_PAR, 0) X(QSAX, "qsax", K_PAR, 0)      \
    X(QSUB16, "qsub16", K_PAR, 0) X(QADD8, "qadd8", K_PAR, 0) X(QSUB8, "qsub8", K_PAR, 0)  \
    X(SHADD16, "shadd16", K_PAR, 0) X(SHASX, "shasx", K_PAR, 0)                            \
    X(SHSAX, "shsax", K_PAR, 0) X(SHSUB16, "shsub16", K_PAR, 0)                            \
    X(SHADD8, "shadd8", K_PAR, 0) X(SHSUB8, "shsub8", K_PAR, 0)                            \
    X(UADD16, "uadd16", K_PAR, 0) X(UASX, "uasx", K_PAR, 0) X(USAX, "usax", K_PAR, 0)      \
    X(USUB16, "usub16", K_PAR, 0) X(UADD8, "uadd8", K_PAR, 0) X(USUB8, "usub8", K_PAR, 0)  \
    X(UQADD16, "uqadd16", K_PAR, 0) X(UQASX, "uqasx", K_PAR, 0)                            \
    X(UQSAX, "uqsax", K_PAR, 0) X(UQSUB16, "uqsub16", K_PAR, 0)                            \
    X(UQADD8, "uqadd8", K_PAR, 0) X(UQSUB8, "uqsub8", K_PAR, 0)                            \
    X(UHADD16, "uhadd16", K_PAR, 0) X(UHASX, "uhasx", K_PAR, 0)                            \
    X(UHSAX, "uhsax", K_PAR, 0) X(UHSUB16, "uhsub16", K_PAR, 0)                            \
    X(UHADD8, "uhadd8", K_PAR, 0) X(UHSUB8, "uhsub8", K_PAR, 0)

#define THUMB_OP_ENUM(id, name, kind, arg) T_##id,
enum thumb_op { ARM_OPS(THUMB_OP_ENUM) T_COUNT };
#undef THUMB_OP_ENUM

struct arm_opdef {
    const char *name;
    uint8_t kind;  /* enum arm_kind */
    uint8_t arg;   /* enum arm_alu, memop, IR unop, ... by kind */
};
/* clang-format on */
extern const struct arm_opdef arm_opdefs[T_COUNT];

/* Operand 2 of data processing and the offset of loads and stores. */
enum arm_form {
    FORM_NONE,
    FORM_IMM, /* imm */
    FORM_REG, /* rm shifted by shamt (shift type in shift) */
    FORM_RSR, /* rm shifted by the bottom byte of rs (in ra) */
};

enum arm_shift { SHIFT_LSL, SHIFT_LSR, SHIFT_ASR, SHIFT_ROR, SHIFT_RRX };

#define ARM_RNONE 0xff
#define ARM_COND_AL 14
#define ARM_SP 13
#define ARM_LR 14
#define ARM_PC 15

/*
 * One decoded instruction. Register fields hold 0-15 or ARM_RNONE. By
 * kind: ra is the accumulator (MLA, SMLAxy), RdHi (long multiplies, with
 * rd = RdLo), Rt2 (LDRD/STRD), the status result (STREX), or Rs (FORM_RSR).
 * imm is the immediate, offset, branch offset (signed), register list,
 * SYSm (MRS/MSR, with the MSR mask in shamt) or the IT firstcond:mask.
 */
struct thumb_insn {
    uint16_t op;  /* enum thumb_op */
    uint8_t len;  /* 2 or 4 */
    uint8_t cond; /* B<c>: its condition; otherwise ARM_COND_AL */
    uint8_t rd, rn, rm, ra;
    uint8_t form;  /* enum arm_form */
    uint8_t shift; /* enum arm_shift */
    uint8_t shamt; /* shift amount (1-32), extend rotation, bit-field lsb, sat shift */
    uint8_t width; /* bit-field width, saturation bit position */
    bool setflags;
    bool carry_imm;         /* the modified immediate was rotated: C = imm bit 31 */
    bool index, add, wback; /* addressing (P, U, W) */
    bool unpred;            /* an UNPREDICTABLE encoding: executed as UNDEFINED */
    /* The FP extension: rd, rn, rm are FP registers (an S number, or a D
     * number when dp; each operation says which of its operands are
     * which); rn is the base of loads and stores; rt, rt2 core registers. */
    bool dp;
    uint8_t rt, rt2;
    uint32_t imm;
};

/* Bits @hi..@lo of @x. */
static inline uint32_t arm_bits(uint32_t x, unsigned hi, unsigned lo)
{
    return (x >> lo) & ((2u << (hi - lo)) - 1);
}

/* ITAdvance (A7.3.3). */
static inline unsigned arm_it_advance(unsigned it)
{
    if (!(it & 7))
        return 0;
    return (it & 0xe0) | ((it << 1) & 0x1f);
}

/* Length of the Thumb instruction whose first halfword is @hw1. */
static inline unsigned arm_insn_len(uint16_t hw1)
{
    return (hw1 >> 11) >= 0x1d ? 4 : 2;
}

/*
 * Decode one Thumb instruction. @raw is the first halfword for a 16-bit
 * instruction, or first << 16 | second for a 32-bit one. @in_it says the
 * instruction is inside an IT block (16-bit data processing then does not
 * set flags; A6.1.1). @dsp enables the DSP extension. An UNDEFINED
 * encoding gives T_UNDEF.
 */
void arm_decode(uint32_t raw, bool in_it, bool dsp, struct thumb_insn *out);
void arm_decode16(uint16_t hw, bool in_it, struct thumb_insn *in);
void arm_decode32(uint16_t hw1, uint16_t hw2, struct thumb_insn *in);
/* Refine a coprocessor-space encoding (@raw as for arm_decode) for a
 * core with the FP extension features @feat (ARM_FEAT_*): cp10 and cp11
 * become FP instructions (or T_UNDEF); other coprocessors stay as they
 * are (no coprocessor: NOCP). */
void arm_decode_vfp(uint32_t raw, uint32_t feat, struct thumb_insn *in);
/* Restrict a decoded instruction to ARMv6-M (ARMv6-M ARM A5.1, A5.2):
 * of the 32-bit encodings only BL, MSR, MRS, DMB, DSB and ISB exist, and
 * CBZ, CBNZ and IT do not; the others become T_UNDEF. */
void arm_decode_v6m(struct thumb_insn *in);

/* ---- translation (translate.c, tr_*.c) --------------------------------- */

/* The frontend's state while translating one TB. */
struct arm_tc {
    struct tb_ctx *ctx;
    struct ir_block *b;
    struct arm_cpu *c;
    uint32_t flags;    /* the TB's flags */
    uint32_t pc, next; /* this instruction and the one after it */
    unsigned itstate;  /* ITSTATE for this instruction */
    unsigned it_next;  /* ITSTATE after it */
    bool it_live;      /* ITSTATE must be written back when the TB exits */
    bool dsp;
    bool conditional; /* this instruction runs only if its condition passes */
    /* ExecuteFPCheck's work still due in this TB: the lazy FP save, a new
     * FP context (the TB flags at first, cleared once done for sure). */
    bool fp_lspact, fp_newctx;
};

typedef void (*arm_emit_fn)(struct arm_tc *s, const struct thumb_insn *in);
/* The emitter of each kind, by the file that owns it (NULL elsewhere). */
arm_emit_fn arm_emitter_alu(enum arm_kind k);
arm_emit_fn arm_emitter_mem(enum arm_kind k);
arm_emit_fn arm_emitter_ctrl(enum arm_kind k);
arm_emit_fn arm_emitter_dsp(enum arm_kind k);
arm_emit_fn arm_emitter_vfp(enum arm_kind k);

void arm_translate(struct tb_ctx *ctx);

/* IR building blocks shared by the tr_*.c files (translate.c). */
ir_val arm_tmp(struct arm_tc *s);
ir_val arm_const(struct arm_tc *s, uint32_t v);
ir_val arm_glob(struct arm_tc *s, enum arm_global g);
/* Read r0-r15 (r15 reads as this instruction's address + 4). */
ir_val arm_src(struct arm_tc *s, unsigned r);
/* A copy of register @r in a fresh temp (the register may be written
 * before the value is used). */
ir_val arm_src_copy(struct arm_tc *s, unsigned r);
/* Write r0-r14 (SP keeps bits 1:0 clear, B1.4.1). */
void arm_set_reg(struct arm_tc *s, unsigned r, ir_val v);
void arm_set_nz(struct arm_tc *s, ir_val v);
/* Leave the TB for the constant @dest (chainable) or the pc in the state. */
void arm_gen_jump(struct arm_tc *s, uint32_t dest, unsigned slot);
void arm_gen_exit(struct arm_tc *s, uint32_t next_pc);
/* A branch through a value: BXWritePC (A2.3.1), with exception return
 * when @exc_return (not for BLX, whose BLXWritePC has none). */
void arm_gen_bx(struct arm_tc *s, ir_val addr, bool exc_return);
/* Raise an exception (ARM_EXC_*) with CFSR bits at this instruction. */
void arm_gen_fault(struct arm_tc *s, int exc, uint32_t cfsr);
/* Store pc and ITSTATE of the next instruction (before a helper that
 * leaves the TB after this instruction). */
void arm_gen_sync_next(struct arm_tc *s);
/* @v shifted by a constant (no carry out; tr_alu.c). */
ir_val arm_shift_imm(struct arm_tc *s, ir_val v, enum arm_shift sh, unsigned n);

/* ---- helpers, special registers, exceptions (helpers.c, dsp.c, sysreg.c,
 * excp.c) -------------------------------------------------------------- */

extern const struct ir_helper arm_helper_fault, arm_helper_bx, arm_helper_mrs, arm_helper_msr,
    arm_helper_cps, arm_helper_wfi, arm_helper_wfe, arm_helper_sev, arm_helper_bkpt, arm_helper_dsp,
    arm_helper_dsp64, arm_helper_par, arm_helper_rbit, arm_helper_vfp, arm_helper_fp_check;

static inline bool arm_has_fp(const struct arm_cpu *c)
{
    return c->feat & ARM_FEAT_FP;
}

static inline bool arm_v6m(const struct arm_cpu *c)
{
    return c->feat & ARM_FEAT_V6M;
}

/* The priority bits a core implements: ARMv6-M has the top two. */
static inline uint8_t arm_prio_mask(const struct arm_cpu *c)
{
    return arm_v6m(c) ? 0xc0 : 0xff;
}

/* The FP operation @op (a K_VFP thumb_op) on the FP registers and FPSCR
 * (vfp.c): @regs = rd | rn << 8 | rm << 16, @imm as decoded. */
void arm_vfp_exec(struct arm_cpu *c, unsigned op, bool dp, uint32_t regs, uint32_t imm);
/* ExecuteFPCheck() after the CPACR check: the lazy save of a
 * stacked FP context, then a new FP context if ASPEN asks for one. */
void arm_fp_check(struct arm_cpu *c);
/* Whether CPACR lets the current privilege use the FPU. */
bool arm_fp_enabled(const struct arm_cpu *c);
/* The FP part of exception entry for a frame at @frame when CONTROL.FPCA
 * (the registers, or the lazy reservation) and of the return to it
 * (EXC_RETURN bit 4 clear); false when a memory access failed. */
bool arm_fp_frame_push(struct arm_cpu *c, uint32_t frame);
bool arm_fp_frame_pop(struct arm_cpu *c, uint32_t frame);
void arm_fp_reset(struct arm_cpu *c);

/* Raise fault @exc from C with the CFSR bits @cfsr (the caller sets any
 * fault address register) and leave the TB. No return. */
void arm_raise_fault(struct arm_cpu *c, int exc, uint32_t cfsr) __attribute__((noreturn));

/* Assemble and split xPSR (APSR, IPSR, EPSR). */
uint32_t arm_xpsr_read(const struct arm_cpu *c);
void arm_apsr_write(struct arm_cpu *c, uint32_t v, bool flags, bool ge);

/* Write CONTROL; r13 follows the stack SPSEL and the mode select. */
void arm_write_control(struct arm_cpu *c, uint32_t control);
uint32_t arm_get_msp(const struct arm_cpu *c);
uint32_t arm_get_psp(const struct arm_cpu *c);
void arm_set_msp(struct arm_cpu *c, uint32_t v);
void arm_set_psp(struct arm_cpu *c, uint32_t v);

/* Exception entry for a synchronous exception (target_ops.do_exception). */
void arm_do_exception(struct cpu *cpu);
bool arm_exec_interrupt(struct cpu *cpu);
bool arm_has_work(const struct cpu *cpu);
/* Exception return with @exc_return loaded into the pc (B1.5.8). */
void arm_exception_return(struct arm_cpu *c, uint32_t exc_return);
/* Reset as B1.5.5 TakeReset: SP and PC from the vector table at VTOR. */
void arm_take_reset(struct arm_cpu *c);
/* target_ops.set_boot_addr: VTOR, then SP and PC from the new table. */
void arm_set_vtor_and_reload(struct arm_cpu *c, uint32_t vtor);
/* Execution priority (B1.5.4): active exceptions boosted by the masks. */
int arm_exec_priority(const struct arm_cpu *c);
/* Re-evaluate pending exceptions; ask the run loop to take one. */
void arm_recheck_irq(struct arm_cpu *c);

/* ---- NVIC, SCB, SysTick (nvic.c, scb.c, systick.c) ----------------------- */

void arm_nvic_reset(struct arm_cpu *c);
int arm_cluster_realize(struct cluster *cl);
int arm_irq_in(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out,
               const struct diag *d);
void arm_set_pending(struct arm_cpu *c, unsigned exc, bool pending);
bool arm_is_pending(const struct arm_cpu *c, unsigned exc);
bool arm_is_active(const struct arm_cpu *c, unsigned exc);
void arm_set_active(struct arm_cpu *c, unsigned exc, bool active);
/* Priority of exception @exc (negative for Reset, NMI, HardFault), and
 * the same with the subpriority bits masked off (the group priority). */
int arm_exc_priority(const struct arm_cpu *c, unsigned exc);
int arm_exc_group_priority(const struct arm_cpu *c, unsigned exc);
/* Whether @exc may be taken at all (NVIC or SHCSR enable). */
bool arm_exc_enabled(const struct arm_cpu *c, unsigned exc);
/* The highest-priority pending enabled exception, or 0. */
unsigned arm_pending_exception(const struct arm_cpu *c);
unsigned arm_active_count(const struct arm_cpu *c);
/* NVIC registers at System Control Space offsets 0x100-0x4EF: false if
 * @offset is not one of them. */
bool arm_nvic_read(struct arm_cpu *c, uint32_t offset, uint32_t *value);
bool arm_nvic_write(struct arm_cpu *c, uint32_t offset, uint32_t value, unsigned size);

void arm_systick_reset(struct arm_cpu *c);
uint32_t arm_systick_read(struct arm_cpu *c, unsigned reg);
void arm_systick_write(struct arm_cpu *c, unsigned reg, uint32_t value);
void arm_systick_timer(void *opaque);

/* ---- semihosting, registers, disassembler ------------------------------ */

#define ARM_SEMIHOST_BKPT 0xab
/* BKPT 0xAB with semihosting on: r0 = operation, r1 = parameter. */
void arm_semihost(struct arm_cpu *c);

extern const struct target_reg arm_regs[];

unsigned arm_disas(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len, char *buf,
                   size_t buflen);

#endif
