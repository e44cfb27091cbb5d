/* SPDX-License-Identifier: MIT */
/*
 * The scheduler: deterministic round-robin of every CPU on one host
 * thread. A round gives each CPU a slice: the quantum, or fewer
 * instructions when a timer is due sooner, so timers fire on time. Virtual
 * time advances by the most instructions any CPU executed in the round (at
 * cpu-freq), so a CPU that leaves its slice early (an I/O exit, a wfi) is
 * not charged for time it did not run. Timers and whole multi-core runs are
 * reproducible; when every CPU waits for an interrupt, time jumps to the
 * next timer deadline instead of spinning.
 */
#include <inttypes.h>
#include <time.h>

#include "engine/io/event.h"
#include "engine/io/log.h"
#include "engine/machine/debug.h"
#include "engine/machine/internals.h"

static uint64_t insns_to_ns(const struct machine *m, uint64_t insns)
{
    return (uint64_t)((unsigned __int128)insns * 1000000000u / m->cpu_freq_hz);
}

/* Instructions that take at least @ns of virtual time. */
static uint64_t ns_to_insns(const struct machine *m, uint64_t ns)
{
    unsigned __int128 n = ((unsigned __int128)ns * m->cpu_freq_hz + 999999999u) / 1000000000u;
    return n > UINT64_MAX ? UINT64_MAX : (uint64_t)n;
}

static void advance_clock(struct machine *m, uint64_t insns)
{
    unsigned __int128 t = (unsigned __int128)insns * 1000000000u + m->clock_rem;
    m->clock_ns += (uint64_t)(t / m->cpu_freq_hz);
    m->clock_rem = (uint64_t)(t % m->cpu_freq_hz);
}

uint64_t machine_clock_ns(struct machine *m, const struct cpu *cpu)
{
    uint64_t t = m->clock_ns;
    if (cpu && cpu->budget < (int64_t)m->slice)
        t += insns_to_ns(m, (uint64_t)((int64_t)m->slice - cpu->budget));
    return t;
}

void vtimer_init(struct vtimer *t, void (*cb)(void *), void *opaque)
{
    t->cb = cb;
    t->opaque = opaque;
    t->armed = false;
    t->next = NULL;
}

void vtimer_cancel(struct machine *m, struct vtimer *t)
{
    if (!t->armed)
        return;
    for (struct vtimer **pp = &m->timers; *pp; pp = &(*pp)->next)
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    t->armed = false;
}

void vtimer_arm(struct machine *m, struct vtimer *t, uint64_t deadline_ns)
{
    vtimer_cancel(m, t);
    t->deadline_ns = deadline_ns;
    struct vtimer **pp = &m->timers;
    while (*pp && (*pp)->deadline_ns <= deadline_ns)
        pp = &(*pp)->next;
    t->next = *pp;
    *pp = t;
    t->armed = true;
    /* A deadline inside the running quantum: end the quantum early. */
    if (current_cpu && deadline_ns <= machine_clock_ns(m, current_cpu))
        cpu_exit(current_cpu);
}

static void fire_timers(struct machine *m)
{
    while (m->timers && m->timers->deadline_ns <= m->clock_ns) {
        struct vtimer *t = m->timers;
        m->timers = t->next;
        t->armed = false;
        t->cb(t->opaque);
    }
}

/* The quantum, or fewer instructions if a timer or the time limit is due
 * sooner. */
static uint64_t round_slice(const struct machine *m)
{
    uint64_t slice = m->quantum;
    if (m->timers && m->timers->deadline_ns > m->clock_ns) {
        uint64_t to_deadline = ns_to_insns(m, m->timers->deadline_ns - m->clock_ns);
        slice = to_deadline < slice ? to_deadline : slice;
    }
    if (m->time_limit_ns > m->clock_ns) {
        uint64_t to_limit = ns_to_insns(m, m->time_limit_ns - m->clock_ns);
        slice = to_limit < slice ? to_limit : slice;
    }
    return slice;
}

static uint64_t host_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Answer gdb, Ctrl-C and the console now. */
static void sched_poll(struct machine *m)
{
    event_poll(0);
    m->insns_since_poll = 0;
    m->poll_host_ns = host_ns();
}

/* Between two CPUs of a round: poll when SCHED_POLL_INSNS were charged or
 * SCHED_POLL_NS of host time passed since the last poll, so a round of
 * many CPUs (64 x the largest quantum) or of slow ones (a trap loop) never
 * keeps gdb waiting. Instructions make it reproducible, the host clock
 * covers what instructions do not measure. */
static void sched_poll_between_cpus(struct machine *m)
{
    if (m->insns_since_poll >= SCHED_POLL_INSNS || host_ns() - m->poll_host_ns >= SCHED_POLL_NS)
        sched_poll(m);
}

static bool round_over(const struct machine *m)
{
    return m->exit_requested || m->quit || m->stop_status;
}

/* Run every powered CPU for one slice; returns the most instructions one
 * of them executed (0: none ran). */
