/* SPDX-License-Identifier: MIT */
/*
 * A minimal ARM (Thumb, Cortex-M) ELF. It never runs: tests/firmware/run.sh
 * gives it to a RISC-V cluster to check that the loader refuses it with
 * "needs RISC-V" instead of loading foreign code.
 */
    .syntax unified
    .thumb
    .text
    .globl _start
    .thumb_func
_start:
    b _start
