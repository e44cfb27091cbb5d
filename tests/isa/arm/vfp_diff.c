/* SPDX-License-Identifier: MIT */
/*
 * The differential floating-point test: every FP data-processing
 * instruction of FPv4-SP (and, built with -DFPV5, the double precision
 * and FPv5 ones of the Cortex-M7) on edge-case and random operands under
 * every FPSCR mode (four rounding modes, FZ, DN; AHP for the half
 * precision conversions). Each (instruction, mode) group prints one line
 * with a CRC-32 of every result and FPSCR after it, bit for bit; with
 * -DVERBOSE every case prints. tests/isa/arm/vfp_diff.sh runs it on
 * Mosaic and on qemu-system-arm and compares the output.
 *
 * Operands: zeros, subnormals, the normal range's edges, infinities,
 * quiet and signaling NaNs with payloads, integers and half-precision
 * boundaries, then random patterns biased to the same places and pairs a
 * few ulps apart (cancellation, ties).
 */
#include <stdbool.h>
#include <stdint.h>

void rt_putc(int c);
void rt_puts(const char *s);
const char test_name[] = "vfp-diff";

#define CPACR (*(volatile uint32_t *)0xe000ed88u)

/* ---- output ------------------------------------------------------------ */

static void put_hex(uint32_t v, int digits)
{
    for (int i = digits - 1; i >= 0; i--)
        rt_putc("0123456789abcdef"[(v >> (4 * i)) & 0xf]);
}

static uint32_t crc32(uint32_t crc, uint32_t v)
{
    for (int i = 0; i < 32; i++) {
        uint32_t b = (crc ^ (v >> i)) & 1;
        crc = (crc >> 1) ^ (b ? 0xedb88320u : 0);
    }
    return crc;
}

/* ---- operands ------------------------------------------------------------ */

static uint32_t rng = 0x2545f491u;

static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static const uint32_t special32[] = {
    0x00000000, 0x80000000, 0x00000001, 0x807fffff, 0x00400000, 0x00800000, 0x80800001, 0x00ffffff,
    0x3f800000, 0xbf800000, 0x3fc00000, 0x3f000000, 0x40400000, 0x3eaaaaab, 0x7f7fffff, 0xff7ffffe,
    0x7f000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7fd12345, 0x7f800001, 0xffa00000,
    0x7fbfffff, 0x4b000000, 0x4b7fffff, 0x4effffff, 0x4f000000, 0xcf000000, 0xcf000001, 0x4f800000,
    0x4f7fffff, 0xbf7fffff, 0x3effffff, 0x477fe000, 0x477ff000, 0x477fefff, 0x47ffe000, 0x47fff000,
    0x48000000, 0x38800000, 0x387fc000, 0x33800000, 0x33000000, 0x33000001, 0xb3c00000, 0x3f800001,
    0x3fffffff, 0x46fffe00, 0xc7000000, 0x45800000,
};
#define NSPECIAL32 (sizeof(special32) / sizeof(special32[0]))

/* A single-precision pattern: a special value, a random one, or one with
 * a random exponent near the edges. */
static uint32_t gen32(void)
{
    uint32_t r = rnd(), m = rnd() & 0x7fffff, sign = r & 0x80000000u;
    switch ((r >> 4) % 8) {
    case 0:
    case 1: return special32[(r >> 8) % NSPECIAL32];
    case 2: return rnd();
    case 3: return sign | m >> ((r >> 8) % 23);             /* subnormal */
    case 4: return sign | (1 + (r >> 8) % 3) << 23 | m;     /* small normal */
    case 5: return sign | (251 + (r >> 8) % 4) << 23 | m;   /* large */
    case 6: return sign | 0x7f800000u | (m ? m : 1);        /* NaN */
    default: return sign | (112 + (r >> 8) % 48) << 23 | m; /* 2^-15..2^32 */
    }
}

/* A second operand: independent, or close to the first or its negation. */
static uint32_t near32(uint32_t a)
{
    uint32_t r = rnd();
    if (r % 3)
        return gen32();
    return (a + (r >> 8) % 7 - 3) ^ ((r >> 12) & 1 ? 0x80000000u : 0);
}

