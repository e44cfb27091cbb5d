/* SPDX-License-Identifier: MIT */
/*
 * Reset and exceptions of the MPS2 firmware (see mps2.h): the vector
 * table at 0x0, from which the core loads its stack pointer and reset
 * address; reset clears .bss and runs main(0), whose return value is the
 * exit code. SVCall, PendSV and SysTick go to the weak svc_handler,
 * pendsv_handler and systick_handler, interrupts to the handlers set with
 * fw_set_irq_handler(); anything else (faults, an interrupt without a
 * handler) prints the exception number and the stacked pc and exits 99.
 */
#include "mps2.h"

#define FW_NUM_IRQS 32

extern uint32_t __stack_top[], __bss_start[], __bss_end[];

static void (*fw_irq_handlers[FW_NUM_IRQS])(void);

/* The unexpected-exception path, with the stacked frame (r0-r3, r12, lr,
 * pc, xpsr) of the interrupted code. */
__attribute__((used, noreturn)) void fw_report_exception(const uint32_t *frame)
{
    uint32_t ipsr;

    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    fw_puts("unexpected exception ");
    fw_put_dec(ipsr & 0x1ff);
    fw_puts(" at pc ");
    fw_put_hex(frame[6]);
    fw_putc('\n');
    fw_exit(99);
}

__attribute__((naked)) static void fw_unexpected(void)
{
    __asm__ volatile("tst lr, #4\n"
                     "ite eq\n"
                     "mrseq r0, msp\n"
                     "mrsne r0, psp\n"
                     "b fw_report_exception\n");
}

void svc_handler(void) __attribute__((weak, alias("fw_unexpected")));
void pendsv_handler(void) __attribute__((weak, alias("fw_unexpected")));
void systick_handler(void) __attribute__((weak, alias("fw_unexpected")));

static void fw_irq_dispatch(void)
{
    uint32_t ipsr;
    unsigned n;

    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    n = (ipsr & 0x1ff) - 16;
    if (n < FW_NUM_IRQS && fw_irq_handlers[n])
        fw_irq_handlers[n]();
    else
        fw_unexpected();
}

void fw_set_irq_handler(unsigned n, void (*fn)(void))
{
    if (n < FW_NUM_IRQS)
        fw_irq_handlers[n] = fn;
}

/* The reset handler (and the ELF entry). */
__attribute__((noreturn)) void fw_reset(void);

__attribute__((noreturn)) void fw_reset(void)
{
#ifdef __ARM_FP
    /* Built for an FPU (hard-float ABI): give CP10 and CP11 full access
     * before any FP instruction, as CMSIS's SystemInit does (ARMv7-M ARM
     * B3.2.20, CPACR). */
    *(volatile uint32_t *)0xe000ed88u |= 0xfu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
    for (uint32_t *p = __bss_start; p < __bss_end; p++)
        *p = 0;
    fw_exit(main(0));
}

/* ARMv7-M ARM B1.5.3: word 0 is the initial SP, then the exceptions by
 * number (1 = reset), then the external interrupts. */
struct fw_vector_table {
    uint32_t *initial_sp;
    void (*handlers[15 + FW_NUM_IRQS])(void);
};

__attribute__((section(".vectors"), used)) const struct fw_vector_table fw_vectors = {
    .initial_sp = __stack_top,
    .handlers =
        {
            [0] = fw_reset,
            [1 ... 9] = fw_unexpected, /* NMI, faults, reserved */
            [10] = svc_handler,
            [11 ... 12] = fw_unexpected,
            [13] = pendsv_handler,
            [14] = systick_handler,
            [15 ... 15 + FW_NUM_IRQS - 1] = fw_irq_dispatch,
        },
};
