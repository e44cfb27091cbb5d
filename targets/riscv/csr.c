/* SPDX-License-Identifier: MIT */
/*
 * The CSR file of a hart with machine and user mode (privileged spec 1.12,
 * chapter 2 and 3; Zicntr and Zihpm in the unprivileged spec). CSRs are a
 * table: number, name, read/write functions and an extra access rule. A
 * number missing from the table, or one that does not exist for the XLEN,
 * raises illegal instruction, as bare-metal test suites expect when they
 * probe optional CSRs. There is no S-mode, so medeleg/mideleg and every
 * supervisor CSR are illegal too.
 *
 * Counters: mcycle and minstret both count retired instructions (one cycle
 * per instruction), as cpu->icount plus an offset so that writes work.
 * The engine adds a TB's instruction count to cpu->icount when it enters
 * the TB, and every CSR instruction ends its TB, so while a CSR helper runs
 * cpu->icount counts exactly the instructions up to and including this one.
 * The hpm counters and events exist but are read-only zero, and there are
 * no usable PMP entries: the PMP CSRs read as zero and ignore writes.
 * With F, fflags/frm/fcsr (fpu.c) need mstatus.FS on.
 */
#include <stdio.h>

#include "engine/machine/machine.h"
#include "targets/riscv/internals.h"

struct riscv_csr {
    uint16_t num;
    uint8_t count;    /* a numbered range: num .. num + count - 1 */
    uint8_t first;    /* the number in the name of the first of a range */
    uint8_t xlen;     /* 0: both, 32: rv32 only (the upper halves) */
    const char *name; /* for a range, a format taking the number */
    uint64_t (*read)(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr);
    /* NULL: writes are ignored (read-only zero WARL fields) */
    void (*write)(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr, uint64_t v);
    /* An access rule beyond the privilege and read-only bits of the number. */
    bool (*allowed)(const struct riscv_cpu *c, unsigned csr);
    size_t off;     /* plain registers: the field in struct riscv_cpu */
    uint64_t wmask; /* plain registers: the writable bits */
};

/* ---- counters ------------------------------------------------------------ */

static const uint64_t ctr_inhibit_bit[RISCV_NCTR] = {1u << 0, 1u << 2}; /* CY, IR */

static uint64_t ctr_get(const struct riscv_cpu *c, unsigned ctr)
{
    if (c->mcountinhibit & ctr_inhibit_bit[ctr])
        return c->ctr_frozen[ctr];
    /* Instructions retired before the current one. */
    return c->cpu.icount - 1 + c->ctr_off[ctr];
}

/* The next instruction reads @v. */
static void ctr_set(struct riscv_cpu *c, unsigned ctr, uint64_t v)
{
    if (c->mcountinhibit & ctr_inhibit_bit[ctr])
        c->ctr_frozen[ctr] = v;
    else
        c->ctr_off[ctr] = v - c->cpu.icount;
}

/* mtime as the CLINT derives it: virtual time at the timebase frequency. */
static uint64_t time_now(struct riscv_cpu *c)
{
    struct machine *m = machine_of(&c->cpu.obj);
    if (!m) /* a hart outside a board has no clock */
        return 0;
    uint64_t ns = machine_clock_ns(m, &c->cpu);
    return (uint64_t)((unsigned __int128)ns * m->timebase_hz / 1000000000u);
}

/* cycle/time/instret and their machine twins: the low 5 bits select the
 * counter, bit 7 the upper half on rv32. */
static uint64_t rd_counter(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr)
{
    (void)r;
    unsigned which = csr & 0x1f;
    uint64_t v =
        which == 1 ? time_now(c) : ctr_get(c, which == 0 ? RISCV_CTR_CYCLE : RISCV_CTR_INSTRET);
    return (csr & 0x80) ? v >> 32 : v;
}

static void wr_counter(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr, uint64_t v)
{
    (void)r;
    unsigned ctr = (csr & 0x1f) == 0 ? RISCV_CTR_CYCLE : RISCV_CTR_INSTRET;
    uint64_t cur = ctr_get(c, ctr);
    if (c->rv64)
        cur = v;
    else if (csr & 0x80)
        cur = (cur & 0xffffffffu) | v << 32;
    else
        cur = (cur & ~0xffffffffull) | (uint32_t)v;
    ctr_set(c, ctr, cur);
}

