/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the execution engine on the toy target: the IR
 * interpreter (arithmetic, branches, memory, helpers, atomics), precise
 * exceptions restored from instruction marks, TB chaining, invalidation
 * of translated code when the guest writes it, and the scheduler's
 * virtual time.
 *
 * The CPUs are the shared toy target's (tests/unit/common/toy.h), but its
 * small ISA cannot express what is tested here (every IR
 * operation, 32-bit globals, helpers with four arguments, atomics, loops
 * inside one TB, exact instruction boundaries), so each test emits the IR
 * for the TB at the current pc itself through toy_gen; guest code bytes
 * are read with translator_fetch where a test needs code pages tracked.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "engine/accel/tcg/internals.h"
#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "tests/unit/common/toy.h"

static struct machine *m;
static struct toy_cpu *cpu;

static int setup(void **state)
{
    (void)state;
    m = toy_machine(1, 1, 10000);
    cpu = toy_cpu(m, 0, 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    machine_free(m);
    return 0;
}

static void run_at(gaddr pc, int64_t budget)
{
    cpu->pc = pc;
    cpu->cpu.budget = budget;
    accel_cpu_run(&cpu->cpu);
}

static uint64_t helper_stop(struct cpu *c, uint64_t a, uint64_t b, uint64_t d, uint64_t e)
{
    (void)a, (void)b, (void)d, (void)e;
    c->exit_request = 1;
    return 0;
}
static const struct ir_helper stop_helper = {"stop", helper_stop, 0, IR_I64};

/* Emit "pc = target; exit" (or goto_tb slot when slot >= 0). */
static void end_tb(struct tb_ctx *ctx, gaddr target, int slot)
{
    ir_movi(ctx->ir, ir_global(ctx->ir, TOY_G_PC), target);
    if (slot >= 0)
        ir_goto_tb(ctx->ir, (unsigned)slot);
    else
        ir_exit_tb(ctx->ir);
    ctx->ended = true;
}

static void emit_stop_tb(struct tb_ctx *ctx)
{
    translator_next_insn(ctx, 0);
    ir_call(ctx->ir, &stop_helper, IR_NO_VAL, 0, 0, 0, 0);
    end_tb(ctx, 0x9000, -1);
}

/* ---- arithmetic -------------------------------------------------------- */

static void gen_arith(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    if (ctx->pc_first == 0x9000) {
        emit_stop_tb(ctx);
        return;
    }
    translator_next_insn(ctx, 0);
    ir_val r0 = ir_global(b, TOY_G_R0), r1 = ir_global(b, TOY_G_R1), r2 = ir_global(b, TOY_G_R2);
    ir_val r3 = ir_global(b, TOY_G_R3), w = ir_global(b, TOY_G_W);
    ir_val t = ir_temp(b, IR_I64), t32 = ir_temp(b, IR_I32);
    ir_addi(b, t, r1, 5);                       /* t = r1 + 5 */
    ir_binop(b, IR_MUL, t, t, r2);              /* t *= r2 */
    ir_sari(b, r0, t, 1);                       /* r0 = t >> 1 (arith) */
    ir_unop(b, IR_TRUNC, t32, r1);              /* t32 = (u32)r1 */
    ir_binopi(b, IR_ADD, t32, t32, 0xffffffff); /* t32 -= 1 in 32 bits */
    ir_mov(b, w, t32);
    ir_unop(b, IR_EXT32S, r3, t32);                       /* r3 = sext(t32) */
    ir_setcond(b, IR_LT, r2, r3, ir_const(b, IR_I64, 0)); /* r2 = r3 < 0 */
    ir_val x = ir_temp(b, IR_I64);
    ir_movcond(b, IR_NE, x, r2, ir_const(b, IR_I64, 0), ir_const(b, IR_I64, 111),
               ir_const(b, IR_I64, 222));
    ir_binop(b, IR_ADD, r1, x, ir_const(b, IR_I64, 0));     /* constant second operand */
    ir_binop(b, IR_SUB, r1, ir_const(b, IR_I64, 1000), r1); /* constant first operand */
    end_tb(ctx, 0x9000, -1);
}

static void test_arith(void **state)
{
    (void)state;
    toy_gen = gen_arith;
    cpu->r[1] = 0;
    cpu->r[2] = 7;
    run_at(0x1000, 100);
    assert_int_equal(cpu->r[0], (0 + 5) * 7 >> 1);
    assert_int_equal(cpu->w, 0xffffffff);
    assert_int_equal(cpu->r[3], ~0ull);
    assert_int_equal(cpu->r[2], 1);
    assert_int_equal(cpu->r[1], 1000 - 111);
    assert_int_equal(cpu->pc, 0x9000);
    assert_int_equal(cpu->cpu.icount, 2); /* the block and the stop block */
}

/* ---- a loop inside one TB ---------------------------------------------- */

static void gen_loop(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    if (ctx->pc_first == 0x9000) {
        emit_stop_tb(ctx);
        return;
    }
    translator_next_insn(ctx, 0);
    ir_val i = ir_global(b, TOY_G_R1), sum = ir_global(b, TOY_G_R0);
    unsigned top = ir_label(b), done = ir_label(b);
    ir_movi(b, sum, 0);
    ir_movi(b, i, 1);
    ir_set_label(b, top);
    ir_brcondi(b, IR_GTU, i, 100, done);
    ir_add(b, sum, sum, i);
    ir_addi(b, i, i, 1);
    ir_br(b, top);
    ir_set_label(b, done);
    end_tb(ctx, 0x9000, -1);
}

static void test_loop(void **state)
{
    (void)state;
    toy_gen = gen_loop;
    run_at(0x1000, 100);
    assert_int_equal(cpu->r[0], 5050);
}

/* ---- memory, faults and precise restore --------------------------------- */

static void gen_mem(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    if (ctx->pc_first == 0x9000) {
        emit_stop_tb(ctx);
        return;
    }
    ir_val r0 = ir_global(b, TOY_G_R0), r1 = ir_global(b, TOY_G_R1), r2 = ir_global(b, TOY_G_R2);
    ir_val addr = ir_const(b, IR_I64, 0x10100);
    translator_next_insn(ctx, 0); /* insn 0x1000 */
    ir_st(b, ir_const(b, IR_I64, 0x80ff), addr, IR_MO_16, 0);
    translator_next_insn(ctx, 0);                           /* insn 0x1004 */
    ir_ld(b, r0, addr, IR_MO_8 | IR_MO_SIGN, 0);            /* 0xff -> -1 */
    ir_ld(b, r1, ir_const(b, IR_I64, 0x10101), IR_MO_8, 0); /* 0x80 */
    ctx->pc_next = 0x1008;
    translator_next_insn(ctx, 0);                      /* insn 0x1008 */
    ir_ld(b, r2, ir_global(b, TOY_G_R3), IR_MO_32, 0); /* r3 = address */
    end_tb(ctx, 0x9000, -1);
}

static void test_memory_and_fault(void **state)
{
    (void)state;
    toy_gen = gen_mem;
    cpu->r[3] = 0x10100;
    run_at(0x1000, 100);
    assert_int_equal(cpu->r[0], ~0ull);
    assert_int_equal(cpu->r[1], 0x80);
    assert_int_equal(cpu->r[2], 0x80ff);
    assert_int_equal(cpu->exceptions, 0);
    /* Unmapped: the fault reports the address and the pc of the third insn. */
    cpu->r[3] = 0x40000;
    uint64_t before = cpu->cpu.icount;
    run_at(0x1000, 100);
    assert_int_equal(cpu->exceptions, 1);
    assert_int_equal(cpu->fault_addr, 0x40000);
    assert_int_equal(cpu->exc_pc, 0x1008);
    /* two instructions retired before the fault; the exception powers
     * the toy CPU off, which leaves the loop */
    assert_int_equal(cpu->cpu.icount - before, 2);
    assert_int_equal(cpu->cpu.state, CPU_OFF);
}

/* ---- helpers and atomics ------------------------------------------------ */

static uint64_t helper_sum4(struct cpu *c, uint64_t a, uint64_t b, uint64_t d, uint64_t e)
{
    (void)c;
    return a + 10 * b + 100 * d + 1000 * e;
}
static const struct ir_helper sum4 = {"sum4", helper_sum4, 4, IR_I64};

static void gen_helper_atomic(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    if (ctx->pc_first == 0x9000) {
        emit_stop_tb(ctx);
        return;
    }
    translator_next_insn(ctx, 0);
    ir_val r0 = ir_global(b, TOY_G_R0), r1 = ir_global(b, TOY_G_R1), r2 = ir_global(b, TOY_G_R2);
    ir_val w = ir_global(b, TOY_G_W);
    ir_call(b, &sum4, r0, ir_const(b, IR_I64, 1), w, ir_const(b, IR_I64, 3), r1);
    ir_val addr = ir_const(b, IR_I64, 0x10200);
    ir_st(b, ir_const(b, IR_I64, 40), addr, IR_MO_32, 0);
    ir_atomic(b, IR_RMW_ADD, r1, addr, ir_const(b, IR_I64, 2), IR_MO_32, 0); /* old 40 */
    ir_cmpxchg(b, r2, addr, ir_const(b, IR_I64, 42), ir_const(b, IR_I64, 7), IR_MO_32, 0);
    ir_ld(b, ir_global(b, TOY_G_R3), addr, IR_MO_32, 0);
    end_tb(ctx, 0x9000, -1);
}

static void test_helper_and_atomics(void **state)
{
    (void)state;
    toy_gen = gen_helper_atomic;
    cpu->w = 2;
    cpu->r[1] = 4;
    run_at(0x1000, 100);
    assert_int_equal(cpu->r[0], 1 + 20 + 300 + 4000);
    assert_int_equal(cpu->r[1], 40);
    assert_int_equal(cpu->r[2], 42);
    assert_int_equal(cpu->r[3], 7);
}

/* ---- chaining ----------------------------------------------------------- */

/* 0x1000: r0++ ; goto 0x2000.  0x2000: r1++ ; if r0 < 50 goto 0x1000 else 0x9000 */
static void gen_chain(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    if (ctx->pc_first == 0x9000) {
        emit_stop_tb(ctx);
        return;
    }
    translator_next_insn(ctx, 0);
    if (ctx->pc_first == 0x1000) {
        ir_addi(b, ir_global(b, TOY_G_R0), ir_global(b, TOY_G_R0), 1);
        end_tb(ctx, 0x2000, 0);
        return;
    }
    unsigned out = ir_label(b);
    ir_addi(b, ir_global(b, TOY_G_R1), ir_global(b, TOY_G_R1), 1);
    ir_brcondi(b, IR_GEU, ir_global(b, TOY_G_R0), 50, out);
    end_tb(ctx, 0x1000, 0);
    ir_set_label(b, out);
    end_tb(ctx, 0x9000, 1);
}

static void test_chaining(void **state)
{
    (void)state;
    toy_gen = gen_chain;
    run_at(0x1000, 1000);
    assert_int_equal(cpu->r[0], 50);
    assert_int_equal(cpu->r[1], 50);
    assert_int_equal(toy_translations, 3); /* each block translated once */
    assert_int_equal(tb_cache_count(cpu->cpu.cluster->accel_state), 3);
    /* The budget ends a chain: 10 instructions run, then the loop yields. */
    cpu->r[0] = cpu->r[1] = 0;
    cpu->pc = 0x1000;
    cpu->cpu.budget = 10;
    assert_int_equal(accel_cpu_run(&cpu->cpu), EXCP_YIELD);
    assert_int_equal(cpu->r[0] + cpu->r[1], 10);
}

/* ---- self-modifying code ------------------------------------------------- */

/* The "instruction" at pc is a 32-bit immediate loaded into r0. */
static void gen_fetch(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    if (ctx->pc_first == 0x9000) {
        emit_stop_tb(ctx);
        return;
    }
    uint32_t insn;
    translator_next_insn(ctx, 0);
    assert_int_equal(translator_fetch(ctx, ctx->pc_next, 4, &insn), 0);
    ir_movi(b, ir_global(b, TOY_G_R0), insn);
    end_tb(ctx, 0x9000, -1);
}

static void test_code_write_invalidates(void **state)
{
    (void)state;
    struct mem_view *v = cpu->cpu.view;
    toy_gen = gen_fetch;
    assert_int_equal(mem_view_write(v, 0x10000, 4, 1234), MEM_OK);
    run_at(0x10000, 100);
    assert_int_equal(cpu->r[0], 1234);
    run_at(0x10000, 100);
    assert_int_equal(toy_translations, 2); /* cached: no retranslation */
    assert_int_equal(mem_view_write(v, 0x10000, 4, 5678), MEM_OK);
    run_at(0x10000, 100);
    assert_int_equal(cpu->r[0], 5678);
    assert_int_equal(toy_translations, 3);
    /* Data written beside the code (same page, other bytes) keeps the TB. */
    assert_int_equal(mem_view_write(v, 0x10800, 4, 42), MEM_OK);
    assert_int_equal(mem_view_write(v, 0x10004, 4, 43), MEM_OK);
    run_at(0x10000, 100);
    assert_int_equal(toy_translations, 3);
    /* One byte of the instruction is enough; the page, left without code,
     * is no longer tracked until code is translated from it again. */
    const struct mem_mapping *map = mem_view_find(v, 0x10000);
    assert_true(mem_region_has_code(map->region, 0));
    assert_int_equal(mem_view_write(v, 0x10003, 1, 0), MEM_OK);
    assert_false(mem_region_has_code(map->region, 0));
    run_at(0x10000, 100);
    assert_int_equal(cpu->r[0], 5678);
    assert_int_equal(toy_translations, 4);
    assert_true(mem_region_has_code(map->region, 0));
    /* A fetch from unmapped memory fails cleanly. */
    struct tb_ctx ctx = {.cpu = &cpu->cpu};
    uint32_t insn;
    assert_int_equal(translator_fetch(&ctx, 0x50000, 4, &insn), -1);
}

/* ---- virtual time ---------------------------------------------------------- */

/* 0x2000: r1++ and back to 0x2000; with leave_early, every pass also asks
 * the CPU to leave its slice (as device I/O does). */
static bool leave_early;
static uint64_t helper_leave(struct cpu *c, uint64_t a, uint64_t b, uint64_t d, uint64_t e)
{
    (void)a, (void)b, (void)d, (void)e;
    cpu_exit(c);
    return 0;
}
static const struct ir_helper leave_helper = {"leave", helper_leave, 0, IR_I64};

static void gen_spin(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    translator_next_insn(ctx, 0);
    ir_addi(b, ir_global(b, TOY_G_R1), ir_global(b, TOY_G_R1), 1);
    if (leave_early)
        ir_call(b, &leave_helper, IR_NO_VAL, 0, 0, 0, 0);
    end_tb(ctx, 0x2000, 0);
}

struct alarm {
    struct vtimer t;
    uint64_t fired_ns, fired_insns;
};

static void alarm_fire(void *opaque)
{
    struct alarm *a = opaque;
    a->fired_ns = machine_clock_ns(m, NULL);
    a->fired_insns = cpu->r[1];
    machine_request_exit(m, 7);
}

/* A timer fires when the CPU has executed exactly the instructions its
 * deadline stands for (1 GHz: 1 ns each), with a quantum that does not
 * divide the deadline and whether or not the CPU leaves its slices early. */
static void test_virtual_time_follows_instructions(void **state)
{
    (void)state;
    toy_gen = gen_spin;
    for (int early = 0; early < 2; early++) {
        struct alarm a = {0};
        leave_early = early;
        tb_cache_flush(cpu->cpu.cluster->accel_state);
        cpu->r[1] = 0;
        cpu->pc = 0x2000;
        m->exit_requested = false;
        uint64_t start = m->clock_ns;
        vtimer_init(&a.t, alarm_fire, &a);
        vtimer_arm(m, &a.t, start + 25003);
        assert_int_equal(machine_run(m), 7);
        assert_int_equal(a.fired_ns, start + 25003);
        assert_int_equal(a.fired_insns, 25003);
    }
    leave_early = false;
}

/* -time-limit: a guest that never exits stops at the limit exactly, with
 * the exit status of timeout(1). */
static void test_time_limit(void **state)
{
    (void)state;
    toy_gen = gen_spin;
    cpu->r[1] = 0;
    cpu->pc = 0x2000;
    m->time_limit_ns = m->clock_ns + 25003;
    assert_int_equal(machine_run(m), MACHINE_TIME_LIMIT_EXIT);
    assert_int_equal(cpu->r[1], 25003);
    assert_int_equal(m->clock_ns, m->time_limit_ns);
}

/* ---- debugger run control ----------------------------------------------- */

/* Four 4-byte "instructions" honouring the translator's limits:
 * 0x1000 store r0 to [0x10100]; 0x1004 r1++; 0x1008 load r2 from [0x10100];
 * 0x100c stop. */
static void gen_prog(struct tb_ctx *ctx)
{
    struct ir_block *b = ctx->ir;
    if (ctx->pc_first == 0x9000) {
        emit_stop_tb(ctx);
        return;
    }
    ir_val addr = ir_const(b, IR_I64, 0x10100);
    while (translator_next_insn(ctx, 0)) {
        switch (ctx->pc_next) {
        case 0x1000: ir_st(b, ir_global(b, TOY_G_R0), addr, IR_MO_32, 0); break;
        case 0x1004: ir_addi(b, ir_global(b, TOY_G_R1), ir_global(b, TOY_G_R1), 1); break;
        case 0x1008: ir_ld(b, ir_global(b, TOY_G_R2), addr, IR_MO_32, 0); break;
        default: end_tb(ctx, 0x9000, -1); return;
        }
        ctx->pc_next += 4;
    }
    if (!ctx->ended)
        end_tb(ctx, ctx->pc_next, -1);
}

static struct stop_event last_stop;
static void record_stop(void *opaque, const struct stop_event *ev)
{
    (void)opaque;
    last_stop = *ev;
}
static struct machine_observer debugger = {.stopped = record_stop};

static int run_debug(gaddr pc)
{
    cpu->pc = pc;
    cpu->cpu.budget = 100;
    int r = accel_cpu_run(&cpu->cpu);
    if (r == EXCP_DEBUG)
        debug_report_cpu(&cpu->cpu);
    return r;
}

static void test_breakpoint(void **state)
{
    (void)state;
    struct cluster *c = cpu->cpu.cluster;
    toy_gen = gen_prog;
    assert_int_equal(machine_add_observer(m, &debugger), 0);
    run_at(0x1000, 100); /* translate the whole block first */
    assert_int_equal(cpu->r[1], 1);
    assert_int_equal(debug_bp_insert(c, BP_HW, 0x1008), 0);
    assert_int_equal(run_debug(0x1000), EXCP_DEBUG);
    assert_int_equal(cpu->pc, 0x1008); /* stopped before the instruction */
    assert_int_equal(cpu->r[1], 2);
    assert_int_equal(last_stop.reason, STOP_BREAKPOINT);
    assert_int_equal(last_stop.bp, BP_HW);
    assert_true(debug_cpu_stopped(&cpu->cpu));
    /* A held CPU does not run. */
    assert_int_equal(run_debug(0x1008), EXCP_INTERRUPT);
    debug_cpu_resume(&cpu->cpu, false, 0);
    assert_int_equal(debug_bp_remove(c, BP_HW, 0x1008), 0);
    assert_int_equal(debug_bp_remove(c, BP_HW, 0x1008), -ENOENT);
    run_at(0x1000, 100);
    assert_int_equal(cpu->pc, 0x9000);
    machine_remove_observer(m, &debugger);
}

static void test_single_step(void **state)
{
    (void)state;
    toy_gen = gen_prog;
    assert_int_equal(machine_add_observer(m, &debugger), 0);
    debug_cpu_resume(&cpu->cpu, true, 0);
    assert_int_equal(run_debug(0x1000), EXCP_DEBUG);
    assert_int_equal(cpu->pc, 0x1004);
    assert_int_equal(last_stop.reason, STOP_STEP);
    debug_cpu_resume(&cpu->cpu, true, 0);
    assert_int_equal(run_debug(0x1004), EXCP_DEBUG);
    assert_int_equal(cpu->pc, 0x1008);
    assert_int_equal(cpu->r[1], 1);
    assert_int_equal(cpu->cpu.icount, 2);
    machine_remove_observer(m, &debugger);
}

static void test_watchpoints(void **state)
{
    (void)state;
    struct cluster *c = cpu->cpu.cluster;
    toy_gen = gen_prog;
    assert_int_equal(machine_add_observer(m, &debugger), 0);
    cpu->r[0] = 77;
    assert_int_equal(debug_wp_insert(c, WP_WRITE, 0x10102, 1), 0);
    assert_int_equal(run_debug(0x1000), EXCP_DEBUG);
    /* stopped after the store that touched the watched byte */
    assert_int_equal(cpu->pc, 0x1004);
    assert_int_equal(last_stop.reason, STOP_WATCHPOINT);
    assert_int_equal(last_stop.wp, WP_WRITE);
    assert_int_equal(last_stop.addr, 0x10102);
    uint64_t v;
    assert_int_equal(mem_view_read(cpu->cpu.view, 0x10100, 4, &v), MEM_OK);
    assert_int_equal(v, 77);
    assert_int_equal(cpu->r[1], 0);
    /* A read watchpoint fires on the load, not on the store. */
    assert_int_equal(debug_wp_remove(c, WP_WRITE, 0x10102, 1), 0);
    assert_int_equal(debug_wp_insert(c, WP_READ, 0x10100, 4), 0);
    debug_cpu_resume(&cpu->cpu, false, 0);
    assert_int_equal(run_debug(0x1000), EXCP_DEBUG);
    assert_int_equal(cpu->pc, 0x100c);
    assert_int_equal(cpu->r[2], 77);
    assert_int_equal(last_stop.wp, WP_READ);
    debug_clear_all(c);
    debug_cpu_resume(&cpu->cpu, false, 0);
    machine_remove_observer(m, &debugger);
}

/* For architectures gdb steps over watchpoints itself, the stop comes
 * before the access, with the pc at the storing instruction. */
static void test_nonsteppable_watchpoint(void **state)
{
    (void)state;
    struct cluster *c = cpu->cpu.cluster;
    const struct target_ops *toy_ops = cpu->cpu.target;
    struct target_ops ops = *toy_ops;
    ops.nonsteppable_watchpoints = true;
    cpu->cpu.target = &ops;
    toy_gen = gen_prog;
    assert_int_equal(machine_add_observer(m, &debugger), 0);
    cpu->r[0] = 55;
    assert_int_equal(debug_wp_insert(c, WP_WRITE, 0x10100, 4), 0);
    assert_int_equal(run_debug(0x1000), EXCP_DEBUG);
    assert_int_equal(cpu->pc, 0x1000);
    assert_int_equal(last_stop.reason, STOP_WATCHPOINT);
    assert_int_equal(last_stop.addr, 0x10100);
    uint64_t v;
    assert_int_equal(mem_view_read(cpu->cpu.view, 0x10100, 4, &v), MEM_OK);
    assert_int_equal(v, 0); /* not written yet */
    debug_clear_all(c);
    debug_cpu_resume(&cpu->cpu, false, 0);
    machine_remove_observer(m, &debugger);
    cpu->cpu.target = toy_ops;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_arith, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_and_fault, setup, teardown),
        cmocka_unit_test_setup_teardown(test_helper_and_atomics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chaining, setup, teardown),
        cmocka_unit_test_setup_teardown(test_code_write_invalidates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_virtual_time_follows_instructions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_breakpoint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_single_step, setup, teardown),
        cmocka_unit_test_setup_teardown(test_watchpoints, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nonsteppable_watchpoint, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
