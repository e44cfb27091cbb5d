/* SPDX-License-Identifier: MIT */
/*
 * Firmware of bench/gdb-bench.sh for the riscv-virt board and QEMU virt
 * (RV64, RAM at 0x80000000): hart 0 calls bench_tick() forever, so gdb can
 * time single steps and continues to a breakpoint on bench_tick; any other
 * hart parks.
 */
#include "fw.h"

volatile uint64_t bench_ticks;

void bench_tick(void)
{
    bench_ticks++;
}

void fw_main(unsigned long hartid)
{
    while (hartid != 0)
        ;
    for (;;)
        bench_tick();
}
