/* SPDX-License-Identifier: MIT */
/*
 * Decoder of the 32-bit Thumb-2 loads and stores (ARM ARM A5.3.5-A5.3.10):
 * load/store multiple, dual and exclusive, table branch, and single
 * loads and stores with every addressing mode. Loads with Rt = PC in the
 * byte and halfword spaces are the memory hints (PLD, PLI, and the
 * unallocated hints that execute as NOP).
 *
 * Fields: rd = Rt, rn = base, rm = index register (shamt its LSL), imm =
 * offset with index/add/wback = P/U/W; ra = Rt2 (dual) or the status
 * register (STREX). Literal loads have rn = PC.
 */
#include "targets/arm/decode32.h"
#include "targets/arm/internals.h"

#define B arm_bits

/* A5.3.5: load/store multiple. */
void arm_decode_ldstm(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned op = B(hw1, 8, 7), rn = B(hw1, 3, 0);
    bool load = B(hw1, 4, 4), w = B(hw1, 5, 5), sp_wb = w && rn == 13;
    if (op == 1)
        in->op = load ? (sp_wb ? T_POP : T_LDM) : T_STM;
    else if (op == 2)
        in->op = load ? T_LDMDB : (sp_wb ? T_PUSH : T_STMDB);
    else
        return; /* SRS and RFE are not in the M-profile */
    in->rn = rn;
    in->imm = hw2;
    in->wback = w;
    dec_unpred(in, rn == 15 || __builtin_popcount(hw2) < 2 || (hw2 & (1u << 13)) ||
                       (w && (hw2 & (1u << rn))));
    dec_unpred(in, load ? (hw2 & 0xc000) == 0xc000 : (hw2 & 0x8000) != 0);
}

static void exclusive(struct thumb_insn *in, enum thumb_op op, unsigned rn, unsigned rt,
                      unsigned rs, uint32_t imm)
{
    in->op = (uint16_t)op;
    in->rn = rn;
    in->rd = rt;
    in->ra = rs;
    in->imm = imm;
    dec_unpred(in, rn == 15 || dec_bad(rt));
    if (rs != ARM_RNONE)
        dec_unpred(in, dec_bad(rs) || rs == rn || rs == rt);
}

/* LDRD/STRD (immediate and literal, A6.7.50/A6.7.51/A6.7.121). */
static void dual(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    bool load = B(hw1, 4, 4);
    in->op = load ? T_LDRD : T_STRD;
    in->rn = B(hw1, 3, 0);
    in->rd = B(hw2, 15, 12);
    in->ra = B(hw2, 11, 8);
    in->form = FORM_IMM;
    in->imm = B(hw2, 7, 0) * 4;
    in->index = B(hw1, 8, 8);
    in->add = B(hw1, 7, 7);
    in->wback = B(hw1, 5, 5);
    dec_unpred(in, dec_bad(in->rd) || dec_bad(in->ra) ||
                       (in->wback && (in->rn == in->rd || in->rn == in->ra)));
    if (load)
        dec_unpred(in, in->rd == in->ra || (in->rn == 15 && in->wback));
    else
        dec_unpred(in, in->rn == 15);
}

/* A5.3.6: load/store dual or exclusive, table branch. */
void arm_decode_ldst_dual(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned op1 = B(hw1, 8, 7), op2 = B(hw1, 5, 4), op3 = B(hw2, 7, 4), rn = B(hw1, 3, 0);
    unsigned rt = B(hw2, 15, 12);
    if ((op1 & 2) || (op2 & 2)) {
        dual(hw1, hw2, in);
    } else if (op1 == 0) {
        if (op2 == 0) {
            exclusive(in, T_STREX, rn, rt, B(hw2, 11, 8), B(hw2, 7, 0) * 4);
        } else {
            exclusive(in, T_LDREX, rn, rt, ARM_RNONE, B(hw2, 7, 0) * 4);
            dec_unpred(in, B(hw2, 11, 8) != 15);
        }
    } else if (op2 == 0 && (op3 == 4 || op3 == 5)) {
        exclusive(in, op3 == 4 ? T_STREXB : T_STREXH, rn, rt, B(hw2, 3, 0), 0);
        dec_unpred(in, B(hw2, 11, 8) != 15);
    } else if (op2 == 1 && (op3 == 4 || op3 == 5)) {
        exclusive(in, op3 == 4 ? T_LDREXB : T_LDREXH, rn, rt, ARM_RNONE, 0);
        dec_unpred(in, B(hw2, 11, 8) != 15 || B(hw2, 3, 0) != 15);
    } else if (op2 == 1 && op3 < 2) {
        in->op = op3 ? T_TBH : T_TBB;
        in->rn = rn;
        in->rm = B(hw2, 3, 0);
        dec_unpred(in, rn == 13 || dec_bad(in->rm) || B(hw2, 15, 8) != 0xf0);
    }
}

