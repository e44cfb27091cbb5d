/* SPDX-License-Identifier: MIT */
/*
 * The System Control Space (ARM ARM B3.2): one MMIO region at 0xE000E000
 * mapped into the cluster's view by cluster_realize, holding the System
 * Control Block, SysTick (systick.c), the NVIC (nvic.c) and the few
 * debug registers software touches. The SCS is banked per core: the
 * handlers act on the core executing the access, and on the cluster's
 * first core for a debugger's access.
 *
 * Unprivileged accesses are bus errors, except STIR with
 * CCR.USERSETMPEND (B3.2.3). Registers are word-sized; the priority
 * bytes (SHPR, IPR) and the CFSR subregisters may also be written by
 * byte or halfword. There is no MPU (MPU_TYPE reads 0). With the FP
 * extension, CPACR, FPCCR, FPCAR, FPDSCR and MVFR0-2 (B3.2.20-B3.2.23,
 * context handling in fpctx.c); without it they read as zero.
 * Unimplemented offsets read as zero and ignore writes.
 */
#include <errno.h>
#include <inttypes.h>

#include "engine/io/log.h"
#include "targets/arm/internals.h"

#define SCS_BASE 0xe000e000u
#define SCS_SIZE 0x1000u

/* clang-format off */
enum {
    SCS_ICTR = 0x004, SCS_ACTLR = 0x008, SYST_CSR = 0x010, SYST_CALIB = 0x01c,
    SCB_CPUID = 0xd00, SCB_ICSR = 0xd04, SCB_VTOR = 0xd08, SCB_AIRCR = 0xd0c, SCB_SCR = 0xd10,
    SCB_CCR = 0xd14, SCB_SHPR1 = 0xd18, SCB_SHPR3 = 0xd20, SCB_SHCSR = 0xd24, SCB_CFSR = 0xd28,
    SCB_HFSR = 0xd2c, SCB_DFSR = 0xd30, SCB_MMFAR = 0xd34, SCB_BFAR = 0xd38,
    SCB_ID_FIRST = 0xd40, SCB_ID_LAST = 0xd7c, SCB_CPACR = 0xd88, SCB_DEMCR = 0xdfc,
    SCB_STIR = 0xf00, FP_FPCCR = 0xf34, FP_FPCAR = 0xf38, FP_FPDSCR = 0xf3c, FP_MVFR0 = 0xf40,
    FP_MVFR1 = 0xf44, FP_MVFR2 = 0xf48,
};
/* clang-format on */

#define ICSR_NMIPENDSET (1u << 31)
#define ICSR_PENDSVSET (1u << 28)
#define ICSR_PENDSVCLR (1u << 27)
#define ICSR_PENDSTSET (1u << 26)
#define ICSR_PENDSTCLR (1u << 25)
#define ICSR_ISRPENDING (1u << 22)
#define ICSR_RETTOBASE (1u << 11)
#define AIRCR_VECTKEY 0x05fau
#define AIRCR_VECTKEYSTAT 0xfa05u
#define AIRCR_SYSRESETREQ (1u << 2)
#define AIRCR_VECTRESET (1u << 0)
#define CCR_WRITABLE                                                                               \
    (CCR_NONBASETHRDENA | CCR_USERSETMPEND | CCR_UNALIGN_TRP | CCR_DIV_0_TRP | CCR_BFHFNMIGN |     \
     CCR_STKALIGN)

/* CPUID (B3.2.3): Cortex-M0 r0p0, M0+ r0p1, M3 r2p1, M4 r0p1, M7 r1p2. */
#define CPUID_M0 0x410cc200u
#define CPUID_M0PLUS 0x410cc601u
#define CPUID_M3 0x412fc231u
#define CPUID_M4 0x410fc241u
#define CPUID_M7 0x411fc272u

#define CPACR_CP10_CP11 (0xfu << CPACR_CP10_SHIFT)
#define FPCCR_WRITABLE                                                                             \
    (FPCCR_ASPEN | FPCCR_LSPEN | FPCCR_MONRDY | FPCCR_BFRDY | FPCCR_MMRDY | FPCCR_HFRDY |          \
     FPCCR_THREAD | FPCCR_USER | FPCCR_LSPACT)
