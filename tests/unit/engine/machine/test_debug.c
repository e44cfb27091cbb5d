/* SPDX-License-Identifier: MIT */
/*
 * Debugger run control (engine/machine/debug.c) over TCG with toy CPUs:
 * breakpoints invalidate only the TBs covering them, a step stops after
 * one instruction, a watchpoint reports the data address, a held CPU is
 * not scheduled, and the machine's observers hear every run-state change
 * (an onlooker too, without becoming a debugger).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/accel/tcg/internals.h"
#include "engine/machine/debug.h"
#include "tests/unit/common/toy.h"

#define ADDI(r, imm) TOY_INSN(TOY_ADDI, r, imm)
#define JMP(imm) TOY_INSN(TOY_JMP, 0, imm)

static struct machine *m;

/* What an observer heard. */
struct seen {
    int stopped, held, released, resets, exited;
    struct stop_event ev;
    struct cluster *held_c, *reset_c;
    int code;
    bool quit; /* end machine_run on a stop or exit */
};

static void on_stopped(void *opaque, const struct stop_event *ev)
{
    struct seen *s = opaque;
    s->stopped++;
    s->ev = *ev;
    if (s->quit)
        m->quit = 1;
}

static void on_held(void *opaque, struct cluster *c)
{
    struct seen *s = opaque;
    s->held++;
    s->held_c = c;
}

static void on_released(void *opaque)
{
    ((struct seen *)opaque)->released++;
}

static void on_reset(void *opaque, struct cluster *c)
{
    struct seen *s = opaque;
    s->resets++;
    s->reset_c = c;
}

static void on_exited(void *opaque, int code)
{
    struct seen *s = opaque;
    s->exited++;
    s->code = code;
    if (s->quit)
        m->quit = 1;
}

static int teardown(void **state)
{
    (void)state;
    machine_free(m);
    m = NULL;
    return 0;
}

/* The valid TB at @pc translated for normal execution, or NULL. */
static struct tb *tb_at(struct cluster *c, gaddr pc)
{
    const struct tb_cache *tc = c->accel_state;
    for (unsigned h = 0; h < TB_HASH_SIZE; h++)
        for (struct tb *tb = tc->hash[h]; tb; tb = tb->hash_next)
            if (tb->pc == pc && !(tb->flags & TB_FLAG_STEP))
                return tb;
    return NULL;
}

static int run(struct toy_cpu *t)
{
    t->cpu.budget = 1000;
    int r = accel_cpu_run(&t->cpu);
    if (r == EXCP_DEBUG)
        debug_report_cpu(&t->cpu);
    return r;
}

/* A: three ADDI r0 and a jump to B; B: ADDI r1 and WFI. */
static const uint32_t p_a[] = {ADDI(0, 1), ADDI(0, 1), ADDI(0, 1), JMP(0x100 - 12)};
static const uint32_t p_b[] = {ADDI(1, 1), TOY_WFI};

