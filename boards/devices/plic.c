/* SPDX-License-Identifier: MIT */
/*
 * plic: the RISC-V Platform-Level Interrupt Controller (RISC-V PLIC
 * Specification 1.0.0) with the layout and contexts of QEMU virt's PLIC:
 * priority[src] at 0x0 + 4*src (sources 1..num-sources; 0 means "no
 * interrupt"), the pending bits at 0x1000, each context's enable bits at
 * 0x2000 + 0x80*ctx, its threshold at 0x200000 + 0x1000*ctx and its
 * claim/complete register 4 bytes above. Context 2h is hart h's M-mode
 * and drives its meip; context 2h+1 is its S-mode, which Mosaic's harts
 * lack: those contexts work as registers and drive nothing.
 *
 * Sources are level-triggered inputs irq[1..num-sources]. The gateway
 * (spec "Interrupt Gateways") keeps one request per source: while a source
 * is not in service its pending bit follows its level (as QEMU's PLIC
 * does, so a request its device withdrew is not claimed later); a claim
 * takes the source into service and clears the bit; completion ends the
 * service and the bit follows the level again.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "boards/board.h"
#include "engine/io/diag.h"
#include "engine/io/log.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"

#define PLIC_PENDING 0x1000
#define PLIC_ENABLE 0x2000
#define PLIC_ENABLE_STRIDE 0x80
#define PLIC_CONTEXT 0x200000
#define PLIC_CONTEXT_STRIDE 0x1000
#define PLIC_THRESHOLD 0x0
#define PLIC_CLAIM 0x4
#define PLIC_MAX_SOURCES 1023 /* the spec's limit */
#define PLIC_WORDS ((PLIC_MAX_SOURCES + 1) / 32)
#define PLIC_MAX_HARTS 512 /* QEMU virt's limit: 1024 contexts */
#define PLIC_SIZE (PLIC_CONTEXT + 2 * PLIC_MAX_HARTS * PLIC_CONTEXT_STRIDE) /* 0x600000 */

/* One interrupt target: a privilege mode of a hart. */
struct plic_context {
    struct irq_line eip; /* hart's meip (M-mode contexts); unconnected for S-mode */
    bool eip_level;      /* level driven on eip */
    /* Registers (plain data, saved and restored as is). */
    uint32_t enable[PLIC_WORDS];
    uint32_t threshold;
};

struct plic {
    struct sysbus bus;
    char *harts_path;
    uint64_t num_sources;
    uint64_t num_priorities;
    struct plic_context *contexts;
    unsigned ncontexts;
    unsigned max_wired;         /* highest source an <irq> connects to */
    uint32_t level[PLIC_WORDS]; /* the input lines */
    /* Registers and gateway state (plain data, saved and restored as is). */
    uint32_t priority[PLIC_MAX_SOURCES + 1];
    uint32_t pending[PLIC_WORDS];
    uint32_t in_service[PLIC_WORDS];
};

/* What an offset in the region is. */
enum plic_reg_kind {
    PLIC_REG_NONE,
    PLIC_REG_PRIORITY,
    PLIC_REG_PENDING,
    PLIC_REG_ENABLE,
    PLIC_REG_THRESHOLD,
    PLIC_REG_CLAIM,
};

struct plic_reg {
    enum plic_reg_kind kind;
    unsigned index; /* source (priority) or bitmap word (pending, enable) */
    struct plic_context *ctx;
};

static bool plic_bit(const uint32_t *map, unsigned src)
{
    return map[src / 32] >> (src % 32) & 1;
}

static void plic_set_bit(uint32_t *map, unsigned src, bool on)
{
    if (on)
        map[src / 32] |= 1u << (src % 32);
    else
        map[src / 32] &= ~(1u << (src % 32));
}

/* Bitmap words in use: bits 0 (reserved) to num-sources. */
static unsigned plic_words(const struct plic *p)
{
    return (unsigned)(p->num_sources / 32 + 1);
}

/* Bits of bitmap word @w that name sources. */
static uint32_t plic_source_mask(const struct plic *p, unsigned w)
{
    unsigned last = (unsigned)p->num_sources;
    uint32_t mask = last / 32 > w ? ~0u : (uint32_t)((2ull << (last % 32)) - 1);

    return w == 0 ? mask & ~1u : mask;
}

