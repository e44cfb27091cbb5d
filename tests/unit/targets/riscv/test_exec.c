/* SPDX-License-Identifier: MIT */
/*
 * RISC-V harts run through the real engine (translator, IR interpreter,
 * software TLB, run loop): small guest programs check what is specific to
 * this target rather than every instruction (tests/isa/riscv does that):
 * XLEN handling, x0, trap causes and mtval, privilege changes, CSR rules,
 * the misaligned policy, LR/SC, interrupts, counters, semihosting, and
 * extensions that follow the model.
 *
 * The programs are tests/unit/targets/riscv/exec/NAME.S, assembled at
 * build time for RV64 (rv64-NAME.bin) and RV32 (rv32-NAME.bin) and loaded
 * at 0x80000000. Most start with exec.h's trap_prologue: a trap handler
 * at TRAP_PC that records mcause, mepc and mtval in s0, s1 and s2 and
 * waits, then the body at BODY. With mie = 0 the wfi halts the hart, so a
 * test runs a program until the hart waits and then inspects its state.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/machine/cpu.h"
#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "targets/riscv/internals.h"
#include "targets/riscv/riscv.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/targets/program.h"
#include "tests/unit/targets/support.h"

#define RAM_BASE 0x80000000u
#define TRAP_PC 0x80000010u
#define BODY 0x80000020u
#define A0 10
#define S(n) ((n) < 2 ? 8 + (n) : 16 + (n))

struct env {
    struct machine *m;
    struct cluster *c;
    struct riscv_cpu *cpu;
};

static struct env env;

/* A hart of @model ("rv64imac") running program @name, built for its XLEN. */
static void env_start(const char *model, const char *name)
{
    static const struct ram_spec rams[] = {{"ram", "0x80000000", "64K"}, {NULL, NULL, NULL}};
    char file[64];
    size_t size;
    void *prog;

    snprintf(file, sizeof(file), "%.4s-%s.bin", model, name);
    prog = program_read("riscv", file, &size);
    env.m = one_cluster_machine(&riscv_target_ops, "app", model, "0x80000000", rams, RAM_BASE, prog,
                                size, &env.c);
    free(prog);
    env.cpu = riscv_cpu(env.c->cpus[0]);
}

static int env_stop(void **state)
{
    (void)state;
    machine_free(env.m);
    memset(&env, 0, sizeof(env));
    return 0;
}

/* Run until the hart waits (wfi) or the guest asks to exit. */
static int run(void)
{
    return run_until_idle(env.m, &env.cpu->cpu);
}

static uint64_t x(unsigned r)
{
    return riscv_get_x(env.cpu, r);
}

/* Run a program that ends in the prologue's trap handler. */
static void expect_trap(uint64_t cause, uint64_t epc, uint64_t tval)
{
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(S(0)), cause);
    assert_int_equal(x(S(1)), epc);
    assert_int_equal(x(S(2)), tval);
    assert_int_equal(env.cpu->priv, RISCV_PRIV_M);
}

static void test_arith_rv64(void **state)
{
    (void)state;
    env_start("rv64imac", "arith64");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(11), UINT64_MAX);            /* addiw sign-extends */
    assert_int_equal(x(13), 0xffffffff80000000ull); /* addiw overflow */
    assert_int_equal(x(0), 0);                      /* x0 ignores writes */
    assert_int_equal(x(14), UINT64_MAX);            /* div by 0 */
    assert_int_equal(x(15), 7);                     /* rem by 0 */
    assert_int_equal(x(16), UINT64_MAX);            /* divuw by 0, sign-extended */
    assert_int_equal(x(17), 0x8000000000000000ull); /* MIN / -1 */
    assert_int_equal(x(19), 0);                     /* MIN % -1 */
    assert_int_equal(x(20), 0xfffffffffffffffeull); /* mulhu */
    assert_int_equal(x(21), UINT64_MAX);            /* mulhsu(-1, 2^64-1) */
    assert_int_equal(x(22), 0xffffffffff000000ull); /* sraw */
    assert_int_equal(x(23), 0x01000000);            /* srlw */
    assert_int_equal(x(24), 1);                     /* seqz */
    assert_int_equal(x(25), 0xffffffff80000000ull); /* lui sign-extends */
    assert_int_equal(x(26), 0x80000048);            /* auipc */
}

