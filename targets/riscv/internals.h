/* SPDX-License-Identifier: MIT */
/*
 * Private declarations of the RISC-V target: the hart state, the pure
 * decoder shared by the translator and the disassembler, the CSR file,
 * trap entry and the helpers translated code calls.
 *
 * rv32 keeps its registers in the same uint64_t fields as rv64: the IR
 * globals of an rv32 hart are IR_I32 views of the low halves (the host is
 * little-endian). Translated code writes only the low half and C code
 * writes zero-extended values (riscv_set_x), so the upper half stays 0.
 */
#ifndef MOSAIC_TARGETS_RISCV_INTERNALS_H
#define MOSAIC_TARGETS_RISCV_INTERNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/machine/semihost.h"
#include "engine/machine/target.h"
#include "engine/tcg/ir.h"

/* cpu_model.features: XLEN and the extensions beyond IMAC (hart->ext). */
#define RISCV_FEAT_RV64 0x1
#define RISCV_EXT_F 0x2
#define RISCV_EXT_D 0x4
#define RISCV_EXT_ZBA 0x8
#define RISCV_EXT_ZBB 0x10
#define RISCV_EXT_ZBC 0x20
#define RISCV_EXT_ZBS 0x40

/* Privilege levels (privileged spec 1.12, table 1.1). */
#define RISCV_PRIV_U 0
#define RISCV_PRIV_M 3

/* Exception causes (privileged spec 3.1.15, table 3.6). */
enum riscv_excp {
    RISCV_EXCP_INSN_MISALIGNED = 0,
    RISCV_EXCP_INSN_ACCESS = 1,
    RISCV_EXCP_ILLEGAL = 2,
    RISCV_EXCP_BREAKPOINT = 3,
    RISCV_EXCP_LOAD_MISALIGNED = 4,
    RISCV_EXCP_LOAD_ACCESS = 5,
    RISCV_EXCP_STORE_MISALIGNED = 6,
    RISCV_EXCP_STORE_ACCESS = 7,
    RISCV_EXCP_ECALL_U = 8,
    RISCV_EXCP_ECALL_M = 11,
};

/* Machine interrupts: bit numbers in mip/mie and their cause codes. */
#define RISCV_IRQ_MSI 3
#define RISCV_IRQ_MTI 7
#define RISCV_IRQ_MEI 11
#define RISCV_MIP_MASK ((1u << RISCV_IRQ_MSI) | (1u << RISCV_IRQ_MTI) | (1u << RISCV_IRQ_MEI))

/* mstatus fields (privileged spec 3.1.6). */
#define MSTATUS_MIE (1ull << 3)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3ull << MSTATUS_MPP_SHIFT)
#define MSTATUS_FS_SHIFT 13
#define MSTATUS_FS (3ull << MSTATUS_FS_SHIFT) /* Off, Initial, Clean, Dirty */
#define MSTATUS_FS_DIRTY MSTATUS_FS
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_TW (1ull << 21)
#define MSTATUS_UXL_SHIFT 32

/* No reservation: no naturally aligned address can equal it. */
#define RISCV_NO_RESERVATION (~0ull)

/* Counters kept as "instructions executed + offset" (mcycle, minstret). */
enum { RISCV_CTR_CYCLE, RISCV_CTR_INSTRET, RISCV_NCTR };

struct riscv_cpu {
    struct cpu cpu;
    uint64_t x[32]; /* x[0] stays 0; rv32 uses the low halves */
    uint64_t pc;
    uint64_t res_addr; /* LR/SC reservation address */
    uint64_t res_val;  /* the value LR loaded, compared by SC */
    bool rv64;
    unsigned priv;
    uint64_t misa;
    uint64_t mstatus; /* writable fields; read-only ones added on read */
    uint64_t mie;
    uint64_t mip; /* interrupt line levels, updated atomically */
    uint64_t mtvec, mepc, mcause, mtval, mscratch;
    uint64_t menvcfg;
    uint64_t mcounteren, mcountinhibit;
    uint64_t ctr_off[RISCV_NCTR];    /* counter = icount - 1 + off while counting */
    uint64_t ctr_frozen[RISCV_NCTR]; /* counter value while mcountinhibit holds it */
    uint64_t excp_tval;              /* mtval of the exception being raised */
    uint32_t ext;                    /* RISCV_EXT_* of the model */
    uint64_t f[32];                  /* FLEN 64; singles NaN-boxed (fpu.c) */
    uint32_t fflags, frm;            /* the two fields of fcsr */
    struct semihost sh;              /* semihosting state (engine/semihost.c) */
};

