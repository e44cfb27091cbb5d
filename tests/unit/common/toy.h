/* SPDX-License-Identifier: MIT */
/*
 * The one stand-in target of the unit tests: a tiny ISA that really
 * translates through the engine (the scheduler, run-control, accelerator
 * and TB-cache tests run it), on CPUs that also record what is done to
 * them for the tests of what surrounds CPUs (board files, devices, the
 * monitor): their resets, where cpu_boot() sent them and the level of
 * each interrupt input. toy_register() registers it under the name of the
 * architecture a test needs, so board files written for the real targets
 * load:
 *   "riscv"  models rv64imac and rv32imac; inputs msip, mtip and meip
 *   "arm"    models cortex-m3 and cortex-m4; inputs irq[0] to irq[63];
 *            as on M-profile, reset leaves the pc alone unless reset-pc
 *            is set, and cpu_boot() sets boot_addr, not the pc
 *   others   models ARCH32 (ELF32, the default) and ARCH64 (ELF64); every
 *            input above
 *
 * The ISA: four 64-bit registers, a pc, and 4-byte instructions fetched
 * from guest memory with translator_fetch (so code pages are tracked as
 * for a real target). An instruction is op | reg << 8 | imm16 << 16,
 * imm16 signed:
 *   ADDI r, imm     r += imm
 *   ST   r, s       mem32[r_s] = r       (s = imm & 3)
 *   LD   r, s       r = mem32[r_s]
 *   JMP  imm        pc += imm            (ends the TB: goto_tb 0)
 *   BNZ  r, imm     pc += r ? imm : 4    (ends the TB: goto_tb 1 / 0)
 *   WFI             wait for an interrupt
 *   EXIT r          the guest asks the machine to exit with code r
 *   MARK            append the CPU to toy_trace (once per run of it)
 * Anything else (0 included), or a fetch from unmapped memory, raises
 * exception 1: the CPU counts it, keeps the pc in exc_pc and powers off;
 * or, when toy_trap_vector is set, offers it to the debugger as SIGILL
 * (debug_intercept_exception, as real targets do) and jumps there.
 * A rising edge on an input, or toy_raise_irq(), makes an interrupt
 * pending: a WFI returns and irqs counts it. The disassembler prints the
 * ISA ("addi r1, 5", "jmp 0x10000").
 *
 * A test of IR the ISA cannot express (tests/unit/engine/tcg/test_interp.c:
 * every operation, helpers, atomics, loops inside one TB) sets toy_gen:
 * the target then calls it for each TB instead of decoding, with the
 * same CPUs and the I32 global "w" beside the registers.
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
#define TOY_INSN(op, r, imm)                                                                       \
    ((uint32_t)(op) | (uint32_t)(r) << 8 | (uint32_t)(uint16_t)(int16_t)(imm) << 16)

/* The IR globals, for toy_gen: r0-r3, w and pc. */
enum { TOY_G_R0, TOY_G_R1, TOY_G_R2, TOY_G_R3, TOY_G_W, TOY_G_PC };

/* Interrupt inputs, as indexes into struct toy_cpu.level. */
enum { TOY_MSIP, TOY_MTIP, TOY_MEIP, TOY_IRQ0 };
#define TOY_NIRQ 64
#define TOY_IRQ(n) (TOY_IRQ0 + (n))
#define TOY_NLINES TOY_IRQ(TOY_NIRQ)

struct toy_cpu {
    struct cpu cpu;
    uint64_t r[4];
    uint32_t w; /* for toy_gen's 32-bit operations */
    uint64_t pc;
    int irq;       /* a pending interrupt (has_work) */
    unsigned irqs; /* interrupts taken */
    unsigned exceptions;
    uint64_t exc_pc;       /* where the last exception was raised */
    uint64_t fault_addr;   /* the address of the last memory fault */
    unsigned resets;       /* cpu_reset() calls */
    gaddr boot_addr;       /* where cpu_boot() last sent it ("arm") */
    int level[TOY_NLINES]; /* each interrupt input */
    unsigned line_sets;    /* times an input was driven (edges, not levels) */
};

/* RAM every cluster of toy_machine sees: 64 KiB at TOY_RAM; CPUs reset
 * to TOY_RAM. */
#define TOY_RAM 0x10000u

/* Translations made since the last toy_machine. */
extern unsigned toy_translations;
/* CPUs in the order they ran a MARK, consecutive repeats folded. */
#define TOY_TRACE_MAX 256
extern struct cpu *toy_trace[TOY_TRACE_MAX];
extern unsigned toy_ntrace;
/* When set, emits each TB's IR instead of the ISA decoder (cleared by
 * toy_machine_realize). */
extern void (*toy_gen)(struct tb_ctx *ctx);

/* Where exceptions go instead of powering the CPU off (0: off; cleared by
 * toy_machine_realize). */
extern gaddr toy_trap_vector;

/* Register the engine's types and the toy target as @arch (once; again is
 * harmless). */
void toy_register(const char *arch);

/* A realized, reset machine of @nclusters clusters "c0", "c1", ... of
 * @ncpus CPUs of arch "toy" each, quantum @quantum, cpu-freq 1 GHz (1 ns
 * per instruction). Fails the test on error. */
struct machine *toy_machine(unsigned nclusters, unsigned ncpus, unsigned quantum);
/* The same in two steps, to set properties (an accelerator) in between. */
struct machine *toy_machine_new(unsigned nclusters, unsigned ncpus, unsigned quantum);
void toy_machine_realize(struct machine *m);
/* CPU @i of cluster number @cl of @m. */
struct toy_cpu *toy_cpu(struct machine *m, unsigned cl, unsigned i);
/* CPU @i of the cluster at @path ("/app") of @m, any machine of toy CPUs. */
struct toy_cpu *toy_cpu_at(struct machine *m, const char *path, unsigned i);
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
    uint64_t fired_ns; /* machine_clock_ns when it fired */
};
void toy_alarm_arm(struct toy_alarm *a, struct machine *m, uint64_t deadline_ns, int code);

#endif
