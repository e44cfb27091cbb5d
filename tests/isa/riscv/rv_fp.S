/* SPDX-License-Identifier: MIT */
/*
 * F and D around the arithmetic (which tests/firmware/fp/fpdiff.c checks
 * bit for bit against QEMU): misa; mstatus.FS (privileged spec 3.1.6.6):
 * while Off every FP instruction and FP CSR access raises illegal
 * instruction with mtval = the encoding, an FP write makes it Dirty and
 * SD follows, stores and moves to x registers leave Clean alone; fcsr,
 * frm and fflags (unprivileged spec 11.2); reserved static rounding modes
 * and a reserved frm under the dynamic one are illegal; each rounding mode
 * on a tie; the five flags and their accumulation; NaN boxing of singles
 * (13.2: flw and fmv.w.x box, an unboxed operand reads as the canonical
 * NaN, fmv.x.w and fsw move the low half as it is); fmin/fmax with NaNs
 * and signed zeros; saturating conversions and the sign extension of
 * 32-bit results; the fused multiply-add signs; and the compressed FP
 * loads and stores.
 */
#include "test.h"

    .option arch, +d

#define MSTATUS_FS 0x6000
#define FS_INITIAL 0x2000
#define FS_CLEAN 0x4000
#define FS_SHIFT 13

#define F_NX 1
#define F_UF 2
#define F_OF 4
#define F_DZ 8
#define F_NV 16

#define ONE_D 0x3ff0000000000000
#define TWO_D 0x4000000000000000
#define THREE_D 0x4008000000000000
#define QNAN_D 0x7ff8000000000000
#define SNAN_D 0x7ff4000000000000
#define ONE_S 0xffffffff3f800000
#define MINUS_ONE_S 0xffffffffbf800000
#define QNAN_S 0xffffffff7fc00000
#define SNAN_S 0xffffffff7fa00000

/* freg = the 64-bit pattern val (through memory, so also on rv32). */
.macro FLOAD freg, val
    .pushsection .rodata.fpconst, "a"
    .balign 8
.Lk\@:
    .8byte \val
    .popsection
    la t2, .Lk\@
    fld \freg, 0(t2)
.endm

/* Within the current case: the 64 bits of freg equal val. */
.macro CMP_F freg, val
    la t2, fbuf
    fsd \freg, 0(t2)
#if XLEN == 64
    ld a7, 0(t2)
    CMP a7, \val
#else
    lw a7, 0(t2)
    CMP a7, ((\val) & 0xffffffff)
    lw a7, 4(t2)
    CMP a7, (((\val) >> 32) & 0xffffffff)
#endif
.endm

.macro CHECK_F freg, val
    NEXT_CHECK
    CMP_F \freg, \val
.endm

/* Within the current case: fflags is val; then clear it. */
.macro CMP_FLAGS val
    csrrw a7, fflags, zero
    CMP a7, \val
.endm

/* One case: op fd, fs1, fs2 on patterns gives res and exactly flags. */
.macro TEST_FRR op, res, flags, a, b
    NEXT_CHECK
    FLOAD fa1, \a
    FLOAD fa2, \b
    csrw fflags, zero
    \op fa0, fa1, fa2
    CMP_F fa0, \res
    CMP_FLAGS \flags
.endm

/* One case: op rd, fs1 (, rm) gives the integer res and flags. */
.macro TEST_FX op, res, flags, a, rm=dyn
    NEXT_CHECK
    FLOAD fa1, \a
    csrw fflags, zero
    \op a0, fa1, \rm
    CMP a0, \res
    CMP_FLAGS \flags
.endm

/* One case: the instruction (not compressed) raises illegal instruction,
 * mtval = it. */
.macro TEST_ILLEGAL insn:vararg
    TRAP_EXPECT
    .option push
    .option norvc
.Linsn\@:
    \insn
    .option pop
    CHECK_TRAP CAUSE_ILLEGAL
    LOAD_INSN a5, .Linsn\@
    CHECK_TVAL_REG a5
.endm

/* The same for a 16-bit encoding. */
.macro TEST_ILLEGAL16 insn:vararg
    TRAP_EXPECT
.Linsn\@:
    \insn
    CHECK_TRAP CAUSE_ILLEGAL
    la a5, .Linsn\@
    lhu a5, 0(a5)
    CHECK_TVAL_REG a5
.endm

/* mstatus.FS into reg. */
.macro READ_FS reg
    csrr \reg, mstatus
    srli \reg, \reg, FS_SHIFT
    andi \reg, \reg, 3
.endm

/* Set mstatus.FS to the field value fs (a constant already shifted). */
.macro SET_FS fs
    li t2, MSTATUS_FS
    csrc mstatus, t2
    li t2, \fs
    csrs mstatus, t2
