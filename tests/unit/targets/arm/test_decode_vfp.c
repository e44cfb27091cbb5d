/* SPDX-License-Identifier: MIT */
/*
 * The FP extension's decoder (targets/arm/decode_vfp.c) against capstone
 * (CS_MODE_THUMB | CS_MODE_MCLASS | CS_MODE_V8): every first halfword of
 * the cp10/cp11 space (T = 0, and T = 1 for FPv5) with structured and
 * random second halfwords, decoded for the Cortex-M7 (double precision and
 * FPv5). Each encoding must have capstone's name, be rejected by both, or
 * fall into one of the explained classes below. Then the FPv4-SP core
 * (Cortex-M4) must reject double precision arithmetic and FPv5 but keep
 * D-register moves, loads and stores, and a few encodings are checked
 * field by field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <capstone/capstone.h>
#include <cmocka.h>

#include "targets/arm/internals.h"

#define FEAT_M4 (ARM_FEAT_DSP | ARM_FEAT_FP)
#define FEAT_M7 (ARM_FEAT_DSP | ARM_FEAT_FP | ARM_FEAT_FP_DP | ARM_FEAT_FPV5)

struct sample {
    uint32_t raw;
    struct thumb_insn in;
    const char *cs_name; /* NULL: capstone rejects it */
    char cs_ops[160];    /* capstone's operands */
};

static csh cs;

static void decode(uint32_t raw, uint32_t feat, struct thumb_insn *in)
{
    arm_decode(raw, false, true, in);
    arm_decode_vfp(raw, feat, in);
}

static bool ours_rejects(const struct sample *s)
{
    return s->in.op == T_UNDEF || s->in.unpred;
}

static bool named(const struct sample *s, const char *prefix)
{
    return s->cs_name && !strncmp(s->cs_name, prefix, strlen(prefix));
}

/* D16-D31: FPv4-SP-D16 and FPv5-D16 have 16 D registers, so D:Vd, N:Vn
 * or M:Vm above 15 is UNDEFINED; capstone assumes 32 and prints one. */
static bool d32(const struct sample *s)
{
    if (s->in.op != T_UNDEF || !s->cs_name)
        return false;
    for (const char *p = s->cs_ops; (p = strchr(p, 'd')); p++) {
        unsigned n;
        if ((p == s->cs_ops || p[-1] == ' ' || p[-1] == '{') && sscanf(p + 1, "%u", &n) == 1 &&
            n >= 16)
            return true;
    }
    return false;
}

/* Advanced SIMD in the transfer space (VDUP, 8/16-bit scalar VMOV) and
 * VMRS/VMSR of FPSID, FPEXC, MVFRx: none on M-profile (UNDEFINED). */
static bool simd_or_sysreg(const struct sample *s)
{
    return s->in.op == T_UNDEF &&
           (named(s, "vdup") || named(s, "vmov") || named(s, "vmrs") || named(s, "vmsr"));
}

/* FLDMX/FSTMX (VLDM/VSTM of D registers with an odd word count) are
 * deprecated ARMv7-A forms, UNDEFINED on M-profile. */
static bool fldmx(const struct sample *s)
{
    return s->in.op == T_UNDEF && (named(s, "fldm") || named(s, "fstm"));
}

/* UNPREDICTABLE encodings (PC or SP as a core register, empty or too long
 * register lists, fbits out of range) execute as UNDEFINED; capstone
 * decodes them. */
static bool unpredictable(const struct sample *s)
{
    return s->in.unpred && s->cs_name && !strcmp(arm_opdefs[s->in.op].name, s->cs_name);
}

static const struct {
    const char *why;
    bool (*match)(const struct sample *s);
} classes[] = {
    {"D16-D31: 16 D registers here (UNDEFINED); capstone decodes 32", d32},
    {"Advanced SIMD transfers, VMRS/VMSR of A-profile registers: UNDEFINED", simd_or_sysreg},
    {"FLDMX/FSTMX: not on M-profile (UNDEFINED)", fldmx},
    {"UNPREDICTABLE (executes as UNDEFINED); capstone decodes it", unpredictable},
};
#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