static void test_arith_rv32(void **state)
{
    (void)state;
    env_start("rv32imac", "arith32");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(11), 0x80000000u);
    assert_int_equal(x(12), 0xffffffffu);
    assert_int_equal(x(13), 1);
    assert_int_equal(x(14), 0x40000000u); /* mulh */
    assert_int_equal(x(15), 0x80000000u); /* MIN / -1 */
    assert_int_equal(x(16), 0);           /* MIN % -1 */
    assert_int_equal(x(17), 2);           /* shift amounts use 5 bits */
    assert_int_equal(x(19), 0);           /* sltu */
    assert_int_equal(x(20), 1);           /* slt */
    assert_int_equal(x(21), 0x80000034u); /* jal link */
    assert_int_equal(x(22), 0xfffff000u); /* lui */
    assert_int_equal(x(23), 0xfffffffeu); /* mulhu */
    /* rv32 state is kept zero-extended in the 64-bit fields. */
    for (unsigned r = 0; r < 32; r++)
        assert_int_equal(env.cpu->x[r] >> 32, 0);
    assert_int_equal(env.cpu->misa, 0x40101105u);
}

static void test_illegal(void **state)
{
    (void)state;
    env_start("rv64imac", "illegal");
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0xffffffff);
    env_stop(NULL);
    env_start("rv64imac", "illegal_c");
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0);
}

/* An extension is there only in the models that have it: andn is illegal
 * on rv64gc and runs on rv64gcb; rv64imac keeps mstatus.FS zero and its
 * FP instructions illegal whatever software writes, where rv64gc turns
 * the FPU on (FS Dirty after the fadd, SD set). */
static void test_extensions_follow_the_model(void **state)
{
    (void)state;
    env_start("rv64gc", "zb_andn");
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0x40c5f533);
    env_stop(NULL);
    env_start("rv64gcb", "zb_andn");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(S(0)), 0); /* no trap */
    env_stop(NULL);
    env_start("rv64imac", "fs_on");
    expect_trap(RISCV_EXCP_ILLEGAL, BODY + 10, 0x02c5f553);
    assert_int_equal(x(A0) & 0x6000, 0);
    env_stop(NULL);
    env_start("rv64gc", "fs_on");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(S(0)), 0);
    assert_int_equal(x(A0) & 0x6000, 0x6000);
    assert_int_equal(riscv_mstatus_read(env.cpu) >> 63, 1);
}

/* The W counts of Zbb see the low word only, even when it is zero and the
 * upper one is not (QEMU 7.2's ctzw counts 63 here). */
static void test_zbb_word_counts(void **state)
{
    (void)state;
    env_start("rv64gcb", "zb_words");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(A0), 32); /* ctzw */
    assert_int_equal(x(12), 32); /* clzw */
    assert_int_equal(x(13), 0);  /* cpopw */
}

static void test_ecall_ebreak(void **state)
{
    (void)state;
    env_start("rv64imac", "ecall");
    expect_trap(RISCV_EXCP_ECALL_M, BODY, 0);
    /* mstatus after trap entry from M: MPP = M, MPIE = old MIE = 0. */
    assert_int_equal(riscv_mstatus_read(env.cpu), 0x200001800ull);
    env_stop(NULL);
    env_start("rv64imac", "ebreak");
    expect_trap(RISCV_EXCP_BREAKPOINT, BODY + 2, BODY + 2);
}

static void note_stop(void *opaque, const struct stop_event *ev)
{
    *(struct stop_event *)opaque = *ev;
}

/* With a debugger attached, an ebreak stops with SIGTRAP at the ebreak and
 * the guest's handler does not run; with stop-on-exception an illegal
 * instruction stops with SIGILL first, and resuming with the signal
 * delivers it to the guest. */
