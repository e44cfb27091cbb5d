/* SPDX-License-Identifier: MIT */
/*
 * A toy target for the engine's unit tests: four 64-bit registers, a pc,
 * and 4-byte instructions fetched from guest memory with translator_fetch
 * (so code pages are tracked as for a real target). An instruction is
 * op | reg << 8 | imm16 << 16, imm16 signed:
 *   ADDI r, imm     r += imm
 *   ST   r, s       mem32[r_s] = r       (s = imm & 3)
 *   LD   r, s       r = mem32[r_s]
 *   JMP  imm        pc += imm            (ends the TB: goto_tb 0)
 *   BNZ  r, imm     pc += r ? imm : 4    (ends the TB: goto_tb 1 / 0)
 *   WFI             wait for an interrupt (toy_raise_irq wakes it)
 *   EXIT r          the guest asks the machine to exit with code r
 *   MARK            append the CPU to toy_trace (once per run of it)
 * Anything else, or a fetch from unmapped memory, raises exception 1: the
 * CPU counts it and powers off.
 */
#ifndef MOSAIC_TESTS_UNIT_COMMON_TOY_H
#define MOSAIC_TESTS_UNIT_COMMON_TOY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/machine/machine.h"
#include "engine/machine/target.h"

enum { TOY_ADDI = 1, TOY_ST, TOY_LD, TOY_JMP, TOY_BNZ, TOY_WFI, TOY_EXIT, TOY_MARK };

/* An instruction word (a constant expression, for static programs). */
#define TOY_INSN(op, r, imm) \
    ((uint32_t)(op) | (uint32_t)(r) << 8 | (uint32_t)(uint16_t)(int16_t)(imm) << 16)

struct toy_cpu {
    struct cpu cpu;
    uint64_t r[4];
    uint64_t pc;
    int irq;                /* a pending interrupt (has_work) */
    unsigned irqs;          /* interrupts taken */
    unsigned exceptions;
};

/* RAM every cluster sees: 64 KiB at TOY_RAM; CPUs reset to TOY_RAM. */
#define TOY_RAM 0x10000u

extern const struct target_ops toy_target_ops;
/* Translations made (toy_translate calls) since the last toy_machine. */
extern unsigned toy_translations;
/* CPUs in the order they ran a MARK, consecutive repeats folded. */
#define TOY_TRACE_MAX 256
extern struct cpu *toy_trace[TOY_TRACE_MAX];
extern unsigned toy_ntrace;

/* A realized, reset machine of @nclusters clusters "c0", "c1", ... of
 * @ncpus toy CPUs each, quantum @quantum, cpu-freq 1 GHz (1 ns per
 * instruction). Fails the test on error. */
struct machine *toy_machine(unsigned nclusters, unsigned ncpus, unsigned quantum);
/* The same in two steps, to set properties (an accelerator) in between. */
struct machine *toy_machine_new(unsigned nclusters, unsigned ncpus, unsigned quantum);
void toy_machine_realize(struct machine *m);
struct toy_cpu *toy_cpu(struct machine *m, unsigned cl, unsigned i);
/* Write @n instructions at @addr through the first cluster's view. */
void toy_load(struct machine *m, gaddr addr, const uint32_t *code, size_t n);
/* Interrupt @t: a WFI returns. */
void toy_raise_irq(struct toy_cpu *t);
/* A virtual-time timer that asks the machine to exit with @code. */
struct toy_alarm {
    struct vtimer t;
    struct machine *m;
    int code;
    bool fired;
    uint64_t fired_ns;      /* machine_clock_ns when it fired */
};
void toy_alarm_arm(struct toy_alarm *a, struct machine *m, uint64_t deadline_ns, int code);

#endif
