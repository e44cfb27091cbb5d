/* SPDX-License-Identifier: MIT */
/*
 * RISC-V harts run through the real engine (translator, IR interpreter,
 * software TLB, run loop): small guest programs check what is specific to
 * this target rather than every instruction (tests/isa/riscv does that):
 * XLEN handling, x0, trap causes and mtval, privilege changes, CSR rules,
 * the misaligned policy, LR/SC, interrupts, counters, semihosting, and
 * extensions that follow the model.
 *
 * Most programs start with a prologue that installs this trap handler and
 * jumps to the body:
 *     _start: la t0, trap; csrw mtvec, t0; j body
 *     trap:   csrr s0, mcause; csrr s1, mepc; csrr s2, mtval; wfi
 * With mie = 0 the wfi halts the hart, so a test runs a program until
 * the hart waits and then inspects its state. The arrays are the programs
 * assembled by GNU as and linked at 0x80000000.
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
#include "engine/machine/debug.h"
#include "engine/machine/machine.h"
#include "targets/riscv/internals.h"
#include "targets/riscv/riscv.h"
#include "tests/unit/targets/support.h"

#define RAM_BASE 0x80000000u
#define TRAP_PC 0x80000010u
#define BODY 0x80000020u
#define A0 10
#define S(n) ((n) < 2 ? 8 + (n) : 16 + (n))

/*
 * _start:
 *     li a0, -1
 *     addiw a1, a0, 0
 *     li a2, 0x7fffffff
 *     addiw a3, a2, 1
 *     addi zero, a0, 5
 *     li t0, 7
 *     div a4, t0, zero
 *     rem a5, t0, zero
 *     divuw a6, t0, zero
 *     li t1, 1
 *     slli t1, t1, 63
 *     li t2, -1
 *     div a7, t1, t2
 *     rem s3, t1, t2
 *     mulhu s4, a0, a0
 *     mulhsu s5, a0, a0
 *     sraw s6, a3, t0
 *     srlw s7, a3, t0
 *     seqz s8, zero
 *     lui s9, 0x80000
 *     auipc s10, 0
 *     wfi
 */
static const uint16_t p_arith64[] = {
    0x557d, 0x059b, 0x0005, 0x0637, 0x8000, 0x367d, 0x069b, 0x0016, 0x0013, 0x0055,
    0x429d, 0xc733, 0x0202, 0xe7b3, 0x0202, 0xd83b, 0x0202, 0x4305, 0x137e, 0x53fd,
    0x48b3, 0x0273, 0x69b3, 0x0273, 0x3a33, 0x02a5, 0x2ab3, 0x02a5, 0xdb3b, 0x4056,
    0xdbbb, 0x0056, 0x3c13, 0x0010, 0x0cb7, 0x8000, 0x0d17, 0x0000, 0x0073, 0x1050,
};

/* (prologue, with `j body` compressed)
 *     andn a0, a1, a2
 *     wfi
 */
static const uint16_t p_zb_andn[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0xa811, 0x0001, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0xf533, 0x40c5, 0x0073, 0x1050,
};

/* (prologue, with `j body` compressed)
 *     li a1, 1
 *     slli a1, a1, 63
 *     ctzw a0, a1
 *     clzw a2, a1
 *     cpopw a3, a1
 *     wfi
 */
static const uint16_t p_zb_words[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0xa811, 0x0001, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x4585, 0x15fe, 0x951b, 0x6015,
    0x961b, 0x6005, 0x969b, 0x6025, 0x0073, 0x1050,
};

/* (prologue, with `j body` compressed)
 *     lui t0, 0x6
 *     csrs mstatus, t0
 *     csrr a0, mstatus
 *     fadd.d fa0, fa1, fa2
 *     wfi
 */
static const uint16_t p_fs_on[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0xa811, 0x0001, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6299, 0xa073, 0x3002, 0x2573,
    0x3000, 0xf553, 0x02c5, 0x0073, 0x1050,
};

/* (prologue)
 *     .word 0xffffffff
 */
static const uint16_t p_illegal32[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0xffff, 0xffff,
};

/* (prologue)
 *     .half 0
 */
static const uint16_t p_illegal16[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0000, 0x0000,
};

/* (prologue)
 *     ecall
 */
static const uint16_t p_ecall[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0073, 0x0000,
};

/* (prologue)
 *     nop
 *     ebreak
 */
static const uint16_t p_ebreak[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0001, 0x9002,
};

/* (prologue)
 *     la t0, 1f
 *     csrw mepc, t0
 *     li t0, 0x1800
 *     csrc mstatus, t0
 *     mret
 * 1:  li a0, 5
 *     ecall
 */
static const uint16_t p_user[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x01a2,
    0x9073, 0x3412, 0x6289, 0x829b, 0x8002, 0xb073, 0x3002, 0x0073, 0x3020, 0x4515,
    0x0073, 0x0000,
};

/* (prologue)
 *     la t0, 1f
 *     csrw mepc, t0
 *     li t0, 0x1800
 *     csrc mstatus, t0
 *     mret
 * 1:  csrr a0, mstatus
 */
static const uint16_t p_ucsr[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x01a2,
    0x9073, 0x3412, 0x6289, 0x829b, 0x8002, 0xb073, 0x3002, 0x0073, 0x3020, 0x2573,
    0x3000, 0x0000,
};

