/* SPDX-License-Identifier: MIT */
/*
 * The accelerator seam (engine/accel/accel.h): the registry behind the
 * clusters' "accel" property, and a fake accelerator plugged in beside TCG
 * to show that the machine room drives execution, run control and memory
 * notifications through accel_ops alone (as KVM will).
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
#include "tests/unit/common/toy.h"

static const struct accel_ops fake_accel;

/* What the fake accelerator was asked to do. */
static struct {
    int machine_init, machine_destroy, cluster_init, cluster_destroy;
    int vcpu_create, vcpu_destroy, vcpu_reset, run, kick, quiescent;
    int bp_insert, bp_remove, wp_insert, wp_remove, step_on, step_off;
    int regs_get, regs_put, memory_changed;
    gaddr bp_addr, wp_addr;
    uint64_t wp_len, changed_off, changed_len;
    struct machine *m;
} fake;

static void *f_machine_init(struct machine *m)
{
    fake.machine_init++;
    fake.m = m;
    return &fake;
}

static void f_machine_destroy(struct machine *m, void *state)
{
    assert_ptr_equal(m, fake.m);
    assert_ptr_equal(state, &fake);
    fake.machine_destroy++;
}

static int f_cluster_init(struct cluster *c)
{
    assert_ptr_equal(accel_machine_state(c->machine, &fake_accel), &fake);
    fake.cluster_init++;
    return 0;
}

/* clang-format off */
static void f_cluster_destroy(struct cluster *c) { (void)c; fake.cluster_destroy++; }
static int f_vcpu_create(struct cpu *cpu) { cpu->accel_state = &fake; fake.vcpu_create++; return 0; }
static void f_vcpu_destroy(struct cpu *cpu) { (void)cpu; fake.vcpu_destroy++; }
static void f_vcpu_reset(struct cpu *cpu) { (void)cpu; fake.vcpu_reset++; }
static void f_kick(struct cpu *cpu) { (void)cpu; fake.kick++; }
static void f_regs_get(struct cpu *cpu) { (void)cpu; fake.regs_get++; }
static void f_regs_put(struct cpu *cpu) { (void)cpu; fake.regs_put++; }
/* clang-format on */

/* "Executes" its whole budget at once. */
static int f_run(struct cpu *cpu)
{
    fake.run++;
    cpu->icount += (uint64_t)cpu->budget;
    cpu->budget = 0;
    return EXCP_YIELD;
}

static int f_bp_insert(struct cluster *c, const struct debug_point *p)
{
    assert_true(debug_bp_at(c, p->addr)); /* the list is updated first */
    fake.bp_insert++;
    fake.bp_addr = p->addr;
    return p->addr == 0xbad ? -ENOSPC : 0;
}

static int f_bp_remove(struct cluster *c, const struct debug_point *p)
{
    assert_false(debug_bp_at(c, p->addr));
    fake.bp_remove++;
    fake.bp_addr = p->addr;
    return 0;
}

static int f_wp_insert(struct cluster *c, const struct debug_point *p)
{
    (void)c;
    fake.wp_insert++;
    fake.wp_addr = p->addr;
    fake.wp_len = p->len;
    return 0;
}

static int f_wp_remove(struct cluster *c, const struct debug_point *p)
{
    (void)c;
    (void)p;
    fake.wp_remove++;
    return 0;
}

static void f_set_singlestep(struct cpu *cpu, bool on)
{
    assert_int_equal(cpu->singlestep, on);
    if (on)
        fake.step_on++;
    else
        fake.step_off++;
}

static void f_memory_changed(struct machine *m, void *state, struct mem_region *r, uint64_t offset,
                             uint64_t len)
{
    (void)r;
    assert_ptr_equal(m, fake.m);
    assert_ptr_equal(state, &fake);
    fake.memory_changed++;
    fake.changed_off = offset;
    fake.changed_len = len;
}

static void f_quiescent(struct machine *m, void *state)
{
    (void)m;
    (void)state;
    fake.quiescent++;
}

