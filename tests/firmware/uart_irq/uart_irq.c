/* SPDX-License-Identifier: MIT */
/*
 * UART receive interrupts through the PLIC, as firmware for QEMU virt
 * does it (riscv-virt, riscv-virt32, qemu-system-riscv64/32 -M virt -bios
 * none): the 16550's interrupt is PLIC source 10; hart 0's M-mode context
 * (context 0) enables it with priority 1 above threshold 0. The trap
 * handler claims the source, moves every received byte into a ring and
 * completes it; main only ever sleeps in wfi and reads the ring, never the
 * UART. Each input line is printed back as `uart-irq: got "LINE"`; the
 * line "quit" ends the run with exit code 0 through the test finisher.
 * The FIFOs stay off (FCR is never written), because turning them on
 * would drop bytes that arrived before start-up.
 */
#include <stdbool.h>

#include "fw.h"

#define PLIC_BASE 0xc000000UL
#define PLIC_CONTEXT 0 /* hart 0's M-mode */
#define PLIC_PRIORITY(src) (*(volatile uint32_t *)(PLIC_BASE + 4 * (src)))
#define PLIC_ENABLE(ctx) (*(volatile uint32_t *)(PLIC_BASE + 0x2000 + 0x80 * (ctx)))
#define PLIC_THRESHOLD(ctx) (*(volatile uint32_t *)(PLIC_BASE + 0x200000 + 0x1000 * (ctx)))
#define PLIC_CLAIM(ctx) (*(volatile uint32_t *)(PLIC_BASE + 0x200004 + 0x1000 * (ctx)))
#define UART_SOURCE 10

#define UART_RBR 0
#define UART_IER 1
#define UART_LCR 3
#define UART_LSR 5
#define UART_IER_RDI 0x01
#define UART_LCR_8N1 0x03
#define UART_LSR_DR 0x01

#define MSTATUS_MIE 0x8UL
#define MIE_MEIE 0x800UL
#define MCAUSE_MEI ((1UL << (__riscv_xlen - 1)) | 11)

#define RING_SIZE 64 /* a power of two */
#define LINE_MAX 32

static volatile uint8_t *const uart = (volatile uint8_t *)FW_UART_BASE;
static volatile uint8_t ring[RING_SIZE];
static volatile uint32_t ring_head, ring_tail; /* the handler writes head, main tail */

static _Noreturn void fail(const char *what, uint32_t value)
{
    fw_puts("uart-irq: unexpected ");
    fw_puts(what);
    fw_put_hex(value);
    fw_putc('\n');
    fw_exit(99);
}

/* Machine external interrupt: claim, drain the receiver, complete.
 * Aligned because mtvec's low two bits select the vector mode. */
__attribute__((interrupt("machine"), aligned(4))) static void uart_irq_trap(void)
{
    unsigned long cause;
    uint32_t source;

    __asm__ volatile("csrr %0, mcause" : "=r"(cause));
    if (cause != MCAUSE_MEI)
        fail("trap, mcause ", (uint32_t)cause);
    source = PLIC_CLAIM(PLIC_CONTEXT);
    if (source != UART_SOURCE)
        fail("interrupt source ", source);
    while (uart[UART_LSR] & UART_LSR_DR) {
        uint8_t byte = uart[UART_RBR];

        if (ring_head - ring_tail < RING_SIZE)
            ring[ring_head++ % RING_SIZE] = byte;
    }
    PLIC_CLAIM(PLIC_CONTEXT) = source;
}

/* The next received byte; sleeps until the handler has one (interrupts
 * off while deciding to sleep: wfi still wakes for a pending one). */
static uint8_t next_byte(void)
{
    uint8_t byte;

    for (;;) {
        __asm__ volatile("csrc mstatus, %0" ::"r"(MSTATUS_MIE));
        if (ring_head != ring_tail)
            break;
        __asm__ volatile("wfi");
        __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    }
    byte = ring[ring_tail % RING_SIZE];
    ring_tail++;
    __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    return byte;
}

/* One line without its end ('\r' is dropped); longer lines are cut. */
static void read_line(char *line)
{
    unsigned n = 0;
    uint8_t c;

    while ((c = next_byte()) != '\n')
        if (c != '\r' && n < LINE_MAX - 1)
            line[n++] = (char)c;
    line[n] = '\0';
}

static bool is_quit(const char *line)
{
    return line[0] == 'q' && line[1] == 'u' && line[2] == 'i' && line[3] == 't' && !line[4];
}

static void uart_irq_enable(void)
{
    uart[UART_LCR] = UART_LCR_8N1;
    PLIC_PRIORITY(UART_SOURCE) = 1;
    PLIC_THRESHOLD(PLIC_CONTEXT) = 0;
    PLIC_ENABLE(PLIC_CONTEXT) = 1u << UART_SOURCE;
    __asm__ volatile("csrw mtvec, %0" ::"r"((unsigned long)uart_irq_trap));
    __asm__ volatile("csrs mie, %0" ::"r"(MIE_MEIE));
    __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    uart[UART_IER] = UART_IER_RDI;
}

int main(unsigned hart)
{
    char line[LINE_MAX];

    (void)hart;
    uart_irq_enable();
    fw_puts("uart-irq: waiting for input\n");
    for (;;) {
        read_line(line);
        if (is_quit(line))
            break;
        fw_puts("uart-irq: got \"");
        fw_puts(line);
        fw_puts("\"\n");
    }
    fw_puts("uart-irq: bye\n");
    return 0;
}
