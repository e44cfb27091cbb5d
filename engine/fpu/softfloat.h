/* SPDX-License-Identifier: MIT */
/*
 * IEEE 754-2008 binary32 and binary64 arithmetic in integer code, bit-exact
 * on every host: the operations guest floating-point units have in common
 * (add, sub, mul, div, sqrt, fused multiply-add, comparisons, conversions
 * to and from integers and between the two formats), in five rounding
 * modes, with the five exception flags. Targets add what is theirs (NaN
 * boxing, classify, min/max, their flag register layout) on top.
 *
 * Conventions every caller gets (the RISC-V ones; see doc/design.md,
 * "Floating point"):
 *   - a NaN result is the default NaN of the format (sign 0, quiet bit,
 *     payload 0); an operand NaN never propagates. A signaling NaN operand
 *     raises invalid.
 *   - tininess is detected after rounding; underflow is raised when the
 *     result is tiny and inexact.
 *   - float-to-integer conversions saturate and raise invalid (not inexact)
 *     when the rounded value does not fit; NaN converts to the largest
 *     positive integer.
 * Values are passed as their bit patterns (uint32_t, uint64_t).
 */
#ifndef MOSAIC_FPU_SOFTFLOAT_H
#define MOSAIC_FPU_SOFTFLOAT_H

#include <stdbool.h>
#include <stdint.h>

/* Rounding modes, numbered as RISC-V's rm field. */
enum sf_round {
    SF_RNE = 0, /* to nearest, ties to even */
    SF_RTZ = 1, /* toward zero */
    SF_RDN = 2, /* toward -infinity */
    SF_RUP = 3, /* toward +infinity */
    SF_RMM = 4, /* to nearest, ties away from zero */
};

/* Exception flags, as the bits of RISC-V's fflags. */
#define SF_NX 0x01 /* inexact */
#define SF_UF 0x02 /* underflow */
#define SF_OF 0x04 /* overflow */
#define SF_DZ 0x08 /* division by zero */
#define SF_NV 0x10 /* invalid operation */

/* Options of struct sf_status.mode; 0 is the default described above.
 * They exist for Arm's FPSCR (ARMv7-M ARM A2.5.3, FPRound()):
 *   SF_TININESS_BEFORE: a nonzero result is tiny when its exact value is
 *     below the smallest normal (before rounding), not after rounding.
 *   SF_FLUSH_OUT: a result whose exact value is below the smallest normal
 *     becomes a zero of its sign, raising underflow but not inexact (the
 *     output half of flush-to-zero; the caller flushes input subnormals).
 *     Conversions to half precision ignore it. */
#define SF_TININESS_BEFORE 0x01
#define SF_FLUSH_OUT 0x02

/* The environment of one operation: its rounding mode and options in,
 * flags out (accumulated: an operation only ever sets bits). */
struct sf_status {
    uint8_t round; /* enum sf_round */
    uint8_t flags;
    uint8_t mode; /* SF_TININESS_BEFORE, SF_FLUSH_OUT */
};

#define SF_F32_DEFAULT_NAN 0x7fc00000u
#define SF_F64_DEFAULT_NAN 0x7ff8000000000000ull

uint32_t sf_f32_add(uint32_t a, uint32_t b, struct sf_status *st);
uint32_t sf_f32_sub(uint32_t a, uint32_t b, struct sf_status *st);
uint32_t sf_f32_mul(uint32_t a, uint32_t b, struct sf_status *st);
uint32_t sf_f32_div(uint32_t a, uint32_t b, struct sf_status *st);
uint32_t sf_f32_sqrt(uint32_t a, struct sf_status *st);
/* a * b + c with one rounding; infinity times zero raises invalid even
 * when c is a quiet NaN. Negated forms negate operands first. */
uint32_t sf_f32_fma(uint32_t a, uint32_t b, uint32_t c, struct sf_status *st);

uint64_t sf_f64_add(uint64_t a, uint64_t b, struct sf_status *st);
uint64_t sf_f64_sub(uint64_t a, uint64_t b, struct sf_status *st);
uint64_t sf_f64_mul(uint64_t a, uint64_t b, struct sf_status *st);
uint64_t sf_f64_div(uint64_t a, uint64_t b, struct sf_status *st);
uint64_t sf_f64_sqrt(uint64_t a, struct sf_status *st);
uint64_t sf_f64_fma(uint64_t a, uint64_t b, uint64_t c, struct sf_status *st);

/* Comparisons. The quiet one (eq) raises invalid only for a signaling
 * NaN, the signaling ones (lt, le) for any NaN; unordered is false. */
bool sf_f32_eq(uint32_t a, uint32_t b, struct sf_status *st);
bool sf_f32_lt(uint32_t a, uint32_t b, struct sf_status *st);
bool sf_f32_le(uint32_t a, uint32_t b, struct sf_status *st);
bool sf_f64_eq(uint64_t a, uint64_t b, struct sf_status *st);
bool sf_f64_lt(uint64_t a, uint64_t b, struct sf_status *st);
bool sf_f64_le(uint64_t a, uint64_t b, struct sf_status *st);
/* Quiet a < b with -0 < +0, false when unordered; no flags. For
 * minimum/maximum operations. */
bool sf_f32_lt_total(uint32_t a, uint32_t b);
bool sf_f64_lt_total(uint64_t a, uint64_t b);

bool sf_f32_is_nan(uint32_t a);
bool sf_f32_is_snan(uint32_t a);
bool sf_f64_is_nan(uint64_t a);
bool sf_f64_is_snan(uint64_t a);

/* Between the formats. */
uint64_t sf_f32_to_f64(uint32_t a, struct sf_status *st);
uint32_t sf_f64_to_f32(uint64_t a, struct sf_status *st);

/* IEEE 754 binary16 (half precision) to and from the other formats. A
 * half NaN operand gives the default NaN 0x7e00 (or the wider format's);
 * widening is exact. */
#define SF_F16_DEFAULT_NAN 0x7e00u
uint16_t sf_f32_to_f16(uint32_t a, struct sf_status *st);
uint16_t sf_f64_to_f16(uint64_t a, struct sf_status *st);
uint32_t sf_f16_to_f32(uint16_t a, struct sf_status *st);
uint64_t sf_f16_to_f64(uint16_t a, struct sf_status *st);

/* To integers, rounding in st->round. The 32-bit results are returned in
 * the low half, as the C type of the name. */
int32_t sf_f32_to_i32(uint32_t a, struct sf_status *st);
uint32_t sf_f32_to_u32(uint32_t a, struct sf_status *st);
int64_t sf_f32_to_i64(uint32_t a, struct sf_status *st);
uint64_t sf_f32_to_u64(uint32_t a, struct sf_status *st);
int32_t sf_f64_to_i32(uint64_t a, struct sf_status *st);
uint32_t sf_f64_to_u32(uint64_t a, struct sf_status *st);
int64_t sf_f64_to_i64(uint64_t a, struct sf_status *st);
uint64_t sf_f64_to_u64(uint64_t a, struct sf_status *st);

/* From integers (64-bit sources cover the 32-bit ones exactly). */
uint32_t sf_i64_to_f32(int64_t v, struct sf_status *st);
uint32_t sf_u64_to_f32(uint64_t v, struct sf_status *st);
uint64_t sf_i64_to_f64(int64_t v, struct sf_status *st);
uint64_t sf_u64_to_f64(uint64_t v, struct sf_status *st);

#endif
