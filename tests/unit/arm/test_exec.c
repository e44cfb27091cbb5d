/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M cores run through the real engine (translator, IR interpreter,
 * software TLB, run loop): small Thumb programs check what is specific to
 * this target rather than every instruction (tests/isa/arm does that):
 * flags, IT blocks (also single-stepped and interrupted by a fault), the
 * exception model (reset through the vector table, SVC and its stack
 * frame, PendSV ordering, SysTick, fault escalation to HardFault with the
 * fault status registers, lockup, EXC_RETURN checks, stack realignment,
 * interrupt lines, priorities and masks), the exclusive monitor, the
 * special registers, branches and semihosting.
 *
 * Every program links with this runtime, whose vector table (at 0) sends
 * each exception to the program's handler of that name when it has one
 * (svc_h, pendsv_h, systick_h, usage_h, hard_h, irq0_h..irq3_h) and to
 * the default one otherwise:
 *     handler: mrs r11, ipsr
 *              ldr r10, =0xe000ed28; ldr r10, [r10]    @ CFSR
 *              ldr r9, =0xe000ed2c; ldr r9, [r9]       @ HFSR
 *          1:  wfi
 *              b 1b
 *     vectors: .word 0x20001000, reset, <NMI>, <HardFault>, ... <IRQ3>
 * So a program ends in a WFI, with nothing pending that could wake it,
 * and the test inspects the state. Code is at 0 (the table, then the
 * program from 0x50), data at 0x20000000. The arrays are the programs
 * assembled by GNU as.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "targets/arm/arm.h"
#include "targets/arm/internals.h"
#include "tests/unit/targets/support.h"

#define CODE 0x50u
#define SRAM 0x20000000u
#define MSP_TOP 0x20001000u

/*
 * reset:
 *     ldr r0, =0x7fffffff
 *     adds r8, r0, #1
 *     mrs r1, apsr
 *     movs r0, #0
 *     subs r8, r0, #1
 *     mrs r2, apsr
 *     mvns r0, r0
 *     adds r8, r0, r0
 *     mrs r3, apsr
 *     movs r0, #5
 *     cmp r0, #5
 *     mrs r4, apsr
 *     ldr r0, =0x80000000
 *     movs r7, #1
 *     sbcs r8, r0, r7
 *     mrs r5, apsr
 *     adcs r8, r8, r8
 *     mrs r6, apsr
 *     ldr r0, =0x80000000
 *     asrs r8, r0, #32
 *     mrs r7, apsr
 *     mov r0, #0x7fffffff
 *     qadd r8, r0, r0
 *     mrs r9, apsr
 *     ldr r0, =0x01ff7f80
 *     ldr r12, =0x01017f81
 *     sadd8 r8, r0, r12
 *     mrs r10, apsr
 *     msr apsr_nzcvq, r12
 *     mrs r11, apsr
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_flags[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000,
    0x00c9, 0x0000, 0x00c9, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000, 0x0000, 0x0000, 0x00c9, 0x0000,
    0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000,
    0xf06f, 0x4000, 0xf110, 0x0801, 0xf3ef, 0x8100, 0x2000, 0xf1b0, 0x0801, 0xf3ef,
    0x8200, 0x43c0, 0xeb10, 0x0800, 0xf3ef, 0x8300, 0x2005, 0x2805, 0xf3ef, 0x8400,
    0xf04f, 0x4000, 0x2701, 0xeb70, 0x0807, 0xf3ef, 0x8500, 0xeb58, 0x0808, 0xf3ef,
    0x8600, 0xf04f, 0x4000, 0xea5f, 0x0820, 0xf3ef, 0x8700, 0xf06f, 0x4000, 0xfa80,
    0xf880, 0xf3ef, 0x8900, 0x4806, 0xf8df, 0xc018, 0xfa80, 0xf80c, 0xf3ef, 0x8a00,
    0xf38c, 0x8800, 0xf3ef, 0x8b00, 0xbf30, 0xe7fd, 0x7f80, 0x01ff, 0x7f81, 0x0101,
    0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000,
    0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #1
 *     cmp r0, #1
 *     itete eq
 *     moveq r1, #10
 *     movne r2, #20
 *     moveq r3, #30
 *     movne r4, #40
 *     movs r5, #0
 *     cmp r0, #2
 *     ittt gt
 *     addgt r5, #1
 *     addgt r5, #2
 *     addgt r5, #4
 *     it lt
 *     addlt r5, #8
 *     movs r6, #0
 *     cmp r6, #0
 *     it eq
 *     addeq r6, r6, #1
 *     it eq
 *     moveq r7, #99
 *     cmp r0, #1
 *     it eq
 *     beq 2f
 *     mov r8, #1
 * 2:  mov r9, #2
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_it[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x008d, 0x0000, 0x008d, 0x0000, 0x008d, 0x0000,
    0x008d, 0x0000, 0x008d, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x008d, 0x0000, 0x008d, 0x0000, 0x0000, 0x0000, 0x008d, 0x0000,
    0x008d, 0x0000, 0x008d, 0x0000, 0x008d, 0x0000, 0x008d, 0x0000, 0x008d, 0x0000,
    0x2001, 0x2801, 0xbf0b, 0x210a, 0x2214, 0x231e, 0x2428, 0x2500, 0x2802, 0xbfc2,
    0x3501, 0x3502, 0x3504, 0xbfb8, 0x3508, 0x2600, 0x2e00, 0xbf08, 0x3601, 0xbf08,
    0x2763, 0x2801, 0xbf08, 0xe001, 0xf04f, 0x0801, 0xf04f, 0x0902, 0xbf30, 0xe7fd,
    0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000,
    0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #0
 *     cmp r0, #0
 *     itete eq
 *     addeq r0, #1
 *     addne r0, #2
 *     addeq r0, #4
 *     addne r0, #8
 *     nop
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_itstep[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000,
    0x0065, 0x0000, 0x0065, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0000, 0x0000, 0x0065, 0x0000,
    0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000,
    0x2000, 0x2800, 0xbf0b, 0x3001, 0x3002, 0x3004, 0x3008, 0xbf00, 0xbf30, 0xe7fd,
    0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000,
    0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * usage_h:
 *     ldr r4, [sp, #28]
 *     ldr r2, [sp, #24]
 *     adds r2, #2
 *     str r2, [sp, #24]
 *     bx lr
 * reset:
 *     ldr r0, =0xe000ed24
 *     mov r1, #0x40000
 *     str r1, [r0]
 *     movs r0, #0
 *     movs r3, #0
 *     cmp r0, #0
 *     ittet eq
 *     addeq r3, #1
 *     udfeq #1
 *     addne r3, #2
 *     addeq r3, #4
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_itfault[] = {
    0x1000, 0x2000, 0x005b, 0x0000, 0x007d, 0x0000, 0x007d, 0x0000, 0x007d, 0x0000,
    0x007d, 0x0000, 0x0051, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x007d, 0x0000, 0x007d, 0x0000, 0x0000, 0x0000, 0x007d, 0x0000,
    0x007d, 0x0000, 0x007d, 0x0000, 0x007d, 0x0000, 0x007d, 0x0000, 0x007d, 0x0000,
    0x9c07, 0x9a06, 0x3202, 0x9206, 0x4770, 0x4807, 0xf44f, 0x2180, 0x6001, 0x2000,
    0x2300, 0x2800, 0xbf05, 0x3301, 0xde01, 0x3302, 0x3304, 0xbf30, 0xe7fd, 0x0000,
    0xed24, 0xe000, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c,
    0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0x20000800
 *     msr psp, r0
 *     movs r0, #3
 *     msr control, r0
 *     isb
 *     movs r0, #0x10
 *     movs r1, #0x11
 *     movs r2, #0x12
 *     movs r3, #0x13
 *     mov r12, #0x1c
 *     ldr r4, =0x12345678
 *     mov lr, r4
 *     movs r5, #0
 *     subs r5, #1
 *     svc #42
 * back:
 *     mov r6, #1
 *     mrs r7, control
 *     mrs r8, psp
 *     mov r9, sp
 * 1:  wfi
 *     b 1b
 * svc_h:
 *     mrs r10, psp
 *     mrs r11, ipsr
 *     ldm r10, {r0-r7}
 *     ldr r8, =0x20000100
 *     stm r8, {r0-r7, lr}
 *     ldr r0, [r10, #24]
 *     ldrb r1, [r0, #-2]
 *     str r1, [r10]
 *     bx lr
 */