/* (prologue)
 *     csrwi mcounteren, 4
 *     la t0, 1f
 *     csrw mepc, t0
 *     li t0, 0x1800
 *     csrc mstatus, t0
 *     mret
 * 1:  rdinstret a0
 *     rdcycle a1
 */
static const uint16_t p_ucycle[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x5073, 0x3062, 0x0297, 0x0000,
    0x8293, 0x01a2, 0x9073, 0x3412, 0x6289, 0x829b, 0x8002, 0xb073, 0x3002, 0x0073,
    0x3020, 0x2573, 0xc020, 0x25f3, 0xc000, 0x0000,
};

/* (prologue)
 *     la t0, 1f
 *     csrw mepc, t0
 *     li t0, 0x1800
 *     csrc mstatus, t0
 *     mret
 * 1:  mret
 */
static const uint16_t p_umret[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x01a2,
    0x9073, 0x3412, 0x6289, 0x829b, 0x8002, 0xb073, 0x3002, 0x0073, 0x3020, 0x0073,
    0x3020, 0x0000,
};

/* (prologue)
 *     csrr a0, mhartid
 *     li a1, 1
 *     csrr a1, 0x302
 */
static const uint16_t p_csr_unimpl[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x2573, 0xf140, 0x4585, 0x25f3,
    0x3020, 0x0000,
};

/* (prologue)
 *     csrr a0, mvendorid
 *     csrs mvendorid, zero
 *     csrw mhartid, a0
 */
static const uint16_t p_csr_ro[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x2573, 0xf110, 0x2073, 0xf110,
    0x1073, 0xf145,
};

/* (prologue)
 *     la t0, data
 *     lw a0, 1(t0)
 *     sh a0, 7(t0)
 *     lhu a1, 7(t0)
 *     li a2, 1
 *     amoadd.w a3, a2, (t0)
 *     addi t1, t0, 2
 *     amoadd.w a4, a2, (t1)
 * .align 3
 * data:
 *     .word 0x44332211, 0x88776655
 */
static const uint16_t p_misaligned[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x0282,
    0xa503, 0x0012, 0x93a3, 0x00a2, 0xd583, 0x0072, 0x4605, 0xa6af, 0x00c2, 0x8313,
    0x0022, 0x272f, 0x00c3, 0x0001, 0x0013, 0x0000, 0x2211, 0x4433, 0x6655, 0x8877,
};

/* (prologue)
 *     la t0, 1f
 *     addi t0, t0, 2
 *     lr.w a0, (t0)
 * .align 3
 * 1:  .word 0, 0
 */
static const uint16_t p_lr_mis[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x0102,
    0x0289, 0xa52f, 0x1002, 0x0001, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
};

/* (prologue)
 *     la t0, 1f
 *     addi t0, t0, 2
 *     sc.w a0, a1, (t0)
 * .align 3
 * 1:  .word 0, 0
 */
static const uint16_t p_sc_mis[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x0102,
    0x0289, 0xa52f, 0x18b2, 0x0001, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
};

/* (prologue)
 *     li t0, 0x1000
 *     lw a0, 4(t0)
 */
static const uint16_t p_access[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6285, 0xa503, 0x0042, 0x0000,
};

/* (prologue)
 *     li t0, 0x1000
 *     sw a0, 8(t0)
 */
static const uint16_t p_store_access[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6285, 0xa423, 0x00a2, 0x0000,
};

/* (prologue)
 *     li t0, 0x1000
 *     amoswap.w a0, a1, (t0)
 */
static const uint16_t p_amo_access[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6285, 0xa52f, 0x08b2, 0x0000,
};

/* (prologue)
 *     li t0, 0x1000
 *     jr t0
 */
static const uint16_t p_fetch[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6285, 0x8282,
};

/* (prologue)
 *     la t0, 1f
 *     li a2, 99
 *     sc.w a3, a2, (t0)
 *     lr.w a0, (t0)
 *     sc.w a1, a2, (t0)
 *     sc.w a4, a2, (t0)
 *     lw a5, 0(t0)
 *     lr.w a0, (t0)
 *     sw zero, 0(t0)
 *     sc.w a6, a2, (t0)
 *     li a7, -5
 *     amomin.w s3, a7, (t0)
 *     lw s4, 0(t0)
 *     amomaxu.w s5, a7, (t0)
 *     lw s6, 0(t0)
 *     wfi
 * .align 3
 * 1:  .word 7, 0
 */
static const uint16_t p_lrsc[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x0482,
    0x0613, 0x0630, 0xa6af, 0x18c2, 0xa52f, 0x1002, 0xa5af, 0x18c2, 0xa72f, 0x18c2,
    0xa783, 0x0002, 0xa52f, 0x1002, 0xa023, 0x0002, 0xa82f, 0x18c2, 0x58ed, 0xa9af,
    0x8112, 0xaa03, 0x0002, 0xaaaf, 0xe112, 0xab03, 0x0002, 0x0073, 0x1050, 0x0001,
    0x0013, 0x0000, 0x0007, 0x0000, 0x0000, 0x0000,
};