struct tally {
    unsigned long same, both_reject, explained[NCLASSES], unexplained;
    char first[10][96];
    unsigned nfirst;
};

static void sample(uint32_t raw, struct sample *s)
{
    uint8_t bytes[4] = {(uint8_t)(raw >> 16), (uint8_t)(raw >> 24), (uint8_t)raw,
                        (uint8_t)(raw >> 8)};
    cs_insn *insn;
    s->raw = raw;
    decode(raw, FEAT_M7, &s->in);
    s->cs_name = NULL;
    s->cs_ops[0] = '\0';
    if (cs_disasm(cs, bytes, 4, 0x1000, 1, &insn)) {
        if (insn->size == 4) {
            s->cs_name = cs_insn_name(cs, insn->id);
            snprintf(s->cs_ops, sizeof(s->cs_ops), "%s", insn->op_str);
        }
        cs_free(insn, 1);
    }
}

static void classify(const struct sample *s, struct tally *t)
{
    if (s->cs_name && !ours_rejects(s) && !strcmp(s->cs_name, arm_opdefs[s->in.op].name)) {
        t->same++;
        return;
    }
    if (!s->cs_name && ours_rejects(s)) {
        t->both_reject++;
        return;
    }
    for (unsigned i = 0; i < NCLASSES; i++) {
        if (classes[i].match(s)) {
            t->explained[i]++;
            return;
        }
    }
    char line[96];
    snprintf(line, sizeof(line), "ours %s%s, capstone %s (e.g. %08x)", arm_opdefs[s->in.op].name,
             s->in.unpred ? " (unpred)" : "", s->cs_name ? s->cs_name : "invalid", s->raw);
    bool seen = false;
    for (unsigned i = 0; i < t->nfirst && !seen; i++)
        seen = !strncmp(t->first[i], line, (size_t)(strstr(line, " (e.g.") - line));
    if (!seen && t->nfirst < 10)
        strcpy(t->first[t->nfirst++], line);
    t->unexplained++;
}

static uint32_t xorshift(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

static int setup(void **state)
{
    (void)state;
    return cs_open(CS_ARCH_ARM, CS_MODE_THUMB | CS_MODE_MCLASS | CS_MODE_V8, &cs) == CS_ERR_OK ? 0
                                                                                               : -1;
}

static int teardown(void **state)
{
    (void)state;
    cs_close(&cs);
    return 0;
}

static void test_against_capstone(void **state)
{
    (void)state;
    struct tally t = {0};
    struct sample s;
    uint32_t seed = 0x9e3779b9;
    for (uint32_t hw1 = 0xec00; hw1 <= 0xfeff; hw1++) {
        if ((hw1 & 0xef00) == 0xef00 || (hw1 >= 0xf000 && hw1 < 0xfe00))
            continue; /* Advanced SIMD data processing; not the coprocessor space */
        for (unsigned k = 0; k < 160; k++) {
            uint16_t hw2 = (uint16_t)xorshift(&seed);
            if (k < 32) /* structured: Vd 0, registers 0 and 15, bytes 0x00, 0x10 */
                hw2 = (uint16_t)((k & 1) << 15 | (k & 2 ? 0x0f : 0) | (k & 4 ? 0x10 : 0) |
                                 (k & 8 ? 0x40 : 0) | (k & 16 ? 0x100 : 0));
            hw2 = (uint16_t)((hw2 & ~0x0e00u) | 0x0a00u); /* coprocessor 10 or 11 */
            sample((uint32_t)hw1 << 16 | hw2, &s);
            classify(&s, &t);
        }
    }
    print_message("# VFP: %lu same name, %lu rejected by both\n", t.same, t.both_reject);
    for (unsigned i = 0; i < NCLASSES; i++)
        if (t.explained[i])
            print_message("#   %7lu  %s\n", t.explained[i], classes[i].why);
    for (unsigned i = 0; i < t.nfirst; i++)
        print_message("#   unexplained: %s\n", t.first[i]);
    assert_int_equal(t.unexplained, 0);
    assert_true(t.same > 20000);
}

/* FPv4-SP (M4): no double precision arithmetic, no FPv5; D registers
 * still move, load and store. Without cp10/cp11 nothing changes. */
static void test_m4(void **state)
{
    (void)state;
    static const struct {
        uint32_t raw;
        bool m4;
    } cases[] = {
        {0xee300a01, true},  /* vadd.f32 s0, s0, s2 */
        {0xee300b01, false}, /* vadd.f64 d0, d0, d1 */
        {0xeeb70ac0, false}, /* vcvt.f64.f32 d0, s0 */
        {0xeeb00b00, false}, /* vmov.f64 d0, #2.0 */
        {0xfe000a01, false}, /* vseleq.f32 s0, s0, s2 */
        {0xfeb80a40, false}, /* vrinta.f32 s0, s0 */
        {0xed900b00, true},  /* vldr d0, [r0] */
        {0xec411b10, true},  /* vmov d0, r1, r1 */
        {0xecbd8b02, true},  /* vpop {d8} */
    };
    struct thumb_insn m4, m7;
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        decode(cases[i].raw, FEAT_M4, &m4);
        decode(cases[i].raw, FEAT_M7, &m7);
        assert_int_not_equal(m7.op, T_UNDEF);
        assert_int_equal(m4.op != T_UNDEF, cases[i].m4);
    }
    arm_decode(0xee300a01, false, true, &m4); /* before the FP decoder: NOCP */
    assert_int_equal(arm_opdefs[m4.op].kind, K_NOCP);
    decode(0xee300901, FEAT_M7, &m4); /* cp9: not the FPU */
    assert_int_equal(arm_opdefs[m4.op].kind, K_NOCP);
}

