/* SPDX-License-Identifier: MIT */
/*
 * The scheduler (engine/machine/sched.c) with toy CPUs at 1 GHz (one
 * instruction is one nanosecond of virtual time): round-robin order,
 * slices shortened by timer deadlines, virtual time advancing by the
 * longest slice run, the jump to the next deadline when every CPU waits,
 * and held CPUs freezing time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "engine/io/event.h"
#include "engine/machine/debug.h"
#include "tests/unit/common/toy.h"

static struct machine *m;

static int teardown(void **state)
{
    (void)state;
    machine_free(m);
    m = NULL;
    return 0;
}

/* Every CPU spins: MARK; ADDI r0, 1; JMP back (3 instructions). */
static const uint32_t p_mark_loop[] = {
    TOY_MARK,
    TOY_INSN(TOY_ADDI, 0, 1),
    TOY_INSN(TOY_JMP, 0, -8),
};

/* ADDI r0, 1; JMP back (2 instructions). */
static const uint32_t p_spin[] = {
    TOY_INSN(TOY_ADDI, 0, 1),
    TOY_INSN(TOY_JMP, 0, -4),
};

/* Each round runs every CPU for one slice, cluster by cluster, CPU by CPU:
 * 4 rounds of a 30-instruction quantum give the trace c0.0 c0.1 c1.0 c1.1
 * four times, and each CPU 120 instructions. */
static void test_round_robin_order(void **state)
{
    struct toy_alarm a;
    (void)state;
    m = toy_machine(2, 2, 30);
    toy_load(m, TOY_RAM, p_mark_loop, 3);
    toy_alarm_arm(&a, m, 120, 5);
    assert_int_equal(machine_run(m), 5);
    assert_int_equal(toy_ntrace, 16);
    for (unsigned i = 0; i < 16; i++)
        assert_ptr_equal(toy_trace[i], &toy_cpu(m, i / 2 % 2, i % 2)->cpu);
    for (unsigned i = 0; i < 4; i++) {
        struct toy_cpu *t = toy_cpu(m, i / 2, i % 2);
        assert_int_equal(t->cpu.icount, 120);
        assert_int_equal(t->r[0], 40);
    }
    assert_int_equal(m->clock_ns, 120);
}

/* A timer due before the quantum ends shortens the slice: with a quantum
 * of 1000 and a deadline at 250 ns, each CPU runs exactly 250. */
static void test_slice_shortened_by_timer(void **state)
{
    struct toy_alarm a;
    (void)state;
    m = toy_machine(1, 2, 1000);
    toy_load(m, TOY_RAM, p_spin, 2);
    toy_alarm_arm(&a, m, 250, 3);
    assert_int_equal(machine_run(m), 3);
    assert_true(a.fired);
    assert_int_equal(a.fired_ns, 250);
    assert_int_equal(toy_cpu(m, 0, 0)->cpu.icount, 250);
    assert_int_equal(toy_cpu(m, 0, 1)->cpu.icount, 250);
}

/* Time advances by the most instructions a CPU ran in a round, not by the
 * sum: cpu1 waits after 3 instructions, cpu0 runs on, and after 3 rounds
 * of 100 the clock reads 300. */
static void test_time_follows_longest_slice(void **state)
{
    static const uint32_t p_wait[] = {
        TOY_INSN(TOY_ADDI, 1, 1),
        TOY_INSN(TOY_ADDI, 1, 1),
        TOY_WFI,
    };
    struct toy_alarm a;
    (void)state;
    m = toy_machine(1, 2, 100);
    toy_load(m, TOY_RAM, p_spin, 2);
    toy_load(m, TOY_RAM + 0x100, p_wait, 3);
    toy_cpu(m, 0, 1)->pc = TOY_RAM + 0x100;
    toy_alarm_arm(&a, m, 300, 1);
    assert_int_equal(machine_run(m), 1);
    assert_int_equal(a.fired_ns, 300);
    assert_int_equal(m->clock_ns, 300);
    assert_int_equal(toy_cpu(m, 0, 0)->cpu.icount, 300);
    assert_int_equal(toy_cpu(m, 0, 1)->cpu.icount, 3);
    assert_int_equal(toy_cpu(m, 0, 1)->cpu.state, CPU_WAITING);
}

