/* SPDX-License-Identifier: MIT */
/*
 * The register descriptions of the FP and ARMv6-M models: arm-m-fp.xml
 * (Cortex-M4, M7) is the M-profile layout followed by gdb's
 * org.gnu.gdb.arm.vfp feature, d0-d15 as 64-bit registers and fpscr;
 * arm-m-v6.xml (Cortex-M0, M0+) has no basepri or faultmask. Through the
 * description of a Cortex-M4 cluster, d<n> is s<2n+1>:s<2n> of the core
 * and fpscr keeps only the bits that exist.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine/machine/machine.h"
#include "engine/machine/tdesc.h"
#include "targets/arm/arm.h"
#include "targets/arm/internals.h"
#include "tests/unit/targets/support.h"

static void test_fp_layout(void **state)
{
    (void)state;
    struct tdesc *t = tdesc_load(xml_dir(), "arm-m-fp.xml", arm_target_ops.regs);
    assert_non_null(t);
    assert_int_equal(t->nregs, 23 + 16 + 1);
    assert_string_equal(t->regs[22].name, "control");
    for (unsigned i = 0; i < 16; i++) {
        char name[8];
        snprintf(name, sizeof(name), "d%u", i);
        assert_string_equal(t->regs[23 + i].name, name);
        assert_int_equal(t->regs[23 + i].bitsize, 64);
        assert_string_equal(t->regs[23 + i].feature, "org.gnu.gdb.arm.vfp");
    }
    assert_string_equal(t->regs[39].name, "fpscr");
    assert_int_equal(t->regs[39].bitsize, 32);
    tdesc_free(t);
}

static void test_v6m_layout(void **state)
{
    (void)state;
    static const char *const system[] = {"msp", "psp", "primask", "control"};
    struct tdesc *t = tdesc_load(xml_dir(), "arm-m-v6.xml", arm_target_ops.regs);
    assert_non_null(t);
    assert_int_equal(t->nregs, 17 + 4);
    for (unsigned i = 0; i < 4; i++) {
        assert_string_equal(t->regs[17 + i].name, system[i]);
        assert_string_equal(t->regs[17 + i].feature, "org.gnu.gdb.arm.m-system");
    }
    assert_null(tdesc_find_reg(t, "basepri"));
    tdesc_free(t);
}

static void test_fp_access(void **state)
{
    (void)state;
    engine_register_types();
    target_register(&arm_target_ops);
    struct machine *m = machine_new("regs");
    struct cluster *c = cluster_new(&m->obj, "m4", "arm");
    assert_non_null(c);
    assert_int_equal(object_set_prop_str(&c->obj, "model", "cortex-m4", NULL), 0);
    assert_int_equal(machine_realize(m), 0);
    machine_reset(m);
    struct arm_cpu *core = arm_cpu(c->cpus[0]);
    const struct tdesc *t = c->tdesc;
    uint8_t buf[8];
    uint64_t d = 0x400921fb54442d18ull; /* pi */
    memcpy(buf, &d, 8);
    assert_int_equal(tdesc_reg_write(t, &core->cpu, tdesc_find_reg(t, "d3")->regnum, buf), 8);
    assert_int_equal(core->vfp[6], 0x54442d18u);
    assert_int_equal(core->vfp[7], 0x400921fbu);
    core->vfp[30] = 0x3f800000u;
    core->vfp[31] = 0x40000000u;
    assert_int_equal(tdesc_reg_read(t, &core->cpu, tdesc_find_reg(t, "d15")->regnum, buf), 8);
    memcpy(&d, buf, 8);
    assert_int_equal(d, 0x400000003f800000ull);
    uint32_t f = 0xffffffffu;
    memcpy(buf, &f, 4);
    assert_int_equal(tdesc_reg_write(t, &core->cpu, tdesc_find_reg(t, "fpscr")->regnum, buf), 4);
    assert_int_equal(core->fpscr, FPSCR_MASK);
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fp_layout),
        cmocka_unit_test(test_v6m_layout),
        cmocka_unit_test(test_fp_access),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