static void test_fields(void **state)
{
    (void)state;
    struct thumb_insn in;
    decode(0xeef00ae0, FEAT_M4, &in); /* vabs.f32 s1, s1 */
    assert_int_equal(in.op, T_VABS);
    assert_int_equal(in.rd, 1);
    assert_int_equal(in.rm, 1);
    decode(0xee0b1a90, FEAT_M4, &in); /* vmov s23, r1 */
    assert_int_equal(in.op, T_VMOV_SR);
    assert_int_equal(in.rd, 23);
    assert_int_equal(in.rt, 1);
    decode(0xeef1fa10, FEAT_M4, &in); /* vmrs APSR_nzcv, fpscr */
    assert_int_equal(in.op, T_VMRS);
    assert_int_equal(in.rt, 15);
    decode(0xed2d8b04, FEAT_M4, &in); /* vpush {d8-d9} */
    assert_int_equal(in.op, T_VPUSH);
    assert_int_equal(in.rd, 8);
    assert_int_equal(in.imm, 2);
    assert_true(in.dp && in.wback && !in.add);
    decode(0xeebe0ac8, FEAT_M4, &in); /* vcvt.s32.f32 s0, s0, #16 */
    assert_int_equal(in.op, T_VCVT_FX);
    assert_int_equal(in.imm, 16u << 8 | 32u << 1 | 1u);
    decode(0xeebf0a60, FEAT_M4, &in); /* vcvt.u16.f32 s0, s0, #15 */
    assert_int_equal(in.op, T_VCVT_FX);
    assert_int_equal(in.imm, 15u << 8 | 16u << 1);
    decode(0xeeb31a42, FEAT_M4, &in); /* vcvtb.f16.f32 s2, s4 */
    assert_int_equal(in.op, T_VCVTB);
    assert_int_equal(in.imm, 1);
    decode(0xeef00a00, FEAT_M4, &in); /* vmov.f32 s1, #2.0 */
    assert_int_equal(in.op, T_VMOV_IMM);
    assert_int_equal(in.rd, 1);
    assert_int_equal(in.imm, 0x00);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_capstone),
        cmocka_unit_test(test_m4),
        cmocka_unit_test(test_fields),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
