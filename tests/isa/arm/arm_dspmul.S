/* SPDX-License-Identifier: MIT */
/*
 * The ARMv7E-M multiply and saturating-arithmetic subset of the
 * Cortex-M4 (ARMv7-M ARM A4.4.2-A4.4.3, A5.3.16-A5.3.17): QADD, QSUB,
 * QDADD, QDSUB; the halfword multiplies SMULxy, SMLAxy, SMLALxy, SMULWy,
 * SMLAWy; the dual multiplies SMUAD, SMUSD, SMLAD, SMLSD, SMLALD, SMLSLD
 * with and without exchange; the most-significant-word SMMUL, SMMLA,
 * SMMLS with and without rounding; UMAAL. The Q flag is checked wherever
 * the instruction may set it (from Q = 0). Expected values come from a
 * reference model of the ARM pseudocode and agree with QEMU's mps2-an386.
 */
#include "test.h"

/* One case: op rd, rn, rm gives res and Q = q. */
.macro TEST_Q op, res, q, a, b
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    SET_FLAGS 0
    \op r0, r1, r2
    mrs r4, apsr
    EXPECT r0, \res
    ubfx r4, r4, #27, #1
    EXPECT r4, \q
.endm

/* One case: op rd, rn, rm, ra gives res and Q = q. */
.macro TEST_QR op, res, q, a, b, c
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    LI r3, \c
    SET_FLAGS 0
    \op r0, r1, r2, r3
    mrs r4, apsr
    EXPECT r0, \res
    ubfx r4, r4, #27, #1
    EXPECT r4, \q
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

/* One case: op rdlo, rdhi, rn, rm from rdhi:rdlo = hi_in:lo_in. */
.macro TEST_LONG op, lo, hi, a, b, lo_in, hi_in
    NEXT_CHECK
    LI r0, \lo_in
    LI r1, \hi_in
    LI r2, \a
    LI r3, \b
    \op r0, r1, r2, r3
    EXPECT r0, \lo
    EXPECT r1, \hi
.endm