static void test_breakpoint_invalidates_covering_tbs(void **state)
{
    struct seen s = {0};
    struct machine_observer o = {.stopped = on_stopped, .opaque = &s};
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct cluster *c = m->clusters[0];
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    assert_int_equal(machine_add_observer(m, &o), 0);
    toy_load(m, TOY_RAM, p_a, 4);
    toy_load(m, TOY_RAM + 0x100, p_b, 2);
    assert_int_equal(run(t), EXCP_HALTED);
    struct tb *a = tb_at(c, TOY_RAM), *b = tb_at(c, TOY_RAM + 0x100);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->end, TOY_RAM + 16);
    assert_int_equal(toy_translations, 2);

    assert_int_equal(debug_bp_insert(c, BP_SW, TOY_RAM + 8), 0);
    assert_false(a->valid);
    assert_true(b->valid);
    assert_ptr_equal(tb_at(c, TOY_RAM + 0x100), b);
    t->pc = TOY_RAM;
    t->r[0] = t->r[1] = 0;
    t->cpu.state = CPU_RUNNABLE;
    assert_int_equal(run(t), EXCP_DEBUG);
    assert_int_equal(t->pc, TOY_RAM + 8); /* before the instruction */
    assert_int_equal(t->r[0], 2);
    assert_int_equal(s.stopped, 1);
    assert_ptr_equal(s.ev.cpu, &t->cpu);
    assert_int_equal(s.ev.reason, STOP_BREAKPOINT);
    assert_int_equal(s.ev.bp, BP_SW);
    assert_true(debug_cpu_stopped(&t->cpu));

    /* The TB before the breakpoint ends at it, so removing the breakpoint
     * takes only the one starting there. */
    struct tb *before = tb_at(c, TOY_RAM), *at = tb_at(c, TOY_RAM + 8);
    assert_non_null(before);
    assert_non_null(at);
    assert_int_equal(before->end, TOY_RAM + 8);
    assert_int_equal(debug_bp_remove(c, BP_SW, TOY_RAM + 8), 0);
    assert_int_equal(debug_bp_remove(c, BP_SW, TOY_RAM + 8), -ENOENT);
    assert_false(at->valid);
    assert_true(before->valid);
    assert_true(b->valid);
    debug_cpu_resume(&t->cpu, false, 0);
    unsigned translated = toy_translations;
    assert_int_equal(run(t), EXCP_HALTED);
    assert_int_equal(toy_translations, translated + 1); /* RAM+8 again, B cached */
    assert_int_equal(t->r[0], 3);
    assert_int_equal(t->r[1], 1);
    machine_remove_observer(m, &o);
}

static void test_step_stops_after_one_instruction(void **state)
{
    struct seen s = {0};
    struct machine_observer o = {.stopped = on_stopped, .opaque = &s};
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    assert_int_equal(machine_add_observer(m, &o), 0);
    toy_load(m, TOY_RAM, p_a, 4);
    for (unsigned i = 1; i <= 3; i++) {
        debug_cpu_resume(&t->cpu, true, 0);
        assert_int_equal(run(t), EXCP_DEBUG);
        assert_int_equal(t->pc, TOY_RAM + 4 * i);
        assert_int_equal(t->cpu.icount, i);
        assert_int_equal(t->r[0], i);
        assert_int_equal(s.stopped, (int)i);
        assert_int_equal(s.ev.reason, STOP_STEP);
        assert_int_equal(s.ev.signal, GDB_SIGTRAP);
        assert_false(t->cpu.singlestep);
    }
    debug_cpu_resume(&t->cpu, true, 0);
    assert_int_equal(run(t), EXCP_DEBUG); /* the jump */
    assert_int_equal(t->pc, TOY_RAM + 0x100);
    machine_remove_observer(m, &o);
}

/* ST r0 -> [r1]; ADDI r2, 1; LD r3 <- [r1]; WFI */
static const uint32_t p_mem[] = {
    TOY_INSN(TOY_ST, 0, 1),
    ADDI(2, 1),
    TOY_INSN(TOY_LD, 3, 1),
    TOY_WFI,
};