/* (prologue)
 *     li t0, 0x1800
 *     csrs mstatus, t0
 *     csrr a0, mstatus
 *     li t0, 0x800
 *     csrc mstatus, t0
 *     csrr a1, mstatus
 *     li t0, -1
 *     csrw mtvec, t0
 *     csrr a2, mtvec
 *     li t0, 0x80000002
 *     csrw mtvec, t0
 *     csrr a3, mtvec
 *     csrr a4, misa
 *     csrw misa, zero
 *     csrr a5, misa
 *     li t0, -1
 *     csrw mie, t0
 *     csrr a6, mie
 *     csrw mip, t0
 *     csrr a7, mip
 *     csrw mepc, t0
 *     csrr s3, mepc
 *     wfi
 */
static const uint16_t p_mstatus[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6289, 0x829b, 0x8002, 0xa073,
    0x3002, 0x2573, 0x3000, 0x6285, 0x829b, 0x8002, 0xb073, 0x3002, 0x25f3, 0x3000,
    0x52fd, 0x9073, 0x3052, 0x2673, 0x3050, 0x029b, 0x0010, 0x02fe, 0x0289, 0x9073,
    0x3052, 0x26f3, 0x3050, 0x2773, 0x3010, 0x1073, 0x3010, 0x27f3, 0x3010, 0x52fd,
    0x9073, 0x3042, 0x2873, 0x3040, 0x9073, 0x3442, 0x28f3, 0x3440, 0x9073, 0x3412,
    0x29f3, 0x3410, 0x0073, 0x1050,
};

/* (prologue)
 *     csrr a0, minstret
 *     csrr a1, minstret
 *     li t0, 100
 *     csrw minstret, t0
 *     csrr a2, minstret
 *     csrwi mcountinhibit, 4
 *     csrr a3, minstret
 *     nop
 *     nop
 *     csrr a4, minstret
 *     csrwi mcountinhibit, 0
 *     nop
 *     csrr a5, minstret
 *     csrr a6, mcycle
 *     wfi
 */
static const uint16_t p_counters[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x2573, 0xb020, 0x25f3, 0xb020,
    0x0293, 0x0640, 0x9073, 0xb022, 0x2673, 0xb020, 0x5073, 0x3202, 0x26f3, 0xb020,
    0x0001, 0x0001, 0x2773, 0xb020, 0x5073, 0x3200, 0x0001, 0x27f3, 0xb020, 0x2873,
    0xb000, 0x0073, 0x1050, 0x0000,
};

/*
 * _start:
 *     la t0, vec
 *     ori t0, t0, 1
 *     csrw mtvec, t0
 *     li t0, 0x80
 *     csrw mie, t0
 *     li a0, 1
 *     wfi
 *     li a0, 2
 *     csrsi mstatus, 8
 *     li a0, 3
 *     wfi
 * .align 6
 * vec:
 *     j exc
 *     .word 0, 0, 0, 0, 0, 0
 *     j timer
 * exc:
 *     csrr s0, mcause
 *     wfi
 * timer:
 *     csrr s0, mcause
 *     csrr s1, mepc
 *     csrr s2, mstatus
 *     li a1, 7
 *     csrw mie, zero
 *     wfi
 */
static const uint16_t p_irq[] = {
    0x0297, 0x0000, 0x8293, 0x0402, 0xe293, 0x0012, 0x9073, 0x3052, 0x0293, 0x0800,
    0x9073, 0x3042, 0x0513, 0x0010, 0x0073, 0x1050, 0x0513, 0x0020, 0x6073, 0x3004,
    0x0513, 0x0030, 0x0073, 0x1050, 0x0013, 0x0000, 0x0013, 0x0000, 0x0013, 0x0000,
    0x0013, 0x0000, 0x006f, 0x0200, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x006f, 0x00c0, 0x2473, 0x3420,
    0x0073, 0x1050, 0x2473, 0x3420, 0x24f3, 0x3410, 0x2973, 0x3000, 0x0593, 0x0070,
    0x1073, 0x3040, 0x0073, 0x1050, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000,
};

/*
 * _start:
 *     li a0, 4
 *     la a1, msg
 *     call semi
 *     li a0, 5
 *     la a1, blk
 *     call semi
 *     mv s0, a0
 *     li a0, 0x20
 *     la a1, exitblk
 *     call semi
 *     wfi
 * .align 4
 * semi:
 *     slli zero, zero, 0x1f
 *     ebreak
 *     srai zero, zero, 7
 *     ret
 * msg: .asciz "hello "
 * .align 3
 * blk: .dword 1, blk_text, 6
 * blk_text: .ascii "world\n"
 * .align 3
 * exitblk: .dword 0x20026, 42
 */
