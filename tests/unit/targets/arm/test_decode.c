/* SPDX-License-Identifier: MIT */
/*
 * The Thumb decoder against capstone (CS_MODE_THUMB | CS_MODE_MCLASS):
 * every 16-bit halfword, and every first halfword of a 32-bit encoding
 * with a fixed set of structured second halfwords (register fields
 * 0/SP/PC, low byte patterns) plus a deterministic random sample. For
 * each encoding the instruction length and the mnemonic (capstone's
 * instruction name) must agree, or the difference must fall in one of
 * the explained classes of the table below; anything else fails the test
 * with the encodings listed. A few encodings are also checked field by
 * field, and the Cortex-M3 must reject every DSP instruction.
 *
 * Agreement counts as: same name, or both reject (our UNDEFINED or
 * UNPREDICTABLE, which executes as UNDEFINED, against capstone's invalid).
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

/* One decoded encoding as both decoders see it. */
struct sample {
    uint32_t raw;
    unsigned len;
    struct thumb_insn in;
    const char *cs_name; /* NULL: capstone rejects it */
    unsigned cs_len;
};

static bool ours_rejects(const struct sample *s)
{
    return s->in.op == T_UNDEF || s->in.unpred;
}

static uint16_t hw1_of(const struct sample *s)
{
    return (uint16_t)(s->len == 4 ? s->raw >> 16 : s->raw);
}

static bool cs_is_vector(const struct sample *s)
{
    return s->cs_name && s->cs_name[0] == 'v';
}

/* Advanced SIMD data processing (111x 1111 ...) and element load/store
 * (1111 1001 xxx0 ...): ARMv7-M has no Advanced SIMD, so UNDEFINED. */
static bool neon(const struct sample *s)
{
    uint16_t h = hw1_of(s);
    return s->len == 4 && ((h & 0xef00) == 0xef00 || (h & 0xff10) == 0xf900) &&
           s->in.op == T_UNDEF && (cs_is_vector(s) || !s->cs_name);
}

/* The coprocessor space (111x 11xx ...): these cores have no coprocessor
 * and no FPU, so every instruction there is a NOCP UsageFault. capstone
 * decodes the VFP (cp10/cp11) forms by their VFP names and rejects some
 * of the generic ones. */
static bool coprocessor(const struct sample *s)
{
    uint16_t h = hw1_of(s);
    bool ours = s->in.op == T_UNDEF || arm_opdefs[s->in.op].kind == K_NOCP;
    bool theirs = !s->cs_name || cs_is_vector(s) || !strncmp(s->cs_name, "cdp", 3) ||
                  !strncmp(s->cs_name, "mcr", 3) || !strncmp(s->cs_name, "mrc", 3) ||
                  !strncmp(s->cs_name, "ldc", 3) || !strncmp(s->cs_name, "stc", 3) ||
                  !strncmp(s->cs_name, "fstm", 4) || !strncmp(s->cs_name, "fldm", 4);
    return s->len == 4 && (h & 0xec00) == 0xec00 && ours && theirs;
}

/* SMC and HVC: the ARMv7-A Security and Virtualization Extensions. */
static bool smc_hvc(const struct sample *s)
{
    return s->in.op == T_UNDEF && s->cs_name &&
           (!strcmp(s->cs_name, "smc") || !strcmp(s->cs_name, "hvc"));
}

/* ADR T2/T3 is ADD/SUB with the PC as base: capstone prints it as the
 * ADDW/SUBW it is encoded like. */
static bool adr_as_addw(const struct sample *s)
{
    return s->in.op == T_ADR && s->cs_name &&
           (!strcmp(s->cs_name, "addw") || !strcmp(s->cs_name, "subw"));
}

/* LDRH/LDRSH with Rt = PC are unallocated memory hints in ARMv7-M
 * (A5.3.8) and execute as NOP; capstone calls some of them PLDW (an
 * ARMv7-A multiprocessing hint) or PLD, and rejects the rest. */