/* The addressing modes of A5.3.7-A5.3.10 by op2 = hw2[11:6] (with the
 * imm12 form chosen by the caller). Returns false for UNDEFINED. */
static bool addressing(uint16_t hw2, struct thumb_insn *in)
{
    unsigned op2 = B(hw2, 11, 6);
    in->form = FORM_IMM;
    if (op2 & 0x20) { /* 1PUW imm8 */
        in->index = B(hw2, 10, 10);
        in->add = B(hw2, 9, 9);
        in->wback = B(hw2, 8, 8);
        in->imm = B(hw2, 7, 0);
        return in->index || in->wback;
    }
    if (op2)
        return false;
    in->form = FORM_REG;
    in->rm = B(hw2, 3, 0);
    in->shift = SHIFT_LSL;
    in->shamt = (uint8_t)B(hw2, 5, 4);
    in->index = in->add = true;
    dec_unpred(in, dec_bad(in->rm));
    return true;
}

static void imm12(uint16_t hw2, struct thumb_insn *in, bool add)
{
    in->form = FORM_IMM;
    in->imm = B(hw2, 11, 0);
    in->index = true;
    in->add = add;
}

/* The unprivileged form: P = 1, U = 1, W = 0 in the imm8 encoding. */
static bool is_unpriv(const struct thumb_insn *in)
{
    return in->form == FORM_IMM && in->index && in->add && !in->wback;
}

/* A5.3.10: store single data item. */
void arm_decode_store(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    static const uint8_t ops[3][2] = {
        {T_STRB, T_STRBT},
        {T_STRH, T_STRHT},
        {T_STR, T_STRT},
    };
    unsigned op1 = B(hw1, 7, 5), size = op1 & 3;
    in->rn = B(hw1, 3, 0);
    in->rd = B(hw2, 15, 12);
    if (size == 3 || op1 == 7 || in->rn == 15)
        return;
    if (op1 & 4)
        imm12(hw2, in, true);
    else if (!addressing(hw2, in))
        return;
    bool unpriv = !(op1 & 4) && B(hw2, 11, 11) && is_unpriv(in);
    in->op = ops[size][unpriv];
    dec_unpred(in, size == 2 ? in->rd == 15 : dec_bad(in->rd));
    dec_unpred(in, in->wback && in->rn == in->rd);
}

/* A5.3.7: load word. */
void arm_decode_load_word(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    unsigned op1 = B(hw1, 8, 7);
    in->rn = B(hw1, 3, 0);
    in->rd = B(hw2, 15, 12);
    if (op1 & 2)
        return;
    if (in->rn == 15 || op1 == 1) {
        imm12(hw2, in, in->rn != 15 || B(hw1, 7, 7));
    } else if (!addressing(hw2, in)) {
        return;
    }
    in->op = B(hw2, 11, 11) && op1 == 0 && in->rn != 15 && is_unpriv(in) ? T_LDRT : T_LDR;
    dec_unpred(in, (in->wback && in->rn == in->rd) || (in->op == T_LDRT && dec_bad(in->rd)));
}

/* A5.3.8 and A5.3.9: load halfword or byte, and memory hints (Rt = PC). */
void arm_decode_load_bh(uint16_t hw1, uint16_t hw2, struct thumb_insn *in)
{
    static const uint8_t ops[2][2][3] = {
        /* [half][signed]: normal, unprivileged, hint */
        {{T_LDRB, T_LDRBT, T_PLD}, {T_LDRSB, T_LDRSBT, T_PLI}},
        {{T_LDRH, T_LDRHT, T_NOP}, {T_LDRSH, T_LDRSHT, T_NOP}},
    };
    bool half = B(hw1, 5, 5), sign = B(hw1, 8, 8);
    const uint8_t *o = ops[half][sign];
    in->rn = B(hw1, 3, 0);
    in->rd = B(hw2, 15, 12);
    bool hint_ok = true;
    if (in->rn == 15 || B(hw1, 7, 7)) {
        imm12(hw2, in, in->rn != 15 || B(hw1, 7, 7));
        in->op = o[0];
    } else if (!addressing(hw2, in)) {
        return;
    } else if (B(hw2, 11, 11) && is_unpriv(in)) {
        in->op = o[1];
        hint_ok = false;
    } else {
        in->op = o[0];
        /* Only the negative imm8 form (1100xx) is a hint; 1xx1xx is not. */
        hint_ok = in->form == FORM_REG || !in->wback;
    }
    if (in->rd == 15) {
        if (hint_ok)
            in->op = o[2];
        else
            dec_unpred(in, true);
    }
    dec_unpred(in, in->rd == 13 || (in->wback && in->rn == in->rd));
}
