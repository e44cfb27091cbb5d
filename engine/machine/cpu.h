/* SPDX-License-Identifier: MIT */
/*
 * CPUs, clusters and the contract between the engine and a target.
 *
 * A target (targets/<arch>/) describes one architecture with a const
 * struct target_ops: its CPU state size, models, how to reset, translate
 * guest code into IR, take interrupts and deliver exceptions. The engine
 * owns everything else: the run loop, the translation-block cache, the
 * software TLB, scheduling and run control.
 *
 * A target's CPU struct begins with struct cpu:
 *   struct riscv_cpu { struct cpu cpu; uint64_t x[32]; ... };
 */
#ifndef MOSAIC_CPU_H
#define MOSAIC_CPU_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/tcg/ir.h"
#include "engine/memory/irq.h"
#include "engine/memory/memory.h"
#include "engine/object/object.h"

struct cpu;
struct cluster;
struct tb;
struct tb_cache;

/* Engine exception codes; targets use values >= 0 for their own. */
#define EXCP_NONE (-1)
#define EXCP_INTERRUPT (-2) /* leave the loop: exit request, interrupt */
#define EXCP_HALTED (-3)    /* the CPU waits for an interrupt (wfi) */
#define EXCP_DEBUG (-4)     /* breakpoint, watchpoint or single step */
#define EXCP_YIELD (-5)     /* quantum used up */
#define EXCP_WATCH (-6)     /* watchpoint hit: re-run the instruction, then stop */

enum cpu_run_state {
    CPU_RUNNABLE,
    CPU_WAITING, /* wfi: runnable again when target->has_work() says so */
    CPU_OFF,     /* powered off / held in reset until released */
};

enum mem_access { MEM_ACCESS_READ, MEM_ACCESS_WRITE, MEM_ACCESS_FETCH };
enum mem_fault_kind { MEM_FAULT_UNMAPPED, MEM_FAULT_MISALIGNED, MEM_FAULT_DEVICE, MEM_FAULT_READONLY };

/* Software TLB: one direct-mapped table per CPU, per memory index. */
#define TLB_BITS 8
#define TLB_SIZE (1u << TLB_BITS)
#define TLB_MAX_MEMIDX 2
#define TLB_INVALID ((gaddr)-1)
struct tlb_entry {
    gaddr addr_read;  /* page address when reads may use addend, else TLB_INVALID */
    gaddr addr_write; /* same for writes (never for ROM, MMIO or code pages) */
    uintptr_t addend; /* host = guest + addend */
};

#define IR_FRAME_SLOTS 2048

#define JMP_CACHE_BITS 12
#define JMP_CACHE_SIZE (1u << JMP_CACHE_BITS)

/* A breakpoint or watchpoint of a cluster (engine/debug.c). */
struct debug_point {
    gaddr addr;
    uint64_t len;
    int kind;
};

/* TB flag bit the engine adds: translated for single-stepping (one insn). */
#define TB_FLAG_STEP 0x80000000u

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
    unsigned arg;       /* for get/set: e.g. a CSR number */
};

/* A CPU model of an architecture. */
struct cpu_model {
    const char *name;   /* "rv64imac" */
    const char *tdesc;  /* target description file in xml/, e.g. "riscv-64.xml" */
    uint16_t elf_machine; /* EM_RISCV, EM_ARM, EM_X86_64 */
    uint8_t elf_class;    /* 1 = ELF32, 2 = ELF64 */
    uint64_t features;    /* target-defined bits */
};

/* What a frontend sees while translating one TB (see translator_*). */
struct tb_ctx {
    struct cpu *cpu;
    struct ir_block *ir;
    gaddr pc_first;
    gaddr pc_next;     /* address of the next instruction to decode */
    uint32_t flags;    /* mode bits the TB was translated for */
    unsigned num_insns;
    unsigned max_insns;
    bool ended;        /* the frontend emitted the TB's exit */
    /* Filled by translator_fetch: host pages the TB's code came from. */
    struct tb *tb;
};

struct target_ops {
    const char *arch;                 /* "riscv" */
    const struct cpu_model *models;   /* terminated by .name NULL */
    const char *default_model;
    size_t cpu_size;                  /* sizeof the target's CPU struct */
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
    /* The memory index loads/stores use in the current mode (< TLB_MAX_MEMIDX). */

    /* Translate one TB: loop with translator_next_insn(), decode with
     * translator_fetch(), emit IR into ctx->ir; end with goto_tb/exit_tb. */
    void (*translate)(struct tb_ctx *ctx);

    /* Called between TBs when cpu->interrupt_pending is set: take an
     * interrupt if one is deliverable; return true if the pc changed. */
    bool (*exec_interrupt)(struct cpu *cpu);
    /* True when a waiting CPU has a reason to wake (pending & enabled). */
    bool (*has_work)(const struct cpu *cpu);
    /* Deliver exception cpu->excp (>= 0), raised by a helper or a fault. */
    void (*do_exception)(struct cpu *cpu);
    /* A guest memory access failed; record cause/tval and raise. No return. */
    void (*mem_fault)(struct cpu *cpu, gaddr addr, enum mem_access acc,
                      enum mem_fault_kind kind) __attribute__((noreturn));
    /* Restore state from an IR_INSN_START marker (pc and target data) when
     * an exception leaves a TB in the middle. */
    void (*restore_state)(struct cpu *cpu, uint64_t pc, uint64_t data);
    /* Input interrupt lines a board may connect to ("mtip", "msip", "irq"). */
    int (*irq_in)(struct cpu *cpu, const char *name, unsigned n, struct irq_line *out);
    /* Disassemble one instruction into @buf; returns its length (0: invalid). */
    unsigned (*disas)(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len,
                      char *buf, size_t buflen);
};