#define FPDSCR_WRITABLE (FPSCR_AHP | FPSCR_DN | FPSCR_FZ | 3u << FPSCR_RMODE_SHIFT)

static uint32_t cpuid(const struct arm_cpu *c)
{
    if (c->feat & ARM_FEAT_V6M)
        return (c->feat & ARM_FEAT_NO_VTOR) ? CPUID_M0 : CPUID_M0PLUS;
    if (c->feat & ARM_FEAT_FPV5)
        return CPUID_M7;
    return c->dsp ? CPUID_M4 : CPUID_M3;
}

/* MVFR0-2, the Media and FP Feature Registers: FPv4-SP-D16, or FPv5-D16
 * with double precision (the values of the Cortex-M4 and M7 TRMs). */
static uint32_t mvfr(const struct arm_cpu *c, unsigned n)
{
    static const uint32_t sp[3] = {0x10110021, 0x11000011, 0};
    static const uint32_t dp[3] = {0x10110221, 0x12000011, 0x40};
    if (!arm_has_fp(c))
        return 0;
    return (c->feat & ARM_FEAT_FP_DP) ? dp[n] : sp[n];
}

/* ID_PFR0 .. ID_ISAR4 (B4.1), by the DSP extension's presence. */
static const uint32_t id_regs[2][16] = {
    {0x30, 0x200, 0x100000, 0, 0x100030, 0, 0x1000000, 0, 0x1101110, 0x2111000, 0x21112231,
     0x1111110, 0x1310102, 0, 0, 0},
    {0x30, 0x200, 0x100000, 0, 0x100030, 0, 0x1000000, 0, 0x1101110, 0x2112000, 0x21112231,
     0x1111110, 0x1310132, 0, 0, 0},
};

/* System handler state shown in SHCSR: bit, exception, active (else pending). */
static const struct {
    uint8_t bit, exc;
    bool active;
} shcsr_bits[] = {
    {0, ARM_EXC_MEM, true},      {1, ARM_EXC_BUS, true},      {3, ARM_EXC_USAGE, true},
    {7, ARM_EXC_SVC, true},      {8, ARM_EXC_DEBUGMON, true}, {10, ARM_EXC_PENDSV, true},
    {11, ARM_EXC_SYSTICK, true}, {12, ARM_EXC_USAGE, false},  {13, ARM_EXC_MEM, false},
    {14, ARM_EXC_BUS, false},    {15, ARM_EXC_SVC, false},
};

/* The exceptions with a configurable priority byte in SHPR1-3 (ARMv6-M
 * has only SVCall, PendSV and SysTick). */
static bool shpr_writable(const struct arm_cpu *c, unsigned exc)
{
    if (arm_v6m(c))
        return exc == ARM_EXC_SVC || exc >= ARM_EXC_PENDSV;
    return (exc >= ARM_EXC_MEM && exc <= ARM_EXC_USAGE) || exc == ARM_EXC_SVC ||
           exc == ARM_EXC_DEBUGMON || exc >= ARM_EXC_PENDSV;
}

/* SCB registers ARMv6-M does not have (ARMv6-M ARM B3.2): they read as
 * zero and ignore writes; so does VTOR without the option (Cortex-M0). */
static bool absent(const struct arm_cpu *c, uint32_t offset)
{
    if (!arm_v6m(c))
        return false;
    switch (offset) {
    case SCB_VTOR: return c->feat & ARM_FEAT_NO_VTOR;
    case SCB_SHPR1:
    case SCB_CFSR:
    case SCB_HFSR:
    case SCB_DFSR:
    case SCB_MMFAR:
    case SCB_BFAR:
    case SCB_STIR: return true;
    default: return offset >= SCB_ID_FIRST && offset <= SCB_ID_LAST;
    }
}

