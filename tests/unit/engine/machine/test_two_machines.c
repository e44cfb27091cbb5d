/* SPDX-License-Identifier: MIT */
/*
 * Two machines in one process, run interleaved: each keeps its own CPUs,
 * clock, memory, translated code, code pages and observers. Each is a
 * one-hart RV64 board (tests/unit/targets/support.c) running a loop that
 * adds a step to t0 and stores it at 0x80001000:
 *     _start: auipc t1, 1
 *     loop:   addi t0, t0, STEP
 *             sw t0, 0(t1)
 *             j loop
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/accel/tcg/internals.h"
#include "engine/machine/debug.h"
#include "targets/riscv/internals.h"
#include "targets/riscv/riscv.h"
#include "tests/unit/targets/support.h"

#define RAM 0x80000000u
#define COUNTER 0x80001000u
#define LOOP (RAM + 4)
#define T0 5

static const uint32_t p_step1[] = {0x00001317, 0x00128293, 0x00532023, 0xff9ff06f};
static const uint32_t p_step3[] = {0x00001317, 0x00328293, 0x00532023, 0xff9ff06f};
/* addi t0, t0, 2 */
static const uint32_t addi_2 = 0x00228293;

struct board {
    struct machine *m;
    struct cluster *c;
    struct riscv_cpu *cpu;
    uint64_t alarm_at;
};

static struct board a, b;

static void on_alarm(void *opaque)
{
    struct board *bd = opaque;
    machine_request_exit(bd->m, 9);
}

static struct board board(const uint32_t *prog)
{
    static const struct ram_spec rams[] = {{"ram", "0x80000000", "64K"}, {NULL, NULL, NULL}};
    struct board bd = {0};
    bd.m = one_cluster_machine(&riscv_target_ops, "app", "rv64imac", "0x80000000", rams, RAM, prog,
                               16, &bd.c);
    bd.cpu = (struct riscv_cpu *)bd.c->cpus[0];
    return bd;
}

static int setup(void **state)
{
    (void)state;
    a = board(p_step1);
    b = board(p_step3);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    machine_free(a.m);
    machine_free(b.m);
    return 0;
}

/* Run @bd for @ns more nanoseconds of its own virtual time. */
static void run_for(struct board *bd, uint64_t ns)
{
    struct vtimer t;
    vtimer_init(&t, on_alarm, bd);
    vtimer_arm(bd->m, &t, bd->m->clock_ns + ns);
    bd->m->exit_requested = false;
    assert_int_equal(machine_run(bd->m), 9);
}

static uint64_t counter(const struct board *bd)
{
    uint64_t v;
    assert_int_equal(mem_view_read(bd->c->view, COUNTER, 4, &v), MEM_OK);
    return v;
}

/* What a board has done so far, checked against itself: t0 and the
 * counter in its memory agree, each loop pass is 3 instructions after the
 * auipc, and its clock is its own instruction count (1 GHz). */
static uint64_t expect_consistent(const struct board *bd, unsigned step)
{
    uint64_t n = (bd->cpu->cpu.icount - 1) / 3;
    assert_int_equal((bd->cpu->cpu.icount - 1) % 3, 0);
    assert_int_equal(bd->cpu->x[T0], step * n);
    assert_int_equal(counter(bd), step * n);
    assert_int_equal(bd->m->clock_ns, bd->cpu->cpu.icount);
    return n;
}

struct snapshot {
    uint64_t icount, t0, counter, clock;
};

static struct snapshot snap(const struct board *bd)
{
    return (struct snapshot){bd->cpu->cpu.icount, bd->cpu->x[T0], counter(bd), bd->m->clock_ns};
}

static void expect_unchanged(const struct board *bd, struct snapshot s)
{
    struct snapshot now = snap(bd);
    assert_int_equal(now.icount, s.icount);
    assert_int_equal(now.t0, s.t0);
    assert_int_equal(now.counter, s.counter);
    assert_int_equal(now.clock, s.clock);
}

static void test_interleaved_runs_stay_apart(void **state)
{
    (void)state;
    assert_ptr_not_equal(a.cpu->cpu.view, b.cpu->cpu.view);
    for (int i = 0; i < 3; i++) {
        struct snapshot sb = snap(&b);
        run_for(&a, 1000);
        expect_unchanged(&b, sb);
        struct snapshot sa = snap(&a);
        run_for(&b, 600);
        expect_unchanged(&a, sa);
    }
    uint64_t na = expect_consistent(&a, 1), nb = expect_consistent(&b, 3);
    assert_true(na >= 999 && na <= 1001);
    assert_true(nb >= 599 && nb <= 601);
    assert_int_equal(a.m->ncpus, 1);
    assert_ptr_equal(a.m->cpus[0], &a.cpu->cpu);
    assert_ptr_equal(b.m->cpus[0], &b.cpu->cpu);
}

