/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the pure RISC-V decoder: immediates of every format at
 * their extremes, every compressed instruction against the 32-bit
 * instruction it expands to (pairs assembled by GNU as), XLEN-dependent
 * encodings, and that every entry of the opcode table is reachable.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "targets/riscv/internals.h"

enum xlen { RV_BOTH, RV32, RV64 };

static struct riscv_insn dec(uint32_t raw, bool rv64)
{
    struct riscv_insn in;
    unsigned len = riscv_decode(raw, rv64, &in);
    assert_int_equal(len, in.len);
    return in;
}

static void test_immediates(void **state)
{
    (void)state;
    struct riscv_insn in = dec(0x80058513, true); /* addi a0,a1,-2048 */
    assert_int_equal(in.op, RV_ADDI);
    assert_int_equal(in.rd, 10);
    assert_int_equal(in.rs1, 11);
    assert_int_equal(in.imm, -2048);
    assert_int_equal(dec(0x7ff58513, true).imm, 2047);
    in = dec(0x80a5a023, true); /* sw a0,-2048(a1) */
    assert_int_equal(in.op, RV_SW);
    assert_int_equal(in.rs1, 11);
    assert_int_equal(in.rs2, 10);
    assert_int_equal(in.imm, -2048);
    in = dec(0x80b50063, true); /* beq a0,a1,.-4096 */
    assert_int_equal(in.op, RV_BEQ);
    assert_int_equal(in.imm, -4096);
    assert_int_equal(dec(0x7eb50fe3, true).imm, 4094);
    in = dec(0x80000537, true); /* lui a0,0x80000 */
    assert_int_equal(in.op, RV_LUI);
    assert_int_equal(in.imm, -0x80000000ll);
    assert_int_equal(dec(0x800000ef, true).imm, -1048576); /* jal ra,.-1MiB */
    assert_int_equal(dec(0x7ffff0ef, true).imm, 1048574);
    in = dec(0x03f59513, true); /* slli a0,a1,63 */
    assert_int_equal(in.op, RV_SLLI);
    assert_int_equal(in.imm, 63);
    assert_int_equal(dec(0x4015d513, true).op, RV_SRAI);
}

static void test_system_fields(void **state)
{
    (void)state;
    struct riscv_insn in = dec(0x340fe573, false); /* csrrsi a0,mscratch,31 */
    assert_int_equal(in.op, RV_CSRRSI);
    assert_int_equal(in.csr, 0x340);
    assert_int_equal(in.rd, 10);
    assert_int_equal(in.imm, 31);
    in = dec(0xb0002573, false); /* csrr a0,mcycle */
    assert_int_equal(in.op, RV_CSRRS);
    assert_int_equal(in.csr, 0xb00);
    in = dec(0x1605a52f, false); /* lr.w.aqrl a0,(a1) */
    assert_int_equal(in.op, RV_LR_W);
    assert_int_equal(in.aqrl, 3);
    in = dec(0x1ac5b52f, true); /* sc.d.rl a0,a2,(a1) */
    assert_int_equal(in.op, RV_SC_D);
    assert_int_equal(in.aqrl, 1);
    assert_int_equal(in.rs2, 12);
    in = dec(0x8330000f, false); /* fence.tso: fm 8, pred rw, succ rw */
    assert_int_equal(in.op, RV_FENCE);
    assert_int_equal(in.imm, 0x833);
    /* Reserved fence fields are ignored (unprivileged spec 2.7). */
    assert_int_equal(dec(0x61bb918f, false).op, RV_FENCE_I);
    assert_int_equal(dec(0x00100073, false).op, RV_EBREAK);
    assert_int_equal(dec(0x30200073, false).op, RV_MRET);
    assert_int_equal(dec(0x10500073, false).op, RV_WFI);
    assert_int_equal(dec(0x10200073, false).op, RV_ILLEGAL); /* sret */
}

struct cpair {
    enum xlen xlen;
    uint32_t full;
    uint16_t compressed;
};

