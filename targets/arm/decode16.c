/* SPDX-License-Identifier: MIT */
/*
 * Decoder of the 16-bit Thumb encodings (ARM ARM A5.2 and the encodings
 * of chapter A7). 16-bit data processing sets the flags only outside an
 * IT block (A7.3.3), which is why the caller says whether it is in one.
 * UNPREDICTABLE operand combinations are flagged, not rejected, so the
 * name still matches what other disassemblers print.
 */
#include "targets/arm/internals.h"

#define B arm_bits

static void set_op(struct thumb_insn *in, enum thumb_op op)
{
    in->op = (uint16_t)op;
}

static void unpred_if(struct thumb_insn *in, bool cond)
{
    in->unpred |= cond;
}

/* Immediate shifts: imm5 = 0 means 32 for LSR and ASR (A7.4.2). */
static void shift_imm(struct thumb_insn *in, uint16_t h, enum thumb_op op, enum arm_shift sh,
                      bool in_it)
{
    unsigned imm5 = B(h, 10, 6);
    set_op(in, op);
    in->rd = B(h, 2, 0);
    in->rm = B(h, 5, 3);
    in->form = FORM_REG;
    in->shift = sh;
    in->shamt = (uint8_t)(imm5 ? imm5 : 32);
    in->setflags = !in_it;
}

/* A5.2.1: shift (immediate), add, subtract, move, and compare. */
static void dec_shift_add_sub(uint16_t h, bool in_it, struct thumb_insn *in)
{
    static const enum thumb_op op3[] = {T_ADD, T_SUB, T_ADD, T_SUB};
    static const enum thumb_op op8[] = {T_MOV, T_CMP, T_ADD, T_SUB};
    unsigned opc = B(h, 13, 11);
    if (opc == 0 && B(h, 10, 6) == 0) { /* MOVS Rd, Rm (T2): not in an IT block */
        set_op(in, T_MOV);
        in->rd = B(h, 2, 0);
        in->rm = B(h, 5, 3);
        in->form = FORM_REG;
        in->setflags = true;
        unpred_if(in, in_it);
        return;
    }
    if (opc < 3) {
        static const enum thumb_op ops[] = {T_LSL, T_LSR, T_ASR};
        shift_imm(in, h, ops[opc], (enum arm_shift)opc, in_it);
        if (opc == 0)
            in->shamt = (uint8_t)B(h, 10, 6);
        return;
    }
    in->setflags = !in_it;
    if (opc == 3) { /* ADD/SUB register or 3-bit immediate */
        unsigned o = B(h, 10, 9);
        set_op(in, op3[o]);
        in->rd = B(h, 2, 0);
        in->rn = B(h, 5, 3);
        if (o < 2) {
            in->rm = B(h, 8, 6);
            in->form = FORM_REG;
        } else {
            in->imm = B(h, 8, 6);
            in->form = FORM_IMM;
        }
        return;
    }
    /* MOV, CMP, ADD, SUB with an 8-bit immediate: Rdn in bits 10:8. */
    set_op(in, op8[opc - 4]);
    in->rd = B(h, 10, 8);
    if (opc != 4)
        in->rn = in->rd;
    if (opc == 5) {
        in->rd = ARM_RNONE;
        in->setflags = true;
    }
    in->imm = B(h, 7, 0);
    in->form = FORM_IMM;
}

/* A5.2.2: data processing, Rdn in bits 2:0 and Rm in bits 5:3. */
static void dec_dp(uint16_t h, bool in_it, struct thumb_insn *in)
{
    static const enum thumb_op ops[16] = {
        T_AND, T_EOR, T_LSL, T_LSR, T_ASR, T_ADC, T_SBC, T_ROR,
        T_TST, T_RSB, T_CMP, T_CMN, T_ORR, T_MUL, T_BIC, T_MVN,
    };
    unsigned opc = B(h, 9, 6), rdn = B(h, 2, 0), rm = B(h, 5, 3);
    set_op(in, ops[opc]);
    in->setflags = !in_it;
    in->rd = rdn;
    in->rn = rdn;
    in->rm = rm;
    in->form = FORM_REG;
    switch (opc) {
    case 2:
    case 3:
    case 4:
    case 7: /* shifts by register: Rdn = Rdn shift Rm */
        in->rm = rdn;
        in->ra = rm;
        in->rn = ARM_RNONE;
        in->form = FORM_RSR;
        in->shift = (uint8_t)(opc == 2   ? SHIFT_LSL
                              : opc == 3 ? SHIFT_LSR
                              : opc == 4 ? SHIFT_ASR
                                         : SHIFT_ROR);
        break;
    case 8:
    case 10:
    case 11: /* TST, CMP, CMN */
        in->rd = ARM_RNONE;
        in->setflags = true;
        break;
    case 9: /* RSBS Rd, Rn, #0 */
        in->rn = rm;
        in->rm = ARM_RNONE;
        in->form = FORM_IMM;
        in->imm = 0;
        break;
    case 13: /* MULS Rdm, Rn, Rdm */
        in->rn = rm;
        in->rm = rdn;
        in->form = FORM_NONE;
        break;
    case 15: /* MVNS Rd, Rm */ in->rn = ARM_RNONE; break;
    }
}