static const uint16_t p_semihost[] = {
    0x0513, 0x0040, 0x0597, 0x0000, 0x8593, 0x05c5, 0x0097, 0x0000, 0x80e7, 0x0440,
    0x0513, 0x0050, 0x0597, 0x0000, 0x8593, 0x0505, 0x0097, 0x0000, 0x80e7, 0x0300,
    0x0413, 0x0005, 0x0513, 0x0200, 0x0597, 0x0000, 0x8593, 0x0585, 0x0097, 0x0000,
    0x80e7, 0x0180, 0x0073, 0x1050, 0x0013, 0x0000, 0x0013, 0x0000, 0x0013, 0x0000,
    0x1013, 0x01f0, 0x0073, 0x0010, 0x5013, 0x4070, 0x8067, 0x0000, 0x6568, 0x6c6c,
    0x206f, 0x0100, 0x0001, 0x0000, 0x0000, 0x0000, 0x0080, 0x8000, 0x0000, 0x0000,
    0x0006, 0x0000, 0x0000, 0x0000, 0x6f77, 0x6c72, 0x0a64, 0x0001, 0x0026, 0x0002,
    0x0000, 0x0000, 0x002a, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
};

/*
 * _start:
 *     li a0, 0x7fffffff
 *     addi a1, a0, 1
 *     srai a2, a1, 31
 *     srli a3, a1, 31
 *     mulh a4, a1, a1
 *     div a5, a1, a2
 *     rem a6, a1, a2
 *     li t0, 33
 *     li t1, 1
 *     sll a7, t1, t0
 *     sltu s3, a1, a0
 *     slt s4, a1, a0
 *     jal s5, 1f
 * 1:  lui s6, 0xfffff
 *     mulhu s7, a2, a2
 *     wfi
 */
static const uint16_t p32_arith[] = {
    0x0537, 0x8000, 0x157d, 0x0593, 0x0015, 0xd613, 0x41f5, 0xd693, 0x01f5, 0x9733,
    0x02b5, 0xc7b3, 0x02c5, 0xe833, 0x02c5, 0x0293, 0x0210, 0x4305, 0x18b3, 0x0053,
    0xb9b3, 0x00a5, 0xaa33, 0x00a5, 0x0aef, 0x0040, 0x7b7d, 0x3bb3, 0x02c6, 0x0073,
    0x1050,
};

/* (prologue)
 *     la t0, 1f
 *     li a2, 99
 *     sc.w a3, a2, (t0)
 *     lr.w a0, (t0)
 *     sc.w a1, a2, (t0)
 *     sc.w a4, a2, (t0)
 *     lw a5, 0(t0)
 *     lr.w a0, (t0)
 *     sw zero, 0(t0)
 *     sc.w a6, a2, (t0)
 *     li a7, -5
 *     amomin.w s3, a7, (t0)
 *     lw s4, 0(t0)
 *     amomaxu.w s5, a7, (t0)
 *     lw s6, 0(t0)
 *     wfi
 * .align 3
 * 1:  .word 7, 0
 */
static const uint16_t p32_lrsc[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x0297, 0x0000, 0x8293, 0x0482,
    0x0613, 0x0630, 0xa6af, 0x18c2, 0xa52f, 0x1002, 0xa5af, 0x18c2, 0xa72f, 0x18c2,
    0xa783, 0x0002, 0xa52f, 0x1002, 0xa023, 0x0002, 0xa82f, 0x18c2, 0x58ed, 0xa9af,
    0x8112, 0xaa03, 0x0002, 0xaaaf, 0xe112, 0xab03, 0x0002, 0x0073, 0x1050, 0x0001,
    0x0013, 0x0000, 0x0007, 0x0000, 0x0000, 0x0000,
};

/* (prologue)
 *     li t0, 0x1800
 *     csrs mstatus, t0
 *     csrr a0, mstatus
 *     li t0, 0x800
 *     csrc mstatus, t0
 *     csrr a1, mstatus
 *     li t0, -1
 *     csrw mtvec, t0
 *     csrr a2, mtvec
 *     li t0, 0x80000002
 *     csrw mtvec, t0
 *     csrr a3, mtvec
 *     csrr a4, misa
 *     csrw misa, zero
 *     csrr a5, misa
 *     li t0, -1
 *     csrw mie, t0
 *     csrr a6, mie
 *     csrw mip, t0
 *     csrr a7, mip
 *     csrw mepc, t0
 *     csrr s3, mepc
 *     wfi
 */
static const uint16_t p32_mstatus[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6289, 0x8293, 0x8002, 0xa073,
    0x3002, 0x2573, 0x3000, 0x6285, 0x8293, 0x8002, 0xb073, 0x3002, 0x25f3, 0x3000,
    0x52fd, 0x9073, 0x3052, 0x2673, 0x3050, 0x02b7, 0x8000, 0x0289, 0x9073, 0x3052,
    0x26f3, 0x3050, 0x2773, 0x3010, 0x1073, 0x3010, 0x27f3, 0x3010, 0x52fd, 0x9073,
    0x3042, 0x2873, 0x3040, 0x9073, 0x3442, 0x28f3, 0x3440, 0x9073, 0x3412, 0x29f3,
    0x3410, 0x0073, 0x1050, 0x0000,
};

/*
 * _start:
 *     li a0, 3
 *     la a1, ch
 *     call semi
 *     li a0, 0x99
 *     call semi
 *     mv s0, a0
 *     li a0, 0x18
 *     li a1, 0x20023
 *     call semi
 *     wfi
 * .align 4
 * semi:
 *     slli zero, zero, 0x1f
 *     ebreak
 *     srai zero, zero, 7
 *     ret
 * ch: .byte 'Z'
 */
