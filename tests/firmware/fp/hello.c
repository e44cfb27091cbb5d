/* SPDX-License-Identifier: MIT */
/*
 * Hello world as a new user builds it: riscv64-unknown-elf-gcc with
 * picolibc and no -march, so rv64imafdc/lp64d, picolibc's crt0 (which
 * turns the FPU on and writes fcsr first thing) and its semihosting
 * stdio. printf formats doubles and a float, and the exit code goes
 * through semihosting. Only the memory layout is the board's.
 */
#include <math.h>
#include <stdio.h>

int main(void)
{
    volatile double x = 3.25, y = 1.5;
    volatile float f = 0.1f;
    printf("hello, floats: %f %g %.3f %e\n", x * y, x / y, (double)((float)x + f), sqrt(2.0));
    return x * y == 4.875 ? 0 : 1;
}
