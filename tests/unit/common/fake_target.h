/* SPDX-License-Identifier: MIT */
/*
 * The fake target: CPUs that run no code, for tests of what surrounds
 * them (board files, devices, the monitor). Each records what is done to
 * it: its pc, its resets, where cpu_boot() sent it and the level of each
 * interrupt input. It registers under the name of the architecture a test
 * needs, so board files written for the real targets load:
 *   "riscv"  models rv64imac and rv32imac; inputs msip, mtip and meip
 *   "arm"    models cortex-m3 and cortex-m4; inputs irq[0] to irq[63];
 *            as on M-profile, reset leaves the pc alone unless reset-pc
 *            is set, and cpu_boot() sets boot_addr, not the pc
 *   others   model fake32 (ELF class 32, any machine); every input above
 * Only "fake" disassembles, each 32-bit word as "fake 0x<word>"
 * (0xffffffff is invalid); under any other name the monitor uses capstone.
 */
#ifndef MOSAIC_TESTS_UNIT_COMMON_FAKE_TARGET_H
#define MOSAIC_TESTS_UNIT_COMMON_FAKE_TARGET_H

#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

/* Interrupt inputs, as indexes into struct fake_cpu.level. */
enum { FAKE_MSIP, FAKE_MTIP, FAKE_MEIP, FAKE_IRQ0 };
#define FAKE_NIRQ 64
#define FAKE_IRQ(n) (FAKE_IRQ0 + (n))
#define FAKE_NLINES FAKE_IRQ(FAKE_NIRQ)

struct fake_cpu {
    struct cpu cpu;
    gaddr pc;
    gaddr boot_addr;        /* where cpu_boot() last sent it ("arm") */
    unsigned resets;        /* cpu_reset() calls */
    int level[FAKE_NLINES]; /* each interrupt input */
};

/* Times any fake CPU's input was driven (to see edges, not levels). */
extern unsigned fake_irq_calls;

/* Register the engine's types and the fake target as @arch (once; again
 * is harmless). */
void fake_target_register(const char *arch);

/* CPU @index of the cluster at @path ("/app") of @m: a fake one. */
struct fake_cpu *fake_cpu(struct machine *m, const char *path, unsigned index);

#endif
