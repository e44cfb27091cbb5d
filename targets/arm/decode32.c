/* SPDX-License-Identifier: MIT */
/*
 * Decoder of the 32-bit Thumb-2 encodings that compute (ARM ARM A5.3):
 * data processing with modified and plain immediates and with registers,
 * multiplies and divides, branches and miscellaneous control, and the
 * coprocessor space (present only to be named: these cores have no
 * coprocessor, so all of it is a NOCP UsageFault). Loads and stores are in
 * decode32_mem.c. Each function follows one table of A5.3; UNPREDICTABLE
 * register uses (BadReg, A5.1.1) are flagged.
 */
#include "targets/arm/decode32.h"
#include "targets/arm/internals.h"

/* ThumbExpandImm_C (A5.3.2). */
static uint32_t expand_imm(uint32_t imm12, struct thumb_insn *in)
{
    uint32_t imm8 = imm12 & 0xff;
    if (!(imm12 >> 10)) {
        switch (arm_bits(imm12, 9, 8)) {
        case 0: return imm8;
        case 1: dec_unpred(in, !imm8); return imm8 << 16 | imm8;
        case 2: dec_unpred(in, !imm8); return imm8 << 24 | imm8 << 8;
        default: dec_unpred(in, !imm8); return imm8 * 0x01010101u;
        }
    }
    uint32_t v = 0x80 | (imm12 & 0x7f), rot = imm12 >> 7;
    in->carry_imm = true;
    return v >> rot | v << (32 - rot);
}

/* The logical and arithmetic ops of A5.3.1 and A5.3.11 by op field;
 * T_UNDEF where the table has no entry. */
static const uint8_t dp_ops[16] = {
    T_AND, T_BIC,   T_ORR, T_ORN, T_EOR,   T_UNDEF, T_UNDEF, T_UNDEF,
    T_ADD, T_UNDEF, T_ADC, T_SBC, T_UNDEF, T_SUB,   T_RSB,   T_UNDEF,
};

/* Turn an op into its compare/test or move form and check registers:
 * Rd = 1111 with S gives TST/TEQ/CMN/CMP, Rn = 1111 gives MOV/MVN. */
static void dp_special(struct thumb_insn *in, unsigned opc)
{
    unsigned d = in->rd, n = in->rn;
    bool test = d == 15 && in->setflags;
    switch (opc) {
    case 0:
    case 4:
    case 8:
    case 13:
        if (test) {
            static const uint8_t tests[16] = {[0] = T_TST, [4] = T_TEQ, [8] = T_CMN, [13] = T_CMP};
            in->op = tests[opc];
            in->rd = ARM_RNONE;
            dec_unpred(in, opc < 8 ? dec_bad(n) : n == 15);
            return;
        }
        if (opc >= 8 && n == 13) { /* ADD/SUB SP, #imm or register */
            dec_unpred(in, d == 15 && !in->setflags);
            return;
        }
        dec_unpred(in, d == 13 || (d == 15 && !in->setflags) || n == 15 || (opc < 8 && n == 13));
        return;
    case 2:
    case 3:
        if (n == 15) {
            in->op = opc == 2 ? T_MOV : T_MVN;
            in->rn = ARM_RNONE;
            dec_unpred(in, dec_bad(d));
            return;
        }
        dec_unpred(in, dec_bad(d) || n == 13);
        return;
    default: dec_unpred(in, dec_bad(d) || dec_bad(n)); return;
    }
}

/* A5.3.1: data processing (modified immediate). */
static void dec_dp_modimm(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned opc = arm_bits(hw1, 8, 5);
    in->op = dp_ops[opc];
    if (in->op == T_UNDEF)
        return;
    in->setflags = arm_bits(hw1, 4, 4);
    in->rn = arm_bits(hw1, 3, 0);
    in->rd = arm_bits(hw2, 11, 8);
    in->form = FORM_IMM;
    in->imm = expand_imm(
        arm_bits(hw1, 10, 10) << 11 | arm_bits(hw2, 14, 12) << 8 | arm_bits(hw2, 7, 0), in);
    dp_special(in, opc);
}