static const uint16_t p32_semihost32[] = {
    0x0513, 0x0030, 0x0597, 0x0000, 0x8593, 0x04c5, 0x0097, 0x0000, 0x80e7, 0x0340,
    0x0513, 0x0990, 0x0097, 0x0000, 0x80e7, 0x0280, 0x0413, 0x0005, 0x0513, 0x0180,
    0x05b7, 0x0002, 0x8593, 0x0235, 0x0097, 0x0000, 0x80e7, 0x0100, 0x0073, 0x1050,
    0x0013, 0x0000, 0x1013, 0x01f0, 0x0073, 0x0010, 0x5013, 0x4070, 0x8067, 0x0000,
    0x005a, 0x0000, 0x0000, 0x0000,
};

/* (prologue)
 *     li t0, 0x1000
 *     jr t0
 */
static const uint16_t p32_fetch[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x6285, 0x8282,
};

/* (prologue)
 *     li t0, 1
 *     csrw minstreth, t0
 *     csrr a0, minstreth
 *     csrr a1, minstret
 *     csrw mcycle, zero
 *     csrr a2, mcycle
 *     csrr a3, mcycleh
 *     rdtime a4
 *     rdtimeh a5
 *     csrr a6, cycleh
 *     wfi
 */
static const uint16_t p32_counters[] = {
    0x0297, 0x0000, 0x8293, 0x0102, 0x9073, 0x3052, 0x006f, 0x0140, 0x2473, 0x3420,
    0x24f3, 0x3410, 0x2973, 0x3430, 0x0073, 0x1050, 0x4285, 0x9073, 0xb822, 0x2573,
    0xb820, 0x25f3, 0xb020, 0x1073, 0xb000, 0x2673, 0xb000, 0x26f3, 0xb800, 0x2773,
    0xc010, 0x27f3, 0xc810, 0x2873, 0xc800, 0x0073, 0x1050, 0x0000,
};

struct env {
    struct machine *m;
    struct cluster *c;
    struct riscv_cpu *cpu;
};

static struct env env;

static void env_start(const char *model, const uint16_t *prog, size_t size)
{
    static const struct ram_spec rams[] = {{"ram", "0x80000000", "64K"}, {NULL, NULL, NULL}};
    env.m = one_cluster_machine(&riscv_target_ops, "app", model, "0x80000000", rams, RAM_BASE,
                                prog, size, &env.c);
    env.cpu = riscv_cpu(env.c->cpus[0]);
}

static int env_stop(void **state)
{
    (void)state;
    machine_free(env.m);
    memset(&env, 0, sizeof(env));
    return 0;
}

/* Run until the hart waits (wfi) or the guest asks to exit. */
static int run(void)
{
    return run_until_idle(env.m, &env.cpu->cpu);
}

static uint64_t x(unsigned r)
{
    return riscv_get_x(env.cpu, r);
}

#define START(model, prog) env_start(model, prog, sizeof(prog))

/* Run a program that ends in the prologue's trap handler. */
static void expect_trap(uint64_t cause, uint64_t epc, uint64_t tval)
{
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(S(0)), cause);
    assert_int_equal(x(S(1)), epc);
    assert_int_equal(x(S(2)), tval);
    assert_int_equal(env.cpu->priv, RISCV_PRIV_M);
}

static void test_arith_rv64(void **state)
{
    (void)state;
    START("rv64imac", p_arith64);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(11), UINT64_MAX);                /* addiw sign-extends */
    assert_int_equal(x(13), 0xffffffff80000000ull);     /* addiw overflow */
    assert_int_equal(x(0), 0);                          /* x0 ignores writes */
    assert_int_equal(x(14), UINT64_MAX);                /* div by 0 */
    assert_int_equal(x(15), 7);                         /* rem by 0 */
    assert_int_equal(x(16), UINT64_MAX);                /* divuw by 0, sign-extended */
    assert_int_equal(x(17), 0x8000000000000000ull);     /* MIN / -1 */
    assert_int_equal(x(19), 0);                         /* MIN % -1 */
    assert_int_equal(x(20), 0xfffffffffffffffeull);     /* mulhu */
    assert_int_equal(x(21), UINT64_MAX);                /* mulhsu(-1, 2^64-1) */
    assert_int_equal(x(22), 0xffffffffff000000ull);     /* sraw */
    assert_int_equal(x(23), 0x01000000);                /* srlw */
    assert_int_equal(x(24), 1);                         /* seqz */
    assert_int_equal(x(25), 0xffffffff80000000ull);     /* lui sign-extends */
    assert_int_equal(x(26), 0x80000048);                /* auipc */
}

static void test_arith_rv32(void **state)
{
    (void)state;
    START("rv32imac", p32_arith);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(11), 0x80000000u);
    assert_int_equal(x(12), 0xffffffffu);
    assert_int_equal(x(13), 1);
    assert_int_equal(x(14), 0x40000000u);   /* mulh */
    assert_int_equal(x(15), 0x80000000u);   /* MIN / -1 */
    assert_int_equal(x(16), 0);             /* MIN % -1 */
    assert_int_equal(x(17), 2);             /* shift amounts use 5 bits */
    assert_int_equal(x(19), 0);             /* sltu */
    assert_int_equal(x(20), 1);             /* slt */
    assert_int_equal(x(21), 0x80000034u);   /* jal link */
    assert_int_equal(x(22), 0xfffff000u);   /* lui */
    assert_int_equal(x(23), 0xfffffffeu);   /* mulhu */
    /* rv32 state is kept zero-extended in the 64-bit fields. */
    for (unsigned r = 0; r < 32; r++)
        assert_int_equal(env.cpu->x[r] >> 32, 0);
    assert_int_equal(env.cpu->misa, 0x40101105u);
}

