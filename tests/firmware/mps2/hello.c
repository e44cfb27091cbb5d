/* SPDX-License-Identifier: MIT */
/*
 * Hello-world firmware for mps2-an385: a line on UART0, a line through
 * semihosting SYS_WRITE0, a checksum that uses the hardware divider and
 * a 64-bit multiply, and exit code 0 through SYS_EXIT_EXTENDED. Built for
 * qemu-system-arm -M mps2-an385 -semihosting and run unchanged on
 * mosaic -board mps2-an385 -set /m3.image=hello.elf.
 */
#include "mps2.h"

/* Sum over i of (i * i) / 7 + (i * 2^32 + 12345) / 1000, all modulo 2^32:
 * hardware UDIV and UMULL plus the libgcc 64-bit division. */
static uint32_t hello_checksum(void)
{
    uint32_t sum = 0;

    for (uint32_t i = 1; i <= 1000; i++) {
        uint64_t wide = ((uint64_t)i << 32) + 12345;

        sum += (i * i) / 7;
        sum += (uint32_t)(wide / 1000);
        sum ^= (uint32_t)(((uint64_t)sum * 0x9e3779b9u) >> 32);
    }
    return sum;
}

int main(unsigned hart)
{
    (void)hart;
    fw_uart_init();
    fw_puts("hello from mps2-an385\n");
    fw_semihost_puts("hello through semihosting\n");
    fw_puts("checksum ");
    fw_put_hex(hello_checksum());
    fw_putc('\n');
    return 0;
}