TEST_BEGIN dspmul

    TEST_Q qadd, 0x7fffffff, 1, 0x7fffffff, 0x00000001
    TEST_Q qsub, 0x7ffffffe, 0, 0x7fffffff, 0x00000001
    TEST_Q qdadd, 0x7fffffff, 1, 0x7fffffff, 0x00000001
    TEST_Q qdsub, 0x7ffffffd, 0, 0x7fffffff, 0x00000001
    TEST_Q qadd, 0x80000000, 1, 0x80000000, 0xffffffff
    TEST_Q qsub, 0x80000001, 0, 0x80000000, 0xffffffff
    TEST_Q qdadd, 0x80000000, 1, 0x80000000, 0xffffffff
    TEST_Q qdsub, 0x80000002, 0, 0x80000000, 0xffffffff
    TEST_Q qadd, 0x7fffffff, 1, 0x40000000, 0x40000000
    TEST_Q qsub, 0x00000000, 0, 0x40000000, 0x40000000
    TEST_Q qdadd, 0x7fffffff, 1, 0x40000000, 0x40000000
    TEST_Q qdsub, 0xc0000001, 1, 0x40000000, 0x40000000
    TEST_Q qadd, 0xfffffff5, 0, 0x00000005, 0xfffffff0
    TEST_Q qsub, 0x00000015, 0, 0x00000005, 0xfffffff0
    TEST_Q qdadd, 0xffffffe5, 0, 0x00000005, 0xfffffff0
    TEST_Q qdsub, 0x00000025, 0, 0x00000005, 0xfffffff0
    TEST_Q qadd, 0x80000000, 1, 0x80000000, 0x80000000
    TEST_Q qsub, 0x00000000, 0, 0x80000000, 0x80000000
    TEST_Q qdadd, 0x80000000, 1, 0x80000000, 0x80000000
    TEST_Q qdsub, 0x00000000, 1, 0x80000000, 0x80000000
    TEST_RR smulbb, 0xc0008000, 0x7fff8000, 0x80007fff
    TEST_QR smlabb, 0x3fff8000, 0, 0x7fff8000, 0x80007fff, 0x7fff0000
    TEST_LONG smlalbb, 0xc0007ffe, 0x00000001, 0x7fff8000, 0x80007fff, 0xfffffffe, 0x00000001
    TEST_RR smulbt, 0x40000000, 0x7fff8000, 0x80007fff
    TEST_QR smlabt, 0xbfff0000, 1, 0x7fff8000, 0x80007fff, 0x7fff0000
    TEST_LONG smlalbt, 0x3ffffffe, 0x00000002, 0x7fff8000, 0x80007fff, 0xfffffffe, 0x00000001
    TEST_RR smultb, 0x3fff0001, 0x7fff8000, 0x80007fff
    TEST_QR smlatb, 0xbffe0001, 1, 0x7fff8000, 0x80007fff, 0x7fff0000
    TEST_LONG smlaltb, 0x3ffeffff, 0x00000002, 0x7fff8000, 0x80007fff, 0xfffffffe, 0x00000001
    TEST_RR smultt, 0xc0008000, 0x7fff8000, 0x80007fff
    TEST_QR smlatt, 0x3fff8000, 0, 0x7fff8000, 0x80007fff, 0x7fff0000
    TEST_LONG smlaltt, 0xc0007ffe, 0x00000001, 0x7fff8000, 0x80007fff, 0xfffffffe, 0x00000001
    TEST_RR smulwb, 0x3fff4000, 0x7fff8000, 0x80007fff
    TEST_QR smlawb, 0xbfff3f00, 1, 0x7fff8000, 0x80007fff, 0x7fffff00
    TEST_RR smulwt, 0xc0004000, 0x7fff8000, 0x80007fff
    TEST_QR smlawt, 0x40003f00, 0, 0x7fff8000, 0x80007fff, 0x7fffff00
    TEST_Q smuad, 0x80010000, 0, 0x7fff8000, 0x80007fff
    TEST_RR smusd, 0x00000000, 0x7fff8000, 0x80007fff
    TEST_QR smlad, 0xf0010000, 0, 0x7fff8000, 0x80007fff, 0x70000000
    TEST_QR smlsd, 0x70000000, 0, 0x7fff8000, 0x80007fff, 0x70000000
    TEST_LONG smlald, 0x8000ffff, 0x7fffffff, 0x7fff8000, 0x80007fff, 0xffffffff, 0x7fffffff
    TEST_LONG smlsld, 0xffffffff, 0x7fffffff, 0x7fff8000, 0x80007fff, 0xffffffff, 0x7fffffff
    TEST_Q smuadx, 0x7fff0001, 0, 0x7fff8000, 0x80007fff
    TEST_RR smusdx, 0x0000ffff, 0x7fff8000, 0x80007fff
    TEST_QR smladx, 0xefff0001, 1, 0x7fff8000, 0x80007fff, 0x70000000
    TEST_QR smlsdx, 0x7000ffff, 0, 0x7fff8000, 0x80007fff, 0x70000000
    TEST_LONG smlaldx, 0x7fff0000, 0x80000000, 0x7fff8000, 0x80007fff, 0xffffffff, 0x7fffffff
    TEST_LONG smlsldx, 0x0000fffe, 0x80000000, 0x7fff8000, 0x80007fff, 0xffffffff, 0x7fffffff
    TEST_RR smulbb, 0x0000000e, 0x00030002, 0xfffb0007
    TEST_QR smlabb, 0x7fff000e, 0, 0x00030002, 0xfffb0007, 0x7fff0000
    TEST_LONG smlalbb, 0x0000000c, 0x00000002, 0x00030002, 0xfffb0007, 0xfffffffe, 0x00000001
    TEST_RR smulbt, 0xfffffff6, 0x00030002, 0xfffb0007
    TEST_QR smlabt, 0x7ffefff6, 0, 0x00030002, 0xfffb0007, 0x7fff0000
    TEST_LONG smlalbt, 0xfffffff4, 0x00000001, 0x00030002, 0xfffb0007, 0xfffffffe, 0x00000001
    TEST_RR smultb, 0x00000015, 0x00030002, 0xfffb0007
    TEST_QR smlatb, 0x7fff0015, 0, 0x00030002, 0xfffb0007, 0x7fff0000
    TEST_LONG smlaltb, 0x00000013, 0x00000002, 0x00030002, 0xfffb0007, 0xfffffffe, 0x00000001
    TEST_RR smultt, 0xfffffff1, 0x00030002, 0xfffb0007
    TEST_QR smlatt, 0x7ffefff1, 0, 0x00030002, 0xfffb0007, 0x7fff0000
    TEST_LONG smlaltt, 0xffffffef, 0x00000001, 0x00030002, 0xfffb0007, 0xfffffffe, 0x00000001
    TEST_RR smulwb, 0x00000015, 0x00030002, 0xfffb0007
    TEST_QR smlawb, 0x7fffff15, 0, 0x00030002, 0xfffb0007, 0x7fffff00
    TEST_RR smulwt, 0xfffffff0, 0x00030002, 0xfffb0007
    TEST_QR smlawt, 0x7ffffef0, 0, 0x00030002, 0xfffb0007, 0x7fffff00
    TEST_Q smuad, 0xffffffff, 0, 0x00030002, 0xfffb0007
    TEST_RR smusd, 0x0000001d, 0x00030002, 0xfffb0007
    TEST_QR smlad, 0x6fffffff, 0, 0x00030002, 0xfffb0007, 0x70000000
    TEST_QR smlsd, 0x7000001d, 0, 0x00030002, 0xfffb0007, 0x70000000
    TEST_LONG smlald, 0xfffffffe, 0x7fffffff, 0x00030002, 0xfffb0007, 0xffffffff, 0x7fffffff
    TEST_LONG smlsld, 0x0000001c, 0x80000000, 0x00030002, 0xfffb0007, 0xffffffff, 0x7fffffff
    TEST_Q smuadx, 0x0000000b, 0, 0x00030002, 0xfffb0007
    TEST_RR smusdx, 0xffffffe1, 0x00030002, 0xfffb0007
    TEST_QR smladx, 0x7000000b, 0, 0x00030002, 0xfffb0007, 0x70000000
    TEST_QR smlsdx, 0x6fffffe1, 0, 0x00030002, 0xfffb0007, 0x70000000
    TEST_LONG smlaldx, 0x0000000a, 0x80000000, 0x00030002, 0xfffb0007, 0xffffffff, 0x7fffffff
    TEST_LONG smlsldx, 0xffffffe0, 0x7fffffff, 0x00030002, 0xfffb0007, 0xffffffff, 0x7fffffff
    TEST_RR smulbb, 0x40000000, 0x80008000, 0x80008000
    TEST_QR smlabb, 0xbfff0000, 1, 0x80008000, 0x80008000, 0x7fff0000
    TEST_LONG smlalbb, 0x3ffffffe, 0x00000002, 0x80008000, 0x80008000, 0xfffffffe, 0x00000001
    TEST_RR smulbt, 0x40000000, 0x80008000, 0x80008000
    TEST_QR smlabt, 0xbfff0000, 1, 0x80008000, 0x80008000, 0x7fff0000
    TEST_LONG smlalbt, 0x3ffffffe, 0x00000002, 0x80008000, 0x80008000, 0xfffffffe, 0x00000001
    TEST_RR smultb, 0x40000000, 0x80008000, 0x80008000
    TEST_QR smlatb, 0xbfff0000, 1, 0x80008000, 0x80008000, 0x7fff0000
    TEST_LONG smlaltb, 0x3ffffffe, 0x00000002, 0x80008000, 0x80008000, 0xfffffffe, 0x00000001
    TEST_RR smultt, 0x40000000, 0x80008000, 0x80008000
    TEST_QR smlatt, 0xbfff0000, 1, 0x80008000, 0x80008000, 0x7fff0000
    TEST_LONG smlaltt, 0x3ffffffe, 0x00000002, 0x80008000, 0x80008000, 0xfffffffe, 0x00000001
    TEST_RR smulwb, 0x3fffc000, 0x80008000, 0x80008000
    TEST_QR smlawb, 0xbfffbf00, 1, 0x80008000, 0x80008000, 0x7fffff00
    TEST_RR smulwt, 0x3fffc000, 0x80008000, 0x80008000
    TEST_QR smlawt, 0xbfffbf00, 1, 0x80008000, 0x80008000, 0x7fffff00
    TEST_Q smuad, 0x80000000, 1, 0x80008000, 0x80008000
    TEST_RR smusd, 0x00000000, 0x80008000, 0x80008000
    TEST_QR smlad, 0xf0000000, 1, 0x80008000, 0x80008000, 0x70000000
    TEST_QR smlsd, 0x70000000, 0, 0x80008000, 0x80008000, 0x70000000
    TEST_LONG smlald, 0x7fffffff, 0x80000000, 0x80008000, 0x80008000, 0xffffffff, 0x7fffffff
    TEST_LONG smlsld, 0xffffffff, 0x7fffffff, 0x80008000, 0x80008000, 0xffffffff, 0x7fffffff
    TEST_Q smuadx, 0x80000000, 1, 0x80008000, 0x80008000
    TEST_RR smusdx, 0x00000000, 0x80008000, 0x80008000
    TEST_QR smladx, 0xf0000000, 1, 0x80008000, 0x80008000, 0x70000000
    TEST_QR smlsdx, 0x70000000, 0, 0x80008000, 0x80008000, 0x70000000
    TEST_LONG smlaldx, 0x7fffffff, 0x80000000, 0x80008000, 0x80008000, 0xffffffff, 0x7fffffff
    TEST_LONG smlsldx, 0xffffffff, 0x7fffffff, 0x80008000, 0x80008000, 0xffffffff, 0x7fffffff
    TEST_RR smmul, 0x3fffffff, 0x7fffffff, 0x7fffffff
    TEST_RR smmulr, 0x3fffffff, 0x7fffffff, 0x7fffffff
    TEST_RRR smmla, 0x41234566, 0x7fffffff, 0x7fffffff, 0x01234567
    TEST_RRR smmlar, 0x41234566, 0x7fffffff, 0x7fffffff, 0x01234567
    TEST_RRR smmls, 0xc1234567, 0x7fffffff, 0x7fffffff, 0x01234567
    TEST_RRR smmlsr, 0xc1234568, 0x7fffffff, 0x7fffffff, 0x01234567
    TEST_LONG umaal, 0xffffffff, 0x40000000, 0x7fffffff, 0x7fffffff, 0xffffffff, 0xffffffff
    TEST_RR smmul, 0xc0000000, 0x80000000, 0x7fffffff
    TEST_RR smmulr, 0xc0000001, 0x80000000, 0x7fffffff
    TEST_RRR smmla, 0xc1234567, 0x80000000, 0x7fffffff, 0x01234567
    TEST_RRR smmlar, 0xc1234568, 0x80000000, 0x7fffffff, 0x01234567
    TEST_RRR smmls, 0x41234566, 0x80000000, 0x7fffffff, 0x01234567
    TEST_RRR smmlsr, 0x41234567, 0x80000000, 0x7fffffff, 0x01234567
    TEST_LONG umaal, 0x7ffffffe, 0x40000001, 0x80000000, 0x7fffffff, 0xffffffff, 0xffffffff
    TEST_RR smmul, 0xf8cc93d6, 0x12345678, 0x9abcdef0
    TEST_RR smmulr, 0xf8cc93d6, 0x12345678, 0x9abcdef0
    TEST_RRR smmla, 0xf9efd93d, 0x12345678, 0x9abcdef0, 0x01234567
    TEST_RRR smmlar, 0xf9efd93d, 0x12345678, 0x9abcdef0, 0x01234567
    TEST_RRR smmls, 0x0856b190, 0x12345678, 0x9abcdef0, 0x01234567
    TEST_RRR smmlsr, 0x0856b191, 0x12345678, 0x9abcdef0, 0x01234567
    TEST_LONG umaal, 0x242d207e, 0x0b00ea50, 0x12345678, 0x9abcdef0, 0xffffffff, 0xffffffff
    TEST_RR smmul, 0x00000000, 0x00010000, 0x00008000
    TEST_RR smmulr, 0x00000001, 0x00010000, 0x00008000
    TEST_RRR smmla, 0x01234567, 0x00010000, 0x00008000, 0x01234567
    TEST_RRR smmlar, 0x01234568, 0x00010000, 0x00008000, 0x01234567
    TEST_RRR smmls, 0x01234566, 0x00010000, 0x00008000, 0x01234567
    TEST_RRR smmlsr, 0x01234567, 0x00010000, 0x00008000, 0x01234567
    TEST_LONG umaal, 0x7ffffffe, 0x00000002, 0x00010000, 0x00008000, 0xffffffff, 0xffffffff

    /* Q stays set once an instruction sets it */
    SET_FLAGS 0
    LI r1, 0x7fffffff
    qadd r0, r1, r1
    movs r1, #1
    qadd r0, r1, r1
    CHECK_FLAGS FLAG_Q

    TEST_PASS