static const struct cpair pairs[] = {
    {RV_BOTH, 0x01010513, 0x0808}, /* c.addi4spn a0,sp,16 */
    {RV_BOTH, 0x3fc10493, 0x1fe4}, /* c.addi4spn s1,sp,1020 */
    {RV_BOTH, 0x0045a503, 0x41c8}, /* c.lw a0,4(a1) */
    {RV_BOTH, 0x07c7a403, 0x5fe0}, /* c.lw s0,124(a5) */
    {RV_BOTH, 0x04a5a023, 0xc1a8}, /* c.sw a0,64(a1) */
    {RV_BOTH, 0x00000013, 0x0001}, /* c.nop */
    {RV_BOTH, 0xfff50513, 0x157d}, /* c.addi a0,-1 */
    {RV_BOTH, 0x01f28293, 0x02fd}, /* c.addi t0,31 */
    {RV_BOTH, 0xfe000513, 0x5501}, /* c.li a0,-32 */
    {RV_BOTH, 0x1f010113, 0x617d}, /* c.addi16sp sp,496 */
    {RV_BOTH, 0xe0010113, 0x7101}, /* c.addi16sp sp,-512 */
    {RV_BOTH, 0x0001f537, 0x657d}, /* c.lui a0,0x1f */
    {RV_BOTH, 0xfffe0fb7, 0x7f81}, /* c.lui t6,0xfffe0 */
    {RV_BOTH, 0x00155513, 0x8105}, /* c.srli a0,1 */
    {RV_BOTH, 0x41f4d493, 0x84fd}, /* c.srai s1,31 */
    {RV_BOTH, 0xfe07f793, 0x9b81}, /* c.andi a5,-32 */
    {RV_BOTH, 0x40940433, 0x8c05}, /* c.sub s0,s1 */
    {RV_BOTH, 0x00f54533, 0x8d3d}, /* c.xor a0,a5 */
    {RV_BOTH, 0x00c5e5b3, 0x8dd1}, /* c.or a1,a2 */
    {RV_BOTH, 0x00e6f6b3, 0x8ef9}, /* c.and a3,a4 */
    {RV_BOTH, 0x7fe0006f, 0xaffd}, /* c.j .+2046 */
    {RV_BOTH, 0x801ff06f, 0xb001}, /* c.j .-2048 */
    {RV_BOTH, 0x0e050f63, 0xcd7d}, /* c.beqz a0,.+254 */
    {RV_BOTH, 0xf00490e3, 0xf081}, /* c.bnez s1,.-256 */
    {RV_BOTH, 0x01f51513, 0x057e}, /* c.slli a0,31 */
    {RV_BOTH, 0x0fc12083, 0x50fe}, /* c.lwsp ra,252(sp) */
    {RV_BOTH, 0x00050067, 0x8502}, /* c.jr a0 */
    {RV_BOTH, 0x00b00533, 0x852e}, /* c.mv a0,a1 */
    {RV_BOTH, 0x00100073, 0x9002}, /* c.ebreak */
    {RV_BOTH, 0x000280e7, 0x9282}, /* c.jalr t0 */
    {RV_BOTH, 0x01f50533, 0x957e}, /* c.add a0,t6 */
    {RV_BOTH, 0x0ff12e23, 0xdffe}, /* c.swsp t6,252(sp) */
    {RV64, 0x0f85b503, 0x7de8},    /* c.ld a0,248(a1) */
    {RV64, 0x00a5b423, 0xe588},    /* c.sd a0,8(a1) */
    {RV64, 0xfff5051b, 0x357d},    /* c.addiw a0,-1 */
    {RV64, 0x4094043b, 0x9c05},    /* c.subw s0,s1 */
    {RV64, 0x00b5053b, 0x9d2d},    /* c.addw a0,a1 */
    {RV64, 0x1f813503, 0x757e},    /* c.ldsp a0,504(sp) */
    {RV64, 0x1e113c23, 0xff86},    /* c.sdsp ra,504(sp) */
    {RV64, 0x03f51513, 0x157e},    /* c.slli a0,63 */
    {RV64, 0x02055513, 0x9101},    /* c.srli a0,32 */
    {RV64, 0x4217d793, 0x9785},    /* c.srai a5,33 */
    {RV32, 0x7fe000ef, 0x2ffd},    /* c.jal .+2046 */
    {RV32, 0x801ff0ef, 0x3001},    /* c.jal .-2048 */
};

