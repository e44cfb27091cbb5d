/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M cores run through the real engine (translator, IR interpreter,
 * software TLB, run loop): small Thumb programs check what is specific to
 * this target rather than every instruction (tests/isa/arm does that):
 * flags, IT blocks (also single-stepped and interrupted by a fault), the
 * exception model (reset through the vector table, SVC and its stack
 * frame, PendSV ordering, SysTick, fault escalation to HardFault with the
 * fault status registers, lockup, EXC_RETURN checks, stack realignment,
 * interrupt lines, priorities and masks), the exclusive monitor, the
 * special registers, branches and semihosting.
 *
 * The programs are tests/unit/targets/arm/exec/NAME.S, assembled at build
 * time into flat images (NAME.bin) with the vector table of runtime.S at
 * 0 and the program from CODE; data is at SRAM. The table sends each
 * exception to the program's handler of that name (svc_h, pendsv_h,
 * systick_h, usage_h, hard_h, nmi_h, irq0_h..irq3_h) or to a default one
 * that records the exception number, CFSR and HFSR in r11, r10 and r9 and
 * waits. So a program ends in a WFI, with nothing pending that could wake
 * it, and the test inspects the state.
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
#include "engine/machine/machine.h"
#include "targets/arm/arm.h"
#include "targets/arm/internals.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/targets/program.h"
#include "tests/unit/targets/support.h"

#define CODE 0x50u
#define SRAM 0x20000000u
#define MSP_TOP 0x20001000u

struct env {
    struct machine *m;
    struct cluster *c;
    struct arm_cpu *cpu;
};

static struct env env;

/* A core of @model ("cortex-m4") running program @name. */
static void env_start(const char *model, const char *name)
{
    static const struct ram_spec rams[] = {
        {"code", "0", "64K"}, {"sram", "0x20000000", "64K"}, {NULL, NULL, NULL}};
    char file[64];
    size_t size;
    void *prog;

    snprintf(file, sizeof(file), "%s.bin", name);
    prog = program_read("arm", file, &size);
    env.m = one_cluster_machine(&arm_target_ops, "rt", model, NULL, rams, 0, prog, size, &env.c);
    free(prog);
    env.cpu = arm_cpu(env.c->cpus[0]);
}

static int env_stop(void **state)
{
    (void)state;
    machine_free(env.m);
    memset(&env, 0, sizeof(env));
    return 0;
}

#define START(name) env_start("cortex-m4", name)

/* Run until the core waits (WFI with nothing to take) or the guest exits. */
static int run(void)
{
    return run_until_idle(env.m, &env.cpu->cpu);
}

static uint32_t reg(unsigned n)
{
    return env.cpu->r[n];
}

static uint32_t mem32(uint32_t addr)
{
    uint64_t v = 0;
    assert_int_equal(mem_view_read(env.c->view, addr, 4, &v), MEM_OK);
    return (uint32_t)v;
}

/* The default handler's record: exception number, CFSR, HFSR. */
static void expect_fault(unsigned exc, uint32_t cfsr, uint32_t hfsr)
{
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(11), exc);
    assert_int_equal(reg(10), cfsr);
    assert_int_equal(reg(9), hfsr);
}

/* The frame the first exception from Thread mode stacked on the MSP. */
static uint32_t frame(unsigned word)
{
    return mem32(MSP_TOP - 0x20 + 4 * word);
}

static void test_reset(void **state)
{
    (void)state;
    START("flags");
    assert_int_equal(reg(13), MSP_TOP);
    assert_int_equal(reg(15), CODE);
    assert_true(env.cpu->thumb);
    assert_int_equal(env.cpu->nvic.vtor, 0);
    assert_int_equal(env.cpu->nvic.ccr, CCR_STKALIGN);
    /* A system controller releasing the core with another vector table. */
    uint32_t table[2] = {0x20000800, 0x91};
    assert_int_equal(mem_view_write_buf(env.c->view, 0x400, table, 8, MEM_F_LOAD, NULL), 0);
    cpu_boot(&env.cpu->cpu, 0x400);
    assert_int_equal(env.cpu->nvic.vtor, 0x400);
    assert_int_equal(reg(13), 0x20000800);
    assert_int_equal(reg(15), 0x90);
    assert_int_equal(mem32(0xe000ed08), 0x400);      /* VTOR through the SCS */
    assert_int_equal(mem32(0xe000ed00), 0x410fc241); /* CPUID of a Cortex-M4 */
}

