/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the meaning of IR ops (ir_eval.c): widths, shift masking,
 * the total division semantics, high multiplies, conditions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/tcg/ir.h"

struct bin_case {
    enum ir_opc opc;
    enum ir_type type;
    uint64_t a, b, want;
};

static const struct bin_case bin_cases[] = {
    {IR_ADD, IR_I32, 0xffffffff, 1, 0},
    {IR_ADD, IR_I64, 0xffffffff, 1, 0x100000000ull},
    {IR_SUB, IR_I32, 0, 1, 0xffffffff},
    {IR_SHL, IR_I32, 1, 33, 2}, /* count masked to 31 */
    {IR_SHL, IR_I64, 1, 65, 2},
    {IR_SHR, IR_I32, 0x80000000, 31, 1},
    {IR_SAR, IR_I32, 0x80000000, 31, 0xffffffff},
    {IR_SAR, IR_I64, 0x8000000000000000ull, 63, ~0ull},
    {IR_ROTL, IR_I32, 0x80000001, 1, 3},
    {IR_ROTR, IR_I64, 1, 1, 0x8000000000000000ull},
    {IR_ROTR, IR_I32, 5, 0, 5},
    {IR_DIVS, IR_I32, 7, 0, 0xffffffff}, /* x/0 = all ones */
    {IR_DIVU, IR_I64, 7, 0, ~0ull},
    {IR_REMS, IR_I32, 7, 0, 7}, /* x%0 = x */
    {IR_REMU, IR_I64, 7, 0, 7},
    {IR_DIVS, IR_I32, 0x80000000, 0xffffffff, 0x80000000}, /* MIN/-1 = MIN */
    {IR_REMS, IR_I32, 0x80000000, 0xffffffff, 0},
    {IR_DIVS, IR_I64, 0x8000000000000000ull, ~0ull, 0x8000000000000000ull},
    {IR_DIVS, IR_I32, (uint32_t)-7, 2, (uint32_t)-3}, /* rounds towards zero */
    {IR_REMS, IR_I32, (uint32_t)-7, 2, (uint32_t)-1},
    {IR_MULHU, IR_I64, ~0ull, ~0ull, 0xfffffffffffffffeull},
    {IR_MULHS, IR_I64, ~0ull, ~0ull, 0},
    {IR_MULHSU, IR_I64, ~0ull, ~0ull, ~0ull},
    {IR_MULHU, IR_I32, 0xffffffff, 0xffffffff, 0xfffffffe},
    {IR_MULHS, IR_I32, 0xffffffff, 2, 0xffffffff},
    {IR_MULHSU, IR_I32, 0xffffffff, 0xffffffff, 0xffffffff},
    {IR_MUL, IR_I32, 0x10000, 0x10000, 0},
};

static void test_binops(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bin_cases) / sizeof(bin_cases[0]); i++) {
        const struct bin_case *c = &bin_cases[i];
        uint64_t got = ir_eval_binop(c->opc, c->type, c->a, c->b);
        if (got != c->want)
            fail_msg("case %zu: %s_i%d(0x%llx, 0x%llx) = 0x%llx, want 0x%llx", i,
                     ir_opc_name(c->opc), c->type == IR_I32 ? 32 : 64, (unsigned long long)c->a,
                     (unsigned long long)c->b, (unsigned long long)got,
                     (unsigned long long)c->want);
    }
}

static void test_unops(void **state)
{
    (void)state;
    assert_int_equal(ir_eval_unop(IR_CLZ, IR_I32, 1), 31);
    assert_int_equal(ir_eval_unop(IR_CLZ, IR_I64, 0), 64);
    assert_int_equal(ir_eval_unop(IR_CTZ, IR_I32, 0), 32);
    assert_int_equal(ir_eval_unop(IR_CTZ, IR_I64, 0x100), 8);
    assert_int_equal(ir_eval_unop(IR_BSWAP, IR_I32, 0x11223344), 0x44332211);
    assert_int_equal(ir_eval_unop(IR_EXT8S, IR_I32, 0x80), 0xffffff80);
    assert_int_equal(ir_eval_unop(IR_EXT16S, IR_I64, 0x8000), 0xffffffffffff8000ull);
    assert_int_equal(ir_eval_unop(IR_EXT16U, IR_I64, 0x18000), 0x8000);
    assert_int_equal(ir_eval_unop(IR_EXT32S, IR_I32, 0x80000000), 0xffffffff80000000ull);
    /* From an i64: the low half only (RV64 *W ops computed at 64 bits). */
    assert_int_equal(ir_eval_unop(IR_EXT32S, IR_I32, 0x1234567880000000ull), 0xffffffff80000000ull);
    assert_int_equal(ir_eval_unop(IR_EXT32U, IR_I32, 0x80000000), 0x80000000);
    assert_int_equal(ir_eval_unop(IR_TRUNC, IR_I64, 0x123456789ull), 0x23456789);
    assert_int_equal(ir_eval_unop(IR_NEG, IR_I32, 1), 0xffffffff);
    assert_int_equal(ir_eval_unop(IR_NOT, IR_I64, 0), ~0ull);
}

static void test_conds(void **state)
{
    (void)state;
    assert_true(ir_eval_cond(IR_LT, IR_I32, 0xffffffff, 0)); /* -1 < 0 */
    assert_false(ir_eval_cond(IR_LTU, IR_I32, 0xffffffff, 0));
    assert_true(ir_eval_cond(IR_GE, IR_I64, 0, ~0ull));
    assert_true(ir_eval_cond(IR_GEU, IR_I64, ~0ull, 0));
    assert_true(ir_eval_cond(IR_LE, IR_I32, 5, 5));
    assert_true(ir_eval_cond(IR_GT, IR_I32, 1, 0x80000000));
    assert_true(ir_eval_cond(IR_LEU, IR_I64, 1, 2));
    assert_true(ir_eval_cond(IR_GTU, IR_I32, 0x80000000, 1));
    /* i32 compares ignore the upper half of their carriers */
    assert_true(ir_eval_cond(IR_EQ, IR_I32, 0x100000005ull, 5));
    assert_true(ir_eval_cond(IR_NE, IR_I64, 0x100000005ull, 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binops),
        cmocka_unit_test(test_unops),
        cmocka_unit_test(test_conds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
