/* SPDX-License-Identifier: MIT */
/*
 * The ARMv7E-M SIMD subset of the Cortex-M4 (ARMv7-M ARM A4.4.3-A4.4.5,
 * A5.3.13-A5.3.14): the 36 parallel additions and subtractions (signed
 * and unsigned, modular with the GE flags, saturating, halving) over
 * halfword and byte lanes, each on operands that carry, borrow and
 * overflow in different lanes; SEL driven by each GE pattern; USAD8 and
 * USADA8; SSAT16 and USAT16 with the Q flag; PKHBT/PKHTB with their
 * shifts; SXTB16/UXTB16 and the extend-and-add forms with each rotation.
 * Expected values come from a reference model of the ARM pseudocode and
 * agree with QEMU's mps2-an386.
 */
#include "test.h"

/* Set the GE flags (APSR bits 19:16) to ge. Clobbers r10. */
.macro SET_GE ge
    LI r10, (\ge) << 16
    msr APSR_g, r10
.endm

/* One case: a GE-setting op gives res and GE = ge (from GE = 0). */
.macro TEST_GE op, res, ge, a, b
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    SET_GE 0
    \op r0, r1, r2
    mrs r3, apsr
    EXPECT r0, \res
    ubfx r3, r3, #16, #4
    EXPECT r3, \ge
.endm

/* One case: SEL under GE = ge. */
.macro TEST_SEL res, ge, a, b
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    SET_GE \ge
    sel r0, r1, r2
    EXPECT r0, \res
.endm

/* One case: op rd, rn, rm, ra. */
.macro TEST_RRR op, res, a, b, c
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    LI r3, \c
    \op r0, r1, r2, r3
    EXPECT r0, \res
.endm

/* One case: op rd, #n, rn gives res and Q = q (from Q = 0). */
.macro TEST_SAT16 op, res, q, n, a
    NEXT_CHECK
    LI r1, \a
    SET_FLAGS 0
    \op r0, #\n, r1
    mrs r3, apsr
    EXPECT r0, \res
    ubfx r3, r3, #27, #1
    EXPECT r3, \q
.endm

/* One case: op rd, rn, rm, shift. */
.macro TEST_RR_SH op, res, a, b, shift:vararg
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    \op r0, r1, r2, \shift
    EXPECT r0, \res
.endm

/* One case: op rd, rm, ror #rot. */
.macro TEST_R_ROT op, res, a, rot
    NEXT_CHECK
    LI r1, \a
    .if \rot
    \op r0, r1, ror #\rot
    .else
    \op r0, r1
    .endif
    EXPECT r0, \res
.endm

/* One case: op rd, rn, rm, ror #rot. */
.macro TEST_RR_ROT op, res, a, b, rot
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    .if \rot
    \op r0, r1, r2, ror #\rot
    .else
    \op r0, r1, r2
    .endif
    EXPECT r0, \res
.endm