static void test_debugger_sees_exceptions(void **state)
{
    struct stop_event ev = {0};
    struct machine_observer debugger = {.stopped = note_stop, .opaque = &ev};
    (void)state;
    env_start("rv64imac", "ebreak");
    assert_int_equal(machine_add_observer(env.m, &debugger), 0);
    env.cpu->cpu.budget = 10000;
    assert_int_equal(accel_cpu_run(&env.cpu->cpu), EXCP_DEBUG);
    debug_report_cpu(&env.cpu->cpu);
    assert_int_equal(ev.reason, STOP_SIGNAL);
    assert_int_equal(ev.signal, GDB_SIGTRAP);
    assert_int_equal(env.cpu->pc, BODY + 2);
    assert_int_equal(x(S(0)), 0); /* the handler did not run */
    env_stop(NULL);

    env_start("rv64imac", "illegal");
    assert_int_equal(machine_add_observer(env.m, &debugger), 0);
    assert_int_equal(object_set_prop_str(&env.c->obj, "stop-on-exception", "on", NULL), 0);
    env.cpu->cpu.budget = 10000;
    assert_int_equal(accel_cpu_run(&env.cpu->cpu), EXCP_DEBUG);
    debug_report_cpu(&env.cpu->cpu);
    assert_int_equal(ev.signal, GDB_SIGILL);
    assert_int_equal(env.cpu->pc, BODY);
    debug_cpu_resume(&env.cpu->cpu, false, GDB_SIGILL);
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0xffffffff);
}

static void test_user_mode(void **state)
{
    (void)state;
    env_start("rv64imac", "user");
    expect_trap(RISCV_EXCP_ECALL_U, 0x8000003c, 0);
    assert_int_equal(x(A0), 5);
    assert_int_equal(riscv_mstatus_read(env.cpu) & MSTATUS_MPP, 0); /* came from U */
    env_stop(NULL);
    /* Machine CSRs and mret are illegal in U-mode (mtval = the instruction). */
    env_start("rv64imac", "ucsr");
    expect_trap(RISCV_EXCP_ILLEGAL, 0x8000003a, 0x30002573);
    env_stop(NULL);
    env_start("rv64imac", "umret");
    expect_trap(RISCV_EXCP_ILLEGAL, 0x8000003a, 0x30200073);
    env_stop(NULL);
    /* mcounteren.IR lets U read instret, but cycle stays illegal. */
    env_start("rv64imac", "ucycle");
    expect_trap(RISCV_EXCP_ILLEGAL, 0x80000042, 0xc00025f3);
    assert_int_equal(x(A0), 12); /* instructions retired before rdinstret */
}

static void test_csr_rules(void **state)
{
    (void)state;
    env_start("rv64imac", "csr_unimpl");
    /* medeleg does not exist without S-mode. */
    expect_trap(RISCV_EXCP_ILLEGAL, 0x80000026, 0x302025f3);
    assert_int_equal(x(A0), 0); /* mhartid */
    assert_int_equal(x(11), 1);
    env_stop(NULL);
    /* csrs with x0 does not write, so it is legal on a read-only CSR;
     * csrw is not. */
    env_start("rv64imac", "csr_ro");
    expect_trap(RISCV_EXCP_ILLEGAL, 0x80000028, 0xf1451073);
}

static void check_warl(bool rv64)
{
    assert_int_equal(run(), EXCP_HALTED);
    uint64_t uxl = rv64 ? 2ull << 32 : 0;
    assert_int_equal(x(10), uxl | 0x1800); /* MPP = M */
    assert_int_equal(x(11), uxl | 0x1800); /* MPP = 2 is not a mode: kept */
    assert_int_equal(x(12), rv64 ? 0xfffffffffffffffcull : 0xfffffffcu); /* mode 3 kept 0 */
    assert_int_equal(x(13), 0x80000000u);                                /* mode 2: kept 0 */
    assert_int_equal(x(14), rv64 ? 0x8000000000101105ull : 0x40101105u);
    assert_int_equal(x(15), x(14)); /* misa ignores writes */
    assert_int_equal(x(16), 0x888); /* mie: MSIE, MTIE, MEIE */
    assert_int_equal(x(17), 0);     /* mip follows the lines only */
    assert_int_equal(x(S(3)), rv64 ? 0xfffffffffffffffeull : 0xfffffffeu); /* mepc[0] = 0 */
}