/* Wake the CPU the alarm belongs to. */
static void wake(void *opaque)
{
    toy_raise_irq(opaque);
}

/* When every CPU waits, time jumps to the next deadline instead of
 * spinning: the wake-up comes at 1 ms exactly, after 2 instructions. */
static void test_time_jumps_when_all_wait(void **state)
{
    static const uint32_t p[] = {TOY_INSN(TOY_ADDI, 0, 7), TOY_WFI, TOY_EXIT};
    struct vtimer t;
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct toy_cpu *cpu = toy_cpu(m, 0, 0);
    toy_load(m, TOY_RAM, p, 3);
    vtimer_init(&t, wake, cpu);
    vtimer_arm(m, &t, 1000000);
    assert_int_equal(machine_run(m), 7);
    assert_int_equal(cpu->irqs, 1);
    assert_int_equal(cpu->cpu.icount, 3);
    assert_true(m->clock_ns >= 1000000 && m->clock_ns < 1000000 + 10);
}

/* A CPU held by the debugger is not a waiting CPU a timer could wake:
 * with it held, time stands still and the run ends (nothing can wake
 * anything); released, time jumps to the deadline. */
static void test_held_cpus_freeze_time(void **state)
{
    static const uint32_t p[] = {TOY_WFI, TOY_EXIT};
    struct vtimer t;
    (void)state;
    m = toy_machine(1, 1, 1000);
    struct toy_cpu *cpu = toy_cpu(m, 0, 0);
    toy_load(m, TOY_RAM, p, 2);
    vtimer_init(&t, wake, cpu);
    vtimer_arm(m, &t, 5000);
    cpu->cpu.budget = 100;
    assert_int_equal(accel_cpu_run(&cpu->cpu), EXCP_HALTED);
    debug_cpu_stop(&cpu->cpu);
    assert_int_equal(machine_run(m), 1); /* "nothing can wake them" */
    assert_int_equal(m->clock_ns, 0);
    assert_true(t.armed);
    debug_cpu_resume(&cpu->cpu, false, 0);
    assert_int_equal(machine_run(m), 0);
    assert_int_equal(m->clock_ns, 5000 + 1);
    assert_false(t.armed);
    assert_int_equal(cpu->irqs, 1);
}

static void count_poll(void *opaque, int fd, unsigned events)
{
    (void)fd, (void)events;
    ++*(unsigned *)opaque; /* the byte stays: every poll sees it */
}

/* One round of 8 CPUs x 200,000 instructions is 1.6M instructions: the
 * scheduler polls between CPUs once SCHED_POLL_INSNS were charged (after
 * the third and the sixth CPU), not only at the end of the round, so gdb
 * and Ctrl-C are answered whatever the quantum and the number of CPUs. */
static void test_polls_within_a_round(void **state)
{
    (void)state;
    int fds[2];
    unsigned polls = 0;
    struct toy_alarm a;
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], "x", 1), 1);
    m = toy_machine(1, 8, 200000);
    toy_load(m, TOY_RAM, p_spin, 2);
    toy_alarm_arm(&a, m, 200000, 7);
    assert_int_equal(event_add_fd(fds[0], EVENT_IN, count_poll, &polls), 0);
    assert_int_equal(machine_run(m), 7);
    event_remove_fd(fds[0]);
    assert_int_equal(m->clock_ns, 200000);
    assert_true(polls >= 3); /* two within the round, one after it */
    close(fds[0]);
    close(fds[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_round_robin_order, teardown),
        cmocka_unit_test_teardown(test_slice_shortened_by_timer, teardown),
        cmocka_unit_test_teardown(test_time_follows_longest_slice, teardown),
        cmocka_unit_test_teardown(test_time_jumps_when_all_wait, teardown),
        cmocka_unit_test_teardown(test_held_cpus_freeze_time, teardown),
        cmocka_unit_test_teardown(test_polls_within_a_round, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