static inline struct riscv_cpu *riscv_cpu(struct cpu *cpu)
{
    return (struct riscv_cpu *)cpu;
}

static inline const struct riscv_cpu *riscv_cpu_const(const struct cpu *cpu)
{
    return (const struct riscv_cpu *)cpu;
}

/* Truncate to XLEN (rv32 values live zero-extended). */
static inline uint64_t riscv_xlen_val(const struct riscv_cpu *c, uint64_t v)
{
    return c->rv64 ? v : (uint32_t)v;
}

static inline uint64_t riscv_get_x(const struct riscv_cpu *c, unsigned r)
{
    return riscv_xlen_val(c, c->x[r]);
}

static inline void riscv_set_x(struct riscv_cpu *c, unsigned r, uint64_t v)
{
    if (r)
        c->x[r] = riscv_xlen_val(c, v);
}

/*
 * IR globals. One table holds an IR_I64 set for rv64 harts followed by an
 * IR_I32 set (the low halves of the same fields) for rv32 harts; a frontend
 * uses the set of its XLEN, so every op of a TB works at XLEN.
 */
enum riscv_global {
    RISCV_G_X1 = 0, /* x1..x31 are RISCV_G_X1 + r - 1 */
    RISCV_G_PC = 31,
    RISCV_G_RES_ADDR,
    RISCV_G_RES_VAL,
    RISCV_G_MSTATUS,                   /* for marking mstatus.FS dirty */
    RISCV_G_F0,                        /* f0..f31 (IR_I64 in both sets) */
    RISCV_G_PER_XLEN = RISCV_G_F0 + 32 /* size of one set; the rv32 set starts here */
};
extern const struct ir_global_def riscv_globals[2 * RISCV_G_PER_XLEN];

/* ---- decoder (decode.c) ---------------------------------------------- */

