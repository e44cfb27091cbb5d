/* SPDX-License-Identifier: MIT */
/*
 * Misaligned ordinary loads and stores, which Mosaic (like QEMU) performs
 * rather than trapping (unprivileged spec 2.6 allows either): every size
 * at odd offsets, sign extension, stores touching only their bytes, and
 * accesses straddling a 4 KiB page boundary. Misaligned atomics trap: see
 * rv_strict.S.
 */
#include "test.h"

TEST_BEGIN misaligned

    /* buf holds 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff */
    la a1, pattern
    la a0, buf
    lw t2, 0(a1)
    sw t2, 0(a0)
    lw t2, 4(a1)
    sw t2, 4(a0)
    lw t2, 8(a1)
    sw t2, 8(a0)
    lw t2, 12(a1)
    sw t2, 12(a0)
    lh a2, 1(a0)
    CHECK a2, 0x2211
    lhu a2, 7(a0)
    CHECK a2, 0x8877
    lh a2, 7(a0)
    CHECK a2, -0x7789
    lw a2, 1(a0)
    CHECK a2, 0x44332211
    lw a2, 2(a0)
    CHECK a2, 0x55443322
    lw a2, 7(a0)
    CHECK a2, -0x55667789
#if XLEN == 64
    lwu a2, 7(a0)
    CHECK a2, 0xaa998877
    ld a2, 1(a0)
    CHECK a2, 0x8877665544332211
    ld a2, 4(a0)
    CHECK a2, 0xbbaa998877665544
    ld a2, 7(a0)
    CHECK a2, 0xeeddccbbaa998877
#endif
    li a2, 0x1234
    sh a2, 3(a0)
    lw a3, 0(a0)
    CHECK a3, 0x34221100
    lw a3, 4(a0)
    CHECK a3, 0x77665512
    li a2, 0xdeadbeef
    sw a2, 5(a0)
    lw a3, 4(a0)
    CHECK a3, -0x524110ee
    lw a3, 8(a0)
    CHECK a3, -0x44556622
#if XLEN == 64
    li a2, 0x0102030405060708
    sd a2, 9(a0)
    ld a3, 8(a0)
    CHECK a3, 0x02030405060708de
    lw a3, 16(a0)
    CHECK a3, 1
#endif

    /* accesses that straddle a page boundary */
    la a0, page_end
    li a2, 0x76543210
    sw a2, -2(a0)
    lhu a3, -2(a0)
    CHECK a3, 0x3210
    lhu a3, 0(a0)
    CHECK a3, 0x7654
    lw a3, -2(a0)
    CHECK a3, 0x76543210
    lh a3, -1(a0)
    CHECK a3, 0x5432
#if XLEN == 64
    li a2, 0x1122334455667788
    sd a2, -3(a0)
    ld a3, -3(a0)
    CHECK a3, 0x1122334455667788
    lbu a3, 0(a0)
    CHECK a3, 0x55
#endif

    TEST_PASS

    .section .rodata
    .align 2
pattern:
    .word 0x33221100, 0x77665544, 0xbbaa9988, 0xffeeddcc

    .data
    .align 3
buf:
    .space 24
    .align 12
page_end:
    .space 8