static void test_csr_warl(void **state)
{
    (void)state;
    env_start("rv64imac", "mstatus");
    check_warl(true);
    env_stop(NULL);
    env_start("rv32imac", "mstatus");
    check_warl(false);
}

static void test_counters(void **state)
{
    (void)state;
    env_start("rv64imac", "counters");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(10), 4); /* the prologue's 4 instructions */
    assert_int_equal(x(11), 5);
    assert_int_equal(x(12), 100); /* the value written */
    assert_int_equal(x(13), 101); /* inhibited from here */
    assert_int_equal(x(14), 101);
    assert_int_equal(x(15), 102); /* counting again */
    assert_int_equal(x(16), 17);  /* mcycle: one cycle per instruction */
}

/* rv32 reaches the upper halves through the ...h CSRs. */
static void test_counters_rv32(void **state)
{
    (void)state;
    env_start("rv32imac", "counters32");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(10), 1); /* minstreth as written */
    assert_int_equal(x(11), 6); /* the low half kept counting */
    assert_int_equal(x(12), 0); /* mcycle written to 0 */
    assert_int_equal(x(13), 0);
    assert_int_equal(x(14), 0); /* time: 10 MHz timebase, a few ns in */
    assert_int_equal(x(15), 0);
    assert_int_equal(x(16), 0);
}

/* Ordinary accesses work misaligned; A-extension ones trap. */
static void test_misaligned(void **state)
{
    (void)state;
    env_start("rv64imac", "misaligned");
    expect_trap(RISCV_EXCP_STORE_MISALIGNED, 0x8000003e, 0x8000004a);
    assert_int_equal(x(10), 0x55443322);
    assert_int_equal(x(11), 0x3322);
    assert_int_equal(x(13), 0x44332211);
    env_stop(NULL);
    env_start("rv64imac", "lr_mis");
    expect_trap(RISCV_EXCP_LOAD_MISALIGNED, 0x8000002a, 0x80000032);
    env_stop(NULL);
    env_start("rv64imac", "sc_mis");
    expect_trap(RISCV_EXCP_STORE_MISALIGNED, 0x8000002a, 0x80000032);
}

static void test_access_faults(void **state)
{
    (void)state;
    env_start("rv64imac", "access");
    expect_trap(RISCV_EXCP_LOAD_ACCESS, 0x80000022, 0x1004);
    env_stop(NULL);
    env_start("rv64imac", "store_access");
    expect_trap(RISCV_EXCP_STORE_ACCESS, 0x80000022, 0x1008);
    env_stop(NULL);
    env_start("rv64imac", "amo_access");
    expect_trap(RISCV_EXCP_STORE_ACCESS, 0x80000022, 0x1000);
    env_stop(NULL);
    env_start("rv64imac", "fetch");
    expect_trap(RISCV_EXCP_INSN_ACCESS, 0x1000, 0x1000);
    env_stop(NULL);
    env_start("rv32imac", "fetch");
    expect_trap(RISCV_EXCP_INSN_ACCESS, 0x1000, 0x1000);
}

static void check_lrsc(bool rv64)
{
    assert_int_equal(run(), EXCP_HALTED);
    uint64_t m5 = rv64 ? (uint64_t)-5 : 0xfffffffbu;
    assert_int_equal(x(13), 1); /* sc without a reservation fails */
    assert_int_equal(x(11), 0); /* lr; sc succeeds */
    assert_int_equal(x(14), 1); /* the sc consumed the reservation */
    assert_int_equal(x(15), 99);
    assert_int_equal(x(16), 1);   /* memory changed under the reservation */
    assert_int_equal(x(S(3)), 0); /* amomin returns the old value */
    assert_int_equal(x(S(4)), m5);
    assert_int_equal(x(S(5)), m5);
    assert_int_equal(x(S(6)), m5);
}

static void test_lrsc_amo(void **state)
{
    (void)state;
    env_start("rv64imac", "lrsc");
    check_lrsc(true);
    env_stop(NULL);
    env_start("rv32imac", "lrsc");
    check_lrsc(false);
}

