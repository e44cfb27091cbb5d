/* SPDX-License-Identifier: MIT */
/*
 * The register truth check: every register of every RISC-V model's target
 * description (xml/) has an accessor in the target, every accessor names a
 * register some description has, and reads/writes through the description
 * reach the right hart state (x registers, pc, CSRs, priv, and on the gc
 * models the f registers and fcsr, 64 bits wide whatever XLEN).
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
#include "targets/riscv/internals.h"
#include "targets/riscv/riscv.h"
#include "tests/unit/targets/support.h"

static void test_every_register_has_an_accessor(void **state)
{
    (void)state;
    expect_every_register_has_an_accessor(&riscv_target_ops);
}

static void test_every_accessor_is_described(void **state)
{
    (void)state;
    expect_every_accessor_is_described(&riscv_target_ops);
}

static struct machine *m;
static struct riscv_cpu *hart;

static int setup(void **state)
{
    (void)state;
    setenv("MOSAIC_DATA_DIR", getenv("top_srcdir") ? getenv("top_srcdir") : MOSAIC_SRCDIR, 1);
    engine_register_types();
    target_register(&riscv_target_ops);
    m = machine_new("regs");
    struct cluster *c = cluster_new(&m->obj, "app", "riscv");
    assert_non_null(c);
    assert_int_equal(object_set_prop_str(&c->obj, "model", *(const char **)*state, NULL), 0);
    assert_int_equal(machine_realize(m), 0);
    machine_reset(m);
    hart = riscv_cpu(c->cpus[0]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    machine_free(m);
    return 0;
}

static uint64_t rd(const char *name)
{
    const struct tdesc *t = hart->cpu.cluster->tdesc;
    uint8_t buf[8] = {0};
    uint64_t v = 0;
    int n = tdesc_reg_read(t, &hart->cpu, tdesc_find_reg(t, name)->regnum, buf);
    memcpy(&v, buf, (size_t)n);
    return v;
}

static void wr(const char *name, uint64_t v)
{
    const struct tdesc *t = hart->cpu.cluster->tdesc;
    uint8_t buf[8];
    memcpy(buf, &v, 8);
    tdesc_reg_write(t, &hart->cpu, tdesc_find_reg(t, name)->regnum, buf);
}

static void test_access_rv64(void **state)
{
    (void)state;
    assert_string_equal(hart->cpu.cluster->tdesc->architecture, "riscv:rv64");
    hart->x[10] = 0x1122334455667788ull;
    assert_int_equal(rd("a0"), 0x1122334455667788ull);
    wr("sp", 0x80001000);
    assert_int_equal(hart->x[2], 0x80001000);
    wr("zero", 5);
    assert_int_equal(rd("zero"), 0);
    wr("pc", 0x80000040);
    assert_int_equal(hart->pc, 0x80000040);
    wr("mscratch", 0xabc);
    assert_int_equal(hart->mscratch, 0xabc);
    wr("mepc", 0x80000003); /* WARL: bit 0 is cleared as for the guest */
    assert_int_equal(rd("mepc"), 0x80000002);
    assert_int_equal(rd("misa") >> 62, 2); /* MXL = 64 */
    assert_int_equal(rd("priv"), 3);
    wr("priv", 2); /* no S-mode: ignored */
    assert_int_equal(rd("priv"), 3);
    wr("priv", 0);
    assert_int_equal(hart->priv, 0);
}

static void test_access_rv32(void **state)
{
    (void)state;
    assert_string_equal(hart->cpu.cluster->tdesc->architecture, "riscv:rv32");
    wr("a1", 0xffffffffull);
    assert_int_equal(rd("a1"), 0xffffffffull);
    assert_int_equal(rd("misa") >> 30, 1); /* MXL = 32 */
    assert_non_null(tdesc_find_reg(hart->cpu.cluster->tdesc, "mcycleh"));
    assert_int_equal(tdesc_find_reg(hart->cpu.cluster->tdesc, "pc")->bitsize, 32);
}

/* gc and gcb: the FPU feature, fcsr's fields, and misa's letters. */
static void test_access_fpu(void **state)
{
    (void)state;
    const struct tdesc *t = hart->cpu.cluster->tdesc;
    bool b = !strcmp(hart->cpu.model->name + 4, "gcb");
    assert_int_equal(tdesc_find_reg(t, "fa0")->bitsize, 64);
    assert_int_equal(tdesc_find_reg(t, "fcsr")->bitsize, 32);
    wr("ft3", 0x400921fb54442d18ull);
    assert_int_equal(hart->f[3], 0x400921fb54442d18ull);
    hart->f[31] = 0xffffffff3f800000ull;
    assert_int_equal(rd("ft11"), 0xffffffff3f800000ull);
    wr("fcsr", 0xe5);
    assert_int_equal(hart->frm, 7);
    assert_int_equal(hart->fflags, 5);
    assert_int_equal(rd("frm"), 7);
    wr("fflags", 0x3f);
    assert_int_equal(rd("fcsr"), 0xff);
    /* A, B (with Zba, Zbb, Zbs), C, D, F, I, M, U */
    assert_int_equal(rd("misa") & 0x3ffffff, 0x10112d | (b ? 2 : 0));
}

int main(void)
{
    static const char *rv64 = "rv64imac", *rv32 = "rv32imac";
    static const char *rv64gc = "rv64gc", *rv32gcb = "rv32gcb";
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_register_has_an_accessor),
        cmocka_unit_test(test_every_accessor_is_described),
        cmocka_unit_test_prestate_setup_teardown(test_access_rv64, setup, teardown, &rv64),
        cmocka_unit_test_prestate_setup_teardown(test_access_rv32, setup, teardown, &rv32),
        cmocka_unit_test_prestate_setup_teardown(test_access_fpu, setup, teardown, &rv64gc),
        cmocka_unit_test_prestate_setup_teardown(test_access_fpu, setup, teardown, &rv32gcb),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
