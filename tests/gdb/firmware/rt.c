/* SPDX-License-Identifier: MIT */
/*
 * Firmware of the rv-amp board's rt cluster (RV32IMAC, 1 hart) for the gdb
 * tests. It greets on the rt UART and loops forever: it counts iterations,
 * stores rt_scale(iteration) into rt_global and posts the iteration count
 * in the shared mailbox, which app sees at 0x90000004. Setting
 * rt_exit_code to 0 or more from gdb makes it end the run with that code.
 */
#include "fw.h"

#define RT_UART ((uintptr_t)0x10001000)
#define RT_SHARED ((volatile struct fw_shared *)0x20000000)

volatile uint32_t rt_iterations;
volatile uint32_t rt_global;
volatile int32_t rt_exit_code = -1;

uint32_t rt_scale(uint32_t x)
{
    uint32_t scaled = x * 7;
    return scaled;
}

void fw_main(unsigned long hartid)
{
    (void)hartid;
    fw_puts(RT_UART, "rt: hello from hart 0\n");
    for (;;) {
        rt_iterations++;
        rt_global = rt_scale(rt_iterations);
        RT_SHARED->rt_mailbox = rt_iterations;
        if (rt_exit_code >= 0) {
            fw_puts(RT_UART, "rt: exit requested\n");
            fw_exit((uint32_t)rt_exit_code);
        }
    }
}
