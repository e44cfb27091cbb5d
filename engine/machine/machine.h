/* SPDX-License-Identifier: MIT */
/*
 * The machine: the root object "/" of a board, holding its clusters,
 * memory and devices, the virtual clock, and the run state: its CPUs, the
 * accelerators' per-machine state, exit requests from the guest and the
 * observers told when CPUs stop, are held, released or reset and when the
 * guest exits. Several machines may live in one process; nothing of one
 * reaches another. The "sysbus" base type for anything that occupies an
 * address range (RAM, ROM, devices) is in engine/memory/sysbus.h.
 *
 * Mapping rule: a sysbus object with a base address is mapped at that base
 * into the view of the cluster it is a child of, or, when it is a child of
 * the machine, into every cluster's view (or those named by its "clusters"
 * property). One without a base is mapped only through aliases.
 */
#ifndef MOSAIC_MACHINE_H
#define MOSAIC_MACHINE_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/accel/accel.h"
#include "engine/machine/cluster.h"
#include "engine/machine/cpu.h"
#include "engine/memory/irq.h"
#include "engine/memory/memory.h"
#include "engine/memory/sysbus.h"
#include "engine/object/object.h"

struct machine_symbol {
    char *name;
    gaddr value;
    struct cluster *cluster;
};

struct stop_event;

/*
 * Someone who follows a machine's run state (the gdb stub, the monitor
 * console, a test). Every callback is optional and gets @opaque. A machine
 * keeps a pointer to the observer, which must stay valid until
 * machine_remove_observer().
 */
struct machine_observer {
    /* A CPU stopped for the debugger (breakpoint, watchpoint, step, an
     * intercepted exception), between TBs on the scheduler thread. An
     * observer with this callback is a debugger, unless it is an
     * onlooker: while a debugger is attached the board outlives its
     * guest's exit and exceptions are offered to it (debug_attached). */
    void (*stopped)(void *opaque, const struct stop_event *ev);
    /* Run control held the CPUs of @c (NULL: of every cluster). */
    void (*held)(void *opaque, struct cluster *c);
    /* Run control released every CPU the debugger held. */
    void (*released)(void *opaque);
    /* The CPUs of @c (NULL: the whole machine) were reset. */
    void (*reset)(void *opaque, struct cluster *c);
    /* The guest asked to exit with @code. With a debugger attached every
     * CPU is held and the board lives on; without one, machine_run
     * returns @code once the observers are told. */
    void (*exited)(void *opaque, int code);
    void *opaque;
    /* Only follows (the monitor console): hears every event, stops
     * included, without being a debugger. */
    bool onlooker;
};

/* An accelerator in use by the machine and its per-machine state. */
struct machine_accel {
    const struct accel_ops *ops;
    void *state;
};

struct machine {
    struct object obj;
    char *description;
    uint64_t quantum;     /* at most this many instructions per CPU per round */
    uint64_t cpu_freq_hz; /* nominal: virtual time per instruction */
    uint64_t timebase_hz; /* e.g. the CLINT mtime frequency */

    struct cluster **clusters;
    unsigned nclusters;

    /* Run state. */
    bool exit_requested;
    int exit_code;
    volatile sig_atomic_t quit; /* the server is asked to end (monitor quit, SIGTERM) */
    /* Reload every image and reset the board (set by main; gdb's vRun and
     * the monitor's system_reset use it). NULL: plain machine_reset. */
    int (*restart)(struct machine *m);
    uint64_t clock_ns;         /* virtual time */
    uint64_t time_limit_ns;    /* machine_run stops here (0: no limit) */
    uint64_t wall_limit_ns;    /* and after this much host time (0: no limit) */
    uint64_t clock_rem;        /* fraction of a ns not yet in clock_ns, in ns * cpu_freq_hz */
    uint64_t slice;            /* instructions per CPU in the running round */
    uint64_t insns_since_poll; /* charged to CPUs since the scheduler last polled events */
    uint64_t poll_host_ns;     /* host monotonic time of that poll */
    int stop_status;           /* non-zero: the run ends with this exit status (fault storm,
                                * wall-clock limit) */
    struct vtimer *timers;     /* sorted by deadline */

    struct machine_symbol *symbols; /* from loaded ELF images */
    unsigned nsymbols;

    /* Every CPU of every cluster, in creation order. */
    struct cpu **cpus;
    unsigned ncpus, cpus_cap;
    struct machine_observer **observers;
    unsigned nobservers;
    struct machine_accel accels[ACCEL_MAX];
    /* Told of writes to guest pages holding translated code (accel.c
     * passes them to the accelerators' memory_changed). */
    struct mem_code_watcher code_watcher;
    /* Where objects were defined (machine_set_origin): an open-addressing
     * table keyed by object, @origins_cap slots (a power of two). */
    struct machine_origin *origins;
    size_t norigins, origins_cap;
};