static void wr_mcountinhibit(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr,
                             uint64_t v)
{
    (void)r, (void)csr;
    for (unsigned ctr = 0; ctr < RISCV_NCTR; ctr++) {
        uint64_t bit = ctr_inhibit_bit[ctr];
        if (!(c->mcountinhibit & bit) && (v & bit))
            c->ctr_frozen[ctr] = ctr_get(c, ctr);
        else if ((c->mcountinhibit & bit) && !(v & bit))
            c->ctr_off[ctr] = c->ctr_frozen[ctr] - c->cpu.icount;
    }
    c->mcountinhibit = v & (ctr_inhibit_bit[0] | ctr_inhibit_bit[1]);
}

/* User access to a counter needs its mcounteren bit (spec 3.1.11). */
static bool user_counter_ok(const struct riscv_cpu *c, unsigned csr)
{
    return c->priv == RISCV_PRIV_M || ((c->mcounteren >> (csr & 0x1f)) & 1);
}

/* ---- machine registers --------------------------------------------------- */

static uint64_t rd_zero(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr)
{
    (void)c, (void)r, (void)csr;
    return 0;
}

static uint64_t rd_field(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr)
{
    (void)csr;
    return *(const uint64_t *)((const char *)c + r->off);
}

static void wr_field(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr, uint64_t v)
{
    (void)csr;
    uint64_t *f = (uint64_t *)((char *)c + r->off);
    *f = (*f & ~r->wmask) | (v & r->wmask);
}

static uint64_t rd_hartid(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr)
{
    (void)r, (void)csr;
    return c->cpu.index;
}

uint64_t riscv_mstatus_read(const struct riscv_cpu *c)
{
    /* UXL reads as XLEN 64 on rv64 (spec 3.1.6.2); SD summarizes a Dirty
     * FS (3.1.6.6; there is no XS or VS state). Nothing else is fixed
     * non-zero without S-mode, V or big-endian support. */
    uint64_t sd = (c->mstatus & MSTATUS_FS) == MSTATUS_FS_DIRTY ? 1ull << (c->rv64 ? 63 : 31) : 0;
    return c->mstatus | sd | (c->rv64 ? 2ull << MSTATUS_UXL_SHIFT : 0);
}

static uint64_t rd_mstatus(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr)
{
    (void)r, (void)csr;
    return riscv_mstatus_read(c);
}

static void wr_mstatus(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr, uint64_t v)
{
    (void)r, (void)csr;
    /* MPP is WARL over the modes that exist: M and U; others keep it. */
    uint64_t mpp = (v & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    if (mpp != RISCV_PRIV_M && mpp != RISCV_PRIV_U)
        v = (v & ~MSTATUS_MPP) | (c->mstatus & MSTATUS_MPP);
    /* FS exists with F; without F and S-mode it is read-only zero. */
    uint64_t fs = (c->ext & RISCV_EXT_F) ? MSTATUS_FS : 0;
    c->mstatus = v & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TW | fs);
    riscv_recheck_irq(c);
}

static void wr_mie(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr, uint64_t v)
{
    wr_field(c, r, csr, v);
    riscv_recheck_irq(c);
}

/* mip bits follow the interrupt lines; software cannot change them. */
static uint64_t rd_mip(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr)
{
    (void)r, (void)csr;
    return __atomic_load_n(&c->mip, __ATOMIC_ACQUIRE) & RISCV_MIP_MASK;
}

static void wr_mtvec(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr, uint64_t v)
{
    (void)r, (void)csr;
    uint64_t mode = v & 3;
    if (mode >= 2) /* reserved modes: keep the current one (WARL) */
        mode = c->mtvec & 3;
    c->mtvec = (v & ~3ull) | mode;
}

static uint64_t rd_fcsr(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr)
{
    (void)r;
    return riscv_fcsr_read(c, csr);
}

static void wr_fcsr(struct riscv_cpu *c, const struct riscv_csr *r, unsigned csr, uint64_t v)
{
    (void)r;
    riscv_fcsr_write(c, csr, v);
}

/* rv64 has only the even pmpcfg registers (spec 3.7.1). */
static bool pmpcfg_ok(const struct riscv_cpu *c, unsigned csr)
{
    return !c->rv64 || !(csr & 1);
}