static bool memory_hint(const struct sample *s)
{
    return s->in.op == T_NOP && s->len == 4 && (hw1_of(s) & 0xfe50) == 0xf810 &&
           (!s->cs_name || !strcmp(s->cs_name, "pldw") || !strcmp(s->cs_name, "pld"));
}

/* PUSH.W/POP.W of one register are UNPREDICTABLE (that is the STR/LDR
 * encoding's job, A7.7.99); capstone prints them as STMDB/LDM. */
static bool single_push_pop(const struct sample *s)
{
    return (s->in.op == T_PUSH || s->in.op == T_POP) && s->in.unpred && s->cs_name &&
           (!strcmp(s->cs_name, "stmdb") || !strcmp(s->cs_name, "ldm"));
}

/* UDF #254 is what LLVM, and so capstone, prints as "trap". */
static bool udf_trap(const struct sample *s)
{
    return s->in.op == T_UDF && s->cs_name && !strcmp(s->cs_name, "trap");
}

static const struct {
    const char *why;
    bool (*match)(const struct sample *s);
} classes[] = {
    {"Advanced SIMD: none on ARMv7-M (UNDEFINED); capstone decodes it", neon},
    {"coprocessor space: no coprocessor/FPU (NOCP); capstone names VFP forms", coprocessor},
    {"SMC/HVC: ARMv7-A only (UNDEFINED on M-profile); capstone decodes them", smc_hvc},
    {"ADR T2/T3: capstone prints the equivalent ADDW/SUBW Rd, PC, #imm", adr_as_addw},
    {"LDRH/LDRSH Rt=PC: unallocated hints (NOP); capstone: PLDW/PLD/invalid", memory_hint},
    {"PUSH.W/POP.W of one register: UNPREDICTABLE; capstone: STMDB/LDM", single_push_pop},
    {"UDF #254: capstone prints LLVM's alias TRAP", udf_trap},
};
#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

struct tally {
    unsigned long same, both_reject, explained[NCLASSES], unexplained;
    char first[10][96]; /* one example per kind of unexplained difference */
    unsigned nfirst;
};

static csh cs;

static void decode_both(uint32_t raw, unsigned len, struct sample *s)
{
    uint8_t bytes[4];
    cs_insn *insn;
    if (len == 2) {
        bytes[0] = (uint8_t)raw;
        bytes[1] = (uint8_t)(raw >> 8);
    } else {
        bytes[0] = (uint8_t)(raw >> 16);
        bytes[1] = (uint8_t)(raw >> 24);
        bytes[2] = (uint8_t)raw;
        bytes[3] = (uint8_t)(raw >> 8);
    }
    s->raw = raw;
    s->len = len;
    arm_decode(raw, false, true, &s->in);
    s->cs_name = NULL;
    if (cs_disasm(cs, bytes, len, 0x1000, 1, &insn)) {
        s->cs_name = cs_insn_name(cs, insn->id);
        s->cs_len = insn->size;
        cs_free(insn, 1);
    }
}

