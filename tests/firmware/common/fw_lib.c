/* SPDX-License-Identifier: MIT */
/*
 * The device-independent part of the firmware runtime (see fw.h), shared
 * by every board's runtime: strings and numbers on top of the board's
 * fw_putc, numbers printed without division by a variable (so rv32 needs
 * no libgcc helpers), and the memset/memcpy GCC may emit calls to even in
 * freestanding code.
 */
#include "fw.h"

void fw_puts(const char *s)
{
    while (*s)
        fw_putc(*s++);
}

void fw_put_hex(uint32_t value)
{
    static const char digits[] = "0123456789abcdef";

    fw_puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4)
        fw_putc(digits[(value >> shift) & 0xf]);
}

void fw_put_dec(uint32_t value)
{
    static const uint32_t powers[] = {
        1000000000, 100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1,
    };
    int started = 0;

    for (size_t i = 0; i < sizeof(powers) / sizeof(powers[0]); i++) {
        char digit = '0';

        while (value >= powers[i]) {
            value -= powers[i];
            digit++;
        }
        if (digit != '0' || started || powers[i] == 1) {
            fw_putc(digit);
            started = 1;
        }
    }
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;

    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    while (n--)
        *d++ = *s++;
    return dst;
}
