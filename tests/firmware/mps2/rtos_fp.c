/* SPDX-License-Identifier: MIT */
/*
 * Task switching with floating point on mps2-an386 (Cortex-M4F), the way
 * FreeRTOS's ARM_CM4F port does it: built for the hard-float ABI, lazy
 * stacking on (FPCCR.ASPEN and LSPEN, their reset values), a 1 ms SysTick
 * that does float arithmetic itself and time-slices, and PendSV (lowest
 * priority) switching tasks: it saves S16-S31 only when EXC_RETURN bit 4
 * says the task had an FP context (that store makes the core finish the
 * lazy save of S0-S15 and FPSCR into the task's exception frame), then
 * r4-r11 and EXC_RETURN on the task's stack, and restores the next task
 * the same way.
 *
 * Two tasks keep all 32 S registers loaded with their own pattern while
 * they spin (ARMv7-M ARM B1.5.7: only the frame preserves them), each
 * under its own FPSCR modes, and compute a float series; a third task
 * never touches the FPU (its frames stay basic) and reports once both are
 * done. The output does not depend on where the ticks fall, so it is the
 * same on Mosaic and on QEMU's mps2-an386.
 */
#include <stdbool.h>

#include "mps2.h"

#define TICK_HZ 1000u
#define STACK_WORDS 512
#define NTASKS 3
#define ROUNDS 40
#define SPINS 10000
#define CPACR REG32(0xe000ed88u)
#define FPCCR REG32(0xe000ef34u)
#define FPCCR_LSPACT 0x1u
#define EXC_RETURN_THREAD_PSP 0xfffffffdu

enum { SVC_START, SVC_EXIT };

struct task {
    uint32_t *sp; /* first: the context switch code uses offset 0 */
    bool done;
    uint32_t stack[STACK_WORDS] __attribute__((aligned(8)));
};

/* What each FP task found. */
struct fp_result {
    uint32_t rounds, bad_regs, bad_fpscr;
    float sum;
};

static struct task tasks[NTASKS];
struct task *rtos_current;
static volatile uint32_t ticks;
static volatile float uptime;
static struct fp_result results[2];
/* Switches away from a task with an FP context, and ticks that found a
 * lazy save pending (an FP task interrupted): both must happen. */
volatile uint32_t fp_switches, lazy_ticks;

static void rtos_exit(void)
{
    __asm__ volatile("svc %0" : : "I"(SVC_EXIT) : "memory");
    for (;;)
        ;
}

/* The next task that is not done, round-robin (from PendSV). */
__attribute__((used)) void rtos_schedule(uint32_t exc_return)
{
    unsigned cur = (unsigned)(rtos_current - tasks);

    if (!(exc_return & 0x10))
        fp_switches++;
    for (unsigned k = 1; k <= NTASKS; k++) {
        struct task *t = &tasks[(cur + k) % NTASKS];
        if (!t->done) {
            rtos_current = t;
            return;
        }
    }
}

/* SVC #0 starts the first task from its stack; SVC #1 ends a task. */
__attribute__((used)) void rtos_svc(uint32_t *frame)
{
    (void)frame;
    rtos_current->done = true;
    SCB_ICSR = SCB_ICSR_PENDSVSET;
}

__attribute__((naked)) void svc_handler(void)
{
    __asm__ volatile("tst lr, #4\n"
                     "ite eq\n"
                     "mrseq r0, msp\n"
                     "mrsne r0, psp\n"
                     "ldr r1, [r0, #24]\n"
                     "ldrb r1, [r1, #-2]\n"
                     "cbz r1, 1f\n"
                     "b rtos_svc\n"
                     "1: movw r0, #:lower16:rtos_current\n"
                     "movt r0, #:upper16:rtos_current\n"
                     "ldr r0, [r0]\n"
                     "ldr r0, [r0]\n"
                     "ldmia r0!, {r4-r11, lr}\n"
                     "msr psp, r0\n"
                     "bx lr\n");
}

/* The context switch of FreeRTOS's ARM_CM4F port. */
__attribute__((naked)) void pendsv_handler(void)
{
    __asm__ volatile("mrs r0, psp\n"
                     "isb\n"
                     "movw r3, #:lower16:rtos_current\n"
                     "movt r3, #:upper16:rtos_current\n"
                     "ldr r2, [r3]\n"
                     "tst lr, #0x10\n"
                     "it eq\n"
                     "vstmdbeq r0!, {s16-s31}\n"
                     "stmdb r0!, {r4-r11, lr}\n"
                     "str r0, [r2]\n"
                     "cpsid i\n"
                     "mov r0, lr\n"
                     "bl rtos_schedule\n"
                     "cpsie i\n"
                     "movw r3, #:lower16:rtos_current\n"
                     "movt r3, #:upper16:rtos_current\n"
                     "ldr r1, [r3]\n"
                     "ldr r0, [r1]\n"
                     "ldmia r0!, {r4-r11, lr}\n"
                     "tst lr, #0x10\n"
                     "it eq\n"
                     "vldmiaeq r0!, {s16-s31}\n"
                     "msr psp, r0\n"
                     "isb\n"
                     "bx lr\n");
}

/* Float work in the handler: with a task's FP context still in the
 * registers (LSPACT), this is where the lazy save happens. Out of line,
 * so that no FP instruction runs before the handler has looked. */
