/* SPDX-License-Identifier: MIT */
/*
 * The contract between the engine and a target (targets/<arch>/).
 *
 * A target describes one architecture with a const struct target_ops: its
 * CPU state size, models, register accessors, how to reset, translate guest
 * code into IR, take interrupts and deliver exceptions. The engine owns
 * everything else: the accelerator that runs the CPUs (TCG: the run loop,
 * the translation-block cache, the software TLB), scheduling and run
 * control. Below the table are the services the engine offers a target's
 * frontend (translator_*) and helpers (cpu_raise_exception, cpu_ld, ...).
 */
#ifndef MOSAIC_TARGET_H
#define MOSAIC_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/io/diag.h"
#include "engine/machine/cpu.h"
#include "engine/memory/irq.h"
#include "engine/memory/memory.h"
#include "engine/tcg/ir.h"

struct cluster;
struct tb;

enum mem_access { MEM_ACCESS_READ, MEM_ACCESS_WRITE, MEM_ACCESS_FETCH };
enum mem_fault_kind {
    MEM_FAULT_UNMAPPED,
    MEM_FAULT_MISALIGNED,
    MEM_FAULT_DEVICE,
    MEM_FAULT_READONLY
};

/*
 * How a target reads and writes one register named in its target
 * description: a plain little-endian field at @offset of @size bytes, or
 * get/set functions (CSRs, flags assembled from several fields).
 */
struct target_reg {
    const char *name;
    size_t offset;
    unsigned size;
    uint64_t (*get)(struct cpu *cpu, const struct target_reg *r);
    void (*set)(struct cpu *cpu, const struct target_reg *r, uint64_t value);
    unsigned arg; /* for get/set: e.g. a CSR number */
};

/* A CPU model of an architecture. */
struct cpu_model {
    const char *name;     /* "rv64imac" */
    const char *tdesc;    /* target description file in xml/, e.g. "riscv-64.xml" */
    uint16_t elf_machine; /* EM_RISCV, EM_ARM, EM_X86_64 */
    uint8_t elf_class;    /* 1 = ELF32, 2 = ELF64 */
    uint64_t features;    /* target-defined bits */
};

/* What a frontend sees while translating one TB (see translator_*). */
struct tb_ctx {
    struct cpu *cpu;
    struct ir_block *ir;
    gaddr pc_first;
    gaddr pc_next;  /* address of the next instruction to decode */
    uint32_t flags; /* mode bits the TB was translated for */
    unsigned num_insns;
    unsigned max_insns;
    bool ended; /* the frontend emitted the TB's exit */
    /* Filled by translator_fetch: host pages the TB's code came from. */
    struct tb *tb;
};

struct target_ops {
    const char *arch;               /* "riscv" */
    const struct cpu_model *models; /* terminated by .name NULL */
    const char *default_model;
    size_t cpu_size; /* sizeof the target's CPU struct */
    const struct ir_global_def *globals;
    size_t nglobals;
    /* Register accessors by name, for every register of every model's
     * target description (terminated by .name NULL). */
    const struct target_reg *regs;

    /* The architecture defines where reset starts (M-profile: the vector
     * table at VTOR): the image entry is then not used; reset-pc still
     * overrides. */
    bool arch_reset_pc;
    /* Optional: after the board's memory is mapped, map regions the
     * architecture itself defines into the cluster's view (M-profile: the
     * System Control Space with NVIC and SysTick). */
    int (*cluster_realize)(struct cluster *c);
    /* gdb treats this architecture's watchpoints as non-steppable: it wants
     * the stop before the access, with the pc at the load/store, and steps
     * over it itself. Otherwise the engine stops after the access. */
    bool nonsteppable_watchpoints;
    /* The breakpoint kinds gdb uses for this architecture (Z0/Z1 KIND: bit
     * N set = kind N; gdb manual, "Architecture-Specific Protocol
     * Details"); 0 accepts any. */
    uint32_t bp_kinds;
    /* Optional: where a released CPU boots (cpu_boot). RISC-V: the pc;
     * M-profile: VTOR, from which reset loads SP and PC. */
    void (*set_boot_addr)(struct cpu *cpu, gaddr addr);

