/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for target descriptions (engine/tdesc.c): the shipped RISC-V
 * files parse with their includes, numbering is dense, registers bind to
 * accessors by name, and broken files or missing accessors are errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "engine/machine/target.h"
#include "engine/machine/tdesc.h"
#include "tests/unit/common/tmpdir.h"

/* Not a target: a CPU-shaped struct whose fields the accessors bind to. */
struct regs_cpu {
    struct cpu cpu;
    uint64_t regs[64];
};

static const char *const names[] = {
    "zero",    "ra",        "sp",       "gp",      "tp",         "t0",
    "t1",      "t2",        "fp",       "s1",      "a0",         "a1",
    "a2",      "a3",        "a4",       "a5",      "a6",         "a7",
    "s2",      "s3",        "s4",       "s5",      "s6",         "s7",
    "s8",      "s9",        "s10",      "s11",     "t3",         "t4",
    "t5",      "t6",        "pc",       "mstatus", "misa",       "mie",
    "mtvec",   "mscratch",  "mepc",     "mcause",  "mtval",      "mip",
    "mhartid", "mvendorid", "marchid",  "mimpid",  "mcounteren", "mcountinhibit",
    "mcycle",  "minstret",  "mstatush", "mcycleh", "minstreth",  "priv",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

static struct target_reg accessors[NNAMES + 1];

static uint64_t get_twice(struct cpu *cpu, const struct target_reg *r)
{
    return ((struct regs_cpu *)cpu)->regs[r->arg] * 2;
}

static int setup(void **state)
{
    (void)state;
    for (unsigned i = 0; i < NNAMES; i++)
        accessors[i] = (struct target_reg){
            .name = names[i], .offset = offsetof(struct regs_cpu, regs[i]), .size = 8};
    accessors[NNAMES] = (struct target_reg){0};
    return 0;
}

static char xml_dir[1024];

static const char *xmldir(void)
{
    snprintf(xml_dir, sizeof(xml_dir), "%s/xml",
             getenv("top_srcdir") ? getenv("top_srcdir") : MOSAIC_SRCDIR);
    return xml_dir;
}

static void test_rv64(void **state)
{
    (void)state;
    struct tdesc *t = tdesc_load(xmldir(), "riscv-64.xml", accessors);
    assert_non_null(t);
    assert_string_equal(t->architecture, "riscv:rv64");
    assert_int_equal(t->nfiles, 4);
    assert_non_null(tdesc_find_file(t, "target.xml"));
    assert_non_null(tdesc_find_file(t, "riscv-64-csr.xml"));
    const struct tdesc_reg *pc = tdesc_find_reg(t, "pc");
    assert_non_null(pc);
    assert_int_equal(pc->regnum, 32);
    assert_int_equal(pc->bitsize, 64);
    assert_string_equal(pc->feature, "org.gnu.gdb.riscv.cpu");
    const struct tdesc_reg *ms = tdesc_find_reg(t, "mstatus");
    assert_string_equal(ms->group, "system");
    assert_null(tdesc_find_reg(t, "mstatush")); /* rv32 only */
    for (unsigned i = 0; i < t->nregs; i++)
        assert_int_equal(t->regs[i].regnum, i);
    tdesc_free(t);
}

static void test_reg_access(void **state)
{
    (void)state;
    struct regs_cpu cpu = {0};
    struct tdesc *t = tdesc_load(xmldir(), "riscv-32.xml", accessors);
    assert_non_null(t);
    assert_string_equal(t->architecture, "riscv:rv32");
    unsigned a0 = tdesc_find_reg(t, "a0")->regnum;
    cpu.regs[10] = 0x1122334455667788ull;
    uint8_t buf[8] = {0};
    assert_int_equal(tdesc_reg_read(t, &cpu.cpu, a0, buf), 4); /* 32-bit view */
    assert_int_equal(buf[0], 0x88);
    assert_int_equal(buf[3], 0x55);
    uint8_t in[4] = {1, 2, 3, 4};
    assert_int_equal(tdesc_reg_write(t, &cpu.cpu, a0, in), 4);
    assert_int_equal(cpu.regs[10], 0x04030201); /* zero-extended into the field */
    assert_int_equal(tdesc_reg_read(t, &cpu.cpu, t->nregs, buf), -1);
    tdesc_free(t);
}

static void test_get_function(void **state)
{
    (void)state;
    struct regs_cpu cpu = {0};
    unsigned i = 0;
    while (strcmp(accessors[i].name, "mcause"))
        i++;
    accessors[i] = (struct target_reg){.name = "mcause", .get = get_twice, .arg = 3};
    cpu.regs[3] = 21;
    struct tdesc *t = tdesc_load(xmldir(), "riscv-64.xml", accessors);
    uint8_t buf[8];
    assert_int_equal(tdesc_reg_read(t, &cpu.cpu, tdesc_find_reg(t, "mcause")->regnum, buf), 8);
    assert_int_equal(buf[0], 42);
    tdesc_free(t);
}

static void test_missing_accessor(void **state)
{
    (void)state;
    accessors[5].name = "not-t0";
    assert_null(tdesc_load(xmldir(), "riscv-64.xml", accessors));
    accessors[5].name = "t0";
}

static void test_broken_files(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    free(tmpdir_write_text(dir, "bad.xml",
                           "<target><feature name=\"x\"><reg name=\"zero\"/></feature></target>"));
    assert_null(tdesc_load(dir, "bad.xml", accessors)); /* no bitsize */
    free(tmpdir_write_text(dir, "gap.xml",
                           "<target><feature name=\"x\"><reg name=\"zero\" bitsize=\"32\"/>"
                           "<reg name=\"ra\" bitsize=\"32\" regnum=\"5\"/></feature></target>"));
    assert_null(tdesc_load(dir, "gap.xml", accessors));
    free(tmpdir_write_text(dir, "inc.xml", "<target><xi:include href=\"missing.xml\"/></target>"));
    assert_null(tdesc_load(dir, "inc.xml", accessors));
    free(tmpdir_write_text(dir, "loop.xml", "<target><xi:include href=\"loop.xml\"/></target>"));
    assert_null(tdesc_load(dir, "loop.xml", accessors));
    free(tmpdir_write_text(dir, "junk.xml", "<target><feature"));
    assert_null(tdesc_load(dir, "junk.xml", accessors));
    assert_null(tdesc_load(dir, "absent.xml", accessors));
    tmpdir_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_rv64, setup),
        cmocka_unit_test_setup(test_reg_access, setup),
        cmocka_unit_test_setup(test_get_function, setup),
        cmocka_unit_test_setup(test_missing_accessor, setup),
        cmocka_unit_test_setup(test_broken_files, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