/* DecodeImmShift (A7.4.2): the op a MOV with a shifted register becomes. */
static void imm_shift(struct thumb_insn *in, unsigned type, unsigned imm5)
{
    in->form = FORM_REG;
    in->shift = (uint8_t)type;
    in->shamt = (uint8_t)imm5;
    if (type == SHIFT_LSR || type == SHIFT_ASR)
        in->shamt = (uint8_t)(imm5 ? imm5 : 32);
    else if (type == SHIFT_ROR && !imm5)
        in->shift = SHIFT_RRX, in->shamt = 1;
}

static void dec_pkh(uint16_t hw2, struct thumb_insn *in)
{
    bool tb = arm_bits(hw2, 5, 5);
    in->op = tb ? T_PKHTB : T_PKHBT;
    dec_unpred(in, dec_bad(in->rd) || dec_bad(in->rn) || dec_bad(in->rm));
    if (in->setflags || arm_bits(hw2, 4, 4))
        in->op = T_UNDEF;
}

/* A5.3.11: data processing (shifted register). */
static void dec_dp_shifted(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    static const uint8_t moves[4] = {T_LSL, T_LSR, T_ASR, T_ROR};
    unsigned opc = arm_bits(hw1, 8, 5), type = arm_bits(hw2, 5, 4);
    unsigned imm5 = arm_bits(hw2, 14, 12) << 2 | arm_bits(hw2, 7, 6);
    in->setflags = arm_bits(hw1, 4, 4);
    in->rn = arm_bits(hw1, 3, 0);
    in->rd = arm_bits(hw2, 11, 8);
    in->rm = arm_bits(hw2, 3, 0);
    imm_shift(in, type, imm5);
    if (opc == 6) {
        dec_pkh(hw2, in);
        return;
    }
    in->op = dp_ops[opc];
    if (in->op == T_UNDEF)
        return;
    dp_special(in, opc);
    if (in->op == T_MOV && imm5) /* the shift is the operation */
        in->op = moves[type];
    else if (in->op == T_MOV && type == SHIFT_ROR)
        in->op = T_RRX;
    else if (in->op == T_MOV && type != SHIFT_LSL)
        in->op = moves[type]; /* LSR/ASR #32 */
    if (in->op == T_MOV)
        in->unpred = in->setflags ? dec_bad(in->rd) || dec_bad(in->rm)
                                  : in->rd == 15 || in->rm == 15 || (in->rd == 13 && in->rm == 13);
    else
        dec_unpred(in, dec_bad(in->rm));
}

/* SSAT/USAT (and SSAT16/USAT16 without a shift) of A5.3.3. */
static void dec_sat(uint16_t hw1, uint16_t hw2, unsigned shift_imm, struct thumb_insn *in)
{
    bool is_signed = !arm_bits(hw1, 7, 7), asr = arm_bits(hw1, 5, 5);
    if (asr && !shift_imm) {
        in->op = is_signed ? T_SSAT16 : T_USAT16;
        in->width = (uint8_t)(arm_bits(hw2, 3, 0) + is_signed);
        dec_unpred(in, arm_bits(hw2, 5, 4) != 0);
    } else {
        in->op = is_signed ? T_SSAT : T_USAT;
        in->width = (uint8_t)(arm_bits(hw2, 4, 0) + is_signed);
        imm_shift(in, asr ? SHIFT_ASR : SHIFT_LSL, shift_imm);
        in->form = FORM_NONE;
    }
}

