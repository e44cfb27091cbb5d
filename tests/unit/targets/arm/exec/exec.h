/* SPDX-License-Identifier: MIT */
/*
 * What test_exec's Thumb programs share. A program is linked after the
 * vector table of runtime.S (link.ld puts the table at 0 and the program
 * at 0x50, CODE in test_exec.c), starts at reset and names its exception
 * handlers as below; the ones it leaves out go to runtime.S's default
 * handler. test_exec.c checks the state a program leaves, including
 * addresses in it, so a program's layout is part of what the test
 * asserts.
 */
    .syntax unified
    .thumb
    .text

/* Global, so the vector table finds them, and Thumb functions, so the
 * table's entries have bit 0 set. */
    .irp name, reset, nmi_h, hard_h, usage_h, svc_h, pendsv_h, systick_h, \
        irq0_h, irq1_h, irq2_h, irq3_h
    .globl \name
    .type \name, %function
    .endr
