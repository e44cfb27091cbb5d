/* SPDX-License-Identifier: MIT */
/*
 * Device access and helpers of the freestanding firmware runtime (see
 * fw.h): UART output with the ns16550 transmit-holding-register-empty
 * check, decimal/hex printing without division by a variable (so rv32
 * needs no libgcc helpers), the finisher exit, atomics, and memset/memcpy,
 * which GCC may emit calls to even in freestanding code.
 */
#include "fw.h"

/* ns16550 registers (reg-shift 0) and bits. */
#define UART_THR 0
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_LSR 5
#define UART_LCR_8N1 0x03
#define UART_FCR_ENABLE 0x01
#define UART_LSR_THRE 0x20

/* Test finisher values (QEMU virt's sifive_test). */
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333

static volatile uint8_t *const uart = (volatile uint8_t *)FW_UART_BASE;

void fw_uart_init(void)
{
    uart[UART_IER] = 0;
    uart[UART_LCR] = UART_LCR_8N1;
    uart[UART_FCR] = UART_FCR_ENABLE;
}

void fw_putc(char c)
{
    while (!(uart[UART_LSR] & UART_LSR_THRE))
        ;
    uart[UART_THR] = (uint8_t)c;
}

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

_Noreturn void fw_exit(int code)
{
    volatile uint32_t *finisher = (volatile uint32_t *)FW_FINISHER_BASE;

    *finisher = code == 0 ? FINISHER_PASS : ((uint32_t)code << 16) | FINISHER_FAIL;
    fw_park();
}

_Noreturn void fw_park(void)
{
    for (;;)
        __asm__ volatile("wfi");
}

void fw_lock(volatile uint32_t *lock)
{
    uint32_t busy;

    do {
        __asm__ volatile("amoswap.w.aq %0, %2, %1"
                         : "=r"(busy), "+A"(*lock)
                         : "r"(1u)
                         : "memory");
    } while (busy);
}

void fw_unlock(volatile uint32_t *lock)
{
    __asm__ volatile("amoswap.w.rl zero, zero, %0" : "+A"(*lock) : : "memory");
}

uint32_t fw_atomic_add(volatile uint32_t *p, uint32_t v)
{
    uint32_t old;

    __asm__ volatile("amoadd.w.aqrl %0, %2, %1" : "=r"(old), "+A"(*p) : "r"(v) : "memory");
    return old;
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
