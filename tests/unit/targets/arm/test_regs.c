/* SPDX-License-Identifier: MIT */
/*
 * The register truth check: every register of every Cortex-M model's
 * target description (xml/arm-m*.xml) has an accessor in the target,
 * every accessor names a described register, the numbering is the one gdb
 * expects (r0-r12, sp, lr, pc, xpsr, then the system feature), and reads
 * and writes through the description reach the right core state: xpsr
 * assembled from flags, ITSTATE, T and the exception number, and msp/psp
 * reaching the banked stack pointers whichever one r13 is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/machine/machine.h"
#include "engine/machine/tdesc.h"
#include "targets/arm/arm.h"
#include "targets/arm/internals.h"
#include "tests/unit/targets/support.h"

static void test_every_register_has_an_accessor(void **state)
{
    (void)state;
    expect_every_register_has_an_accessor(&arm_target_ops);
}

static void test_every_accessor_is_described(void **state)
{
    (void)state;
    expect_every_accessor_is_described(&arm_target_ops);
}

/* gdb finds the core registers by name in org.gnu.gdb.arm.m-profile and
 * msp/psp in org.gnu.gdb.arm.m-system (it unwinds exception frames with
 * them); the 'g' packet follows the numbers. */
static void test_layout(void **state)
{
    (void)state;
    static const char *const order[] = {
        "r0",   "r1",  "r2",  "r3",      "r4",      "r5",        "r6",      "r7",
        "r8",   "r9",  "r10", "r11",     "r12",     "sp",        "lr",      "pc",
        "xpsr", "msp", "psp", "primask", "basepri", "faultmask", "control",
    };
    struct tdesc *t = tdesc_load(xml_dir(), "arm-m.xml", arm_target_ops.regs);
    assert_non_null(t);
    assert_string_equal(t->architecture, "arm");
    assert_int_equal(t->nregs, sizeof(order) / sizeof(order[0]));
    for (unsigned i = 0; i < t->nregs; i++) {
        assert_string_equal(t->regs[i].name, order[i]);
        assert_int_equal(t->regs[i].bitsize, 32);
        assert_string_equal(t->regs[i].feature,
                            i <= 16 ? "org.gnu.gdb.arm.m-profile" : "org.gnu.gdb.arm.m-system");
    }
    tdesc_free(t);
}

static struct machine *m;
static struct arm_cpu *core;

static int setup(void **state)
{
    (void)state;
    engine_register_types();
    target_register(&arm_target_ops);
    m = machine_new("regs");
    struct cluster *c = cluster_new(&m->obj, "rt", "arm");
    assert_non_null(c);
    assert_int_equal(object_set_prop_str(&c->obj, "model", "cortex-m4", NULL), 0);
    assert_int_equal(machine_realize(m), 0);
    machine_reset(m);
    core = arm_cpu(c->cpus[0]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    machine_free(m);
    return 0;
}

static uint32_t rd(const char *name)
{
    const struct tdesc *t = core->cpu.cluster->tdesc;
    uint8_t buf[4] = {0};
    uint32_t v;
    assert_int_equal(tdesc_reg_read(t, &core->cpu, tdesc_find_reg(t, name)->regnum, buf), 4);
    memcpy(&v, buf, 4);
    return v;
}

static void wr(const char *name, uint32_t v)
{
    const struct tdesc *t = core->cpu.cluster->tdesc;
    uint8_t buf[4];
    memcpy(buf, &v, 4);
    assert_int_equal(tdesc_reg_write(t, &core->cpu, tdesc_find_reg(t, name)->regnum, buf), 4);
}

static void test_core_registers(void **state)
{
    (void)state;
    core->r[5] = 0x12345678;
    assert_int_equal(rd("r5"), 0x12345678);
    wr("r12", 0xcafef00d);
    assert_int_equal(core->r[12], 0xcafef00d);
    wr("lr", 0xfffffff9);
    assert_int_equal(core->r[14], 0xfffffff9);
    wr("pc", 0x101);
    assert_int_equal(core->r[15], 0x100);
    wr("sp", 0x20000ffe);
    assert_int_equal(rd("sp"), 0x20000ffc); /* SP bits 1:0 are zero */
}

static void test_xpsr(void **state)
{
    (void)state;
    /* After reset from a vector table that is not there: EPSR.T is the
     * (absent) reset vector's bit 0, flags clear, Thread mode. */
    assert_int_equal(rd("xpsr"), 0);
    core->thumb = 1;
    core->nf = 0x80000000;
    core->zf = 0;
    core->cf = 1;
    core->vf = 0;
    core->qf = 1;
    core->ge = 0x5;
    core->itstate = 0x0b;
    core->ipsr = 11;
    assert_int_equal(rd("xpsr"), 0xee050800 | 0x01000000 | 11); /* NZCQ, GE, IT, T */
    /* A write changes APSR and EPSR, not the exception number. */
    wr("xpsr", 0x10000000 | 0x01000000 | 0x04000000 | 3);
    assert_int_equal(core->nf, 0);
    assert_int_equal(core->zf != 0, 1);
    assert_int_equal(core->cf, 0);
    assert_int_equal(core->vf >> 31, 1);
    assert_int_equal(core->itstate, 2);
    assert_int_equal(core->ipsr, 11);
    assert_int_equal(rd("xpsr"), 0x15000000 | 11);
}

static void test_banked_stack_pointers(void **state)
{
    (void)state;
    wr("sp", 0x20001000);
    wr("psp", 0x20000800);
    assert_int_equal(rd("msp"), 0x20001000);
    assert_int_equal(rd("psp"), 0x20000800);
    wr("control", CONTROL_SPSEL); /* Thread mode on the process stack */
    assert_int_equal(rd("sp"), 0x20000800);
    assert_int_equal(rd("msp"), 0x20001000);
    wr("msp", 0x20000f00);
    assert_int_equal(rd("sp"), 0x20000800);
    wr("control", 0);
    assert_int_equal(rd("sp"), 0x20000f00);
    wr("primask", 3);
    assert_int_equal(rd("primask"), 1);
    wr("basepri", 0x1a0);
    assert_int_equal(rd("basepri"), 0xa0);
    wr("faultmask", 1);
    assert_int_equal(core->faultmask, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_register_has_an_accessor),
        cmocka_unit_test(test_every_accessor_is_described),
        cmocka_unit_test(test_layout),
        cmocka_unit_test_setup_teardown(test_core_registers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xpsr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_banked_stack_pointers, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