static __attribute__((noinline)) void tick_float(void)
{
    uptime = uptime + 0.001f;
}

void systick_handler(void)
{
    if (FPCCR & FPCCR_LSPACT)
        lazy_ticks++;
    tick_float();
    ticks++;
    SCB_ICSR = SCB_ICSR_PENDSVSET;
}

/* Load s0-s31 from @pattern, spin @n times (preemption happens here),
 * store them to @out. */
static void fp_hold(const uint32_t *pattern, uint32_t *out, uint32_t n)
{
    __asm__ volatile("vldmia %1, {s0-s31}\n"
                     "1: subs %0, %0, #1\n"
                     "bne 1b\n"
                     "vstmia %2, {s0-s31}\n"
                     : "+r"(n)
                     : "r"(pattern), "r"(out)
                     : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
                       "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22",
                       "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31", "cc",
                       "memory");
}

static uint32_t get_fpscr(void)
{
    uint32_t v;
    __asm__ volatile("vmrs %0, fpscr" : "=r"(v));
    return v;
}

static void set_fpscr(uint32_t v)
{
    __asm__ volatile("vmsr fpscr, %0" : : "r"(v));
}

/* A task holding its own pattern in the FP registers under FPSCR @modes
 * (only the mode bits are checked: the flags accumulate), adding up
 * 1/(k + 1) in that rounding. */
static void fp_task(unsigned id, uint32_t modes)
{
    struct fp_result *r = &results[id];
    uint32_t pattern[32], seen[32];
    float sum = 0.0f;

    set_fpscr(modes);
    for (uint32_t round = 0; round < ROUNDS; round++) {
        for (unsigned i = 0; i < 32; i++)
            pattern[i] = 0x3f800000u + (id << 20) + (round << 8) + i;
        fp_hold(pattern, seen, SPINS);
        for (unsigned i = 0; i < 32; i++)
            r->bad_regs += seen[i] != pattern[i];
        r->bad_fpscr += (get_fpscr() & 0x07c00000u) != modes;
        for (unsigned k = 0; k < 50; k++)
            sum += 1.0f / (float)(round * 50 + k + 1);
        r->rounds++;
    }
    r->sum = sum;
    rtos_exit();
}

static void task_a(void)
{
    fp_task(0, 0x00c00000u); /* round toward zero */
}

static void task_b(void)
{
    fp_task(1, 0x03400000u); /* DN, FZ, round toward plus infinity */
}

static uint32_t float_bits(float f)
{
    union {
        float f;
        uint32_t u;
    } v = {.f = f};
    return v.u;
}

static void report(const char *name, const struct fp_result *r)
{
    fw_puts(name);
    fw_puts(": ");
    fw_put_dec(r->rounds);
    fw_puts(" rounds, ");
    fw_puts(r->bad_regs || r->bad_fpscr ? "FP registers lost" : "FP registers kept");
    fw_puts(", sum ");
    fw_put_hex(float_bits(r->sum));
    fw_putc('\n');
}

/* Integer only: its frames stay basic. Waits for the FP tasks, reports. */
static void task_report(void)
{
    while (!tasks[0].done || !tasks[1].done)
        __asm__ volatile("wfi");
    report("task a (RZ)", &results[0]);
    report("task b (RP, FZ, DN)", &results[1]);
    fw_puts(fp_switches ? "switched away from FP contexts\n" : "no FP context switch\n");
    fw_puts(lazy_ticks ? "SysTick did lazy FP saves\n" : "no lazy FP save in SysTick\n");
    bool ok = !results[0].bad_regs && !results[0].bad_fpscr && !results[1].bad_regs &&
              !results[1].bad_fpscr && fp_switches && lazy_ticks && uptime > 0.0f;
    fw_puts(ok ? "rtos-fp ok\n" : "rtos-fp FAILED\n");
    fw_exit(ok ? 0 : 1);
}

/* A new task's stack: r4-r11 and EXC_RETURN (restored by PendSV or SVC
 * #0), then a basic exception frame that starts it at @entry. */
static void task_init(struct task *t, void (*entry)(void))
{
    uint32_t *sp = &t->stack[STACK_WORDS - 17];

    for (int i = 0; i < 17; i++)
        sp[i] = 0;
    sp[8] = EXC_RETURN_THREAD_PSP;
    sp[9 + 5] = (uint32_t)rtos_exit;   /* lr */
    sp[9 + 6] = (uint32_t)entry & ~1u; /* pc */
    sp[9 + 7] = 0x01000000u;           /* xPSR: Thumb */
    t->sp = sp;
}

int main(unsigned hart)
{
    static void (*const entries[NTASKS])(void) = {task_a, task_b, task_report};

    (void)hart;
    CPACR |= 0xfu << 20; /* CP10, CP11: before any FP instruction */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    fw_uart_init();
    fw_puts("rtos-fp: 3 tasks, 2 with FP, lazy stacking\n");
    for (unsigned i = 0; i < NTASKS; i++)
        task_init(&tasks[i], entries[i]);
    rtos_current = &tasks[0];
    /* PendSV lowest, SysTick above it, SVC (0) above all. */
    SCB_SHPR3 = (0x40u << 24) | (0xe0u << 16);
    SYST_RVR = MPS2_SYSCLK_HZ / TICK_HZ - 1;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
    __asm__ volatile("svc %0" : : "I"(SVC_START) : "memory");
    return 1; /* not reached */
}
