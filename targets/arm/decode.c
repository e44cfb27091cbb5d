/* SPDX-License-Identifier: MIT */
/*
 * The Thumb decoder's entry point and its table of operations: names (as
 * capstone spells them), translator kinds and arguments. decode16.c and
 * decode32.c follow the encoding tables of the ARM ARM chapter A5; this
 * file picks between them and removes what the model lacks (the DSP
 * extension on the Cortex-M3, A5.1; Thumb-2 on ARMv6-M).
 */
#include <string.h>

#include "targets/arm/internals.h"

#define ARM_OPDEF(id, n, k, a) [T_##id] = {.name = n, .kind = k, .arg = a},
const struct arm_opdef arm_opdefs[T_COUNT] = {ARM_OPS(ARM_OPDEF)};
#undef ARM_OPDEF

/* ARMv7E-M instructions that ARMv7-M without the DSP extension lacks. */
static bool op_is_dsp(enum thumb_op op)
{
    switch (arm_opdefs[op].kind) {
    case K_DSP:
    case K_DSP64:
    case K_PAR:
    case K_PKH: return true;
    default:
        return op == T_SXTAB || op == T_UXTAB || op == T_SXTAH || op == T_UXTAH || op == T_UMAAL;
    }
}

void arm_decode(uint32_t raw, bool in_it, bool dsp, struct thumb_insn *in)
{
    memset(in, 0, sizeof(*in));
    in->op = T_UNDEF;
    in->cond = ARM_COND_AL;
    in->rd = in->rn = in->rm = in->ra = ARM_RNONE;
    if (raw > 0xffff) {
        in->len = 4;
        arm_decode32((uint16_t)(raw >> 16), (uint16_t)raw, in);
    } else {
        in->len = 2;
        arm_decode16((uint16_t)raw, in_it, in);
    }
    if (!dsp && op_is_dsp((enum thumb_op)in->op))
        in->op = T_UNDEF;
}

void arm_decode_v6m(struct thumb_insn *in)
{
    bool keep = in->len == 2 ? in->op != T_CBZ && in->op != T_CBNZ && in->op != T_IT
                             : in->op == T_BL || in->op == T_MSR || in->op == T_MRS ||
                                   in->op == T_DMB || in->op == T_DSB || in->op == T_ISB;
    if (!keep) {
        in->op = T_UNDEF;
        in->unpred = false;
    }
}
