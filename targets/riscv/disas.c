/* SPDX-License-Identifier: MIT */
/*
 * RISC-V disassembler for -d in_asm and the debugger: it prints what the
 * decoder in translate.c understood, in the syntax of GNU objdump with its
 * usual aliases (li, mv, ret, j, beqz, csrr, fmv.d, frcsr, ...), ABI
 * register names, branch targets as bare hex addresses and a rounding mode
 * only when it is not dynamic. Compressed instructions print as
 * the instruction they expand to. Illegal encodings print as .word/.short.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "targets/riscv/internals.h"

static const char *const reg_names[32] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static const char *const freg_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4",  "ft5",  "ft6", "ft7", "fs0",  "fs1",  "fa0",
    "fa1", "fa2", "fa3", "fa4", "fa5",  "fa6",  "fa7", "fs2", "fs3",  "fs4",  "fs5",
    "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

const char *riscv_reg_name(unsigned r)
{
    return reg_names[r & 31];
}

/* Output state: the buffer, the instruction and where it is. */
struct dis {
    char *buf;
    size_t len;
    const struct riscv_insn *in;
    bool rv64;
    uint64_t pc;
};

#define R(r) reg_names[(r)&31]
#define FR(r) freg_names[(r)&31]
#define PUT(...) snprintf(d->buf, d->len, __VA_ARGS__)

static uint64_t target(const struct dis *d)
{
    uint64_t t = d->pc + (uint64_t)d->in->imm;
    return d->rv64 ? t : (uint32_t)t;
}

static void put_mnemonic_target(struct dis *d, const char *mn, const char *regs)
{
    snprintf(d->buf, d->len, "%s\t%s%" PRIx64, mn, regs, target(d));
}

/* pred/succ sets of a fence, as "iorw" subsets. */
static void fence_set(char *out, unsigned bits)
{
    static const char letters[] = "iorw";
    char *p = out;
    for (unsigned i = 0; i < 4; i++)
        if (bits & (8u >> i))
            *p++ = letters[i];
    *p = '\0';
}

static void put_fence(struct dis *d)
{
    unsigned pred = (d->in->imm >> 4) & 0xf, succ = d->in->imm & 0xf;
    char p[5], s[5];
    if (d->in->raw == 0x8330000f) {
        PUT("fence.tso");
    } else if (d->in->raw == 0x0100000f) {
        PUT("pause");
    } else if (pred == 0xf && succ == 0xf) {
        PUT("fence");
    } else {
        fence_set(p, pred);
        fence_set(s, succ);
        PUT("fence\t%s,%s", p, s);
    }
}

static void csr_text(const struct dis *d, char *out, size_t len)
{
    if (!riscv_csr_name(d->in->csr, d->rv64, out, len))
        snprintf(out, len, "0x%x", d->in->csr);
}

/* rdcycle and friends: csrrs rd, <user counter>, zero. */
static bool put_counter_read(struct dis *d)
{
    static const char *const names[] = {"rdcycle", "rdtime", "rdinstret"};
    const struct riscv_insn *in = d->in;
    unsigned base = in->csr & ~0x80u;
    bool high = in->csr & 0x80;
    if (in->op != RV_CSRRS || in->rs1 || base < 0xc00 || base > 0xc02 || (high && d->rv64))
        return false;
    snprintf(d->buf, d->len, "%s%s\t%s", names[base - 0xc00], high ? "h" : "", R(in->rd));
    return true;
}

/* The F aliases of csrrs/csrrw on fcsr, frm, fflags: frcsr rd, fscsr
 * [rd,]rs, and fsrmi/fsflagsi rd,uimm (with rd always shown). */
