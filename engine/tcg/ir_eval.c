/* SPDX-License-Identifier: MIT */
/*
 * The meaning of each pure IR op on concrete values. The interpreter, the
 * constant folder and tests share these, so every op has one definition.
 * i32 operands and results are carried zero-extended in uint64_t.
 */
#include "engine/tcg/ir.h"

static uint64_t mask_of(enum ir_type t)
{
    return t == IR_I32 ? 0xffffffffull : ~0ull;
}

static int64_t sext(enum ir_type t, uint64_t v)
{
    return t == IR_I32 ? (int64_t)(int32_t)v : (int64_t)v;
}

static uint64_t mulh_u(enum ir_type t, uint64_t a, uint64_t b)
{
    if (t == IR_I32)
        return (a * b) >> 32;
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static uint64_t mulh_s(enum ir_type t, uint64_t a, uint64_t b)
{
    if (t == IR_I32)
        return (uint64_t)((sext(t, a) * sext(t, b)) >> 32);
    return (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64);
}

static uint64_t mulh_su(enum ir_type t, uint64_t a, uint64_t b)
{
    if (t == IR_I32)
        return (uint64_t)((sext(t, a) * (int64_t)b) >> 32);
    return (uint64_t)(((__int128)(int64_t)a * (unsigned __int128)b) >> 64);
}

/* Division is total (see ir.h): x/0 = all ones, x%0 = x, MIN/-1 = MIN. */
static uint64_t div_s(enum ir_type t, uint64_t a, uint64_t b, bool rem)
{
    int64_t sa = sext(t, a), sb = sext(t, b);
    int64_t min = t == IR_I32 ? INT32_MIN : INT64_MIN;
    if (sb == 0)
        return rem ? a : ~0ull;
    if (sa == min && sb == -1)
        return rem ? 0 : a;
    return (uint64_t)(rem ? sa % sb : sa / sb);
}

static uint64_t div_u(uint64_t a, uint64_t b, bool rem)
{
    if (b == 0)
        return rem ? a : ~0ull;
    return rem ? a % b : a / b;
}

static uint64_t rot(enum ir_type t, uint64_t a, unsigned n, bool left)
{
    unsigned w = t == IR_I32 ? 32 : 64;
    n &= w - 1;
    if (n == 0)
        return a;
    if (!left)
        n = w - n;
    return (a << n) | (a >> (w - n));
}

uint64_t ir_eval_binop(enum ir_opc opc, enum ir_type t, uint64_t a, uint64_t b)
{
    unsigned sh = (unsigned)b & (t == IR_I32 ? 31 : 63);
    uint64_t r;
    a &= mask_of(t);
    b &= mask_of(t);
    switch (opc) {
    case IR_ADD: r = a + b; break;
    case IR_SUB: r = a - b; break;
    case IR_MUL: r = a * b; break;
    case IR_AND: r = a & b; break;
    case IR_OR: r = a | b; break;
    case IR_XOR: r = a ^ b; break;
    case IR_SHL: r = a << sh; break;
    case IR_SHR: r = a >> sh; break;
    case IR_SAR: r = (uint64_t)(sext(t, a) >> sh); break;
    case IR_ROTL: r = rot(t, a, sh, true); break;
    case IR_ROTR: r = rot(t, a, sh, false); break;
    case IR_DIVS: r = div_s(t, a, b, false); break;
    case IR_REMS: r = div_s(t, a, b, true); break;
    case IR_DIVU: r = div_u(a, b, false); break;
    case IR_REMU: r = div_u(a, b, true); break;
    case IR_MULHS: r = mulh_s(t, a, b); break;
    case IR_MULHU: r = mulh_u(t, a, b); break;
    case IR_MULHSU: r = mulh_su(t, a, b); break;
    default: r = 0; break;
    }
    return r & mask_of(t);
}

uint64_t ir_eval_unop(enum ir_opc opc, enum ir_type t, uint64_t a)
{
    unsigned w = t == IR_I32 ? 32 : 64;
    a &= mask_of(t);
    switch (opc) {
    case IR_MOV: return a;
    case IR_NEG: return (0 - a) & mask_of(t);
    case IR_NOT: return ~a & mask_of(t);
    case IR_CLZ: return a ? (unsigned)__builtin_clzll(a) - (64 - w) : w;
    case IR_CTZ: return a ? (unsigned)__builtin_ctzll(a) : w;
    case IR_BSWAP: return t == IR_I32 ? __builtin_bswap32((uint32_t)a) : __builtin_bswap64(a);
    case IR_EXT8S: return (uint64_t)(int64_t)(int8_t)a & mask_of(t);
    case IR_EXT8U: return a & 0xff;
    case IR_EXT16S: return (uint64_t)(int64_t)(int16_t)a & mask_of(t);
    case IR_EXT16U: return a & 0xffff;
    case IR_EXT32S: return (uint64_t)(int64_t)(int32_t)a;
    case IR_EXT32U: return a & 0xffffffffull;
    case IR_TRUNC: return a & 0xffffffffull;
    default: return 0;
    }
}

bool ir_eval_cond(enum ir_cond c, enum ir_type t, uint64_t a, uint64_t b)
{
    a &= mask_of(t);
    b &= mask_of(t);
    switch (c) {
    case IR_EQ: return a == b;
    case IR_NE: return a != b;
    case IR_LT: return sext(t, a) < sext(t, b);
    case IR_GE: return sext(t, a) >= sext(t, b);
    case IR_LE: return sext(t, a) <= sext(t, b);
    case IR_GT: return sext(t, a) > sext(t, b);
    case IR_LTU: return a < b;
    case IR_GEU: return a >= b;
    case IR_LEU: return a <= b;
    case IR_GTU: return a > b;
    }
    return false;
}