static void test_flags(void **state)
{
    (void)state;
    START("flags");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(1), 0x90000000);  /* 0x7fffffff + 1: N V */
    assert_int_equal(reg(2), 0x80000000);  /* 0 - 1: N, borrow (C clear) */
    assert_int_equal(reg(3), 0xa0000000);  /* -1 + -1: N C */
    assert_int_equal(reg(4), 0x60000000);  /* cmp 5, 5: Z C */
    assert_int_equal(reg(5), 0x30000000);  /* 0x80000000 - 1 - !C: C V */
    assert_int_equal(reg(6), 0x90000000);  /* 0x7fffffff * 2 + C: N V */
    assert_int_equal(reg(7), 0xb0000000);  /* asrs #32: C = bit 31, V kept */
    assert_int_equal(reg(9), 0xb8000000);  /* qadd saturates: Q */
    assert_int_equal(reg(10), 0xb80e0000); /* sadd8: GE from each byte's sign */
    assert_int_equal(reg(11), 0x000e0000); /* msr apsr_nzcvq keeps GE */
}

static void test_it_block(void **state)
{
    (void)state;
    START("it");
    assert_int_equal(run(), EXCP_HALTED);
    static const uint32_t want[] = {1, 10, 0, 30, 0, 8, 1, 99, 0, 2};
    for (unsigned r = 0; r < 10; r++)
        assert_int_equal(reg(r), want[r]);
}

/* One instruction at a time (one-instruction TBs): ITSTATE advances in
 * the CPU state between them, and xPSR shows it (IT[1:0] in bits 26:25,
 * IT[7:2] in bits 15:10). */
static void test_it_single_step(void **state)
{
    (void)state;
    static const uint8_t its[] = {0, 0, 0, 0x0b, 0x16, 0x0c, 0x18};
    START("itstep");
    for (unsigned i = 0; i < sizeof(its); i++) {
        assert_int_equal(env.cpu->itstate, its[i]);
        env.cpu->cpu.singlestep = true;
        env.cpu->cpu.budget = 100;
        assert_int_equal(accel_cpu_run(&env.cpu->cpu), EXCP_DEBUG);
        env.cpu->cpu.singlestep = false;
    }
    assert_int_equal(env.cpu->itstate, 0);
    assert_int_equal(reg(0), 5);
}

/* A fault inside an IT block stacks the faulting instruction's ITSTATE;
 * the handler returns past the UDF without advancing it, so the next
 * instruction runs under UDF's condition (eq) and the last one not. */
static void test_it_fault(void **state)
{
    (void)state;
    START("itfault");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(4), 0x65000800); /* stacked xPSR: Z C T, IT = 0x0a */
    assert_int_equal(reg(3), 3);
    assert_int_equal(env.cpu->itstate, 0);
}

static void test_svc_frame(void **state)
{
    (void)state;
    START("svc");
    assert_int_equal(run(), EXCP_HALTED);
    static const uint32_t stacked[] = {0x10, 0x11, 0x12, 0x13, 0x1c, 0x12345678, 0x76, 0x81000000};
    for (unsigned i = 0; i < 8; i++)
        assert_int_equal(mem32(SRAM + 0x100 + 4 * i), stacked[i]);
    assert_int_equal(mem32(SRAM + 0x120), 0xfffffffd); /* EXC_RETURN: Thread, PSP */
    assert_int_equal(reg(10), 0x200007e0);             /* the frame on the PSP */
    assert_int_equal(reg(11), ARM_EXC_SVC);
    assert_int_equal(reg(0), 42);   /* the handler's result */
    assert_int_equal(reg(1), 0x11); /* unstacked */
    assert_int_equal(reg(12), 0x1c);
    assert_int_equal(reg(14), 0x12345678);
    assert_int_equal(reg(6), 1);
    assert_int_equal(reg(7), 3);                       /* CONTROL: PSP, unprivileged */
    assert_int_equal(reg(8), 0);                       /* MRS PSP unprivileged reads 0 */
    assert_int_equal(reg(9), 0x20000800);              /* the PSP after unstacking */
    assert_int_equal(arm_xpsr_read(env.cpu) >> 28, 8); /* N restored */
    assert_int_equal(env.cpu->ipsr, 0);
}

static uint32_t log_entry(unsigned i)
{
    return mem32(SRAM + 4 * i);
}

static void expect_log(const uint32_t *want, unsigned n)
{
    assert_int_equal(log_entry(0), n);
    for (unsigned i = 0; i < n; i++)
        assert_int_equal(log_entry(i + 1), want[i]);
}

/* PendSV, pended by the SVC handler at the lowest priority, runs once the
 * SVC handler returns and before Thread mode continues. */
