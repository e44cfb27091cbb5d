/* SPDX-License-Identifier: MIT */
/*
 * The Cortex-M7's FPv5-D16 (ARMv7-M ARM A7.7 with FPv5, ARMv8-M ARM for
 * the FPv5 additions): double precision arithmetic, rounding, FZ and NaN
 * propagation; VCVT between double and single, to and from integers, to
 * and from fixed point (a D register holds the extended result), VCVTB/T
 * with double; VRINTA/N/P/M/R/Z/X, VCVTA/N/P/M, VSEL on the APSR flags,
 * VMAXNM/VMINNM with quiet and signaling NaNs; VMOV.F64 and D-register
 * transfers. M7 only (mps2-an500); expected values agree with QEMU there.
 */
#include "test.h"

    .fpu fpv5-d16

#define CPACR 0xe000ed88
#define RN 0x00000000
#define RP 0x00400000
#define RM 0x00800000
#define RZ 0x00c00000
#define FZ 0x01000000
#define DN 0x02000000
#define IOC 0x01
#define DZC 0x02
#define OFC 0x04
#define UFC 0x08
#define IXC 0x10
#define IDC 0x80

/* One case: FPSCR = mode; d1 = a, d2 = b, d0 = c (each hi:lo); insn;
 * d0 must be rhi:rlo and FPSCR mode | flags. */
.macro TEST_D insn, rhi, rlo, flags, ahi, alo, bhi=0, blo=0, chi=0, clo=0, mode=0
    NEXT_CHECK
    LI r1, \alo
    LI r2, \ahi
    vmov d1, r1, r2
    LI r1, \blo
    LI r2, \bhi
    vmov d2, r1, r2
    LI r1, \clo
    LI r2, \chi
    vmov d0, r1, r2
    LI r4, \mode
    vmsr fpscr, r4
    \insn
    vmov r0, r1, d0
    vmrs r5, fpscr
    EXPECT r0, \rlo
    EXPECT r1, \rhi
    EXPECT r5, (\mode) | (\flags)
.endm