static void test_watchpoint_reports_data_address(void **state)
{
    struct seen s = {0};
    struct machine_observer o = {.stopped = on_stopped, .opaque = &s};
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct cluster *c = m->clusters[0];
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    assert_int_equal(machine_add_observer(m, &o), 0);
    toy_load(m, TOY_RAM, p_mem, 4);
    t->r[0] = 0x11223344;
    t->r[1] = TOY_RAM + 0x800;
    assert_int_equal(debug_wp_insert(c, WP_WRITE, TOY_RAM + 0x802, 1), 0);
    assert_int_equal(run(t), EXCP_DEBUG);
    assert_int_equal(s.ev.reason, STOP_WATCHPOINT);
    assert_int_equal(s.ev.wp, WP_WRITE);
    assert_int_equal(s.ev.addr, TOY_RAM + 0x802);
    assert_int_equal(t->pc, TOY_RAM + 4); /* after the store */
    assert_int_equal(t->r[2], 0);
    uint64_t v;
    assert_int_equal(mem_view_read(t->cpu.view, TOY_RAM + 0x800, 4, &v), MEM_OK);
    assert_int_equal(v, 0x11223344);

    assert_int_equal(debug_wp_remove(c, WP_WRITE, TOY_RAM + 0x802, 1), 0);
    assert_int_equal(debug_wp_insert(c, WP_READ, TOY_RAM + 0x7fe, 4), 0);
    debug_cpu_resume(&t->cpu, false, 0);
    assert_int_equal(run(t), EXCP_DEBUG);
    assert_int_equal(s.ev.wp, WP_READ);
    assert_int_equal(s.ev.addr, TOY_RAM + 0x800); /* where the access and the range meet */
    assert_int_equal(t->pc, TOY_RAM + 12);
    assert_int_equal(t->r[2], 1);
    assert_int_equal(t->r[3], 0x11223344);
    assert_int_equal(s.stopped, 2);

    /* A watch elsewhere on the page does not stop. */
    debug_clear_all(c);
    assert_int_equal(debug_wp_insert(c, WP_ACCESS, TOY_RAM + 0x900, 8), 0);
    debug_cpu_resume(&t->cpu, false, 0);
    t->pc = TOY_RAM;
    assert_int_equal(run(t), EXCP_HALTED);
    assert_int_equal(s.stopped, 2);
    /* Lengths: 1 byte to DEBUG_WP_LEN_MAX, never wrapping. */
    assert_int_equal(debug_wp_insert(c, WP_WRITE, TOY_RAM, 0), -EINVAL);
    assert_int_equal(debug_wp_insert(c, WP_WRITE, TOY_RAM, DEBUG_WP_LEN_MAX), 0);
    assert_int_equal(debug_wp_insert(c, WP_WRITE, TOY_RAM, DEBUG_WP_LEN_MAX + 1), -EINVAL);
    assert_int_equal(debug_wp_insert(c, WP_READ, 0, 1ull << 32), -EINVAL);
    assert_int_equal(debug_wp_insert(c, WP_READ, ~0ull, 2), -EINVAL);
    assert_int_equal(c->nwps, 2);
    machine_remove_observer(m, &o);
}

static void test_held_cpu_not_scheduled(void **state)
{
    static const uint32_t p_spin[] = {ADDI(0, 1), JMP(-4)};
    struct toy_alarm a;
    (void)state;
    m = toy_machine(1, 2, 50);
    struct toy_cpu *t0 = toy_cpu(m, 0, 0), *t1 = toy_cpu(m, 0, 1);
    toy_load(m, TOY_RAM, p_spin, 2);
    debug_cpu_stop(&t1->cpu);
    toy_alarm_arm(&a, m, 100, 1);
    assert_int_equal(machine_run(m), 1);
    assert_int_equal(t0->cpu.icount, 100);
    assert_int_equal(t1->cpu.icount, 0);
    debug_cpu_resume(&t1->cpu, false, 0);
    m->exit_requested = false;
    toy_alarm_arm(&a, m, 200, 2);
    assert_int_equal(machine_run(m), 2);
    assert_int_equal(t0->cpu.icount, 200);
    assert_int_equal(t1->cpu.icount, 100);
}

static void remove_self(void *opaque, struct cluster *c)
{
    (void)c;
    machine_remove_observer(m, opaque);
}