/* clang-format off */
enum riscv_op {
    RV_ILLEGAL,
    RV_LUI, RV_AUIPC, RV_JAL, RV_JALR,
    RV_BEQ, RV_BNE, RV_BLT, RV_BGE, RV_BLTU, RV_BGEU,
    RV_LB, RV_LH, RV_LW, RV_LD, RV_LBU, RV_LHU, RV_LWU,
    RV_SB, RV_SH, RV_SW, RV_SD,
    RV_ADDI, RV_SLTI, RV_SLTIU, RV_XORI, RV_ORI, RV_ANDI, RV_SLLI, RV_SRLI, RV_SRAI,
    RV_ADD, RV_SUB, RV_SLL, RV_SLT, RV_SLTU, RV_XOR, RV_SRL, RV_SRA, RV_OR, RV_AND,
    RV_ADDIW, RV_SLLIW, RV_SRLIW, RV_SRAIW,
    RV_ADDW, RV_SUBW, RV_SLLW, RV_SRLW, RV_SRAW,
    RV_FENCE, RV_FENCE_I, RV_ECALL, RV_EBREAK, RV_MRET, RV_WFI,
    RV_CSRRW, RV_CSRRS, RV_CSRRC, RV_CSRRWI, RV_CSRRSI, RV_CSRRCI,
    RV_MUL, RV_MULH, RV_MULHSU, RV_MULHU, RV_DIV, RV_DIVU, RV_REM, RV_REMU,
    RV_MULW, RV_DIVW, RV_DIVUW, RV_REMW, RV_REMUW,
    RV_LR_W, RV_SC_W, RV_AMOSWAP_W, RV_AMOADD_W, RV_AMOXOR_W, RV_AMOAND_W, RV_AMOOR_W,
    RV_AMOMIN_W, RV_AMOMAX_W, RV_AMOMINU_W, RV_AMOMAXU_W,
    RV_LR_D, RV_SC_D, RV_AMOSWAP_D, RV_AMOADD_D, RV_AMOXOR_D, RV_AMOAND_D, RV_AMOOR_D,
    RV_AMOMIN_D, RV_AMOMAX_D, RV_AMOMINU_D, RV_AMOMAXU_D,
    /* F and D */
    RV_FLW, RV_FSW, RV_FLD, RV_FSD,
    RV_FMADD_S, RV_FMSUB_S, RV_FNMSUB_S, RV_FNMADD_S,
    RV_FADD_S, RV_FSUB_S, RV_FMUL_S, RV_FDIV_S, RV_FSQRT_S,
    RV_FSGNJ_S, RV_FSGNJN_S, RV_FSGNJX_S, RV_FMIN_S, RV_FMAX_S,
    RV_FCVT_W_S, RV_FCVT_WU_S, RV_FCVT_L_S, RV_FCVT_LU_S,
    RV_FMV_X_W, RV_FCLASS_S, RV_FEQ_S, RV_FLT_S, RV_FLE_S,
    RV_FCVT_S_W, RV_FCVT_S_WU, RV_FCVT_S_L, RV_FCVT_S_LU, RV_FMV_W_X,
    RV_FMADD_D, RV_FMSUB_D, RV_FNMSUB_D, RV_FNMADD_D,
    RV_FADD_D, RV_FSUB_D, RV_FMUL_D, RV_FDIV_D, RV_FSQRT_D,
    RV_FSGNJ_D, RV_FSGNJN_D, RV_FSGNJX_D, RV_FMIN_D, RV_FMAX_D,
    RV_FCVT_S_D, RV_FCVT_D_S,
    RV_FCVT_W_D, RV_FCVT_WU_D, RV_FCVT_L_D, RV_FCVT_LU_D,
    RV_FMV_X_D, RV_FCLASS_D, RV_FEQ_D, RV_FLT_D, RV_FLE_D,
    RV_FCVT_D_W, RV_FCVT_D_WU, RV_FCVT_D_L, RV_FCVT_D_LU, RV_FMV_D_X,
    /* Zba, Zbb, Zbc, Zbs */
    RV_SH1ADD, RV_SH2ADD, RV_SH3ADD, RV_ADD_UW, RV_SH1ADD_UW, RV_SH2ADD_UW, RV_SH3ADD_UW,
    RV_SLLI_UW,
    RV_ANDN, RV_ORN, RV_XNOR, RV_CLZ, RV_CTZ, RV_CPOP, RV_CLZW, RV_CTZW, RV_CPOPW,
    RV_MAX, RV_MAXU, RV_MIN, RV_MINU, RV_SEXT_B, RV_SEXT_H, RV_ZEXT_H_32, RV_ZEXT_H_64,
    RV_ROL, RV_ROR, RV_RORI, RV_ROLW, RV_RORW, RV_RORIW, RV_ORC_B, RV_REV8_32, RV_REV8_64,
    RV_CLMUL, RV_CLMULH, RV_CLMULR,
    RV_BCLR, RV_BCLRI, RV_BEXT, RV_BEXTI, RV_BINV, RV_BINVI, RV_BSET, RV_BSETI,
    RV_OP_COUNT
};
/* clang-format on */

/* Operand layout: how fields and the immediate are read, and printed. */
enum riscv_fmt {
    RV_F_NONE,  /* ecall */
    RV_F_R,     /* rd, rs1, rs2 */
    RV_F_I,     /* rd, rs1, imm */
    RV_F_SH,    /* rd, rs1, shamt */
    RV_F_LOAD,  /* rd, imm(rs1) */
    RV_F_S,     /* rs2, imm(rs1) */
    RV_F_B,     /* rs1, rs2, pc + imm */
    RV_F_U,     /* rd, imm[31:12] */
    RV_F_J,     /* rd, pc + imm */
    RV_F_JALR,  /* rd, imm(rs1) */
    RV_F_CSR,   /* rd, csr, rs1 */
    RV_F_CSRI,  /* rd, csr, uimm */
    RV_F_LR,    /* rd, (rs1) */
    RV_F_AMO,   /* rd, rs2, (rs1) */
    RV_F_FENCE, /* pred, succ */
    RV_F_R1,    /* rd, rs1 */
    /* F and D: f names a floating-point register, [,rm] a rounding mode */
    RV_F_FLOAD,  /* fd, imm(rs1) */
    RV_F_FSTORE, /* fs2, imm(rs1) */
    RV_F_FR,     /* fd, fs1, fs2 [,rm] */
    RV_F_FR4,    /* fd, fs1, fs2, fs3 [,rm] */
    RV_F_FR1,    /* fd, fs1 [,rm] */
    RV_F_F2X,    /* rd, fs1 [,rm] */
    RV_F_X2F,    /* fd, rs1 [,rm] */
    RV_F_FCMP,   /* rd, fs1, fs2 */
};

