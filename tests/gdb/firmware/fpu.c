/* SPDX-License-Identifier: MIT */
/*
 * Firmware of the gdb FPU test, built for rv64gc/lp64d and rv32gc/ilp32d
 * (the hard-float ABIs toolchains use by default) and run on riscv-virt
 * and riscv-virt32. Hart 0 turns the FPU on (mstatus.FS), sets frm to
 * round towards zero, computes with doubles and singles and calls
 * fp_done(4.5 / 7) (inexact: fflags NX), with its result in fa0 and
 * 1.25f in fs1 (an ABI-saved single, NaN-boxed). Then it parks.
 */
#include "fw.h"

volatile double fp_result;
volatile float fp_single = 1.25f;

double fp_scale(double x, float y)
{
    return x * 2.5 + y;
}

void fp_done(double r)
{
    fp_result = r;
}

/* Separate from fw_main: the prologue of a function that uses fs1 saves
 * it, which needs the FPU on already. */
static void fp_run(void)
{
    __asm__ volatile("fsrmi 1");
    __asm__ volatile("flw fs1, %0" : : "m"(fp_single) : "fs1");
    double r = fp_scale(1.5, 0.75f);
    fp_done(r / 7.0);
}

void fw_main(unsigned long hart)
{
    if (hart)
        for (;;)
            ;
    __asm__ volatile("csrs mstatus, %0" : : "r"(1ul << 13));
    fp_run();
    for (;;)
        ;
}