/* A5.2.3: special data instructions and branch and exchange. */
static void dec_special(uint16_t h, bool in_it, struct thumb_insn *in)
{
    unsigned opc = B(h, 9, 6), rdn = B(h, 7, 7) << 3 | B(h, 2, 0), rm = B(h, 6, 3);
    (void)in_it;
    switch (opc >> 2) {
    case 0: /* ADD Rdn, Rm (includes ADD SP) */
        set_op(in, T_ADD);
        in->rd = rdn;
        in->rn = rdn;
        in->rm = rm;
        in->form = FORM_REG;
        unpred_if(in, rdn == 15 && rm == 15);
        return;
    case 1: /* CMP Rn, Rm (high registers; 0100, two low ones, is UNPREDICTABLE) */
        set_op(in, T_CMP);
        in->rn = rdn;
        in->rm = rm;
        in->form = FORM_REG;
        in->setflags = true;
        unpred_if(in, (rdn < 8 && rm < 8) || rdn == 15 || rm == 15);
        return;
    case 2: /* MOV Rd, Rm */
        set_op(in, T_MOV);
        in->rd = rdn;
        in->rm = rm;
        in->form = FORM_REG;
        return;
    default: /* BX, BLX */
        set_op(in, B(h, 7, 7) ? T_BLX : T_BX);
        in->rm = rm;
        unpred_if(in, B(h, 2, 0) != 0 || (B(h, 7, 7) && rm == 15));
        return;
    }
}

static void mem_imm(struct thumb_insn *in, enum thumb_op op, unsigned rt, unsigned rn, uint32_t imm)
{
    set_op(in, op);
    in->rd = rt;
    in->rn = rn;
    in->imm = imm;
    in->form = FORM_IMM;
    in->index = true;
    in->add = true;
}

/* A5.2.4: load/store single data item. */
static void dec_ldst(uint16_t h, struct thumb_insn *in)
{
    static const enum thumb_op reg_ops[8] = {
        T_STR, T_STRH, T_STRB, T_LDRSB, T_LDR, T_LDRH, T_LDRB, T_LDRSH,
    };
    unsigned opa = B(h, 15, 12), l = B(h, 11, 11), rt = B(h, 2, 0), rn = B(h, 5, 3);
    unsigned imm5 = B(h, 10, 6);
    switch (opa) {
    case 5:
        mem_imm(in, reg_ops[B(h, 11, 9)], rt, rn, 0);
        in->rm = B(h, 8, 6);
        in->form = FORM_REG;
        in->shift = SHIFT_LSL;
        return;
    case 6: mem_imm(in, l ? T_LDR : T_STR, rt, rn, imm5 * 4); return;
    case 7: mem_imm(in, l ? T_LDRB : T_STRB, rt, rn, imm5); return;
    case 8: mem_imm(in, l ? T_LDRH : T_STRH, rt, rn, imm5 * 2); return;
    default: /* 9: SP-relative */
        mem_imm(in, l ? T_LDR : T_STR, B(h, 10, 8), ARM_SP, B(h, 7, 0) * 4);
        return;
    }
}

static void reg_list(struct thumb_insn *in, enum thumb_op op, unsigned rn, uint32_t list)
{
    set_op(in, op);
    in->rn = rn;
    in->imm = list;
    in->wback = true;
    unpred_if(in, list == 0);
}

/* A5.2.5 "If-Then, and hints". */
static void dec_it_hint(uint16_t h, struct thumb_insn *in)
{
    static const enum thumb_op hints[] = {T_NOP, T_YIELD, T_WFE, T_WFI, T_SEV};
    unsigned firstcond = B(h, 7, 4), mask = B(h, 3, 0);
    if (mask) {
        set_op(in, T_IT);
        in->imm = B(h, 7, 0);
        unpred_if(in, firstcond == 15 || (firstcond == 14 && __builtin_popcount(mask) != 1));
        return;
    }
    set_op(in, firstcond < 5 ? hints[firstcond] : T_HINT);
}

static void one_reg(struct thumb_insn *in, enum thumb_op op, uint16_t h)
{
    set_op(in, op);
    in->rd = B(h, 2, 0);
    in->rm = B(h, 5, 3);
}