static void test_illegal(void **state)
{
    (void)state;
    START("rv64imac", p_illegal32);
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0xffffffff);
    env_stop(NULL);
    START("rv64imac", p_illegal16);
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0);
}

/* An extension is there only in the models that have it: andn is illegal
 * on rv64gc and runs on rv64gcb; rv64imac keeps mstatus.FS zero and its
 * FP instructions illegal whatever software writes, where rv64gc turns
 * the FPU on (FS Dirty after the fadd, SD set). */
static void test_extensions_follow_the_model(void **state)
{
    (void)state;
    START("rv64gc", p_zb_andn);
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0x40c5f533);
    env_stop(NULL);
    START("rv64gcb", p_zb_andn);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(S(0)), 0); /* no trap */
    env_stop(NULL);
    START("rv64imac", p_fs_on);
    expect_trap(RISCV_EXCP_ILLEGAL, BODY + 10, 0x02c5f553);
    assert_int_equal(x(A0) & 0x6000, 0);
    env_stop(NULL);
    START("rv64gc", p_fs_on);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(S(0)), 0);
    assert_int_equal(x(A0) & 0x6000, 0x6000);
    assert_int_equal(riscv_mstatus_read(env.cpu) >> 63, 1);
}

/* The W counts of Zbb see the low word only, even when it is zero and the
 * upper one is not (QEMU 7.2's ctzw counts 63 here). */
static void test_zbb_word_counts(void **state)
{
    (void)state;
    START("rv64gcb", p_zb_words);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(A0), 32); /* ctzw */
    assert_int_equal(x(12), 32); /* clzw */
    assert_int_equal(x(13), 0);  /* cpopw */
}

static void test_ecall_ebreak(void **state)
{
    (void)state;
    START("rv64imac", p_ecall);
    expect_trap(RISCV_EXCP_ECALL_M, BODY, 0);
    /* mstatus after trap entry from M: MPP = M, MPIE = old MIE = 0. */
    assert_int_equal(riscv_mstatus_read(env.cpu), 0x200001800ull);
    env_stop(NULL);
    START("rv64imac", p_ebreak);
    expect_trap(RISCV_EXCP_BREAKPOINT, BODY + 2, BODY + 2);
}

static void note_stop(void *opaque, const struct stop_event *ev)
{
    *(struct stop_event *)opaque = *ev;
}

/* With a debugger attached, an ebreak stops with SIGTRAP at the ebreak and
 * the guest's handler does not run; with stop-on-exception an illegal
 * instruction stops with SIGILL first, and resuming with the signal
 * delivers it to the guest. */
static void test_debugger_sees_exceptions(void **state)
{
    struct stop_event ev = {0};
    (void)state;
    debug_set_listener(&(struct debug_listener){note_stop, &ev});
    START("rv64imac", p_ebreak);
    env.cpu->cpu.budget = 10000;
    assert_int_equal(cpu_exec(&env.cpu->cpu), EXCP_DEBUG);
    debug_report_cpu(&env.cpu->cpu);
    assert_int_equal(ev.reason, STOP_SIGNAL);
    assert_int_equal(ev.signal, GDB_SIGTRAP);
    assert_int_equal(env.cpu->pc, BODY + 2);
    assert_int_equal(x(S(0)), 0); /* the handler did not run */
    env_stop(NULL);

    START("rv64imac", p_illegal32);
    assert_int_equal(object_set_prop_str(&env.c->obj, "stop-on-exception", "on"), 0);
    env.cpu->cpu.budget = 10000;
    assert_int_equal(cpu_exec(&env.cpu->cpu), EXCP_DEBUG);
    debug_report_cpu(&env.cpu->cpu);
    assert_int_equal(ev.signal, GDB_SIGILL);
    assert_int_equal(env.cpu->pc, BODY);
    debug_cpu_resume(&env.cpu->cpu, false, GDB_SIGILL);
    expect_trap(RISCV_EXCP_ILLEGAL, BODY, 0xffffffff);
    debug_set_listener(NULL);
}

static void test_user_mode(void **state)
{
    (void)state;
    START("rv64imac", p_user);
    expect_trap(RISCV_EXCP_ECALL_U, 0x8000003c, 0);
    assert_int_equal(x(A0), 5);
    assert_int_equal(riscv_mstatus_read(env.cpu) & MSTATUS_MPP, 0); /* came from U */
    env_stop(NULL);
    /* Machine CSRs and mret are illegal in U-mode (mtval = the instruction). */
    START("rv64imac", p_ucsr);
    expect_trap(RISCV_EXCP_ILLEGAL, 0x8000003a, 0x30002573);
    env_stop(NULL);
    START("rv64imac", p_umret);
    expect_trap(RISCV_EXCP_ILLEGAL, 0x8000003a, 0x30200073);
    env_stop(NULL);
    /* mcounteren.IR lets U read instret, but cycle stays illegal. */
    START("rv64imac", p_ucycle);
    expect_trap(RISCV_EXCP_ILLEGAL, 0x80000042, 0xc00025f3);
    assert_int_equal(x(A0), 12); /* instructions retired before rdinstret */
}