static const struct accel_ops fake_accel = {
    .name = "fake",
    .machine_init = f_machine_init,
    .machine_destroy = f_machine_destroy,
    .cluster_init = f_cluster_init,
    .cluster_destroy = f_cluster_destroy,
    .vcpu_create = f_vcpu_create,
    .vcpu_destroy = f_vcpu_destroy,
    .vcpu_reset = f_vcpu_reset,
    .vcpu_run = f_run,
    .vcpu_kick = f_kick,
    .regs_get = f_regs_get,
    .regs_put = f_regs_put,
    .bp_insert = f_bp_insert,
    .bp_remove = f_bp_remove,
    .wp_insert = f_wp_insert,
    .wp_remove = f_wp_remove,
    .set_singlestep = f_set_singlestep,
    .memory_changed = f_memory_changed,
    .quiescent = f_quiescent,
};

static int setup_group(void **state)
{
    (void)state;
    return accel_register(&fake_accel);
}

static int setup(void **state)
{
    (void)state;
    memset(&fake, 0, sizeof(fake));
    return 0;
}

static void test_registry(void **state)
{
    char list[64];
    (void)state;
    assert_ptr_equal(accel_at(0), &accel_tcg_ops);
    assert_string_equal(accel_names[0], "tcg");
    assert_ptr_equal(accel_find("tcg"), &accel_tcg_ops);
    assert_ptr_equal(accel_find("fake"), &fake_accel);
    assert_string_equal(accel_names[1], "fake");
    assert_null(accel_names[2]);
    assert_null(accel_find("kvm"));
    assert_null(accel_at(2));
    assert_int_equal(accel_register(&fake_accel), -EEXIST);
    accel_list(list, sizeof(list));
    assert_string_equal(list, "tcg, fake");
}

/* The property accepts what is registered and refuses anything else,
 * whoever sets it (-set, a board file and the monitor all come here). */
static void test_unknown_accel_refused(void **state)
{
    char value[16];
    (void)state;
    struct machine *m = toy_machine_new(1, 1, 100);
    struct object *c = object_resolve(&m->obj, "c0");
    assert_non_null(c);
    assert_int_equal(object_get_prop_str(c, "accel", value, sizeof(value)), 0);
    assert_string_equal(value, "tcg");
    assert_int_equal(object_set_prop_str(c, "accel", "kvm", NULL), -EINVAL);
    assert_int_equal(object_set_assignment(&m->obj, "/c0.accel=kvm", NULL), -EINVAL);
    assert_int_equal(object_get_prop_str(c, "accel", value, sizeof(value)), 0);
    assert_string_equal(value, "tcg");
    assert_int_equal(object_set_prop_str(c, "accel", "fake", NULL), 0);
    toy_machine_realize(m);
    assert_ptr_equal(((struct cluster *)c)->accel, &fake_accel);
    assert_int_equal(object_set_prop_str(c, "accel", "tcg", NULL), -EBUSY); /* fixed now */
    machine_free(m);
}