TEST_BEGIN simd

    TEST_GE sadd16, 0x80000001, 0xc, 0x7fff8000, 0x00018001
    TEST_GE sadd16, 0xacf03568, 0x3, 0x12345678, 0x9abcdef0
    TEST_GE sadd16, 0x00007e81, 0xf, 0x80ff7f01, 0x7f01ff80
    TEST_GE sadd16, 0xfffe0002, 0x3, 0xffff0001, 0xffff0001
    TEST_GE sasx, 0x00007fff, 0xc, 0x7fff8000, 0x00018001
    TEST_GE sasx, 0xf124bbbc, 0x3, 0x12345678, 0x9abcdef0
    TEST_GE sasx, 0x807f0000, 0x3, 0x80ff7f01, 0x7f01ff80
    TEST_GE sasx, 0x00000002, 0xf, 0xffff0001, 0xffff0001
    TEST_GE ssax, 0xfffe8001, 0xc, 0x7fff8000, 0x00018001
    TEST_GE ssax, 0x3344f134, 0xc, 0x12345678, 0x9abcdef0
    TEST_GE ssax, 0x817ffe02, 0x3, 0x80ff7f01, 0x7f01ff80
    TEST_GE ssax, 0xfffe0000, 0x3, 0xffff0001, 0xffff0001
    TEST_GE ssub16, 0x7ffeffff, 0xc, 0x7fff8000, 0x00018001
    TEST_GE ssub16, 0x77787788, 0xf, 0x12345678, 0x9abcdef0
    TEST_GE ssub16, 0x01fe7f81, 0x3, 0x80ff7f01, 0x7f01ff80
    TEST_GE ssub16, 0x00000000, 0xf, 0xffff0001, 0xffff0001
    TEST_GE sadd8, 0x7f000001, 0xd, 0x7fff8000, 0x00018001
    TEST_GE sadd8, 0xacf03468, 0x3, 0x12345678, 0x9abcdef0
    TEST_GE sadd8, 0xff007e81, 0x6, 0x80ff7f01, 0x7f01ff80
    TEST_GE sadd8, 0xfefe0002, 0x3, 0xffff0001, 0xffff0001
    TEST_GE ssub8, 0x7ffe00ff, 0xa, 0x7fff8000, 0x00018001
    TEST_GE ssub8, 0x78787888, 0xf, 0x12345678, 0x9abcdef0
    TEST_GE ssub8, 0x01fe8081, 0x3, 0x80ff7f01, 0x7f01ff80
    TEST_GE ssub8, 0x00000000, 0xf, 0xffff0001, 0xffff0001
    TEST_RR qadd16, 0x7fff8000, 0x7fff8000, 0x00018001
    TEST_RR qadd16, 0xacf03568, 0x12345678, 0x9abcdef0
    TEST_RR qadd16, 0x00007e81, 0x80ff7f01, 0x7f01ff80
    TEST_RR qadd16, 0xfffe0002, 0xffff0001, 0xffff0001
    TEST_RR qasx, 0x00008000, 0x7fff8000, 0x00018001
    TEST_RR qasx, 0xf1247fff, 0x12345678, 0x9abcdef0
    TEST_RR qasx, 0x807f0000, 0x80ff7f01, 0x7f01ff80
    TEST_RR qasx, 0x00000002, 0xffff0001, 0xffff0001
    TEST_RR qsax, 0x7fff8001, 0x7fff8000, 0x00018001
    TEST_RR qsax, 0x3344f134, 0x12345678, 0x9abcdef0
    TEST_RR qsax, 0x817f7fff, 0x80ff7f01, 0x7f01ff80
    TEST_RR qsax, 0xfffe0000, 0xffff0001, 0xffff0001
    TEST_RR qsub16, 0x7ffeffff, 0x7fff8000, 0x00018001
    TEST_RR qsub16, 0x77787788, 0x12345678, 0x9abcdef0
    TEST_RR qsub16, 0x80007f81, 0x80ff7f01, 0x7f01ff80
    TEST_RR qsub16, 0x00000000, 0xffff0001, 0xffff0001
    TEST_RR qadd8, 0x7f008001, 0x7fff8000, 0x00018001
    TEST_RR qadd8, 0xacf03468, 0x12345678, 0x9abcdef0
    TEST_RR qadd8, 0xff007e81, 0x80ff7f01, 0x7f01ff80
    TEST_RR qadd8, 0xfefe0002, 0xffff0001, 0xffff0001
    TEST_RR qsub8, 0x7ffe00ff, 0x7fff8000, 0x00018001
    TEST_RR qsub8, 0x7878787f, 0x12345678, 0x9abcdef0
    TEST_RR qsub8, 0x80fe7f7f, 0x80ff7f01, 0x7f01ff80
    TEST_RR qsub8, 0x00000000, 0xffff0001, 0xffff0001
    TEST_RR shadd16, 0x40008000, 0x7fff8000, 0x00018001
    TEST_RR shadd16, 0xd6781ab4, 0x12345678, 0x9abcdef0
    TEST_RR shadd16, 0x00003f40, 0x80ff7f01, 0x7f01ff80
    TEST_RR shadd16, 0xffff0001, 0xffff0001, 0xffff0001
    TEST_RR shasx, 0x0000bfff, 0x7fff8000, 0x00018001
    TEST_RR shasx, 0xf8925dde, 0x12345678, 0x9abcdef0
    TEST_RR shasx, 0xc03f0000, 0x80ff7f01, 0x7f01ff80
    TEST_RR shasx, 0x00000001, 0xffff0001, 0xffff0001
    TEST_RR shsax, 0x7fffc000, 0x7fff8000, 0x00018001
    TEST_RR shsax, 0x19a2f89a, 0x12345678, 0x9abcdef0
    TEST_RR shsax, 0xc0bf7f01, 0x80ff7f01, 0x7f01ff80
    TEST_RR shsax, 0xffff0000, 0xffff0001, 0xffff0001
    TEST_RR shsub16, 0x3fffffff, 0x7fff8000, 0x00018001
    TEST_RR shsub16, 0x3bbc3bc4, 0x12345678, 0x9abcdef0
    TEST_RR shsub16, 0x80ff3fc0, 0x80ff7f01, 0x7f01ff80
    TEST_RR shsub16, 0x00000000, 0xffff0001, 0xffff0001
    TEST_RR shadd8, 0x3f008000, 0x7fff8000, 0x00018001
    TEST_RR shadd8, 0xd6f81a34, 0x12345678, 0x9abcdef0
    TEST_RR shadd8, 0xff003fc0, 0x80ff7f01, 0x7f01ff80
    TEST_RR shadd8, 0xffff0001, 0xffff0001, 0xffff0001
    TEST_RR shsub8, 0x3fff00ff, 0x7fff8000, 0x00018001
    TEST_RR shsub8, 0x3c3c3c44, 0x12345678, 0x9abcdef0
    TEST_RR shsub8, 0x80ff4040, 0x80ff7f01, 0x7f01ff80
    TEST_RR shsub8, 0x00000000, 0xffff0001, 0xffff0001
    TEST_GE uadd16, 0x80000001, 0x3, 0x7fff8000, 0x00018001
    TEST_GE uadd16, 0xacf03568, 0x3, 0x12345678, 0x9abcdef0
    TEST_GE uadd16, 0x00007e81, 0xf, 0x80ff7f01, 0x7f01ff80
    TEST_GE uadd16, 0xfffe0002, 0xc, 0xffff0001, 0xffff0001
    TEST_GE uasx, 0x00007fff, 0xf, 0x7fff8000, 0x00018001
    TEST_GE uasx, 0xf124bbbc, 0x0, 0x12345678, 0x9abcdef0
    TEST_GE uasx, 0x807f0000, 0xf, 0x80ff7f01, 0x7f01ff80
    TEST_GE uasx, 0x00000002, 0xc, 0xffff0001, 0xffff0001
    TEST_GE usax, 0xfffe8001, 0x0, 0x7fff8000, 0x00018001
    TEST_GE usax, 0x3344f134, 0x0, 0x12345678, 0x9abcdef0
    TEST_GE usax, 0x817ffe02, 0x0, 0x80ff7f01, 0x7f01ff80
    TEST_GE usax, 0xfffe0000, 0xf, 0xffff0001, 0xffff0001
    TEST_GE usub16, 0x7ffeffff, 0xc, 0x7fff8000, 0x00018001
    TEST_GE usub16, 0x77787788, 0x0, 0x12345678, 0x9abcdef0
    TEST_GE usub16, 0x01fe7f81, 0xc, 0x80ff7f01, 0x7f01ff80
    TEST_GE usub16, 0x00000000, 0xf, 0xffff0001, 0xffff0001
    TEST_GE uadd8, 0x7f000001, 0x6, 0x7fff8000, 0x00018001
    TEST_GE uadd8, 0xacf03468, 0x3, 0x12345678, 0x9abcdef0
    TEST_GE uadd8, 0xff007e81, 0x6, 0x80ff7f01, 0x7f01ff80
    TEST_GE uadd8, 0xfefe0002, 0xc, 0xffff0001, 0xffff0001
    TEST_GE usub8, 0x7ffe00ff, 0xe, 0x7fff8000, 0x00018001
    TEST_GE usub8, 0x78787888, 0x0, 0x12345678, 0x9abcdef0
    TEST_GE usub8, 0x01fe8081, 0xc, 0x80ff7f01, 0x7f01ff80
    TEST_GE usub8, 0x00000000, 0xf, 0xffff0001, 0xffff0001
    TEST_RR uqadd16, 0x8000ffff, 0x7fff8000, 0x00018001
    TEST_RR uqadd16, 0xacf0ffff, 0x12345678, 0x9abcdef0
    TEST_RR uqadd16, 0xffffffff, 0x80ff7f01, 0x7f01ff80
    TEST_RR uqadd16, 0xffff0002, 0xffff0001, 0xffff0001
    TEST_RR uqasx, 0xffff7fff, 0x7fff8000, 0x00018001
    TEST_RR uqasx, 0xf1240000, 0x12345678, 0x9abcdef0
    TEST_RR uqasx, 0xffff0000, 0x80ff7f01, 0x7f01ff80
    TEST_RR uqasx, 0xffff0000, 0xffff0001, 0xffff0001
    TEST_RR uqsax, 0x00008001, 0x7fff8000, 0x00018001
    TEST_RR uqsax, 0x0000f134, 0x12345678, 0x9abcdef0
    TEST_RR uqsax, 0x0000fe02, 0x80ff7f01, 0x7f01ff80
    TEST_RR uqsax, 0xfffeffff, 0xffff0001, 0xffff0001
    TEST_RR uqsub16, 0x7ffe0000, 0x7fff8000, 0x00018001
    TEST_RR uqsub16, 0x00000000, 0x12345678, 0x9abcdef0
    TEST_RR uqsub16, 0x01fe0000, 0x80ff7f01, 0x7f01ff80
    TEST_RR uqsub16, 0x00000000, 0xffff0001, 0xffff0001
    TEST_RR uqadd8, 0x7fffff01, 0x7fff8000, 0x00018001
    TEST_RR uqadd8, 0xacf0ffff, 0x12345678, 0x9abcdef0
    TEST_RR uqadd8, 0xffffff81, 0x80ff7f01, 0x7f01ff80
    TEST_RR uqadd8, 0xffff0002, 0xffff0001, 0xffff0001
    TEST_RR uqsub8, 0x7ffe0000, 0x7fff8000, 0x00018001
    TEST_RR uqsub8, 0x00000000, 0x12345678, 0x9abcdef0
    TEST_RR uqsub8, 0x01fe0000, 0x80ff7f01, 0x7f01ff80
    TEST_RR uqsub8, 0x00000000, 0xffff0001, 0xffff0001
    TEST_RR uhadd16, 0x40008000, 0x7fff8000, 0x00018001
    TEST_RR uhadd16, 0x56789ab4, 0x12345678, 0x9abcdef0
    TEST_RR uhadd16, 0x8000bf40, 0x80ff7f01, 0x7f01ff80
    TEST_RR uhadd16, 0xffff0001, 0xffff0001, 0xffff0001
    TEST_RR uhasx, 0x80003fff, 0x7fff8000, 0x00018001
    TEST_RR uhasx, 0x7892ddde, 0x12345678, 0x9abcdef0
    TEST_RR uhasx, 0xc03f0000, 0x80ff7f01, 0x7f01ff80
    TEST_RR uhasx, 0x80008001, 0xffff0001, 0xffff0001
    TEST_RR uhsax, 0xffff4000, 0x7fff8000, 0x00018001
    TEST_RR uhsax, 0x99a2789a, 0x12345678, 0x9abcdef0
    TEST_RR uhsax, 0xc0bf7f01, 0x80ff7f01, 0x7f01ff80
    TEST_RR uhsax, 0x7fff8000, 0xffff0001, 0xffff0001
    TEST_RR uhsub16, 0x3fffffff, 0x7fff8000, 0x00018001
    TEST_RR uhsub16, 0xbbbcbbc4, 0x12345678, 0x9abcdef0
    TEST_RR uhsub16, 0x00ffbfc0, 0x80ff7f01, 0x7f01ff80
    TEST_RR uhsub16, 0x00000000, 0xffff0001, 0xffff0001
    TEST_RR uhadd8, 0x3f808000, 0x7fff8000, 0x00018001
    TEST_RR uhadd8, 0x56789ab4, 0x12345678, 0x9abcdef0
    TEST_RR uhadd8, 0x7f80bf40, 0x80ff7f01, 0x7f01ff80
    TEST_RR uhadd8, 0xffff0001, 0xffff0001, 0xffff0001
    TEST_RR uhsub8, 0x3f7f00ff, 0x7fff8000, 0x00018001
    TEST_RR uhsub8, 0xbcbcbcc4, 0x12345678, 0x9abcdef0
    TEST_RR uhsub8, 0x007fc0c0, 0x80ff7f01, 0x7f01ff80
    TEST_RR uhsub8, 0x00000000, 0xffff0001, 0xffff0001

    TEST_SEL 0xaabbccdd, 0x0, 0x11223344, 0xaabbccdd
    TEST_SEL 0xaa22cc44, 0x5, 0x11223344, 0xaabbccdd
    TEST_SEL 0x11bb33dd, 0xa, 0x11223344, 0xaabbccdd
    TEST_SEL 0x11223344, 0xf, 0x11223344, 0xaabbccdd
    TEST_SEL 0xaabb3344, 0x3, 0x11223344, 0xaabbccdd
    TEST_RR usad8, 0x00000008, 0x01020304, 0x04030201
    TEST_RRR usada8, 0x00000008, 0x01020304, 0x04030201, 0x00000000
    TEST_RR usad8, 0x000003be, 0x00ff10f0, 0xff00f010
    TEST_RRR usada8, 0x000003c3, 0x00ff10f0, 0xff00f010, 0x00000005
    TEST_RR usad8, 0x00000004, 0x80808080, 0x7f7f7f7f
    TEST_RRR usada8, 0xfffffff4, 0x80808080, 0x7f7f7f7f, 0xfffffff0
    TEST_SAT16 ssat16, 0x007f007f, 1, 8, 0x01007fff
    TEST_SAT16 ssat16, 0x80007fff, 0, 16, 0x80007fff
    TEST_SAT16 ssat16, 0x00000000, 1, 1, 0x00010000
    TEST_SAT16 ssat16, 0xf800fffe, 0, 12, 0xf800fffe
    TEST_SAT16 ssat16, 0x0007fff8, 0, 4, 0x0007fff8
    TEST_SAT16 usat16, 0x00ff00ff, 1, 8, 0x01007fff
    TEST_SAT16 usat16, 0x00007fff, 1, 15, 0x80007fff
    TEST_SAT16 usat16, 0x00000000, 1, 0, 0x00010000
    TEST_SAT16 usat16, 0x000f000f, 1, 4, 0x000f0010
    TEST_SAT16 usat16, 0x00ff0000, 0, 8, 0x00ff0000
    TEST_RR_SH pkhbt, 0x33332222, 0x11112222, 0x33334444, lsl #0
    TEST_RR_SH pkhbt, 0x33442222, 0x11112222, 0x33334444, lsl #8
    TEST_RR_SH pkhbt, 0xccccbbbb, 0xaaaabbbb, 0x0000cccc, lsl #16
    TEST_RR_SH pkhbt, 0x8000abcd, 0x1234abcd, 0x00000001, lsl #31
    TEST_RR_SH pkhtb, 0x11113333, 0x11112222, 0x33334444, asr #16
    TEST_RR_SH pkhtb, 0x11113344, 0x11112222, 0x80334444, asr #8
    TEST_RR_SH pkhtb, 0xaaaa6664, 0xaaaabbbb, 0x0000ccc9, asr #1
    TEST_RR_SH pkhtb, 0x1234ffff, 0x1234abcd, 0x80000000, asr #32
    TEST_RR_SH pkhtb, 0x55550000, 0x55550000, 0x40000000, asr #31
    TEST_R_ROT sxtb16, 0xffff0001, 0x80ff7f01, 0
    TEST_R_ROT uxtb16, 0x00ff0001, 0x80ff7f01, 0
    TEST_RR_ROT sxtab, 0x7fff0011, 0x7fff0010, 0x80ff7f01, 0
    TEST_RR_ROT uxtab, 0x7fff0011, 0x7fff0010, 0x80ff7f01, 0
    TEST_RR_ROT sxtah, 0x7fff7f11, 0x7fff0010, 0x80ff7f01, 0
    TEST_RR_ROT uxtah, 0x7fff7f11, 0x7fff0010, 0x80ff7f01, 0
    TEST_RR_ROT sxtab16, 0x7ffe0011, 0x7fff0010, 0x80ff7f01, 0
    TEST_RR_ROT uxtab16, 0x80fe0011, 0x7fff0010, 0x80ff7f01, 0
    TEST_R_ROT sxtb16, 0xff80007f, 0x80ff7f01, 8
    TEST_R_ROT uxtb16, 0x0080007f, 0x80ff7f01, 8
    TEST_RR_ROT sxtab, 0x7fff008f, 0x7fff0010, 0x80ff7f01, 8
    TEST_RR_ROT uxtab, 0x7fff008f, 0x7fff0010, 0x80ff7f01, 8
    TEST_RR_ROT sxtah, 0x7ffeff8f, 0x7fff0010, 0x80ff7f01, 8
    TEST_RR_ROT uxtah, 0x7fffff8f, 0x7fff0010, 0x80ff7f01, 8
    TEST_RR_ROT sxtab16, 0x7f7f008f, 0x7fff0010, 0x80ff7f01, 8
    TEST_RR_ROT uxtab16, 0x807f008f, 0x7fff0010, 0x80ff7f01, 8
    TEST_R_ROT sxtb16, 0x0001ffff, 0x80ff7f01, 16
    TEST_R_ROT uxtb16, 0x000100ff, 0x80ff7f01, 16
    TEST_RR_ROT sxtab, 0x7fff000f, 0x7fff0010, 0x80ff7f01, 16
    TEST_RR_ROT uxtab, 0x7fff010f, 0x7fff0010, 0x80ff7f01, 16
    TEST_RR_ROT sxtah, 0x7ffe810f, 0x7fff0010, 0x80ff7f01, 16
    TEST_RR_ROT uxtah, 0x7fff810f, 0x7fff0010, 0x80ff7f01, 16
    TEST_RR_ROT sxtab16, 0x8000000f, 0x7fff0010, 0x80ff7f01, 16
    TEST_RR_ROT uxtab16, 0x8000010f, 0x7fff0010, 0x80ff7f01, 16
    TEST_R_ROT sxtb16, 0x007fff80, 0x80ff7f01, 24
    TEST_R_ROT uxtb16, 0x007f0080, 0x80ff7f01, 24
    TEST_RR_ROT sxtab, 0x7ffeff90, 0x7fff0010, 0x80ff7f01, 24
    TEST_RR_ROT uxtab, 0x7fff0090, 0x7fff0010, 0x80ff7f01, 24
    TEST_RR_ROT sxtah, 0x7fff0190, 0x7fff0010, 0x80ff7f01, 24
    TEST_RR_ROT uxtah, 0x7fff0190, 0x7fff0010, 0x80ff7f01, 24
    TEST_RR_ROT sxtab16, 0x807eff90, 0x7fff0010, 0x80ff7f01, 24
    TEST_RR_ROT uxtab16, 0x807e0090, 0x7fff0010, 0x80ff7f01, 24

    /* GE survives other instructions and shows in the APSR */
    SET_GE 0xa
    movs r0, #1
    adds r0, r0, #1
    CHECK_FLAGS 0xa << 16, FLAGS_GE

    TEST_PASS