/* A5.3.3: data processing (plain binary immediate). */
static void dec_dp_plain(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned opc = arm_bits(hw1, 8, 4), rn = arm_bits(hw1, 3, 0);
    unsigned imm12 = arm_bits(hw1, 10, 10) << 11 | arm_bits(hw2, 14, 12) << 8 | arm_bits(hw2, 7, 0);
    unsigned lsb = arm_bits(hw2, 14, 12) << 2 | arm_bits(hw2, 7, 6), w = arm_bits(hw2, 4, 0);
    in->rd = arm_bits(hw2, 11, 8);
    in->rn = rn;
    in->form = FORM_IMM;
    in->imm = imm12;
    switch (opc) {
    case 0x00:
    case 0x0a: /* ADDW/SUBW, or ADR with Rn = PC */
        in->op = rn == 15 ? T_ADR : opc ? T_SUBW : T_ADDW;
        in->add = !opc;
        dec_unpred(in, rn == 13 ? in->rd == 15 : dec_bad(in->rd));
        return;
    case 0x04:
    case 0x0c: /* MOVW/MOVT */
        in->op = opc == 4 ? T_MOVW : T_MOVT;
        in->imm = rn << 12 | imm12;
        in->rn = ARM_RNONE;
        dec_unpred(in, dec_bad(in->rd));
        return;
    }
    dec_unpred(in, arm_bits(hw1, 10, 10) || arm_bits(hw2, 5, 5)); /* (0) bits */
    in->form = FORM_NONE;
    in->shamt = (uint8_t)lsb;
    switch (opc) {
    case 0x10:
    case 0x12:
    case 0x18:
    case 0x1a: dec_sat(hw1, hw2, lsb, in); break;
    case 0x14:
    case 0x1c: /* SBFX, UBFX */
        in->op = opc == 0x14 ? T_SBFX : T_UBFX;
        in->width = (uint8_t)(w + 1);
        dec_unpred(in, lsb + w > 31);
        break;
    case 0x16: /* BFI, or BFC with Rn = PC: bits lsb..msb */
        in->op = rn == 15 ? T_BFC : T_BFI;
        in->width = (uint8_t)(w - lsb + 1);
        dec_unpred(in, w < lsb || rn == 13);
        if (rn == 15)
            in->rn = ARM_RNONE;
        break;
    default: return;
    }
    dec_unpred(in, dec_bad(in->rd) || (in->rn != ARM_RNONE && dec_bad(in->rn)));
}

/* B T3 (conditional) and B T4/BL (A6.7.12, A6.7.18). */
static int32_t branch_offset(uint16_t hw1, uint16_t hw2, bool cond)
{
    uint32_t s = arm_bits(hw1, 10, 10), j1 = arm_bits(hw2, 13, 13), j2 = arm_bits(hw2, 11, 11);
    uint32_t imm11 = arm_bits(hw2, 10, 0);
    if (cond) {
        uint32_t v = s << 20 | j2 << 19 | j1 << 18 | arm_bits(hw1, 5, 0) << 12 | imm11 << 1;
        return (int32_t)(v << 11) >> 11;
    }
    uint32_t i1 = !(j1 ^ s), i2 = !(j2 ^ s);
    uint32_t v = s << 24 | i1 << 23 | i2 << 22 | arm_bits(hw1, 9, 0) << 12 | imm11 << 1;
    return (int32_t)(v << 7) >> 7;
}

/* Hints (A5.3.4, "Change Processor State, and hints"). */
static void dec_hint(uint16_t hw2, struct thumb_insn *in)
{
    static const uint8_t hints[] = {T_NOP, T_YIELD, T_WFE, T_WFI, T_SEV};
    unsigned op2 = arm_bits(hw2, 7, 0);
    if (arm_bits(hw2, 10, 8))
        return;                            /* CPS.W is ARMv7-A only */
    dec_unpred(in, arm_bits(hw2, 11, 11)); /* (0) */
    in->op = op2 < 5 ? hints[op2] : T_HINT;
    if ((op2 & 0xf0) == 0xf0) {
        in->op = T_DBG;
        in->imm = op2 & 0xf;
    }
}

/* MSR/MRS (B5.2.2, B5.2.3): SYSm in imm, MSR's mask in shamt. */
/* The SYSm values that exist (B5.1.1). */
static bool sysm_valid(unsigned sysm)
{
    return sysm <= 3 || (sysm >= 5 && sysm <= 9) || (sysm >= 16 && sysm <= 20);
}

static void dec_msr_mrs(uint16_t hw1, uint16_t hw2, bool msr, struct thumb_insn *in)
{
    in->imm = arm_bits(hw2, 7, 0);
    dec_unpred(in, !sysm_valid(in->imm) || arm_bits(hw2, 13, 13));
    if (msr) {
        in->op = T_MSR;
        in->rn = arm_bits(hw1, 3, 0);
        in->shamt = (uint8_t)arm_bits(hw2, 11, 10);
        dec_unpred(in, dec_bad(in->rn) || !in->shamt || (in->shamt != 2 && in->imm > 3) ||
                           arm_bits(hw1, 4, 4) || arm_bits(hw2, 9, 8));
    } else {
        in->op = T_MRS;
        in->rd = arm_bits(hw2, 11, 8);
        dec_unpred(in, dec_bad(in->rd) || arm_bits(hw1, 4, 0) != 0xf);
    }
}