.endm

TEST_BEGIN fp

    /* misa: D (bit 3) and F (bit 5) */
    csrr a0, misa
    andi a0, a0, 0x28
    CHECK a0, 0x28

    /* FS is Off at reset: FP instructions and CSRs are illegal */
    READ_FS a0
    CHECK a0, 0
    la a1, fbuf
    TEST_ILLEGAL fadd.d fa0, fa1, fa2
    TEST_ILLEGAL flw fa0, 0(a1)
    TEST_ILLEGAL fsd fa0, 0(a1)
    TEST_ILLEGAL fmv.x.w a0, fa0
    TEST_ILLEGAL fmv.w.x fa0, a0
    TEST_ILLEGAL fsgnj.d fa0, fa1, fa2
    TEST_ILLEGAL csrr a0, fcsr
    TEST_ILLEGAL csrw frm, zero
    TEST_ILLEGAL csrwi fflags, 1
    TEST_ILLEGAL16 c.fld fa0, 0(a1)

    /* Initial: SD clear; an arithmetic result makes it Dirty and sets SD */
    SET_FS FS_INITIAL
    READ_FS a0
    CHECK a0, 1
    csrr a0, mstatus
    srli a0, a0, XLEN - 1
    CHECK a0, 0
    FLOAD fa1, ONE_D
    SET_FS FS_INITIAL
    fadd.d fa0, fa1, fa1
    READ_FS a0
    CHECK a0, 3
    csrr a0, mstatus
    srli a0, a0, XLEN - 1
    CHECK a0, 1

    /* Clean: stores, moves to x registers, fclass and reading fcsr keep
     * it; a load, a move to an f register or writing fflags dirty it */
    SET_FS FS_CLEAN
    la a1, fbuf
    fsd fa0, 0(a1)
    fsw fa0, 0(a1)
    fmv.x.w a0, fa0
    fclass.d a0, fa0
    csrr a0, fcsr
    READ_FS a0
    CHECK a0, 2
    csrr a0, mstatus
    srli a0, a0, XLEN - 1
    CHECK a0, 0
    fld fa2, 0(a1)
    READ_FS a0
    CHECK a0, 3
    SET_FS FS_CLEAN
    fmv.w.x fa2, zero
    READ_FS a0
    CHECK a0, 3
    SET_FS FS_CLEAN
    csrwi fflags, 0
    READ_FS a0
    CHECK a0, 3

    /* fcsr = frm << 5 | fflags, 8 bits */
    li a0, -1
    csrw fcsr, a0
    csrr a0, fcsr
    CHECK a0, 0xff
    csrr a0, frm
    CHECK a0, 7
    csrr a0, fflags
    CHECK a0, 0x1f
    csrwi frm, 2
    csrr a0, fcsr
    CHECK a0, 0x5f
    csrrci a0, fflags, 0x1b
    CHECK a0, 0x1f
    csrr a0, fcsr
    CHECK a0, 0x44
    fsrmi a0, 0
    CHECK a0, 2
    fsflags zero
    csrr a0, fcsr
    CHECK a0, 0

    /* ties under each static rounding mode: 2.5 and -2.5 to integers */