static void test_csr_rules(void **state)
{
    (void)state;
    START("rv64imac", p_csr_unimpl);
    /* medeleg does not exist without S-mode. */
    expect_trap(RISCV_EXCP_ILLEGAL, 0x80000026, 0x302025f3);
    assert_int_equal(x(A0), 0); /* mhartid */
    assert_int_equal(x(11), 1);
    env_stop(NULL);
    /* csrs with x0 does not write, so it is legal on a read-only CSR;
     * csrw is not. */
    START("rv64imac", p_csr_ro);
    expect_trap(RISCV_EXCP_ILLEGAL, 0x80000028, 0xf1451073);
}

static void check_warl(bool rv64)
{
    assert_int_equal(run(), EXCP_HALTED);
    uint64_t uxl = rv64 ? 2ull << 32 : 0;
    assert_int_equal(x(10), uxl | 0x1800);   /* MPP = M */
    assert_int_equal(x(11), uxl | 0x1800);   /* MPP = 2 is not a mode: kept */
    assert_int_equal(x(12), rv64 ? 0xfffffffffffffffcull : 0xfffffffcu); /* mode 3 kept 0 */
    assert_int_equal(x(13), 0x80000000u);    /* mode 2: kept 0 */
    assert_int_equal(x(14), rv64 ? 0x8000000000101105ull : 0x40101105u);
    assert_int_equal(x(15), x(14));          /* misa ignores writes */
    assert_int_equal(x(16), 0x888);          /* mie: MSIE, MTIE, MEIE */
    assert_int_equal(x(17), 0);              /* mip follows the lines only */
    assert_int_equal(x(S(3)), rv64 ? 0xfffffffffffffffeull : 0xfffffffeu); /* mepc[0] = 0 */
}

static void test_csr_warl(void **state)
{
    (void)state;
    START("rv64imac", p_mstatus);
    check_warl(true);
    env_stop(NULL);
    START("rv32imac", p32_mstatus);
    check_warl(false);
}

static void test_counters(void **state)
{
    (void)state;
    START("rv64imac", p_counters);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(10), 4);     /* the prologue's 4 instructions */
    assert_int_equal(x(11), 5);
    assert_int_equal(x(12), 100);   /* the value written */
    assert_int_equal(x(13), 101);   /* inhibited from here */
    assert_int_equal(x(14), 101);
    assert_int_equal(x(15), 102);   /* counting again */
    assert_int_equal(x(16), 17);    /* mcycle: one cycle per instruction */
}

/* rv32 reaches the upper halves through the ...h CSRs. */
static void test_counters_rv32(void **state)
{
    (void)state;
    START("rv32imac", p32_counters);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(10), 1);     /* minstreth as written */
    assert_int_equal(x(11), 6);     /* the low half kept counting */
    assert_int_equal(x(12), 0);     /* mcycle written to 0 */
    assert_int_equal(x(13), 0);
    assert_int_equal(x(14), 0);     /* time: 10 MHz timebase, a few ns in */
    assert_int_equal(x(15), 0);
    assert_int_equal(x(16), 0);
}

/* Ordinary accesses work misaligned; A-extension ones trap. */
static void test_misaligned(void **state)
{
    (void)state;
    START("rv64imac", p_misaligned);
    expect_trap(RISCV_EXCP_STORE_MISALIGNED, 0x8000003e, 0x8000004a);
    assert_int_equal(x(10), 0x55443322);
    assert_int_equal(x(11), 0x3322);
    assert_int_equal(x(13), 0x44332211);
    env_stop(NULL);
    START("rv64imac", p_lr_mis);
    expect_trap(RISCV_EXCP_LOAD_MISALIGNED, 0x8000002a, 0x80000032);
    env_stop(NULL);
    START("rv64imac", p_sc_mis);
    expect_trap(RISCV_EXCP_STORE_MISALIGNED, 0x8000002a, 0x80000032);
}

static void test_access_faults(void **state)
{
    (void)state;
    START("rv64imac", p_access);
    expect_trap(RISCV_EXCP_LOAD_ACCESS, 0x80000022, 0x1004);
    env_stop(NULL);
    START("rv64imac", p_store_access);
    expect_trap(RISCV_EXCP_STORE_ACCESS, 0x80000022, 0x1008);
    env_stop(NULL);
    START("rv64imac", p_amo_access);
    expect_trap(RISCV_EXCP_STORE_ACCESS, 0x80000022, 0x1000);
    env_stop(NULL);
    START("rv64imac", p_fetch);
    expect_trap(RISCV_EXCP_INSN_ACCESS, 0x1000, 0x1000);
    env_stop(NULL);
    START("rv32imac", p32_fetch);
    expect_trap(RISCV_EXCP_INSN_ACCESS, 0x1000, 0x1000);
}

