/* SPDX-License-Identifier: MIT */
/*
 * Demo firmware for the riscv-virt boards: every hart up to DEMO_HARTS
 * prints "hello from hart N", in hart order, under a spinlock; hart 0 also
 * computes the CRC-32 of a fixed text and checks it against the known
 * value, waits (bounded) until all DEMO_HARTS harts have printed, then
 * prints "checksum ok 0x..." and exits 0 through the test finisher (1 on a
 * checksum mismatch, 2 if some hart never showed up). DEMO_HARTS is a
 * compile-time constant (default 2) because the firmware has no device
 * tree to count harts with: run it with that many CPUs, e.g.
 *   mosaic -board riscv-virt -set /app.cpus=2 -set /app.image=demo-rv64.elf
 *   qemu-system-riscv64 -M virt -bios none -nographic -smp 2 -kernel demo-rv64.elf
 */
#include "fw.h"

#ifndef DEMO_HARTS
#define DEMO_HARTS 2
#endif

/* Spins of hart 0 waiting for the others before it gives up. */
#define WAIT_SPINS 20000000u

/* CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320) of the text. */
#define TEXT "The quick brown fox jumps over the lazy dog"
#define TEXT_CRC32 0x414fa339u

static volatile uint32_t uart_lock;
/* The hart whose turn it is to say hello; DEMO_HARTS when all have. */
static volatile uint32_t turn;

static uint32_t crc32(const uint8_t *data, size_t len)
{
    uint32_t crc = 0xffffffffu;

    while (len--) {
        crc ^= *data++;
        for (int bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
    return ~crc;
}

/* Wait for our turn, print under the lock, pass the turn on. */
static void say_hello(unsigned hart)
{
    while (turn != hart)
        ;
    fw_lock(&uart_lock);
    fw_puts("hello from hart ");
    fw_put_dec(hart);
    fw_putc('\n');
    fw_unlock(&uart_lock);
    fw_atomic_add(&turn, 1);
}

void secondary_main(unsigned hart)
{
    if (hart < DEMO_HARTS)
        say_hello(hart);
}

int main(unsigned hart)
{
    static const char text[] = TEXT;
    uint32_t crc;
    uint32_t spins = 0;

    fw_uart_init();
    say_hello(hart);
    crc = crc32((const uint8_t *)text, sizeof(text) - 1);
    while (turn != DEMO_HARTS && ++spins < WAIT_SPINS)
        ;
    fw_lock(&uart_lock);
    if (turn != DEMO_HARTS) {
        fw_puts("only ");
        fw_put_dec(turn);
        fw_puts(" of ");
        fw_put_dec(DEMO_HARTS);
        fw_puts(" harts said hello\n");
        return 2;
    }
    if (crc != TEXT_CRC32) {
        fw_puts("checksum mismatch ");
        fw_put_hex(crc);
        fw_puts(", expected ");
        fw_put_hex(TEXT_CRC32);
        fw_putc('\n');
        return 1;
    }
    fw_puts("checksum ok ");
    fw_put_hex(crc);
    fw_putc('\n');
    return 0;
}