#ifdef FPV5
static const uint64_t special64[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x3ff8000000000000ull,
    0x3fe0000000000000ull, 0x400c000000000000ull, 0x7fefffffffffffffull, 0x7ff0000000000000ull,
    0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000123ull, 0x7ff0000000000001ull,
    0x7ff4000000000000ull, 0x41dfffffffc00000ull, 0x41e0000000000000ull, 0xc1e0000000000000ull,
    0x41efffffffe00000ull, 0x41f0000000000000ull, 0x47efffffe0000000ull, 0x47efffff00000000ull,
    0x36a0000000000000ull, 0x3690000000000000ull, 0x380fffffffffffffull, 0x40effc0000000000ull,
    0x40effe0000000000ull, 0x3f10000000000000ull, 0x3e70000000000000ull, 0x4330000000000000ull,
    0x432fffffffffffffull, 0x3fe8000000000000ull, 0xc004000000000000ull, 0x4002000000000000ull,
};
#define NSPECIAL64 (sizeof(special64) / sizeof(special64[0]))

static uint64_t gen64(void)
{
    uint32_t r = rnd();
    uint64_t m = ((uint64_t)rnd() << 32 | rnd()) & 0xfffffffffffffull;
    uint64_t sign = (uint64_t)(r & 0x80000000u) << 32;
    switch ((r >> 4) % 8) {
    case 0:
    case 1: return special64[(r >> 8) % NSPECIAL64];
    case 2: return (uint64_t)rnd() << 32 | rnd();
    case 3: return sign | m >> ((r >> 8) % 52);
    case 4: return sign | (uint64_t)(1 + (r >> 8) % 3) << 52 | m;
    case 5: return sign | (uint64_t)(2043 + (r >> 8) % 4) << 52 | m;
    case 6: return sign | 0x7ff0000000000000ull | (m ? m : 1);
    case 7: /* around the single-precision range's edges */
        return sign | (uint64_t)(1023 - 150 + (r >> 8) % 32 + ((r >> 16) & 1) * 250) << 52 | m;
    default: return sign | (uint64_t)(1008 + (r >> 8) % 48) << 52 | m;
    }
}

static uint64_t near64(uint64_t a)
{
    uint32_t r = rnd();
    if (r % 3)
        return gen64();
    return (a + (r >> 8) % 7 - 3) ^ ((r >> 12) & 1 ? 0x8000000000000000ull : 0);
}
#endif

/* ---- the instructions ----------------------------------------------------- */

static inline void set_fpscr(uint32_t v)
{
    __asm volatile("vmsr fpscr, %0" : : "r"(v));
}

static inline uint32_t get_fpscr(void)
{
    uint32_t v;
    __asm volatile("vmrs %0, fpscr" : "=r"(v));
    return v;
}

/* s2 = insn(s0 = a, s1 = b, s2 = c). */
#define OP32(fn, insn)                                                                             \
    static uint32_t fn(uint32_t a, uint32_t b, uint32_t c)                                         \
    {                                                                                              \
        uint32_t r;                                                                                \
        __asm volatile("vmov s0, %1\n\tvmov s1, %2\n\tvmov s2, %3\n\t" insn "\n\tvmov %0, s2"      \
                       : "=r"(r)                                                                   \
                       : "r"(a), "r"(b), "r"(c)                                                    \
                       : "s0", "s1", "s2", "memory");                                              \
        return r;                                                                                  \
    }

