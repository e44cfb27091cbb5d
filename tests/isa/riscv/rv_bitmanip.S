/* SPDX-License-Identifier: MIT */
/*
 * Zba, Zbb, Zbc and Zbs (bit-manipulation spec 1.0.0): every instruction
 * of the four, with rd separate from and equal to each source, over
 * operands at the edges (0, 1, all ones, the sign bit alone, the largest
 * positive value, mixed patterns), shift and bit indices beyond XLEN (the
 * spec takes them modulo XLEN), and on rv64 the .uw and W forms, which
 * work on the low word. Expected values come from a reference model for
 * each XLEN and pass on QEMU. Runs on the rv64gcb/rv32gcb models.
 */
#include "test.h"

    .option arch, +zba, +zbb, +zbc, +zbs

/* One case for a one-operand op, also with rd = rs1. */
.macro TEST_R1 op, res, a
    NEXT_CHECK
    li a1, \a
    \op a0, a1
    CMP a0, \res
    \op a1, a1
    CMP a1, \res
.endm

TEST_BEGIN bitmanip

#if XLEN == 64
    TEST_RR sh1add, 0x1, 0x0, 0x1
    TEST_RR sh1add, 0x8000000000000001, 0x1, 0x7fffffffffffffff
    TEST_RR sh1add, 0xffff007e, 0xffffffffffffffff, 0xffff0080
    TEST_RR sh2add, 0x1, 0x0, 0x1
    TEST_RR sh2add, 0x8000000000000003, 0x1, 0x7fffffffffffffff
    TEST_RR sh2add, 0xffff007c, 0xffffffffffffffff, 0xffff0080
    TEST_RR sh3add, 0x1, 0x0, 0x1
    TEST_RR sh3add, 0x8000000000000007, 0x1, 0x7fffffffffffffff
    TEST_RR sh3add, 0xffff0078, 0xffffffffffffffff, 0xffff0080
    TEST_RR andn, 0x0, 0x0, 0x1
    TEST_RR andn, 0x0, 0x1, 0x7fffffffffffffff
    TEST_RR andn, 0xffffffff0000ff7f, 0xffffffffffffffff, 0xffff0080
    TEST_RR orn, 0xfffffffffffffffe, 0x0, 0x1
    TEST_RR orn, 0x8000000000000001, 0x1, 0x7fffffffffffffff
    TEST_RR orn, 0xffffffffffffffff, 0xffffffffffffffff, 0xffff0080
    TEST_RR xnor, 0xfffffffffffffffe, 0x0, 0x1
    TEST_RR xnor, 0x8000000000000001, 0x1, 0x7fffffffffffffff
    TEST_RR xnor, 0xffff0080, 0xffffffffffffffff, 0xffff0080
    TEST_RR max, 0x1, 0x0, 0x1
    TEST_RR max, 0x7fffffffffffffff, 0x1, 0x7fffffffffffffff
    TEST_RR max, 0xffff0080, 0xffffffffffffffff, 0xffff0080
    TEST_RR min, 0x0, 0x0, 0x1
    TEST_RR min, 0x1, 0x1, 0x7fffffffffffffff
    TEST_RR min, 0xffffffffffffffff, 0xffffffffffffffff, 0xffff0080
    TEST_RR maxu, 0x1, 0x0, 0x1
    TEST_RR maxu, 0x7fffffffffffffff, 0x1, 0x7fffffffffffffff
    TEST_RR maxu, 0xffffffffffffffff, 0xffffffffffffffff, 0xffff0080
    TEST_RR minu, 0x0, 0x0, 0x1
    TEST_RR minu, 0x1, 0x1, 0x7fffffffffffffff
    TEST_RR minu, 0xffff0080, 0xffffffffffffffff, 0xffff0080
    TEST_RR rol, 0x123456789abcdef, 0x123456789abcdef, 0x0
    TEST_RR rol, 0xfdb97530eca86421, 0xfedcba9876543210, 0x1
    TEST_RR rol, 0x7fff804000000000, 0xffff0080, 0x1f
    TEST_RR rol, 0x89abcdef01234567, 0x123456789abcdef, 0x20
    TEST_RR rol, 0x7f6e5d4c3b2a1908, 0xfedcba9876543210, 0x3f
    TEST_RR ror, 0x123456789abcdef, 0x123456789abcdef, 0x0
    TEST_RR ror, 0x7f6e5d4c3b2a1908, 0xfedcba9876543210, 0x1
    TEST_RR ror, 0xfffe010000000001, 0xffff0080, 0x1f
    TEST_RR ror, 0x89abcdef01234567, 0x123456789abcdef, 0x20
    TEST_RR ror, 0xfdb97530eca86421, 0xfedcba9876543210, 0x3f
    TEST_RR clmul, 0x40a0789828c810f0, 0x123456789abcdef, 0xfedcba9876543210
    TEST_RR clmul, 0x5555555555555555, 0xffffffffffffffff, 0xffffffffffffffff
    TEST_RR clmul, 0x0, 0x8000000000000000, 0x8000000000000000
    TEST_RR clmul, 0x7f800000ffff0080, 0xffff0080, 0xff000000000001
    TEST_RR clmulh, 0xe038d8688850b0, 0x123456789abcdef, 0xfedcba9876543210
    TEST_RR clmulh, 0x5555555555555555, 0xffffffffffffffff, 0xffffffffffffffff
    TEST_RR clmulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
    TEST_RR clmulh, 0x550055, 0xffff0080, 0xff000000000001
    TEST_RR clmulr, 0x1c071b0d110a160, 0x123456789abcdef, 0xfedcba9876543210
    TEST_RR clmulr, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffff, 0xffffffffffffffff
    TEST_RR clmulr, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000
    TEST_RR clmulr, 0xaa00aa, 0xffff0080, 0xff000000000001
    TEST_RR bclr, 0x123456789abcdee, 0x123456789abcdef, 0x0
    TEST_RR bclr, 0xfedcba9876543210, 0xfedcba9876543210, 0x1
    TEST_RR bclr, 0x7fff0080, 0xffff0080, 0x1f
    TEST_RR bclr, 0x123456689abcdef, 0x123456789abcdef, 0x20
    TEST_RR bclr, 0x7edcba9876543210, 0xfedcba9876543210, 0x3f
    TEST_RR bext, 0x1, 0x123456789abcdef, 0x0
    TEST_RR bext, 0x0, 0xfedcba9876543210, 0x1
    TEST_RR bext, 0x1, 0xffff0080, 0x1f
    TEST_RR bext, 0x1, 0x123456789abcdef, 0x20
    TEST_RR bext, 0x1, 0xfedcba9876543210, 0x3f
    TEST_RR binv, 0x123456789abcdee, 0x123456789abcdef, 0x0
    TEST_RR binv, 0xfedcba9876543212, 0xfedcba9876543210, 0x1
    TEST_RR binv, 0x7fff0080, 0xffff0080, 0x1f
    TEST_RR binv, 0x123456689abcdef, 0x123456789abcdef, 0x20
    TEST_RR binv, 0x7edcba9876543210, 0xfedcba9876543210, 0x3f
    TEST_RR bset, 0x123456789abcdef, 0x123456789abcdef, 0x0
    TEST_RR bset, 0xfedcba9876543212, 0xfedcba9876543210, 0x1
    TEST_RR bset, 0xffff0080, 0xffff0080, 0x1f
    TEST_RR bset, 0x123456789abcdef, 0x123456789abcdef, 0x20
    TEST_RR bset, 0xfedcba9876543210, 0xfedcba9876543210, 0x3f
    TEST_RR add.uw, 0x1, 0x0, 0x1
    TEST_RR add.uw, 0x8000000000000000, 0x1, 0x7fffffffffffffff
    TEST_RR add.uw, 0x1ffff007f, 0xffffffffffffffff, 0xffff0080
    TEST_RR sh1add.uw, 0x1, 0x0, 0x1
    TEST_RR sh1add.uw, 0x8000000000000001, 0x1, 0x7fffffffffffffff
    TEST_RR sh1add.uw, 0x2ffff007e, 0xffffffffffffffff, 0xffff0080
    TEST_RR sh2add.uw, 0x1, 0x0, 0x1
    TEST_RR sh2add.uw, 0x8000000000000003, 0x1, 0x7fffffffffffffff
    TEST_RR sh2add.uw, 0x4ffff007c, 0xffffffffffffffff, 0xffff0080
    TEST_RR sh3add.uw, 0x1, 0x0, 0x1
    TEST_RR sh3add.uw, 0x8000000000000007, 0x1, 0x7fffffffffffffff
    TEST_RR sh3add.uw, 0x8ffff0078, 0xffffffffffffffff, 0xffff0080
    TEST_RR rolw, 0xffffffff89abcdef, 0x123456789abcdef, 0x0
    TEST_RR rolw, 0xffffffffeca86420, 0xfedcba9876543210, 0x1
    TEST_RR rolw, 0x7fff8040, 0xffff0080, 0x1f
    TEST_RR rolw, 0xffffffff89abcdef, 0x123456789abcdef, 0x20
    TEST_RR rolw, 0x3b2a1908, 0xfedcba9876543210, 0x3f
    TEST_RR rorw, 0xffffffff89abcdef, 0x123456789abcdef, 0x0
    TEST_RR rorw, 0x3b2a1908, 0xfedcba9876543210, 0x1
    TEST_RR rorw, 0xfffffffffffe0101, 0xffff0080, 0x1f
    TEST_RR rorw, 0xffffffff89abcdef, 0x123456789abcdef, 0x20
    TEST_RR rorw, 0xffffffffeca86420, 0xfedcba9876543210, 0x3f
    TEST_R1 clz, 0x40, 0x0
    TEST_R1 clz, 0x3f, 0x1
    TEST_R1 clz, 0x0, 0xffffffffffffffff
    TEST_R1 clz, 0x0, 0x8000000000000000
    TEST_R1 clz, 0x7, 0x123456789abcdef
    TEST_R1 clz, 0x20, 0xffff0080
    TEST_R1 clz, 0x8, 0xff000000000001
    TEST_R1 ctz, 0x40, 0x0
    TEST_R1 ctz, 0x0, 0x1
    TEST_R1 ctz, 0x0, 0xffffffffffffffff
    TEST_R1 ctz, 0x3f, 0x8000000000000000
    TEST_R1 ctz, 0x0, 0x123456789abcdef
    TEST_R1 ctz, 0x7, 0xffff0080
    TEST_R1 ctz, 0x0, 0xff000000000001
    TEST_R1 cpop, 0x0, 0x0
    TEST_R1 cpop, 0x1, 0x1
    TEST_R1 cpop, 0x40, 0xffffffffffffffff
    TEST_R1 cpop, 0x1, 0x8000000000000000
    TEST_R1 cpop, 0x20, 0x123456789abcdef
    TEST_R1 cpop, 0x11, 0xffff0080
    TEST_R1 cpop, 0x9, 0xff000000000001
    TEST_R1 sext.b, 0x1, 0x1
    TEST_R1 sext.b, 0xffffffffffffffff, 0xffffffffffffffff
    TEST_R1 sext.b, 0x0, 0x8000000000000000
    TEST_R1 sext.b, 0xffffffffffffffff, 0x7fffffffffffffff
    TEST_R1 sext.b, 0xffffffffffffffef, 0x123456789abcdef
    TEST_R1 sext.b, 0x10, 0xfedcba9876543210
    TEST_R1 sext.h, 0x1, 0x1
    TEST_R1 sext.h, 0xffffffffffffffff, 0xffffffffffffffff
    TEST_R1 sext.h, 0x0, 0x8000000000000000
    TEST_R1 sext.h, 0xffffffffffffffff, 0x7fffffffffffffff
    TEST_R1 sext.h, 0xffffffffffffcdef, 0x123456789abcdef
    TEST_R1 sext.h, 0x3210, 0xfedcba9876543210
    TEST_R1 zext.h, 0x1, 0x1
    TEST_R1 zext.h, 0xffff, 0xffffffffffffffff
    TEST_R1 zext.h, 0x0, 0x8000000000000000
    TEST_R1 zext.h, 0xffff, 0x7fffffffffffffff
    TEST_R1 zext.h, 0xcdef, 0x123456789abcdef
    TEST_R1 zext.h, 0x3210, 0xfedcba9876543210
    TEST_R1 orc.b, 0xff, 0x1
    TEST_R1 orc.b, 0xffffffffffffffff, 0xffffffffffffffff
    TEST_R1 orc.b, 0xff00000000000000, 0x8000000000000000
    TEST_R1 orc.b, 0xffffffffffffffff, 0x7fffffffffffffff
    TEST_R1 orc.b, 0xffffffffffffffff, 0x123456789abcdef
    TEST_R1 orc.b, 0xffffffffffffffff, 0xfedcba9876543210
    TEST_R1 rev8, 0x100000000000000, 0x1
    TEST_R1 rev8, 0xffffffffffffffff, 0xffffffffffffffff
    TEST_R1 rev8, 0x80, 0x8000000000000000
    TEST_R1 rev8, 0xffffffffffffff7f, 0x7fffffffffffffff
    TEST_R1 rev8, 0xefcdab8967452301, 0x123456789abcdef
    TEST_R1 rev8, 0x1032547698badcfe, 0xfedcba9876543210
    TEST_R1 clzw, 0x20, 0x0
    TEST_R1 clzw, 0x1f, 0x1
    TEST_R1 clzw, 0x0, 0xffffffffffffffff
    TEST_R1 clzw, 0x20, 0x8000000000000000
    TEST_R1 clzw, 0x0, 0x123456789abcdef
    TEST_R1 clzw, 0x0, 0xffff0080
    TEST_R1 clzw, 0x1f, 0xff000000000001
    TEST_R1 ctzw, 0x20, 0x0
    TEST_R1 ctzw, 0x0, 0x1
    TEST_R1 ctzw, 0x0, 0xffffffffffffffff
    /* ctzw with a zero low word and bit 63 set: tests/unit/riscv/test_exec.c
     * (QEMU 7.2 counts 63) */
    TEST_R1 ctzw, 0x0, 0x123456789abcdef
    TEST_R1 ctzw, 0x7, 0xffff0080
    TEST_R1 ctzw, 0x0, 0xff000000000001
    TEST_R1 cpopw, 0x0, 0x0
    TEST_R1 cpopw, 0x1, 0x1
    TEST_R1 cpopw, 0x20, 0xffffffffffffffff
    TEST_R1 cpopw, 0x0, 0x8000000000000000
    TEST_R1 cpopw, 0x14, 0x123456789abcdef
    TEST_R1 cpopw, 0x11, 0xffff0080
    TEST_R1 cpopw, 0x1, 0xff000000000001
    TEST_R1 zext.w, 0x1, 0x1
    TEST_R1 zext.w, 0xffffffff, 0xffffffffffffffff
    TEST_R1 zext.w, 0x0, 0x8000000000000000
    TEST_R1 zext.w, 0xffffffff, 0x7fffffffffffffff
    TEST_R1 zext.w, 0x89abcdef, 0x123456789abcdef
    TEST_R1 zext.w, 0x76543210, 0xfedcba9876543210
    TEST_RI rori, 0x123456789abcdef, 0x123456789abcdef, 0
    TEST_RI rori, 0x7f6e5d4c3b2a1908, 0xfedcba9876543210, 1
    TEST_RI rori, 0xffff008000000000, 0xffff0080, 32
    TEST_RI rori, 0x2468acf13579bde, 0x123456789abcdef, 63
    TEST_RI bclri, 0x123456789abcdee, 0x123456789abcdef, 0
    TEST_RI bclri, 0xfedcba9876543210, 0xfedcba9876543210, 1
    TEST_RI bclri, 0xffff0080, 0xffff0080, 32
    TEST_RI bclri, 0x123456789abcdef, 0x123456789abcdef, 63
    TEST_RI bexti, 0x1, 0x123456789abcdef, 0
    TEST_RI bexti, 0x0, 0xfedcba9876543210, 1
    TEST_RI bexti, 0x0, 0xffff0080, 32
    TEST_RI bexti, 0x0, 0x123456789abcdef, 63
    TEST_RI binvi, 0x123456789abcdee, 0x123456789abcdef, 0
    TEST_RI binvi, 0xfedcba9876543212, 0xfedcba9876543210, 1
    TEST_RI binvi, 0x1ffff0080, 0xffff0080, 32
    TEST_RI binvi, 0x8123456789abcdef, 0x123456789abcdef, 63
    TEST_RI bseti, 0x123456789abcdef, 0x123456789abcdef, 0
    TEST_RI bseti, 0xfedcba9876543212, 0xfedcba9876543210, 1
    TEST_RI bseti, 0x1ffff0080, 0xffff0080, 32
    TEST_RI bseti, 0x8123456789abcdef, 0x123456789abcdef, 63
    TEST_RI slli.uw, 0x89abcdef, 0x123456789abcdef, 0
    TEST_RI slli.uw, 0xeca86420, 0xfedcba9876543210, 1
    TEST_RI slli.uw, 0xffff008000000000, 0xffff0080, 32
    TEST_RI slli.uw, 0x8000000000000000, 0x123456789abcdef, 63
    TEST_RI roriw, 0xffffffff89abcdef, 0x123456789abcdef, 0
    TEST_RI roriw, 0x3b2a1908, 0xfedcba9876543210, 1
    TEST_RI roriw, 0xffffffffffff0080, 0xffff0080, 0
    TEST_RI roriw, 0x13579bdf, 0x123456789abcdef, 31