static void classify(const struct sample *s, struct tally *t)
{
    if (s->cs_name && s->cs_len == s->len && !strcmp(s->cs_name, arm_opdefs[s->in.op].name)) {
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
    snprintf(line, sizeof(line), "ours %s%s, capstone %s (e.g. %0*x)", arm_opdefs[s->in.op].name,
             s->in.unpred ? " (unpred)" : "", s->cs_name ? s->cs_name : "invalid", s->len * 2,
             s->raw);
    unsigned n = t->nfirst;
    bool seen = false;
    for (unsigned i = 0; i < n && !seen; i++)
        seen = !strncmp(t->first[i], line, (size_t)(strstr(line, " (e.g.") - line));
    if (!seen && n < 10)
        strcpy(t->first[t->nfirst++], line);
    t->unexplained++;
}

static void report(const char *what, const struct tally *t)
{
    print_message("# %s: %lu same name, %lu rejected by both\n", what, t->same, t->both_reject);
    for (unsigned i = 0; i < NCLASSES; i++)
        if (t->explained[i])
            print_message("#   %7lu  %s\n", t->explained[i], classes[i].why);
    for (unsigned i = 0; i < t->nfirst; i++)
        print_message("#   unexplained: %s\n", t->first[i]);
}

static int setup(void **state)
{
    (void)state;
    return cs_open(CS_ARCH_ARM, CS_MODE_THUMB | CS_MODE_MCLASS, &cs) == CS_ERR_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    cs_close(&cs);
    return 0;
}

static void test_every_halfword(void **state)
{
    (void)state;
    struct tally t = {0};
    struct sample s;
    for (uint32_t h = 0; h < 0xe800; h++) {
        decode_both(h, 2, &s);
        assert_int_equal(s.in.len, 2);
        classify(&s, &t);
    }
    report("16-bit", &t);
    assert_int_equal(t.unexplained, 0);
    assert_true(t.same > 40000);
}

/* Second halfwords: register fields 0, SP, PC, low bytes 0, F0, 0F, FF,
 * with and without bit 15 (which splits the branch and data spaces). */
static unsigned structured(uint16_t *out)
{
    static const uint16_t hi[] = {0x0, 0x8, 0xd, 0xf}, mid[] = {0x0, 0xd, 0xf};
    static const uint16_t lo[] = {0x00, 0xf0, 0x0f, 0xff};
    unsigned n = 0;
    for (unsigned a = 0; a < 4; a++)
        for (unsigned b = 0; b < 3; b++)
            for (unsigned c = 0; c < 4; c++)
                out[n++] = (uint16_t)(hi[a] << 12 | mid[b] << 8 | lo[c]);
    return n;
}

static uint32_t xorshift(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

static void test_32bit_sample(void **state)
{
    (void)state;
    struct tally t = {0};
    struct sample s;
    uint16_t fixed[64];
    unsigned nfixed = structured(fixed);
    uint32_t seed = 0x2545f491;
    for (uint32_t hw1 = 0xe800; hw1 <= 0xffff; hw1++) {
        for (unsigned k = 0; k < nfixed + 128; k++) {
            uint16_t hw2 = k < nfixed ? fixed[k] : (uint16_t)xorshift(&seed);
            decode_both(hw1 << 16 | hw2, 4, &s);
            assert_int_equal(s.in.len, 4);
            classify(&s, &t);
        }
    }
    report("32-bit", &t);
    assert_int_equal(t.unexplained, 0);
    assert_true(t.same > 200000);
}

/* The Cortex-M3 has no DSP extension: what the M4 decodes as a DSP
 * instruction is UNDEFINED there, and the rest decodes the same. */
static void test_m3_lacks_dsp(void **state)
{
    (void)state;
    static const uint32_t dsp[] = {
        0xfa81f012, /* qadd8 r0, r1, r2 */ 0xfb11f002, /* smulbb r0, r1, r2 */
        0xfa81f082, /* qadd r0, r2, r1 */ 0xfaa1f082,  /* sel r0, r1, r2 */
        0xeac10002, /* pkhbt r0, r1, r2 */ 0xfa41f082, /* sxtab r0, r1, r2 */
        0xfbe10262,                                    /* umaal r0, r2, r1, r2 */
    };
    struct thumb_insn m3, m4;
    for (unsigned i = 0; i < sizeof(dsp) / sizeof(dsp[0]); i++) {
        arm_decode(dsp[i], false, true, &m4);
        arm_decode(dsp[i], false, false, &m3);
        assert_int_not_equal(m4.op, T_UNDEF);
        assert_int_equal(m3.op, T_UNDEF);
    }
    arm_decode(0xfb01f002, false, false, &m3); /* mul r0, r1, r2 */
    assert_int_equal(m3.op, T_MUL);
    arm_decode(0xfb91f0f2, false, false, &m3); /* sdiv r0, r1, r2 */
    assert_int_equal(m3.op, T_SDIV);
}

/* Fields of encodings whose decoding is easy to get subtly wrong. */
static void test_fields(void **state)
{
    (void)state;
    struct thumb_insn in;
    arm_decode(0xf3ef8809, false, true, &in); /* mrs r8, psp */
    assert_int_equal(in.op, T_MRS);
    assert_int_equal(in.rd, 8);
    assert_int_equal(in.imm, 9);
    arm_decode(0xf3818814, false, true, &in); /* msr control, r1 */
    assert_int_equal(in.op, T_MSR);
    assert_int_equal(in.rn, 1);
    assert_int_equal(in.imm, 20);
    assert_int_equal(in.shamt, 2);
    arm_decode(0xf47faffe, false, true, &in); /* 1: bne.w 1b (T3) */
    assert_int_equal(in.op, T_B);
    assert_int_equal(in.cond, 1);
    assert_int_equal((int32_t)in.imm, -4);
    arm_decode(0xf7fffffe, false, true, &in); /* bl . */
    assert_int_equal(in.op, T_BL);
    assert_int_equal((int32_t)in.imm, -4);
    arm_decode(0xbf2c, false, true, &in); /* ite cs */
    assert_int_equal(in.op, T_IT);
    assert_int_equal(in.imm, 0x2c);
    arm_decode(0x4088, false, true, &in); /* lsls r0, r1 */
    assert_int_equal(in.op, T_LSL);
    assert_true(in.setflags);
    assert_int_equal(in.form, FORM_RSR);
    arm_decode(0x4088, true, true, &in); /* in an IT block: no flags */
    assert_false(in.setflags);
    arm_decode(0xf1b10f00, false, true, &in); /* cmp.w r1, #0 */
    assert_int_equal(in.op, T_CMP);
    assert_int_equal(in.rd, ARM_RNONE);
    arm_decode(0xf04f407f, false, true, &in); /* mov.w r0, #0xff000000 (rotated) */
    assert_int_equal(in.op, T_MOV);
    assert_int_equal(in.imm, 0xff000000u);
    assert_true(in.carry_imm);
    arm_decode(0xe8bd8010, false, true, &in); /* pop.w {r4, pc} */
    assert_int_equal(in.op, T_POP);
    assert_int_equal(in.imm, 0x8010);
    assert_true(in.wback);
    arm_decode(0xe9d12302, false, true, &in); /* ldrd r2, r3, [r1, #8] */
    assert_int_equal(in.op, T_LDRD);
    assert_int_equal(in.rd, 2);
    assert_int_equal(in.ra, 3);
    assert_int_equal(in.imm, 8);
    arm_decode(0xe8d1f002, false, true, &in); /* tbb [r1, r2] */
    assert_int_equal(in.op, T_TBB);
    assert_int_equal(in.rn, 1);
    assert_int_equal(in.rm, 2);
    arm_decode(0xf3624117, false, true, &in); /* bfi r1, r2, #16, #8 */
    assert_int_equal(in.op, T_BFI);
    assert_int_equal(in.shamt, 16);
    assert_int_equal(in.width, 8);
    arm_decode(0xf85d0b04, false, true, &in); /* ldr r0, [sp], #4 */
    assert_int_equal(in.op, T_LDR);
    assert_false(in.index);
    assert_true(in.add && in.wback);
    arm_decode(0xbeab, false, true, &in); /* bkpt 0xab */
    assert_int_equal(in.op, T_BKPT);
    assert_int_equal(in.imm, 0xab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_halfword),
        cmocka_unit_test(test_32bit_sample),
        cmocka_unit_test(test_m3_lacks_dsp),
        cmocka_unit_test(test_fields),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