/* What the translator emits for an instruction. */
/* clang-format off */
enum riscv_kind {
    RV_K_ILLEGAL,
    RV_K_LUI, RV_K_AUIPC, RV_K_JAL, RV_K_JALR, RV_K_BRANCH,
    RV_K_LOAD, RV_K_STORE,
    RV_K_ALU, RV_K_ALUI, RV_K_SET, RV_K_SETI, RV_K_ALUW, RV_K_ALUIW,
    RV_K_FENCE, RV_K_FENCE_I, RV_K_ECALL, RV_K_EBREAK, RV_K_MRET, RV_K_WFI, RV_K_CSR,
    RV_K_LR, RV_K_SC, RV_K_AMO,
    /* F and D (tr_fp.c) */
    RV_K_FLOAD, RV_K_FSTORE, RV_K_FP, RV_K_FSGNJ, RV_K_FMV_F2X, RV_K_FMV_X2F,
    /* Zba, Zbb, Zbc, Zbs beyond plain ALU ops (tr_bitmanip.c); arg is an
     * enum riscv_zb, memop its parameter */
    RV_K_ZB,
};
/* clang-format on */

enum riscv_zb {
    RV_ZB_INV2,     /* rs1 OP ~rs2; memop = IR_AND, IR_OR, IR_XOR */
    RV_ZB_SHADD,    /* (rs1 << memop) + rs2 */
    RV_ZB_SHADD_UW, /* (zext32(rs1) << memop) + rs2 */
    RV_ZB_SLLI_UW,  /* zext32(rs1) << shamt */
    RV_ZB_UNOP,     /* memop = IR_CLZ, IR_CTZ, IR_EXT*, IR_BSWAP at XLEN */
    RV_ZB_UNOPW,    /* memop = IR_CLZ, IR_CTZ on the low 32 bits */
    RV_ZB_MINMAX,   /* rs1 COND rs2 ? rs1 : rs2; memop = enum ir_cond */
    RV_ZB_HELPER,   /* memop = enum riscv_zbh */
    RV_ZB_BIT,      /* one bit, numbered by rs2; memop = enum riscv_zbit */
    RV_ZB_BITI,     /* the same numbered by shamt */
};

/* Bit operations of Zbs. */
enum riscv_zbit { RV_ZBIT_CLR, RV_ZBIT_INV, RV_ZBIT_SET, RV_ZBIT_EXT };

/* Zb operations done by helpers (helpers.c). */
enum riscv_zbh {
    RV_ZBH_CPOP,
    RV_ZBH_CPOPW,
    RV_ZBH_ORC_B,
    RV_ZBH_CLMUL,
    RV_ZBH_CLMULH,
    RV_ZBH_CLMULR,
    RV_ZBH_COUNT
};
extern const struct ir_helper riscv_zb_helpers[RV_ZBH_COUNT];

struct riscv_opdef {
    const char *name;
    uint32_t match, mask; /* insn & mask == match */
    uint8_t fmt;          /* enum riscv_fmt */
    uint8_t kind;         /* enum riscv_kind */
    uint8_t xlen;         /* 0: both, else 32 or 64 only */
    uint8_t arg;          /* enum ir_opc, enum ir_cond or enum ir_rmw by kind;
                           * RV_K_FP: enum riscv_fph; RV_K_FSGNJ: 0, 1, 2 (j, jn, jx) */
    uint8_t memop;        /* loads, stores, LR/SC, AMOs */
    uint8_t ext;          /* RISCV_EXT_* the hart needs (0: base IMAC) */
};

