/* SPDX-License-Identifier: MIT */
/*
 * An RTOS in miniature for mps2-an385, the way Cortex-M kernels work:
 * four tasks on their own process stacks, a 1 ms SysTick that wakes
 * sleepers and time-slices round-robin, PendSV (lowest priority) that
 * switches contexts (r4-r11 saved on the task's stack, the rest stacked
 * by the exception), SVC for the system calls (start, sleep, print,
 * semaphore wait and give, exit), and the CMSDK timer0 interrupt giving a
 * semaphore. "ping" and "pong" alternate by sleeping, "spin" never
 * sleeps (only preemption moves it off the CPU), and "timer" waits for
 * ping and pong, then for three timer0 interrupts 5 ms apart, checks
 * that spin was preempted and exits 0. The output is the same on every
 * run, and under QEMU with -icount (its ticks then follow instructions, not
 * host time): every line is printed at a distinct tick.
 */
#include "mps2.h"

#define TICK_HZ 1000u
#define STACK_WORDS 256
#define NTASKS 4
#define TIMER_PERIOD (MPS2_SYSCLK_HZ / 200u) /* 5 ms */

enum task_state { TASK_READY, TASK_SLEEPING, TASK_WAITING, TASK_DONE };
enum { SVC_START, SVC_SLEEP, SVC_PRINT, SVC_WAIT, SVC_GIVE, SVC_EXIT };

struct semaphore {
    uint32_t count;
};

struct task {
    uint32_t *sp; /* first: the context switch code uses offset 0 */
    enum task_state state;
    uint32_t wake_tick;
    struct semaphore *waiting_on;
    uint32_t stack[STACK_WORDS] __attribute__((aligned(8)));
};

static struct task tasks[NTASKS];
struct task *rtos_current;
static volatile uint32_t ticks;
static volatile uint32_t spin_count, spin_preempted;
static struct semaphore pingpong_done, timer_sem;

/* System calls: SVC #n with the argument in r0. */
#define RTOS_SVC(n, arg)                                                                           \
    do {                                                                                           \
        register uint32_t r0_ __asm__("r0") = (uint32_t)(arg);                                     \
        __asm__ volatile("svc %1" : "+r"(r0_) : "I"(n) : "memory");                                \
    } while (0)

static void rtos_sleep(uint32_t n)
{
    RTOS_SVC(SVC_SLEEP, n);
}

static void rtos_print(const char *s)
{
    RTOS_SVC(SVC_PRINT, s);
}

static void rtos_wait(struct semaphore *sem)
{
    RTOS_SVC(SVC_WAIT, sem);
}

static void rtos_signal(struct semaphore *sem)
{
    RTOS_SVC(SVC_GIVE, sem);
}

static void rtos_task_exit(void)
{
    RTOS_SVC(SVC_EXIT, 0);
    for (;;)
        ;
}

static void rtos_request_switch(void)
{
    SCB_ICSR = SCB_ICSR_PENDSVSET;
}

/* Called from handlers only (SVC, SysTick, interrupts), which never
 * preempt one another's scheduling state changes: SVC has the highest
 * priority and the others share one. */
static void rtos_give(struct semaphore *sem)
{
    for (unsigned i = 0; i < NTASKS; i++) {
        if (tasks[i].state == TASK_WAITING && tasks[i].waiting_on == sem) {
            tasks[i].state = TASK_READY;
            rtos_request_switch();
            return;
        }
    }
    sem->count++;
}

/* The next ready task after the current one, round-robin (PendSV). */
__attribute__((used)) void rtos_schedule(void)
{
    unsigned cur = (unsigned)(rtos_current - tasks);

    for (unsigned k = 1; k <= NTASKS; k++) {
        struct task *t = &tasks[(cur + k) % NTASKS];
        if (t->state == TASK_READY) {
            if (cur == NTASKS - 1 && t != rtos_current)
                spin_preempted++;
            rtos_current = t;
            return;
        }
    }
}

__attribute__((used)) void rtos_svc(uint32_t *frame, unsigned n)
{
    struct task *t = rtos_current;

    switch (n) {
    case SVC_SLEEP:
        t->wake_tick = ticks + frame[0];
        t->state = TASK_SLEEPING;
        rtos_request_switch();
        break;
    case SVC_PRINT: fw_puts((const char *)frame[0]); break;
    case SVC_WAIT: {
        struct semaphore *sem = (struct semaphore *)frame[0];
        if (sem->count) {
            sem->count--;
        } else {
            t->state = TASK_WAITING;
            t->waiting_on = sem;
            rtos_request_switch();
        }
        break;
    }
    case SVC_GIVE: rtos_give((struct semaphore *)frame[0]); break;
    default:
        t->state = TASK_DONE;
        rtos_request_switch();
        break;
    }
}