static void check_pair(const struct cpair *p, bool rv64)
{
    struct riscv_insn f = dec(p->full, rv64), c = dec(p->compressed, rv64);
    if (f.op == RV_ILLEGAL || c.op != f.op || c.rd != f.rd || c.rs1 != f.rs1 || c.rs2 != f.rs2 ||
        c.imm != f.imm || c.len != 2 || c.raw != p->compressed)
        fail_msg("0x%04x on rv%d: op %d rd %u rs1 %u rs2 %u imm %lld, want op %d rd %u rs1 %u "
                 "rs2 %u imm %lld",
                 p->compressed, rv64 ? 64 : 32, c.op, c.rd, c.rs1, c.rs2, (long long)c.imm, f.op,
                 f.rd, f.rs1, f.rs2, (long long)f.imm);
}

static void test_compressed_expansion(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        if (pairs[i].xlen != RV64)
            check_pair(&pairs[i], false);
        if (pairs[i].xlen != RV32)
            check_pair(&pairs[i], true);
    }
}

/* Encodings whose meaning depends on XLEN. */
static void test_xlen_dependent(void **state)
{
    (void)state;
    assert_int_equal(dec(0x2001, false).op, RV_JAL); /* c.jal */
    assert_int_equal(dec(0x2001, false).rd, 1);
    assert_int_equal(dec(0x2001, true).op, RV_ILLEGAL);  /* c.addiw x0 */
    assert_int_equal(dec(0x6188, false).op, RV_FLW);     /* c.flw */
    assert_int_equal(dec(0x6188, true).op, RV_LD);       /* c.ld */
    assert_int_equal(dec(0x9105, false).op, RV_ILLEGAL); /* c.srli shamt 33 */
    assert_int_equal(dec(0x9105, true).op, RV_SRLI);
    assert_int_equal(dec(0x02059513, false).op, RV_ILLEGAL); /* slli shamt 32 */
    assert_int_equal(dec(0x02059513, true).op, RV_SLLI);
    assert_int_equal(dec(0x0005851b, false).op, RV_ILLEGAL); /* addiw */
    assert_int_equal(dec(0x0200d51b, true).op, RV_ILLEGAL);  /* srliw shamt 32 */
}

/* Only the low 16 bits of a compressed parcel count; 32-bit ones need 11. */
static void test_length(void **state)
{
    (void)state;
    struct riscv_insn in;
    assert_int_equal(riscv_decode(0xdead0001, true, &in), 2);
    assert_int_equal(in.raw, 0x0001);
    assert_int_equal(in.op, RV_ADDI);
    assert_int_equal(riscv_decode(0x00000013, true, &in), 4);
    assert_int_equal(riscv_decode(0x0000, true, &in), 2);
    assert_int_equal(in.op, RV_ILLEGAL);
    assert_int_equal(riscv_decode(0xffffffff, true, &in), 4);
    assert_int_equal(in.op, RV_ILLEGAL);
    assert_int_equal(in.raw, 0xffffffff);
}

/* Each table entry decodes to itself from its own match pattern, so no
 * entry is shadowed by an earlier, looser one. */
static void test_table_reachable(void **state)
{
    (void)state;
    for (unsigned op = RV_ILLEGAL + 1; op < RV_OP_COUNT; op++) {
        const struct riscv_opdef *d = &riscv_opdefs[op];
        assert_non_null(d->name);
        bool rv64 = d->xlen != 32;
        struct riscv_insn in = dec(d->match, rv64);
        if (in.op != (enum riscv_op)op)
            fail_msg("%s (0x%08x) decodes as op %d", d->name, d->match, in.op);
        if (d->xlen == 64 && dec(d->match, false).op != RV_ILLEGAL)
            fail_msg("%s exists on rv32", d->name);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_immediates),
        cmocka_unit_test(test_system_fields),
        cmocka_unit_test(test_compressed_expansion),
        cmocka_unit_test(test_xlen_dependent),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_table_reachable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
