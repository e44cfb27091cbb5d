/* SPDX-License-Identifier: MIT */
/*
 * test-finisher: the guest ends the run by writing a status word, compatible
 * with QEMU virt's "sifive_test" device at 0x100000 (also SiFive's test
 * finisher): low 16 bits 0x5555 = pass (exit 0), 0x3333 = fail with the
 * exit code in the upper 16 bits, 0x7777 = system reset (not supported).
 */
#include <errno.h>

#include "boards/board.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"

#define FINISHER_FAIL 0x3333
#define FINISHER_PASS 0x5555
#define FINISHER_RESET 0x7777
#define FINISHER_SIZE 0x1000

struct test_finisher {
    struct sysbus bus;
};

static int finisher_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    (void)opaque;
    (void)offset;
    (void)size;
    *value = 0;
    return MEM_OK;
}

static int finisher_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct test_finisher *t = opaque;
    struct machine *m = machine_of(OBJECT(&t->bus));
    unsigned status = value & 0xffff, code = (value >> 16) & 0xffff;

    (void)size;
    if (offset != 0) {
        log_debug(LOG_UNIMP, "%s: write 0x%llx at offset 0x%llx ignored", t->bus.obj.name,
                  (unsigned long long)value, (unsigned long long)offset);
        return MEM_OK;
    }
    switch (status) {
    case FINISHER_PASS: machine_request_exit(m, 0); break;
    case FINISHER_FAIL: machine_request_exit(m, (int)code); break;
    case FINISHER_RESET:
        log_warn("%s: the guest asked for a system reset, which is not supported; ignored",
                 t->bus.obj.name);
        break;
    default:
        log_debug(LOG_UNIMP, "%s: unknown status 0x%04x ignored", t->bus.obj.name, status);
        break;
    }
    return MEM_OK;
}

static const struct mem_region_ops finisher_ops = {
    .read = finisher_read,
    .write = finisher_write,
    .max_access = 4,
};

static int finisher_realize(struct object *obj)
{
    struct test_finisher *t = (struct test_finisher *)obj;

    t->bus.region = mem_region_new_mmio(obj->name, FINISHER_SIZE, &finisher_ops, t);
    return t->bus.region ? 0 : -ENOMEM;
}

const struct object_type test_finisher_type = {
    .name = "test-finisher",
    .parent = "sysbus",
    .instance_size = sizeof(struct test_finisher),
    .help = "ends the run with an exit code (QEMU virt sifive_test compatible)",
    .realize = finisher_realize,
};
