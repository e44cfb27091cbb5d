/* SPDX-License-Identifier: MIT */
/*
 * The RISC-V decoder: one table of the 32-bit encodings (RV32/RV64 I, M,
 * A, F, D, Zicsr, Zifencei, mret, wfi) matched by mask, and the expansion
 * of every RV32C/RV64C encoding to the instruction it stands for. It is
 * pure (no engine state, no model): it decodes every extension it knows,
 * and the translator refuses what the hart lacks (riscv_opdef.ext). It is
 * shared by the translator and the disassembler, and unit-tested on its
 * own.
 */
#include "engine/tcg/ir.h"
#include "targets/riscv/internals.h"

#define MASK_OPC 0x0000007fu
#define MASK_F3 0x0000707fu
#define MASK_R 0xfe00707fu
#define MASK_SH64 0xfc00707fu /* shamt[5] belongs to the immediate */
#define MASK_AMO 0xf800707fu  /* aq/rl are operands */
#define MASK_LR 0xf9f0707fu   /* rs2 must be zero */
#define MASK_ALL 0xffffffffu

/* clang-format off */
#define ALU(n, m, op) {n, m, MASK_R, RV_F_R, RV_K_ALU, 0, op, 0}
#define ALUW(n, m, op) {n, m, MASK_R, RV_F_R, RV_K_ALUW, 64, op, 0}
#define LOAD(n, m, x, mo) {n, m, MASK_F3, RV_F_LOAD, RV_K_LOAD, x, 0, mo}
#define STORE(n, m, x, mo) {n, m, MASK_F3, RV_F_S, RV_K_STORE, x, 0, mo}
#define BRANCH(n, m, c) {n, m, MASK_F3, RV_F_B, RV_K_BRANCH, 0, c, 0}
#define CSR(n, m, f) {n, m, MASK_F3, f, RV_K_CSR, 0, 0, 0}
/* clang-format on */
/* F and D (unpriv. spec chapters 11 and 12): OP-FP with funct7, rs2 and
 * funct3 in the mask or not; where funct3 is not, it is the rm operand. */
#define MASK_FP 0xfe00007fu
#define MASK_FP_RS2 0xfff0007fu
#define MASK_FP_RS2_F3 0xfff0707fu
#define MASK_FMA 0x0600007fu
#define OPFP(f7) ((uint32_t)(f7) << 25 | 0x53)
#define FPH(n, m, mask, fmt, x, h, e)                                                              \
    {                                                                                              \
        n, m, mask, fmt, RV_K_FP, x, RV_FPH_##h, 0, e                                              \
    }
#define FP_R(n, f7, h, e) FPH(n, OPFP(f7), MASK_FP, RV_F_FR, 0, h, e)
#define FP_R1(n, f7, rs2, fmt, x, h, e) FPH(n, OPFP(f7) | (rs2) << 20, MASK_FP_RS2, fmt, x, h, e)
#define FP_F3(n, f7, f3, fmt, h, e) FPH(n, OPFP(f7) | (f3) << 12, MASK_R, fmt, 0, h, e)
#define FCLASS(n, f7, h, e) FPH(n, OPFP(f7) | 1 << 12, MASK_FP_RS2_F3, RV_F_F2X, 0, h, e)
#define FMA(n, opc, fmt2, h, e) FPH(n, (fmt2) << 25 | (opc), MASK_FMA, RV_F_FR4, 0, h, e)
/* clang-format off */
#define FSGNJ(n, f7, f3, e) {n, OPFP(f7) | (f3) << 12, MASK_R, RV_F_FR, RV_K_FSGNJ, 0, f3, 0, e}
#define FMV(n, f7, k, fmt, x, e) {n, OPFP(f7), MASK_FP_RS2_F3, fmt, k, x, 0, 0, e}
#define FLOAD(n, f3, mo, e) {n, (f3) << 12 | 0x07, MASK_F3, RV_F_FLOAD, RV_K_FLOAD, 0, 0, mo, e}
#define FSTORE(n, f3, mo, e) {n, (f3) << 12 | 0x27, MASK_F3, RV_F_FSTORE, RV_K_FSTORE, 0, 0, mo, e}
/* clang-format on */
#define EF RISCV_EXT_F
#define ED RISCV_EXT_D

/* Zba, Zbb, Zbc, Zbs (bit-manipulation spec 1.0.0, chapter 2). The
 * immediate rotate and bit forms are named as objdump prints them (ror,
 * bclr, ... with an immediate). OP = 0x33, OP-IMM = 0x13, OP-32 = 0x3b,
 * OP-IMM-32 = 0x1b. */
#define MASK_I12 0xfff0707fu /* funct12 (rs2 field included) and funct3 */
#define ZB(n, m, mask, fmt, x, zb, p, e)                                                           \
    {                                                                                              \
        n, m, mask, fmt, RV_K_ZB, x, zb, p, e                                                      \
    }
#define ZB_OP(n, f7, f3, x, opc, zb, p, e)                                                         \
    ZB(n, (uint32_t)(f7) << 25 | (f3) << 12 | (opc), MASK_R, RV_F_R, x, zb, p, e)
#define ZB_UN(n, f12, f3, x, opc, zb, p, e)                                                        \
    ZB(n, (uint32_t)(f12) << 20 | (f3) << 12 | (opc), MASK_I12, RV_F_R1, x, zb, p, e)
#define ZB_SH(n, f6, f3, opc, zb, p, e)                                                            \
    ZB(n, (uint32_t)(f6) << 26 | (f3) << 12 | (opc), MASK_SH64, RV_F_SH, 0, zb, p, e)
#define EZBA RISCV_EXT_ZBA
#define EZBB RISCV_EXT_ZBB
#define EZBC RISCV_EXT_ZBC
#define EZBS RISCV_EXT_ZBS