/* A5.3.4: branches and miscellaneous control. */
static void dec_branch_misc(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    static const uint8_t barriers[16] = {[2] = T_CLREX, [4] = T_DSB, [5] = T_DMB, [6] = T_ISB};
    unsigned op = arm_bits(hw1, 10, 4), op1 = arm_bits(hw2, 14, 12);
    if (op1 == 2 && op == 0x7f) {
        in->op = T_UDF;
        in->imm = arm_bits(hw1, 3, 0) << 12 | arm_bits(hw2, 11, 0);
    } else if ((op1 & 5) == 1 || (op1 & 5) == 5) {
        in->op = (op1 & 4) ? T_BL : T_B;
        in->imm = (uint32_t)branch_offset(hw1, hw2, false);
    } else if (op1 & 5) {
        return; /* BLX (immediate) does not exist on M-profile */
    } else if ((op & 0x38) != 0x38) {
        in->op = T_B;
        in->cond = (uint8_t)arm_bits(hw1, 9, 6);
        in->imm = (uint32_t)branch_offset(hw1, hw2, true);
    } else if ((op & 0x7e) == 0x38 || (op & 0x7e) == 0x3e) {
        dec_msr_mrs(hw1, hw2, op < 0x3e, in);
    } else if (op == 0x3a || op == 0x3b) {
        if (op == 0x3a) {
            dec_hint(hw2, in);
        } else {
            in->op = barriers[arm_bits(hw2, 7, 4)];
            in->imm = arm_bits(hw2, 3, 0);
            if (!in->op)
                in->op = T_UNDEF;
            dec_unpred(in, arm_bits(hw2, 11, 8) != 0xf);
        }
        /* (1)(1)(1)(1) in hw1[3:0], (0) in hw2 bit 13 */
        dec_unpred(in, arm_bits(hw1, 3, 0) != 0xf || arm_bits(hw2, 13, 13));
    }
}

/* Parallel addition and subtraction (A5.3.13, A5.3.14): the op offset
 * from SADD16 is prefix * 6 + operation (see ARM_PAR_OPS). */
static void dec_parallel(unsigned op1, unsigned op2, struct thumb_insn *in)
{
    static const int8_t ops[8] = {4, 0, 1, -1, 5, 3, 2, -1}; /* by op1[2:0] */
    unsigned prefix = (op2 & 3) + ((op2 & 4) ? 3 : 0);
    if ((op2 & 3) == 3 || ops[op1 & 7] < 0)
        return;
    in->op = (uint16_t)(T_SADD16 + prefix * 6 + (unsigned)ops[op1 & 7]);
}

/* Miscellaneous operations (A5.3.15); Rm is encoded twice for the
 * one-operand ones and must be consistent. */
static void dec_misc_ops(unsigned op1, unsigned op2, uint16_t hw1, struct thumb_insn *in)
{
    static const uint8_t ops[4][4] = {
        {T_QADD, T_QDADD, T_QSUB, T_QDSUB},
        {T_REV, T_REV16, T_RBIT, T_REVSH},
        {T_SEL, T_UNDEF, T_UNDEF, T_UNDEF},
        {T_CLZ, T_UNDEF, T_UNDEF, T_UNDEF},
    };
    in->op = ops[op1 & 3][op2 & 3];
    if ((op1 & 3) == 1 || (op1 & 3) == 3) {
        dec_unpred(in, arm_bits(hw1, 3, 0) != in->rm);
        in->rn = ARM_RNONE;
    }
}