/* Does the encoding carry a rounding mode (funct3 not part of the op)? */
static inline bool riscv_opdef_has_rm(const struct riscv_opdef *d)
{
    return (d->ext & (RISCV_EXT_F | RISCV_EXT_D)) && d->fmt >= RV_F_FR && !(d->mask & 0x7000);
}
extern const struct riscv_opdef riscv_opdefs[RV_OP_COUNT];

/* One decoded instruction; compressed ones are expanded to their base op. */
struct riscv_insn {
    enum riscv_op op;
    uint32_t raw; /* the instruction bits (16 for a compressed one) */
    uint8_t len;  /* 2 or 4 */
    uint8_t rd, rs1, rs2, rs3;
    uint8_t aqrl; /* A extension: aq << 1 | rl */
    uint16_t csr;
    int64_t imm; /* sign-extended immediate, shamt, CSR uimm, fence bits */
};

/*
 * Decode @raw (only the low 16 bits matter when they are a compressed
 * encoding). Returns the length (2 or 4) and fills @out; an illegal or
 * reserved encoding gives op RV_ILLEGAL.
 */
unsigned riscv_decode(uint32_t raw, bool rv64, struct riscv_insn *out);

/* target_ops.translate (translate.c). */
void riscv_translate(struct tb_ctx *ctx);

/* ---- translation (translate.c, tr_fp.c, tr_bitmanip.c) ----------------- */

/* The state of translating one TB. */
struct rv_tc {
    struct tb_ctx *ctx;
    struct ir_block *b;
    struct riscv_cpu *c;
    bool rv64;
    enum ir_type t; /* XLEN */
    unsigned gbase; /* first global of this XLEN's set */
    unsigned priv;
    unsigned fs;       /* mstatus.FS, and Dirty once this TB set it */
    uint32_t ext;      /* RISCV_EXT_* of the hart */
    uint64_t pc, next; /* this instruction and the one after it */
};

typedef void (*rv_emit_fn)(struct rv_tc *s, const struct riscv_insn *in,
                           const struct riscv_opdef *d);

/* x register @r as a value (x0: the constant 0). */
ir_val riscv_gpr(struct rv_tc *s, unsigned r);
/* The destination of a write to @r: x0 writes land in a dead temp. */
ir_val riscv_gpr_dst(struct rv_tc *s, unsigned r);
ir_val riscv_gvar(struct rv_tc *s, enum riscv_global g);
/* rs1 + imm in a temp (or rs1 itself when imm is 0). */
ir_val riscv_gen_addr(struct rv_tc *s, const struct riscv_insn *in);
/* Raise illegal instruction (mtval = the encoding) and end the TB. */
void riscv_gen_illegal(struct rv_tc *s, const struct riscv_insn *in);

void riscv_emit_fload(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d);
void riscv_emit_fstore(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d);
void riscv_emit_fp(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d);
void riscv_emit_fsgnj(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d);
void riscv_emit_fmv_f2x(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d);
void riscv_emit_fmv_x2f(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d);
void riscv_emit_zb(struct rv_tc *s, const struct riscv_insn *in, const struct riscv_opdef *d);

/* ---- CSRs (csr.c) ---------------------------------------------------- */

/* Write the name of CSR @csr into @buf: true if it exists for this XLEN. */
bool riscv_csr_name(unsigned csr, bool rv64, char *buf, size_t len);
void riscv_csr_reset(struct riscv_cpu *c);
/* A debugger's access: no privilege checks, same side effects as the
 * guest's csrw (WARL masks apply). False for an unknown CSR. */
bool riscv_csr_debug_read(struct riscv_cpu *c, unsigned csr, uint64_t *value);
bool riscv_csr_debug_write(struct riscv_cpu *c, unsigned csr, uint64_t value);
/* Register accessors for the target descriptions in xml/riscv-*.xml. */
extern const struct target_reg riscv_regs[];
/* Read mstatus as software sees it. */
uint64_t riscv_mstatus_read(const struct riscv_cpu *c);
extern const struct ir_helper riscv_helper_csr;

/* ---- traps and helpers (cpu.c, helpers.c) ----------------------------- */

