/* SPDX-License-Identifier: MIT */
/*
 * Firmware of the rv-amp board's app cluster (RV64IMAC, 2 harts) for the gdb
 * tests. Hart 0 greets on the app UART and loops forever: it counts
 * iterations, bumps a counter in the shared window, calls compute() (which
 * calls add_step() twice, so bt/next/finish have frames to work on) and
 * stores a known value into app_watched (0x1000 + iteration, for the
 * watchpoint test). Hart 1 only counts hart1_ticks. Setting app_exit_code
 * to 0 or more from gdb makes hart 0 end the run with that exit code.
 */
#include "fw.h"

#define APP_UART ((uintptr_t)0x10000000)
#define APP_SHARED ((volatile struct fw_shared *)0x90000000)

volatile uint32_t app_iterations;
volatile uint32_t app_watched;
volatile uint64_t app_result;
volatile uint64_t hart1_ticks;
volatile int32_t app_exit_code = -1;

int add_step(int x, int step)
{
    int sum = x + step;
    return sum;
}

int compute(int n)
{
    int a = add_step(n, 1);
    int b = add_step(a, 2);
    return a + b;
}

static void app_main(void)
{
    fw_puts(APP_UART, "app: hello from hart 0\n");
    for (;;) {
        app_iterations++;
        APP_SHARED->app_counter++;
        app_result = (uint64_t)compute((int)app_iterations);
        app_watched = 0x1000 + app_iterations;
        if (app_exit_code >= 0) {
            fw_puts(APP_UART, "app: exit requested\n");
            fw_exit((uint32_t)app_exit_code);
        }
    }
}

static void app_secondary(void)
{
    for (;;)
        hart1_ticks++;
}

void fw_main(unsigned long hartid)
{
    if (hartid == 0)
        app_main();
    else
        app_secondary();
}