static void test_timer_interrupt(void **state)
{
    (void)state;
    struct irq_line line;
    env_start("rv64imac", "irq");
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "mtip", 0, &line, NULL), 0);
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "mtip", 1, &line, NULL), -ENOENT);
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "bogus", 0, &line, NULL), -ENOENT);
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "mtip", 0, &line, NULL), 0);
    /* Waits in the first wfi: nothing pending. */
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(A0), 1);
    /* The line wakes the wfi even with mstatus.MIE = 0; the interrupt is
     * taken once MIE is set, through the vectored table. */
    irq_raise(&line);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(A0), 2);
    assert_int_equal(x(11), 7);
    assert_int_equal(x(S(0)), 0x8000000000000007ull);
    assert_int_equal(x(S(1)), 0x80000028);
    assert_int_equal(x(S(2)), 0x200001880ull); /* MPP = M, MPIE = 1, MIE = 0 */
    irq_lower(&line);
    assert_int_equal(env.cpu->mip, 0);
}

/* Run, capturing what the guest writes to stdout into @out. */
static int run_captured(char *out, size_t len)
{
    capture_begin(STDOUT_FILENO);
    int r = run();
    snprintf(out, len, "%s", capture_end());
    return r;
}

static void test_semihosting(void **state)
{
    (void)state;
    char out[64];
    env_start("rv64imac", "semihost");
    assert_true(env.c->semihosting);
    assert_int_equal(run_captured(out, sizeof(out)), EXCP_INTERRUPT);
    assert_string_equal(out, "hello world\n");
    assert_int_equal(x(S(0)), 0); /* SYS_WRITE: no byte left unwritten */
    assert_true(env.m->exit_requested);
    assert_int_equal(env.m->exit_code, 42);
    assert_int_equal(env.cpu->pc, 0x8000005c); /* after the sequence */
    env_stop(NULL);
    /* rv32: SYS_EXIT takes the reason itself; unknown operations return -1. */
    env_start("rv32imac", "semihost32");
    assert_int_equal(run_captured(out, sizeof(out)), EXCP_INTERRUPT);
    assert_string_equal(out, "Z");
    assert_int_equal(x(S(0)), 0xffffffffu);
    assert_int_equal(env.m->exit_code, 1);
}

/* With semihosting off the sequence is an ordinary breakpoint. */
static void test_semihosting_off(void **state)
{
    (void)state;
    env_start("rv64imac", "semihost");
    assert_int_equal(object_set_prop_str(&env.c->obj, "semihosting", "off", NULL), 0);
    env.cpu->mtvec = 0x80000040; /* the program's final wfi */
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(env.cpu->mcause, RISCV_EXCP_BREAKPOINT);
    assert_int_equal(env.cpu->mepc, 0x80000054);
    assert_int_equal(env.cpu->mtval, 0x80000054);
    assert_false(env.m->exit_requested);
}

int main(void)
{
    if (program_skip_without(MOSAIC_RISCV_CC, "riscv64-unknown-elf-gcc"))
        return 0;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_arith_rv64, env_stop),
        cmocka_unit_test_teardown(test_arith_rv32, env_stop),
        cmocka_unit_test_teardown(test_illegal, env_stop),
        cmocka_unit_test_teardown(test_extensions_follow_the_model, env_stop),
        cmocka_unit_test_teardown(test_zbb_word_counts, env_stop),
        cmocka_unit_test_teardown(test_ecall_ebreak, env_stop),
        cmocka_unit_test_teardown(test_debugger_sees_exceptions, env_stop),
        cmocka_unit_test_teardown(test_user_mode, env_stop),
        cmocka_unit_test_teardown(test_csr_rules, env_stop),
        cmocka_unit_test_teardown(test_csr_warl, env_stop),
        cmocka_unit_test_teardown(test_counters, env_stop),
        cmocka_unit_test_teardown(test_counters_rv32, env_stop),
        cmocka_unit_test_teardown(test_misaligned, env_stop),
        cmocka_unit_test_teardown(test_access_faults, env_stop),
        cmocka_unit_test_teardown(test_lrsc_amo, env_stop),
        cmocka_unit_test_teardown(test_timer_interrupt, env_stop),
        cmocka_unit_test_teardown(test_semihosting, env_stop),
        cmocka_unit_test_teardown(test_semihosting_off, env_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