static bool irq_pending_any(const struct arm_cpu *c)
{
    for (unsigned w = 0; w < ARM_EXC_WORDS; w++) {
        uint32_t bits = c->nvic.pending[w];
        if (w == 0)
            bits &= ~0xffffu;
        if (bits)
            return true;
    }
    return false;
}

static uint32_t icsr_read(const struct arm_cpu *c)
{
    uint32_t v = c->ipsr & XPSR_EXC_MASK;
    v |= (arm_pending_exception(c) & 0x1ff) << 12;
    if (irq_pending_any(c))
        v |= ICSR_ISRPENDING;
    if (arm_handler_mode(c) && arm_active_count(c) <= 1)
        v |= ICSR_RETTOBASE;
    if (arm_is_pending(c, ARM_EXC_NMI))
        v |= ICSR_NMIPENDSET;
    if (arm_is_pending(c, ARM_EXC_PENDSV))
        v |= ICSR_PENDSVSET;
    if (arm_is_pending(c, ARM_EXC_SYSTICK))
        v |= ICSR_PENDSTSET;
    return v;
}

static void icsr_write(struct arm_cpu *c, uint32_t v)
{
    if (v & ICSR_NMIPENDSET)
        arm_set_pending(c, ARM_EXC_NMI, true);
    if (v & (ICSR_PENDSVSET | ICSR_PENDSVCLR))
        arm_set_pending(c, ARM_EXC_PENDSV, v & ICSR_PENDSVSET);
    if (v & (ICSR_PENDSTSET | ICSR_PENDSTCLR))
        arm_set_pending(c, ARM_EXC_SYSTICK, v & ICSR_PENDSTSET);
}

static uint32_t shpr_read(const struct arm_cpu *c, uint32_t offset)
{
    unsigned first = ARM_EXC_MEM + (offset - SCB_SHPR1);
    uint32_t v = 0;
    for (unsigned i = 0; i < 4; i++)
        if (shpr_writable(c, first + i))
            v |= (uint32_t)c->nvic.prio[first + i] << (8 * i);
    return v;
}

static void shpr_write(struct arm_cpu *c, uint32_t offset, uint32_t v, unsigned size)
{
    unsigned first = ARM_EXC_MEM + (offset - SCB_SHPR1);
    for (unsigned i = 0; i < size; i++)
        if (shpr_writable(c, first + i))
            c->nvic.prio[first + i] = (uint8_t)(v >> (8 * i)) & arm_prio_mask(c);
}

static uint32_t shcsr_read(const struct arm_cpu *c)
{
    uint32_t v = c->nvic.shcsr;
    for (unsigned i = 0; i < sizeof(shcsr_bits) / sizeof(shcsr_bits[0]); i++) {
        unsigned e = shcsr_bits[i].exc;
        if (shcsr_bits[i].active ? arm_is_active(c, e) : arm_is_pending(c, e))
            v |= 1u << shcsr_bits[i].bit;
    }
    return v;
}

/* Writing SHCSR sets the enables and the active/pending state itself
 * (an OS restoring a context may do so). ARMv6-M has only SVCALLPENDED. */
static void shcsr_write(struct arm_cpu *c, uint32_t v)
{
    if (arm_v6m(c))
        v &= 1u << 15;
    c->nvic.shcsr = v & (SHCSR_MEMFAULTENA | SHCSR_BUSFAULTENA | SHCSR_USGFAULTENA);
    for (unsigned i = 0; i < sizeof(shcsr_bits) / sizeof(shcsr_bits[0]); i++) {
        bool on = v & (1u << shcsr_bits[i].bit);
        if (shcsr_bits[i].active)
            arm_set_active(c, shcsr_bits[i].exc, on);
        else
            arm_set_pending(c, shcsr_bits[i].exc, on);
    }
}

static void aircr_write(struct arm_cpu *c, uint32_t v)
{
    if ((v >> 16) != AIRCR_VECTKEY)
        return;
    c->nvic.prigroup = (v >> 8) & 7;
    if (v & (AIRCR_SYSRESETREQ | AIRCR_VECTRESET)) {
        c->reset_pending = true;
        cpu_interrupt(&c->cpu);
    }
}