static const uint16_t p_svc[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x00b9, 0x0000, 0x00b9, 0x0000, 0x00b9, 0x0000,
    0x00b9, 0x0000, 0x00b9, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0089, 0x0000, 0x00b9, 0x0000, 0x0000, 0x0000, 0x00b9, 0x0000,
    0x00b9, 0x0000, 0x00b9, 0x0000, 0x00b9, 0x0000, 0x00b9, 0x0000, 0x00b9, 0x0000,
    0x4816, 0xf380, 0x8809, 0x2003, 0xf380, 0x8814, 0xf3bf, 0x8f6f, 0x2010, 0x2111,
    0x2212, 0x2313, 0xf04f, 0x0c1c, 0x4c10, 0x46a6, 0x2500, 0x3d01, 0xdf2a, 0xf04f,
    0x0601, 0xf3ef, 0x8714, 0xf3ef, 0x8809, 0x46e9, 0xbf30, 0xe7fd, 0xf3ef, 0x8a09,
    0xf3ef, 0x8b05, 0xe89a, 0x00ff, 0xf8df, 0x801c, 0xe888, 0x40ff, 0xf8da, 0x0018,
    0xf810, 0x1c02, 0xf8ca, 0x1000, 0x4770, 0x0000, 0x0800, 0x2000, 0x5678, 0x1234,
    0x0100, 0x2000, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c,
    0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0xe000ed20
 *     ldr r1, =0x80ff0000
 *     str r1, [r0]
 *     movs r0, #1
 *     bl log
 *     svc #0
 *     movs r0, #4
 *     bl log
 * 1:  wfi
 *     b 1b
 * svc_h:
 *     push {lr}
 *     movs r0, #2
 *     bl log
 *     ldr r0, =0xe000ed04
 *     mov r1, #0x10000000
 *     str r1, [r0]
 *     movs r0, #3
 *     bl log
 *     pop {pc}
 * pendsv_h:
 *     push {r4, lr}
 *     movs r0, #5
 *     bl log
 *     pop {r4, pc}
 * log:
 *     ldr r1, =0x20000000
 *     ldr r2, [r1]
 *     adds r2, #1
 *     str r2, [r1]
 *     str r0, [r1, r2, lsl #2]
 *     bx lr
 */
static const uint16_t p_pendsv[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x00a9, 0x0000, 0x00a9, 0x0000, 0x00a9, 0x0000,
    0x00a9, 0x0000, 0x00a9, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0069, 0x0000, 0x00a9, 0x0000, 0x0000, 0x0000, 0x0081, 0x0000,
    0x00a9, 0x0000, 0x00a9, 0x0000, 0x00a9, 0x0000, 0x00a9, 0x0000, 0x00a9, 0x0000,
    0x4812, 0x4913, 0x6001, 0x2001, 0xf000, 0xf817, 0xdf00, 0x2004, 0xf000, 0xf813,
    0xbf30, 0xe7fd, 0xb500, 0x2002, 0xf000, 0xf80d, 0x480c, 0xf04f, 0x5180, 0x6001,
    0x2003, 0xf000, 0xf806, 0xbd00, 0xb510, 0x2005, 0xf000, 0xf801, 0xbd10, 0xf04f,
    0x5100, 0x680a, 0x3201, 0x600a, 0xf841, 0x0022, 0x4770, 0x0000, 0xed20, 0xe000,
    0x0000, 0x80ff, 0xed04, 0xe000, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000,
    0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0xe000e010
 *     ldr r1, =49999
 *     str r1, [r0, #4]
 *     movs r1, #0
 *     str r1, [r0, #8]
 *     movs r1, #7
 *     str r1, [r0]
 *     ldr r2, =0x20000000
 * 1:  ldr r3, [r2]
 *     cmp r3, #3
 *     bge 2f
 *     wfi
 *     b 1b
 * 2:  ldr r4, [r0]
 *     ldr r5, [r0, #8]
 *     movs r1, #0
 *     str r1, [r0]
 *     ldr r6, [r0, #12]
 *     ldr r1, =exit
 *     movs r0, #0x20
 *     bkpt 0xab
 * systick_h:
 *     ldr r0, =0x20000000
 *     ldr r1, [r0]
 *     adds r1, #1
 *     str r1, [r0]
 *     bx lr
 * .align 2
 * exit: .word 0x20026, 3
 */
static const uint16_t p_systick[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x009d, 0x0000, 0x009d, 0x0000, 0x009d, 0x0000,
    0x009d, 0x0000, 0x009d, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x009d, 0x0000, 0x009d, 0x0000, 0x0000, 0x0000, 0x009d, 0x0000,
    0x007f, 0x0000, 0x009d, 0x0000, 0x009d, 0x0000, 0x009d, 0x0000, 0x009d, 0x0000,
    0x4810, 0xf24c, 0x314f, 0x6041, 0x2100, 0x6081, 0x2107, 0x6001, 0xf04f, 0x5200,
    0x6813, 0x2b03, 0xda01, 0xbf30, 0xe7fa, 0x6804, 0x6885, 0x2100, 0x6001, 0x68c6,
    0x4907, 0x2020, 0xbeab, 0xf04f, 0x5000, 0x6801, 0x3101, 0x6001, 0x4770, 0xbf00,
    0x0026, 0x0002, 0x0003, 0x0000, 0xe010, 0xe000, 0x008c, 0x0000, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #7
 *     udf #3
 *     b reset
 */
static const uint16_t p_udf[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0059, 0x0000, 0x0059, 0x0000, 0x0059, 0x0000,
    0x0059, 0x0000, 0x0059, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0059, 0x0000, 0x0059, 0x0000, 0x0000, 0x0000, 0x0059, 0x0000,
    0x0059, 0x0000, 0x0059, 0x0000, 0x0059, 0x0000, 0x0059, 0x0000, 0x0059, 0x0000,
    0x2007, 0xde03, 0xf7ff, 0xbffc, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000,
    0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0xe000ed24
 *     mov r1, #0x40000
 *     str r1, [r0]
 *     udf #3
 *     b reset
 */
static const uint16_t p_udf_enabled[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000,
    0x0065, 0x0000, 0x0065, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0000, 0x0000, 0x0065, 0x0000,
    0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000, 0x0065, 0x0000,
    0x4803, 0xf44f, 0x2180, 0x6001, 0xde03, 0xf7ff, 0xbff9, 0x0000, 0xed24, 0xe000,
    0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000,
    0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r1, #7
 *     movs r2, #0
 *     sdiv r3, r1, r2
 *     udiv r4, r1, r2
 *     ldr r0, =0xe000ed14
 *     ldr r5, [r0]
 *     orr r5, r5, #0x10
 *     str r5, [r0]
 *     ldr r0, =0xe000ed24
 *     mov r1, #0x40000
 *     str r1, [r0]
 *     udiv r4, r1, r2
 *     b reset
 */
static const uint16_t p_div0[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0081, 0x0000, 0x0081, 0x0000, 0x0081, 0x0000,
    0x0081, 0x0000, 0x0081, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0081, 0x0000, 0x0081, 0x0000, 0x0000, 0x0000, 0x0081, 0x0000,
    0x0081, 0x0000, 0x0081, 0x0000, 0x0081, 0x0000, 0x0081, 0x0000, 0x0081, 0x0000,
    0x2107, 0x2200, 0xfb91, 0xf3f2, 0xfbb1, 0xf4f2, 0x4806, 0x6805, 0xf045, 0x0510,
    0x6005, 0x4805, 0xf44f, 0x2180, 0x6001, 0xfbb1, 0xf4f2, 0xf7ff, 0xbfed, 0x0000,
    0xed14, 0xe000, 0xed24, 0xe000, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000,
    0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0x20000100
 *     ldr r1, =0x44332211
 *     str r1, [r0]
 *     ldr r1, =0x88776655
 *     str r1, [r0, #4]
 *     ldr r3, [r0, #1]
 *     ldrh r4, [r0, #3]
 *     ldr r1, =0xe000ed14
 *     ldr r5, [r1]
 *     orr r5, r5, #8
 *     str r5, [r1]
 *     ldrb r6, [r0, #3]
 *     ldr r7, [r0, #2]
 *     b reset
 */
static const uint16_t p_unaligned[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0089, 0x0000, 0x0089, 0x0000, 0x0089, 0x0000,
    0x0089, 0x0000, 0x0089, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0089, 0x0000, 0x0089, 0x0000, 0x0000, 0x0000, 0x0089, 0x0000,
    0x0089, 0x0000, 0x0089, 0x0000, 0x0089, 0x0000, 0x0089, 0x0000, 0x0089, 0x0000,
    0x4809, 0x490a, 0x6001, 0x490a, 0x6041, 0xf8d0, 0x3001, 0xf8b0, 0x4003, 0x4908,
    0x680d, 0xf045, 0x0508, 0x600d, 0x78c6, 0xf8d0, 0x7002, 0xf7ff, 0xbfed, 0x0000,
    0x0100, 0x2000, 0x2211, 0x4433, 0x6655, 0x8877, 0xed14, 0xe000, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0x20000102
 *     ldrd r2, r3, [r0]
 *     b reset
 */
static const uint16_t p_ldrd_unaligned[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x4802, 0xe9d0, 0x2300, 0xf7ff, 0xbffb, 0x0000, 0x0102, 0x2000, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0x30000000
 *     ldr r1, [r0]
 *     b reset
 */
static const uint16_t p_busfault[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x005b, 0x0000, 0x005b, 0x0000, 0x005b, 0x0000,
    0x005b, 0x0000, 0x005b, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x005b, 0x0000, 0x005b, 0x0000, 0x0000, 0x0000, 0x005b, 0x0000,
    0x005b, 0x0000, 0x005b, 0x0000, 0x005b, 0x0000, 0x005b, 0x0000, 0x005b, 0x0000,
    0xf04f, 0x5040, 0x6801, 0xf7ff, 0xbffb, 0xf3ef, 0x8b05, 0xf8df, 0xa014, 0xf8da,
    0xa000, 0xf8df, 0x9010, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0x0000, 0xed28, 0xe000,
    0xed2c, 0xe000,
};

/*
 * reset:
 *     udf #0
 * hard_h:
 *     udf #1
 */
static const uint16_t p_lockup[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0055, 0x0000, 0x0053, 0x0000, 0x0055, 0x0000,
    0x0055, 0x0000, 0x0055, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0055, 0x0000, 0x0055, 0x0000, 0x0000, 0x0000, 0x0055, 0x0000,
    0x0055, 0x0000, 0x0055, 0x0000, 0x0055, 0x0000, 0x0055, 0x0000, 0x0055, 0x0000,
    0xde00, 0xde01, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c,
    0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     svc #0
 *     b reset
 * svc_h:
 *     ldr r0, =0xfffffff5
 *     bx r0
 */
static const uint16_t p_invpc[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x005d, 0x0000, 0x005d, 0x0000, 0x005d, 0x0000,
    0x005d, 0x0000, 0x005d, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0057, 0x0000, 0x005d, 0x0000, 0x0000, 0x0000, 0x005d, 0x0000,
    0x005d, 0x0000, 0x005d, 0x0000, 0x005d, 0x0000, 0x005d, 0x0000, 0x005d, 0x0000,
    0xdf00, 0xf7ff, 0xbffd, 0xf06f, 0x000a, 0x4700, 0xf3ef, 0x8b05, 0xf8df, 0xa010,
    0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000,
    0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =target
 *     bic r0, r0, #1
 *     bx r0
 * .thumb_func
 * target:
 *     nop
 */
static const uint16_t p_invstate[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x4802, 0xf020, 0x0001, 0x4700, 0xbf00, 0x0000, 0x0059, 0x0000, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #1
 *     .inst.w 0xee300a00
 */
static const uint16_t p_nocp[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0057, 0x0000, 0x0057, 0x0000, 0x0057, 0x0000,
    0x0057, 0x0000, 0x0057, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0057, 0x0000, 0x0057, 0x0000, 0x0000, 0x0000, 0x0057, 0x0000,
    0x0057, 0x0000, 0x0057, 0x0000, 0x0057, 0x0000, 0x0057, 0x0000, 0x0057, 0x0000,
    0x2001, 0xee30, 0x0a00, 0xf3ef, 0x8b05, 0xf8df, 0xa014, 0xf8da, 0xa000, 0xf8df,
    0x9010, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0x0000, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0x20000ffc
 *     mov sp, r0
 *     svc #0
 *     mov r8, sp
 * 1:  wfi
 *     b 1b
 * svc_h:
 *     mrs r10, msp
 *     ldr r9, [r10, #28]
 *     bx lr
 */
static const uint16_t p_stack_align[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x006d, 0x0000, 0x006d, 0x0000, 0x006d, 0x0000,
    0x006d, 0x0000, 0x006d, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x005d, 0x0000, 0x006d, 0x0000, 0x0000, 0x0000, 0x006d, 0x0000,
    0x006d, 0x0000, 0x006d, 0x0000, 0x006d, 0x0000, 0x006d, 0x0000, 0x006d, 0x0000,
    0x4805, 0x4685, 0xdf00, 0x46e8, 0xbf30, 0xe7fd, 0xf3ef, 0x8a08, 0xf8da, 0x901c,
    0x4770, 0x0000, 0x0ffc, 0x2000, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000,
    0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0xe000e100
 *     movs r1, #8
 *     str r1, [r0]
 *     ldr r0, =0xe000e403
 *     movs r1, #0x40
 *     strb r1, [r0]
 * 1:  wfi
 *     b 1b
 * irq3_h:
 *     ldr r0, =0x20000000
 *     ldr r1, [r0]
 *     adds r1, #1
 *     str r1, [r0]
 *     mrs r11, ipsr
 *     ldr r2, =0xe000e300
 *     ldr r4, [r2]
 *     ldr r2, =0xe000e200
 *     ldr r5, [r2]
 *     cmp r1, #2
 *     bne 2f
 *     ldr r2, =0xe000e180
 *     movs r3, #8
 *     str r3, [r2]
 * 2:  bx lr
 */
static const uint16_t p_irq[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0099, 0x0000, 0x0099, 0x0000, 0x0099, 0x0000,
    0x0099, 0x0000, 0x0099, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0099, 0x0000, 0x0099, 0x0000, 0x0000, 0x0000, 0x0099, 0x0000,
    0x0099, 0x0000, 0x0099, 0x0000, 0x0099, 0x0000, 0x0099, 0x0000, 0x0061, 0x0000,
    0x480c, 0x2108, 0x6001, 0x480c, 0x2140, 0x7001, 0xbf30, 0xe7fd, 0xf04f, 0x5000,
    0x6801, 0x3101, 0x6001, 0xf3ef, 0x8b05, 0x4a07, 0x6814, 0x4a07, 0x6815, 0x2902,
    0xd102, 0x4a06, 0x2308, 0x6013, 0x4770, 0x0000, 0xe100, 0xe000, 0xe403, 0xe000,
    0xe300, 0xe000, 0xe200, 0xe000, 0xe180, 0xe000, 0xf3ef, 0x8b05, 0xf8df, 0xa010,
    0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000,
    0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0xe000e400
 *     ldr r1, =0xc0204080
 *     str r1, [r0]
 *     ldr r0, =0xe000e100
 *     movs r1, #0xf
 *     str r1, [r0]
 *     movs r0, #0x40
 *     msr basepri, r0
 *     ldr r4, =0xe000e200
 *     movs r1, #1
 *     str r1, [r4]
 *     isb
 *     movs r0, #0x10
 *     bl log
 *     movs r1, #2
 *     str r1, [r4]
 *     isb
 *     movs r0, #0x11
 *     bl log
 *     movs r0, #0
 *     msr basepri, r0
 *     movs r0, #0x12
 *     bl log
 *     cpsid i
 *     movs r1, #4
 *     str r1, [r4]
 *     isb
 *     movs r0, #0x13
 *     bl log
 *     cpsie i
 *     movs r0, #0x14
 *     bl log
 *     ldr r0, =0xe000ed0c
 *     ldr r1, =0x05fa0700
 *     str r1, [r0]
 *     movs r1, #8
 *     str r1, [r4]
 *     isb
 *     movs r0, #0x15
 *     bl log
 * 1:  wfi
 *     b 1b
 * irq0_h:
 *     push {r4, lr}
 *     movs r0, #0x20
 *     bl log
 *     pop {r4, pc}
 * irq1_h:
 *     push {r4, lr}
 *     movs r0, #0x21
 *     bl log
 *     ldr r4, =0xe000e200
 *     movs r1, #4
 *     str r1, [r4]
 *     isb
 *     movs r0, #0x25
 *     bl log
 *     pop {r4, pc}
 * irq2_h:
 *     push {r4, lr}
 *     movs r0, #0x22
 *     bl log
 *     pop {r4, pc}
 * irq3_h:
 *     push {r4, lr}
 *     movs r0, #0x23
 *     bl log
 *     ldr r4, =0xe000e200
 *     movs r1, #4
 *     str r1, [r4]
 *     isb
 *     movs r0, #0x26
 *     bl log
 *     pop {r4, pc}
 * log:
 *     ldr r1, =0x20000000
 *     ldr r2, [r1]
 *     adds r2, #1
 *     str r2, [r1]
 *     str r0, [r1, r2, lsl #2]
 *     bx lr
 */
static const uint16_t p_prio[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x012d, 0x0000, 0x012d, 0x0000, 0x012d, 0x0000,
    0x012d, 0x0000, 0x012d, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x012d, 0x0000, 0x012d, 0x0000, 0x0000, 0x0000, 0x012d, 0x0000,
    0x012d, 0x0000, 0x00bd, 0x0000, 0x00c7, 0x0000, 0x00e1, 0x0000, 0x00eb, 0x0000,
    0x4830, 0x4931, 0x6001, 0x4831, 0x210f, 0x6001, 0x2040, 0xf380, 0x8811, 0x4c2f,
    0x2101, 0x6021, 0xf3bf, 0x8f6f, 0x2010, 0xf000, 0xf849, 0x2102, 0x6021, 0xf3bf,
    0x8f6f, 0x2011, 0xf000, 0xf842, 0x2000, 0xf380, 0x8811, 0x2012, 0xf000, 0xf83c,
    0xb672, 0x2104, 0x6021, 0xf3bf, 0x8f6f, 0x2013, 0xf000, 0xf834, 0xb662, 0x2014,
    0xf000, 0xf830, 0x481f, 0x4920, 0x6001, 0x2108, 0x6021, 0xf3bf, 0x8f6f, 0x2015,
    0xf000, 0xf826, 0xbf30, 0xe7fd, 0xb510, 0x2020, 0xf000, 0xf820, 0xbd10, 0xb510,
    0x2021, 0xf000, 0xf81b, 0x4c14, 0x2104, 0x6021, 0xf3bf, 0x8f6f, 0x2025, 0xf000,
    0xf813, 0xbd10, 0xb510, 0x2022, 0xf000, 0xf80e, 0xbd10, 0xb510, 0x2023, 0xf000,
    0xf809, 0x4c0b, 0x2104, 0x6021, 0xf3bf, 0x8f6f, 0x2026, 0xf000, 0xf801, 0xbd10,
    0xf04f, 0x5100, 0x680a, 0x3201, 0x600a, 0xf841, 0x0022, 0x4770, 0xe400, 0xe000,
    0x4080, 0xc020, 0xe100, 0xe000, 0xe200, 0xe000, 0xed0c, 0xe000, 0x0700, 0x05fa,
    0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000,
    0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #4
 *     ldr r1, =hello
 *     bkpt 0xab
 *     movs r0, #1
 *     ldr r1, =open
 *     bkpt 0xab
 *     ldr r1, =write
 *     str r0, [r1]
 *     mov r8, r0
 *     movs r0, #5
 *     bkpt 0xab
 *     mov r9, r0
 *     movs r0, #3
 *     ldr r1, =bang
 *     bkpt 0xab
 *     movs r0, #0x20
 *     ldr r1, =exit
 *     bkpt 0xab
 * .align 2
 * open: .word tt, 4, 3
 * write: .word 0, world, 6
 * exit: .word 0x20026, 42
 * tt: .asciz ":tt"
 * hello: .asciz "hello "
 * world: .ascii "world\n"
 * bang: .ascii "!"
 */
static const uint16_t p_semihost[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x00bd, 0x0000, 0x00bd, 0x0000, 0x00bd, 0x0000,
    0x00bd, 0x0000, 0x00bd, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x00bd, 0x0000, 0x00bd, 0x0000, 0x0000, 0x0000, 0x00bd, 0x0000,
    0x00bd, 0x0000, 0x00bd, 0x0000, 0x00bd, 0x0000, 0x00bd, 0x0000, 0x00bd, 0x0000,
    0x2004, 0x4915, 0xbeab, 0x2001, 0x4914, 0xbeab, 0x4914, 0x6008, 0x4680, 0x2005,
    0xbeab, 0x4681, 0x2003, 0x4912, 0xbeab, 0x2020, 0x4911, 0xbeab, 0x0094, 0x0000,
    0x0004, 0x0000, 0x0003, 0x0000, 0x0000, 0x0000, 0x009f, 0x0000, 0x0006, 0x0000,
    0x0026, 0x0002, 0x002a, 0x0000, 0x743a, 0x0074, 0x6568, 0x6c6c, 0x206f, 0x7700,
    0x726f, 0x646c, 0x210a, 0x0000, 0x0098, 0x0000, 0x0074, 0x0000, 0x0080, 0x0000,
    0x00a5, 0x0000, 0x008c, 0x0000, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000,
    0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #0x18
 *     ldr r1, =0x20026
 *     bkpt 0xab
 *     b reset
 */
static const uint16_t p_semihost_exit[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x2018, 0x4902, 0xbeab, 0xf7ff, 0xbffb, 0x0000, 0x0026, 0x0002, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #0x18
 *     ldr r1, =0x20023
 *     bkpt 0xab
 *     b reset
 */
static const uint16_t p_semihost_fail[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0000, 0x0000, 0x0061, 0x0000,
    0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000, 0x0061, 0x0000,
    0x2018, 0x4902, 0xbeab, 0xf7ff, 0xbffb, 0x0000, 0x0023, 0x0002, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * svc_h:
 *     bx lr
 * reset:
 *     ldr r0, =0x20000100
 *     movs r1, #5
 *     str r1, [r0]
 *     ldrex r2, [r0]
 *     adds r2, #1
 *     strex r3, r2, [r0]
 *     strex r4, r2, [r0]
 *     ldrex r5, [r0]
 *     clrex
 *     strex r6, r2, [r0]
 *     ldrex r7, [r0]
 *     svc #0
 *     strex r8, r2, [r0]
 *     ldrexb r9, [r0]
 *     movs r1, #0x77
 *     strexb r10, r1, [r0]
 *     ldr r11, [r0]
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_excl[] = {
    0x1000, 0x2000, 0x0053, 0x0000, 0x0095, 0x0000, 0x0095, 0x0000, 0x0095, 0x0000,
    0x0095, 0x0000, 0x0095, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0051, 0x0000, 0x0095, 0x0000, 0x0000, 0x0000, 0x0095, 0x0000,
    0x0095, 0x0000, 0x0095, 0x0000, 0x0095, 0x0000, 0x0095, 0x0000, 0x0095, 0x0000,
    0x4770, 0x480f, 0x2105, 0x6001, 0xe850, 0x2f00, 0x3201, 0xe840, 0x2300, 0xe840,
    0x2400, 0xe850, 0x5f00, 0xf3bf, 0x8f2f, 0xe840, 0x2600, 0xe850, 0x7f00, 0xdf00,
    0xe840, 0x2800, 0xe8d0, 0x9f4f, 0x2177, 0xe8c0, 0x1f4a, 0xf8d0, 0xb000, 0xbf30,
    0xe7fd, 0x0000, 0x0100, 0x2000, 0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000,
    0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     mrs r0, msp
 *     ldr r1, =0x20000800
 *     msr psp, r1
 *     movs r2, #2
 *     msr control, r2
 *     isb
 *     mov r3, sp
 *     movs r2, #0
 *     msr control, r2
 *     isb
 *     mov r4, sp
 *     movs r2, #0x60
 *     msr basepri, r2
 *     movs r2, #0x80
 *     msr basepri_max, r2
 *     mrs r5, basepri
 *     movs r2, #0x20
 *     msr basepri_max, r2
 *     mrs r6, basepri
 *     movs r2, #1
 *     msr faultmask, r2
 *     mrs r7, faultmask
 *     cpsie f
 *     mrs r8, faultmask
 *     movs r2, #1
 *     msr control, r2
 *     isb
 *     movs r2, #0
 *     msr basepri, r2
 *     mrs r9, basepri
 *     mrs r10, msp
 *     mrs r12, xpsr
 *     svc #0
 * svc_h:
 *     mrs r11, control
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_sysregs[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000,
    0x00c9, 0x0000, 0x00c9, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x00bb, 0x0000, 0x00c9, 0x0000, 0x0000, 0x0000, 0x00c9, 0x0000,
    0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000, 0x00c9, 0x0000,
    0xf3ef, 0x8008, 0x491b, 0xf381, 0x8809, 0x2202, 0xf382, 0x8814, 0xf3bf, 0x8f6f,
    0x466b, 0x2200, 0xf382, 0x8814, 0xf3bf, 0x8f6f, 0x466c, 0x2260, 0xf382, 0x8811,
    0x2280, 0xf382, 0x8812, 0xf3ef, 0x8511, 0x2220, 0xf382, 0x8812, 0xf3ef, 0x8611,
    0x2201, 0xf382, 0x8813, 0xf3ef, 0x8713, 0xb661, 0xf3ef, 0x8813, 0x2201, 0xf382,
    0x8814, 0xf3bf, 0x8f6f, 0x2200, 0xf382, 0x8811, 0xf3ef, 0x8911, 0xf3ef, 0x8a08,
    0xf3ef, 0x8c03, 0xdf00, 0xf3ef, 0x8b14, 0xbf30, 0xe7fd, 0x0000, 0x0800, 0x2000,
    0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000,
    0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     movs r0, #2
 *     tbb [pc, r0]
 * tbl:
 *     .byte (c0 - tbl) / 2, (c1 - tbl) / 2, (c2 - tbl) / 2, 0
 * c0: movs r1, #10
 *     b 3f
 * c1: movs r1, #11
 *     b 3f
 * c2: movs r1, #12
 * 3:  movs r0, #1
 *     tbh [pc, r0, lsl #1]
 * tblh:
 *     .short (h0 - tblh) / 2, (h1 - tblh) / 2
 * h0: movs r2, #20
 *     b 4f
 * h1: movs r2, #21
 * 4:  movs r0, #0
 *     cbz r0, 5f
 *     movs r3, #30
 * 5:  cbnz r0, 6f
 *     movs r4, #40
 * 6:  bl func
 *     ldr r0, =func
 *     blx r0
 *     adr r0, 7f
 *     adds r0, #1
 *     push {r0}
 *     pop {pc}
 *     movs r7, #1
 * 7:  adr r0, 8f
 *     adds r0, #1
 *     push {r0}
 *     ldr pc, [sp], #4
 *     movs r7, #2
 * 8:  movs r8, #8
 * 1:  wfi
 *     b 1b
 * func:
 *     adds r5, #1
 *     push {lr}
 *     pop {pc}
 */
static const uint16_t p_branches[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x00b1, 0x0000, 0x00b1, 0x0000, 0x00b1, 0x0000,
    0x00b1, 0x0000, 0x00b1, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x00b1, 0x0000, 0x00b1, 0x0000, 0x0000, 0x0000, 0x00b1, 0x0000,
    0x00b1, 0x0000, 0x00b1, 0x0000, 0x00b1, 0x0000, 0x00b1, 0x0000, 0x00b1, 0x0000,
    0x2002, 0xe8df, 0xf000, 0x0402, 0x0006, 0x210a, 0xe002, 0x210b, 0xe000, 0x210c,
    0x2001, 0xe8df, 0xf010, 0x0002, 0x0004, 0x2214, 0xe000, 0x2215, 0x2000, 0xb100,
    0x231e, 0xb900, 0x2428, 0xf000, 0xf811, 0x480a, 0x4780, 0xa002, 0x3001, 0xb401,
    0xbd00, 0x2701, 0xa002, 0x3001, 0xb401, 0xf85d, 0xfb04, 0x2702, 0xf05f, 0x0808,
    0xbf30, 0xe7fd, 0x3501, 0xb500, 0xbd00, 0x0000, 0x00a5, 0x0000, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     sev
 *     wfe
 *     movs r0, #1
 *     wfe
 *     movs r0, #2
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_wfe[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x005f, 0x0000, 0x005f, 0x0000, 0x005f, 0x0000,
    0x005f, 0x0000, 0x005f, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x005f, 0x0000, 0x005f, 0x0000, 0x0000, 0x0000, 0x005f, 0x0000,
    0x005f, 0x0000, 0x005f, 0x0000, 0x005f, 0x0000, 0x005f, 0x0000, 0x005f, 0x0000,
    0xbf40, 0xbf20, 0x2001, 0xbf20, 0x2002, 0xbf30, 0xe7fd, 0xf3ef, 0x8b05, 0xf8df,
    0xa014, 0xf8da, 0xa000, 0xf8df, 0x9010, 0xf8d9, 0x9000, 0xbf30, 0xe7fd, 0x0000,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     ldr r0, =0x20000000
 *     ldr r1, [r0]
 *     adds r1, #1
 *     str r1, [r0]
 *     cmp r1, #2
 *     bge 1f
 *     movs r4, #0x55
 *     ldr r0, =0xe000ed0c
 *     ldr r1, =0x05fa0004
 *     str r1, [r0]
 *     dsb
 * 2:  b 2b
 * 1:  wfi
 *     b 1b
 */
static const uint16_t p_sysreset[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0079, 0x0000, 0x0079, 0x0000, 0x0079, 0x0000,
    0x0079, 0x0000, 0x0079, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0079, 0x0000, 0x0079, 0x0000, 0x0000, 0x0000, 0x0079, 0x0000,
    0x0079, 0x0000, 0x0079, 0x0000, 0x0079, 0x0000, 0x0079, 0x0000, 0x0079, 0x0000,
    0xf04f, 0x5000, 0x6801, 0x3101, 0x6001, 0x2902, 0xda06, 0x2455, 0x4803, 0x4904,
    0x6001, 0xf3bf, 0x8f4f, 0xe7fe, 0xbf30, 0xe7fd, 0xed0c, 0xe000, 0x0004, 0x05fa,
    0xf3ef, 0x8b05, 0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000,
    0xbf30, 0xe7fd, 0xed28, 0xe000, 0xed2c, 0xe000,
};

/*
 * reset:
 *     cpsid i
 *     cpsid f
 *     ldr r0, =0xe000ed04
 *     mov r1, #0x80000000
 *     str r1, [r0]
 *     isb
 *     movs r5, #1
 * 1:  wfi
 *     b 1b
 * nmi_h:
 *     mrs r11, ipsr
 *     movs r6, #2
 *     bx lr
 */
static const uint16_t p_nmi[] = {
    0x1000, 0x2000, 0x0051, 0x0000, 0x0067, 0x0000, 0x0075, 0x0000, 0x0075, 0x0000,
    0x0075, 0x0000, 0x0075, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0075, 0x0000, 0x0075, 0x0000, 0x0000, 0x0000, 0x0075, 0x0000,
    0x0075, 0x0000, 0x0075, 0x0000, 0x0075, 0x0000, 0x0075, 0x0000, 0x0075, 0x0000,
    0xb672, 0xb671, 0x4806, 0xf04f, 0x4100, 0x6001, 0xf3bf, 0x8f6f, 0x2501, 0xbf30,
    0xe7fd, 0xf3ef, 0x8b05, 0x2602, 0x4770, 0x0000, 0xed04, 0xe000, 0xf3ef, 0x8b05,
    0xf8df, 0xa010, 0xf8da, 0xa000, 0xf8df, 0x900c, 0xf8d9, 0x9000, 0xbf30, 0xe7fd,
    0xed28, 0xe000, 0xed2c, 0xe000,
};

struct env {
    struct machine *m;
    struct cluster *c;
    struct arm_cpu *cpu;
};

static struct env env;

static void env_start(const char *model, const uint16_t *prog, size_t size)
{
    static const struct ram_spec rams[] = {
        {"code", "0", "64K"}, {"sram", "0x20000000", "64K"}, {NULL, NULL, NULL}};
    env.m = one_cluster_machine(&arm_target_ops, "rt", model, NULL, rams, 0, prog, size, &env.c);
    env.cpu = arm_cpu(env.c->cpus[0]);
}

static int env_stop(void **state)
{
    (void)state;
    machine_free(env.m);
    memset(&env, 0, sizeof(env));
    return 0;
}

#define START(prog) env_start("cortex-m4", prog, sizeof(prog))

/* Run until the core waits (WFI with nothing to take) or the guest exits. */
static int run(void)
{
    return run_until_idle(env.m, &env.cpu->cpu);
}

static uint32_t reg(unsigned n)
{
    return env.cpu->r[n];
}

static uint32_t mem32(uint32_t addr)
{
    uint64_t v = 0;
    assert_int_equal(mem_view_read(env.c->view, addr, 4, &v), MEM_OK);
    return (uint32_t)v;
}

/* The default handler's record: exception number, CFSR, HFSR. */
static void expect_fault(unsigned exc, uint32_t cfsr, uint32_t hfsr)
{
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(11), exc);
    assert_int_equal(reg(10), cfsr);
    assert_int_equal(reg(9), hfsr);
}

/* The frame the first exception from Thread mode stacked on the MSP. */
static uint32_t frame(unsigned word)
{
    return mem32(MSP_TOP - 0x20 + 4 * word);
}

static void test_reset(void **state)
{
    (void)state;
    START(p_flags);
    assert_int_equal(reg(13), MSP_TOP);
    assert_int_equal(reg(15), CODE);
    assert_true(env.cpu->thumb);
    assert_int_equal(env.cpu->nvic.vtor, 0);
    assert_int_equal(env.cpu->nvic.ccr, CCR_STKALIGN);
    /* A system controller releasing the core with another vector table. */
    uint32_t table[2] = {0x20000800, 0x91};
    assert_int_equal(mem_view_write_buf(env.c->view, 0x400, table, 8, MEM_F_LOAD, NULL), 0);
    cpu_boot(&env.cpu->cpu, 0x400);
    assert_int_equal(env.cpu->nvic.vtor, 0x400);
    assert_int_equal(reg(13), 0x20000800);
    assert_int_equal(reg(15), 0x90);
    assert_int_equal(mem32(0xe000ed08), 0x400); /* VTOR through the SCS */
    assert_int_equal(mem32(0xe000ed00), 0x410fc241); /* CPUID of a Cortex-M4 */
}

static void test_flags(void **state)
{
    (void)state;
    START(p_flags);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(1), 0x90000000); /* 0x7fffffff + 1: N V */
    assert_int_equal(reg(2), 0x80000000); /* 0 - 1: N, borrow (C clear) */
    assert_int_equal(reg(3), 0xa0000000); /* -1 + -1: N C */
    assert_int_equal(reg(4), 0x60000000); /* cmp 5, 5: Z C */
    assert_int_equal(reg(5), 0x30000000); /* 0x80000000 - 1 - !C: C V */
    assert_int_equal(reg(6), 0x90000000); /* 0x7fffffff * 2 + C: N V */
    assert_int_equal(reg(7), 0xb0000000); /* asrs #32: C = bit 31, V kept */
    assert_int_equal(reg(9), 0xb8000000); /* qadd saturates: Q */
    assert_int_equal(reg(10), 0xb80e0000); /* sadd8: GE from each byte's sign */
    assert_int_equal(reg(11), 0x000e0000); /* msr apsr_nzcvq keeps GE */
}

static void test_it_block(void **state)
{
    (void)state;
    START(p_it);
    assert_int_equal(run(), EXCP_HALTED);
    static const uint32_t want[] = {1, 10, 0, 30, 0, 8, 1, 99, 0, 2};
    for (unsigned r = 0; r < 10; r++)
        assert_int_equal(reg(r), want[r]);
}

/* One instruction at a time (one-instruction TBs): ITSTATE advances in
 * the CPU state between them, and xPSR shows it (IT[1:0] in bits 26:25,
 * IT[7:2] in bits 15:10). */
static void test_it_single_step(void **state)
{
    (void)state;
    static const uint8_t its[] = {0, 0, 0, 0x0b, 0x16, 0x0c, 0x18};
    START(p_itstep);
    for (unsigned i = 0; i < sizeof(its); i++) {
        assert_int_equal(env.cpu->itstate, its[i]);
        env.cpu->cpu.singlestep = true;
        env.cpu->cpu.budget = 100;
        assert_int_equal(accel_cpu_run(&env.cpu->cpu), EXCP_DEBUG);
        env.cpu->cpu.singlestep = false;
    }
    assert_int_equal(env.cpu->itstate, 0);
    assert_int_equal(reg(0), 5);
}

/* A fault inside an IT block stacks the faulting instruction's ITSTATE;
 * the handler returns past the UDF without advancing it, so the next
 * instruction runs under UDF's condition (eq) and the last one not. */
static void test_it_fault(void **state)
{
    (void)state;
    START(p_itfault);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(4), 0x65000800); /* stacked xPSR: Z C T, IT = 0x0a */
    assert_int_equal(reg(3), 3);
    assert_int_equal(env.cpu->itstate, 0);
}

static void test_svc_frame(void **state)
{
    (void)state;
    START(p_svc);
    assert_int_equal(run(), EXCP_HALTED);
    static const uint32_t stacked[] = {0x10, 0x11, 0x12, 0x13, 0x1c, 0x12345678, 0x76,
                                       0x81000000};
    for (unsigned i = 0; i < 8; i++)
        assert_int_equal(mem32(SRAM + 0x100 + 4 * i), stacked[i]);
    assert_int_equal(mem32(SRAM + 0x120), 0xfffffffd); /* EXC_RETURN: Thread, PSP */
    assert_int_equal(reg(10), 0x200007e0);   /* the frame on the PSP */
    assert_int_equal(reg(11), ARM_EXC_SVC);
    assert_int_equal(reg(0), 42);            /* the handler's result */
    assert_int_equal(reg(1), 0x11);          /* unstacked */
    assert_int_equal(reg(12), 0x1c);
    assert_int_equal(reg(14), 0x12345678);
    assert_int_equal(reg(6), 1);
    assert_int_equal(reg(7), 3);             /* CONTROL: PSP, unprivileged */
    assert_int_equal(reg(8), 0);             /* MRS PSP unprivileged reads 0 */
    assert_int_equal(reg(9), 0x20000800);    /* the PSP after unstacking */
    assert_int_equal(arm_xpsr_read(env.cpu) >> 28, 8); /* N restored */
    assert_int_equal(env.cpu->ipsr, 0);
}

static uint32_t log_entry(unsigned i)
{
    return mem32(SRAM + 4 * i);
}

static void expect_log(const uint32_t *want, unsigned n)
{
    assert_int_equal(log_entry(0), n);
    for (unsigned i = 0; i < n; i++)
        assert_int_equal(log_entry(i + 1), want[i]);
}

/* PendSV, pended by the SVC handler at the lowest priority, runs once the
 * SVC handler returns and before Thread mode continues. */
static void test_pendsv(void **state)
{
    (void)state;
    static const uint32_t want[] = {1, 2, 3, 5, 4};
    START(p_pendsv);
    assert_int_equal(run(), EXCP_HALTED);
    expect_log(want, 5);
    assert_int_equal(arm_active_count(env.cpu), 0);
}

/* SysTick on the processor clock (one count per instruction of virtual
 * time, cpu-freq 1 GHz): three wraps of 50000 counts while the core
 * sleeps in WFI, then semihosting exits with the count. */
static void test_systick(void **state)
{
    (void)state;
    START(p_systick);
    assert_int_equal(machine_run(env.m), 3);
    assert_int_equal(reg(4), 0x10007);      /* COUNTFLAG, CLKSOURCE, TICKINT, ENABLE */
    assert_true(reg(5) > 49950 && reg(5) < 50000); /* a few instructions after a wrap */
    assert_int_equal(reg(6), 9999);         /* CALIB: 10 ms of the 1 MHz reference */
    /* Slept to the third wrap, then ran out the quantum (10000 ns). */
    assert_true(env.m->clock_ns >= 150000 && env.m->clock_ns <= 160100);
}

static void test_fault_escalation(void **state)
{
    (void)state;
    START(p_udf);
    expect_fault(ARM_EXC_HARD, CFSR_UNDEFINSTR, HFSR_FORCED);
    assert_int_equal(frame(0), 7);          /* stacked r0 */
    assert_int_equal(frame(6), 0x52);       /* the UDF itself */
    assert_int_equal(frame(7), 0x01000000); /* xPSR: T */
    assert_int_equal(reg(14), 0xfffffff9);  /* EXC_RETURN: Thread, MSP */
    assert_int_equal(reg(13), MSP_TOP - 0x20);
    env_stop(NULL);
    START(p_udf_enabled);
    expect_fault(ARM_EXC_USAGE, CFSR_UNDEFINSTR, 0);
    env_stop(NULL);
    START(p_nocp);
    expect_fault(ARM_EXC_HARD, CFSR_NOCP, HFSR_FORCED);
}

static void test_div0(void **state)
{
    (void)state;
    START(p_div0);
    expect_fault(ARM_EXC_USAGE, CFSR_DIVBYZERO, 0);
    assert_int_equal(reg(3), 0); /* without DIV_0_TRP the quotient is 0 */
    assert_int_equal(reg(4), 0);
}

static void test_unaligned(void **state)
{
    (void)state;
    START(p_unaligned);
    expect_fault(ARM_EXC_HARD, CFSR_UNALIGNED, HFSR_FORCED);
    assert_int_equal(reg(3), 0x55443322); /* unaligned LDR allowed by default */
    assert_int_equal(reg(4), 0x5544);
    assert_int_equal(reg(6), 0x44);       /* bytes never trap */
    env_stop(NULL);
    START(p_ldrd_unaligned);
    expect_fault(ARM_EXC_HARD, CFSR_UNALIGNED, HFSR_FORCED);
}

static void test_bus_fault(void **state)
{
    (void)state;
    START(p_busfault);
    expect_fault(ARM_EXC_HARD, CFSR_PRECISERR | CFSR_BFARVALID, HFSR_FORCED);
    assert_int_equal(mem32(0xe000ed38), 0x30000000); /* BFAR */
    /* The status registers are write-one-to-clear. */
    assert_int_equal(mem_view_write(env.c->view, 0xe000ed28, 4, CFSR_PRECISERR), MEM_OK);
    assert_int_equal(mem32(0xe000ed28), CFSR_BFARVALID);
}

/* A fault in the HardFault handler cannot escalate: lockup. */
static void test_lockup(void **state)
{
    (void)state;
    START(p_lockup);
    assert_int_equal(run(), EXCP_HALTED);
    assert_true(env.cpu->locked_up);
    assert_int_equal(reg(15), 0xfffffffe);
    assert_false(arm_has_work(&env.cpu->cpu));
}

static void test_bad_exc_return(void **state)
{
    (void)state;
    START(p_invpc);
    expect_fault(ARM_EXC_HARD, CFSR_INVPC, HFSR_FORCED);
    assert_false(arm_is_active(env.cpu, ARM_EXC_SVC)); /* deactivated first */
    env_stop(NULL);
    START(p_invstate);
    expect_fault(ARM_EXC_HARD, CFSR_INVSTATE, HFSR_FORCED);
    assert_int_equal(frame(6), 0x58);          /* faulted at the target */
    assert_int_equal(frame(7) & XPSR_T, 0);    /* with EPSR.T clear */
}

/* An exception from an SP that is not 8-byte aligned realigns the frame
 * and records it in bit 9 of the stacked xPSR; return undoes it. */
static void test_stack_align(void **state)
{
    (void)state;
    START(p_stack_align);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(10), 0x20000fd8);
    assert_int_equal(reg(9), 0x01000200);
    assert_int_equal(reg(8), 0x20000ffc);
}

/* A level-sensitive line: pending while high, taken, and pending again
 * when the handler returns with the line still high; the handler
 * disables it the second time, which leaves it pending. */
static void test_irq_line(void **state)
{
    (void)state;
    struct irq_line line;
    START(p_irq);
    assert_int_equal(arm_target_ops.irq_in(&env.cpu->cpu, "irq", 240, &line), -ENOENT);
    assert_int_equal(arm_target_ops.irq_in(&env.cpu->cpu, "bogus", 0, &line), -ENOENT);
    assert_int_equal(arm_target_ops.irq_in(&env.cpu->cpu, "irq", 3, &line), 0);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(mem32(SRAM), 0);
    irq_raise(&line);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(mem32(SRAM), 2);
    assert_int_equal(reg(11), ARM_EXC_IRQ0 + 3);
    assert_int_equal(reg(4), 8);   /* IABR: active in its handler */
    assert_int_equal(reg(5), 0);   /* ISPR: pending cleared on entry */
    irq_lower(&line);
    assert_int_equal(mem32(0xe000e200), 8);
    assert_int_equal(mem32(0xe000e100), 0);
    assert_int_equal(mem32(0xe000e400), 0x40000000); /* IPR byte 3 */
}

/* BASEPRI and PRIMASK mask, a higher priority preempts, and with
 * PRIGROUP 7 (no group bits) nothing preempts another handler. */
static void test_priorities(void **state)
{
    (void)state;
    static const uint32_t want[] = {0x10, 0x11, 0x21, 0x22, 0x25, 0x20, 0x12,
                                    0x13, 0x22, 0x14, 0x23, 0x26, 0x22, 0x15};
    START(p_prio);
    assert_int_equal(run(), EXCP_HALTED);
    expect_log(want, sizeof(want) / sizeof(want[0]));
    assert_int_equal(mem32(0xe000ed0c), 0xfa050700); /* AIRCR: VECTKEYSTAT, PRIGROUP */
}

static void test_exclusive(void **state)
{
    (void)state;
    static const uint32_t want[] = {6, 0, 1, 6, 1, 6, 1, 6, 0, 0x77};
    START(p_excl);
    assert_int_equal(run(), EXCP_HALTED);
    for (unsigned i = 0; i < 10; i++)
        assert_int_equal(reg(2 + i), want[i]);
}

static void test_special_registers(void **state)
{
    (void)state;
    START(p_sysregs);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(0), MSP_TOP);
    assert_int_equal(reg(3), 0x20000800); /* SPSEL: r13 is the PSP */
    assert_int_equal(reg(4), MSP_TOP);
    assert_int_equal(reg(5), 0x60);       /* BASEPRI_MAX cannot lower it */
    assert_int_equal(reg(6), 0x20);       /* ... but raises it */
    assert_int_equal(reg(7), 1);
    assert_int_equal(reg(8), 0);          /* CPSIE f */
    assert_int_equal(reg(9), 0x20);       /* unprivileged MSR is ignored */
    assert_int_equal(reg(10), 0);         /* unprivileged MRS MSP reads 0 */
    assert_int_equal(reg(12), 0x40000000); /* MRS xPSR: no EPSR bits */
    assert_int_equal(reg(11), 1);         /* CONTROL.nPRIV seen from Handler mode */
}

static void test_branches(void **state)
{
    (void)state;
    START(p_branches);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(1), 12);  /* TBB */
    assert_int_equal(reg(2), 21);  /* TBH */
    assert_int_equal(reg(3), 0);   /* CBZ taken */
    assert_int_equal(reg(4), 40);  /* CBNZ not taken */
    assert_int_equal(reg(5), 2);   /* BL and BLX, returning with POP {pc} */
    assert_int_equal(reg(7), 0);   /* POP {pc} and LDR pc skip their fall-through */
    assert_int_equal(reg(8), 8);
}

static void test_wfe_sev(void **state)
{
    (void)state;
    START(p_wfe);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(0), 1);   /* the first WFE consumed SEV's event */
    assert_true(env.cpu->sleep_wfe);
    env.cpu->event = true;         /* what another core's SEV does */
    cpu_interrupt(&env.cpu->cpu);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(0), 2);
    assert_false(env.cpu->sleep_wfe);
}

/* AIRCR.SYSRESETREQ resets the core (memory keeps its contents). */
static void test_sysresetreq(void **state)
{
    (void)state;
    START(p_sysreset);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(mem32(SRAM), 2);
    assert_int_equal(reg(4), 0);
    assert_int_equal(reg(13), MSP_TOP);
}

/* NMI is taken through PRIMASK and FAULTMASK. */
static void test_nmi(void **state)
{
    (void)state;
    START(p_nmi);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(reg(11), ARM_EXC_NMI);
    assert_int_equal(reg(6), 2);
    assert_int_equal(reg(5), 1);
    assert_int_equal(env.cpu->faultmask, 1); /* returning from NMI keeps it */
}

/* Capture what the guest writes to stdout while the machine runs. */
static int run_captured(char *out, size_t len)
{
    int fds[2], saved;
    fflush(stdout);
    assert_int_equal(pipe(fds), 0);
    saved = dup(STDOUT_FILENO);
    dup2(fds[1], STDOUT_FILENO);
    int r = machine_run(env.m);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    close(fds[1]);
    ssize_t n = read(fds[0], out, len - 1);
    close(fds[0]);
    out[n > 0 ? n : 0] = '\0';
    return r;
}

static void test_semihosting(void **state)
{
    (void)state;
    char out[64];
    START(p_semihost);
    assert_int_equal(run_captured(out, sizeof(out)), 42);
    assert_string_equal(out, "hello world\n!");
    assert_int_equal(reg(8), 1);   /* ":tt" opened for writing is stdout */
    assert_int_equal(reg(9), 0);   /* SYS_WRITE: nothing left unwritten */
    env_stop(NULL);
    START(p_semihost_exit);        /* SYS_EXIT, ADP_Stopped_ApplicationExit */
    assert_int_equal(machine_run(env.m), 0);
    assert_int_equal(reg(15), CODE + 6); /* after the BKPT */
    env_stop(NULL);
    START(p_semihost_fail);        /* SYS_EXIT with another reason */
    assert_int_equal(machine_run(env.m), 1);
}

/* With semihosting off, BKPT 0xAB is a debug event: no debugger and no
 * DebugMonitor, so a HardFault (DEBUGEVT). */
static void test_semihosting_off(void **state)
{
    (void)state;
    START(p_semihost_exit);
    assert_int_equal(object_set_prop_str(&env.c->obj, "semihosting", "off"), 0);
    expect_fault(ARM_EXC_HARD, 0, HFSR_DEBUGEVT);
    assert_int_equal(frame(6), CODE + 4); /* the BKPT */
    assert_false(env.m->exit_requested);
}

/* The Cortex-M3 has no DSP extension: QADD is UNDEFINED there. */
static void test_m3(void **state)
{
    (void)state;
    env_start("cortex-m3", p_flags, sizeof(p_flags));
    expect_fault(ARM_EXC_HARD, CFSR_UNDEFINSTR, HFSR_FORCED);
    assert_int_equal(mem32(0xe000ed00), 0x412fc231);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_reset, env_stop),
        cmocka_unit_test_teardown(test_flags, env_stop),
        cmocka_unit_test_teardown(test_it_block, env_stop),
        cmocka_unit_test_teardown(test_it_single_step, env_stop),
        cmocka_unit_test_teardown(test_it_fault, env_stop),
        cmocka_unit_test_teardown(test_svc_frame, env_stop),
        cmocka_unit_test_teardown(test_pendsv, env_stop),
        cmocka_unit_test_teardown(test_systick, env_stop),
        cmocka_unit_test_teardown(test_fault_escalation, env_stop),
        cmocka_unit_test_teardown(test_div0, env_stop),
        cmocka_unit_test_teardown(test_unaligned, env_stop),
        cmocka_unit_test_teardown(test_bus_fault, env_stop),
        cmocka_unit_test_teardown(test_lockup, env_stop),
        cmocka_unit_test_teardown(test_bad_exc_return, env_stop),
        cmocka_unit_test_teardown(test_stack_align, env_stop),
        cmocka_unit_test_teardown(test_irq_line, env_stop),
        cmocka_unit_test_teardown(test_priorities, env_stop),
        cmocka_unit_test_teardown(test_exclusive, env_stop),
        cmocka_unit_test_teardown(test_special_registers, env_stop),
        cmocka_unit_test_teardown(test_branches, env_stop),
        cmocka_unit_test_teardown(test_wfe_sev, env_stop),
        cmocka_unit_test_teardown(test_sysresetreq, env_stop),
        cmocka_unit_test_teardown(test_nmi, env_stop),
        cmocka_unit_test_teardown(test_semihosting, env_stop),
        cmocka_unit_test_teardown(test_semihosting_off, env_stop),
        cmocka_unit_test_teardown(test_m3, env_stop),
    };
    alarm(120); /* a guest that never stops must fail the test, not hang it */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
