/* SPDX-License-Identifier: MIT */
/*
 * Integer computational instructions (unprivileged spec, chapter 2.4 and,
 * for the W forms, 5.2): register-register and register-immediate ops with
 * signed/unsigned edges, shifts by 0, 1, 31 and XLEN-1 and shift amounts
 * masked to log2(XLEN) bits, lui/auipc, and writes to x0 being ignored.
 */
#include "test.h"

TEST_BEGIN alu

    /* add / sub: wrap-around, carries across bit 31 */
    TEST_RR add, 0, 0, 0
    TEST_RR add, 2, 1, 1
    TEST_RR add, 0, -1, 1
    TEST_RR add, -2, -1, -1
    TEST_RR add, XMIN, XMAX, 1
#if XLEN == 64
    TEST_RR add, 0x100000000, 0xffffffff, 1
#else
    TEST_RR add, 0, 0xffffffff, 1
#endif
    TEST_RR_SAME add, 0x2468, 0x1234
    TEST_RR sub, 0, 0, 0
    TEST_RR sub, -1, 0, 1
    TEST_RR sub, XMAX, XMIN, 1
    TEST_RR sub, 2, 1, -1
    TEST_RR_SAME sub, 0, 0x1234

    /* sll / srl / sra: amounts 0, 1, 31, XLEN-1, and masked to log2(XLEN) */
    TEST_RR sll, 1, 1, 0
    TEST_RR sll, 2, 1, 1
    TEST_RR sll, 0x80000000, 1, 31
    TEST_RR sll, XMIN, 1, XLEN - 1
    TEST_RR sll, 2, 1, XLEN + 1
    TEST_RR sll, -2, -1, 1
    TEST_RR srl, -1, -1, 0
    TEST_RR srl, XMAX, -1, 1
    TEST_RR srl, 1, XMIN, XLEN - 1
    TEST_RR srl, XMAX, -1, XLEN + 1
#if XLEN == 64
    TEST_RR srl, 0x100000000, XMIN, 31
    TEST_RR sra, 0xffffffff00000000, XMIN, 31
#else
    TEST_RR srl, 1, XMIN, 31
    TEST_RR sra, -1, XMIN, 31
#endif
    TEST_RR sra, XMIN, XMIN, 0
    TEST_RR sra, -1, XMIN, XLEN - 1
    TEST_RR sra, -1, -1, XLEN + 3
#if XLEN == 64
    TEST_RR sra, 0xc000000000000000, XMIN, 1
    TEST_RR sra, 0x3fffffffffffffff, XMAX, 1
#else
    TEST_RR sra, 0xc0000000, XMIN, 1
    TEST_RR sra, 0x3fffffff, XMAX, 1
#endif

    /* slt / sltu: signed versus unsigned order */
    TEST_RR slt, 1, -1, 1
    TEST_RR slt, 0, 1, -1
    TEST_RR slt, 1, XMIN, XMAX
    TEST_RR slt, 0, XMAX, XMIN
    TEST_RR slt, 0, 5, 5
    TEST_RR sltu, 0, -1, 1
    TEST_RR sltu, 1, 1, -1
    TEST_RR sltu, 0, 0, 0
    TEST_RR sltu, 1, XMAX, XMIN
    TEST_RR sltu, 1, 0, 1
    TEST_RR_SAME slt, 0, -7

    /* xor / or / and */
    TEST_RR xor, 0xf0f0f0f0, 0xff00ff00, 0x0ff00ff0
    TEST_RR xor, -1, 0, -1
    TEST_RR xor, ~0x1234, 0x1234, -1
    TEST_RR or, 0xfff0fff0, 0xff00ff00, 0x0ff00ff0
    TEST_RR or, -1, XMIN, XMAX
    TEST_RR and, 0x0f000f00, 0xff00ff00, 0x0ff00ff0
    TEST_RR and, 0, XMIN, XMAX
    TEST_RR_SAME xor, 0, 0x5a5a

    /* immediates are 12-bit signed */
    TEST_RI addi, 2047, 0, 2047
    TEST_RI addi, -2048, 0, -2048
    TEST_RI addi, 0, 1, -1
    TEST_RI addi, XMIN, XMAX, 1
    TEST_RI addi, XMAX, XMIN, -1
    TEST_RI slti, 1, -1, 0
    TEST_RI slti, 0, 0, -1
    TEST_RI slti, 1, XMIN, -2048
    TEST_RI slti, 0, 2047, 2047
    TEST_RI sltiu, 1, 5, -1
    TEST_RI sltiu, 0, -1, -1
    TEST_RI sltiu, 1, 0, 1
    TEST_RI sltiu, 0, 1, 1
    TEST_RI sltiu, 1, XMAX, -2048
    TEST_RI xori, ~0x0f0f, 0x0f0f, -1
    TEST_RI xori, 0x08f0, 0x0f0f, 0x7ff
    TEST_RI ori, -2048, 0, -2048
    TEST_RI ori, 0x123457ff, 0x12345678, 0x7ff
    TEST_RI andi, 0x12345000, 0x12345678, -2048
    TEST_RI andi, 0x678, 0x12345678, 0x7ff
    TEST_RI andi, 0, -1, 0
    TEST_RI slli, 0x1234, 0x1234, 0
    TEST_RI slli, 0x80000000, 1, 31
    TEST_RI slli, XMIN, 3, XLEN - 1
    TEST_RI srli, -1, -1, 0
    TEST_RI srli, 1, XMIN, XLEN - 1
    TEST_RI srli, XMAX, -1, 1
    TEST_RI srai, XMIN, XMIN, 0
    TEST_RI srai, -1, XMIN, XLEN - 1
    TEST_RI srai, 0x7f, 0xff, 1