struct machine_origin {
    const struct object *obj;
    char *where; /* "FILE:LINE:COLUMN" */
};

/* Virtual-time timers (devices arm them; the scheduler fires them). */
struct vtimer {
    uint64_t deadline_ns;
    bool armed;
    void (*cb)(void *opaque);
    void *opaque;
    struct vtimer *next;
};

struct machine *machine_new(const char *name);
void machine_free(struct machine *m);
/* The machine that owns @obj. */
struct machine *machine_of(struct object *obj);

/* Record that @obj (the machine itself included) was defined at
 * FILE:LINE:COLUMN: an error found while realizing it, or an object under
 * it with no origin of its own, is reported there. 0 or -ENOMEM. */
int machine_set_origin(struct machine *m, const struct object *obj, const char *file,
                       unsigned long line, unsigned long col);
/* Where @obj or its nearest ancestor was defined, or NULL. */
const char *machine_origin(const struct machine *m, const struct object *obj);

/* Realize every object, build the views, map regions, wire interrupts.
 * Errors are logged with the origin of the object they concern. */
int machine_realize(struct machine *m);
/* Reset every CPU and device (CPUs go to their entry pc); the observers
 * hear reset(NULL). */
void machine_reset(struct machine *m);
/* Run until the guest asks to exit (returns its code) or nothing can run. */
int machine_run(struct machine *m);

/* Guest instructions retired by every CPU since start (-stats). */
uint64_t machine_instructions(const struct machine *m);

/* From devices and semihosting: stop the machine with an exit code. */
void machine_request_exit(struct machine *m, int code);

/* Virtual clock: nanoseconds since reset, as seen by @cpu (includes the
 * instructions it executed in the current quantum). */
uint64_t machine_clock_ns(struct machine *m, const struct cpu *cpu);
/* The exit status of a run ended by a fault storm: a CPU raised the same
 * fault at the same pc MACHINE_FAULT_STORM times with no instruction
 * retired in between (a crashed guest whose handler faults). */
#define MACHINE_FAULT_STORM_EXIT 125
#define MACHINE_FAULT_STORM 1000
/* The largest quantum: 1M instructions take 20 ms at the interpreter's
 * slowest (~50 MIPS), so a CPU's slice never keeps gdb waiting 50 ms. */
#define MACHINE_QUANTUM_MAX 1000000
/* The scheduler polls events (gdb, Ctrl-C, the console) between CPUs at
 * least this often: 500k instructions are 10 ms at the interpreter's slowest
 * (~50 MIPS), and 10 ms of host time whatever the instructions cost. */
#define SCHED_POLL_INSNS 500000
#define SCHED_POLL_NS 10000000
/* The exit status of a run stopped by time_limit_ns (as timeout(1)). */
#define MACHINE_TIME_LIMIT_EXIT 124
void vtimer_init(struct vtimer *t, void (*cb)(void *), void *opaque);
void vtimer_arm(struct machine *m, struct vtimer *t, uint64_t deadline_ns);
void vtimer_cancel(struct machine *m, struct vtimer *t);

/* Follow @m's run state (see struct machine_observer): 0 or -ENOMEM.
 * Adding an observer twice is a no-op; removing an unknown one too. */
int machine_add_observer(struct machine *m, struct machine_observer *o);
void machine_remove_observer(struct machine *m, struct machine_observer *o);

/* Images are in memory: run the devices' post_load hooks. */
int machine_images_loaded(struct machine *m);

/* Symbols of loaded images (tohost/fromhost for HTIF). */
void machine_add_symbol(struct machine *m, struct cluster *c, const char *name, gaddr value);
bool machine_find_symbol(struct machine *m, const char *name, gaddr *value);
/* The symbol with its cluster (the last one added wins), or NULL. */
const struct machine_symbol *machine_symbol(struct machine *m, const char *name);

/* Interrupt wiring by object path: "uart0.irq[0]" -> "app/cpu0.mtip[0]".
 * 0, or a negative errno after one message to @d (NULL: the log): its own
 * about the references, or the input's owner's (irq_in) about its lines. */
int machine_connect_irq(struct machine *m, const char *from, const char *to, const struct diag *d);

/* Register the engine's types: machine, cluster, cpu, sysbus, ram, rom, alias. */
void engine_register_types(void);

#endif
