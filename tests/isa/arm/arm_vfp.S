/* SPDX-License-Identifier: MIT */
/*
 * The FP extension's single-precision instructions (FPv4-SP-D16, ARMv7-M
 * ARM A6.4-A6.6, A7.7): arithmetic with exact results, rounding in each
 * FPSCR.RMode, the cumulative exception flags, tininess before rounding,
 * FZ (input flush with IDC, output flush with UFC), NaN propagation and
 * DN, fused and chained multiply-accumulate, VCMP/VCMPE with VMRS to
 * APSR_nzcv, VCVT to and from integers and fixed point, VCVTB/VCVTT with
 * IEEE and alternative half precision, the VMOV forms, VLDR/VSTR,
 * VLDM/VSTM, VPUSH/VPOP, an FP instruction inside an IT block, and the
 * FPSCR bits that exist. Built for the Cortex-M4F (mps2-an386) and the
 * Cortex-M7 (mps2-an500); expected values agree with QEMU there.
 * tests/isa/arm/vfp_diff.sh covers the same instructions on thousands of
 * random and edge-case operands against QEMU.
 */
#include "test.h"

    .fpu fpv4-sp-d16

#define CPACR 0xe000ed88
#define RN 0x00000000
#define RP 0x00400000
#define RM 0x00800000
#define RZ 0x00c00000
#define FZ 0x01000000
#define DN 0x02000000
#define AHP 0x04000000
#define IOC 0x01
#define DZC 0x02
#define OFC 0x04
#define UFC 0x08
#define IXC 0x10
#define IDC 0x80

/* One case: FPSCR = mode; s0 = c, s1 = a, s2 = b; insn (text); s0 must
 * be res and FPSCR mode | flags (NZCV stays zero). */
.macro TEST_F insn, res, flags, a, b=0, c=0, mode=0
    NEXT_CHECK
    LI r1, \a
    LI r2, \b
    LI r3, \c
    LI r4, \mode
    vmsr fpscr, r4
    vmov s1, r1
    vmov s2, r2
    vmov s0, r3
    \insn
    vmov r0, s0
    vmrs r5, fpscr
    EXPECT r0, \res
    EXPECT r5, (\mode) | (\flags)
.endm

/* One case: vcmp/vcmpe insn of s1 with s2 gives FPSCR NZCV | flags. */
.macro TEST_CMP insn, nzcv, flags, a, b
    TEST_F "\insn s1, s2", 0, (\nzcv) | (\flags), \a, \b
.endm

