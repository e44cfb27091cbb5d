/* SPDX-License-Identifier: MIT */
/*
 * The vector table and default handler every test_exec program links
 * with. The table sends each exception to the program's handler of that
 * name (exec.h) or to default_h, which records the exception number in
 * r11, CFSR in r10 and HFSR in r9 and waits; so a program ends in a WFI
 * with nothing pending that could wake it, and the test inspects the
 * state. The stack starts at the top of the first 4 KiB of SRAM.
 */
    .syntax unified
    .thumb

    .section .vectors, "a"
    .word 0x20001000, reset, nmi_h, hard_h, mem_h, bus_h, usage_h, 0
    .word 0, 0, 0, svc_h, debug_h, 0, pendsv_h, systick_h
    .word irq0_h, irq1_h, irq2_h, irq3_h

    .text
    .thumb_func
default_h:
    mrs r11, ipsr
    ldr r10, =0xe000ed28    /* CFSR */
    ldr r10, [r10]
    ldr r9, =0xe000ed2c     /* HFSR */
    ldr r9, [r9]
1:  wfi
    b 1b

/* The handlers a program does not have. */
    .irp name, nmi_h, hard_h, mem_h, bus_h, usage_h, svc_h, debug_h, pendsv_h, \
        systick_h, irq0_h, irq1_h, irq2_h, irq3_h
    .weak \name
    .thumb_set \name, default_h
    .endr
