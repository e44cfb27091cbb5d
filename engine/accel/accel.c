/* SPDX-License-Identifier: MIT */
/*
 * The accelerator registry (the choices of a cluster's "accel" property,
 * TCG built in) and what the machine room asks of every accelerator a
 * machine uses: per-machine state, safe points, writes to code pages.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "engine/accel/accel.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

static const struct accel_ops *accels[ACCEL_MAX] = {&accel_tcg_ops};
const char *accel_names[ACCEL_MAX + 1] = {ACCEL_TCG_NAME};
static unsigned naccels = 1;

int accel_register(const struct accel_ops *ops)
{
    if (accel_find(ops->name))
        return -EEXIST;
    if (naccels == ACCEL_MAX)
        return -ENOSPC;
    accels[naccels] = ops;
    accel_names[naccels++] = ops->name;
    return 0;
}

const struct accel_ops *accel_at(int index)
{
    return index >= 0 && (unsigned)index < naccels ? accels[index] : NULL;
}

const struct accel_ops *accel_find(const char *name)
{
    for (unsigned i = 0; i < naccels; i++)
        if (!strcmp(accels[i]->name, name))
            return accels[i];
    return NULL;
}

void accel_list(char *buf, size_t len)
{
    buf[0] = '\0';
    for (unsigned i = 0; i < naccels; i++)
        snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "", accels[i]->name);
}

/* ---- per machine ------------------------------------------------------- */

void *accel_machine_state(struct machine *m, const struct accel_ops *ops)
{
    unsigned i = 0;
    while (i < ACCEL_MAX && m->accels[i].ops && m->accels[i].ops != ops)
        i++;
    if (i == ACCEL_MAX)
        return NULL; /* cannot happen: at most ACCEL_MAX accelerators exist */
    if (m->accels[i].ops)
        return m->accels[i].state;
    void *state = ops->machine_init ? ops->machine_init(m) : NULL;
    if (state || !ops->machine_init)
        m->accels[i] = (struct machine_accel){ops, state};
    return state;
}

void accel_machine_release(struct machine *m)
{
    for (unsigned i = 0; i < ACCEL_MAX && m->accels[i].ops; i++) {
        const struct accel_ops *ops = m->accels[i].ops;
        if (ops->machine_destroy)
            ops->machine_destroy(m, m->accels[i].state);
        m->accels[i] = (struct machine_accel){0};
    }
}

void accel_machine_quiescent(struct machine *m)
{
    for (unsigned i = 0; i < ACCEL_MAX && m->accels[i].ops; i++)
        if (m->accels[i].ops->quiescent)
            m->accels[i].ops->quiescent(m, m->accels[i].state);
}

void accel_code_written(struct mem_code_watcher *w, struct mem_region *r, uint64_t offset,
                        uint64_t len)
{
    struct machine *m = (struct machine *)((char *)w - offsetof(struct machine, code_watcher));
    for (unsigned i = 0; i < ACCEL_MAX && m->accels[i].ops; i++)
        if (m->accels[i].ops->memory_changed)
            m->accels[i].ops->memory_changed(m, m->accels[i].state, r, offset, len);
}

/* ---- per vCPU ---------------------------------------------------------- */

int accel_cpu_run(struct cpu *cpu)
{
    return cpu->accel->vcpu_run(cpu);
}

void accel_regs_get(struct cpu *cpu)
{
    if (cpu->accel && cpu->accel->regs_get)
        cpu->accel->regs_get(cpu);
}

void accel_regs_put(struct cpu *cpu)
{
    if (cpu->accel && cpu->accel->regs_put)
        cpu->accel->regs_put(cpu);
}