OP32(f_add, "vadd.f32 s2, s0, s1")
OP32(f_sub, "vsub.f32 s2, s0, s1")
OP32(f_mul, "vmul.f32 s2, s0, s1")
OP32(f_nmul, "vnmul.f32 s2, s0, s1")
OP32(f_div, "vdiv.f32 s2, s0, s1")
OP32(f_mla, "vmla.f32 s2, s0, s1")
OP32(f_mls, "vmls.f32 s2, s0, s1")
OP32(f_nmla, "vnmla.f32 s2, s0, s1")
OP32(f_nmls, "vnmls.f32 s2, s0, s1")
OP32(f_fma, "vfma.f32 s2, s0, s1")
OP32(f_fms, "vfms.f32 s2, s0, s1")
OP32(f_fnma, "vfnma.f32 s2, s0, s1")
OP32(f_fnms, "vfnms.f32 s2, s0, s1")
OP32(f_sqrt, "vsqrt.f32 s2, s0")
OP32(f_abs, "vabs.f32 s2, s0")
OP32(f_neg, "vneg.f32 s2, s0")
OP32(f_cmp, "vcmp.f32 s0, s1")
OP32(f_cmpe, "vcmpe.f32 s0, s1")
OP32(f_cmpz, "vcmp.f32 s0, #0")
OP32(f_cmpez, "vcmpe.f32 s0, #0")
OP32(f_tosi, "vcvt.s32.f32 s2, s0")
OP32(f_toui, "vcvt.u32.f32 s2, s0")
OP32(f_tosir, "vcvtr.s32.f32 s2, s0")
OP32(f_touir, "vcvtr.u32.f32 s2, s0")
OP32(f_sito, "vcvt.f32.s32 s2, s0")
OP32(f_uito, "vcvt.f32.u32 s2, s0")
OP32(f_tosx16, "vcvt.s16.f32 s2, s2, #8")
OP32(f_toux16, "vcvt.u16.f32 s2, s2, #16")
OP32(f_tosx32, "vcvt.s32.f32 s2, s2, #16")
OP32(f_toux32, "vcvt.u32.f32 s2, s2, #1")
OP32(f_sx16to, "vcvt.f32.s16 s2, s2, #8")
OP32(f_ux16to, "vcvt.f32.u16 s2, s2, #16")
OP32(f_sx32to, "vcvt.f32.s32 s2, s2, #30")
OP32(f_ux32to, "vcvt.f32.u32 s2, s2, #1")
OP32(f_tohb, "vcvtb.f16.f32 s2, s0")
OP32(f_toht, "vcvtt.f16.f32 s2, s0")
OP32(f_hbto, "vcvtb.f32.f16 s2, s0")
OP32(f_htto, "vcvtt.f32.f16 s2, s0")

typedef uint32_t (*op32_fn)(uint32_t, uint32_t, uint32_t);

struct op32 {
    const char *name;
    op32_fn fn;
    uint8_t kind; /* how to make operands */
};

enum { GEN_F, GEN_INT, GEN_HALF };

/* clang-format off */
static const struct op32 ops32[] = {
    {"vadd.f32", f_add, GEN_F}, {"vsub.f32", f_sub, GEN_F}, {"vmul.f32", f_mul, GEN_F},
    {"vnmul.f32", f_nmul, GEN_F}, {"vdiv.f32", f_div, GEN_F}, {"vmla.f32", f_mla, GEN_F},
    {"vmls.f32", f_mls, GEN_F}, {"vnmla.f32", f_nmla, GEN_F}, {"vnmls.f32", f_nmls, GEN_F},
    {"vfma.f32", f_fma, GEN_F}, {"vfms.f32", f_fms, GEN_F}, {"vfnma.f32", f_fnma, GEN_F},
    {"vfnms.f32", f_fnms, GEN_F}, {"vsqrt.f32", f_sqrt, GEN_F}, {"vabs.f32", f_abs, GEN_F},
    {"vneg.f32", f_neg, GEN_F}, {"vcmp.f32", f_cmp, GEN_F}, {"vcmpe.f32", f_cmpe, GEN_F},
    {"vcmp.f32#0", f_cmpz, GEN_F}, {"vcmpe.f32#0", f_cmpez, GEN_F},
    {"vcvt.s32.f32", f_tosi, GEN_F}, {"vcvt.u32.f32", f_toui, GEN_F},
    {"vcvtr.s32.f32", f_tosir, GEN_F}, {"vcvtr.u32.f32", f_touir, GEN_F},
    {"vcvt.f32.s32", f_sito, GEN_INT}, {"vcvt.f32.u32", f_uito, GEN_INT},
    {"vcvt.s16.f32#8", f_tosx16, GEN_F}, {"vcvt.u16.f32#16", f_toux16, GEN_F},
    {"vcvt.s32.f32#16", f_tosx32, GEN_F}, {"vcvt.u32.f32#1", f_toux32, GEN_F},
    {"vcvt.f32.s16#8", f_sx16to, GEN_INT}, {"vcvt.f32.u16#16", f_ux16to, GEN_INT},
    {"vcvt.f32.s32#30", f_sx32to, GEN_INT}, {"vcvt.f32.u32#1", f_ux32to, GEN_INT},
    {"vcvtb.f16.f32", f_tohb, GEN_F}, {"vcvtt.f16.f32", f_toht, GEN_F},
    {"vcvtb.f32.f16", f_hbto, GEN_HALF}, {"vcvtt.f32.f16", f_htto, GEN_HALF},
};
/* clang-format on */

