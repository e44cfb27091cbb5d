/* SPDX-License-Identifier: MIT */
/*
 * C extension (unprivileged spec, chapter 16): every integer compressed
 * instruction, written with its c. mnemonic so the assembler cannot pick
 * the 32-bit form, executed and checked: immediates at both ends of their
 * ranges, the x8-x15 register forms, sp-relative loads and stores, and
 * control transfers whose link is pc + 2. rv32 adds c.jal; rv64 adds
 * c.addiw, c.addw, c.subw, c.ld/c.sd and c.ldsp/c.sdsp.
 */
#include "test.h"

TEST_BEGIN compressed

    /* c.li, c.lui, c.addi, c.nop */
    c.li a0, -32
    CHECK a0, -32
    c.li a0, 31
    CHECK a0, 31
    c.lui a0, 1
    CHECK a0, 0x1000
    c.lui a0, 0x1f
    CHECK a0, 0x1f000
    c.lui a0, 0xfffe0
    CHECK a0, -0x20000
    c.lui a0, 0xfffff
    CHECK a0, -0x1000
    c.li a0, 5
    c.addi a0, -32
    CHECK a0, -27
    c.addi a0, 31
    CHECK a0, 4
    li a0, XMAX
    c.addi a0, 1
    CHECK a0, XMIN
    c.nop
    CHECK a0, XMIN

    /* c.mv, c.add and the CA-format register ops on x8-x15 */
    li a1, 0x1234
    c.mv a0, a1
    CHECK a0, 0x1234
    li a0, XMAX
    li a1, 2
    c.add a0, a1
    CHECK a0, XMIN + 1
    li s0, 5
    li s1, 7
    c.sub s0, s1
    CHECK s0, -2
    li a4, 0xff00ff00
    li a5, 0x0ff00ff0
    c.xor a4, a5
    CHECK a4, 0xf0f0f0f0
    li a4, 0xff00ff00
    c.or a4, a5
    CHECK a4, 0xfff0fff0
    li a4, 0xff00ff00
    c.and a4, a5
    CHECK a4, 0x0f000f00

    /* shifts and c.andi */
    li a0, 3
    c.slli a0, 1
    CHECK a0, 6
    li a0, 1
    c.slli a0, 31
    CHECK a0, 0x80000000
    li s1, -1
    c.srli s1, 1
    CHECK s1, XMAX
    li s1, XMIN
    c.srai s1, 31
#if XLEN == 64
    CHECK s1, 0xffffffff00000000
    li a0, 1
    c.slli a0, 63
    CHECK a0, XMIN
    li s1, XMIN
    c.srli s1, 63
    CHECK s1, 1
    li s1, XMIN
    c.srai s1, 63
    CHECK s1, -1
#else
    CHECK s1, -1
    li s1, XMIN
    c.srli s1, 31
    CHECK s1, 1
#endif
    li a3, 0x12345678
    c.andi a3, -32
    CHECK a3, 0x12345660
    li a3, 0x12345678
    c.andi a3, 31
    CHECK a3, 0x18
    li a3, -1
    c.andi a3, 0
    CHECK a3, 0

#if XLEN == 64
    /* c.addiw, c.addw, c.subw: 32-bit result, sign-extended */
    li a0, 0x7fffffff
    c.addiw a0, 1
    CHECK a0, -0x80000000
    li a0, 0x180000000
    c.addiw a0, 0
    CHECK a0, -0x80000000
    li a0, 0x100000000
    c.addiw a0, -1
    CHECK a0, -1
    li a2, 0x7fffffff
    li a3, 0x100000001
    c.addw a2, a3
    CHECK a2, -0x80000000
    li a2, 0x100000000
    li a3, 1
    c.subw a2, a3
    CHECK a2, -1
#endif

    /* sp-based forms on a private buffer */
    mv s11, sp
    la sp, cbuf
    c.addi4spn a0, sp, 4
    la a1, cbuf + 4
    CHECK_SAME a0, a1
    c.addi4spn a0, sp, 1020
    la a1, cbuf + 1020
    CHECK_SAME a0, a1
    c.addi16sp sp, 496
    la a1, cbuf + 496
    CHECK_SAME sp, a1
    c.addi16sp sp, -512
    la a1, cbuf - 16
    CHECK_SAME sp, a1
    la sp, cbuf
    li a1, 0x80000001
    c.swsp a1, 0(sp)
    li a1, 0x7654321
    c.swsp a1, 252(sp)
    c.lwsp a2, 0(sp)
    CHECK a2, -0x7fffffff
    c.lwsp a2, 252(sp)
    CHECK a2, 0x7654321
    lw a2, 252(sp)
    CHECK a2, 0x7654321
#if XLEN == 64
    li a1, 0x8000000000000002
    c.sdsp a1, 8(sp)
    li a1, 0x0102030405060708
    c.sdsp a1, 504(sp)
    c.ldsp a2, 8(sp)
    CHECK a2, 0x8000000000000002
    c.ldsp a2, 504(sp)
    CHECK a2, 0x0102030405060708
#endif
    mv sp, s11

    /* c.lw / c.sw (and c.ld / c.sd) on x8-x15 */
    la s0, cbuf
    li a5, 0x80000000
    c.sw a5, 0(s0)
    li a5, 0x55aa
    c.sw a5, 124(s0)
    c.lw a4, 0(s0)
    CHECK a4, -0x80000000
    c.lw a4, 124(s0)
    CHECK a4, 0x55aa
#if XLEN == 64
    li a5, -3
    c.sd a5, 8(s0)
    li a5, 0x1234567890
    c.sd a5, 248(s0)
    c.ld a4, 8(s0)
    CHECK a4, -3
    c.ld a4, 248(s0)
    CHECK a4, 0x1234567890
#endif

    /* c.j, c.beqz, c.bnez: taken, not taken, backwards */
    NEXT_CHECK
    c.j 1f
    jal t5, test_fail
1:  li s0, 0
    li s1, 1
    c.bnez s0, 2f
    c.beqz s1, 2f
    c.beqz s0, 1f
2:  jal t5, test_fail
1:  c.bnez s1, 1f
    jal t5, test_fail
1:  li a0, 3
    li a1, 0
1:  addi a1, a1, 1
    addi a0, a0, -1
    c.bnez a0, 1b
    CMP a1, 3
    li a0, 0
    c.j 2f
1:  addi a0, a0, 1
    c.j 3f
2:  c.beqz a0, 1b
3:  CMP a0, 1

    /* c.jr, c.jalr (link = pc + 2), c.jal on rv32 */
    la a1, 1f
    c.jr a1
    jal t5, test_fail
1:  la a1, 1f
    c.jalr a1
2:  jal t5, test_fail
1:  CHECK_ADDR ra, 2b
#if XLEN == 32
    c.jal 1f
2:  jal t5, test_fail
1:  CHECK_ADDR ra, 2b
#endif

    /* c.ebreak: breakpoint trap with mepc at the 2-byte instruction */
    TRAP_EXPECT
1:  c.ebreak
    CHECK_TRAP CAUSE_BREAKPOINT
    CHECK_EPC 1b

    TEST_PASS

    .data
    .align 4
    .space 16
cbuf:
    .space 1024