TEST_BEGIN vfp5
    WR32 CPACR, 0x00f00000
    SYNC

    /* Double precision arithmetic. */
    TEST_D "vadd.f64 d0, d1, d2", 0x40080000, 0, 0, 0x3ff00000, 0, 0x40000000, 0
    TEST_D "vmul.f64 d0, d1, d2", 0xc0180000, 0, 0, 0x40000000, 0, 0xc0080000, 0
    TEST_D "vdiv.f64 d0, d1, d2", 0x3fd55555, 0x55555555, IXC, 0x3ff00000, 0, 0x40080000, 0
    TEST_D "vdiv.f64 d0, d1, d2", 0x3fd55555, 0x55555556, IXC, 0x3ff00000, 0, 0x40080000, 0, 0, 0, RP
    TEST_D "vsqrt.f64 d0, d1", 0x3ff6a09e, 0x667f3bcd, IXC, 0x40000000, 0
    TEST_D "vdiv.f64 d0, d1, d2", 0x7ff00000, 0, DZC, 0x3ff00000, 0, 0, 0
    TEST_D "vmul.f64 d0, d1, d2", 0x7fefffff, 0xffffffff, OFC | IXC, 0x7fefffff, 0xffffffff, 0x40000000, 0, 0, 0, RZ
    /* (1 + 2^-27)^2 - 1: fused keeps the 2^-54, chained rounds it away. */
    TEST_D "vfma.f64 d0, d1, d2", 0x3e500000, 0x01000000, 0, 0x3ff00000, 0x02000000, 0x3ff00000, 0x02000000, 0xbff00000, 0
    TEST_D "vmla.f64 d0, d1, d2", 0x3e500000, 0, IXC, 0x3ff00000, 0x02000000, 0x3ff00000, 0x02000000, 0xbff00000, 0
    /* NaNs and FZ in double precision. */
    TEST_D "vadd.f64 d0, d1, d2", 0x7ff80000, 0x00000123, IOC, 0x7ff00000, 0x123, 0x3ff00000, 0
    TEST_D "vadd.f64 d0, d1, d2", 0x7ff80000, 0, IOC, 0x7ff00000, 0x123, 0x3ff00000, 0, 0, 0, DN
    TEST_D "vadd.f64 d0, d1, d2", 0x80000000, 0, IDC, 0x800fffff, 0xffffffff, 0x80000000, 0, 0, 0, FZ
    TEST_D "vmul.f64 d0, d1, d2", 0, 0, UFC, 0x00100000, 0, 0x3fe00000, 0, 0, 0, FZ
    TEST_D "vcmpe.f64 d1, d2", 0, 0, 0x30000000 | IOC, 0x7ff80000, 0, 0, 0

    /* Between double and single precision. */
    TEST_D "vcvt.f64.f32 d0, s2", 0x3ff80000, 0, 0, 0, 0x3fc00000
    TEST_D "vcvt.f32.f64 s0, d1", 0xabcdabcd, 0x3eaaaaab, IXC, 0x3fd55555, 0x55555555, 0, 0, 0xabcdabcd, 0
    TEST_D "vcvt.f32.f64 s0, d1", 0, 0x7f800000, OFC | IXC, 0x47f00000, 0
    TEST_D "vcvt.f32.f64 s0, d1", 0, 0, UFC, 0x37f00000, 0, 0, 0, 0, 0, FZ
    TEST_D "vcvt.f32.f64 s0, d1", 0, 0x7fe00000, IOC, 0x7ff40000, 0
    /* Integers and fixed point. */
    TEST_D "vcvt.s32.f64 s0, d1", 0, 0xfffffffe, IXC, 0xc0040000, 0
    TEST_D "vcvtr.s32.f64 s0, d1", 0, 0xfffffffd, IXC, 0xc0040000, 0, 0, 0, 0, 0, RM
    TEST_D "vcvt.u32.f64 s0, d1", 0, 0xffffffff, IOC, 0x41f00000, 0
    TEST_D "vcvt.f64.s32 d0, s2", 0xc1e00000, 0, 0, 0, 0x80000000
    TEST_D "vcvt.f64.u32 d0, s2", 0x41efffff, 0xffe00000, 0, 0, 0xffffffff
    TEST_D "vcvt.s32.f64 d0, d0, #16", 0xffffffff, 0xfffe8000, 0, 0, 0, 0, 0, 0xbff80000, 0
    TEST_D "vcvt.u16.f64 d0, d0, #4", 0, 0x0000ffff, IOC, 0, 0, 0, 0, 0x40d00000, 0
    TEST_D "vcvt.f64.s32 d0, d0, #16", 0x3ff80000, 0, 0, 0, 0, 0, 0, 0x12345678, 0x00018000
    /* Half precision from and to double. */
    TEST_D "vcvtb.f64.f16 d0, s2", 0x3ff00000, 0, 0, 0, 0xabcd3c00
    TEST_D "vcvtt.f64.f16 d0, s2", 0xc0000000, 0, 0, 0, 0xc000abcd
    TEST_D "vcvtb.f16.f64 s0, d1", 0, 0x00003c01, IXC, 0x3ff00200, 0x00001000
    TEST_D "vcvtt.f16.f64 s0, d1", 0, 0x7c001234, OFC | IXC, 0x40f00000, 0, 0, 0, 0, 0x1234

    /* VRINT: to an integral value in the format; only VRINTX is inexact. */
    TEST_D "vrinta.f64 d0, d1", 0xc0080000, 0, 0, 0xc0040000, 0     /* -2.5 -> -3 */
    TEST_D "vrintn.f64 d0, d1", 0xc0000000, 0, 0, 0xc0040000, 0     /* -2.5 -> -2 */
    TEST_D "vrintp.f64 d0, d1", 0xc0000000, 0, 0, 0xc0040000, 0
    TEST_D "vrintm.f64 d0, d1", 0xc0080000, 0, 0, 0xc0040000, 0
    TEST_D "vrintz.f64 d0, d1", 0x80000000, 0, 0, 0xbfe00000, 0     /* -0.5 -> -0 */
    TEST_D "vrintr.f64 d0, d1", 0x40000000, 0, 0, 0x3ffc0000, 0, 0, 0, 0, 0, RP
    TEST_D "vrintx.f64 d0, d1", 0x40000000, 0, IXC, 0x3ffc0000, 0
    TEST_D "vrintx.f64 d0, d1", 0x43300000, 1, 0, 0x43300000, 1
    TEST_D "vrinta.f32 s0, s2", 0, 0x40400000, 0, 0, 0x40200000    /* 2.5 -> 3 */
    TEST_D "vrintm.f32 s0, s2", 0, 0xc0400000, 0, 0, 0xc0200000
    /* VCVTA/N/P/M: to integers with their own rounding. */
    TEST_D "vcvta.s32.f64 s0, d1", 0, 0xfffffffd, IXC, 0xc0040000, 0
    TEST_D "vcvtn.s32.f64 s0, d1", 0, 0xfffffffe, IXC, 0xc0040000, 0
    TEST_D "vcvtp.u32.f64 s0, d1", 0, 0x00000003, IXC, 0x40040000, 0
    TEST_D "vcvtm.s32.f32 s0, s2", 0, 0xfffffffd, IXC, 0, 0xc0200000
    TEST_D "vcvta.u32.f32 s0, s2", 0, 0, IOC, 0, 0x7fc00000

    /* VMAXNM/VMINNM: a quiet NaN loses, a signaling one propagates. */
    TEST_D "vmaxnm.f64 d0, d1, d2", 0x3ff00000, 0, 0, 0x7ff80000, 0, 0x3ff00000, 0
    TEST_D "vminnm.f64 d0, d1, d2", 0xbff00000, 0, 0, 0xbff00000, 0, 0x7ff80000, 0
    TEST_D "vmaxnm.f64 d0, d1, d2", 0x7ff80000, 1, IOC, 0x7ff00000, 1, 0x3ff00000, 0
    TEST_D "vmaxnm.f64 d0, d1, d2", 0, 0, 0, 0x80000000, 0, 0, 0
    TEST_D "vminnm.f64 d0, d1, d2", 0x80000000, 0, 0, 0, 0, 0x80000000, 0
    TEST_D "vminnm.f32 s0, s2, s4", 0, 0xc0000000, 0, 0, 0x3f800000, 0, 0xc0000000

    /* VSEL chooses by the APSR flags, not FPSCR. */
    NEXT_CHECK
    vmov.f64 d1, #1.0
    vmov.f64 d2, #-1.0
    SET_FLAGS FLAG_Z
    vseleq.f64 d0, d1, d2
    vselgt.f64 d3, d1, d2
    vmov r0, r1, d0
    EXPECT r1, 0x3ff00000
    vmov r0, r1, d3
    EXPECT r1, 0xbff00000
    NEXT_CHECK
    LI r2, 0x11111111
    LI r3, 0x22222222
    vmov s2, r2
    vmov s4, r3
    SET_FLAGS FLAG_N | FLAG_V
    vselge.f32 s0, s2, s4
    vselvs.f32 s1, s4, s2
    vmov r0, r1, s0, s1
    EXPECT r0, 0x11111111
    EXPECT r1, 0x22222222

    /* VMOV.F64 immediate and register, D loads and stores. */
    NEXT_CHECK
    vmov.f64 d5, #-0.125
    vmov.f64 d6, d5
    vmov r0, r1, d6
    EXPECT r0, 0
    EXPECT r1, 0xbfc00000
    NEXT_CHECK
    LI r6, d_buf
    vstr d6, [r6, #8]
    ldr r0, [r6, #12]
    EXPECT r0, 0xbfc00000
    vldr d7, [r6, #8]
    vneg.f64 d7, d7
    vabs.f64 d8, d7
    vmov r0, r1, d8
    EXPECT r1, 0x3fc00000

    TEST_PASS

    .bss
    .align 3
d_buf:
    .space 32