/* Raise exception @cause with mtval @tval from a helper. No return. */
void riscv_raise(struct riscv_cpu *c, int cause, uint64_t tval) __attribute__((noreturn));
/* mip & mie: what would wake a hart from WFI. */
uint64_t riscv_pending_irqs(const struct riscv_cpu *c);
/* Ask the run loop to take a pending interrupt once enables changed. */
void riscv_recheck_irq(struct riscv_cpu *c);

extern const struct ir_helper riscv_helper_raise;
extern const struct ir_helper riscv_helper_mret;
extern const struct ir_helper riscv_helper_wfi;
extern const struct ir_helper riscv_helper_semihost;

/* ---- floating point (fpu.c) ------------------------------------------- */

/* The helpers of RV_K_FP instructions: each takes its operands (f
 * registers as their 64-bit contents, x registers at XLEN), then the
 * instruction (for its rounding mode and mtval), and returns the result
 * (singles NaN-boxed, integers at XLEN sign-extended). */
/* clang-format off */
enum riscv_fph {
    RV_FPH_FMADD_S, RV_FPH_FMSUB_S, RV_FPH_FNMSUB_S, RV_FPH_FNMADD_S,
    RV_FPH_FADD_S, RV_FPH_FSUB_S, RV_FPH_FMUL_S, RV_FPH_FDIV_S, RV_FPH_FSQRT_S,
    RV_FPH_FMIN_S, RV_FPH_FMAX_S,
    RV_FPH_FCVT_W_S, RV_FPH_FCVT_WU_S, RV_FPH_FCVT_L_S, RV_FPH_FCVT_LU_S,
    RV_FPH_FCLASS_S, RV_FPH_FEQ_S, RV_FPH_FLT_S, RV_FPH_FLE_S,
    RV_FPH_FCVT_S_W, RV_FPH_FCVT_S_WU, RV_FPH_FCVT_S_L, RV_FPH_FCVT_S_LU,
    RV_FPH_FMADD_D, RV_FPH_FMSUB_D, RV_FPH_FNMSUB_D, RV_FPH_FNMADD_D,
    RV_FPH_FADD_D, RV_FPH_FSUB_D, RV_FPH_FMUL_D, RV_FPH_FDIV_D, RV_FPH_FSQRT_D,
    RV_FPH_FMIN_D, RV_FPH_FMAX_D, RV_FPH_FCVT_S_D, RV_FPH_FCVT_D_S,
    RV_FPH_FCVT_W_D, RV_FPH_FCVT_WU_D, RV_FPH_FCVT_L_D, RV_FPH_FCVT_LU_D,
    RV_FPH_FCLASS_D, RV_FPH_FEQ_D, RV_FPH_FLT_D, RV_FPH_FLE_D,
    RV_FPH_FCVT_D_W, RV_FPH_FCVT_D_WU, RV_FPH_FCVT_D_L, RV_FPH_FCVT_D_LU,
    RV_FPH_COUNT
};
/* clang-format on */
extern const struct ir_helper riscv_fp_helpers[RV_FPH_COUNT];

/* A single as stored in a 64-bit f register: the upper half all ones. */
#define RISCV_NANBOX 0xffffffff00000000ull

/* fcsr, frm and fflags for the CSR table: is the FPU there and on? */
bool riscv_fp_csr_ok(const struct riscv_cpu *c, unsigned csr);
uint64_t riscv_fcsr_read(const struct riscv_cpu *c, unsigned csr);
void riscv_fcsr_write(struct riscv_cpu *c, unsigned csr, uint64_t v);

/* ---- semihosting (semihost.c) ----------------------------------------- */

/* The three-instruction sequence around a semihosting ebreak. */
#define RISCV_SEMIHOST_PRE 0x01f01013u /* slli x0, x0, 0x1f */
#define RISCV_SEMIHOST_EBREAK 0x00100073u
#define RISCV_SEMIHOST_POST 0x40705013u /* srai x0, x0, 7 */

/* ---- disassembler (disas.c) ------------------------------------------- */

const char *riscv_reg_name(unsigned r);
/* Disassemble @raw at @pc; returns the length, 0 for an illegal encoding
 * (@buf then holds ".word 0x..." or ".short 0x..."). */
unsigned riscv_disas_insn(uint32_t raw, bool rv64, uint64_t pc, char *buf, size_t buflen);
unsigned riscv_disas(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len, char *buf,
                     size_t buflen);

#endif