static uint32_t scb_read(struct arm_cpu *c, uint32_t offset)
{
    const struct arm_nvic *n = &c->nvic;
    if (absent(c, offset))
        return 0;
    if (offset >= SCB_SHPR1 && offset <= SCB_SHPR3)
        return shpr_read(c, offset);
    if (offset >= SCB_ID_FIRST && offset <= SCB_ID_LAST)
        return id_regs[c->dsp][(offset - SCB_ID_FIRST) / 4];
    switch (offset) {
    case SCB_CPUID: return cpuid(c);
    case SCB_ICSR: return icsr_read(c);
    case SCB_VTOR: return n->vtor;
    case SCB_AIRCR: return AIRCR_VECTKEYSTAT << 16 | n->prigroup << 8;
    case SCB_SCR: return n->scr;
    case SCB_CCR: return n->ccr;
    case SCB_SHCSR: return shcsr_read(c);
    case SCB_CFSR: return n->cfsr;
    case SCB_HFSR: return n->hfsr;
    case SCB_DFSR: return n->dfsr;
    case SCB_MMFAR: return n->mmfar;
    case SCB_BFAR: return n->bfar;
    case SCB_DEMCR: return n->demcr;
    case SCB_CPACR: return n->cpacr;
    case FP_FPCCR: return n->fpccr;
    case FP_FPCAR: return n->fpcar;
    case FP_FPDSCR: return n->fpdscr;
    case FP_MVFR0:
    case FP_MVFR1:
    case FP_MVFR2: return mvfr(c, (offset - FP_MVFR0) / 4);
    default: return 0;
    }
}

/* The FP extension's registers; CPACR and FPCCR are in the TB flags. */
static void fp_write(struct arm_cpu *c, uint32_t offset, uint32_t v)
{
    struct arm_nvic *n = &c->nvic;
    if (!arm_has_fp(c))
        return;
    switch (offset) {
    case SCB_CPACR: n->cpacr = v & CPACR_CP10_CP11; break;
    case FP_FPCCR: n->fpccr = v & FPCCR_WRITABLE; break;
    case FP_FPCAR: n->fpcar = v & ~7u; break;
    default: n->fpdscr = v & FPDSCR_WRITABLE; return;
    }
    cpu_exit(&c->cpu);
}

static void scb_write(struct arm_cpu *c, uint32_t offset, uint32_t v)
{
    struct arm_nvic *n = &c->nvic;
    if (absent(c, offset))
        return;
    switch (offset) {
    case SCB_ICSR: icsr_write(c, v); break;
    case SCB_VTOR: n->vtor = v & ~0x7fu; break;
    case SCB_AIRCR: aircr_write(c, v); break;
    case SCB_SCR: n->scr = v & 0x16; break;
    case SCB_CCR:
        if (arm_v6m(c)) /* read-only: STKALIGN and UNALIGN_TRP */
            break;
        n->ccr = v & CCR_WRITABLE;
        cpu_exit(&c->cpu); /* UNALIGN_TRP and DIV_0_TRP are TB flags */
        break;
    case SCB_SHCSR: shcsr_write(c, v); break;
    case SCB_CFSR: n->cfsr &= ~v; break;
    case SCB_HFSR: n->hfsr &= ~v; break;
    case SCB_DFSR: n->dfsr &= ~v; break;
    case SCB_MMFAR: n->mmfar = v; break;
    case SCB_BFAR: n->bfar = v; break;
    case SCB_DEMCR: n->demcr = v & 0x010f07f1u; break;
    case SCB_STIR:
        if ((v & 0x1ff) < ARM_NUM_IRQ)
            arm_set_pending(c, ARM_EXC_IRQ0 + (v & 0x1ff), true);
        break;
    case SCB_CPACR:
    case FP_FPCCR:
    case FP_FPCAR:
    case FP_FPDSCR: fp_write(c, offset, v); break;
    default:
        if (offset >= SCB_SHPR1 && offset <= SCB_SHPR3)
            shpr_write(c, offset, v, 4);
        break;
    }
}

