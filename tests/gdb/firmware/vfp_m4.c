/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M4F firmware of the gdb FP-register test (tests/gdb/vfp.sh) on
 * mps2-an386, built with -mfpu=fpv4-sp-d16 -mfloat-abi=hard (float
 * arguments and results in s0-s15) and linked at 0x0 by hetero_m4.ld.
 * vfp_reset enables CP10/CP11 and calls vfp_main, which loops over
 * vfp_scale(a, b) (a breakpoint there sees a in s0, b in s1) and stores
 * the product and FPSCR in globals gdb reads back after writing
 * registers. Plain C at -O0 -g.
 */
#include <stdint.h>

#define CPACR (*(volatile uint32_t *)0xe000ed88u)

extern uint32_t __stack_top[], __bss_start[], __bss_end[];

volatile float vfp_result;
volatile uint32_t vfp_fpscr;
volatile uint32_t vfp_rounds;

/* a * b + 0.5, and the FPSCR it ran under. */
float vfp_scale(float a, float b)
{
    float r = a * b + 0.5f;
    uint32_t f;

    __asm__ volatile("vmrs %0, fpscr" : "=r"(f));
    vfp_fpscr = f;
    return r;
}

void vfp_main(void)
{
    for (;;) {
        vfp_result = vfp_scale(1.5f, 2.0f);
        vfp_rounds++;
    }
}

__attribute__((noreturn)) void vfp_reset(void)
{
    for (uint32_t *p = __bss_start; p < __bss_end; p++)
        *p = 0;
    CPACR |= 0xfu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    vfp_main();
    for (;;)
        ;
}

__attribute__((section(".vectors"), used)) static void *const vfp_vectors[] = {
    __stack_top,
    (void *)vfp_reset,
};
