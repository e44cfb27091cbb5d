/* SPDX-License-Identifier: MIT */
/*
 * What the two halves of the 32-bit Thumb decoder share: the UNPREDICTABLE
 * marker, BadReg (A5.1.1) and the load/store entry points of
 * decode32_mem.c.
 */
#ifndef MOSAIC_TARGETS_ARM_DECODE32_H
#define MOSAIC_TARGETS_ARM_DECODE32_H

#include "targets/arm/internals.h"

static inline void dec_unpred(struct thumb_insn *in, bool cond)
{
    in->unpred |= cond;
}

/* SP or PC where the encoding does not allow them. */
static inline bool dec_bad(unsigned r)
{
    return r == 13 || r == 15;
}

void arm_decode_ldstm(uint16_t hw1, uint16_t hw2, struct thumb_insn *in);
void arm_decode_ldst_dual(uint16_t hw1, uint16_t hw2, struct thumb_insn *in);
void arm_decode_store(uint16_t hw1, uint16_t hw2, struct thumb_insn *in);
void arm_decode_load_bh(uint16_t hw1, uint16_t hw2, struct thumb_insn *in);
void arm_decode_load_word(uint16_t hw1, uint16_t hw2, struct thumb_insn *in);

#endif
