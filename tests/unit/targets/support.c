/* SPDX-License-Identifier: MIT */
/* What the target unit tests share (see support.h). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "engine/machine/tdesc.h"
#include "tests/unit/targets/support.h"

struct machine *one_cluster_machine(const struct target_ops *ops, const char *cluster,
                                    const char *model, const char *reset_pc,
                                    const struct ram_spec *rams, gaddr load_at, const void *prog,
                                    size_t size, struct cluster **c)
{
    engine_register_types();
    int err = target_register(ops);
    assert_true(err == 0 || err == -EEXIST);
    struct machine *m = machine_new("t");
    assert_non_null(m);
    *c = cluster_new(&m->obj, cluster, ops->arch);
    assert_non_null(*c);
    assert_int_equal(object_set_prop_str(&(*c)->obj, "model", model, NULL), 0);
    if (reset_pc)
        assert_int_equal(object_set_prop_str(&(*c)->obj, "reset-pc", reset_pc, NULL), 0);
    for (const struct ram_spec *r = rams; r->name; r++) {
        struct object *ram = object_new("ram", &m->obj, r->name);
        assert_non_null(ram);
        assert_int_equal(object_set_prop_str(ram, "base", r->base, NULL), 0);
        assert_int_equal(object_set_prop_str(ram, "size", r->size, NULL), 0);
    }
    assert_int_equal(machine_realize(m), 0);
    assert_int_equal(mem_view_write_buf((*c)->view, load_at, prog, size, MEM_F_LOAD, NULL), 0);
    machine_reset(m);
    return m;
}

int run_until_idle(struct machine *m, struct cpu *cpu)
{
    int r = EXCP_YIELD;
    for (int i = 0; i < 100; i++) {
        cpu->budget = 10000;
        r = accel_cpu_run(cpu);
        if (r != EXCP_YIELD && (r != EXCP_INTERRUPT || m->exit_requested))
            break;
    }
    return r;
}

const char *xml_dir(void)
{
    static char dir[1024];
    const char *top = getenv("top_srcdir");
    snprintf(dir, sizeof(dir), "%s/xml", top ? top : MOSAIC_SRCDIR);
    return dir;
}

void expect_every_register_has_an_accessor(const struct target_ops *ops)
{
    for (const struct cpu_model *m = ops->models; m->name; m++) {
        struct tdesc *t = tdesc_load(xml_dir(), m->tdesc, ops->regs);
        if (!t)
            fail_msg("%s: %s does not bind to the target's accessors", m->name, m->tdesc);
        tdesc_free(t);
    }
}

void expect_every_accessor_is_described(const struct target_ops *ops)
{
    struct tdesc *descs[16];
    size_t n = 0;
    for (const struct cpu_model *m = ops->models; m->name; m++) {
        assert_true(n < sizeof(descs) / sizeof(descs[0]));
        descs[n] = tdesc_load(xml_dir(), m->tdesc, ops->regs);
        assert_non_null(descs[n]);
        n++;
    }
    for (const struct target_reg *r = ops->regs; r->name; r++) {
        bool found = false;
        for (size_t i = 0; i < n && !found; i++)
            found = tdesc_find_reg(descs[i], r->name) != NULL;
        if (!found)
            fail_msg("accessor '%s' names no described register", r->name);
    }
    for (size_t i = 0; i < n; i++)
        tdesc_free(descs[i]);
}