static void test_pendsv(void **state)
{
    (void)state;
    static const uint32_t want[] = {1, 2, 3, 5, 4};
    START("pendsv");
    assert_int_equal(run(), EXCP_HALTED);
    expect_log(want, 5);
    assert_int_equal(arm_active_count(env.cpu), 0);
}

/* SysTick on the processor clock (one count per instruction of virtual
 * time, cpu-freq 1 GHz): three wraps of 50000 counts while the core
 * sleeps in WFI, then semihosting exits with the count. */
static void test_systick(void **state)
{
    (void)state;
    START("systick");
    assert_int_equal(machine_run(env.m), 3);
    assert_int_equal(reg(4), 0x10007);             /* COUNTFLAG, CLKSOURCE, TICKINT, ENABLE */
    assert_true(reg(5) > 49950 && reg(5) < 50000); /* a few instructions after a wrap */
    assert_int_equal(reg(6), 9999);                /* CALIB: 10 ms of the 1 MHz reference */
    /* Slept to the third wrap, then ran out the quantum (10000 ns). */
    assert_true(env.m->clock_ns >= 150000 && env.m->clock_ns <= 160100);
}

static void test_fault_escalation(void **state)
{
    (void)state;
    START("udf");
    expect_fault(ARM_EXC_HARD, CFSR_UNDEFINSTR, HFSR_FORCED);
    assert_int_equal(frame(0), 7);          /* stacked r0 */
    assert_int_equal(frame(6), 0x52);       /* the UDF itself */
    assert_int_equal(frame(7), 0x01000000); /* xPSR: T */
    assert_int_equal(reg(14), 0xfffffff9);  /* EXC_RETURN: Thread, MSP */
    assert_int_equal(reg(13), MSP_TOP - 0x20);
    env_stop(NULL);
    START("udf_enabled");
    expect_fault(ARM_EXC_USAGE, CFSR_UNDEFINSTR, 0);
    env_stop(NULL);
    START("nocp");
    expect_fault(ARM_EXC_HARD, CFSR_NOCP, HFSR_FORCED);
}

static void test_div0(void **state)
{
    (void)state;
    START("div0");
    expect_fault(ARM_EXC_USAGE, CFSR_DIVBYZERO, 0);
    assert_int_equal(reg(3), 0); /* without DIV_0_TRP the quotient is 0 */
    assert_int_equal(reg(4), 0);
}

static void test_unaligned(void **state)
{
    (void)state;
    START("unaligned");
    expect_fault(ARM_EXC_HARD, CFSR_UNALIGNED, HFSR_FORCED);
    assert_int_equal(reg(3), 0x55443322); /* unaligned LDR allowed by default */
    assert_int_equal(reg(4), 0x5544);
    assert_int_equal(reg(6), 0x44); /* bytes never trap */
    env_stop(NULL);
    START("ldrd_unaligned");
    expect_fault(ARM_EXC_HARD, CFSR_UNALIGNED, HFSR_FORCED);
}

static void test_bus_fault(void **state)
{
    (void)state;
    START("busfault");
    expect_fault(ARM_EXC_HARD, CFSR_PRECISERR | CFSR_BFARVALID, HFSR_FORCED);
    assert_int_equal(mem32(0xe000ed38), 0x30000000); /* BFAR */
    /* The status registers are write-one-to-clear. */
    assert_int_equal(mem_view_write(env.c->view, 0xe000ed28, 4, CFSR_PRECISERR), MEM_OK);
    assert_int_equal(mem32(0xe000ed28), CFSR_BFARVALID);
}

/* A fault in the HardFault handler cannot escalate: lockup. */
static void test_lockup(void **state)
{
    (void)state;
    START("lockup");
    assert_int_equal(run(), EXCP_HALTED);
    assert_true(env.cpu->locked_up);
    assert_int_equal(reg(15), 0xfffffffe);
    assert_false(arm_has_work(&env.cpu->cpu));
}

static void test_bad_exc_return(void **state)
{
    (void)state;
    START("invpc");
    expect_fault(ARM_EXC_HARD, CFSR_INVPC, HFSR_FORCED);
    assert_false(arm_is_active(env.cpu, ARM_EXC_SVC)); /* deactivated first */
    env_stop(NULL);
    START("invstate");
    expect_fault(ARM_EXC_HARD, CFSR_INVSTATE, HFSR_FORCED);
    assert_int_equal(frame(6), 0x58);       /* faulted at the target */
    assert_int_equal(frame(7) & XPSR_T, 0); /* with EPSR.T clear */
}

/* An exception from an SP that is not 8-byte aligned realigns the frame
 * and records it in bit 9 of the stacked xPSR; return undoes it. */