/* SVC #0 starts the first task on its process stack; the others go to
 * rtos_svc(frame, number) and return from the exception through it. */
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
                     "ldmia r0!, {r4-r11}\n"
                     "msr psp, r0\n"
                     "mvn lr, #2\n" /* EXC_RETURN 0xfffffffd: thread mode, PSP */
                     "bx lr\n");
}

/* The context switch: save r4-r11 of the current task below its frame,
 * pick the next task, restore its r4-r11 and return onto its stack. */
__attribute__((naked)) void pendsv_handler(void)
{
    __asm__ volatile("cpsid i\n"
                     "mrs r0, psp\n"
                     "stmdb r0!, {r4-r11}\n"
                     "movw r1, #:lower16:rtos_current\n"
                     "movt r1, #:upper16:rtos_current\n"
                     "ldr r2, [r1]\n"
                     "str r0, [r2]\n"
                     "push {r1, lr}\n"
                     "bl rtos_schedule\n"
                     "pop {r1, lr}\n"
                     "ldr r2, [r1]\n"
                     "ldr r0, [r2]\n"
                     "ldmia r0!, {r4-r11}\n"
                     "msr psp, r0\n"
                     "cpsie i\n"
                     "bx lr\n");
}

void systick_handler(void)
{
    ticks++;
    for (unsigned i = 0; i < NTASKS; i++)
        if (tasks[i].state == TASK_SLEEPING && (int32_t)(ticks - tasks[i].wake_tick) >= 0)
            tasks[i].state = TASK_READY;
    rtos_request_switch(); /* time slice */
}

static void timer0_isr(void)
{
    TIMER_INTCLEAR(MPS2_TIMER0) = 1;
    rtos_give(&timer_sem);
}

static void ping_task(void)
{
    static const char *const lines[] = {"ping 0\n", "ping 1\n", "ping 2\n"};

    for (int i = 0; i < 3; i++) {
        rtos_print(lines[i]);
        rtos_sleep(2);
    }
    rtos_signal(&pingpong_done);
}

static void pong_task(void)
{
    static const char *const lines[] = {"pong 0\n", "pong 1\n", "pong 2\n"};

    rtos_sleep(1);
    for (int i = 0; i < 3; i++) {
        rtos_print(lines[i]);
        rtos_sleep(2);
    }
    rtos_signal(&pingpong_done);
}

static void timer_task(void)
{
    static const char *const lines[] = {"timer0 interrupt 1\n", "timer0 interrupt 2\n",
                                        "timer0 interrupt 3\n"};

    rtos_wait(&pingpong_done);
    rtos_wait(&pingpong_done);
    rtos_print("ping and pong done\n");
    TIMER_RELOAD(MPS2_TIMER0) = TIMER_PERIOD - 1;
    TIMER_CTRL(MPS2_TIMER0) = TIMER_CTRL_EN | TIMER_CTRL_IE;
    for (int i = 0; i < 3; i++) {
        rtos_wait(&timer_sem);
        rtos_print(lines[i]);
    }
    TIMER_CTRL(MPS2_TIMER0) = 0;
    rtos_print(spin_count && spin_preempted ? "spin task was preempted\n"
                                            : "spin task never ran or never lost the CPU\n");
    rtos_print("rtos ok\n");
    fw_exit(spin_count && spin_preempted ? 0 : 1);
}

static void spin_task(void)
{
    for (;;)
        spin_count++;
}

/* A new task's stack: r4-r11 (restored by PendSV or SVC #0), then the
 * exception frame that starts it in Thumb state at @entry. */
static void task_init(struct task *t, void (*entry)(void))
{
    uint32_t *sp = &t->stack[STACK_WORDS - 16];

    for (int i = 0; i < 16; i++)
        sp[i] = 0;
    sp[8 + 5] = (uint32_t)rtos_task_exit; /* lr */
    sp[8 + 6] = (uint32_t)entry & ~1u;    /* pc */
    sp[8 + 7] = 0x01000000u;              /* xPSR: Thumb */
    t->sp = sp;
    t->state = TASK_READY;
}

int main(unsigned hart)
{
    static void (*const entries[NTASKS])(void) = {ping_task, pong_task, timer_task, spin_task};

    (void)hart;
    fw_uart_init();
    fw_puts("rtos: 4 tasks, 1 ms SysTick\n");
    for (unsigned i = 0; i < NTASKS; i++)
        task_init(&tasks[i], entries[i]);
    rtos_current = &tasks[0];
    /* PendSV lowest, SysTick and timer0 above it, SVC (0) above all. */
    SCB_SHPR3 = (0x40u << 24) | (0xe0u << 16);
    NVIC_IPR8(MPS2_TIMER0_IRQ) = 0x40;
    fw_set_irq_handler(MPS2_TIMER0_IRQ, timer0_isr);
    fw_irq_enable(MPS2_TIMER0_IRQ);
    SYST_RVR = MPS2_SYSCLK_HZ / TICK_HZ - 1;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
    RTOS_SVC(SVC_START, 0);
    return 1; /* not reached */
}