struct cpu {
    struct object obj;
    char path[64];            /* "/cluster/cpuN": how messages name it */
    const struct target_ops *target;
    const struct cpu_model *model;
    struct cluster *cluster;
    struct mem_view *view;
    unsigned index;           /* in its cluster */
    enum cpu_run_state state;

    /* Properties. */
    char *image;              /* per-CPU image (AMP) */
    char *reset_pc;           /* overrides the image entry when non-empty */
    bool start_powered_off;

    /* Execution. */
    uint64_t icount;          /* guest instructions retired */
    int64_t budget;           /* instructions left in this quantum */
    volatile int exit_request;
    volatile int interrupt_pending;
    int excp;                 /* exception being raised (EXCP_* or target's) */
    jmp_buf *jmp_env;
    struct tb *cur_tb;
    const void *exec_pos;     /* backend position, for restore_state */
    gaddr entry;              /* where reset puts the pc */
    struct tlb_entry tlb[TLB_MAX_MEMIDX][TLB_SIZE];
    unsigned tlb_generation;
    struct tb *jmp_cache[JMP_CACHE_SIZE];
    /* Debugger state (engine/debug.c). */
    bool debug_stopped;       /* held by the debugger: not scheduled */
    bool singlestep;          /* stop after one instruction */
    bool watch_retry;         /* re-running an instruction that hit a watchpoint */
    bool exception_held;      /* an exception waits for the debugger's verdict */
    int held_excp;
    int stop_reason;          /* enum stop_reason of the last EXCP_DEBUG */
    int stop_signal;
    int stop_kind;
    gaddr stop_addr;

    /* TB temporaries: IR operands are offsets from the CPU struct, so one
     * translated block serves every CPU of a cluster. */
    uint64_t ir_frame[IR_FRAME_SLOTS];
};

struct cluster {
    struct object obj;
    const struct target_ops *target;
    const struct cpu_model *model_def;
    unsigned index;           /* gdb process id - 1 */
    struct mem_view *view;
    struct cpu **cpus;
    unsigned ncpus;
    struct tb_cache *tbs;

    /* Properties. */
    char *arch;
    char *model;
    uint64_t cpus_prop;       /* "cpus" */
    int accel;                /* ACCEL_TCG, ACCEL_KVM */
    char *image;
    char *reset_pc;
    bool start_powered_off;
    bool semihosting;         /* guest semihosting calls serviced (default on) */
    bool stop_on_exception;   /* a debugger sees guest exceptions before the guest */
    struct tdesc *tdesc;      /* registers for the debugger (engine/tdesc.h) */
    struct debug_point *bps, *wps;
    unsigned nbps, nwps;
    char *exec_file;          /* absolute path of the image last loaded */
};

enum { ACCEL_TCG, ACCEL_KVM };

/* The CPU executing on this host thread (NULL outside guest execution):
 * devices use it to know which hart reads a per-hart register. */
extern _Thread_local struct cpu *current_cpu;

/* Register a target (main does this once for each linked-in target). */
int target_register(const struct target_ops *ops);
const struct target_ops *target_find(const char *arch);
const struct cpu_model *target_find_model(const struct target_ops *t, const char *name);

/* Create a cluster object of @arch under @parent (the machine). */
struct cluster *cluster_new(struct object *parent, const char *name, const char *arch);

/* Reset one CPU to its entry (powered off again if start-powered-off). */
void cpu_reset(struct cpu *cpu);
/* Release a CPU held off (a system controller, the monitor). */
void cpu_power_on(struct cpu *cpu, bool set_pc, gaddr pc);
void cpu_power_off(struct cpu *cpu);
/* Release a CPU from reset to boot at @addr (a system controller starting
 * a remote core): reset it, apply the boot address, power it on. */
void cpu_boot(struct cpu *cpu, gaddr addr);

/* Raise a guest exception from a helper or slow path: restore the guest pc
 * of the current instruction and leave the TB. Does not return. */
void cpu_raise_exception(struct cpu *cpu, int excp) __attribute__((noreturn));
/* Leave the TB after the current instruction (pc already updated). */
void cpu_loop_exit(struct cpu *cpu) __attribute__((noreturn));
/* Ask the CPU to leave its TB at the next block boundary (thread-safe). */
void cpu_exit(struct cpu *cpu);
/* An interrupt line changed: re-evaluate at the next block boundary. */
void cpu_interrupt(struct cpu *cpu);

/* Run @cpu for up to cpu->budget instructions. Returns why it stopped:
 * EXCP_YIELD, EXCP_HALTED, EXCP_DEBUG or EXCP_INTERRUPT. */
int cpu_exec(struct cpu *cpu);

/* Flush this CPU's software TLB (mode change, mapping change). */
void tlb_flush(struct cpu *cpu);

/* Guest memory access for helpers (through the TLB and slow path); faults
 * go to target->mem_fault. @memidx as in IR ops. */
uint64_t cpu_ld(struct cpu *cpu, gaddr addr, unsigned memop, unsigned memidx);
void cpu_st(struct cpu *cpu, gaddr addr, uint64_t val, unsigned memop, unsigned memidx);

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

#endif