#ifdef FPV5
/* d2 = insn(d0 = a, d1 = b, d2 = c). */
#define OP64(fn, insn)                                                                             \
    static uint64_t fn(uint64_t a, uint64_t b, uint64_t c)                                         \
    {                                                                                              \
        uint64_t r;                                                                                \
        __asm volatile("vmov d0, %Q1, %R1\n\tvmov d1, %Q2, %R2\n\tvmov d2, %Q3, %R3\n\t" insn      \
                       "\n\tvmov %Q0, %R0, d2"                                                     \
                       : "=r"(r)                                                                   \
                       : "r"(a), "r"(b), "r"(c)                                                    \
                       : "d0", "d1", "d2", "memory");                                              \
        return r;                                                                                  \
    }

OP64(d_add, "vadd.f64 d2, d0, d1")
OP64(d_sub, "vsub.f64 d2, d0, d1")
OP64(d_mul, "vmul.f64 d2, d0, d1")
OP64(d_nmul, "vnmul.f64 d2, d0, d1")
OP64(d_div, "vdiv.f64 d2, d0, d1")
OP64(d_mla, "vmla.f64 d2, d0, d1")
OP64(d_nmls, "vnmls.f64 d2, d0, d1")
OP64(d_fma, "vfma.f64 d2, d0, d1")
OP64(d_fnma, "vfnma.f64 d2, d0, d1")
OP64(d_sqrt, "vsqrt.f64 d2, d0")
OP64(d_abs, "vabs.f64 d2, d0")
OP64(d_neg, "vneg.f64 d2, d0")
OP64(d_cmp, "vcmp.f64 d0, d1")
OP64(d_cmpe, "vcmpe.f64 d0, d1")
OP64(d_cmpez, "vcmpe.f64 d0, #0")
OP64(d_tosi, "vcvt.s32.f64 s4, d0")
OP64(d_toui, "vcvt.u32.f64 s4, d0")
OP64(d_tosir, "vcvtr.s32.f64 s4, d0")
OP64(d_touir, "vcvtr.u32.f64 s4, d0")
OP64(d_sito, "vcvt.f64.s32 d2, s0")
OP64(d_uito, "vcvt.f64.u32 d2, s0")
OP64(d_tosx32, "vcvt.s32.f64 d2, d2, #20")
OP64(d_toux16, "vcvt.u16.f64 d2, d2, #3")
OP64(d_sx32to, "vcvt.f64.s32 d2, d2, #31")
OP64(d_ux16to, "vcvt.f64.u16 d2, d2, #16")
OP64(d_tof32, "vcvt.f32.f64 s4, d0")
OP64(d_fromf32, "vcvt.f64.f32 d2, s0")
OP64(d_tohb, "vcvtb.f16.f64 s4, d0")
OP64(d_toht, "vcvtt.f16.f64 s4, d0")
OP64(d_hbto, "vcvtb.f64.f16 d2, s0")
OP64(d_htto, "vcvtt.f64.f16 d2, s1")
OP64(d_rinta, "vrinta.f64 d2, d0")
OP64(d_rintn, "vrintn.f64 d2, d0")
OP64(d_rintp, "vrintp.f64 d2, d0")
OP64(d_rintm, "vrintm.f64 d2, d0")
OP64(d_rintr, "vrintr.f64 d2, d0")
OP64(d_rintz, "vrintz.f64 d2, d0")
OP64(d_rintx, "vrintx.f64 d2, d0")
OP64(d_cvta, "vcvta.s32.f64 s4, d0")
OP64(d_cvtn, "vcvtn.u32.f64 s4, d0")
OP64(d_cvtp, "vcvtp.s32.f64 s4, d0")
OP64(d_cvtm, "vcvtm.u32.f64 s4, d0")
OP64(d_maxnm, "vmaxnm.f64 d2, d0, d1")
OP64(d_minnm, "vminnm.f64 d2, d0, d1")
OP64(d_seleq, "vseleq.f64 d2, d0, d1")
OP64(d_selgt, "vselgt.f64 d2, d0, d1")
/* The FPv5 single-precision forms. */
OP64(s_rinta, "vrinta.f32 s4, s0")
OP64(s_rintm, "vrintm.f32 s4, s0")
OP64(s_rintx, "vrintx.f32 s4, s0")
OP64(s_rintz, "vrintz.f32 s4, s0")
OP64(s_cvtp, "vcvtp.u32.f32 s4, s0")
OP64(s_cvta, "vcvta.s32.f32 s4, s0")
OP64(s_maxnm, "vmaxnm.f32 s4, s0, s2")
OP64(s_minnm, "vminnm.f32 s4, s0, s2")
OP64(s_selvs, "vselvs.f32 s4, s0, s2")
OP64(s_selge, "vselge.f32 s4, s0, s2")