#define F(field) offsetof(struct riscv_cpu, field)
/* clang-format off */
#define ONE(n, x, name, rd, wr, ok, off, wm) {n, 1, 0, x, name, rd, wr, ok, off, wm}
#define RANGE(n, cnt, first, x, name, ok) {n, cnt, first, x, name, rd_zero, NULL, ok, 0, 0}
/* clang-format on */

static const struct riscv_csr csr_table[] = {
    ONE(0x001, 0, "fflags", rd_fcsr, wr_fcsr, riscv_fp_csr_ok, 0, 0),
    ONE(0x002, 0, "frm", rd_fcsr, wr_fcsr, riscv_fp_csr_ok, 0, 0),
    ONE(0x003, 0, "fcsr", rd_fcsr, wr_fcsr, riscv_fp_csr_ok, 0, 0),
    ONE(0xc00, 0, "cycle", rd_counter, NULL, user_counter_ok, 0, 0),
    ONE(0xc01, 0, "time", rd_counter, NULL, user_counter_ok, 0, 0),
    ONE(0xc02, 0, "instret", rd_counter, NULL, user_counter_ok, 0, 0),
    RANGE(0xc03, 29, 3, 0, "hpmcounter%u", user_counter_ok),
    ONE(0xc80, 32, "cycleh", rd_counter, NULL, user_counter_ok, 0, 0),
    ONE(0xc81, 32, "timeh", rd_counter, NULL, user_counter_ok, 0, 0),
    ONE(0xc82, 32, "instreth", rd_counter, NULL, user_counter_ok, 0, 0),
    RANGE(0xc83, 29, 3, 32, "hpmcounter%uh", user_counter_ok),
    ONE(0xf11, 0, "mvendorid", rd_zero, NULL, NULL, 0, 0),
    ONE(0xf12, 0, "marchid", rd_zero, NULL, NULL, 0, 0),
    ONE(0xf13, 0, "mimpid", rd_zero, NULL, NULL, 0, 0),
    ONE(0xf14, 0, "mhartid", rd_hartid, NULL, NULL, 0, 0),
    ONE(0xf15, 0, "mconfigptr", rd_zero, NULL, NULL, 0, 0),
    ONE(0x300, 0, "mstatus", rd_mstatus, wr_mstatus, NULL, 0, 0),
    ONE(0x301, 0, "misa", rd_field, NULL, NULL, F(misa), 0),
    ONE(0x304, 0, "mie", rd_field, wr_mie, NULL, F(mie), RISCV_MIP_MASK),
    ONE(0x305, 0, "mtvec", rd_field, wr_mtvec, NULL, F(mtvec), 0),
    ONE(0x306, 0, "mcounteren", rd_field, wr_field, NULL, F(mcounteren), 0xffffffffu),
    ONE(0x30a, 0, "menvcfg", rd_field, wr_field, NULL, F(menvcfg), 1), /* FIOM */
    ONE(0x310, 32, "mstatush", rd_zero, NULL, NULL, 0, 0),
    ONE(0x31a, 32, "menvcfgh", rd_zero, NULL, NULL, 0, 0),
    ONE(0x320, 0, "mcountinhibit", rd_field, wr_mcountinhibit, NULL, F(mcountinhibit), 0),
    RANGE(0x323, 29, 3, 0, "mhpmevent%u", NULL),
    ONE(0x340, 0, "mscratch", rd_field, wr_field, NULL, F(mscratch), ~0ull),
    ONE(0x341, 0, "mepc", rd_field, wr_field, NULL, F(mepc), ~1ull), /* IALIGN 16 */
    ONE(0x342, 0, "mcause", rd_field, wr_field, NULL, F(mcause), ~0ull),
    ONE(0x343, 0, "mtval", rd_field, wr_field, NULL, F(mtval), ~0ull),
    ONE(0x344, 0, "mip", rd_mip, NULL, NULL, 0, 0),
    RANGE(0x3a0, 4, 0, 0, "pmpcfg%u", pmpcfg_ok),
    RANGE(0x3b0, 16, 0, 0, "pmpaddr%u", NULL),
    ONE(0xb00, 0, "mcycle", rd_counter, wr_counter, NULL, 0, 0),
    ONE(0xb02, 0, "minstret", rd_counter, wr_counter, NULL, 0, 0),
    RANGE(0xb03, 29, 3, 0, "mhpmcounter%u", NULL),
    ONE(0xb80, 32, "mcycleh", rd_counter, wr_counter, NULL, 0, 0),
    ONE(0xb82, 32, "minstreth", rd_counter, wr_counter, NULL, 0, 0),
    RANGE(0xb83, 29, 3, 32, "mhpmcounter%uh", NULL),
};