static void test_observers(void **state)
{
    static const uint32_t p[] = {ADDI(0, 1), ADDI(0, 1), TOY_INSN(TOY_EXIT, 0, 0)};
    struct seen s1 = {.quit = true}, s2 = {0}, s4 = {0};
    struct machine_observer o1 = {.stopped = on_stopped,
                                  .held = on_held,
                                  .released = on_released,
                                  .reset = on_reset,
                                  .exited = on_exited,
                                  .opaque = &s1};
    struct machine_observer o2 = {.held = on_held, .opaque = &s2};
    struct machine_observer o3 = {.held = remove_self};
    struct machine_observer o4 = {.held = on_held, .opaque = &s4};
    (void)state;
    m = toy_machine(2, 1, 1000);
    struct cluster *c0 = m->clusters[0];
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    o3.opaque = &o3;
    toy_load(m, TOY_RAM, p, 3);

    assert_int_equal(machine_add_observer(m, &o2), 0);
    assert_false(debug_attached(m)); /* o2 takes no stops: not a debugger */
    assert_int_equal(machine_add_observer(m, &o1), 0);
    assert_int_equal(machine_add_observer(m, &o1), 0); /* once only */
    assert_true(debug_attached(m));

    debug_hold(m, NULL);
    assert_int_equal(s1.held, 1);
    assert_int_equal(s2.held, 1);
    assert_null(s1.held_c);
    assert_true(debug_cpu_stopped(&t->cpu) && debug_cpu_stopped(&toy_cpu(m, 1, 0)->cpu));
    debug_release(m);
    assert_int_equal(s1.released, 1);
    assert_false(debug_cpu_stopped(&t->cpu) || debug_cpu_stopped(&toy_cpu(m, 1, 0)->cpu));
    debug_hold(m, c0);
    assert_int_equal(s1.held, 2);
    assert_ptr_equal(s1.held_c, c0);
    assert_true(debug_cpu_stopped(&t->cpu));
    assert_false(debug_cpu_stopped(&toy_cpu(m, 1, 0)->cpu));
    cluster_reset(c0);
    assert_int_equal(s1.resets, 1);
    assert_ptr_equal(s1.reset_c, c0);
    machine_reset(m);
    assert_int_equal(s1.resets, 2);
    assert_null(s1.reset_c);
    debug_release(m);

    /* A breakpoint stop, then the guest's exit: both reach the debugger. */
    toy_cpu(m, 1, 0)->cpu.state = CPU_OFF;
    assert_int_equal(debug_bp_insert(c0, BP_HW, TOY_RAM + 4), 0);
    assert_int_equal(machine_run(m), 0);
    assert_int_equal(s1.stopped, 1);
    assert_ptr_equal(s1.ev.cpu, &t->cpu);
    assert_int_equal(s1.ev.reason, STOP_BREAKPOINT);
    assert_int_equal(s1.ev.bp, BP_HW);
    assert_int_equal(t->pc, TOY_RAM + 4);
    m->quit = 0;
    debug_clear_all(c0);
    debug_cpu_resume(&t->cpu, false, 0);
    t->r[0] = 40;
    assert_int_equal(machine_run(m), 41);
    assert_int_equal(s1.exited, 1);
    assert_int_equal(s1.code, 41);
    assert_true(debug_cpu_stopped(&t->cpu)); /* the board is held for the debugger */
    assert_false(m->exit_requested);
    m->quit = 0;

    /* One that leaves from its callback does not make the next miss it. */
    assert_int_equal(machine_add_observer(m, &o3), 0);
    assert_int_equal(machine_add_observer(m, &o4), 0);
    machine_remove_observer(m, &o1);
    assert_false(debug_attached(m));
    debug_hold(m, NULL);
    assert_int_equal(s1.held, 2); /* removed */
    assert_int_equal(s2.held, 3);
    assert_int_equal(s4.held, 1);
    assert_int_equal(m->nobservers, 2);
    machine_remove_observer(m, &o2);
    machine_remove_observer(m, &o4);
    assert_int_equal(m->nobservers, 0);
}

/* An onlooker (the monitor console) hears stops and the guest's exit
 * without being a debugger: the exit ends the run and holds nothing. */