typedef uint64_t (*op64_fn)(uint64_t, uint64_t, uint64_t);

struct op64 {
    const char *name;
    op64_fn fn;
    uint8_t kind;
};

/* GEN_F32: single-precision operands in the low words. */
enum { GEN_D, GEN_DINT, GEN_DHALF, GEN_F32 };

/* clang-format off */
static const struct op64 ops64[] = {
    {"vadd.f64", d_add, GEN_D}, {"vsub.f64", d_sub, GEN_D}, {"vmul.f64", d_mul, GEN_D},
    {"vnmul.f64", d_nmul, GEN_D}, {"vdiv.f64", d_div, GEN_D}, {"vmla.f64", d_mla, GEN_D},
    {"vnmls.f64", d_nmls, GEN_D}, {"vfma.f64", d_fma, GEN_D}, {"vfnma.f64", d_fnma, GEN_D},
    {"vsqrt.f64", d_sqrt, GEN_D}, {"vabs.f64", d_abs, GEN_D}, {"vneg.f64", d_neg, GEN_D},
    {"vcmp.f64", d_cmp, GEN_D}, {"vcmpe.f64", d_cmpe, GEN_D}, {"vcmpe.f64#0", d_cmpez, GEN_D},
    {"vcvt.s32.f64", d_tosi, GEN_D}, {"vcvt.u32.f64", d_toui, GEN_D},
    {"vcvtr.s32.f64", d_tosir, GEN_D}, {"vcvtr.u32.f64", d_touir, GEN_D},
    {"vcvt.f64.s32", d_sito, GEN_DINT}, {"vcvt.f64.u32", d_uito, GEN_DINT},
    {"vcvt.s32.f64#20", d_tosx32, GEN_D}, {"vcvt.u16.f64#3", d_toux16, GEN_D},
    {"vcvt.f64.s32#31", d_sx32to, GEN_DINT}, {"vcvt.f64.u16#16", d_ux16to, GEN_DINT},
    {"vcvt.f32.f64", d_tof32, GEN_D}, {"vcvt.f64.f32", d_fromf32, GEN_F32},
    {"vcvtb.f16.f64", d_tohb, GEN_D}, {"vcvtt.f16.f64", d_toht, GEN_D},
    {"vcvtb.f64.f16", d_hbto, GEN_DHALF}, {"vcvtt.f64.f16", d_htto, GEN_DHALF},
    {"vrinta.f64", d_rinta, GEN_D}, {"vrintn.f64", d_rintn, GEN_D},
    {"vrintp.f64", d_rintp, GEN_D}, {"vrintm.f64", d_rintm, GEN_D},
    {"vrintr.f64", d_rintr, GEN_D}, {"vrintz.f64", d_rintz, GEN_D},
    {"vrintx.f64", d_rintx, GEN_D}, {"vcvta.s32.f64", d_cvta, GEN_D},
    {"vcvtn.u32.f64", d_cvtn, GEN_D}, {"vcvtp.s32.f64", d_cvtp, GEN_D},
    {"vcvtm.u32.f64", d_cvtm, GEN_D}, {"vmaxnm.f64", d_maxnm, GEN_D},
    {"vminnm.f64", d_minnm, GEN_D}, {"vseleq.f64", d_seleq, GEN_D},
    {"vselgt.f64", d_selgt, GEN_D},
    {"vrinta.f32", s_rinta, GEN_F32}, {"vrintm.f32", s_rintm, GEN_F32},
    {"vrintx.f32", s_rintx, GEN_F32}, {"vrintz.f32", s_rintz, GEN_F32},
    {"vcvtp.u32.f32", s_cvtp, GEN_F32}, {"vcvta.s32.f32", s_cvta, GEN_F32},
    {"vmaxnm.f32", s_maxnm, GEN_F32}, {"vminnm.f32", s_minnm, GEN_F32},
    {"vselvs.f32", s_selvs, GEN_F32}, {"vselge.f32", s_selge, GEN_F32},
};
/* clang-format on */
#endif