#else
    TEST_RR sh1add, 0x1, 0x0, 0x1
    TEST_RR sh1add, 0x80000001, 0x1, 0x7fffffff
    TEST_RR sh1add, 0xffff007e, 0xffffffff, 0xffff0080
    TEST_RR sh2add, 0x1, 0x0, 0x1
    TEST_RR sh2add, 0x80000003, 0x1, 0x7fffffff
    TEST_RR sh2add, 0xffff007c, 0xffffffff, 0xffff0080
    TEST_RR sh3add, 0x1, 0x0, 0x1
    TEST_RR sh3add, 0x80000007, 0x1, 0x7fffffff
    TEST_RR sh3add, 0xffff0078, 0xffffffff, 0xffff0080
    TEST_RR andn, 0x0, 0x0, 0x1
    TEST_RR andn, 0x0, 0x1, 0x7fffffff
    TEST_RR andn, 0xff7f, 0xffffffff, 0xffff0080
    TEST_RR orn, 0xfffffffe, 0x0, 0x1
    TEST_RR orn, 0x80000001, 0x1, 0x7fffffff
    TEST_RR orn, 0xffffffff, 0xffffffff, 0xffff0080
    TEST_RR xnor, 0xfffffffe, 0x0, 0x1
    TEST_RR xnor, 0x80000001, 0x1, 0x7fffffff
    TEST_RR xnor, 0xffff0080, 0xffffffff, 0xffff0080
    TEST_RR max, 0x1, 0x0, 0x1
    TEST_RR max, 0x7fffffff, 0x1, 0x7fffffff
    TEST_RR max, 0xffffffff, 0xffffffff, 0xffff0080
    TEST_RR min, 0x0, 0x0, 0x1
    TEST_RR min, 0x1, 0x1, 0x7fffffff
    TEST_RR min, 0xffff0080, 0xffffffff, 0xffff0080
    TEST_RR maxu, 0x1, 0x0, 0x1
    TEST_RR maxu, 0x7fffffff, 0x1, 0x7fffffff
    TEST_RR maxu, 0xffffffff, 0xffffffff, 0xffff0080
    TEST_RR minu, 0x0, 0x0, 0x1
    TEST_RR minu, 0x1, 0x1, 0x7fffffff
    TEST_RR minu, 0xffff0080, 0xffffffff, 0xffff0080
    TEST_RR rol, 0x89abcdef, 0x89abcdef, 0x0
    TEST_RR rol, 0xeca86420, 0x76543210, 0x1
    TEST_RR rol, 0x101fffe, 0xffff0080, 0x11
    TEST_RR rol, 0xc4d5e6f7, 0x89abcdef, 0x1f
    TEST_RR rol, 0xeca86420, 0x76543210, 0x21
    TEST_RR ror, 0x89abcdef, 0x89abcdef, 0x0
    TEST_RR ror, 0x3b2a1908, 0x76543210, 0x1
    TEST_RR ror, 0x80407fff, 0xffff0080, 0x11
    TEST_RR ror, 0x13579bdf, 0x89abcdef, 0x1f
    TEST_RR ror, 0x3b2a1908, 0x76543210, 0x21
    TEST_RR clmul, 0x28c810f0, 0x89abcdef, 0x76543210
    TEST_RR clmul, 0x55555555, 0xffffffff, 0xffffffff
    TEST_RR clmul, 0x0, 0x80000000, 0x80000000
    TEST_RR clmul, 0x807f0080, 0xffff0080, 0xff0001
    TEST_RR clmulh, 0x38d800e0, 0x89abcdef, 0x76543210
    TEST_RR clmulh, 0x55555555, 0xffffffff, 0xffffffff
    TEST_RR clmulh, 0x40000000, 0x80000000, 0x80000000
    TEST_RR clmulh, 0x550055, 0xffff0080, 0xff0001
    TEST_RR clmulr, 0x71b001c0, 0x89abcdef, 0x76543210
    TEST_RR clmulr, 0xaaaaaaaa, 0xffffffff, 0xffffffff
    TEST_RR clmulr, 0x80000000, 0x80000000, 0x80000000
    TEST_RR clmulr, 0xaa00ab, 0xffff0080, 0xff0001
    TEST_RR bclr, 0x89abcdee, 0x89abcdef, 0x0
    TEST_RR bclr, 0x76543210, 0x76543210, 0x1
    TEST_RR bclr, 0xfffd0080, 0xffff0080, 0x11
    TEST_RR bclr, 0x9abcdef, 0x89abcdef, 0x1f
    TEST_RR bclr, 0x76543210, 0x76543210, 0x21
    TEST_RR bext, 0x1, 0x89abcdef, 0x0
    TEST_RR bext, 0x0, 0x76543210, 0x1
    TEST_RR bext, 0x1, 0xffff0080, 0x11
    TEST_RR bext, 0x1, 0x89abcdef, 0x1f
    TEST_RR bext, 0x0, 0x76543210, 0x21
    TEST_RR binv, 0x89abcdee, 0x89abcdef, 0x0
    TEST_RR binv, 0x76543212, 0x76543210, 0x1
    TEST_RR binv, 0xfffd0080, 0xffff0080, 0x11
    TEST_RR binv, 0x9abcdef, 0x89abcdef, 0x1f
    TEST_RR binv, 0x76543212, 0x76543210, 0x21
    TEST_RR bset, 0x89abcdef, 0x89abcdef, 0x0
    TEST_RR bset, 0x76543212, 0x76543210, 0x1
    TEST_RR bset, 0xffff0080, 0xffff0080, 0x11
    TEST_RR bset, 0x89abcdef, 0x89abcdef, 0x1f
    TEST_RR bset, 0x76543212, 0x76543210, 0x21
    TEST_R1 clz, 0x20, 0x0
    TEST_R1 clz, 0x1f, 0x1
    TEST_R1 clz, 0x0, 0xffffffff
    TEST_R1 clz, 0x0, 0x80000000
    TEST_R1 clz, 0x0, 0x89abcdef
    TEST_R1 clz, 0x0, 0xffff0080
    TEST_R1 clz, 0x8, 0xff0001
    TEST_R1 ctz, 0x20, 0x0
    TEST_R1 ctz, 0x0, 0x1
    TEST_R1 ctz, 0x0, 0xffffffff
    TEST_R1 ctz, 0x1f, 0x80000000
    TEST_R1 ctz, 0x0, 0x89abcdef
    TEST_R1 ctz, 0x7, 0xffff0080
    TEST_R1 ctz, 0x0, 0xff0001
    TEST_R1 cpop, 0x0, 0x0
    TEST_R1 cpop, 0x1, 0x1
    TEST_R1 cpop, 0x20, 0xffffffff
    TEST_R1 cpop, 0x1, 0x80000000
    TEST_R1 cpop, 0x14, 0x89abcdef
    TEST_R1 cpop, 0x11, 0xffff0080
    TEST_R1 cpop, 0x9, 0xff0001
    TEST_R1 sext.b, 0x1, 0x1
    TEST_R1 sext.b, 0xffffffff, 0xffffffff
    TEST_R1 sext.b, 0x0, 0x80000000
    TEST_R1 sext.b, 0xffffffff, 0x7fffffff
    TEST_R1 sext.b, 0xffffffef, 0x89abcdef
    TEST_R1 sext.b, 0x10, 0x76543210
    TEST_R1 sext.h, 0x1, 0x1
    TEST_R1 sext.h, 0xffffffff, 0xffffffff
    TEST_R1 sext.h, 0x0, 0x80000000
    TEST_R1 sext.h, 0xffffffff, 0x7fffffff
    TEST_R1 sext.h, 0xffffcdef, 0x89abcdef
    TEST_R1 sext.h, 0x3210, 0x76543210
    TEST_R1 zext.h, 0x1, 0x1
    TEST_R1 zext.h, 0xffff, 0xffffffff
    TEST_R1 zext.h, 0x0, 0x80000000
    TEST_R1 zext.h, 0xffff, 0x7fffffff
    TEST_R1 zext.h, 0xcdef, 0x89abcdef
    TEST_R1 zext.h, 0x3210, 0x76543210
    TEST_R1 orc.b, 0xff, 0x1
    TEST_R1 orc.b, 0xffffffff, 0xffffffff
    TEST_R1 orc.b, 0xff000000, 0x80000000
    TEST_R1 orc.b, 0xffffffff, 0x7fffffff
    TEST_R1 orc.b, 0xffffffff, 0x89abcdef
    TEST_R1 orc.b, 0xffffffff, 0x76543210
    TEST_R1 rev8, 0x1000000, 0x1
    TEST_R1 rev8, 0xffffffff, 0xffffffff
    TEST_R1 rev8, 0x80, 0x80000000
    TEST_R1 rev8, 0xffffff7f, 0x7fffffff
    TEST_R1 rev8, 0xefcdab89, 0x89abcdef
    TEST_R1 rev8, 0x10325476, 0x76543210
    TEST_RI rori, 0x89abcdef, 0x89abcdef, 0
    TEST_RI rori, 0x3b2a1908, 0x76543210, 1
    TEST_RI rori, 0x101fffe, 0xffff0080, 15
    TEST_RI rori, 0x13579bdf, 0x89abcdef, 31
    TEST_RI bclri, 0x89abcdee, 0x89abcdef, 0
    TEST_RI bclri, 0x76543210, 0x76543210, 1
    TEST_RI bclri, 0xffff0080, 0xffff0080, 15
    TEST_RI bclri, 0x9abcdef, 0x89abcdef, 31
    TEST_RI bexti, 0x1, 0x89abcdef, 0
    TEST_RI bexti, 0x0, 0x76543210, 1
    TEST_RI bexti, 0x0, 0xffff0080, 15
    TEST_RI bexti, 0x1, 0x89abcdef, 31
    TEST_RI binvi, 0x89abcdee, 0x89abcdef, 0
    TEST_RI binvi, 0x76543212, 0x76543210, 1
    TEST_RI binvi, 0xffff8080, 0xffff0080, 15
    TEST_RI binvi, 0x9abcdef, 0x89abcdef, 31
    TEST_RI bseti, 0x89abcdef, 0x89abcdef, 0
    TEST_RI bseti, 0x76543212, 0x76543210, 1
    TEST_RI bseti, 0xffff8080, 0xffff0080, 15
    TEST_RI bseti, 0x89abcdef, 0x89abcdef, 31
#endif

    TEST_PASS
