/* SPDX-License-Identifier: MIT */
/*
 * A extension (unprivileged spec, chapter 8): LR/SC success and failure
 * (no reservation, another address, reservation consumed by any SC), every
 * AMO with signed and unsigned edges, rd = x0, the aq/rl forms, the .w
 * forms on rv64 (32-bit operation, sign-extended result, upper bits of rs2
 * ignored), and an access fault on LR. Misaligned atomics and AMO access
 * faults are in rv_strict.S.
 */
#include "test.h"

#define GUARD 0x5a5a5a5a

/* amo.w on a word holding init with rs2 = src: rd = old, word = new, and
 * the word after it untouched. */
.macro TEST_AMO_W op, init, src, old, new
    NEXT_CHECK
    la a1, amo_mem
    li a0, \init
    sw a0, 0(a1)
    li a0, GUARD
    sw a0, 4(a1)
    li a2, \src
    \op a3, a2, (a1)
    CMP a3, \old
    lw a4, 0(a1)
    CMP a4, \new
    lw a4, 4(a1)
    CMP a4, GUARD
.endm

#if XLEN == 64
.macro TEST_AMO_D op, init, src, old, new
    NEXT_CHECK
    la a1, amo_mem
    li a0, \init
    sd a0, 0(a1)
    li a2, \src
    \op a3, a2, (a1)
    CMP a3, \old
    ld a4, 0(a1)
    CMP a4, \new
.endm
#endif

TEST_BEGIN atomic

    TEST_AMO_W amoswap.w, 0x11111111, 0x22222222, 0x11111111, 0x22222222
    TEST_AMO_W amoswap.w, -1, 0, -1, 0
    TEST_AMO_W amoadd.w, 0x7fffffff, 1, 0x7fffffff, -0x80000000
    TEST_AMO_W amoadd.w, -1, 1, -1, 0
    TEST_AMO_W amoxor.w, 0xff00ff00, 0x0ff00ff0, -0xff0100, -0x0f0f0f10
    TEST_AMO_W amoand.w, 0xff00ff00, 0x0ff00ff0, -0xff0100, 0x0f000f00
    TEST_AMO_W amoor.w, 0xff00ff00, 0x0ff00ff0, -0xff0100, -0x000f0010
    TEST_AMO_W amomin.w, -5, 3, -5, -5
    TEST_AMO_W amomin.w, 3, -5, 3, -5
    TEST_AMO_W amomin.w, 0x7fffffff, 0x80000000, 0x7fffffff, -0x80000000
    TEST_AMO_W amomax.w, -5, 3, -5, 3
    TEST_AMO_W amomax.w, 0x7fffffff, 0x80000000, 0x7fffffff, 0x7fffffff
    TEST_AMO_W amominu.w, -5, 3, -5, 3
    TEST_AMO_W amominu.w, 0x80000000, 0x7fffffff, -0x80000000, 0x7fffffff
    TEST_AMO_W amomaxu.w, -5, 3, -5, -5
    TEST_AMO_W amomaxu.w, 1, 0xffffffff, 1, -1
    TEST_AMO_W amoadd.w.aq, 5, 6, 5, 11
    TEST_AMO_W amoor.w.rl, 5, 2, 5, 7
    TEST_AMO_W amoswap.w.aqrl, 5, 9, 5, 9