    /* Set up model-specific state once (after allocation, zeroed). */
    int (*cpu_init)(struct cpu *cpu, const struct cpu_model *model);
    /* Architectural reset; the pc is then set with set_pc. */
    void (*cpu_reset)(struct cpu *cpu);
    void (*set_pc)(struct cpu *cpu, gaddr pc);
    gaddr (*get_pc)(const struct cpu *cpu);
    /* Mode bits that change how code translates (privilege, ISA mode). */
    uint32_t (*tb_flags)(const struct cpu *cpu);

    /* Translate one TB: loop with translator_next_insn(), decode with
     * translator_fetch(), emit IR into ctx->ir; end with goto_tb/exit_tb.
     * Loads and stores use memory index 0 or 1 (the mode they act in). */
    void (*translate)(struct tb_ctx *ctx);

    /* Called between TBs when cpu->interrupt_pending is set: take an
     * interrupt if one is deliverable; return true if the pc changed. */
    bool (*exec_interrupt)(struct cpu *cpu);
    /* True when a waiting CPU has a reason to wake (pending & enabled). */
    bool (*has_work)(const struct cpu *cpu);
    /* Deliver exception cpu->excp (>= 0), raised by a helper or a fault. */
    void (*do_exception)(struct cpu *cpu);
    /* A guest memory access failed; record cause/tval and raise. No return. */
    void (*mem_fault)(struct cpu *cpu, gaddr addr, enum mem_access acc, enum mem_fault_kind kind)
        __attribute__((noreturn));
    /* Restore state from an IR_INSN_START marker (pc and target data) when
     * an exception leaves a TB in the middle. */
    void (*restore_state)(struct cpu *cpu, uint64_t pc, uint64_t data);
    /* Input interrupt line @name[@n] a board or device may connect to
     * ("mtip", "msip", "irq"): fill @out and return 0, or report to @d
     * (NULL: the log) which inputs exist and return -ENOENT. */
    int (*irq_in)(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out,
                  const struct diag *d);
    /* Disassemble one instruction into @buf; returns its length (0: invalid). */
    unsigned (*disas)(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len, char *buf,
                      size_t buflen);
};

/* Register a target (main does this once for each linked-in target). */
int target_register(const struct target_ops *ops);
const struct target_ops *target_find(const char *arch);
const struct cpu_model *target_find_model(const struct target_ops *t, const char *name);

/*
 * Translator services for frontends.
 * translator_next_insn: call before decoding each instruction. Returns false
 * when the TB must end here (size limit, page end, ops overflow); the
 * frontend then ends the TB normally at ctx->pc_next. It emits the
 * instruction-start marker with @data, and handles a debug breakpoint at
 * pc_next itself (then ctx->ended is set and it returns false).
 * translator_fetch: read @size (2 or 4) code bytes; returns 0, or -1 when
 * the address is not executable memory (the frontend raises a fetch fault).
 */
bool translator_next_insn(struct tb_ctx *ctx, uint64_t data);
int translator_fetch(struct tb_ctx *ctx, gaddr addr, unsigned size, uint32_t *insn);

/* Services for helpers and slow paths, inside translated code. */
/* Raise a guest exception: restore the guest pc of the current instruction
 * and leave the TB. Does not return. */
void cpu_raise_exception(struct cpu *cpu, int excp) __attribute__((noreturn));
/* Leave the TB after the current instruction (pc already updated). */
void cpu_loop_exit(struct cpu *cpu) __attribute__((noreturn));
/* Guest memory access (through the TLB and slow path); faults go to
 * target->mem_fault. @memidx as in IR ops. */
uint64_t cpu_ld(struct cpu *cpu, gaddr addr, unsigned memop, unsigned memidx);
void cpu_st(struct cpu *cpu, gaddr addr, uint64_t val, unsigned memop, unsigned memidx);

#endif