#define P25 0x4004000000000000
#define M25 0xc004000000000000
    TEST_FX fcvt.w.d, 2, F_NX, P25, rne
    TEST_FX fcvt.w.d, 3, F_NX, P25, rmm
    TEST_FX fcvt.w.d, 2, F_NX, P25, rtz
    TEST_FX fcvt.w.d, 2, F_NX, P25, rdn
    TEST_FX fcvt.w.d, 3, F_NX, P25, rup
    TEST_FX fcvt.w.d, -2, F_NX, M25, rne
    TEST_FX fcvt.w.d, -3, F_NX, M25, rmm
    TEST_FX fcvt.w.d, -2, F_NX, M25, rtz
    TEST_FX fcvt.w.d, -3, F_NX, M25, rdn
    TEST_FX fcvt.w.d, -2, F_NX, M25, rup
    /* the dynamic mode follows frm */
    csrwi frm, 4
    TEST_FX fcvt.w.d, 3, F_NX, P25
    csrwi frm, 2
    TEST_FX fcvt.w.d, -3, F_NX, M25
    csrwi frm, 0

    /* reserved rounding modes: static 5 and 6, frm 5..7 under dyn */
    TEST_ILLEGAL .insn r 0x53, 5, 0x01, fa0, fa1, fa2
    TEST_ILLEGAL .insn r 0x53, 6, 0x01, fa0, fa1, fa2
    TEST_ILLEGAL .insn r 0x53, 5, 0x61, a0, fa1, x0
    csrwi frm, 5
    TEST_ILLEGAL fadd.d fa0, fa1, fa2
    csrwi frm, 6
    TEST_ILLEGAL fmul.s fa0, fa1, fa2
    csrwi frm, 7
    TEST_ILLEGAL fcvt.s.d fa0, fa1
    csrwi frm, 0
    /* an instruction without rounding mode does not care about frm */
    csrwi frm, 7
    FLOAD fa1, ONE_D
    fsgnjn.d fa0, fa1, fa1
    CHECK_F fa0, 0xbff0000000000000
    csrwi frm, 0

    /* the five flags */
    TEST_FRR fdiv.d, 0x7ff0000000000000, F_DZ, ONE_D, 0
    TEST_FRR fdiv.d, QNAN_D, F_NV, 0, 0
    TEST_FRR fadd.d, ONE_D, F_NX, ONE_D, 0x3c30000000000000
    TEST_FRR fmul.d, 0x7ff0000000000000, F_OF | F_NX, 0x7fefffffffffffff, TWO_D
    TEST_FRR fmul.d, 0x0008000000000000, 0, 0x0010000000000000, 0x3fe0000000000000
    TEST_FRR fmul.d, 0x0005555555555555, F_UF | F_NX, 0x0010000000000000, 0x3fd5555555555555
    TEST_FRR fadd.d, QNAN_D, F_NV, SNAN_D, ONE_D
    TEST_FRR fadd.d, QNAN_D, 0, QNAN_D, ONE_D
    TEST_FRR fsub.d, QNAN_D, F_NV, 0x7ff0000000000000, 0x7ff0000000000000
    /* flags accumulate until cleared */
    NEXT_CHECK
    FLOAD fa1, ONE_D
    FLOAD fa2, 0
    csrw fflags, zero
    fdiv.d fa0, fa1, fa2
    fdiv.d fa0, fa2, fa2
    CMP_FLAGS F_DZ | F_NV

    /* NaN boxing: flw and fmv.w.x box */
    NEXT_CHECK
    la a1, fbuf
    li a0, 0x3fc00000
    sw a0, 0(a1)
    flw fa0, 0(a1)
    CMP_F fa0, 0xffffffff3fc00000
    NEXT_CHECK
    li a0, 0x40490fdb
    fmv.w.x fa0, a0
    CMP_F fa0, 0xffffffff40490fdb
    /* an operand that is not boxed is the canonical NaN (quiet: no flag) */
    TEST_FRR fadd.s, QNAN_S, 0, 0x000000003f800000, ONE_S
    TEST_FRR fadd.s, QNAN_S, 0, 0xfffffffe3f800000, ONE_S
    TEST_FRR fadd.s, 0xffffffff40000000, 0, ONE_S, ONE_S
    TEST_FRR fsgnj.s, 0xffffffffffc00000, 0, 0x000000003f800000, MINUS_ONE_S
    TEST_FRR fsgnjx.s, 0xffffffffbf800000, 0, ONE_S, MINUS_ONE_S
    TEST_FRR fsgnjn.s, MINUS_ONE_S, 0, ONE_S, 0x00000000bf800000
    NEXT_CHECK
    FLOAD fa1, 0x00000000bf800000
    fcvt.d.s fa0, fa1
    CMP_F fa0, QNAN_D
    fclass.s a0, fa1
    CMP a0, 0x200
    /* fmv.x.w and fsw move the low half as it is, sign-extended */
    NEXT_CHECK
    FLOAD fa1, 0x12345678c0000000
    fmv.x.w a0, fa1
    CMP a0, -0x40000000
    la a1, fbuf
    sw zero, 0(a1)
    fsw fa1, 0(a1)
    lw a0, 0(a1)
    CMP a0, -0x40000000
    /* doubles: sign injection on all 64 bits */
    TEST_FRR fsgnj.d, 0x8000000000000001, 0, 0x0000000000000001, 0x8000000000000000
    TEST_FRR fsgnjx.d, 0x7ff8000000000000, 0, QNAN_D, ONE_D

    /* fmin/fmax: a NaN loses; two NaNs give the canonical NaN; -0 < +0 */
    TEST_FRR fmin.d, ONE_D, 0, QNAN_D, ONE_D
    TEST_FRR fmax.d, ONE_D, F_NV, ONE_D, SNAN_D
    TEST_FRR fmin.d, QNAN_D, F_NV, SNAN_D, 0xfff8000000000001
    TEST_FRR fmin.d, 0x8000000000000000, 0, 0, 0x8000000000000000
    TEST_FRR fmax.d, 0, 0, 0x8000000000000000, 0
    TEST_FRR fmin.s, MINUS_ONE_S, 0, 0x000000003f800000, MINUS_ONE_S
    TEST_FRR fmax.s, QNAN_S, F_NV, SNAN_S, 0x0000000000000000

    /* comparisons: feq is quiet, flt/fle signal on any NaN */
    NEXT_CHECK
    FLOAD fa1, QNAN_D
    FLOAD fa2, ONE_D
    csrw fflags, zero
    feq.d a0, fa1, fa2
    CMP a0, 0
    CMP_FLAGS 0
    flt.d a0, fa1, fa2
    CMP a0, 0
    CMP_FLAGS F_NV
    fle.d a0, fa2, fa2
    CMP a0, 1
    CMP_FLAGS 0
    FLOAD fa1, 0x8000000000000000
    FLOAD fa2, 0
    feq.d a0, fa1, fa2
    CMP a0, 1
    flt.d a0, fa1, fa2
    CMP a0, 0

    /* conversions saturate with NV only; 32-bit results sign-extend */
    TEST_FX fcvt.wu.d, 0, F_NV, 0xbff0000000000000
    TEST_FX fcvt.wu.d, 0, F_NX, 0xbfe0000000000000, rtz
    TEST_FX fcvt.w.d, 0x7fffffff, F_NV, QNAN_D
    TEST_FX fcvt.w.d, -0x80000000, F_NV, 0xfff0000000000000
    TEST_FX fcvt.w.s, 0x7fffffff, F_NV, 0xffffffff4f000000
    TEST_FX fcvt.wu.d, -0x1194d800, 0, 0x41edcd6500000000
    TEST_FX fcvt.wu.s, -1, F_NV, 0xffffffff7f800000