static bool put_fcsr_alias(struct dis *d)
{
    static const char *const stem[] = {"", "flags", "rm", "csr"};
    const struct riscv_insn *in = d->in;
    unsigned csr = in->csr;
    if (csr < 1 || csr > 3)
        return false;
    if (in->op == RV_CSRRS && !in->rs1)
        PUT("fr%s\t%s", stem[csr], R(in->rd));
    else if (in->op == RV_CSRRW && !in->rd)
        PUT("fs%s\t%s", stem[csr], R(in->rs1));
    else if (in->op == RV_CSRRW)
        PUT("fs%s\t%s,%s", stem[csr], R(in->rd), R(in->rs1));
    else if (in->op == RV_CSRRWI && csr != 3)
        PUT("fs%si\t%s,%" PRId64, stem[csr], R(in->rd), in->imm);
    else
        return false;
    return true;
}

static void put_csr(struct dis *d, const struct riscv_opdef *def)
{
    const struct riscv_insn *in = d->in;
    static const char *const short_names[] = {"", "csrw", "csrs", "csrc"};
    bool imm = def->fmt == RV_F_CSRI;
    unsigned op = (in->raw >> 12) & 3;
    char csr[24], src[24];
    if (put_counter_read(d) || put_fcsr_alias(d))
        return;
    csr_text(d, csr, sizeof(csr));
    if (imm)
        snprintf(src, sizeof(src), "%" PRId64, in->imm);
    else
        snprintf(src, sizeof(src), "%s", R(in->rs1));
    if (op == 2 && !imm && !in->rs1)
        snprintf(d->buf, d->len, "csrr\t%s,%s", R(in->rd), csr);
    else if (!in->rd)
        snprintf(d->buf, d->len, "%s%s\t%s,%s", short_names[op], imm ? "i" : "", csr, src);
    else
        snprintf(d->buf, d->len, "%s\t%s,%s,%s", def->name, R(in->rd), csr, src);
}

static void put_jalr(struct dis *d)
{
    const struct riscv_insn *in = d->in;
    char addr[32];
    if (in->imm)
        snprintf(addr, sizeof(addr), "%" PRId64 "(%s)", in->imm, R(in->rs1));
    else
        snprintf(addr, sizeof(addr), "%s", R(in->rs1));
    if (in->rd == 0 && in->rs1 == 1 && in->imm == 0)
        snprintf(d->buf, d->len, "ret");
    else if (in->rd == 0)
        snprintf(d->buf, d->len, "jr\t%s", addr);
    else if (in->rd == 1)
        snprintf(d->buf, d->len, "jalr\t%s", addr);
    else
        snprintf(d->buf, d->len, "jalr\t%s,%s", R(in->rd), addr);
}

static void put_jal(struct dis *d)
{
    char rd[8];
    if (d->in->rd > 1)
        snprintf(rd, sizeof(rd), "%s,", R(d->in->rd));
    put_mnemonic_target(d, d->in->rd ? "jal" : "j", d->in->rd > 1 ? rd : "");
}

/* beqz, bnez, bgez, bltz with rs2 = zero; blez, bgtz with rs1 = zero. */
static bool put_branch_alias(struct dis *d)
{
    static const struct {
        enum riscv_op op;
        bool rs1_zero;
        const char *name;
    } aliases[] = {
        {RV_BEQ, false, "beqz"}, {RV_BNE, false, "bnez"}, {RV_BGE, true, "blez"},
        {RV_BGE, false, "bgez"}, {RV_BLT, false, "bltz"}, {RV_BLT, true, "bgtz"},
    };
    const struct riscv_insn *in = d->in;
    for (unsigned i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
        bool rs1_zero = aliases[i].rs1_zero;
        if (aliases[i].op == in->op && (rs1_zero ? in->rs1 : in->rs2) == 0) {
            char regs[8];
            snprintf(regs, sizeof(regs), "%s,", R(rs1_zero ? in->rs2 : in->rs1));
            put_mnemonic_target(d, aliases[i].name, regs);
            return true;
        }
    }
    return false;
}