static void test_stack_align(void **state)
{
    (void)state;
    START("stack_align");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(10), 0x20000fd8);
    assert_int_equal(reg(9), 0x01000200);
    assert_int_equal(reg(8), 0x20000ffc);
}

/* A level-sensitive line: pending while high, taken, and pending again
 * when the handler returns with the line still high; the handler
 * disables it the second time, which leaves it pending. */
static void test_irq_line(void **state)
{
    (void)state;
    struct irq_line line;
    START("irq");
    assert_int_equal(arm_target_ops.irq_in(&env.cpu->cpu, "irq", 240, &line, NULL), -ENOENT);
    assert_int_equal(arm_target_ops.irq_in(&env.cpu->cpu, "bogus", 0, &line, NULL), -ENOENT);
    assert_int_equal(arm_target_ops.irq_in(&env.cpu->cpu, "irq", 3, &line, NULL), 0);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(mem32(SRAM), 0);
    irq_raise(&line);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(mem32(SRAM), 2);
    assert_int_equal(reg(11), ARM_EXC_IRQ0 + 3);
    assert_int_equal(reg(4), 8); /* IABR: active in its handler */
    assert_int_equal(reg(5), 0); /* ISPR: pending cleared on entry */
    irq_lower(&line);
    assert_int_equal(mem32(0xe000e200), 8);
    assert_int_equal(mem32(0xe000e100), 0);
    assert_int_equal(mem32(0xe000e400), 0x40000000); /* IPR byte 3 */
}

/* BASEPRI and PRIMASK mask, a higher priority preempts, and with
 * PRIGROUP 7 (no group bits) nothing preempts another handler. */
static void test_priorities(void **state)
{
    (void)state;
    static const uint32_t want[] = {0x10, 0x11, 0x21, 0x22, 0x25, 0x20, 0x12,
                                    0x13, 0x22, 0x14, 0x23, 0x26, 0x22, 0x15};
    START("prio");
    assert_int_equal(run(), EXCP_HALTED);
    expect_log(want, sizeof(want) / sizeof(want[0]));
    assert_int_equal(mem32(0xe000ed0c), 0xfa050700); /* AIRCR: VECTKEYSTAT, PRIGROUP */
}

static void test_exclusive(void **state)
{
    (void)state;
    static const uint32_t want[] = {6, 0, 1, 6, 1, 6, 1, 6, 0, 0x77};
    START("excl");
    assert_int_equal(run(), EXCP_HALTED);
    for (unsigned i = 0; i < 10; i++)
        assert_int_equal(reg(2 + i), want[i]);
}

static void test_special_registers(void **state)
{
    (void)state;
    START("sysregs");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(0), MSP_TOP);
    assert_int_equal(reg(3), 0x20000800); /* SPSEL: r13 is the PSP */
    assert_int_equal(reg(4), MSP_TOP);
    assert_int_equal(reg(5), 0x60); /* BASEPRI_MAX cannot lower it */
    assert_int_equal(reg(6), 0x20); /* ... but raises it */
    assert_int_equal(reg(7), 1);
    assert_int_equal(reg(8), 0);           /* CPSIE f */
    assert_int_equal(reg(9), 0x20);        /* unprivileged MSR is ignored */
    assert_int_equal(reg(10), 0);          /* unprivileged MRS MSP reads 0 */
    assert_int_equal(reg(12), 0x40000000); /* MRS xPSR: no EPSR bits */
    assert_int_equal(reg(11), 1);          /* CONTROL.nPRIV seen from Handler mode */
}

static void test_branches(void **state)
{
    (void)state;
    START("branches");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(1), 12); /* TBB */
    assert_int_equal(reg(2), 21); /* TBH */
    assert_int_equal(reg(3), 0);  /* CBZ taken */
    assert_int_equal(reg(4), 40); /* CBNZ not taken */
    assert_int_equal(reg(5), 2);  /* BL and BLX, returning with POP {pc} */
    assert_int_equal(reg(7), 0);  /* POP {pc} and LDR pc skip their fall-through */
    assert_int_equal(reg(8), 8);
}

static void test_wfe_sev(void **state)
{
    (void)state;
    START("wfe");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(0), 1); /* the first WFE consumed SEV's event */
    assert_true(env.cpu->sleep_wfe);
    env.cpu->event = true; /* what another core's SEV does */
    cpu_interrupt(&env.cpu->cpu);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(0), 2);
    assert_false(env.cpu->sleep_wfe);
}