/* A5.3.12: data processing (register). */
static void dec_dp_reg(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    static const uint8_t ext[6][2] = {
        {T_SXTH, T_SXTAH},     {T_UXTH, T_UXTAH}, {T_SXTB16, T_SXTAB16},
        {T_UXTB16, T_UXTAB16}, {T_SXTB, T_SXTAB}, {T_UXTB, T_UXTAB},
    };
    unsigned op1 = arm_bits(hw1, 7, 4), op2 = arm_bits(hw2, 7, 4);
    if (arm_bits(hw2, 15, 12) != 15)
        return;
    in->rn = arm_bits(hw1, 3, 0);
    in->rd = arm_bits(hw2, 11, 8);
    in->rm = arm_bits(hw2, 3, 0);
    if (!(op1 & 8) && !op2) { /* LSL/LSR/ASR/ROR Rd, Rn, Rm */
        static const uint8_t ops[4] = {T_LSL, T_LSR, T_ASR, T_ROR};
        in->op = ops[op1 >> 1];
        in->setflags = op1 & 1;
        in->form = FORM_RSR;
        in->shift = (uint8_t)(op1 >> 1);
        in->ra = in->rm;
        in->rm = in->rn;
        in->rn = ARM_RNONE;
    } else if (!(op1 & 8) && (op2 & 8) && op1 < 6) { /* extends; bit 6 is (0) */
        in->op = ext[op1][in->rn != 15];
        dec_unpred(in, op2 & 4);
        in->shamt = (uint8_t)(arm_bits(hw2, 5, 4) * 8);
        if (in->rn == 15)
            in->rn = ARM_RNONE;
    } else if ((op1 & 8) && (op2 & 8) == 0) {
        dec_parallel(op1, op2, in);
    } else if ((op1 & 0xc) == 8 && (op2 & 0xc) == 8) {
        dec_misc_ops(op1, op2, hw1, in);
    } else {
        return;
    }
    dec_unpred(in, dec_bad(in->rd) || dec_bad(in->rm) || (in->rn != ARM_RNONE && dec_bad(in->rn)) ||
                       (in->ra != ARM_RNONE && dec_bad(in->ra)));
}

/* A5.3.16: multiply, multiply accumulate, and absolute difference. */
static void dec_mul(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned op1 = arm_bits(hw1, 6, 4), op2 = arm_bits(hw2, 5, 4), ra = arm_bits(hw2, 15, 12);
    bool acc = ra != 15, x = op2 & 1;
    if (arm_bits(hw2, 7, 6))
        return;
    in->rn = arm_bits(hw1, 3, 0);
    in->rd = arm_bits(hw2, 11, 8);
    in->rm = arm_bits(hw2, 3, 0);
    in->ra = ra;
    if (op1 != 1 && (op2 & 2))
        return;
    switch (op1) {
    case 0:
        if (op2 == 1)
            in->op = T_MLS;
        else
            in->op = acc ? T_MLA : T_MUL;
        break;
    case 1: in->op = (uint16_t)((acc ? T_SMLABB : T_SMULBB) + op2); break;
    case 2: in->op = (uint16_t)((acc ? T_SMLAD : T_SMUAD) + x); break;
    case 3: in->op = (uint16_t)((acc ? T_SMLAWB : T_SMULWB) + x); break;
    case 4: in->op = (uint16_t)((acc ? T_SMLSD : T_SMUSD) + x); break;
    case 5: in->op = (uint16_t)((acc ? T_SMMLA : T_SMMUL) + x); break;
    case 6:
        in->op = (uint16_t)(T_SMMLS + x);
        dec_unpred(in, !acc);
        break;
    default:
        if (op2)
            return;
        in->op = acc ? T_USADA8 : T_USAD8;
        break;
    }
    if (!acc && in->op != T_MLS && in->op != T_SMMLS && in->op != T_SMMLSR)
        in->ra = ARM_RNONE;
    dec_unpred(in, dec_bad(in->rd) || dec_bad(in->rn) || dec_bad(in->rm) || ra == 13 ||
                       (in->op == T_MLS && ra == 15));
}