TEST_BEGIN vfp
    WR32 CPACR, 0x00f00000
    SYNC

    /* Exact arithmetic. */
    TEST_F "vadd.f32 s0, s1, s2", 0x40400000, 0, 0x3f800000, 0x40000000
    TEST_F "vsub.f32 s0, s1, s2", 0xbf800000, 0, 0x3f800000, 0x40000000
    TEST_F "vmul.f32 s0, s1, s2", 0x40c00000, 0, 0x40000000, 0x40400000
    TEST_F "vnmul.f32 s0, s1, s2", 0xc0c00000, 0, 0x40000000, 0x40400000
    TEST_F "vdiv.f32 s0, s1, s2", 0x3f400000, 0, 0x40400000, 0x40800000
    TEST_F "vsqrt.f32 s0, s1", 0x40000000, 0, 0x40800000
    TEST_F "vabs.f32 s0, s1", 0x3fc00000, 0, 0xbfc00000
    TEST_F "vneg.f32 s0, s1", 0xbfc00000, 0, 0x3fc00000
    /* Chained multiply-accumulate: d = +/-d +/- n * m. */
    TEST_F "vmla.f32 s0, s1, s2", 0x40e00000, 0, 0x40000000, 0x40400000, 0x3f800000
    TEST_F "vmls.f32 s0, s1, s2", 0xc0a00000, 0, 0x40000000, 0x40400000, 0x3f800000
    TEST_F "vnmla.f32 s0, s1, s2", 0xc0e00000, 0, 0x40000000, 0x40400000, 0x3f800000
    TEST_F "vnmls.f32 s0, s1, s2", 0x40a00000, 0, 0x40000000, 0x40400000, 0x3f800000

    /* Rounding: 1 + 2^-24 is a tie between 1 and 1 + 2^-23. */
    TEST_F "vadd.f32 s0, s1, s2", 0x3f800000, IXC, 0x3f800000, 0x33800000, 0, RN
    TEST_F "vadd.f32 s0, s1, s2", 0x3f800001, IXC, 0x3f800000, 0x33800000, 0, RP
    TEST_F "vadd.f32 s0, s1, s2", 0x3f800000, IXC, 0x3f800000, 0x33800000, 0, RM
    TEST_F "vadd.f32 s0, s1, s2", 0x3f800000, IXC, 0x3f800000, 0x33800000, 0, RZ
    TEST_F "vadd.f32 s0, s1, s2", 0xbf800001, IXC, 0xbf800000, 0xb3800000, 0, RM
    /* 1/3 in each mode. */
    TEST_F "vdiv.f32 s0, s1, s2", 0x3eaaaaab, IXC, 0x3f800000, 0x40400000, 0, RN
    TEST_F "vdiv.f32 s0, s1, s2", 0x3eaaaaab, IXC, 0x3f800000, 0x40400000, 0, RP
    TEST_F "vdiv.f32 s0, s1, s2", 0x3eaaaaaa, IXC, 0x3f800000, 0x40400000, 0, RM
    TEST_F "vdiv.f32 s0, s1, s2", 0x3eaaaaaa, IXC, 0x3f800000, 0x40400000, 0, RZ
    /* An exact zero sum is +0, or -0 rounding toward minus infinity. */
    TEST_F "vsub.f32 s0, s1, s2", 0x00000000, 0, 0x3f800000, 0x3f800000, 0, RN
    TEST_F "vsub.f32 s0, s1, s2", 0x80000000, 0, 0x3f800000, 0x3f800000, 0, RM

    /* Exceptions: overflow, division by zero, invalid. */
    TEST_F "vmul.f32 s0, s1, s2", 0x7f800000, OFC | IXC, 0x7f7fffff, 0x40000000
    TEST_F "vmul.f32 s0, s1, s2", 0x7f7fffff, OFC | IXC, 0x7f7fffff, 0x40000000, 0, RZ
    TEST_F "vmul.f32 s0, s1, s2", 0xff7fffff, OFC | IXC, 0xff7fffff, 0x40000000, 0, RP
    TEST_F "vdiv.f32 s0, s1, s2", 0xff800000, DZC, 0xbf800000, 0x00000000
    TEST_F "vdiv.f32 s0, s1, s2", 0x7fc00000, IOC, 0x00000000, 0x80000000
    TEST_F "vsqrt.f32 s0, s1", 0x7fc00000, IOC, 0xbf800000
    TEST_F "vsqrt.f32 s0, s1", 0x80000000, 0, 0x80000000
    TEST_F "vsub.f32 s0, s1, s2", 0x7fc00000, IOC, 0x7f800000, 0x7f800000
    /* Underflow: exact tiny results raise nothing; tininess is detected
     * before rounding, so (1 - 2^-46) * 2^-126, which rounds to 2^-126
     * even with an unbounded exponent, raises UFC. */
    TEST_F "vmul.f32 s0, s1, s2", 0x00080000, 0, 0x0d800000, 0x30800000
    TEST_F "vmul.f32 s0, s1, s2", 0x00800000, UFC | IXC, 0x00800000, 0x3f7fffff
    TEST_F "vmul.f32 s0, s1, s2", 0x00800000, UFC | IXC, 0x3f800001, 0x007fffff
    TEST_F "vmul.f32 s0, s1, s2", 0x00000000, UFC | IXC, 0x00000001, 0x3e800000

    /* FZ: subnormal operands read as zero (IDC), tiny results become
     * zero (UFC, not IXC). */
    TEST_F "vadd.f32 s0, s1, s2", 0x00000000, IDC, 0x00000001, 0x00000000, 0, FZ
    TEST_F "vadd.f32 s0, s1, s2", 0x80000000, IDC, 0x80400000, 0x80000000, 0, FZ
    TEST_F "vmul.f32 s0, s1, s2", 0x00000000, UFC, 0x0d800000, 0x30800000, 0, FZ
    TEST_F "vmul.f32 s0, s1, s2", 0x80000000, UFC, 0x80800000, 0x3f7fffff, 0, FZ
    TEST_F "vabs.f32 s0, s1", 0x00000001, 0, 0x80000001, 0, 0, FZ
    TEST_F "vcvt.f32.s32 s0, s1", 0x3f800000, 0, 0x00000001, 0, 0, FZ

    /* NaNs: the first signaling NaN, else the first quiet one, quieted;
     * DN gives the default NaN. VNEG and VABS only change the sign. */
    TEST_F "vadd.f32 s0, s1, s2", 0x7fc12345, 0, 0x7fc12345, 0x3f800000
    TEST_F "vadd.f32 s0, s1, s2", 0xffc00002, 0, 0x3f800000, 0xffc00002
    TEST_F "vadd.f32 s0, s1, s2", 0x7fc00001, IOC, 0x7fc12345, 0x7f800001
    TEST_F "vmul.f32 s0, s1, s2", 0xffe00000, IOC, 0xffa00000, 0x7fa00001
    TEST_F "vadd.f32 s0, s1, s2", 0x7fc00000, 0, 0x7fc12345, 0x3f800000, 0, DN
    TEST_F "vadd.f32 s0, s1, s2", 0x7fc00000, IOC, 0x7f800001, 0x3f800000, 0, DN
    TEST_F "vsqrt.f32 s0, s1", 0xffc00007, IOC, 0xff800007
    TEST_F "vneg.f32 s0, s1", 0xff800001, 0, 0x7f800001
    TEST_F "vabs.f32 s0, s1", 0x7fc00000, 0, 0xffc00000
    /* VNMUL negates the product even when it is the default NaN. */
    TEST_F "vnmul.f32 s0, s1, s2", 0xffc00000, IOC, 0x7f800000, 0x00000000

    /* Fused multiply-add rounds once: n = m = 1 + 2^-12, d = +/-1. */
    TEST_F "vfma.f32 s0, s1, s2", 0x3a000400, 0, 0x3f800800, 0x3f800800, 0xbf800000
    TEST_F "vmla.f32 s0, s1, s2", 0x3a000000, IXC, 0x3f800800, 0x3f800800, 0xbf800000
    TEST_F "vfms.f32 s0, s1, s2", 0xba000400, 0, 0x3f800800, 0x3f800800, 0x3f800000
    TEST_F "vfnma.f32 s0, s1, s2", 0xba000400, 0, 0x3f800800, 0x3f800800, 0xbf800000
    TEST_F "vfnms.f32 s0, s1, s2", 0x3a000400, 0, 0x3f800800, 0x3f800800, 0x3f800000
    /* Infinity times zero plus a quiet NaN: the default NaN, Invalid. */
    TEST_F "vfma.f32 s0, s1, s2", 0x7fc00000, IOC, 0x7f800000, 0x00000000, 0x7fc12345
    /* The addend's NaN comes first. */
    TEST_F "vfma.f32 s0, s1, s2", 0x7fc00003, 0, 0x7fc00001, 0x7fc00002, 0x7fc00003

    /* Comparisons: NZCV = 1000 less, 0110 equal, 0010 greater, 0011
     * unordered; VCMPE raises Invalid for a quiet NaN too. */
    TEST_CMP vcmp.f32, 0x80000000, 0, 0x3f800000, 0x40000000
    TEST_CMP vcmp.f32, 0x60000000, 0, 0x00000000, 0x80000000
    TEST_CMP vcmp.f32, 0x20000000, 0, 0x7f800000, 0x7f7fffff
    TEST_CMP vcmp.f32, 0x30000000, 0, 0x7fc00000, 0x3f800000
    TEST_CMP vcmpe.f32, 0x30000000, IOC, 0x7fc00000, 0x3f800000
    TEST_CMP vcmp.f32, 0x30000000, IOC, 0x3f800000, 0x7f800001
    TEST_F "vcmp.f32 s1, #0", 0, 0x60000000, 0x80000000
    TEST_F "vcmpe.f32 s1, #0", 0, 0x80000000, 0xbf800000
    TEST_F "vcmp.f32 s1, s2", 0, 0x60000000 | IDC, 0x00000001, 0x80000000, 0, FZ
    /* VMRS APSR_nzcv, FPSCR moves the result to the core flags. */
    NEXT_CHECK
    vmov.f32 s1, #2.0
    vmov.f32 s2, #3.0
    SET_FLAGS 0
    vcmp.f32 s2, s1
    vmrs APSR_nzcv, fpscr
    mrs r9, apsr
    ite gt
    movgt r0, #1
    movle r0, #2
    EXPECT r0, 1
    and r9, r9, #0xf0000000
    EXPECT r9, 0x20000000
    NEXT_CHECK
    vcmp.f32 s1, s2
    vmrs APSR_nzcv, fpscr
    ite mi
    movmi r0, #1
    movpl r0, #2
    EXPECT r0, 1

    /* To integers: VCVT rounds toward zero, VCVTR in the FPSCR mode;
     * out of range saturates and NaN gives 0, with Invalid only. */
    TEST_F "vcvt.s32.f32 s0, s1", 0xfffffffe, IXC, 0xc0200000
    TEST_F "vcvtr.s32.f32 s0, s1", 0xfffffffe, IXC, 0xc0200000, 0, 0, RN
    TEST_F "vcvtr.s32.f32 s0, s1", 0xfffffffe, IXC, 0xc0200000, 0, 0, RP
    TEST_F "vcvtr.s32.f32 s0, s1", 0xfffffffd, IXC, 0xc0200000, 0, 0, RM
    TEST_F "vcvtr.s32.f32 s0, s1", 0xfffffffe, IXC, 0xc0200000, 0, 0, RZ
    TEST_F "vcvtr.u32.f32 s0, s1", 0x00000003, IXC, 0x40300000, 0, 0, RP
    TEST_F "vcvt.u32.f32 s0, s1", 0x00000000, IOC, 0xbf800000
    TEST_F "vcvt.u32.f32 s0, s1", 0x00000000, IXC, 0xbf000000
    TEST_F "vcvt.u32.f32 s0, s1", 0xffffffff, IOC, 0x4f800000
    TEST_F "vcvt.s32.f32 s0, s1", 0x7fffffff, IOC, 0x4f000000
    TEST_F "vcvt.s32.f32 s0, s1", 0x80000000, 0, 0xcf000000
    TEST_F "vcvt.s32.f32 s0, s1", 0x00000000, IOC, 0x7fc00000
    TEST_F "vcvt.s32.f32 s0, s1", 0x00000000, IDC, 0x80000001, 0, 0, FZ
    /* From integers. */
    TEST_F "vcvt.f32.s32 s0, s1", 0xcf000000, 0, 0x80000000
    TEST_F "vcvt.f32.s32 s0, s1", 0x4f000000, IXC, 0x7fffffff
    TEST_F "vcvt.f32.s32 s0, s1", 0x4effffff, IXC, 0x7fffffff, 0, 0, RZ
    TEST_F "vcvt.f32.u32 s0, s1", 0x4f800000, IXC, 0xffffffff
    TEST_F "vcvt.f32.s32 s0, s1", 0x4b800000, IXC, 0x01000001
    /* Fixed point, in place: to fixed rounds toward zero and saturates,
     * 16-bit results are extended; from fixed rounds to nearest whatever
     * FPSCR says. */
    TEST_F "vcvt.s32.f32 s0, s0, #16", 0x00018000, 0, 0, 0, 0x3fc00000
    TEST_F "vcvt.s32.f32 s0, s0, #16", 0xfffe8000, 0, 0, 0, 0xbfc00000
    TEST_F "vcvt.u16.f32 s0, s0, #8", 0x0000ffff, IOC, 0, 0, 0x43960000
    TEST_F "vcvt.s16.f32 s0, s0, #8", 0xffffff00, 0, 0, 0, 0xbf800000
    TEST_F "vcvt.u32.f32 s0, s0, #1", 0x00000003, IXC, 0, 0, 0x3fcccccd
    TEST_F "vcvt.f32.s32 s0, s0, #16", 0x3fc00000, 0, 0, 0, 0x00018000
    TEST_F "vcvt.f32.s16 s0, s0, #8", 0xbf800000, 0, 0, 0, 0x1234ff00
    TEST_F "vcvt.f32.u32 s0, s0, #1", 0x4f000000, IXC, 0, 0, 0xffffffff, RM
    TEST_F "vcvt.f32.u16 s0, s0, #16", 0x3f7fff00, 0, 0, 0, 0xabcdffff

    /* Half precision in the bottom or top half; the other half stays. */
    TEST_F "vcvtb.f16.f32 s0, s1", 0xabcd3c00, 0, 0x3f800000, 0, 0xabcdabcd
    TEST_F "vcvtt.f16.f32 s0, s1", 0xc000abcd, 0, 0xc0000000, 0, 0xabcdabcd
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007bff, 0, 0x477fe000
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007c00, OFC | IXC, 0x477ff000
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007bff, IXC, 0x477ff000, 0, 0, RZ
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00000001, UFC | IXC, 0x33400000
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007e09, 0, 0x7fc12345
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007e00, IOC, 0x7f800001, 0, 0, DN
    TEST_F "vcvtb.f32.f16 s0, s1", 0x33800000, 0, 0x00000001
    TEST_F "vcvtt.f32.f16 s0, s1", 0xff800000, 0, 0xfc000000
    TEST_F "vcvtb.f32.f16 s0, s1", 0x7fc02000, IOC, 0x00007c01
    /* Alternative half precision: exponent 31 is a normal number, NaN
     * converts to zero and infinity to the largest value (Invalid). */
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007c00, IXC, 0x477ff000, 0, 0, AHP
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007fff, 0, 0x47ffe000, 0, 0, AHP
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00007fff, IOC, 0x48000000, 0, 0, AHP
    TEST_F "vcvtb.f16.f32 s0, s1", 0x0000ffff, IOC, 0xff800000, 0, 0, AHP
    TEST_F "vcvtb.f16.f32 s0, s1", 0x00008000, IOC, 0xffc00000, 0, 0, AHP
    TEST_F "vcvtb.f32.f16 s0, s1", 0x47800000, 0, 0x00007c00, 0, 0, AHP
    TEST_F "vcvtt.f32.f16 s0, s1", 0xc7ffe000, 0, 0xffff0000, 0, 0, AHP

    /* FPSCR keeps only the bits it has. */
    NEXT_CHECK
    LI r1, 0xffffffff
    vmsr fpscr, r1
    vmrs r0, fpscr
    EXPECT r0, 0xf7c0009f
    movs r1, #0
    vmsr fpscr, r1
    vmrs r0, fpscr
    EXPECT r0, 0

    /* The VMOV forms. */
    NEXT_CHECK
    vmov.f32 s3, #-1.5
    vmov.f32 s4, s3
    vmov r0, r1, s3, s4
    EXPECT r0, 0xbfc00000
    EXPECT r1, 0xbfc00000
    NEXT_CHECK
    vmov.f32 s31, #0.125
    vmov r0, s31
    EXPECT r0, 0x3e000000
    NEXT_CHECK
    LI r2, 0x11223344
    LI r3, 0x55667788
    vmov s5, s6, r2, r3
    vmov r0, s5
    vmov r1, s6
    EXPECT r0, 0x11223344
    EXPECT r1, 0x55667788
    NEXT_CHECK
    vmov d7, r3, r2                 /* d7 = s15:s14 */
    vmov r0, s14
    vmov r1, s15
    EXPECT r0, 0x55667788
    EXPECT r1, 0x11223344
    vmov r4, r5, d7
    EXPECT r4, 0x55667788
    EXPECT r5, 0x11223344
    NEXT_CHECK                      /* (gas takes the scalar forms only with a DP FPU) */
    .inst.w 0xee282b10              /* vmov.32 d8[1], r2: s17 */
    .inst.w 0xee083b10              /* vmov.32 d8[0], r3: s16 */
    vmov r0, r1, s16, s17
    EXPECT r0, 0x55667788
    EXPECT r1, 0x11223344
    .inst.w 0xee380b10              /* vmov.32 r0, d8[1] */
    EXPECT r0, 0x11223344
    NEXT_CHECK
    vmov.f32 s20, s16               /* register moves leave the source */
    vmov r0, s20
    EXPECT r0, 0x55667788

    /* Loads and stores. */
    NEXT_CHECK
    LI r6, fp_buf
    LI r2, 0x3f800000
    str r2, [r6, #4]
    vldr s9, [r6, #4]
    vmov r0, s9
    EXPECT r0, 0x3f800000
    NEXT_CHECK
    vldr s10, fp_literal            /* PC-relative */
    vmov r0, s10
    EXPECT r0, 0x40490fdb
    NEXT_CHECK
    vmov.f32 s11, #2.5
    add r7, r6, #16
    vstr s11, [r7, #-8]
    ldr r0, [r6, #8]
    EXPECT r0, 0x40200000
    NEXT_CHECK
    vmov d2, r2, r3
    vstr d2, [r6, #16]
    vldr d3, [r6, #16]
    vmov r0, r1, d3
    EXPECT r0, 0x3f800000
    EXPECT r1, 0x55667788
    NEXT_CHECK                      /* VSTM increment after, writeback */
    vmov.f32 s0, #1.0
    vmov.f32 s1, #2.0
    vmov.f32 s2, #3.0
    mov r7, r6
    vstmia r7!, {s0-s2}
    sub r0, r7, r6
    EXPECT r0, 12
    ldr r0, [r6, #8]
    EXPECT r0, 0x40400000
    NEXT_CHECK                      /* VLDM decrement before, writeback */
    vldmdb r7!, {s20-s22}
    EXPECT_SAME r7, r6
    vmov r0, s21
    EXPECT r0, 0x40000000
    NEXT_CHECK                      /* double registers, no writeback */
    vldmia r6, {d12-d13}
    vmov r0, s25
    EXPECT r0, 0x40000000
    vstmia r6, {d12}
    NEXT_CHECK                      /* VPUSH and VPOP move SP */
    mov r8, sp
    vmov.f32 s16, #4.0
    vmov.f32 s17, #5.0
    vpush {s16-s17}
    mov r9, sp
    sub r0, r8, r9
    EXPECT r0, 8
    ldr r0, [sp, #4]
    EXPECT r0, 0x40a00000
    vpush {d8}
    vpop {d9}
    vpop {s2, s3}
    mov r9, sp
    EXPECT_SAME r9, r8
    vmov r0, r1, d9
    EXPECT r0, 0x40800000
    EXPECT r1, 0x40a00000
    vmov r0, s3
    EXPECT r0, 0x40a00000
    NEXT_CHECK                      /* VLDR needs word alignment */
    WR32 SCB_SHCSR, SHCSR_USGFAULTENA
    add r7, r6, #2
    EXC_EXPECT
    vldr s4, [r7]
    WR32 SCB_SHCSR, 0
    CHECK_EXC EXC_USAGEFAULT
    CHECK_EXC_FIELD ST_CFSR, CFSR_UNALIGNED

    /* In an IT block, a failing condition skips the FP instruction. */
    NEXT_CHECK
    vmov.f32 s5, #1.0
    vmov.f32 s6, #1.0
    movs r0, #1
    cmp r0, #1
    ite ne
    vaddne.f32 s5, s5, s6
    vsubeq.f32 s6, s6, s6
    vmov r0, r1, s5, s6
    EXPECT r0, 0x3f800000
    EXPECT r1, 0

    TEST_PASS

    .align 2
fp_literal:
    .word 0x40490fdb

    .bss
    .align 3
fp_buf:
    .space 64
