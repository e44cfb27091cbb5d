/* SPDX-License-Identifier: MIT */
/*
 * CPUs: the state every CPU has whatever its architecture and accelerator
 * (properties, run state, instruction count and budget, requests from
 * other code, debugger state), reset and power control.
 *
 * A target's CPU struct begins with struct cpu (engine/machine/target.h
 * has the contract between the engine and a target):
 *   struct riscv_cpu { struct cpu cpu; uint64_t x[32]; ... };
 * The accelerator that executes the CPU keeps its own state (TCG: the
 * software TLB, the jump cache) behind cpu->accel_state
 * (engine/accel/accel.h).
 */
#ifndef MOSAIC_CPU_H
#define MOSAIC_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/memory/memory.h"
#include "engine/object/object.h"
#include "engine/tcg/ir.h"

struct cluster;
struct cpu_model;
struct target_ops;
struct accel_ops;

/* Engine exception codes; targets use values >= 0 for their own. */
#define EXCP_NONE (-1)
#define EXCP_INTERRUPT (-2) /* leave the loop: exit request, interrupt */
#define EXCP_HALTED (-3)    /* the CPU waits for an interrupt (wfi) */
#define EXCP_DEBUG (-4)     /* breakpoint, watchpoint or single step */
#define EXCP_YIELD (-5)     /* quantum used up */

enum cpu_run_state {
    CPU_RUNNABLE,
    CPU_WAITING, /* wfi: runnable again when target->has_work() says so */
    CPU_OFF,     /* powered off / held in reset until released */
};

struct cpu {
    struct object obj;
    char path[64]; /* "/cluster/cpuN": how messages name it */
    const struct target_ops *target;
    const struct cpu_model *model;
    struct cluster *cluster;
    struct mem_view *view;
    unsigned index; /* in its cluster */
    enum cpu_run_state state;

    /* Properties. */
    char *image;    /* per-CPU image (AMP) */
    char *reset_pc; /* overrides the image entry when non-empty */
    bool start_powered_off;

    /* Execution. */
    uint64_t icount; /* guest instructions retired */
    int64_t budget;  /* instructions left in this quantum */
    volatile int exit_request;
    volatile int interrupt_pending;
    int excp;    /* exception being raised (EXCP_* or target's) */
    gaddr entry; /* where reset puts the pc */
    /* The cluster's accelerator and its per-vCPU state (from realize). */
    const struct accel_ops *accel;
    void *accel_state;

    /* Debugger state (engine/machine/debug.c). */
    bool debug_stopped;  /* held by the debugger: not scheduled */
    bool singlestep;     /* stop after one instruction */
    bool exception_held; /* an exception waits for the debugger's verdict */
    /* The fault storm detector (debug_intercept_exception): the last fault,
     * where it was raised, icount then, and how many times in a row. */
    int storm_excp;
    gaddr storm_pc;
    uint64_t storm_icount;
    unsigned storm_count;
    int held_excp;
    int stop_reason; /* enum stop_reason of the last EXCP_DEBUG */
    int stop_signal;
    int stop_kind;
    gaddr stop_addr;

    /* Temporaries of translated code. IR operands are offsets from the
     * CPU struct, so that one translated block serves every CPU of a
     * cluster and the interpreter reaches guest state and temporaries
     * through one base register: the frame has to sit here, at a fixed
     * offset, rather than in the accelerator's separately allocated
     * state. */
    uint64_t ir_frame[IR_FRAME_SLOTS];
};

/* The CPU executing on this host thread (NULL outside guest execution):
 * devices use it to know which hart reads a per-hart register. */
extern _Thread_local struct cpu *current_cpu;

/* Reset one CPU to its entry (powered off again if start-powered-off). */
void cpu_reset(struct cpu *cpu);
/* Release a CPU held off (a system controller, the monitor). */
void cpu_power_on(struct cpu *cpu, bool set_pc, gaddr pc);
void cpu_power_off(struct cpu *cpu);
/* Release a CPU from reset to boot at @addr (a system controller starting
 * a remote core): reset it, apply the boot address, power it on. */
void cpu_boot(struct cpu *cpu, gaddr addr);

/* Ask the CPU to leave guest code at the next block boundary (any thread). */
void cpu_exit(struct cpu *cpu);
/* An interrupt line changed: re-evaluate at the next block boundary. */
void cpu_interrupt(struct cpu *cpu);

#endif