#if XLEN == 64
    TEST_RI srli, 0x100000000, XMIN, 31
    TEST_RI srai, 0xffffffff00000000, XMIN, 31
#else
    TEST_RI srli, 1, XMIN, 31
    TEST_RI srai, -1, XMIN, 31
#endif

    /* lui: 20-bit immediate, sign-extended from bit 31 on rv64 */
    lui a0, 0x12345
    CHECK a0, 0x12345000
    lui a0, 0x80000
    CHECK a0, -0x80000000
    lui a0, 0xfffff
    CHECK a0, -4096
    lui a0, 0
    CHECK a0, 0

    /* auipc: pc of the auipc itself plus the shifted immediate */
1:  auipc a0, 0
    CHECK_ADDR a0, 1b
1:  auipc a0, 1
    la a1, 1b
    sub a0, a0, a1
    CHECK a0, 0x1000
1:  auipc a0, 0xfffff
    la a1, 1b
    sub a0, a0, a1
    CHECK a0, -0x1000

    /* writes to x0 are discarded */
    li a1, 5
    li a2, 6
    add x0, a1, a2
    CHECK x0, 0
    addi x0, a1, 1
    CHECK x0, 0
    lui x0, 0x12345
    CHECK x0, 0
    add a0, x0, x0
    CHECK a0, 0

#if XLEN == 64
    /* W forms: operate on the low 32 bits, sign-extend the result */
    TEST_RR addw, -0x80000000, 0x7fffffff, 1
    TEST_RR addw, 2, 0x100000001, 0x100000001
    TEST_RR addw, -1, -1, 0
    TEST_RR subw, -1, 0, 1
    TEST_RR subw, 0x7fffffff, 0x80000000, 1
    TEST_RR subw, 0, 0x500000000, 0x300000000
    TEST_RR sllw, -0x80000000, 1, 31
    TEST_RR sllw, 1, 1, 32
    TEST_RR sllw, 2, 1, 33
    TEST_RR sllw, 0x12345678, 0xabcd12345678, 0
    TEST_RR srlw, -0x80000000, 0xffffffff80000000, 0
    TEST_RR srlw, 1, 0x80000000, 31
    TEST_RR srlw, 0x7fffffff, -1, 1
    TEST_RR srlw, -1, 0xffffffff, 32
    TEST_RR sraw, -1, 0x80000000, 31
    TEST_RR sraw, 0x3fffffff, 0x7fffffff, 1
    TEST_RR sraw, 1, 0xabcd000000000010, 4
    TEST_RR sraw, -0x80000000, 0x80000000, 32
    TEST_RI addiw, -0x80000000, 0x7fffffff, 1
    TEST_RI addiw, -0x80000000, 0x180000000, 0
    TEST_RI addiw, 0x7fffffff, 0x80000000, -1
    TEST_RI addiw, -2048, 0, -2048
    TEST_RI slliw, -0x80000000, 1, 31
    TEST_RI slliw, -1, 0xffffffff, 0
    TEST_RI slliw, 0x5678, 0x1234000005678, 0
    TEST_RI srliw, -1, 0xffffffff, 0
    TEST_RI srliw, 0x7fffffff, -1, 1
    TEST_RI srliw, 1, 0x80000000, 31
    TEST_RI sraiw, -1, 0x80000000, 31
    TEST_RI sraiw, -0x80000000, 0x80000000, 0
    TEST_RI sraiw, 0x0fffffff, 0xffffffff7fffffff, 3
#endif

    TEST_PASS