static uint32_t scs_read_word(struct arm_cpu *c, uint32_t offset)
{
    uint32_t v;
    if (offset >= SYST_CSR && offset <= SYST_CALIB)
        return arm_systick_read(c, (offset - SYST_CSR) / 4);
    if (arm_nvic_read(c, offset, &v))
        return v;
    if (offset == SCS_ICTR)
        return (ARM_NUM_IRQ + 31) / 32 - 1;
    return scb_read(c, offset);
}

static void scs_write_word(struct arm_cpu *c, uint32_t offset, uint32_t v)
{
    if (offset >= SYST_CSR && offset <= SYST_CALIB)
        arm_systick_write(c, (offset - SYST_CSR) / 4, v);
    else if (!arm_nvic_write(c, offset, v, 4))
        scb_write(c, offset, v);
    arm_recheck_irq(c);
}

/* Byte and halfword writes: priority bytes and the CFSR subregisters. */
static void scs_write_narrow(struct arm_cpu *c, uint32_t offset, uint32_t v, unsigned size)
{
    if (arm_nvic_write(c, offset, v, size))
        return;
    if (offset >= SCB_SHPR1 && offset + size <= SCB_SHPR3 + 4) {
        shpr_write(c, offset, v, size);
        arm_recheck_irq(c);
    } else if (offset >= SCB_CFSR && offset + size <= SCB_CFSR + 4) {
        c->nvic.cfsr &= ~(v << (8 * (offset - SCB_CFSR)));
    } else if (log_enabled(LOG_UNIMP)) {
        log_debug(LOG_UNIMP, "%s: %u-byte write to SCS register 0x%03" PRIx32 " ignored",
                  c->cpu.path, size, offset);
    }
}

/* The core an access acts on: the one executing it, or the first. */
static struct arm_cpu *scs_cpu(struct cluster *cl)
{
    if (current_cpu && current_cpu->cluster == cl)
        return arm_cpu(current_cpu);
    return arm_cpu(cl->cpus[0]);
}

static bool scs_allowed(const struct arm_cpu *c, uint32_t offset, bool write)
{
    if (current_cpu != &c->cpu || arm_privileged(c))
        return true;
    return write && offset == SCB_STIR && (c->nvic.ccr & CCR_USERSETMPEND);
}

static int scs_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct arm_cpu *c = scs_cpu(opaque);
    uint32_t off = (uint32_t)offset;
    if (!scs_allowed(c, off, false))
        return MEM_DEVICE_ERROR;
    uint32_t v = scs_read_word(c, off & ~3u) >> (8 * (off & 3));
    *value = size >= 4 ? v : v & ((1u << (8 * size)) - 1);
    return MEM_OK;
}

static int scs_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct arm_cpu *c = scs_cpu(opaque);
    uint32_t off = (uint32_t)offset;
    if (!scs_allowed(c, off, true))
        return MEM_DEVICE_ERROR;
    if (size == 4 && !(off & 3))
        scs_write_word(c, off, (uint32_t)value);
    else
        scs_write_narrow(c, off, (uint32_t)value, size);
    return MEM_OK;
}

static const struct mem_region_ops scs_ops = {
    .read = scs_read,
    .write = scs_write,
    .max_access = 4,
};

int arm_cluster_realize(struct cluster *cl)
{
    char path[256];
    if (!cl->ncpus)
        return 0;
    struct mem_region *r = mem_region_new_mmio("scs", SCS_SIZE, &scs_ops, cl);
    if (!r)
        return -ENOMEM;
    int err = mem_view_map(cl->view, SCS_BASE, r, 0, SCS_SIZE);
    mem_region_unref(r);
    if (err)
        log_error("%s: cannot map the System Control Space at 0x%08x: the board already "
                  "maps something there",
                  object_path(&cl->obj, path, sizeof(path)), SCS_BASE);
    return err;
}
