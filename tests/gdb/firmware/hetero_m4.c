/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M4 firmware of the rv-m4-amp gdb tests (Thumb-2, linked into the
 * M4's TCM at 0x0 by hetero_m4.ld). The application releases the M4 from
 * reset; m4_reset clears .bss and enters m4_main, which enables the
 * mailbox interrupt (NVIC input 2), says it is up in shared SRAM and idles
 * in m4_idle counting m4_ticks. Each doorbell runs m4_mailbox_isr, which
 * takes the round number; m4_main then answers the request with m4_clamp
 * (an IT block, for stepping) and writes its turn. Plain C at -O0 -g, so
 * gdb can break, step and unwind out of the handler into m4_idle.
 */
#include <stdint.h>

#include "hetero_shared.h"

#define M4_SHARED ((volatile struct hetero_shared *)HETERO_M4_SHARED)
#define NVIC_ISER0 0xe000e100UL
#define M4_NUM_IRQS 8

extern uint32_t __stack_top[], __bss_start[], __bss_end[];

volatile uint32_t m4_ticks;
volatile uint32_t m4_pending_round;
volatile uint32_t m4_isr_count;

/* Mailbox channel 0 rang: take the round, acknowledge. */
void m4_mailbox_isr(void)
{
    m4_pending_round = HETERO_REG32(HETERO_M4_MBOX + HETERO_MBOX_DATA);
    HETERO_REG32(HETERO_M4_MBOX + HETERO_MBOX_ACK) = 1;
    m4_isr_count++;
}

/* The smaller of @x and @limit, through an IT block (ARMv7-M ARM A7.7.38). */
uint32_t m4_clamp(uint32_t x, uint32_t limit)
{
    uint32_t r;

    __asm__ volatile("cmp %1, %2\n\t"
                     "ite hi\n\t"
                     "movhi %0, %2\n\t"
                     "movls %0, %1"
                     : "=&r"(r)
                     : "r"(x), "r"(limit)
                     : "cc");
    return r;
}

/* Wait for the mailbox handler to hand over a round. */
uint32_t m4_idle(void)
{
    uint32_t round;

    while (!m4_pending_round)
        m4_ticks++;
    round = m4_pending_round;
    m4_pending_round = 0;
    return round;
}

void m4_answer(uint32_t round)
{
    uint32_t value = M4_SHARED->request;

    M4_SHARED->reply = m4_clamp(value, HETERO_LIMIT);
    M4_SHARED->turn = 2 * round;
    M4_SHARED->round = round;
}

void m4_main(void)
{
    HETERO_REG32(NVIC_ISER0) = 1u << HETERO_M4_MBOX_IRQ;
    HETERO_REG32(HETERO_M4_MBOX + HETERO_MBOX_INTEN) = 1;
    M4_SHARED->m4_ready = 1;
    for (;;)
        m4_answer(m4_idle());
}

void m4_reset(void)
{
    for (uint32_t *p = __bss_start; p < __bss_end; p++)
        *p = 0;
    m4_main();
}

/* Anything unexpected parks the core here, where gdb can see it. */
void m4_fault(void)
{
    for (;;)
        ;
}

/* ARMv7-M ARM B1.5.3: the initial SP, then the handlers by exception number. */
struct m4_vector_table {
    uint32_t *initial_sp;
    void (*handlers[15 + M4_NUM_IRQS])(void);
};

__attribute__((section(".vectors"), used)) const struct m4_vector_table m4_vectors = {
    .initial_sp = __stack_top,
    .handlers =
        {
            [0] = m4_reset,
            [1 ... 15 + HETERO_M4_MBOX_IRQ - 1] = m4_fault,
            [15 + HETERO_M4_MBOX_IRQ] = m4_mailbox_isr,
            [15 + HETERO_M4_MBOX_IRQ + 1 ... 15 + M4_NUM_IRQS - 1] = m4_fault,
        },
};
