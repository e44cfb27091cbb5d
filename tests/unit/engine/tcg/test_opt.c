/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the IR optimizer (ir_opt.c): each case builds a block,
 * optimizes it and compares the -d op dump with what must remain, so a
 * failure shows the whole block. Guest state must stay exact wherever a TB
 * can be left or observed; only values overwritten before that may go.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/tcg/ir.h"

/* A toy guest: three registers, a flag, and a 64-bit register with a
 * 32-bit view of its low half (as RISC-V's rv64/rv32 globals share). */
struct toy {
    uint32_t r0, r1, r2, nf;
    uint64_t x;
};
enum { R0, R1, R2, NF, X64, X32 };
static const struct ir_global_def globals[] = {
    {"r0", IR_I32, offsetof(struct toy, r0)}, {"r1", IR_I32, offsetof(struct toy, r1)},
    {"r2", IR_I32, offsetof(struct toy, r2)}, {"nf", IR_I32, offsetof(struct toy, nf)},
    {"x64", IR_I64, offsetof(struct toy, x)}, {"x32", IR_I32, offsetof(struct toy, x)},
};

static uint64_t helper_nop(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    (void)cpu, (void)a, (void)b, (void)c, (void)d;
    return 0;
}
static const struct ir_helper nop_helper = {"nop", helper_nop, 0, IR_I32};

static struct ir_block blk;
#define B (&blk)
#define G(i) ir_global(B, i)
#define C32(v) ir_const(B, IR_I32, v)

static int setup(void **state)
{
    (void)state;
    ir_block_init(B, globals, sizeof(globals) / sizeof(globals[0]));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ir_block_free(B);
    return 0;
}

/* Optimize and compare the dump with @want. */
static void expect_block(const char *want)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    ir_optimize(B);
    ir_block_dump(f, B);
    fclose(f);
    assert_string_equal(text, want);
    free(text);
}

static void test_constants_fold_and_propagate(void **state)
{
    (void)state;
    ir_val t = ir_temp(B, IR_I32), u = ir_temp(B, IR_I32);
    ir_add(B, t, C32(2), C32(3));
    ir_binop(B, IR_SHL, u, t, C32(4));
    ir_mov(B, G(R0), u);
    ir_xor(B, G(R1), G(R1), t);
    ir_exit_tb(B);
    expect_block(" mov_i32 r0, $0x50\n"
                 " xor_i32 r1, r1, $0x5\n"
                 " exit_tb_i64\n");
}

static void test_overwritten_flags_go(void **state)
{
    (void)state;
    ir_insn_start(B, 0x100, 0);
    ir_mov(B, G(NF), G(R0));
    ir_insn_start(B, 0x102, 0);
    ir_sub(B, G(R1), G(R1), G(R2));
    ir_mov(B, G(NF), G(R1));
    ir_exit_tb(B);
    expect_block(" ---- 0x00000100\n"
                 " ---- 0x00000102\n"
                 " sub_i32 r1, r1, r2\n"
                 " mov_i32 nf, r1\n"
                 " exit_tb_i64\n");
}

/* A load may fault, a store may stop for a watchpoint, a helper may read
 * guest state: the flag written before each must stay. */
static void test_state_exact_where_observable(void **state)
{
    (void)state;
    ir_val t = ir_temp(B, IR_I32);
    ir_mov(B, G(NF), G(R0));
    ir_ld(B, t, G(R2), IR_MO_32, 0);
    ir_mov(B, G(NF), t);
    ir_st(B, G(R0), G(R2), IR_MO_32, 0);
    ir_mov(B, G(NF), G(R1));
    ir_call(B, &nop_helper, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL);
    ir_mov(B, G(NF), G(R2));
    ir_goto_tb(B, 0);
    expect_block(" mov_i32 nf, r0\n"
                 " ld_i32 tmp0, r2 [size 4, mem 0]\n"
                 " mov_i32 nf, tmp0\n"
                 " st_i32 r0, r2 [size 4, mem 0]\n"
                 " mov_i32 nf, r1\n"
                 " call_i32 nop -\n"
                 " mov_i32 nf, r2\n"
                 " goto_tb_i64 0\n");
}

/* A temp read after a label keeps its value, and globals are live at a
 * branch (the target may leave the TB). */