static const struct riscv_csr *csr_find(unsigned csr, bool rv64)
{
    for (size_t i = 0; i < sizeof(csr_table) / sizeof(csr_table[0]); i++) {
        const struct riscv_csr *r = &csr_table[i];
        if (csr >= r->num && csr < r->num + r->count && !(r->xlen == 32 && rv64))
            return r;
    }
    return NULL;
}

bool riscv_csr_name(unsigned csr, bool rv64, char *buf, size_t len)
{
    const struct riscv_csr *r = csr_find(csr, rv64);
    if (!r)
        return false;
    if (r->count > 1)
        snprintf(buf, len, r->name, csr - r->num + r->first);
    else
        snprintf(buf, len, "%s", r->name);
    return true;
}

bool riscv_csr_debug_read(struct riscv_cpu *c, unsigned csr, uint64_t *value)
{
    const struct riscv_csr *r = csr_find(csr, c->rv64);
    if (!r)
        return false;
    *value = riscv_xlen_val(c, r->read(c, r, csr));
    return true;
}

bool riscv_csr_debug_write(struct riscv_cpu *c, unsigned csr, uint64_t value)
{
    const struct riscv_csr *r = csr_find(csr, c->rv64);
    if (!r)
        return false;
    if (r->write)
        r->write(c, r, csr, riscv_xlen_val(c, value));
    return true;
}

void riscv_csr_reset(struct riscv_cpu *c)
{
    c->mstatus = 0; /* FS Off: firmware turns the FPU on, as on QEMU */
    c->mie = 0;
    c->fflags = c->frm = 0;
    c->mtvec = c->mepc = c->mcause = c->mtval = c->mscratch = 0;
    c->menvcfg = 0;
    c->mcounteren = c->mcountinhibit = 0;
    for (unsigned i = 0; i < RISCV_NCTR; i++) {
        c->ctr_off[i] = 0 - c->cpu.icount;
        c->ctr_frozen[i] = 0;
    }
}

/*
 * csrrw/csrrs/csrrc and their immediate forms (Zicsr, unprivileged spec
 * 9.1). @insn is the instruction, @src the rs1 value or the uimm. A CSR
 * that does not exist, needs more privilege (number bits 9:8), is written
 * while read-only (bits 11:10 = 3) or fails its own rule raises illegal
 * instruction with mtval = the instruction. csrrw with rd = x0 does not
 * read; csrrs/csrrc with rs1 = x0 (or uimm = 0) do not write.
 */
static uint64_t helper_csr(struct cpu *cpu, uint64_t insn, uint64_t src, uint64_t a2, uint64_t a3)
{
    (void)a2, (void)a3;
    struct riscv_cpu *c = riscv_cpu(cpu);
    unsigned csr = (unsigned)(insn >> 20) & 0xfff, op = (insn >> 12) & 3;
    bool write = op == 1 || ((insn >> 15) & 31) != 0;
    bool read = op != 1 || ((insn >> 7) & 31) != 0;
    const struct riscv_csr *r = csr_find(csr, c->rv64);
    if (!r || ((csr >> 8) & 3) > c->priv || (write && (csr >> 10) == 3) ||
        (r->allowed && !r->allowed(c, csr)))
        riscv_raise(c, RISCV_EXCP_ILLEGAL, insn);
    uint64_t old = read ? riscv_xlen_val(c, r->read(c, r, csr)) : 0;
    if (write && r->write) {
        uint64_t v = op == 1 ? src : op == 2 ? old | src : old & ~src;
        r->write(c, r, csr, riscv_xlen_val(c, v));
    }
    return old;
}

const struct ir_helper riscv_helper_csr = {"csr", helper_csr, 2, IR_I64};