/* The source @ctx would claim: pending, enabled, the highest priority above
 * its threshold, the lowest id among equals (spec "Interrupt Priorities");
 * 0 if none. Sources in service are never pending. */
static unsigned plic_best(const struct plic *p, const struct plic_context *ctx)
{
    uint32_t best_priority = ctx->threshold;
    unsigned best = 0;

    for (unsigned w = 0; w < plic_words(p); w++) {
        for (uint32_t bits = p->pending[w] & ctx->enable[w]; bits; bits &= bits - 1) {
            unsigned src = 32 * w + (unsigned)__builtin_ctz(bits);

            if (p->priority[src] > best_priority) {
                best_priority = p->priority[src];
                best = src;
            }
        }
    }
    return best;
}

/* Drive each context's line: high while it has a source to claim. */
static void plic_update(struct plic *p)
{
    for (unsigned i = 0; i < p->ncontexts; i++) {
        struct plic_context *ctx = &p->contexts[i];
        bool level = plic_best(p, ctx) != 0;

        if (level != ctx->eip_level) {
            ctx->eip_level = level;
            irq_set(&ctx->eip, level);
        }
    }
}

/* The gateway: a source out of service requests while its level is high. */
static void plic_gateway(struct plic *p, unsigned src)
{
    if (!plic_bit(p->in_service, src))
        plic_set_bit(p->pending, src, plic_bit(p->level, src));
}

static void plic_set_irq(void *opaque, int n, int level)
{
    struct plic *p = opaque;

    plic_set_bit(p->level, (unsigned)n, level != 0);
    plic_gateway(p, (unsigned)n);
    plic_update(p);
}

/* Priorities and thresholds are WARL: only the bits that hold
 * num-priorities are kept, and a value above it leaves @old. */
static uint32_t plic_legal_priority(const struct plic *p, uint32_t value, uint32_t old)
{
    uint64_t mask = 1;

    while (mask < p->num_priorities)
        mask = 2 * mask + 1;
    value &= (uint32_t)mask;
    return value <= p->num_priorities ? value : old;
}

static unsigned plic_claim(struct plic *p, struct plic_context *ctx)
{
    unsigned src = plic_best(p, ctx);

    if (src) {
        plic_set_bit(p->pending, src, false);
        plic_set_bit(p->in_service, src, true);
        plic_update(p);
    }
    return src;
}

/* Completion of a source not enabled for the context, or not in service,
 * is ignored (spec "Interrupt Completion"). */
static void plic_complete(struct plic *p, struct plic_context *ctx, uint32_t src)
{
    if (src == 0 || src > p->num_sources || !plic_bit(ctx->enable, src) ||
        !plic_bit(p->in_service, src))
        return;
    plic_set_bit(p->in_service, src, false);
    plic_gateway(p, src);
    plic_update(p);
}

/* Which register @offset is. Registers are aligned 32-bit words; the
 * caller checks the access size. */
static struct plic_reg plic_decode(struct plic *p, uint64_t offset)
{
    struct plic_reg r = {.kind = PLIC_REG_NONE};
    uint64_t rel;

    if (offset < PLIC_PENDING && offset / 4 >= 1 && offset / 4 <= p->num_sources) {
        r = (struct plic_reg){PLIC_REG_PRIORITY, (unsigned)(offset / 4), NULL};
    } else if (offset >= PLIC_PENDING && offset < PLIC_PENDING + 4ull * plic_words(p)) {
        r = (struct plic_reg){PLIC_REG_PENDING, (unsigned)((offset - PLIC_PENDING) / 4), NULL};
    } else if (offset >= PLIC_ENABLE &&
               offset < PLIC_ENABLE + (uint64_t)PLIC_ENABLE_STRIDE * p->ncontexts) {
        rel = offset - PLIC_ENABLE;
        if (rel % PLIC_ENABLE_STRIDE / 4 < plic_words(p))
            r = (struct plic_reg){PLIC_REG_ENABLE, (unsigned)(rel % PLIC_ENABLE_STRIDE / 4),
                                  &p->contexts[rel / PLIC_ENABLE_STRIDE]};
    } else if (offset >= PLIC_CONTEXT &&
               offset < PLIC_CONTEXT + (uint64_t)PLIC_CONTEXT_STRIDE * p->ncontexts) {
        rel = offset - PLIC_CONTEXT;
        r.ctx = &p->contexts[rel / PLIC_CONTEXT_STRIDE];
        if (rel % PLIC_CONTEXT_STRIDE == PLIC_THRESHOLD)
            r.kind = PLIC_REG_THRESHOLD;
        else if (rel % PLIC_CONTEXT_STRIDE == PLIC_CLAIM)
            r.kind = PLIC_REG_CLAIM;
    }
    return r;
}