/* AIRCR.SYSRESETREQ resets the core (memory keeps its contents). */
static void test_sysresetreq(void **state)
{
    (void)state;
    START("sysreset");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(mem32(SRAM), 2);
    assert_int_equal(reg(4), 0);
    assert_int_equal(reg(13), MSP_TOP);
}

/* NMI is taken through PRIMASK and FAULTMASK. */
static void test_nmi(void **state)
{
    (void)state;
    START("nmi");
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(11), ARM_EXC_NMI);
    assert_int_equal(reg(6), 2);
    assert_int_equal(reg(5), 1);
    assert_int_equal(env.cpu->faultmask, 1); /* returning from NMI keeps it */
}

/* Run the machine, capturing what the guest writes to stdout into @out. */
static int run_captured(char *out, size_t len)
{
    capture_begin(STDOUT_FILENO);
    int r = machine_run(env.m);
    snprintf(out, len, "%s", capture_end());
    return r;
}

static void test_semihosting(void **state)
{
    (void)state;
    char out[64];
    START("semihost");
    assert_int_equal(run_captured(out, sizeof(out)), 42);
    assert_string_equal(out, "hello world\n!");
    assert_int_equal(reg(8), 1); /* ":tt" opened for writing is stdout */
    assert_int_equal(reg(9), 0); /* SYS_WRITE: nothing left unwritten */
    env_stop(NULL);
    START("semihost_exit"); /* SYS_EXIT, ADP_Stopped_ApplicationExit */
    assert_int_equal(machine_run(env.m), 0);
    assert_int_equal(reg(15), CODE + 6); /* after the BKPT */
    env_stop(NULL);
    START("semihost_fail"); /* SYS_EXIT with another reason */
    assert_int_equal(machine_run(env.m), 1);
}

/* With semihosting off, BKPT 0xAB is a debug event: no debugger and no
 * DebugMonitor, so a HardFault (DEBUGEVT). */
static void test_semihosting_off(void **state)
{
    (void)state;
    START("semihost_exit");
    assert_int_equal(object_set_prop_str(&env.c->obj, "semihosting", "off", NULL), 0);
    expect_fault(ARM_EXC_HARD, 0, HFSR_DEBUGEVT);
    assert_int_equal(frame(6), CODE + 4); /* the BKPT */
    assert_false(env.m->exit_requested);
}

/* The Cortex-M3 has no DSP extension: QADD is UNDEFINED there. */
static void test_m3(void **state)
{
    (void)state;
    env_start("cortex-m3", "flags");
    expect_fault(ARM_EXC_HARD, CFSR_UNDEFINSTR, HFSR_FORCED);
    assert_int_equal(mem32(0xe000ed00), 0x412fc231);
}

int main(void)
{
    if (program_skip_without(MOSAIC_ARM_CC, "arm-none-eabi-gcc"))
        return 0;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_reset, env_stop),
        cmocka_unit_test_teardown(test_flags, env_stop),
        cmocka_unit_test_teardown(test_it_block, env_stop),
        cmocka_unit_test_teardown(test_it_single_step, env_stop),
        cmocka_unit_test_teardown(test_it_fault, env_stop),
        cmocka_unit_test_teardown(test_svc_frame, env_stop),
        cmocka_unit_test_teardown(test_pendsv, env_stop),
        cmocka_unit_test_teardown(test_systick, env_stop),
        cmocka_unit_test_teardown(test_fault_escalation, env_stop),
        cmocka_unit_test_teardown(test_div0, env_stop),
        cmocka_unit_test_teardown(test_unaligned, env_stop),
        cmocka_unit_test_teardown(test_bus_fault, env_stop),
        cmocka_unit_test_teardown(test_lockup, env_stop),
        cmocka_unit_test_teardown(test_bad_exc_return, env_stop),
        cmocka_unit_test_teardown(test_stack_align, env_stop),
        cmocka_unit_test_teardown(test_irq_line, env_stop),
        cmocka_unit_test_teardown(test_priorities, env_stop),
        cmocka_unit_test_teardown(test_exclusive, env_stop),
        cmocka_unit_test_teardown(test_special_registers, env_stop),
        cmocka_unit_test_teardown(test_branches, env_stop),
        cmocka_unit_test_teardown(test_wfe_sev, env_stop),
        cmocka_unit_test_teardown(test_sysresetreq, env_stop),
        cmocka_unit_test_teardown(test_nmi, env_stop),
        cmocka_unit_test_teardown(test_semihosting, env_stop),
        cmocka_unit_test_teardown(test_semihosting_off, env_stop),
        cmocka_unit_test_teardown(test_m3, env_stop),
    };
    alarm(120); /* a guest that never stops must fail the test, not hang it */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
