/* SPDX-License-Identifier: MIT */
/*
 * Run control for debuggers (the gdb stub and the monitor): breakpoints and
 * watchpoints per cluster, single-step, holding CPUs stopped, and stop
 * events. Everything is built into translation: a breakpoint ends a TB
 * before its instruction, single-step translates one-instruction TBs, and
 * watched pages take the slow memory path. Guest memory is never patched.
 */
#ifndef MOSAIC_DEBUG_H
#define MOSAIC_DEBUG_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

enum bp_kind { BP_SW, BP_HW };
enum wp_kind { WP_WRITE = 1, WP_READ = 2, WP_ACCESS = 3 };

enum stop_reason {
    STOP_NONE,
    STOP_BREAKPOINT,   /* sw or hw breakpoint (bp_kind says which) */
    STOP_WATCHPOINT,   /* after the access; addr/kind filled */
    STOP_STEP,         /* single-step finished */
    STOP_REQUEST,      /* the debugger asked (interrupt, vCont;t) */
    STOP_SIGNAL,       /* a guest exception the debugger intercepts */
    STOP_EXITED,       /* the guest asked to exit (finisher, semihosting) */
};

struct stop_event {
    struct cpu *cpu;
    enum stop_reason reason;
    int signal;          /* gdb signal number (5 = SIGTRAP, 2 = SIGINT, ...) */
    enum bp_kind bp;
    enum wp_kind wp;
    gaddr addr;          /* watchpoint: the data address */
    int exit_code;       /* STOP_EXITED */
};

/* gdb signal numbers (gdb/signals.def), as sent in stop replies. */
#define GDB_SIGINT 2
#define GDB_SIGILL 4
#define GDB_SIGTRAP 5
#define GDB_SIGBUS 10
#define GDB_SIGSEGV 11

/* Called once per stop, between TBs, on the scheduler thread. */
struct debug_listener {
    void (*stopped)(void *opaque, const struct stop_event *ev);
    void *opaque;
};
void debug_set_listener(const struct debug_listener *l);
bool debug_attached(void);

/* Breakpoints and watchpoints (0 or -errno; removing a missing one is -ENOENT). */
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

/*
 * Called by targets when delivering an exception: returns true when the
 * debugger takes it (the CPU then stops with @signal at the faulting
 * instruction and the guest handler does not run). The exception is
 * delivered when the debugger resumes the CPU with a signal.
 */
bool debug_intercept_exception(struct cpu *cpu, int signal);

/* Engine hooks (translator, slow paths). */
bool debug_bp_at(const struct cluster *c, gaddr pc);
bool debug_wp_page(const struct cluster *c, gaddr page);
/* Check an access against watchpoints; on a hit, leaves the TB to re-run
 * the instruction and stop after it (does not return). */
void debug_check_watch(struct cpu *cpu, gaddr addr, unsigned size, bool write);

/* From the scheduler: a CPU returned EXCP_DEBUG / the guest exited. */
void debug_report_cpu(struct cpu *cpu);
void debug_report_exit(struct machine *m, int code);

#endif