#define AMO(n, f5, w, rmw)                                                                         \
    {                                                                                              \
        n, (f5) << 27 | (w) << 12 | 0x2f, MASK_AMO, RV_F_AMO, RV_K_AMO, (w) == 3 ? 64 : 0, rmw,    \
            (w) == 3 ? IR_MO_64 : IR_MO_32                                                         \
    }

/* The base encodings (unprivileged spec, chapter 34 "RV32/64G Instruction
 * Set Listings"; privileged spec table 9.1 for mret and wfi). */
const struct riscv_opdef riscv_opdefs[RV_OP_COUNT] = {
    /* Never matched: the decoder's result for what no entry below matches. */
    [RV_ILLEGAL] = {"illegal", 0, 0, RV_F_NONE, RV_K_ILLEGAL, 0, 0, 0},
    [RV_LUI] = {"lui", 0x37, MASK_OPC, RV_F_U, RV_K_LUI, 0, 0, 0},
    [RV_AUIPC] = {"auipc", 0x17, MASK_OPC, RV_F_U, RV_K_AUIPC, 0, 0, 0},
    [RV_JAL] = {"jal", 0x6f, MASK_OPC, RV_F_J, RV_K_JAL, 0, 0, 0},
    [RV_JALR] = {"jalr", 0x67, MASK_F3, RV_F_JALR, RV_K_JALR, 0, 0, 0},
    [RV_BEQ] = BRANCH("beq", 0x0063, IR_EQ),
    [RV_BNE] = BRANCH("bne", 0x1063, IR_NE),
    [RV_BLT] = BRANCH("blt", 0x4063, IR_LT),
    [RV_BGE] = BRANCH("bge", 0x5063, IR_GE),
    [RV_BLTU] = BRANCH("bltu", 0x6063, IR_LTU),
    [RV_BGEU] = BRANCH("bgeu", 0x7063, IR_GEU),
    [RV_LB] = LOAD("lb", 0x0003, 0, IR_MO_8 | IR_MO_SIGN),
    [RV_LH] = LOAD("lh", 0x1003, 0, IR_MO_16 | IR_MO_SIGN),
    [RV_LW] = LOAD("lw", 0x2003, 0, IR_MO_32 | IR_MO_SIGN),
    [RV_LD] = LOAD("ld", 0x3003, 64, IR_MO_64),
    [RV_LBU] = LOAD("lbu", 0x4003, 0, IR_MO_8),
    [RV_LHU] = LOAD("lhu", 0x5003, 0, IR_MO_16),
    [RV_LWU] = LOAD("lwu", 0x6003, 64, IR_MO_32),
    [RV_SB] = STORE("sb", 0x0023, 0, IR_MO_8),
    [RV_SH] = STORE("sh", 0x1023, 0, IR_MO_16),
    [RV_SW] = STORE("sw", 0x2023, 0, IR_MO_32),
    [RV_SD] = STORE("sd", 0x3023, 64, IR_MO_64),
    [RV_ADDI] = {"addi", 0x0013, MASK_F3, RV_F_I, RV_K_ALUI, 0, IR_ADD, 0},
    [RV_SLTI] = {"slti", 0x2013, MASK_F3, RV_F_I, RV_K_SETI, 0, IR_LT, 0},
    [RV_SLTIU] = {"sltiu", 0x3013, MASK_F3, RV_F_I, RV_K_SETI, 0, IR_LTU, 0},
    [RV_XORI] = {"xori", 0x4013, MASK_F3, RV_F_I, RV_K_ALUI, 0, IR_XOR, 0},
    [RV_ORI] = {"ori", 0x6013, MASK_F3, RV_F_I, RV_K_ALUI, 0, IR_OR, 0},
    [RV_ANDI] = {"andi", 0x7013, MASK_F3, RV_F_I, RV_K_ALUI, 0, IR_AND, 0},
    [RV_SLLI] = {"slli", 0x1013, MASK_SH64, RV_F_SH, RV_K_ALUI, 0, IR_SHL, 0},
    [RV_SRLI] = {"srli", 0x5013, MASK_SH64, RV_F_SH, RV_K_ALUI, 0, IR_SHR, 0},
    [RV_SRAI] = {"srai", 0x40005013, MASK_SH64, RV_F_SH, RV_K_ALUI, 0, IR_SAR, 0},
    [RV_ADD] = ALU("add", 0x0033, IR_ADD),
    [RV_SUB] = ALU("sub", 0x40000033, IR_SUB),
    [RV_SLL] = ALU("sll", 0x1033, IR_SHL),
    [RV_SLT] = {"slt", 0x2033, MASK_R, RV_F_R, RV_K_SET, 0, IR_LT, 0},
    [RV_SLTU] = {"sltu", 0x3033, MASK_R, RV_F_R, RV_K_SET, 0, IR_LTU, 0},
    [RV_XOR] = ALU("xor", 0x4033, IR_XOR),
    [RV_SRL] = ALU("srl", 0x5033, IR_SHR),
    [RV_SRA] = ALU("sra", 0x40005033, IR_SAR),
    [RV_OR] = ALU("or", 0x6033, IR_OR),
    [RV_AND] = ALU("and", 0x7033, IR_AND),
    [RV_ADDIW] = {"addiw", 0x001b, MASK_F3, RV_F_I, RV_K_ALUIW, 64, IR_ADD, 0},
    [RV_SLLIW] = {"slliw", 0x101b, MASK_R, RV_F_SH, RV_K_ALUIW, 64, IR_SHL, 0},
    [RV_SRLIW] = {"srliw", 0x501b, MASK_R, RV_F_SH, RV_K_ALUIW, 64, IR_SHR, 0},
    [RV_SRAIW] = {"sraiw", 0x4000501b, MASK_R, RV_F_SH, RV_K_ALUIW, 64, IR_SAR, 0},
    [RV_ADDW] = ALUW("addw", 0x003b, IR_ADD),
    [RV_SUBW] = ALUW("subw", 0x4000003b, IR_SUB),
    [RV_SLLW] = ALUW("sllw", 0x103b, IR_SHL),
    [RV_SRLW] = ALUW("srlw", 0x503b, IR_SHR),
    [RV_SRAW] = ALUW("sraw", 0x4000503b, IR_SAR),
    /* fm, rs1 and rd of fence are reserved and ignored (spec 2.7). */
    [RV_FENCE] = {"fence", 0x000f, MASK_F3, RV_F_FENCE, RV_K_FENCE, 0, 0, 0},
    [RV_FENCE_I] = {"fence.i", 0x100f, MASK_F3, RV_F_NONE, RV_K_FENCE_I, 0, 0, 0},
    [RV_ECALL] = {"ecall", 0x00000073, MASK_ALL, RV_F_NONE, RV_K_ECALL, 0, 0, 0},
    [RV_EBREAK] = {"ebreak", 0x00100073, MASK_ALL, RV_F_NONE, RV_K_EBREAK, 0, 0, 0},
    [RV_MRET] = {"mret", 0x30200073, MASK_ALL, RV_F_NONE, RV_K_MRET, 0, 0, 0},
    [RV_WFI] = {"wfi", 0x10500073, MASK_ALL, RV_F_NONE, RV_K_WFI, 0, 0, 0},
    [RV_CSRRW] = CSR("csrrw", 0x1073, RV_F_CSR),
    [RV_CSRRS] = CSR("csrrs", 0x2073, RV_F_CSR),
    [RV_CSRRC] = CSR("csrrc", 0x3073, RV_F_CSR),
    [RV_CSRRWI] = CSR("csrrwi", 0x5073, RV_F_CSRI),
    [RV_CSRRSI] = CSR("csrrsi", 0x6073, RV_F_CSRI),
    [RV_CSRRCI] = CSR("csrrci", 0x7073, RV_F_CSRI),
    [RV_MUL] = ALU("mul", 0x02000033, IR_MUL),
    [RV_MULH] = ALU("mulh", 0x02001033, IR_MULHS),
    [RV_MULHSU] = ALU("mulhsu", 0x02002033, IR_MULHSU),
    [RV_MULHU] = ALU("mulhu", 0x02003033, IR_MULHU),
    [RV_DIV] = ALU("div", 0x02004033, IR_DIVS),
    [RV_DIVU] = ALU("divu", 0x02005033, IR_DIVU),
    [RV_REM] = ALU("rem", 0x02006033, IR_REMS),
    [RV_REMU] = ALU("remu", 0x02007033, IR_REMU),
    [RV_MULW] = ALUW("mulw", 0x0200003b, IR_MUL),
    [RV_DIVW] = ALUW("divw", 0x0200403b, IR_DIVS),
    [RV_DIVUW] = ALUW("divuw", 0x0200503b, IR_DIVU),
    [RV_REMW] = ALUW("remw", 0x0200603b, IR_REMS),
    [RV_REMUW] = ALUW("remuw", 0x0200703b, IR_REMU),
    [RV_LR_W] = {"lr.w", 0x1000202f, MASK_LR, RV_F_LR, RV_K_LR, 0, 0, IR_MO_32},
    [RV_SC_W] = {"sc.w", 0x1800202f, MASK_AMO, RV_F_AMO, RV_K_SC, 0, 0, IR_MO_32},
    [RV_AMOSWAP_W] = AMO("amoswap.w", 0x01, 2, IR_RMW_XCHG),
    [RV_AMOADD_W] = AMO("amoadd.w", 0x00, 2, IR_RMW_ADD),
    [RV_AMOXOR_W] = AMO("amoxor.w", 0x04, 2, IR_RMW_XOR),
    [RV_AMOAND_W] = AMO("amoand.w", 0x0c, 2, IR_RMW_AND),
    [RV_AMOOR_W] = AMO("amoor.w", 0x08, 2, IR_RMW_OR),
    [RV_AMOMIN_W] = AMO("amomin.w", 0x10, 2, IR_RMW_SMIN),
    [RV_AMOMAX_W] = AMO("amomax.w", 0x14, 2, IR_RMW_SMAX),
    [RV_AMOMINU_W] = AMO("amominu.w", 0x18, 2, IR_RMW_UMIN),
    [RV_AMOMAXU_W] = AMO("amomaxu.w", 0x1c, 2, IR_RMW_UMAX),
    [RV_LR_D] = {"lr.d", 0x1000302f, MASK_LR, RV_F_LR, RV_K_LR, 64, 0, IR_MO_64},
    [RV_SC_D] = {"sc.d", 0x1800302f, MASK_AMO, RV_F_AMO, RV_K_SC, 64, 0, IR_MO_64},
    [RV_AMOSWAP_D] = AMO("amoswap.d", 0x01, 3, IR_RMW_XCHG),
    [RV_AMOADD_D] = AMO("amoadd.d", 0x00, 3, IR_RMW_ADD),
    [RV_AMOXOR_D] = AMO("amoxor.d", 0x04, 3, IR_RMW_XOR),
    [RV_AMOAND_D] = AMO("amoand.d", 0x0c, 3, IR_RMW_AND),
    [RV_AMOOR_D] = AMO("amoor.d", 0x08, 3, IR_RMW_OR),
    [RV_AMOMIN_D] = AMO("amomin.d", 0x10, 3, IR_RMW_SMIN),
    [RV_AMOMAX_D] = AMO("amomax.d", 0x14, 3, IR_RMW_SMAX),
    [RV_AMOMINU_D] = AMO("amominu.d", 0x18, 3, IR_RMW_UMIN),
    [RV_AMOMAXU_D] = AMO("amomaxu.d", 0x1c, 3, IR_RMW_UMAX),
    [RV_FLW] = FLOAD("flw", 2, IR_MO_32, EF),
    [RV_FSW] = FSTORE("fsw", 2, IR_MO_32, EF),
    [RV_FLD] = FLOAD("fld", 3, IR_MO_64, ED),
    [RV_FSD] = FSTORE("fsd", 3, IR_MO_64, ED),
    [RV_FMADD_S] = FMA("fmadd.s", 0x43, 0, FMADD_S, EF),
    [RV_FMSUB_S] = FMA("fmsub.s", 0x47, 0, FMSUB_S, EF),
    [RV_FNMSUB_S] = FMA("fnmsub.s", 0x4b, 0, FNMSUB_S, EF),
    [RV_FNMADD_S] = FMA("fnmadd.s", 0x4f, 0, FNMADD_S, EF),
    [RV_FADD_S] = FP_R("fadd.s", 0x00, FADD_S, EF),
    [RV_FSUB_S] = FP_R("fsub.s", 0x04, FSUB_S, EF),
    [RV_FMUL_S] = FP_R("fmul.s", 0x08, FMUL_S, EF),
    [RV_FDIV_S] = FP_R("fdiv.s", 0x0c, FDIV_S, EF),
    [RV_FSQRT_S] = FP_R1("fsqrt.s", 0x2c, 0, RV_F_FR1, 0, FSQRT_S, EF),
    [RV_FSGNJ_S] = FSGNJ("fsgnj.s", 0x10, 0, EF),
    [RV_FSGNJN_S] = FSGNJ("fsgnjn.s", 0x10, 1, EF),
    [RV_FSGNJX_S] = FSGNJ("fsgnjx.s", 0x10, 2, EF),
    [RV_FMIN_S] = FP_F3("fmin.s", 0x14, 0, RV_F_FR, FMIN_S, EF),
    [RV_FMAX_S] = FP_F3("fmax.s", 0x14, 1, RV_F_FR, FMAX_S, EF),
    [RV_FCVT_W_S] = FP_R1("fcvt.w.s", 0x60, 0, RV_F_F2X, 0, FCVT_W_S, EF),
    [RV_FCVT_WU_S] = FP_R1("fcvt.wu.s", 0x60, 1, RV_F_F2X, 0, FCVT_WU_S, EF),
    [RV_FCVT_L_S] = FP_R1("fcvt.l.s", 0x60, 2, RV_F_F2X, 64, FCVT_L_S, EF),
    [RV_FCVT_LU_S] = FP_R1("fcvt.lu.s", 0x60, 3, RV_F_F2X, 64, FCVT_LU_S, EF),
    [RV_FMV_X_W] = FMV("fmv.x.w", 0x70, RV_K_FMV_F2X, RV_F_F2X, 0, EF),
    [RV_FCLASS_S] = FCLASS("fclass.s", 0x70, FCLASS_S, EF),
    [RV_FEQ_S] = FP_F3("feq.s", 0x50, 2, RV_F_FCMP, FEQ_S, EF),
    [RV_FLT_S] = FP_F3("flt.s", 0x50, 1, RV_F_FCMP, FLT_S, EF),
    [RV_FLE_S] = FP_F3("fle.s", 0x50, 0, RV_F_FCMP, FLE_S, EF),
    [RV_FCVT_S_W] = FP_R1("fcvt.s.w", 0x68, 0, RV_F_X2F, 0, FCVT_S_W, EF),
    [RV_FCVT_S_WU] = FP_R1("fcvt.s.wu", 0x68, 1, RV_F_X2F, 0, FCVT_S_WU, EF),
    [RV_FCVT_S_L] = FP_R1("fcvt.s.l", 0x68, 2, RV_F_X2F, 64, FCVT_S_L, EF),
    [RV_FCVT_S_LU] = FP_R1("fcvt.s.lu", 0x68, 3, RV_F_X2F, 64, FCVT_S_LU, EF),
    [RV_FMV_W_X] = FMV("fmv.w.x", 0x78, RV_K_FMV_X2F, RV_F_X2F, 0, EF),
    [RV_FMADD_D] = FMA("fmadd.d", 0x43, 1, FMADD_D, ED),
    [RV_FMSUB_D] = FMA("fmsub.d", 0x47, 1, FMSUB_D, ED),
    [RV_FNMSUB_D] = FMA("fnmsub.d", 0x4b, 1, FNMSUB_D, ED),
    [RV_FNMADD_D] = FMA("fnmadd.d", 0x4f, 1, FNMADD_D, ED),
    [RV_FADD_D] = FP_R("fadd.d", 0x01, FADD_D, ED),
    [RV_FSUB_D] = FP_R("fsub.d", 0x05, FSUB_D, ED),
    [RV_FMUL_D] = FP_R("fmul.d", 0x09, FMUL_D, ED),
    [RV_FDIV_D] = FP_R("fdiv.d", 0x0d, FDIV_D, ED),
    [RV_FSQRT_D] = FP_R1("fsqrt.d", 0x2d, 0, RV_F_FR1, 0, FSQRT_D, ED),
    [RV_FSGNJ_D] = FSGNJ("fsgnj.d", 0x11, 0, ED),
    [RV_FSGNJN_D] = FSGNJ("fsgnjn.d", 0x11, 1, ED),
    [RV_FSGNJX_D] = FSGNJ("fsgnjx.d", 0x11, 2, ED),
    [RV_FMIN_D] = FP_F3("fmin.d", 0x15, 0, RV_F_FR, FMIN_D, ED),
    [RV_FMAX_D] = FP_F3("fmax.d", 0x15, 1, RV_F_FR, FMAX_D, ED),
    [RV_FCVT_S_D] = FP_R1("fcvt.s.d", 0x20, 1, RV_F_FR1, 0, FCVT_S_D, ED),
    [RV_FCVT_D_S] = FP_R1("fcvt.d.s", 0x21, 0, RV_F_FR1, 0, FCVT_D_S, ED),
    [RV_FCVT_W_D] = FP_R1("fcvt.w.d", 0x61, 0, RV_F_F2X, 0, FCVT_W_D, ED),
    [RV_FCVT_WU_D] = FP_R1("fcvt.wu.d", 0x61, 1, RV_F_F2X, 0, FCVT_WU_D, ED),
    [RV_FCVT_L_D] = FP_R1("fcvt.l.d", 0x61, 2, RV_F_F2X, 64, FCVT_L_D, ED),
    [RV_FCVT_LU_D] = FP_R1("fcvt.lu.d", 0x61, 3, RV_F_F2X, 64, FCVT_LU_D, ED),
    [RV_FMV_X_D] = FMV("fmv.x.d", 0x71, RV_K_FMV_F2X, RV_F_F2X, 64, ED),
    [RV_FCLASS_D] = FCLASS("fclass.d", 0x71, FCLASS_D, ED),
    [RV_FEQ_D] = FP_F3("feq.d", 0x51, 2, RV_F_FCMP, FEQ_D, ED),
    [RV_FLT_D] = FP_F3("flt.d", 0x51, 1, RV_F_FCMP, FLT_D, ED),
    [RV_FLE_D] = FP_F3("fle.d", 0x51, 0, RV_F_FCMP, FLE_D, ED),
    [RV_FCVT_D_W] = FP_R1("fcvt.d.w", 0x69, 0, RV_F_X2F, 0, FCVT_D_W, ED),
    [RV_FCVT_D_WU] = FP_R1("fcvt.d.wu", 0x69, 1, RV_F_X2F, 0, FCVT_D_WU, ED),
    [RV_FCVT_D_L] = FP_R1("fcvt.d.l", 0x69, 2, RV_F_X2F, 64, FCVT_D_L, ED),
    [RV_FCVT_D_LU] = FP_R1("fcvt.d.lu", 0x69, 3, RV_F_X2F, 64, FCVT_D_LU, ED),
    [RV_FMV_D_X] = FMV("fmv.d.x", 0x79, RV_K_FMV_X2F, RV_F_X2F, 64, ED),
    [RV_SH1ADD] = ZB_OP("sh1add", 0x10, 2, 0, 0x33, RV_ZB_SHADD, 1, EZBA),
    [RV_SH2ADD] = ZB_OP("sh2add", 0x10, 4, 0, 0x33, RV_ZB_SHADD, 2, EZBA),
    [RV_SH3ADD] = ZB_OP("sh3add", 0x10, 6, 0, 0x33, RV_ZB_SHADD, 3, EZBA),
    [RV_ADD_UW] = ZB_OP("add.uw", 0x04, 0, 64, 0x3b, RV_ZB_SHADD_UW, 0, EZBA),
    [RV_SH1ADD_UW] = ZB_OP("sh1add.uw", 0x10, 2, 64, 0x3b, RV_ZB_SHADD_UW, 1, EZBA),
    [RV_SH2ADD_UW] = ZB_OP("sh2add.uw", 0x10, 4, 64, 0x3b, RV_ZB_SHADD_UW, 2, EZBA),
    [RV_SH3ADD_UW] = ZB_OP("sh3add.uw", 0x10, 6, 64, 0x3b, RV_ZB_SHADD_UW, 3, EZBA),
    [RV_SLLI_UW] = ZB("slli.uw", 0x0800101b, MASK_SH64, RV_F_SH, 64, RV_ZB_SLLI_UW, 0, EZBA),
    [RV_ANDN] = ZB_OP("andn", 0x20, 7, 0, 0x33, RV_ZB_INV2, IR_AND, EZBB),
    [RV_ORN] = ZB_OP("orn", 0x20, 6, 0, 0x33, RV_ZB_INV2, IR_OR, EZBB),
    [RV_XNOR] = ZB_OP("xnor", 0x20, 4, 0, 0x33, RV_ZB_INV2, IR_XOR, EZBB),
    [RV_CLZ] = ZB_UN("clz", 0x600, 1, 0, 0x13, RV_ZB_UNOP, IR_CLZ, EZBB),
    [RV_CTZ] = ZB_UN("ctz", 0x601, 1, 0, 0x13, RV_ZB_UNOP, IR_CTZ, EZBB),
    [RV_CPOP] = ZB_UN("cpop", 0x602, 1, 0, 0x13, RV_ZB_HELPER, RV_ZBH_CPOP, EZBB),
    [RV_CLZW] = ZB_UN("clzw", 0x600, 1, 64, 0x1b, RV_ZB_UNOPW, IR_CLZ, EZBB),
    [RV_CTZW] = ZB_UN("ctzw", 0x601, 1, 64, 0x1b, RV_ZB_UNOPW, IR_CTZ, EZBB),
    [RV_CPOPW] = ZB_UN("cpopw", 0x602, 1, 64, 0x1b, RV_ZB_HELPER, RV_ZBH_CPOPW, EZBB),
    [RV_MAX] = ZB_OP("max", 0x05, 6, 0, 0x33, RV_ZB_MINMAX, IR_GT, EZBB),
    [RV_MAXU] = ZB_OP("maxu", 0x05, 7, 0, 0x33, RV_ZB_MINMAX, IR_GTU, EZBB),
    [RV_MIN] = ZB_OP("min", 0x05, 4, 0, 0x33, RV_ZB_MINMAX, IR_LT, EZBB),
    [RV_MINU] = ZB_OP("minu", 0x05, 5, 0, 0x33, RV_ZB_MINMAX, IR_LTU, EZBB),
    [RV_SEXT_B] = ZB_UN("sext.b", 0x604, 1, 0, 0x13, RV_ZB_UNOP, IR_EXT8S, EZBB),
    [RV_SEXT_H] = ZB_UN("sext.h", 0x605, 1, 0, 0x13, RV_ZB_UNOP, IR_EXT16S, EZBB),
    [RV_ZEXT_H_32] = ZB_UN("zext.h", 0x080, 4, 32, 0x33, RV_ZB_UNOP, IR_EXT16U, EZBB),
    [RV_ZEXT_H_64] = ZB_UN("zext.h", 0x080, 4, 64, 0x3b, RV_ZB_UNOP, IR_EXT16U, EZBB),
    [RV_ROL] = {"rol", 0x60001033, MASK_R, RV_F_R, RV_K_ALU, 0, IR_ROTL, 0, EZBB},
    [RV_ROR] = {"ror", 0x60005033, MASK_R, RV_F_R, RV_K_ALU, 0, IR_ROTR, 0, EZBB},
    [RV_RORI] = {"ror", 0x60005013, MASK_SH64, RV_F_SH, RV_K_ALUI, 0, IR_ROTR, 0, EZBB},
    [RV_ROLW] = {"rolw", 0x6000103b, MASK_R, RV_F_R, RV_K_ALUW, 64, IR_ROTL, 0, EZBB},
    [RV_RORW] = {"rorw", 0x6000503b, MASK_R, RV_F_R, RV_K_ALUW, 64, IR_ROTR, 0, EZBB},
    [RV_RORIW] = {"rorw", 0x6000501b, MASK_R, RV_F_SH, RV_K_ALUIW, 64, IR_ROTR, 0, EZBB},
    [RV_ORC_B] = ZB_UN("orc.b", 0x287, 5, 0, 0x13, RV_ZB_HELPER, RV_ZBH_ORC_B, EZBB),
    [RV_REV8_32] = ZB_UN("rev8", 0x698, 5, 32, 0x13, RV_ZB_UNOP, IR_BSWAP, EZBB),
    [RV_REV8_64] = ZB_UN("rev8", 0x6b8, 5, 64, 0x13, RV_ZB_UNOP, IR_BSWAP, EZBB),
    [RV_CLMUL] = ZB_OP("clmul", 0x05, 1, 0, 0x33, RV_ZB_HELPER, RV_ZBH_CLMUL, EZBC),
    [RV_CLMULH] = ZB_OP("clmulh", 0x05, 3, 0, 0x33, RV_ZB_HELPER, RV_ZBH_CLMULH, EZBC),
    [RV_CLMULR] = ZB_OP("clmulr", 0x05, 2, 0, 0x33, RV_ZB_HELPER, RV_ZBH_CLMULR, EZBC),
    [RV_BCLR] = ZB_OP("bclr", 0x24, 1, 0, 0x33, RV_ZB_BIT, RV_ZBIT_CLR, EZBS),
    [RV_BCLRI] = ZB_SH("bclr", 0x12, 1, 0x13, RV_ZB_BITI, RV_ZBIT_CLR, EZBS),
    [RV_BEXT] = ZB_OP("bext", 0x24, 5, 0, 0x33, RV_ZB_BIT, RV_ZBIT_EXT, EZBS),
    [RV_BEXTI] = ZB_SH("bext", 0x12, 5, 0x13, RV_ZB_BITI, RV_ZBIT_EXT, EZBS),
    [RV_BINV] = ZB_OP("binv", 0x34, 1, 0, 0x33, RV_ZB_BIT, RV_ZBIT_INV, EZBS),
    [RV_BINVI] = ZB_SH("binv", 0x1a, 1, 0x13, RV_ZB_BITI, RV_ZBIT_INV, EZBS),
    [RV_BSET] = ZB_OP("bset", 0x14, 1, 0, 0x33, RV_ZB_BIT, RV_ZBIT_SET, EZBS),
    [RV_BSETI] = ZB_SH("bset", 0x0a, 1, 0x13, RV_ZB_BITI, RV_ZBIT_SET, EZBS),
};