/* A5.2.5: miscellaneous 16-bit instructions, by bits 11:8. */
static void dec_misc(uint16_t h, bool in_it, struct thumb_insn *in)
{
    static const enum thumb_op ext[] = {T_SXTH, T_SXTB, T_UXTH, T_UXTB};
    static const enum thumb_op rev[] = {T_REV, T_REV16, T_UNDEF, T_REVSH};
    switch (B(h, 11, 8)) {
    case 0x0: /* ADD/SUB SP, SP, #imm7 * 4 */
        set_op(in, B(h, 7, 7) ? T_SUB : T_ADD);
        in->rd = in->rn = ARM_SP;
        in->imm = B(h, 6, 0) * 4;
        in->form = FORM_IMM;
        return;
    case 0x1:
    case 0x3:
    case 0x9:
    case 0xb: /* CBZ/CBNZ: op 0 i 1 */
        set_op(in, B(h, 11, 11) ? T_CBNZ : T_CBZ);
        in->rn = B(h, 2, 0);
        in->imm = B(h, 9, 9) << 6 | B(h, 7, 3) << 1;
        unpred_if(in, in_it);
        return;
    case 0x2: one_reg(in, ext[B(h, 7, 6)], h); return;
    case 0x4:
    case 0x5: /* PUSH {list, lr} */
        reg_list(in, T_PUSH, ARM_SP, B(h, 7, 0) | B(h, 8, 8) << 14);
        return;
    case 0x6: /* CPS: 0110 011 im (0)(0) I F */
        if (B(h, 7, 5) != 3)
            return;
        set_op(in, T_CPS);
        in->imm = B(h, 4, 0);
        unpred_if(in, in_it || B(h, 3, 2) != 0 || B(h, 1, 0) == 0);
        return;
    case 0xa: one_reg(in, rev[B(h, 7, 6)], h); return;
    case 0xc:
    case 0xd: /* POP {list, pc} */
        reg_list(in, T_POP, ARM_SP, B(h, 7, 0) | B(h, 8, 8) << 15);
        return;
    case 0xe:
        set_op(in, T_BKPT);
        in->imm = B(h, 7, 0);
        return;
    case 0xf: dec_it_hint(h, in); return;
    default: return; /* UNDEFINED */
    }
}

/* A5.2.6: conditional branch, and supervisor call. */
static void dec_bcond(uint16_t h, bool in_it, struct thumb_insn *in)
{
    unsigned cond = B(h, 11, 8);
    if (cond == 14) {
        set_op(in, T_UDF);
        in->imm = B(h, 7, 0);
        return;
    }
    if (cond == 15) {
        set_op(in, T_SVC);
        in->imm = B(h, 7, 0);
        return;
    }
    set_op(in, T_B);
    in->cond = (uint8_t)cond;
    in->imm = (uint32_t)((int32_t)(int8_t)B(h, 7, 0) * 2);
    unpred_if(in, in_it);
}

void arm_decode16(uint16_t h, bool in_it, struct thumb_insn *in)
{
    unsigned top = h >> 11;
    if (top < 0x08) {
        dec_shift_add_sub(h, in_it, in);
    } else if ((h >> 10) == 0x10) {
        dec_dp(h, in_it, in);
    } else if ((h >> 10) == 0x11) {
        dec_special(h, in_it, in);
    } else if (top == 0x09) { /* LDR Rt, [pc, #imm8 * 4] */
        mem_imm(in, T_LDR, B(h, 10, 8), ARM_PC, B(h, 7, 0) * 4);
    } else if (top < 0x14) {
        dec_ldst(h, in);
    } else if (top == 0x14) { /* ADR */
        set_op(in, T_ADR);
        in->rd = B(h, 10, 8);
        in->imm = B(h, 7, 0) * 4;
        in->add = true;
    } else if (top == 0x15) { /* ADD Rd, SP, #imm8 * 4 */
        set_op(in, T_ADD);
        in->rd = B(h, 10, 8);
        in->rn = ARM_SP;
        in->imm = B(h, 7, 0) * 4;
        in->form = FORM_IMM;
    } else if (top < 0x18) {
        dec_misc(h, in_it, in);
    } else if (top == 0x18) { /* STM Rn!, {list} */
        reg_list(in, T_STM, B(h, 10, 8), B(h, 7, 0));
    } else if (top == 0x19) { /* LDM Rn{!}, {list}: no writeback if Rn is in the list */
        reg_list(in, T_LDM, B(h, 10, 8), B(h, 7, 0));
        in->wback = !(in->imm & (1u << in->rn));
    } else if (top < 0x1c) {
        dec_bcond(h, in_it, in);
    } else if (top == 0x1c) { /* B (T2) */
        set_op(in, T_B);
        in->imm = (uint32_t)(((int32_t)(B(h, 10, 0) << 21)) >> 20);
    }
}