/* ---- the driver ----------------------------------------------------------- */

#define CASES 300
/* FPSCR modes: RMode in bits 23:22, FZ 24, DN 25, AHP 26. */
#define NMODES 16

static uint32_t mode_bits(unsigned m)
{
    return (m & 3) << 22 | ((m >> 2) & 3) << 24;
}

static void report(const char *name, uint32_t mode, uint32_t crc)
{
    rt_puts(name);
    rt_putc(' ');
    put_hex(mode, 8);
    rt_putc(' ');
    put_hex(crc, 8);
    rt_putc('\n');
}

#ifdef VERBOSE
static void verbose(const char *name, uint32_t mode, uint64_t a, uint64_t b, uint64_t c, uint64_t r,
                    uint32_t fpscr)
{
    rt_puts(name);
    rt_putc(' ');
    put_hex(mode, 8);
    const uint64_t v[4] = {a, b, c, r};
    for (int i = 0; i < 4; i++) {
        rt_putc(' ');
        put_hex((uint32_t)(v[i] >> 32), 8);
        put_hex((uint32_t)v[i], 8);
    }
    rt_putc(' ');
    put_hex(fpscr, 8);
    rt_putc('\n');
}
#else
#define verbose(...) ((void)0)
#endif

/* Operands of case @i: the first NSPECIAL^2/... from the special table
 * in pairs, the rest generated. Integers and halves are bit patterns. */
static void operands32(unsigned kind, unsigned i, uint32_t *a, uint32_t *b, uint32_t *c)
{
    if (i < NSPECIAL32) {
        *a = special32[i];
        *b = special32[(i * 7 + 3) % NSPECIAL32];
        *c = special32[(i * 13 + 5) % NSPECIAL32];
    } else {
        *a = gen32();
        *b = near32(*a);
        *c = (rnd() & 1) ? gen32() : near32(*a);
    }
    if (kind == GEN_INT && (rnd() & 1)) {
        *a = rnd() >> (rnd() % 32);
        *c = (rnd() & 1) ? rnd() : rnd() >> (rnd() % 32);
    } else if (kind == GEN_HALF) {
        *a = rnd();
        if (rnd() & 1) /* inf, NaN, subnormal halves */
            *a = (*a & 0x83ff83ffu) | ((rnd() & 1) ? 0x7c007c00u : 0);
    }
}