static inline uint32_t field(uint32_t x, unsigned lo, unsigned n)
{
    return (x >> lo) & ((1u << n) - 1);
}

static inline int64_t sext(uint64_t v, unsigned bits)
{
    return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

static int64_t imm_of(uint32_t r, enum riscv_fmt fmt)
{
    switch (fmt) {
    case RV_F_I:
    case RV_F_LOAD:
    case RV_F_JALR:
    case RV_F_FLOAD: return sext(r >> 20, 12);
    case RV_F_SH: return field(r, 20, 6);
    case RV_F_S:
    case RV_F_FSTORE: return sext(field(r, 25, 7) << 5 | field(r, 7, 5), 12);
    case RV_F_B:
        return sext(field(r, 31, 1) << 12 | field(r, 7, 1) << 11 | field(r, 25, 6) << 5 |
                        field(r, 8, 4) << 1,
                    13);
    case RV_F_U: return sext(r & 0xfffff000u, 32);
    case RV_F_J:
        return sext(field(r, 31, 1) << 20 | field(r, 12, 8) << 12 | field(r, 20, 1) << 11 |
                        field(r, 21, 10) << 1,
                    21);
    case RV_F_CSRI: return field(r, 15, 5);
    case RV_F_FENCE: return r >> 20;
    default: return 0;
    }
}

/* Which register fields each format has; the others read as 0 so that a
 * compressed instruction and its 32-bit form decode identically. */
#define USES_RD 1
#define USES_RS1 2
#define USES_RS2 4
#define USES_RS3 8
/* clang-format off */
static const uint8_t fmt_regs[] = {
    [RV_F_NONE] = 0, [RV_F_R] = USES_RD | USES_RS1 | USES_RS2, [RV_F_I] = USES_RD | USES_RS1,
    [RV_F_SH] = USES_RD | USES_RS1, [RV_F_LOAD] = USES_RD | USES_RS1,
    [RV_F_S] = USES_RS1 | USES_RS2, [RV_F_B] = USES_RS1 | USES_RS2, [RV_F_U] = USES_RD,
    [RV_F_J] = USES_RD, [RV_F_JALR] = USES_RD | USES_RS1, [RV_F_CSR] = USES_RD | USES_RS1,
    [RV_F_CSRI] = USES_RD, [RV_F_LR] = USES_RD | USES_RS1,
    [RV_F_AMO] = USES_RD | USES_RS1 | USES_RS2, [RV_F_FENCE] = 0,
    [RV_F_FLOAD] = USES_RD | USES_RS1, [RV_F_FSTORE] = USES_RS1 | USES_RS2,
    [RV_F_FR] = USES_RD | USES_RS1 | USES_RS2,
    [RV_F_FR4] = USES_RD | USES_RS1 | USES_RS2 | USES_RS3, [RV_F_FR1] = USES_RD | USES_RS1,
    [RV_F_F2X] = USES_RD | USES_RS1, [RV_F_X2F] = USES_RD | USES_RS1,
    [RV_F_FCMP] = USES_RD | USES_RS1 | USES_RS2, [RV_F_R1] = USES_RD | USES_RS1,
};
/* clang-format on */

static bool opdef_matches(const struct riscv_opdef *d, uint32_t raw, bool rv64)
{
    if ((raw & d->mask) != d->match)
        return false;
    return d->xlen == 0 || d->xlen == (rv64 ? 64 : 32);
}

static void decode32(uint32_t raw, bool rv64, struct riscv_insn *in)
{
    for (unsigned op = RV_ILLEGAL + 1; op < RV_OP_COUNT; op++) {
        const struct riscv_opdef *d = &riscv_opdefs[op];
        if (!opdef_matches(d, raw, rv64))
            continue;
        unsigned regs = fmt_regs[d->fmt];
        in->rd = (regs & USES_RD) ? field(raw, 7, 5) : 0;
        in->rs1 = (regs & USES_RS1) ? field(raw, 15, 5) : 0;
        in->rs2 = (regs & USES_RS2) ? field(raw, 20, 5) : 0;
        in->rs3 = (regs & USES_RS3) ? field(raw, 27, 5) : 0;
        if (d->fmt == RV_F_LR || d->fmt == RV_F_AMO)
            in->aqrl = field(raw, 25, 2);
        if (d->fmt == RV_F_CSR || d->fmt == RV_F_CSRI)
            in->csr = raw >> 20;
        in->imm = imm_of(raw, d->fmt);
        /* RV32: shamt[5] set is reserved (spec 2.4.1). */
        if (d->fmt == RV_F_SH && !rv64 && (in->imm & 0x20))
            return;
        in->op = op;
        return;
    }
}

static void cset(struct riscv_insn *in, enum riscv_op op, unsigned rd, unsigned rs1, unsigned rs2,
                 int64_t imm)
{
    in->op = op;
    in->rd = rd;
    in->rs1 = rs1;
    in->rs2 = rs2;
    in->imm = imm;
}

/* Immediates of the compressed formats (unprivileged spec 16.2, 16.3). */
static int64_t c_imm6(uint32_t r)
{
    return sext(field(r, 12, 1) << 5 | field(r, 2, 5), 6);
}

static unsigned c_shamt(uint32_t r)
{
    return field(r, 12, 1) << 5 | field(r, 2, 5);
}

static int64_t c_jimm(uint32_t r)
{
    return sext(field(r, 12, 1) << 11 | field(r, 11, 1) << 4 | field(r, 9, 2) << 8 |
                    field(r, 8, 1) << 10 | field(r, 7, 1) << 6 | field(r, 6, 1) << 7 |
                    field(r, 3, 3) << 1 | field(r, 2, 1) << 5,
                12);
}

static int64_t c_bimm(uint32_t r)
{
    return sext(field(r, 12, 1) << 8 | field(r, 10, 2) << 3 | field(r, 5, 2) << 6 |
                    field(r, 3, 2) << 1 | field(r, 2, 1) << 5,
                9);
}

static unsigned c_lw_off(uint32_t r)
{
    return field(r, 10, 3) << 3 | field(r, 6, 1) << 2 | field(r, 5, 1) << 6;
}

static unsigned c_ld_off(uint32_t r)
{
    return field(r, 10, 3) << 3 | field(r, 5, 2) << 6;
}

/*
 * The compressed quadrants (unprivileged spec 16.8, "RVC Instruction Set
 * Listings"). Encodings the spec reserves stay RV_ILLEGAL: a zero
 * immediate of c.addi4spn, c.addi16sp and c.lui, rd = x0 of c.lwsp, c.ldsp
 * and c.addiw, rs1 = x0 of c.jr, shamt[5] = 1 on RV32 (kept for custom
 * extensions). c.flw, c.fsw, c.flwsp and c.fswsp exist on RV32 only, where
 * RV64 has c.ld, c.sd, c.ldsp and c.sdsp; the FP ones have no rd = x0 rule.
 * HINTs (rd = x0 of c.addi, c.li, c.mv, ...) decode normally and do nothing.
 */

/* Registers x8..x15 named by 3-bit fields. */
#define CR(r, lo) (8 + field(r, lo, 3))

static void decode_q0(uint32_t r, bool rv64, struct riscv_insn *in)
{
    unsigned nzuimm =
        field(r, 11, 2) << 4 | field(r, 7, 4) << 6 | field(r, 6, 1) << 2 | field(r, 5, 1) << 3;
    switch (field(r, 13, 3)) {
    case 0: /* c.addi4spn; nzuimm 0 (including the all-zero parcel) is illegal */
        if (nzuimm)
            cset(in, RV_ADDI, CR(r, 2), 2, 0, nzuimm);
        break;
    case 1: cset(in, RV_FLD, CR(r, 2), CR(r, 7), 0, c_ld_off(r)); break;
    case 2: cset(in, RV_LW, CR(r, 2), CR(r, 7), 0, c_lw_off(r)); break;
    case 3:
        if (rv64)
            cset(in, RV_LD, CR(r, 2), CR(r, 7), 0, c_ld_off(r));
        else
            cset(in, RV_FLW, CR(r, 2), CR(r, 7), 0, c_lw_off(r));
        break;
    case 5: cset(in, RV_FSD, 0, CR(r, 7), CR(r, 2), c_ld_off(r)); break;
    case 6: cset(in, RV_SW, 0, CR(r, 7), CR(r, 2), c_lw_off(r)); break;
    case 7:
        if (rv64)
            cset(in, RV_SD, 0, CR(r, 7), CR(r, 2), c_ld_off(r));
        else
            cset(in, RV_FSW, 0, CR(r, 7), CR(r, 2), c_lw_off(r));
        break;
    default: break; /* reserved */
    }
}

static void decode_q1_alu(uint32_t r, bool rv64, struct riscv_insn *in)
{
    static const enum riscv_op ops[8] = {RV_SUB,  RV_XOR,  RV_OR,      RV_AND,
                                         RV_SUBW, RV_ADDW, RV_ILLEGAL, RV_ILLEGAL};
    unsigned rd = CR(r, 7), shamt = c_shamt(r);
    switch (field(r, 10, 2)) {
    /* clang-format off */
    case 0: if (rv64 || shamt < 32) cset(in, RV_SRLI, rd, rd, 0, shamt); break;
    case 1: if (rv64 || shamt < 32) cset(in, RV_SRAI, rd, rd, 0, shamt); break;
    /* clang-format on */
    case 2: cset(in, RV_ANDI, rd, rd, 0, c_imm6(r)); break;
    default: {
        enum riscv_op op = ops[field(r, 12, 1) << 2 | field(r, 5, 2)];
        if (op != RV_ILLEGAL && (rv64 || !field(r, 12, 1)))
            cset(in, op, rd, rd, CR(r, 2), 0);
        break;
    }
    }
}

static void decode_q1(uint32_t r, bool rv64, struct riscv_insn *in)
{
    unsigned rd = field(r, 7, 5);
    switch (field(r, 13, 3)) {
    case 0: cset(in, RV_ADDI, rd, rd, 0, c_imm6(r)); break;
    case 1:
        if (!rv64)
            cset(in, RV_JAL, 1, 0, 0, c_jimm(r));
        else if (rd)
            cset(in, RV_ADDIW, rd, rd, 0, c_imm6(r));
        break;
    case 2: cset(in, RV_ADDI, rd, 0, 0, c_imm6(r)); break;
    case 3:
        if (rd == 2) {
            int64_t imm = sext(field(r, 12, 1) << 9 | field(r, 6, 1) << 4 | field(r, 5, 1) << 6 |
                                   field(r, 3, 2) << 7 | field(r, 2, 1) << 5,
                               10);
            if (imm)
                cset(in, RV_ADDI, 2, 2, 0, imm);
        } else if (c_imm6(r)) {
            cset(in, RV_LUI, rd, 0, 0, c_imm6(r) * 4096);
        }
        break;
    case 4: decode_q1_alu(r, rv64, in); break;
    case 5: cset(in, RV_JAL, 0, 0, 0, c_jimm(r)); break;
    case 6: cset(in, RV_BEQ, 0, CR(r, 7), 0, c_bimm(r)); break;
    default: cset(in, RV_BNE, 0, CR(r, 7), 0, c_bimm(r)); break;
    }
}

static void decode_q2_misc(uint32_t r, struct riscv_insn *in)
{
    unsigned rd = field(r, 7, 5), rs2 = field(r, 2, 5);
    if (!field(r, 12, 1)) {
        if (rs2)
            cset(in, RV_ADD, rd, 0, rs2, 0); /* c.mv */
        else if (rd)
            cset(in, RV_JALR, 0, rd, 0, 0); /* c.jr */
    } else if (rs2) {
        cset(in, RV_ADD, rd, rd, rs2, 0); /* c.add */
    } else {
        cset(in, rd ? RV_JALR : RV_EBREAK, rd ? 1 : 0, rd, 0, 0); /* c.jalr, c.ebreak */
    }
}

/* Stack-pointer-relative offsets: lwsp/ldsp, swsp/sdsp. */
static unsigned c_lwsp_off(uint32_t r)
{
    return field(r, 12, 1) << 5 | field(r, 4, 3) << 2 | field(r, 2, 2) << 6;
}

static unsigned c_ldsp_off(uint32_t r)
{
    return field(r, 12, 1) << 5 | field(r, 5, 2) << 3 | field(r, 2, 3) << 6;
}

static unsigned c_swsp_off(uint32_t r)
{
    return field(r, 9, 4) << 2 | field(r, 7, 2) << 6;
}

static unsigned c_sdsp_off(uint32_t r)
{
    return field(r, 10, 3) << 3 | field(r, 7, 3) << 6;
}

static void decode_q2(uint32_t r, bool rv64, struct riscv_insn *in)
{
    unsigned rd = field(r, 7, 5), rs2 = field(r, 2, 5), shamt = c_shamt(r);
    switch (field(r, 13, 3)) {
    case 0:
        if (rv64 || shamt < 32)
            cset(in, RV_SLLI, rd, rd, 0, shamt);
        break;
    case 1: cset(in, RV_FLD, rd, 2, 0, c_ldsp_off(r)); break;
    case 2:
        if (rd)
            cset(in, RV_LW, rd, 2, 0, c_lwsp_off(r));
        break;
    case 3:
        if (!rv64)
            cset(in, RV_FLW, rd, 2, 0, c_lwsp_off(r));
        else if (rd)
            cset(in, RV_LD, rd, 2, 0, c_ldsp_off(r));
        break;
    case 4: decode_q2_misc(r, in); break;
    case 5: cset(in, RV_FSD, 0, 2, rs2, c_sdsp_off(r)); break;
    case 6: cset(in, RV_SW, 0, 2, rs2, c_swsp_off(r)); break;
    default:
        if (rv64)
            cset(in, RV_SD, 0, 2, rs2, c_sdsp_off(r));
        else
            cset(in, RV_FSW, 0, 2, rs2, c_swsp_off(r));
        break;
    }
}

unsigned riscv_decode(uint32_t raw, bool rv64, struct riscv_insn *out)
{
    *out = (struct riscv_insn){.op = RV_ILLEGAL};
    if ((raw & 3) == 3) {
        out->raw = raw;
        out->len = 4;
        decode32(raw, rv64, out);
        return 4;
    }
    raw &= 0xffff;
    out->raw = raw;
    out->len = 2;
    switch (raw & 3) {
    case 0: decode_q0(raw, rv64, out); break;
    case 1: decode_q1(raw, rv64, out); break;
    default: decode_q2(raw, rv64, out); break;
    }
    return 2;
}