static void test_onlooker(void **state)
{
    static const uint32_t p[] = {ADDI(0, 1), ADDI(0, 1), TOY_INSN(TOY_EXIT, 0, 0)};
    struct seen s = {0}, d = {.quit = true};
    struct machine_observer onlooker = {
        .stopped = on_stopped, .exited = on_exited, .opaque = &s, .onlooker = true};
    struct machine_observer debugger = {.stopped = on_stopped, .opaque = &d};
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    toy_load(m, TOY_RAM, p, 3);
    assert_int_equal(machine_add_observer(m, &onlooker), 0);
    assert_false(debug_attached(m));
    assert_int_equal(machine_run(m), 2);
    assert_int_equal(s.exited, 1);
    assert_int_equal(s.code, 2);
    assert_false(debug_cpu_stopped(&t->cpu));

    /* With a debugger attached as well, the onlooker hears its stops. */
    m->exit_requested = false;
    machine_reset(m);
    assert_int_equal(machine_add_observer(m, &debugger), 0);
    assert_true(debug_attached(m));
    assert_int_equal(debug_bp_insert(m->clusters[0], BP_SW, TOY_RAM + 4), 0);
    machine_run(m);
    assert_int_equal(d.stopped, 1);
    assert_int_equal(s.stopped, 1);
    assert_ptr_equal(s.ev.cpu, &t->cpu);
    assert_int_equal(s.ev.reason, STOP_BREAKPOINT);
    assert_int_equal(s.exited, 1);
    machine_remove_observer(m, &debugger);
    machine_remove_observer(m, &onlooker);
}

/* A crashed guest whose fault handler is the faulting instruction itself
 * (an invalid instruction at the trap vector): the detector ends the run
 * with MACHINE_FAULT_STORM_EXIT after MACHINE_FAULT_STORM faults, the CPU
 * left at the fault, instead of spinning until a time limit. */
static void test_fault_storm_ends_the_run(void **state)
{
    static const uint32_t bad[] = {0};
    struct toy_alarm a;
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    toy_load(m, TOY_RAM, bad, 1);
    toy_trap_vector = TOY_RAM;
    toy_alarm_arm(&a, m, 1000000000, 3);
    assert_int_equal(machine_run(m), MACHINE_FAULT_STORM_EXIT);
    assert_int_equal(t->exceptions, MACHINE_FAULT_STORM);
    assert_int_equal(t->pc, TOY_RAM);
    assert_false(a.fired);
}

/* A handler that retires instructions is progress, however often it runs. */
static void test_faults_with_progress_are_no_storm(void **state)
{
    static const uint32_t code[] = {0, ADDI(0, 1), JMP(-8)};
    struct toy_alarm a;
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    toy_load(m, TOY_RAM, code, 3);
    toy_trap_vector = TOY_RAM + 4;
    toy_alarm_arm(&a, m, 100000, 3);
    assert_int_equal(machine_run(m), 3);
    assert_true(t->exceptions > 10 * MACHINE_FAULT_STORM);
}

/* With a debugger attached the storm is a stop with the fault's signal,
 * before the handler, and the run goes on (the debugger decides). */
static void test_fault_storm_stops_for_the_debugger(void **state)
{
    static const uint32_t bad[] = {0};
    struct seen s = {.quit = true};
    struct machine_observer o = {.stopped = on_stopped, .opaque = &s};
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct toy_cpu *t = toy_cpu(m, 0, 0);
    assert_int_equal(machine_add_observer(m, &o), 0);
    toy_load(m, TOY_RAM, bad, 1);
    toy_trap_vector = TOY_RAM;
    assert_int_equal(machine_run(m), 0);
    assert_int_equal(s.stopped, 1);
    assert_int_equal(s.ev.reason, STOP_SIGNAL);
    assert_int_equal(s.ev.signal, GDB_SIGILL);
    assert_int_equal(t->exceptions, MACHINE_FAULT_STORM);
    assert_true(debug_cpu_stopped(&t->cpu));
    assert_int_equal(m->stop_status, 0);
    machine_remove_observer(m, &o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_breakpoint_invalidates_covering_tbs, teardown),
        cmocka_unit_test_teardown(test_step_stops_after_one_instruction, teardown),
        cmocka_unit_test_teardown(test_watchpoint_reports_data_address, teardown),
        cmocka_unit_test_teardown(test_held_cpu_not_scheduled, teardown),
        cmocka_unit_test_teardown(test_observers, teardown),
        cmocka_unit_test_teardown(test_onlooker, teardown),
        cmocka_unit_test_teardown(test_fault_storm_ends_the_run, teardown),
        cmocka_unit_test_teardown(test_faults_with_progress_are_no_storm, teardown),
        cmocka_unit_test_teardown(test_fault_storm_stops_for_the_debugger, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