static void run32(void)
{
    for (unsigned k = 0; k < sizeof(ops32) / sizeof(ops32[0]); k++) {
        const struct op32 *op = &ops32[k];
        bool half = op->fn == f_tohb || op->fn == f_toht || op->kind == GEN_HALF;
        for (unsigned m = 0; m < NMODES * (half ? 2 : 1); m++) {
            uint32_t mode = mode_bits(m) | (m >= NMODES ? 1u << 26 : 0), crc = 0;
            rng = 0x2545f491u + k;
            for (unsigned i = 0; i < CASES; i++) {
                uint32_t a, b, c;
                operands32(op->kind, i, &a, &b, &c);
                set_fpscr(mode | (rnd() & 0xf0000000u));
                uint32_t r = op->fn(a, b, c), f = get_fpscr();
                crc = crc32(crc32(crc, r), f);
                verbose(op->name, mode, a, b, c, r, f);
            }
            report(op->name, mode, crc);
        }
    }
}

#ifdef FPV5
static void operands64(unsigned kind, unsigned i, uint64_t *a, uint64_t *b, uint64_t *c)
{
    if (i < NSPECIAL64) {
        *a = special64[i];
        *b = special64[(i * 7 + 3) % NSPECIAL64];
        *c = special64[(i * 13 + 5) % NSPECIAL64];
    } else {
        *a = gen64();
        *b = near64(*a);
        *c = (rnd() & 1) ? gen64() : near64(*a);
    }
    switch (kind) {
    case GEN_DINT:
        *a = rnd() >> (rnd() % 32);
        *c = (uint64_t)rnd() << 32 | ((rnd() & 1) ? rnd() : rnd() >> (rnd() % 32));
        break;
    case GEN_DHALF:
        *a = (uint64_t)rnd() << 32 | rnd();
        *b = rnd();
        if (rnd() & 1) {
            *a = (*a & 0x83ff83ffull) | ((rnd() & 1) ? 0x7c007c00ull : 0);
            *b = (*b & 0x83ff83ffull) | ((rnd() & 1) ? 0x7c007c00ull : 0);
        }
        break;
    case GEN_F32:
        /* s0 = a, s2 = b (low words); s4, s5 start as c. */
        *a = (uint64_t)rnd() << 32 | gen32();
        *b = (uint64_t)rnd() << 32 | near32((uint32_t)*a);
        *c = (uint64_t)rnd() << 32 | rnd();
        break;
    default: break;
    }
}

static void run64(void)
{
    for (unsigned k = 0; k < sizeof(ops64) / sizeof(ops64[0]); k++) {
        const struct op64 *op = &ops64[k];
        bool half = op->kind == GEN_DHALF || op->fn == d_tohb || op->fn == d_toht;
        for (unsigned m = 0; m < NMODES * (half ? 2 : 1); m++) {
            uint32_t mode = mode_bits(m) | (m >= NMODES ? 1u << 26 : 0), crc = 0;
            rng = 0x9e3779b9u + k;
            for (unsigned i = 0; i < CASES; i++) {
                uint64_t a, b, c;
                operands64(op->kind, i, &a, &b, &c);
                set_fpscr(mode | (rnd() & 0xf0000000u));
                __asm volatile("msr apsr_nzcvq, %0" : : "r"(rnd() & 0xf0000000u));
                uint64_t r = op->fn(a, b, c);
                uint32_t f = get_fpscr();
                crc = crc32(crc32(crc32(crc, (uint32_t)r), (uint32_t)(r >> 32)), f);
                verbose(op->name, mode, a, b, c, r, f);
            }
            report(op->name, mode, crc);
        }
    }
}
#endif

/* VMSR/VMRS: which FPSCR bits exist. */
static void run_fpscr(void)
{
    set_fpscr(0xffffffffu);
    report("fpscr-ones", 0, get_fpscr());
    set_fpscr(0);
    report("fpscr-zero", 0, get_fpscr());
}

void test_main(void)
{
    CPACR = 0xfu << 20;
    __asm volatile("dsb\n\tisb" ::: "memory");
    run_fpscr();
    run32();
#ifdef FPV5
    run64();
#endif
}