#if XLEN == 64
    /* rs2 upper bits are ignored by the .w forms */
    TEST_AMO_W amoadd.w, 1, 0x1234567800000001, 1, 2
    TEST_AMO_W amomaxu.w, 2, 0xffffffff00000001, 2, 2

    TEST_AMO_D amoswap.d, 0x1111111122222222, -1, 0x1111111122222222, -1
    TEST_AMO_D amoadd.d, XMAX, 1, XMAX, XMIN
    TEST_AMO_D amoadd.d, 0xffffffff, 1, 0xffffffff, 0x100000000
    TEST_AMO_D amoxor.d, -1, XMIN, -1, XMAX
    TEST_AMO_D amoand.d, -1, 0xf0f0f0f0f0f0f0f0, -1, 0xf0f0f0f0f0f0f0f0
    TEST_AMO_D amoor.d, XMIN, 1, XMIN, XMIN + 1
    TEST_AMO_D amomin.d, XMAX, XMIN, XMAX, XMIN
    TEST_AMO_D amomin.d, 0xffffffff, 1, 0xffffffff, 1
    TEST_AMO_D amomax.d, XMAX, XMIN, XMAX, XMAX
    TEST_AMO_D amomax.d, -1, 0, -1, 0
    TEST_AMO_D amominu.d, XMIN, XMAX, XMIN, XMAX
    TEST_AMO_D amominu.d, -1, 0xffffffff, -1, 0xffffffff
    TEST_AMO_D amomaxu.d, XMAX, XMIN, XMAX, XMIN
    TEST_AMO_D amomaxu.d, 0xffffffff, 1, 0xffffffff, 0xffffffff
    TEST_AMO_D amoadd.d.aqrl, 3, 4, 3, 7
#endif

    /* rd = x0: the memory update still happens */
    la a1, amo_mem
    li a0, 40
    sw a0, 0(a1)
    li a2, 2
    amoadd.w x0, a2, (a1)
    CHECK x0, 0
    lw a4, 0(a1)
    CHECK a4, 42
    /* rd = rs2 */
    amoswap.w a2, a2, (a1)
    CHECK a2, 42
    lw a4, 0(a1)
    CHECK a4, 2

    /* lr/sc success: lr sign-extends, sc writes 0 to rd */
    li a0, -7
    sw a0, 0(a1)
    lr.w a3, (a1)
    CHECK a3, -7
    li a2, 99
    sc.w a4, a2, (a1)
    CHECK a4, 0
    lw a3, 0(a1)
    CHECK a3, 99
    /* the reservation was consumed: a second sc fails and stores nothing */
    li a2, 100
    sc.w a4, a2, (a1)
    snez a4, a4
    CHECK a4, 1
    lw a3, 0(a1)
    CHECK a3, 99
    /* sc to another address fails, and any sc ends the reservation */
    la a5, amo_far
    sw zero, 0(a5)
    lr.w a3, (a1)
    sc.w a4, a2, (a5)
    snez a4, a4
    CHECK a4, 1
    lw a3, 0(a5)
    CHECK a3, 0
    sc.w a4, a2, (a1)
    snez a4, a4
    CHECK a4, 1
    lw a3, 0(a1)
    CHECK a3, 99
    /* aq/rl forms and the usual increment loop */
    NEXT_CHECK
    li a5, 0
1:  lr.w.aq a3, (a1)
    addi a3, a3, 1
    sc.w.rl a4, a3, (a1)
    addi a5, a5, 1
    li a6, 16
    bgeu a5, a6, 2f
    bnez a4, 1b
2:  CMP a4, 0
    lw a3, 0(a1)
    CMP a3, 100
#if XLEN == 64
    li a0, XMIN
    sd a0, 0(a1)
    lr.d a3, (a1)
    CHECK a3, XMIN
    li a2, -2
    sc.d a4, a2, (a1)
    CHECK a4, 0
    ld a3, 0(a1)
    CHECK a3, -2
    sc.d a4, a0, (a1)
    snez a4, a4
    CHECK a4, 1
    ld a3, 0(a1)
    CHECK a3, -2
#endif

    /* lr where nothing is mapped: load access fault. (AMOs raise store/AMO
     * access faults, checked in rv_strict.S as QEMU 7.2 reports cause 5;
     * an SC without a reservation may fail without accessing memory, 8.2.) */
    li a1, UNMAPPED_ADDR
    TRAP_EXPECT
    lr.w a3, (a1)
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TVAL UNMAPPED_ADDR

    TEST_PASS

    .data
    .align 3
amo_mem:
    .dword 0
    .align 6
amo_far:
    .dword 0
