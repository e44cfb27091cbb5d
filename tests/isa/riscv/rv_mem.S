/* SPDX-License-Identifier: MIT */
/*
 * Loads and stores of every size (unprivileged spec, chapter 2.6 and 5.3):
 * sign and zero extension, little-endian byte order, positive, negative
 * and extreme (+2047/-2048) offsets, rd = rs1, stores writing only their
 * own bytes and only the low bits of rs2, loads into x0 discarded, and
 * the fence forms executing. Misaligned accesses are in rv_misaligned.S.
 */
#include "test.h"

TEST_BEGIN mem

    /* src holds the bytes 81 82 03 84 05 f6 77 88 */
    la a1, src
    lb a0, 0(a1)
    CHECK a0, -0x7f
    lbu a0, 0(a1)
    CHECK a0, 0x81
    lb a0, 2(a1)
    CHECK a0, 0x03
    lbu a0, 7(a1)
    CHECK a0, 0x88
    lh a0, 0(a1)
    CHECK a0, -0x7d7f
    lhu a0, 0(a1)
    CHECK a0, 0x8281
    lh a0, 2(a1)
    CHECK a0, -0x7bfd
    lh a0, 6(a1)
    CHECK a0, -0x7789
    lhu a0, 4(a1)
    CHECK a0, 0xf605
    lh a0, 4(a1)
    CHECK a0, -0x09fb
    lw a0, 0(a1)
    CHECK a0, -0x7bfc7d7f
    lw a0, 4(a1)
    CHECK a0, -0x778809fb
    lw a0, 8(a1)
    CHECK a0, 0x12345678
#if XLEN == 64
    lwu a0, 0(a1)
    CHECK a0, 0x84038281
    lwu a0, 8(a1)
    CHECK a0, 0x12345678
    ld a0, 0(a1)
    CHECK a0, 0x8877f60584038281
    ld a0, 8(a1)
    CHECK a0, 0x7fedcba912345678
#endif

    /* negative and extreme offsets */
    la a2, src + 8
    lbu a0, -8(a2)
    CHECK a0, 0x81
    lw a0, -4(a2)
    CHECK a0, -0x778809fb
    la a2, src + 2048
    lbu a0, -2048(a2)
    CHECK a0, 0x81
    la a2, src - 2047
    lbu a0, 2047(a2)
    CHECK a0, 0x81
    la a2, src - 2040
    lbu a0, 2047(a2)
    CHECK a0, 0x88

    /* rd = rs1 and rd = x0 */
    la a1, src
    lhu a1, 0(a1)
    CHECK a1, 0x8281
    la a1, src
    lw x0, 0(a1)
    CHECK x0, 0
    lbu x0, 1(a1)
    CHECK x0, 0

    /* stores change only their own bytes */
    la a1, dst
    li a0, -1
    sw a0, 0(a1)
    sw a0, 4(a1)
    sw a0, 8(a1)
    sw a0, 12(a1)
    li a0, 0x1234565a
    sb a0, 1(a1)
    lw a2, 0(a1)
    CHECK a2, -0xa501
    lbu a2, 1(a1)
    CHECK a2, 0x5a
    lbu a2, 2(a1)
    CHECK a2, 0xff
    li a0, 0x77771234
    sh a0, 2(a1)
    lw a2, 0(a1)
    CHECK a2, 0x12345aff
    lh a2, 2(a1)
    CHECK a2, 0x1234
    li a0, 0x89abcdef
    sw a0, 4(a1)
    lw a2, 4(a1)
    CHECK a2, -0x76543211
    lbu a2, 4(a1)
    CHECK a2, 0xef
    lbu a2, 7(a1)
    CHECK a2, 0x89
    lw a2, 0(a1)
    CHECK a2, 0x12345aff
    lw a2, 8(a1)
    CHECK a2, -1
    /* negative offsets */
    la a3, dst + 16
    li a0, 0x3c
    sb a0, -8(a3)
    li a0, 0x4455
    sh a0, -6(a3)
    lw a2, 8(a1)
    CHECK a2, 0x4455ff3c
    li a0, 0x0badf00d
    sw a0, -4(a3)
    lw a2, 12(a1)
    CHECK a2, 0x0badf00d
#if XLEN == 64
    li a0, 0x0123456789abcdef
    sd a0, 8(a1)
    ld a2, 8(a1)
    CHECK a2, 0x0123456789abcdef
    lw a2, 8(a1)
    CHECK a2, -0x76543211
    lw a2, 12(a1)
    CHECK a2, 0x01234567
    lw a2, 4(a1)
    CHECK a2, -0x76543211
    li a0, -2
    sd a0, -16(a3)
    ld a2, 0(a1)
    CHECK a2, -2
#endif
    /* extreme store offsets */
    la a3, dst + 2048
    li a0, 0x66
    sb a0, -2048(a3)
    lbu a2, 0(a1)
    CHECK a2, 0x66
    la a3, dst - 2047
    li a0, 0x77
    sb a0, 2047(a3)
    lbu a2, 0(a1)
    CHECK a2, 0x77

    /* a stored word read back byte by byte: little-endian */
    li a0, 0x11223344
    sw a0, 0(a1)
    lbu a2, 0(a1)
    CHECK a2, 0x44
    lbu a2, 1(a1)
    CHECK a2, 0x33
    lbu a2, 2(a1)
    CHECK a2, 0x22
    lbu a2, 3(a1)
    CHECK a2, 0x11
    lhu a2, 2(a1)
    CHECK a2, 0x1122

    /* fences order memory; on one hart they change nothing visible */
    li a0, 0x77
    sw a0, 4(a1)
    fence
    fence rw, rw
    fence r, r
    fence iorw, o
    fence.tso
    fence.i
    lw a2, 4(a1)
    CHECK a2, 0x77

    TEST_PASS

    .data
    .align 3
src:
    .byte 0x81, 0x82, 0x03, 0x84, 0x05, 0xf6, 0x77, 0x88
    .word 0x12345678, 0x7fedcba9
    .align 3
dst:
    .space 16