/* Only aligned 32-bit accesses reach a register; others, and reserved
 * offsets, read 0 and ignore writes, as QEMU's PLIC does. */
static bool plic_access(struct plic *p, uint64_t offset, unsigned size, struct plic_reg *r)
{
    *r = size == 4 && !(offset & 3) ? plic_decode(p, offset)
                                    : (struct plic_reg){.kind = PLIC_REG_NONE};
    if (r->kind != PLIC_REG_NONE)
        return true;
    log_debug(LOG_UNIMP, "%s: %u-byte access at 0x%llx is not a register", p->bus.obj.name, size,
              (unsigned long long)offset);
    return false;
}

static int plic_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct plic *p = opaque;
    struct plic_reg r;

    *value = 0;
    if (!plic_access(p, offset, size, &r))
        return MEM_OK;
    switch (r.kind) {
    case PLIC_REG_PRIORITY: *value = p->priority[r.index]; break;
    case PLIC_REG_PENDING: *value = p->pending[r.index]; break;
    case PLIC_REG_ENABLE: *value = r.ctx->enable[r.index]; break;
    case PLIC_REG_THRESHOLD: *value = r.ctx->threshold; break;
    default: *value = plic_claim(p, r.ctx); break;
    }
    log_debug(LOG_MMIO, "%s: read 0x%llx -> 0x%llx", p->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)*value);
    return MEM_OK;
}

static int plic_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct plic *p = opaque;
    uint32_t v = (uint32_t)value;
    struct plic_reg r;

    if (!plic_access(p, offset, size, &r))
        return MEM_OK;
    log_debug(LOG_MMIO, "%s: write 0x%llx <- 0x%llx", p->bus.obj.name, (unsigned long long)offset,
              (unsigned long long)value);
    switch (r.kind) {
    case PLIC_REG_PRIORITY:
        p->priority[r.index] = plic_legal_priority(p, v, p->priority[r.index]);
        break;
    case PLIC_REG_PENDING: return MEM_OK; /* read-only */
    case PLIC_REG_ENABLE: r.ctx->enable[r.index] = v & plic_source_mask(p, r.index); break;
    case PLIC_REG_THRESHOLD: r.ctx->threshold = plic_legal_priority(p, v, r.ctx->threshold); break;
    default: plic_complete(p, r.ctx, v); return MEM_OK;
    }
    plic_update(p);
    return MEM_OK;
}

static const struct mem_region_ops plic_ops = {
    .read = plic_read,
    .write = plic_write,
    .max_access = 4,
};

static int plic_irq_in(struct sysbus *dev, const char *name, unsigned n, struct irq_line *out,
                       const struct diag *d)
{
    struct plic *p = (struct plic *)dev;

    if (strcmp(name, "irq") || n == 0 || n > p->num_sources || n > PLIC_MAX_SOURCES) {
        diag_error(d, "%s: no interrupt input %s[%u] (sources are irq[1] to irq[%llu])",
                   dev->obj.name, name, n, (unsigned long long)p->num_sources);
        return -ENOENT;
    }
    if (n > p->max_wired)
        p->max_wired = n;
    *out = (struct irq_line){.handler = plic_set_irq, .opaque = p, .n = (int)n};
    return 0;
}

/* Reset (spec: priorities, enables and thresholds are 0 and nothing is in
 * service); sources whose line is high request again at once. */
static void plic_reset(struct sysbus *dev)
{
    struct plic *p = (struct plic *)dev;

    memset(p->priority, 0, sizeof(p->priority));
    memset(p->in_service, 0, sizeof(p->in_service));
    memcpy(p->pending, p->level, sizeof(p->pending));
    for (unsigned i = 0; i < p->ncontexts; i++) {
        struct plic_context *ctx = &p->contexts[i];
        memset(ctx->enable, 0, sizeof(ctx->enable));
        ctx->threshold = 0;
        ctx->eip_level = false;
        irq_lower(&ctx->eip);
    }
}

/* The cluster whose harts the PLIC serves: "harts", or its own cluster. */
static struct cluster *plic_find_cluster(struct plic *p, const char *path)
{
    struct object *o;

