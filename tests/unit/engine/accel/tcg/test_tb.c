/* SPDX-License-Identifier: MIT */
/*
 * TCG's translation-block cache (engine/accel/tcg/tb.c) with toy CPUs:
 * lookups hit the cache and the jump cache, a write to translated bytes
 * invalidates exactly the TBs made from them, chained jumps are linked and
 * unlinked, a flush empties the cache, and invalidated TBs are freed only
 * at the machine's next safe point.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/accel/tcg/internals.h"
#include "tests/unit/common/toy.h"

#define ADDI(r, imm) TOY_INSN(TOY_ADDI, r, imm)
#define A TOY_RAM
#define B (TOY_RAM + 0x100)

/* A: ADDI r0, 1; JMP B.  B: ADDI r1, 1; BNZ r2, A; WFI. */
static const uint32_t p_a[] = {ADDI(0, 1), TOY_INSN(TOY_JMP, 0, B - (A + 4))};
static const uint32_t p_b[] = {ADDI(1, 1), TOY_INSN(TOY_BNZ, 2, -(int)(B + 4 - A)), TOY_WFI};

static struct machine *m;
static struct cluster *c;
static struct toy_cpu *t;
static struct tb_cache *cache;
static struct tcg_machine *tm;

static int setup(void **state)
{
    (void)state;
    m = toy_machine(1, 1, 1000);
    c = m->clusters[0];
    t = toy_cpu(m, 0, 0);
    cache = c->accel_state;
    tm = cache->tm;
    toy_load(m, A, p_a, 2);
    toy_load(m, B, p_b, 3);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    machine_free(m);
    return 0;
}

static int run_from(gaddr pc, int64_t budget)
{
    t->pc = pc;
    t->cpu.state = CPU_RUNNABLE;
    t->cpu.budget = budget;
    return accel_cpu_run(&t->cpu);
}

static struct tb *tb_at(gaddr pc)
{
    for (unsigned h = 0; h < TB_HASH_SIZE; h++)
        for (struct tb *tb = cache->hash[h]; tb; tb = tb->hash_next)
            if (tb->pc == pc)
                return tb;
    return NULL;
}

static void test_lookup_hits(void **state)
{
    (void)state;
    assert_int_equal(run_from(A, 100), EXCP_HALTED);
    assert_int_equal(toy_translations, 3); /* A, B and the WFI after B's branch */
    assert_int_equal(tb_cache_count(cache), 3);
    struct tb *a = tb_at(A);
    assert_non_null(a);
    assert_int_equal(a->icount, 2);
    assert_int_equal(a->end, A + 8);
    assert_int_equal(run_from(A, 100), EXCP_HALTED);
    assert_int_equal(toy_translations, 3);
    assert_int_equal(t->r[0], 2);
    /* The jump cache answers first. */
    t->pc = A;
    assert_ptr_equal(tb_find(tcg_vcpu(&t->cpu)), a);
    assert_int_equal(tb_cache_count(cache), 3);
}

static void test_chaining_and_unchaining(void **state)
{
    (void)state;
    t->r[2] = 1; /* B branches back to A: the loop runs until the budget ends */
    assert_int_equal(run_from(A, 100), EXCP_YIELD);
    assert_int_equal(t->cpu.icount, 100);
    assert_int_equal(t->r[0], 25);
    struct tb *a = tb_at(A), *b = tb_at(B);
    assert_ptr_equal(a->jmp[0], b);
    assert_ptr_equal(b->jmp[1], a);
    assert_null(b->jmp[0]); /* the fall-through was never taken */
    assert_int_equal(a->njmp_in, 1);
    assert_int_equal(b->njmp_in, 1);
    assert_int_equal(toy_translations, 2);
    /* Rewriting B unlinks it both ways; A stays. */
    const uint32_t addi2 = ADDI(1, 2);
    assert_int_equal(mem_view_write(c->view, B, 4, addi2), MEM_OK);
    assert_false(b->valid);
    assert_true(a->valid);
    assert_null(a->jmp[0]);
    assert_null(b->jmp[1]);
    assert_int_equal(a->njmp_in, 0);
    assert_int_equal(run_from(A, 100), EXCP_YIELD);
    struct tb *b2 = tb_at(B);
    assert_ptr_not_equal(b2, b);
    assert_ptr_equal(a->jmp[0], b2);
    assert_int_equal(t->r[1], 25 + 2 * 25);
}

static void test_code_write_invalidates(void **state)
{
    (void)state;
    assert_int_equal(run_from(A, 100), EXCP_HALTED);
    struct tb *a = tb_at(A), *b = tb_at(B);
    /* Beside the code, on the same page: nothing goes. */
    assert_int_equal(mem_view_write(c->view, A + 0x80, 4, 0), MEM_OK);
    assert_true(a->valid && b->valid);
    /* One byte of A's first instruction: A goes, B stays. */
    assert_int_equal(mem_view_write(c->view, A + 2, 1, 5), MEM_OK);
    assert_false(a->valid);
    assert_true(b->valid);
    assert_int_equal(tb_cache_count(cache), 2);
    assert_int_equal(run_from(A, 100), EXCP_HALTED);
    assert_int_equal(toy_translations, 4);
    assert_int_equal(t->r[0], 1 + 5);
    assert_int_equal(t->r[1], 2);
}

static void test_flush(void **state)
{
    (void)state;
    assert_int_equal(run_from(A, 100), EXCP_HALTED);
    struct tb *a = tb_at(A);
    tb_cache_flush(cache);
    assert_int_equal(tb_cache_count(cache), 0);
    assert_false(a->valid);
    assert_null(tb_at(A));
    for (unsigned i = 0; i < JMP_CACHE_SIZE; i++)
        assert_null(tcg_vcpu(&t->cpu)->jmp_cache[i]);
    assert_int_equal(run_from(A, 100), EXCP_HALTED);
    assert_int_equal(toy_translations, 6);
    assert_int_equal(tb_cache_count(cache), 3);
}

/* A vCPU may still be inside an invalidated TB: it is freed at the next
 * safe point (the end of a scheduler round), not before. */
static void test_reclaim_at_safe_point(void **state)
{
    struct toy_alarm alarm;
    (void)state;
    assert_int_equal(run_from(A, 100), EXCP_HALTED);
    struct tb *a = tb_at(A), *b = tb_at(B);
    assert_null(tm->graveyard);
    tb_invalidate_pc(cache, A + 4);
    assert_ptr_equal(tm->graveyard, a);
    assert_null(a->free_next);
    assert_int_equal(a->pc, A); /* still readable */
    assert_true(b->valid);
    accel_machine_quiescent(m);
    assert_null(tm->graveyard);
    /* machine_run reaches the safe point every round. */
    tb_invalidate_pc(cache, B);
    assert_ptr_equal(tm->graveyard, b);
    t->pc = A;
    t->cpu.state = CPU_RUNNABLE;
    toy_alarm_arm(&alarm, m, 50, 1);
    t->r[2] = 1;
    assert_int_equal(machine_run(m), 1);
    assert_null(tm->graveyard);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_lookup_hits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chaining_and_unchaining, setup, teardown),
        cmocka_unit_test_setup_teardown(test_code_write_invalidates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flush, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reclaim_at_safe_point, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