/* A5.3.17: long multiply, long multiply accumulate, and divide. */
static void dec_long_mul(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned op1 = arm_bits(hw1, 6, 4), op2 = arm_bits(hw2, 7, 4);
    in->rn = arm_bits(hw1, 3, 0);
    in->rm = arm_bits(hw2, 3, 0);
    in->rd = arm_bits(hw2, 15, 12);            /* RdLo */
    in->ra = arm_bits(hw2, 11, 8);             /* RdHi */
    if ((op1 == 1 || op1 == 3) && op2 == 15) { /* SDIV/UDIV Rd, Rn, Rm */
        in->op = op1 == 1 ? T_SDIV : T_UDIV;
        dec_unpred(in, in->rd != 15);
        in->rd = in->ra;
        in->ra = ARM_RNONE;
        dec_unpred(in, dec_bad(in->rd) || dec_bad(in->rn) || dec_bad(in->rm));
        return;
    }
    if (op2 == 0 && !(op1 & 1)) {
        static const uint8_t ops[8] = {T_SMULL, 0, T_UMULL, 0, T_SMLAL, 0, T_UMLAL, 0};
        in->op = ops[op1];
    } else if (op1 == 4 && (op2 & 0xc) == 8) {
        in->op = (uint16_t)(T_SMLALBB + (op2 & 3));
    } else if ((op1 == 4 || op1 == 5) && (op2 & 0xe) == 0xc) {
        in->op = (uint16_t)((op1 == 4 ? T_SMLALD : T_SMLSLD) + (op2 & 1));
    } else if (op1 == 6 && op2 == 6) {
        in->op = T_UMAAL;
    } else {
        return;
    }
    dec_unpred(in, dec_bad(in->rd) || dec_bad(in->ra) || dec_bad(in->rn) || dec_bad(in->rm) ||
                       in->rd == in->ra);
}

/* A5.3.18: the coprocessor space, named as capstone names it. */
static void dec_coproc(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned op1 = arm_bits(hw1, 9, 4), two = arm_bits(hw1, 12, 12);
    bool op = arm_bits(hw2, 4, 4);
    if ((op1 & 0x30) == 0x20) {
        if (!op)
            in->op = two ? T_CDP2 : T_CDP;
        else if (op1 & 1)
            in->op = two ? T_MRC2 : T_MRC;
        else
            in->op = two ? T_MCR2 : T_MCR;
    } else if (op1 == 4 || op1 == 5) {
        in->op = (uint16_t)(op1 == 4 ? (two ? T_MCRR2 : T_MCRR) : (two ? T_MRRC2 : T_MRRC));
    } else if (!(op1 & 0x20) && (op1 & 0x3a)) {
        static const uint8_t ops[2][2][2] = {
            {{T_STC, T_STCL}, {T_STC2, T_STC2L}},
            {{T_LDC, T_LDCL}, {T_LDC2, T_LDC2L}},
        };
        in->op = ops[op1 & 1][two][arm_bits(hw1, 6, 6)];
    }
}

void arm_decode32(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned op2 = arm_bits(hw1, 10, 4);
    switch (arm_bits(hw1, 12, 11)) {
    case 1:
        if ((op2 & 0x64) == 0x00)
            arm_decode_ldstm(hw1, hw2, in);
        else if ((op2 & 0x64) == 0x04)
            arm_decode_ldst_dual(hw1, hw2, in);
        else if ((op2 & 0x60) == 0x20)
            dec_dp_shifted(hw1, hw2, in);
        else
            dec_coproc(hw1, hw2, in);
        return;
    case 2:
        if (arm_bits(hw2, 15, 15))
            dec_branch_misc(hw1, hw2, in);
        else if (op2 & 0x20)
            dec_dp_plain(hw1, hw2, in);
        else
            dec_dp_modimm(hw1, hw2, in);
        return;
    default:
        if ((op2 & 0x71) == 0x00)
            arm_decode_store(hw1, hw2, in);
        else if ((op2 & 0x67) == 0x01 || (op2 & 0x67) == 0x03)
            arm_decode_load_bh(hw1, hw2, in);
        else if ((op2 & 0x67) == 0x05)
            arm_decode_load_word(hw1, hw2, in);
        else if ((op2 & 0x70) == 0x20)
            dec_dp_reg(hw1, hw2, in);
        else if ((op2 & 0x78) == 0x30)
            dec_mul(hw1, hw2, in);
        else if ((op2 & 0x78) == 0x38)
            dec_long_mul(hw1, hw2, in);
        else if (op2 & 0x40)
            dec_coproc(hw1, hw2, in);
        return;
    }
}