#if XLEN == 64
    TEST_FX fcvt.l.d, 0x7fffffffffffffff, F_NV, 0x43e0000000000000
    TEST_FX fcvt.lu.d, 0, F_NV, 0xc3e0000000000000
    TEST_FX fcvt.lu.s, 0x8000000000000000, 0, 0xffffffff5f000000
    NEXT_CHECK
    li a0, -3
    fcvt.d.l fa0, a0
    CMP_F fa0, 0xc008000000000000
    fcvt.s.lu fa0, a0
    CMP_F fa0, 0xffffffff5f800000
    li a0, 0x4008000000000000
    fmv.d.x fa0, a0
    fmv.x.d a1, fa0
    CMP a1, 0x4008000000000000
#endif
    NEXT_CHECK
    li a0, -3
    fcvt.d.w fa0, a0
    CMP_F fa0, 0xc008000000000000
    fcvt.s.wu fa0, a0, rtz
    CMP_F fa0, 0xffffffff4f7fffff
    fcvt.d.wu fa0, a0
    CMP_F fa0, 0x41efffffffa00000

    /* fused multiply-add signs: 2 * 3 and 1 */
    NEXT_CHECK
    FLOAD fa1, TWO_D
    FLOAD fa2, THREE_D
    FLOAD fa3, ONE_D
    fmadd.d fa0, fa1, fa2, fa3
    CMP_F fa0, 0x401c000000000000
    fmsub.d fa0, fa1, fa2, fa3
    CMP_F fa0, 0x4014000000000000
    fnmsub.d fa0, fa1, fa2, fa3
    CMP_F fa0, 0xc014000000000000
    fnmadd.d fa0, fa1, fa2, fa3
    CMP_F fa0, 0xc01c000000000000
    /* infinity times zero is invalid even with a quiet NaN addend */
    NEXT_CHECK
    FLOAD fa1, 0x7ff0000000000000
    FLOAD fa2, 0
    FLOAD fa3, QNAN_D
    csrw fflags, zero
    fmadd.d fa0, fa1, fa2, fa3
    CMP_F fa0, QNAN_D
    CMP_FLAGS F_NV

    /* compressed loads and stores */
    NEXT_CHECK
    la s0, fbuf
    FLOAD fs1, 0x0123456789abcdef
    c.fsd fs1, 8(s0)
    c.fld fa5, 8(s0)
    CMP_F fa5, 0x0123456789abcdef
    mv t3, sp
    mv sp, s0
    FLOAD ft1, THREE_D
    c.fsdsp ft1, 16(sp)
    c.fldsp ft2, 16(sp)
    mv sp, t3
    CMP_F ft2, THREE_D
#if XLEN == 32
    NEXT_CHECK
    la s0, fbuf
    FLOAD fs1, 0xffffffff40490fdb
    c.fsw fs1, 4(s0)
    c.flw fa4, 4(s0)
    CMP_F fa4, 0xffffffff40490fdb
    mv t3, sp
    mv sp, s0
    c.fswsp fs1, 12(sp)
    c.flwsp ft3, 12(sp)
    mv sp, t3
    CMP_F ft3, 0xffffffff40490fdb
#endif

    TEST_PASS

    .bss
    .balign 16
fbuf:
    .space 32
