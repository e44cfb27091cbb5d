/* SPDX-License-Identifier: MIT */
/*
 * Real-time side of the rv-m4-amp demo (Cortex-M4, loaded into its TCM
 * at 0x0 and held in reset until the application releases it): its own
 * vector table and start-up, the CMSDK UART for its console, and the
 * mailbox interrupt (NVIC input 2). On boot it says READY; for each SUM
 * request it summarises the words the application left in shared SRAM,
 * writes the answer there and rings back DONE; on STOP it says BYE and
 * sleeps for good.
 */
#include <stdint.h>

#include "amp.h"

#define REG32(addr) (*(volatile uint32_t *)(addr))
#define UART_DATA REG32(AMP_RT_UART + 0x00)
#define UART_STATE REG32(AMP_RT_UART + 0x04)
#define UART_CTRL REG32(AMP_RT_UART + 0x08)
#define UART_BAUDDIV REG32(AMP_RT_UART + 0x10)
#define NVIC_ISER0 REG32(0xe000e100u)
#define NVIC_IPR8(n) (*(volatile uint8_t *)(0xe000e400u + (n)))
#define SCB_VTOR REG32(0xe000ed08u)
#define NUM_IRQS 8

extern uint32_t __stack_top[], __bss_start[], __bss_end[];

static volatile struct amp_shared *const shared = (volatile struct amp_shared *)AMP_RT_SHARED;
static volatile uint32_t pending_msg, have_msg;

static void rt_putc(char c)
{
    while (UART_STATE & 1)
        ;
    UART_DATA = (uint8_t)c;
}

static void rt_puts(const char *s)
{
    while (*s)
        rt_putc(*s++);
}

static void rt_put_hex(uint32_t v)
{
    rt_puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4)
        rt_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

static void rt_send(uint32_t msg)
{
    __asm__ volatile("dmb" ::: "memory");
    MBOX_DATA(AMP_RT_MBOX, MBOX_TO_APP) = msg;
    MBOX_DOORBELL(AMP_RT_MBOX, MBOX_TO_APP) = 1;
}

/* Mailbox channel 0: take the message, acknowledge, let the loop work. */
static void rt_mailbox_isr(void)
{
    pending_msg = MBOX_DATA(AMP_RT_MBOX, MBOX_TO_RT);
    MBOX_ACK(AMP_RT_MBOX, MBOX_TO_RT) = 1;
    have_msg = 1;
}

static void rt_sum(uint32_t seq)
{
    uint32_t n = shared->count, sum = 0, xor = 0, max = 0;

    __asm__ volatile("dmb" ::: "memory");
    for (uint32_t i = 0; i < n && i < AMP_MAX_WORDS; i++) {
        uint32_t w = shared->request[i];
        sum += w;
        xor ^= w;
        max = w > max ? w : max;
    }
    shared->reply_sum = sum;
    shared->reply_xor = xor;
    shared->reply_max = max;
    rt_puts("rt: request ");
    rt_putc((char)('0' + seq % 10));
    rt_puts(": sum ");
    rt_put_hex(sum);
    rt_puts(" xor ");
    rt_put_hex(xor);
    rt_puts(" max ");
    rt_put_hex(max);
    rt_putc('\n');
    rt_send(AMP_MSG(AMP_MSG_DONE, seq));
}

/* The next message: sleep with interrupts masked while deciding (WFI
 * still wakes for a pending one, taken when PRIMASK is cleared). */
static uint32_t rt_wait_message(void)
{
    uint32_t msg;

    for (;;) {
        __asm__ volatile("cpsid i" ::: "memory");
        if (have_msg)
            break;
        __asm__ volatile("wfi");
        __asm__ volatile("cpsie i" ::: "memory");
    }
    msg = pending_msg;
    have_msg = 0;
    __asm__ volatile("cpsie i" ::: "memory");
    return msg;
}

__attribute__((noreturn)) static void rt_main(void)
{
    uint32_t msg;

    UART_BAUDDIV = 16;
    UART_CTRL = 1;
    rt_puts("rt: Cortex-M4 up, VTOR ");
    rt_put_hex(SCB_VTOR);
    rt_putc('\n');
    NVIC_IPR8(AMP_RT_MBOX_IRQ) = 0x80;
    NVIC_ISER0 = 1u << AMP_RT_MBOX_IRQ;
    MBOX_INTEN(AMP_RT_MBOX, MBOX_TO_RT) = 1;
    rt_send(AMP_MSG(AMP_MSG_READY, 0));
    for (;;) {
        msg = rt_wait_message();
        if (AMP_MSG_CODE(msg) == AMP_MSG_SUM) {
            rt_sum(AMP_MSG_SEQ(msg));
            continue;
        }
        rt_puts(AMP_MSG_CODE(msg) == AMP_MSG_STOP ? "rt: stopping\n" : "rt: unknown message\n");
        rt_send(AMP_MSG(AMP_MSG_BYE, 0));
        __asm__ volatile("cpsid i");
        for (;;)
            __asm__ volatile("wfi");
    }
}

__attribute__((noreturn)) void rt_reset(void);

__attribute__((noreturn)) void rt_reset(void)
{
    for (uint32_t *p = __bss_start; p < __bss_end; p++)
        *p = 0;
    rt_main();
}

/* Anything unexpected: report the exception number and stop. */
static void rt_fault(void)
{
    uint32_t ipsr;

    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    rt_puts("rt: unexpected exception ");
    rt_put_hex(ipsr & 0x1ff);
    rt_putc('\n');
    __asm__ volatile("cpsid i");
    for (;;)
        __asm__ volatile("wfi");
}

/* ARMv7-M ARM B1.5.3: initial SP, then the handlers by exception number. */
struct rt_vector_table {
    uint32_t *initial_sp;
    void (*handlers[15 + NUM_IRQS])(void);
};

__attribute__((section(".vectors"), used)) const struct rt_vector_table rt_vectors = {
    .initial_sp = __stack_top,
    .handlers =
        {
            [0] = rt_reset,
            [1 ... 15 + AMP_RT_MBOX_IRQ - 1] = rt_fault,
            [15 + AMP_RT_MBOX_IRQ] = rt_mailbox_isr,
            [15 + AMP_RT_MBOX_IRQ + 1 ... 15 + NUM_IRQS - 1] = rt_fault,
        },
};