static void test_branches_keep_values(void **state)
{
    (void)state;
    ir_val t = ir_temp(B, IR_I32);
    unsigned l = ir_label(B);
    ir_mov(B, t, G(R0));
    ir_mov(B, G(NF), G(R0));
    ir_brcond(B, IR_EQ, G(R1), C32(0), l);
    ir_mov(B, G(NF), G(R1));
    ir_set_label(B, l);
    ir_mov(B, G(R2), t);
    ir_exit_tb(B);
    expect_block(" mov_i32 tmp0, r0\n"
                 " mov_i32 nf, r0\n"
                 " brcond_i32.eq r1, $0x0, L0\n"
                 " mov_i32 nf, r1\n"
                 " label_i64 L0\n"
                 " mov_i32 r2, tmp0\n"
                 " exit_tb_i64\n");
}

static void test_constant_branches(void **state)
{
    (void)state;
    unsigned l = ir_label(B);
    ir_brcond(B, IR_EQ, C32(1), C32(2), l); /* never: goes */
    ir_mov(B, G(R0), C32(1));
    ir_brcond(B, IR_LTU, C32(1), C32(2), l); /* always: a jump */
    ir_mov(B, G(R0), C32(2));
    ir_set_label(B, l);
    ir_exit_tb(B);
    expect_block(" mov_i32 r0, $0x1\n"
                 " br_i64 L0\n"
                 " mov_i32 r0, $0x2\n"
                 " label_i64 L0\n"
                 " exit_tb_i64\n");
}

/* x32 is the low half of x64: writing x64 feeds a read of x32. */
static void test_shared_storage(void **state)
{
    (void)state;
    ir_mov(B, G(X64), ir_const(B, IR_I64, 1));
    ir_mov(B, G(R0), G(X32));
    ir_mov(B, G(X64), ir_const(B, IR_I64, 2));
    ir_mov(B, G(X32), C32(3)); /* overwrites x64's low half: x64 = 2 stays */
    ir_exit_tb(B);
    expect_block(" mov_i64 x64, $0x1\n"
                 " mov_i32 r0, x32\n"
                 " mov_i64 x64, $0x2\n"
                 " mov_i32 x32, $0x3\n"
                 " exit_tb_i64\n");
}

/* A result copied to the flags, then to its register: computed straight
 * into the register, the flags reading it there. */
static void test_coalescing_with_readers(void **state)
{
    (void)state;
    ir_val t = ir_temp(B, IR_I32);
    ir_sub(B, t, G(R1), G(R2));
    ir_mov(B, G(NF), t);
    ir_mov(B, G(R1), t);
    ir_exit_tb(B);
    expect_block(" sub_i32 r1, r1, r2\n"
                 " mov_i32 nf, r1\n"
                 " exit_tb_i64\n");
}

/* "t = f(x); mov d, t" becomes "d = f(x)", unless something in between
 * uses d or may leave the TB. */
static void test_coalescing(void **state)
{
    (void)state;
    ir_val t = ir_temp(B, IR_I32), u = ir_temp(B, IR_I32), w = ir_temp(B, IR_I32);
    ir_sub(B, t, G(R1), C32(1));
    ir_mov(B, G(R1), t);
    ir_add(B, u, G(R0), G(R2));
    ir_mov(B, G(NF), G(R0)); /* reads r0: r0 = u cannot move up here */
    ir_mov(B, G(R0), u);
    ir_add(B, w, G(R2), C32(4));
    ir_st(B, G(R1), G(R2), IR_MO_32, 0); /* may fault with r2 unchanged */
    ir_mov(B, G(R2), w);
    ir_exit_tb(B);
    expect_block(" sub_i32 r1, r1, $0x1\n"
                 " add_i32 tmp1, r0, r2\n"
                 " mov_i32 nf, r0\n"
                 " mov_i32 r0, tmp1\n"
                 " add_i32 tmp2, r2, $0x4\n"
                 " st_i32 r1, r2 [size 4, mem 0]\n"
                 " mov_i32 r2, tmp2\n"
                 " exit_tb_i64\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_constants_fold_and_propagate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overwritten_flags_go, setup, teardown),
        cmocka_unit_test_setup_teardown(test_state_exact_where_observable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_branches_keep_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_constant_branches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shared_storage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_coalescing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_coalescing_with_readers, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