static void test_machine_room_drives_the_accel(void **state)
{
    struct toy_alarm alarm;
    (void)state;
    struct machine *m = toy_machine_new(1, 2, 50);
    struct cluster *c = (struct cluster *)object_resolve(&m->obj, "c0");
    assert_int_equal(object_set_prop_str(&c->obj, "accel", "fake", NULL), 0);
    toy_machine_realize(m);
    assert_int_equal(fake.machine_init, 1);
    assert_int_equal(fake.cluster_init, 1);
    assert_int_equal(fake.vcpu_create, 2);
    assert_int_equal(fake.vcpu_reset, 2);
    assert_ptr_equal(m->accels[0].ops, &fake_accel);
    assert_null(m->accels[1].ops); /* TCG was never asked */

    /* The scheduler runs CPUs through the accelerator and reaches its safe
     * point every round; nothing is translated. */
    toy_alarm_arm(&alarm, m, 150, 4);
    assert_int_equal(machine_run(m), 4);
    assert_int_equal(fake.run, 6);
    assert_int_equal(fake.quiescent, 3);
    assert_int_equal(c->cpus[0]->icount, 150);
    assert_int_equal(toy_translations, 0);

    /* Run control: points, steps, kicks. */
    assert_int_equal(debug_bp_insert(c, BP_SW, 0x1234), 0);
    assert_int_equal(fake.bp_insert, 1);
    assert_int_equal(fake.bp_addr, 0x1234);
    assert_int_equal(debug_bp_insert(c, BP_SW, 0x1234), 0); /* again: no news */
    assert_int_equal(fake.bp_insert, 1);
    assert_int_equal(debug_bp_insert(c, BP_SW, 0xbad), -ENOSPC);
    assert_false(debug_bp_at(c, 0xbad)); /* refused: not listed */
    assert_int_equal(debug_bp_remove(c, BP_SW, 0x1234), 0);
    assert_int_equal(fake.bp_remove, 1);
    assert_int_equal(debug_wp_insert(c, WP_WRITE, 0x2000, 8), 0);
    assert_int_equal(fake.wp_insert, 1);
    assert_int_equal(fake.wp_addr, 0x2000);
    assert_int_equal(fake.wp_len, 8);
    debug_clear_all(c);
    assert_int_equal(fake.wp_remove, 1);
    int kicks = fake.kick;
    debug_cpu_stop(c->cpus[1]);
    assert_int_equal(fake.kick, kicks + 1);
    assert_int_equal(fake.step_off, 1);
    debug_cpu_resume(c->cpus[1], true, 0);
    assert_int_equal(fake.step_on, 1);
    cpu_interrupt(c->cpus[0]);
    assert_int_equal(fake.kick, kicks + 2);

    /* A write to a page marked as code reaches the accelerator. */
    const struct mem_mapping *map = mem_view_find(c->view, TOY_RAM);
    mem_region_mark_code(map->region, 0x100, &m->code_watcher);
    assert_int_equal(mem_view_write(c->view, TOY_RAM + 0x104, 4, 7), MEM_OK);
    assert_int_equal(fake.memory_changed, 1);
    assert_int_equal(fake.changed_off, 0x104);
    assert_int_equal(fake.changed_len, 4);

    /* Reset goes to the vCPUs; the machine's end destroys what was made. */
    cluster_reset(c);
    assert_int_equal(fake.vcpu_reset, 4);
    machine_free(m);
    assert_int_equal(fake.vcpu_destroy, 2);
    assert_int_equal(fake.cluster_destroy, 1);
    assert_int_equal(fake.machine_destroy, 1);
}

/* Two accelerators in one machine: each has its own per-machine state and
 * its own clusters; a write to code reaches both. */
static void test_mixed_machine(void **state)
{
    (void)state;
    struct machine *m = toy_machine_new(2, 1, 100);
    assert_int_equal(object_set_prop_str(object_resolve(&m->obj, "c1"), "accel", "fake", NULL), 0);
    toy_machine_realize(m);
    assert_ptr_equal(m->clusters[0]->accel, &accel_tcg_ops);
    assert_ptr_equal(m->clusters[1]->accel, &fake_accel);
    assert_ptr_equal(m->accels[0].ops, &accel_tcg_ops);
    assert_ptr_equal(m->accels[1].ops, &fake_accel);
    static const uint32_t p[] = {TOY_WFI};
    toy_load(m, TOY_RAM, p, 1);
    struct cpu *tcg_cpu = m->clusters[0]->cpus[0];
    tcg_cpu->budget = 10;
    assert_int_equal(accel_cpu_run(tcg_cpu), EXCP_HALTED); /* translated: code page marked */
    assert_int_equal(toy_translations, 1);
    assert_int_equal(fake.run, 0);
    assert_int_equal(mem_view_write(m->clusters[1]->view, TOY_RAM, 4, 0), MEM_OK);
    assert_int_equal(fake.memory_changed, 1);
    assert_int_equal(tb_cache_count(m->clusters[0]->accel_state), 0);
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_registry, setup),
        cmocka_unit_test_setup(test_unknown_accel_refused, setup),
        cmocka_unit_test_setup(test_machine_room_drives_the_accel, setup),
        cmocka_unit_test_setup(test_mixed_machine, setup),
    };
    return cmocka_run_group_tests(tests, setup_group, NULL);
}