static void check_lrsc(bool rv64)
{
    assert_int_equal(run(), EXCP_HALTED);
    uint64_t m5 = rv64 ? (uint64_t)-5 : 0xfffffffbu;
    assert_int_equal(x(13), 1);   /* sc without a reservation fails */
    assert_int_equal(x(11), 0);   /* lr; sc succeeds */
    assert_int_equal(x(14), 1);   /* the sc consumed the reservation */
    assert_int_equal(x(15), 99);
    assert_int_equal(x(16), 1);   /* memory changed under the reservation */
    assert_int_equal(x(S(3)), 0); /* amomin returns the old value */
    assert_int_equal(x(S(4)), m5);
    assert_int_equal(x(S(5)), m5);
    assert_int_equal(x(S(6)), m5);
}

static void test_lrsc_amo(void **state)
{
    (void)state;
    START("rv64imac", p_lrsc);
    check_lrsc(true);
    env_stop(NULL);
    START("rv32imac", p32_lrsc);
    check_lrsc(false);
}

static void test_timer_interrupt(void **state)
{
    (void)state;
    struct irq_line line;
    START("rv64imac", p_irq);
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "mtip", 0, &line), 0);
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "mtip", 1, &line), -ENOENT);
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "bogus", 0, &line), -ENOENT);
    assert_int_equal(riscv_target_ops.irq_in(&env.cpu->cpu, "mtip", 0, &line), 0);
    /* Waits in the first wfi: nothing pending. */
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(A0), 1);
    /* The line wakes the wfi even with mstatus.MIE = 0; the interrupt is
     * taken once MIE is set, through the vectored table. */
    irq_raise(&line);
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(x(A0), 2);
    assert_int_equal(x(11), 7);
    assert_int_equal(x(S(0)), 0x8000000000000007ull);
    assert_int_equal(x(S(1)), 0x80000028);
    assert_int_equal(x(S(2)), 0x200001880ull); /* MPP = M, MPIE = 1, MIE = 0 */
    irq_lower(&line);
    assert_int_equal(env.cpu->mip, 0);
}

/* Capture what the guest writes to stdout while @fn runs. */
static int run_captured(char *out, size_t len)
{
    int fds[2], saved;
    fflush(stdout);
    assert_int_equal(pipe(fds), 0);
    saved = dup(STDOUT_FILENO);
    dup2(fds[1], STDOUT_FILENO);
    int r = run();
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
    START("rv64imac", p_semihost);
    assert_true(env.c->semihosting);
    assert_int_equal(run_captured(out, sizeof(out)), EXCP_INTERRUPT);
    assert_string_equal(out, "hello world\n");
    assert_int_equal(x(S(0)), 0);     /* SYS_WRITE: no byte left unwritten */
    assert_true(env.m->exit_requested);
    assert_int_equal(env.m->exit_code, 42);
    assert_int_equal(env.cpu->pc, 0x8000005c); /* after the sequence */
    env_stop(NULL);
    /* rv32: SYS_EXIT takes the reason itself; unknown operations return -1. */
    START("rv32imac", p32_semihost32);
    assert_int_equal(run_captured(out, sizeof(out)), EXCP_INTERRUPT);
    assert_string_equal(out, "Z");
    assert_int_equal(x(S(0)), 0xffffffffu);
    assert_int_equal(env.m->exit_code, 1);
}

/* With semihosting off the sequence is an ordinary breakpoint. */
static void test_semihosting_off(void **state)
{
    (void)state;
    START("rv64imac", p_semihost);
    assert_int_equal(object_set_prop_str(&env.c->obj, "semihosting", "off"), 0);
    env.cpu->mtvec = 0x80000040; /* the program's final wfi */
    assert_int_equal(run(), EXCP_HALTED);
    assert_int_equal(env.cpu->mcause, RISCV_EXCP_BREAKPOINT);
    assert_int_equal(env.cpu->mepc, 0x80000054);
    assert_int_equal(env.cpu->mtval, 0x80000054);
    assert_false(env.m->exit_requested);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_arith_rv64, env_stop),
        cmocka_unit_test_teardown(test_arith_rv32, env_stop),
        cmocka_unit_test_teardown(test_illegal, env_stop),
        cmocka_unit_test_teardown(test_extensions_follow_the_model, env_stop),
        cmocka_unit_test_teardown(test_zbb_word_counts, env_stop),
        cmocka_unit_test_teardown(test_ecall_ebreak, env_stop),
        cmocka_unit_test_teardown(test_debugger_sees_exceptions, env_stop),
        cmocka_unit_test_teardown(test_user_mode, env_stop),
        cmocka_unit_test_teardown(test_csr_rules, env_stop),
        cmocka_unit_test_teardown(test_csr_warl, env_stop),
        cmocka_unit_test_teardown(test_counters, env_stop),
        cmocka_unit_test_teardown(test_counters_rv32, env_stop),
        cmocka_unit_test_teardown(test_misaligned, env_stop),
        cmocka_unit_test_teardown(test_access_faults, env_stop),
        cmocka_unit_test_teardown(test_lrsc_amo, env_stop),
        cmocka_unit_test_teardown(test_timer_interrupt, env_stop),
        cmocka_unit_test_teardown(test_semihosting, env_stop),
        cmocka_unit_test_teardown(test_semihosting_off, env_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