/* Aliases of ALU instructions: "name rd,rs" forms. */
static bool put_alu_alias(struct dis *d)
{
    const struct riscv_insn *in = d->in;
    const char *name = NULL;
    unsigned rs = in->rs1;
    switch (in->op) {
    case RV_ADDI:
        if (!in->rd && !in->rs1 && !in->imm) {
            snprintf(d->buf, d->len, "nop");
            return true;
        }
        if (!in->rs1) {
            snprintf(d->buf, d->len, "li\t%s,%" PRId64, R(in->rd), in->imm);
            return true;
        }
        name = in->imm ? NULL : "mv";
        break;
    case RV_XORI: name = in->imm == -1 ? "not" : NULL; break;
    case RV_ANDI: name = in->imm == 255 ? "zext.b" : NULL; break;
    case RV_SLTIU: name = in->imm == 1 ? "seqz" : NULL; break;
    case RV_ADDIW: name = in->imm ? NULL : "sext.w"; break;
    case RV_ADD: name = in->rs1 ? NULL : "mv", rs = in->rs2; break;
    case RV_SUB: name = in->rs1 ? NULL : "neg", rs = in->rs2; break;
    case RV_SUBW: name = in->rs1 ? NULL : "negw", rs = in->rs2; break;
    case RV_ADD_UW: name = in->rs2 ? NULL : "zext.w"; break;
    case RV_SLTU: name = in->rs1 ? NULL : "snez", rs = in->rs2; break;
    case RV_SLT:
        if (!in->rs2)
            name = "sltz";
        else if (!in->rs1)
            name = "sgtz", rs = in->rs2;
        break;
    default: break;
    }
    if (!name)
        return false;
    snprintf(d->buf, d->len, "%s\t%s,%s", name, R(in->rd), R(rs));
    return true;
}

static void put_generic(struct dis *d, const struct riscv_opdef *def)
{
    static const char *const aqrl[] = {"", ".rl", ".aq", ".aqrl"};
    const struct riscv_insn *in = d->in;
    const char *n = def->name, *rd = R(in->rd), *rs1 = R(in->rs1), *rs2 = R(in->rs2);
    char regs[16];
    switch (def->fmt) {
    case RV_F_R: PUT("%s\t%s,%s,%s", n, rd, rs1, rs2); break;
    case RV_F_I: PUT("%s\t%s,%s,%" PRId64, n, rd, rs1, in->imm); break;
    case RV_F_SH: PUT("%s\t%s,%s,0x%" PRIx64, n, rd, rs1, in->imm); break;
    case RV_F_LOAD: PUT("%s\t%s,%" PRId64 "(%s)", n, rd, in->imm, rs1); break;
    case RV_F_S: PUT("%s\t%s,%" PRId64 "(%s)", n, rs2, in->imm, rs1); break;
    case RV_F_B:
        snprintf(regs, sizeof(regs), "%s,%s,", rs1, rs2);
        put_mnemonic_target(d, n, regs);
        break;
    case RV_F_U: PUT("%s\t%s,0x%" PRIx64, n, rd, ((uint64_t)in->imm >> 12) & 0xfffff); break;
    case RV_F_LR: PUT("%s%s\t%s,(%s)", n, aqrl[in->aqrl], rd, rs1); break;
    case RV_F_AMO: PUT("%s%s\t%s,%s,(%s)", n, aqrl[in->aqrl], rd, rs2, rs1); break;
    case RV_F_R1: PUT("%s\t%s,%s", n, rd, rs1); break;
    default: PUT("%s", n); break;
    }
}

/* fmv, fneg, fabs: sign injection with rs1 = rs2. */
static bool put_fsgnj_alias(struct dis *d, const struct riscv_opdef *def)
{
    static const char *const names[] = {"fmv", "fneg", "fabs"};
    const struct riscv_insn *in = d->in;
    if (def->kind != RV_K_FSGNJ || in->rs1 != in->rs2)
        return false;
    PUT("%s%s\t%s,%s", names[def->arg], def->name + strlen(def->name) - 2, FR(in->rd), FR(in->rs1));
    return true;
}