static uint64_t run_round(struct machine *m)
{
    uint64_t longest = 0;
    m->slice = round_slice(m);
    for (unsigned i = 0; i < m->nclusters && !round_over(m); i++) {
        struct cluster *c = m->clusters[i];
        for (unsigned j = 0; j < c->ncpus && !round_over(m); j++) {
            struct cpu *cpu = c->cpus[j];
            if (cpu->state == CPU_OFF || cpu->debug_stopped)
                continue;
            cpu->budget = (int64_t)m->slice;
            if (accel_cpu_run(cpu) == EXCP_DEBUG)
                debug_report_cpu(cpu);
            /* What it used of its budget: instructions, and traps taken. */
            int64_t used = (int64_t)m->slice - cpu->budget;
            if (used > 0 && (uint64_t)used > longest)
                longest = (uint64_t)used;
            if (used > 0)
                m->insns_since_poll += (uint64_t)used;
            sched_poll_between_cpus(m);
        }
    }
    accel_machine_quiescent(m);
    return longest;
}

static bool any_cpu_on(const struct machine *m)
{
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++)
            if (m->clusters[i]->cpus[j]->state != CPU_OFF)
                return true;
    return false;
}

/* A CPU sleeping in wfi that a timer could wake (not held by a debugger):
 * only then may virtual time jump ahead. Held CPUs freeze time. */
static bool any_cpu_waiting(const struct machine *m)
{
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++) {
            const struct cpu *cpu = m->clusters[i]->cpus[j];
            if (cpu->state == CPU_WAITING && !cpu->debug_stopped)
                return true;
        }
    return false;
}

/* With a debugger attached the board outlives its guest's exit request:
 * the debugger is told and the CPUs are held. Otherwise the observers are
 * told and the run ends. True when the run should end. */
static bool handle_exit_request(struct machine *m)
{
    if (!m->exit_requested)
        return false;
    if (!debug_attached(m)) {
        machine_notify_exited(m, m->exit_code);
        return true;
    }
    m->exit_requested = false;
    debug_report_exit(m, m->exit_code);
    return false;
}

static bool time_is_up(const struct machine *m)
{
    return m->time_limit_ns && m->clock_ns >= m->time_limit_ns;
}

/* Where every CPU was when a run was cut short, for a CI log. */
static void report_cpus(struct machine *m)
{
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++) {
            struct cpu *cpu = m->clusters[i]->cpus[j];
            log_error("  %s: %s, pc 0x%08" PRIx64 ", %" PRIu64 " instructions", cpu->path,
                      cpu->state == CPU_OFF       ? "powered off"
                      : cpu->state == CPU_WAITING ? "waiting for an interrupt"
                                                  : "running",
                      (uint64_t)cpu->target->get_pc(cpu), cpu->icount);
        }
}

/* The run hit -time-limit. */
static int stop_at_time_limit(struct machine *m)
{
    log_error("virtual time limit of %.6f s reached; the guest did not exit",
              (double)m->time_limit_ns / 1e9);
    report_cpus(m);
    return MACHINE_TIME_LIMIT_EXIT;
}

/* The run hit -wall-limit: the same exit status as -time-limit. */
static int stop_at_wall_limit(struct machine *m)
{
    log_error("wall-clock limit of %.6f s reached; the guest did not exit at %.6f s of "
              "virtual time",
              (double)m->wall_limit_ns / 1e9, (double)m->clock_ns / 1e9);
    report_cpus(m);
    return MACHINE_TIME_LIMIT_EXIT;
}

/* A CPU ended the run (a fault storm, reported where it was found). */
static int stop_with_status(struct machine *m)
{
    report_cpus(m);
    return m->stop_status;
}

/* Host time left before -wall-limit, for a wait: -1 (no limit) or ms. */
static int wall_wait_ms(const struct machine *m, uint64_t start)
{
    if (!m->wall_limit_ns)
        return -1;
    uint64_t spent = host_ns() - start;
    uint64_t left = spent < m->wall_limit_ns ? m->wall_limit_ns - spent : 0;
    uint64_t ms = (left + 999999) / 1000000;
    return ms > 1000 ? 1000 : (int)ms;
}

int machine_run(struct machine *m)
{
    uint64_t start = host_ns();
    m->poll_host_ns = start;
    while (!handle_exit_request(m) && !m->quit) {
        if (m->stop_status)
            return stop_with_status(m);
        if (time_is_up(m))
            return stop_at_time_limit(m);
        if (m->wall_limit_ns && host_ns() - start >= m->wall_limit_ns)
            return stop_at_wall_limit(m);
        uint64_t ran = run_round(m);
        if (ran) {
            advance_clock(m, ran);
            fire_timers(m);
            sched_poll(m);
            continue;
        }
        if (m->exit_requested || m->quit || m->stop_status)
            continue;
        /* Nothing ran: every CPU waits, is off, or is held by the debugger. */
        if (m->timers && any_cpu_waiting(m)) {
            if (m->time_limit_ns && m->timers->deadline_ns > m->time_limit_ns) {
                m->clock_ns = m->time_limit_ns; /* sleeps past the limit */
                continue;
            }
            if (m->timers->deadline_ns > m->clock_ns)
                m->clock_ns = m->timers->deadline_ns;
            fire_timers(m);
            sched_poll(m);
        } else if (event_input_sources() || debug_attached(m)) {
            event_poll(wall_wait_ms(m, start));
        } else {
            log_error("every CPU is %s and nothing can wake %s (no timer armed, no input): "
                      "stopping at %.6f s of virtual time",
                      any_cpu_on(m) ? "waiting for an interrupt" : "powered off",
                      any_cpu_on(m) ? "them" : "one", (double)m->clock_ns / 1e9);
            return 1;
        }
    }
    return m->exit_code;
}

uint64_t machine_instructions(const struct machine *m)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++)
            n += m->clusters[i]->cpus[j]->icount;
    return n;
}