/* The valid TB at @pc, or NULL. */
static struct tb *tb_at(struct cluster *c, gaddr pc)
{
    const struct tb_cache *tc = c->accel_state;
    for (unsigned h = 0; h < TB_HASH_SIZE; h++)
        for (struct tb *tb = tc->hash[h]; tb; tb = tb->hash_next)
            if (tb->pc == pc)
                return tb;
    return NULL;
}

/* The same guest address holds code in both machines, on different host
 * pages: rewriting one machine's loop invalidates only its own TB. */
static void test_code_pages_per_machine(void **state)
{
    (void)state;
    run_for(&a, 100);
    run_for(&b, 100);
    struct tb *ta = tb_at(a.c, LOOP), *tb = tb_at(b.c, LOOP);
    assert_non_null(ta);
    assert_non_null(tb);
    assert_ptr_not_equal(a.m->accels[0].state, b.m->accels[0].state);
    unsigned nb = tb_cache_count(b.c->accel_state);
    assert_int_equal(mem_view_write_buf(a.c->view, LOOP, &addi_2, 4, MEM_F_LOAD, NULL), 0);
    assert_false(ta->valid);
    assert_true(tb->valid);
    assert_int_equal(tb_cache_count(b.c->accel_state), nb);
    /* a's freed TBs wait for a's safe point, not b's. */
    struct tcg_machine *tma = a.m->accels[0].state, *tmb = b.m->accels[0].state;
    assert_non_null(tma->graveyard);
    assert_null(tmb->graveyard);
    accel_machine_quiescent(b.m);
    assert_non_null(tma->graveyard);
    accel_machine_quiescent(a.m);
    assert_null(tma->graveyard);

    uint64_t a0 = a.cpu->x[T0], b0 = b.cpu->x[T0], ia = a.cpu->cpu.icount, ib = b.cpu->cpu.icount;
    run_for(&a, 300);
    run_for(&b, 300);
    assert_int_equal(a.cpu->x[T0] - a0, 2 * ((a.cpu->cpu.icount - ia) / 3));
    assert_int_equal(b.cpu->x[T0] - b0, 3 * ((b.cpu->cpu.icount - ib) / 3));
    assert_int_equal(counter(&a), a.cpu->x[T0]);
    assert_int_equal(counter(&b), b.cpu->x[T0]);
}

struct heard {
    int stopped, held, resets, exits;
    struct machine *m;
    struct cpu *cpu;
};

static void heard_stop(void *opaque, const struct stop_event *ev)
{
    struct heard *h = opaque;
    h->stopped++;
    h->cpu = ev->cpu;
    h->m->quit = 1;
}

static void heard_held(void *opaque, struct cluster *c)
{
    (void)c;
    ((struct heard *)opaque)->held++;
}

static void heard_exit(void *opaque, int code)
{
    struct heard *h = opaque;
    (void)code;
    h->exits++;
    h->m->quit = 1;
}

static void heard_reset(void *opaque, struct cluster *c)
{
    (void)c;
    ((struct heard *)opaque)->resets++;
}

/* An observer of one machine never hears the other. */
static void test_observers_per_machine(void **state)
{
    struct heard ha = {.m = a.m}, hb = {.m = b.m};
    struct machine_observer oa = {.stopped = heard_stop,
                                  .held = heard_held,
                                  .reset = heard_reset,
                                  .exited = heard_exit,
                                  .opaque = &ha};
    struct machine_observer ob = oa;
    (void)state;
    ob.opaque = &hb;
    assert_int_equal(machine_add_observer(a.m, &oa), 0);
    assert_int_equal(machine_add_observer(b.m, &ob), 0);
    assert_int_equal(debug_bp_insert(a.c, BP_SW, LOOP + 4), 0);
    assert_int_equal(machine_run(a.m), 0); /* stops at the breakpoint; ha ends the run */
    assert_int_equal(ha.stopped, 1);
    assert_ptr_equal(ha.cpu, &a.cpu->cpu);
    assert_int_equal(a.cpu->pc, LOOP + 4);
    assert_int_equal(hb.stopped, 0);
    struct vtimer t;
    vtimer_init(&t, on_alarm, &b);
    vtimer_arm(b.m, &t, 200);
    assert_int_equal(machine_run(b.m), 9); /* b has no breakpoint: its guest "exits" */
    assert_int_equal(hb.stopped, 0);
    assert_int_equal(hb.exits, 1);
    assert_int_equal(ha.stopped, 1);
    assert_int_equal(ha.exits, 0);
    debug_release(b.m);
    assert_false(debug_cpu_stopped(&b.cpu->cpu));
    assert_true(debug_cpu_stopped(&a.cpu->cpu)); /* still at its breakpoint */
    debug_hold(b.m, NULL);
    assert_int_equal(hb.held, 1);
    assert_int_equal(ha.held, 0);
    machine_reset(a.m);
    assert_int_equal(ha.resets, 1);
    assert_int_equal(hb.resets, 0);
    machine_remove_observer(a.m, &oa);
    machine_remove_observer(b.m, &ob);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_interleaved_runs_stay_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_code_pages_per_machine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_observers_per_machine, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
