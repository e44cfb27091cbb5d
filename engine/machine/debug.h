/* SPDX-License-Identifier: MIT */
/*
 * Run control for debuggers (the gdb stub and the monitor): breakpoints and
 * watchpoints per cluster, single-step, holding CPUs stopped, and stop
 * events told to the machine's observers (machine.h). The lists live here;
 * how they take effect is the accelerator's business (accel_ops): TCG
 * builds them into translation (a breakpoint ends a TB before its
 * instruction, single-step translates one-instruction TBs, watched pages
 * take the slow memory path), so guest memory is never patched.
 */
#ifndef MOSAIC_DEBUG_H
#define MOSAIC_DEBUG_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/machine/cluster.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

enum bp_kind { BP_SW, BP_HW };
enum wp_kind { WP_WRITE = 1, WP_READ = 2, WP_ACCESS = 3 };

enum stop_reason {
    STOP_NONE,
    STOP_BREAKPOINT, /* sw or hw breakpoint (bp_kind says which) */
    STOP_WATCHPOINT, /* after the access; addr/kind filled */
    STOP_STEP,       /* single-step finished */
    STOP_REQUEST,    /* the debugger asked (interrupt, vCont;t) */
    STOP_SIGNAL,     /* a guest exception the debugger intercepts */
    STOP_EXITED,     /* the guest asked to exit (finisher, semihosting) */
};

struct stop_event {
    struct cpu *cpu;
    enum stop_reason reason;
    int signal; /* gdb signal number (5 = SIGTRAP, 2 = SIGINT, ...) */
    enum bp_kind bp;
    enum wp_kind wp;
    gaddr addr;    /* watchpoint: the data address */
    int exit_code; /* STOP_EXITED */
};

/* gdb signal numbers (gdb/signals.def), as sent in stop replies. */
#define GDB_SIGINT 2
#define GDB_SIGILL 4
#define GDB_SIGTRAP 5
#define GDB_SIGBUS 10
#define GDB_SIGSEGV 11

/* A debugger is attached to @m: an observer that is no onlooker takes stop
 * events. The board then outlives its guest's exit and guest exceptions are
 * offered to it. */
bool debug_attached(const struct machine *m);

/* The longest watchpoint: every access to its pages takes the slow path,
 * so a huge one would slow the whole guest to a crawl. */
#define DEBUG_WP_LEN_MAX (1u << 20)

/* Breakpoints and watchpoints (0 or -errno; removing a missing one is -ENOENT;
 * a watchpoint of 0 bytes, longer than DEBUG_WP_LEN_MAX or wrapping: -EINVAL). */
int debug_bp_insert(struct cluster *c, enum bp_kind kind, gaddr addr);
int debug_bp_remove(struct cluster *c, enum bp_kind kind, gaddr addr);
int debug_wp_insert(struct cluster *c, enum wp_kind kind, gaddr addr, uint64_t len);
int debug_wp_remove(struct cluster *c, enum wp_kind kind, gaddr addr, uint64_t len);
void debug_clear_all(struct cluster *c);

/* Hold a CPU (it is not scheduled). */
void debug_cpu_stop(struct cpu *cpu);
/* Let it run; with @step it runs one instruction and reports STOP_STEP.
 * @signal != 0 delivers an exception the debugger intercepted; 0 drops it
 * (the instruction runs again). */
void debug_cpu_resume(struct cpu *cpu, bool step, int signal);
bool debug_cpu_stopped(const struct cpu *cpu);

/* Run control for the monitor and others who are not the debugger: hold
 * every CPU of @c (NULL: of every cluster) and tell the observers (held),
 * so an attached debugger's view follows. */
void debug_hold(struct machine *m, struct cluster *c);
/* Release every CPU the debugger holds and tell the observers (released). */
void debug_release(struct machine *m);

/*
 * Called by targets when delivering an exception: returns true when the
 * debugger takes it (the CPU then stops with @signal at the faulting
 * instruction and the guest handler does not run). The exception is
 * delivered when the debugger resumes the CPU with a signal. It is also
 * the fault storm detector: the same fault at the same pc
 * MACHINE_FAULT_STORM times with no instruction retired is reported once
 * and stops the CPU for the debugger with @signal, or without one ends
 * the run with MACHINE_FAULT_STORM_EXIT (the handler does not run).
 */
bool debug_intercept_exception(struct cpu *cpu, int signal);

/* Queries for accelerators (the translator, slow paths). */
bool debug_bp_at(const struct cluster *c, gaddr pc);
bool debug_wp_page(const struct cluster *c, gaddr page);
/* The watchpoint an access of @size bytes at @addr hits, or NULL. */
const struct debug_point *debug_wp_hit(const struct cluster *c, gaddr addr, unsigned size,
                                       bool write);

/* From the scheduler: a CPU returned EXCP_DEBUG / the guest exited. */
void debug_report_cpu(struct cpu *cpu);
void debug_report_exit(struct machine *m, int code);

#endif