    if (p->harts_path && *p->harts_path)
        o = object_resolve(OBJECT(machine_of(&p->bus.obj)), p->harts_path);
    else
        o = p->bus.obj.parent;
    if (!o || !object_is(o, "cluster")) {
        log_error("%s.harts: \"%s\" is not a cluster; name the cluster whose harts the PLIC "
                  "serves, e.g. /app",
                  path, p->harts_path ? p->harts_path : "");
        return NULL;
    }
    return (struct cluster *)o;
}

static int plic_check_props(struct plic *p, const char *path)
{
    if (p->max_wired > p->num_sources) {
        log_error("%s.num-sources: %llu, but irq[%u] is connected", path,
                  (unsigned long long)p->num_sources, p->max_wired);
        return -EINVAL;
    }
    return 0;
}

/* Contexts 2h (M-mode, wired to hart h's meip) and 2h+1 (S-mode). A CPU
 * without meip (harts naming another architecture's cluster) says which
 * inputs it has, after the PLIC's path: one message. */
static int plic_connect_harts(struct plic *p, struct cluster *cl, const char *path)
{
    struct diag_prefix at;
    const struct diag *d = diag_prefix_init(&at, NULL, path);

    p->contexts = calloc(2 * (size_t)(cl->ncpus ? cl->ncpus : 1), sizeof(*p->contexts));
    if (!p->contexts)
        return -ENOMEM;
    p->ncontexts = 2 * cl->ncpus;
    for (unsigned h = 0; h < cl->ncpus; h++) {
        struct cpu *cpu = cl->cpus[h];

        if (!cpu->target || !cpu->target->irq_in) {
            diag_error(d, "%s has no interrupt inputs", cpu->path);
            return -EINVAL;
        }
        if (cpu->target->irq_in(cpu, "meip", 0, &p->contexts[2 * h].eip, d))
            return -EINVAL;
    }
    return 0;
}

static int plic_realize(struct object *obj)
{
    struct plic *p = (struct plic *)obj;
    struct cluster *cl;
    char path[256];
    int err;

    object_path(obj, path, sizeof(path));
    err = plic_check_props(p, path);
    if (err)
        return err;
    cl = plic_find_cluster(p, path);
    if (!cl)
        return -EINVAL;
    if (cl->ncpus > PLIC_MAX_HARTS) {
        log_error("%s: %u harts are more than the PLIC serves (%d)", path, cl->ncpus,
                  PLIC_MAX_HARTS);
        return -EINVAL;
    }
    err = plic_connect_harts(p, cl, path);
    if (err)
        return err;
    p->bus.region = mem_region_new_mmio(obj->name, PLIC_SIZE, &plic_ops, p);
    if (!p->bus.region)
        return -ENOMEM;
    plic_reset(&p->bus);
    return 0;
}

static int plic_init(struct object *obj)
{
    struct plic *p = (struct plic *)obj;

    p->bus.irq_in = plic_irq_in;
    p->bus.reset = plic_reset;
    return 0;
}

static void plic_finalize(struct object *obj)
{
    free(((struct plic *)obj)->contexts);
}

static const struct prop_def plic_props[] = {
    {.name = "harts",
     .type = PROP_STRING,
     .offset = offsetof(struct plic, harts_path),
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "path of the cluster whose CPUs it serves (contexts 2i and 2i+1 = cpu i's M and "
             "S mode; empty: the cluster the PLIC is in)"},
    {.name = "num-sources",
     .type = PROP_UINT,
     .offset = offsetof(struct plic, num_sources),
     .defval = "96",
     .min = 1,
     .max = PLIC_MAX_SOURCES,
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "interrupt sources: inputs irq[1] to irq[num-sources] (1 to 1023; QEMU virt: 96)"},
    {.name = "num-priorities",
     .type = PROP_UINT,
     .offset = offsetof(struct plic, num_priorities),
     .defval = "7",
     .min = 1,
     .max = UINT32_MAX,
     .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "highest priority and threshold (QEMU virt: 7)"},
    {0},
};

const struct object_type plic_type = {
    .name = "plic",
    .parent = "sysbus",
    .instance_size = sizeof(struct plic),
    .help = "RISC-V PLIC: external interrupts of a cluster's harts (QEMU virt layout)",
    .props = plic_props,
    .init = plic_init,
    .realize = plic_realize,
    .finalize = plic_finalize,
};