static void put_fp(struct dis *d, const struct riscv_opdef *def)
{
    static const char *const rm_names[8] = {",rne", ",rtz",     ",rdn",     ",rup",
                                            ",rmm", ",unknown", ",unknown", ""};
    const struct riscv_insn *in = d->in;
    const char *n = def->name;
    /* Conversions that are always exact carry an rm objdump does not show. */
    bool exact = in->op == RV_FCVT_D_S || in->op == RV_FCVT_D_W || in->op == RV_FCVT_D_WU;
    const char *rm = riscv_opdef_has_rm(def) && !exact ? rm_names[(in->raw >> 12) & 7] : "";
    if (put_fsgnj_alias(d, def))
        return;
    switch (def->fmt) {
    case RV_F_FLOAD: PUT("%s\t%s,%" PRId64 "(%s)", n, FR(in->rd), in->imm, R(in->rs1)); break;
    case RV_F_FSTORE: PUT("%s\t%s,%" PRId64 "(%s)", n, FR(in->rs2), in->imm, R(in->rs1)); break;
    case RV_F_FR: PUT("%s\t%s,%s,%s%s", n, FR(in->rd), FR(in->rs1), FR(in->rs2), rm); break;
    case RV_F_FR4:
        PUT("%s\t%s,%s,%s,%s%s", n, FR(in->rd), FR(in->rs1), FR(in->rs2), FR(in->rs3), rm);
        break;
    case RV_F_FR1: PUT("%s\t%s,%s%s", n, FR(in->rd), FR(in->rs1), rm); break;
    case RV_F_F2X: PUT("%s\t%s,%s%s", n, R(in->rd), FR(in->rs1), rm); break;
    case RV_F_X2F: PUT("%s\t%s,%s%s", n, FR(in->rd), R(in->rs1), rm); break;
    default: PUT("%s\t%s,%s,%s", n, R(in->rd), FR(in->rs1), FR(in->rs2)); break; /* FCMP */
    }
}

static void put_insn(struct dis *d)
{
    const struct riscv_opdef *def = &riscv_opdefs[d->in->op];
    if (def->fmt >= RV_F_FLOAD) {
        put_fp(d, def);
        return;
    }
    switch (def->fmt) {
    case RV_F_JALR: put_jalr(d); return;
    case RV_F_J: put_jal(d); return;
    case RV_F_FENCE: put_fence(d); return;
    /* clang-format off */
    case RV_F_CSR: case RV_F_CSRI: put_csr(d, def); return;
    case RV_F_B: if (put_branch_alias(d)) return; break;
    default: if (put_alu_alias(d)) return; break;
        /* clang-format on */
    }
    put_generic(d, def);
}

unsigned riscv_disas_insn(uint32_t raw, bool rv64, uint64_t pc, char *buf, size_t buflen)
{
    struct riscv_insn in;
    unsigned len = riscv_decode(raw, rv64, &in);
    struct dis d = {.buf = buf, .len = buflen, .in = &in, .rv64 = rv64, .pc = pc};
    if (!buflen)
        return in.op == RV_ILLEGAL ? 0 : len;
    if (in.op == RV_ILLEGAL) {
        if (len == 2)
            snprintf(buf, buflen, ".short\t0x%04x", in.raw);
        else
            snprintf(buf, buflen, ".word\t0x%08x", in.raw);
        return 0;
    }
    put_insn(&d);
    return len;
}

unsigned riscv_disas(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len, char *buf,
                     size_t buflen)
{
    uint32_t raw;
    if (len < 2)
        return 0;
    raw = (uint32_t)code[0] | (uint32_t)code[1] << 8;
    if ((raw & 3) == 3) {
        if (len < 4)
            return 0;
        raw |= (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
    }
    return riscv_disas_insn(raw, riscv_cpu_const(cpu)->rv64, pc, buf, buflen);
}
