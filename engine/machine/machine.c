/* SPDX-License-Identifier: MIT */
/*
 * The machine: root object of a board. Realizing it realizes every object
 * (clusters first, so devices can find their CPUs), then maps RAM, ROM,
 * devices and aliases into the clusters' views following the rule in
 * machine.h. Also its list of CPUs, its run-state observers, the guest's
 * exit requests, image symbols and interrupt wiring by path.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/diag.h"
#include "engine/io/log.h"
#include "engine/machine/internals.h"

extern const struct object_type cpu_type, cluster_type;

/* clang-format off */
static const struct prop_def machine_props[] = {
    {.name = "description", .type = PROP_STRING, .offset = offsetof(struct machine, description),
     .help = "what the board is"},
    {.name = "quantum", .type = PROP_UINT, .offset = offsetof(struct machine, quantum),
     .defval = "10000", .min = 1, .max = MACHINE_QUANTUM_MAX,
     .help = "most instructions each CPU runs per scheduling round (at most 1000000: 20 ms "
             "of the slowest interpreter, ~50 MIPS, so gdb and Ctrl-C are answered within 50 ms)"},
    /* Timers turn virtual time into ticks at these rates: changing one while
     * the board runs would make every counter jump. */
    {.name = "cpu-freq", .type = PROP_UINT, .offset = offsetof(struct machine, cpu_freq_hz),
     .defval = "1000000000", .min = 1, .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "nominal instructions per second of virtual time"},
    {.name = "time-limit", .type = PROP_DURATION, .offset = offsetof(struct machine, time_limit_ns),
     .defval = "0", .help = "stop a run that has not exited after this much virtual time "
                            "(exit status 124); 0: no limit"},
    {.name = "wall-limit", .type = PROP_DURATION, .offset = offsetof(struct machine, wall_limit_ns),
     .defval = "0", .help = "stop a run that has not exited after this much host (wall-clock) "
                            "time, for CI (exit status 124); 0: no limit"},
    {.name = "timebase-freq", .type = PROP_UINT, .offset = offsetof(struct machine, timebase_hz),
     .defval = "10000000", .min = 1, .flags = PROP_FIXED_AFTER_REALIZE,
     .help = "frequency of the board's timer counters (Hz)"},
    {0},
};
/* clang-format on */

static int machine_init(struct object *obj)
{
    struct machine *m = (struct machine *)obj;
    m->code_watcher.written = accel_code_written;
    return 0;
}

/* After the clusters and CPUs (children go first): the accelerators'
 * per-machine state outlives what used it. */
static void machine_finalize(struct object *obj)
{
    struct machine *m = (struct machine *)obj;
    accel_machine_release(m);
    for (unsigned i = 0; i < m->nsymbols; i++)
        free(m->symbols[i].name);
    free(m->symbols);
    free(m->clusters);
    free(m->cpus);
    free(m->observers);
    for (size_t i = 0; i < m->origins_cap; i++)
        free(m->origins[i].where);
    free(m->origins);
}

static const struct object_type machine_type = {
    .name = "machine",
    .parent = "object",
    .instance_size = sizeof(struct machine),
    .help = "a whole board",
    .props = machine_props,
    .init = machine_init,
    .finalize = machine_finalize,
};

void engine_register_types(void)
{
    static const struct object_type *const types[] = {
        &machine_type, &cpu_type, &cluster_type, &sysbus_type, &ram_type, &rom_type, &alias_type,
    };
    object_init_types();
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        object_type_register(types[i]); /* -EEXIST on a second call is fine */
}

struct machine *machine_new(const char *name)
{
    return (struct machine *)object_new("machine", NULL, name && *name ? name : "board");
}

void machine_free(struct machine *m)
{
    if (m)
        object_unref(&m->obj);
}

struct machine *machine_of(struct object *obj)
{
    while (obj->parent)
        obj = obj->parent;
    return object_is(obj, "machine") ? (struct machine *)obj : NULL;
}

/* ---- origins ---------------------------------------------------------- */

static size_t origin_slot(const struct machine_origin *tab, size_t cap, const struct object *obj)
{
    size_t i = ((uintptr_t)obj >> 4) * 0x9e3779b97f4a7c15ull & (cap - 1);
    while (tab[i].obj && tab[i].obj != obj)
        i = (i + 1) & (cap - 1);
    return i;
}

static int origins_grow(struct machine *m)
{
    size_t cap = m->origins_cap ? 2 * m->origins_cap : 64;
    struct machine_origin *tab = calloc(cap, sizeof(*tab));
    if (!tab)
        return -ENOMEM;
    for (size_t i = 0; i < m->origins_cap; i++)
        if (m->origins[i].obj)
            tab[origin_slot(tab, cap, m->origins[i].obj)] = m->origins[i];
    free(m->origins);
    m->origins = tab;
    m->origins_cap = cap;
    return 0;
}

int machine_set_origin(struct machine *m, const struct object *obj, const char *file,
                       unsigned long line, unsigned long col)
{
    char *where = NULL;
    if (asprintf(&where, "%s:%lu:%lu", file, line, col) < 0)
        return -ENOMEM;
    if (2 * (m->norigins + 1) > m->origins_cap && origins_grow(m)) {
        free(where);
        return -ENOMEM;
    }
    struct machine_origin *o = &m->origins[origin_slot(m->origins, m->origins_cap, obj)];
    if (o->obj)
        free(o->where);
    else
        m->norigins++;
    *o = (struct machine_origin){obj, where};
    return 0;
}

const char *machine_origin(const struct machine *m, const struct object *obj)
{
    for (; obj && m->origins_cap; obj = obj->parent) {
        const struct machine_origin *o = &m->origins[origin_slot(m->origins, m->origins_cap, obj)];
        if (o->obj)
            return o->where;
    }
    return NULL;
}

/* Errors logged from here on are about @obj: say where it came from. */
static void origin_enter(const struct machine *m, const struct object *obj)
{
    log_set_origin(machine_origin(m, obj));
}

/* ---- mapping --------------------------------------------------------- */

/* Is cluster @name in the comma-separated @list (empty = all)? */
static bool in_list(const char *list, const char *name)
{
    if (!list || !*list)
        return true;
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, name, n))
            return true;
        p += len + (end ? 1 : 0);
    }
    return false;
}

static int map_sysbus(struct machine *m, struct sysbus *s)
{
    if (!s->region || s->base == SYSBUS_NO_BASE)
        return 0;
    struct object *parent = s->obj.parent;
    if (object_is(parent, "cluster"))
        return mem_view_map(((struct cluster *)parent)->view, s->base, s->region, 0,
                            s->region->size);
    for (unsigned i = 0; i < m->nclusters; i++) {
        struct cluster *c = m->clusters[i];
        if (!in_list(s->clusters, c->obj.name))
            continue;
        int err = mem_view_map(c->view, s->base, s->region, 0, s->region->size);
        if (err)
            return err;
    }
    return 0;
}

static int map_alias(struct machine *m, struct mem_alias *a)
{
    char path[256];
    object_path(&a->obj, path, sizeof(path));
    if (!object_is(a->obj.parent, "cluster")) {
        log_error("%s: an alias belongs inside a cluster", path);
        return -EINVAL;
    }
    struct object *target = a->region ? object_resolve(&m->obj, a->region) : NULL;
    if (!target || !object_is(target, "sysbus") || !((struct sysbus *)target)->region) {
        log_error("%s.region: '%s' is not a ram, rom or device", path, a->region ? a->region : "");
        return -EINVAL;
    }
    struct mem_region *r = ((struct sysbus *)target)->region;
    if (a->offset >= r->size) {
        log_error("%s.offset: 0x%" PRIx64 " is beyond the end of '%s'", path, a->offset, r->name);
        return -EINVAL;
    }
    uint64_t size = a->size ? a->size : r->size - a->offset;
    return mem_view_map(((struct cluster *)a->obj.parent)->view, a->base, r, a->offset, size);
}

static int map_tree(struct machine *m, struct object *obj)
{
    for (struct object *o = obj->first_child; o; o = o->next_sibling) {
        int err = 0;
        origin_enter(m, o);
        if (object_is(o, "sysbus"))
            err = map_sysbus(m, (struct sysbus *)o);
        else if (object_is(o, "alias"))
            err = map_alias(m, (struct mem_alias *)o);
        if (!err)
            err = map_tree(m, o);
        if (err)
            return err;
    }
    return 0;
}

static int collect_clusters(struct machine *m)
{
    unsigned n = 0;
    for (struct object *o = m->obj.first_child; o; o = o->next_sibling)
        n += object_is(o, "cluster");
    free(m->clusters);
    m->clusters = calloc(n ? n : 1, sizeof(*m->clusters));
    if (!m->clusters)
        return -ENOMEM;
    m->nclusters = 0;
    for (struct object *o = m->obj.first_child; o; o = o->next_sibling)
        if (object_is(o, "cluster")) {
            struct cluster *c = (struct cluster *)o;
            c->index = m->nclusters;
            m->clusters[m->nclusters++] = c;
        }
    if (!n) {
        log_error("the board has no cluster: nothing would run");
        return -EINVAL;
    }
    return 0;
}

/* object_realize_tree, one object at a time (children first, as it does),
 * so that each object's errors carry its origin. */
static int realize_tree(struct machine *m, struct object *obj)
{
    for (struct object *o = obj->first_child; o; o = o->next_sibling) {
        int err = realize_tree(m, o);
        if (err)
            return err;
    }
    origin_enter(m, obj);
    return object_realize_tree(obj);
}

static int machine_realize_steps(struct machine *m)
{
    int err = collect_clusters(m);
    for (unsigned i = 0; i < m->nclusters && !err; i++) {
        origin_enter(m, &m->clusters[i]->obj);
        err = cluster_realize_all(m->clusters[i]);
    }
    if (!err)
        err = realize_tree(m, &m->obj);
    if (!err)
        err = map_tree(m, &m->obj);
    for (unsigned i = 0; i < m->nclusters && !err; i++) {
        struct cluster *c = m->clusters[i];
        origin_enter(m, &c->obj);
        if (c->target->cluster_realize)
            err = c->target->cluster_realize(c);
    }
    return err;
}

int machine_realize(struct machine *m)
{
    origin_enter(m, &m->obj);
    int err = machine_realize_steps(m);
    log_set_origin(NULL);
    return err;
}

static void reset_tree(struct object *obj)
{
    for (struct object *o = obj->first_child; o; o = o->next_sibling) {
        if (object_is(o, "sysbus") && ((struct sysbus *)o)->reset)
            ((struct sysbus *)o)->reset((struct sysbus *)o);
        reset_tree(o);
    }
}

void machine_reset(struct machine *m)
{
    reset_tree(&m->obj);
    for (unsigned i = 0; i < m->nclusters; i++)
        for (unsigned j = 0; j < m->clusters[i]->ncpus; j++)
            cpu_reset(m->clusters[i]->cpus[j]);
    m->exit_requested = false;
    m->exit_code = 0;
    machine_notify_reset(m, NULL);
}

static int post_load_tree(struct object *obj)
{
    for (struct object *o = obj->first_child; o; o = o->next_sibling) {
        int err = 0;
        if (object_is(o, "sysbus") && ((struct sysbus *)o)->post_load)
            err = ((struct sysbus *)o)->post_load((struct sysbus *)o);
        if (!err)
            err = post_load_tree(o);
        if (err)
            return err;
    }
    return 0;
}

int machine_images_loaded(struct machine *m)
{
    return post_load_tree(&m->obj);
}

void machine_request_exit(struct machine *m, int code)
{
    if (!m->exit_requested) {
        m->exit_requested = true;
        m->exit_code = code;
    }
    if (current_cpu)
        cpu_exit(current_cpu);
}

/* ---- CPUs and observers ---------------------------------------------- */

int machine_add_cpu(struct machine *m, struct cpu *cpu)
{
    if (m->ncpus == m->cpus_cap) {
        unsigned ncap = m->cpus_cap ? m->cpus_cap * 2 : 8;
        struct cpu **l = realloc(m->cpus, ncap * sizeof(*l));
        if (!l)
            return -ENOMEM;
        m->cpus = l;
        m->cpus_cap = ncap;
    }
    m->cpus[m->ncpus++] = cpu;
    return 0;
}

void machine_remove_cpu(struct machine *m, struct cpu *cpu)
{
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpus[i] == cpu) {
            memmove(&m->cpus[i], &m->cpus[i + 1], (m->ncpus - i - 1) * sizeof(*m->cpus));
            m->ncpus--;
            return;
        }
}

int machine_add_observer(struct machine *m, struct machine_observer *o)
{
    for (unsigned i = 0; i < m->nobservers; i++)
        if (m->observers[i] == o)
            return 0;
    struct machine_observer **l = realloc(m->observers, (m->nobservers + 1) * sizeof(*l));
    if (!l)
        return -ENOMEM;
    m->observers = l;
    m->observers[m->nobservers++] = o;
    return 0;
}

void machine_remove_observer(struct machine *m, struct machine_observer *o)
{
    for (unsigned i = 0; i < m->nobservers; i++)
        if (m->observers[i] == o) {
            memmove(&m->observers[i], &m->observers[i + 1],
                    (m->nobservers - i - 1) * sizeof(*m->observers));
            m->nobservers--;
            return;
        }
}

enum run_event { EV_STOPPED, EV_HELD, EV_RELEASED, EV_RESET, EV_EXITED };

/* Tell each observer in the order they came. One that removes itself from
 * its callback does not make the next one miss the event. */
static void notify(struct machine *m, enum run_event e, const struct stop_event *ev,
                   struct cluster *c, int code)
{
    for (unsigned i = 0; i < m->nobservers;) {
        struct machine_observer *o = m->observers[i];
        switch (e) {
        /* clang-format off */
        case EV_STOPPED: if (o->stopped) o->stopped(o->opaque, ev); break;
        case EV_HELD: if (o->held) o->held(o->opaque, c); break;
        case EV_RELEASED: if (o->released) o->released(o->opaque); break;
        case EV_RESET: if (o->reset) o->reset(o->opaque, c); break;
        case EV_EXITED: if (o->exited) o->exited(o->opaque, code); break;
            /* clang-format on */
        }
        if (i < m->nobservers && m->observers[i] == o)
            i++;
    }
}

void machine_notify_stopped(struct machine *m, const struct stop_event *ev)
{
    notify(m, EV_STOPPED, ev, NULL, 0);
}

void machine_notify_held(struct machine *m, struct cluster *c)
{
    notify(m, EV_HELD, NULL, c, 0);
}

void machine_notify_released(struct machine *m)
{
    notify(m, EV_RELEASED, NULL, NULL, 0);
}

void machine_notify_reset(struct machine *m, struct cluster *c)
{
    notify(m, EV_RESET, NULL, c, 0);
}

void machine_notify_exited(struct machine *m, int code)
{
    notify(m, EV_EXITED, NULL, NULL, code);
}

/* ---- symbols --------------------------------------------------------- */

void machine_add_symbol(struct machine *m, struct cluster *c, const char *name, gaddr value)
{
    for (unsigned i = 0; i < m->nsymbols; i++)
        if (m->symbols[i].cluster == c && !strcmp(m->symbols[i].name, name)) {
            m->symbols[i].value = value; /* the same image loaded again */
            return;
        }
    struct machine_symbol *s = realloc(m->symbols, (m->nsymbols + 1) * sizeof(*s));
    char *copy = strdup(name);
    if (!s || !copy) {
        free(copy);
        if (s)
            m->symbols = s;
        return;
    }
    m->symbols = s;
    s[m->nsymbols++] = (struct machine_symbol){copy, value, c};
}

bool machine_find_symbol(struct machine *m, const char *name, gaddr *value)
{
    for (unsigned i = m->nsymbols; i-- > 0;)
        if (!strcmp(m->symbols[i].name, name)) {
            *value = m->symbols[i].value;
            return true;
        }
    return false;
}

const struct machine_symbol *machine_symbol(struct machine *m, const char *name)
{
    for (unsigned i = m->nsymbols; i-- > 0;)
        if (!strcmp(m->symbols[i].name, name))
            return &m->symbols[i];
    return NULL;
}

/* ---- interrupt wiring ------------------------------------------------ */

/* Split "path.line[n]" into the object, the line name and the index. */
static struct object *parse_irq_ref(struct machine *m, const char *ref, char *line, size_t len,
                                    unsigned *n)
{
    const char *dot = strrchr(ref, '.');
    if (!dot || dot == ref)
        return NULL;
    char path[256];
    size_t plen = (size_t)(dot - ref);
    if (plen >= sizeof(path))
        return NULL;
    memcpy(path, ref, plen);
    path[plen] = '\0';
    const char *br = strchr(dot + 1, '[');
    size_t llen = br ? (size_t)(br - dot - 1) : strlen(dot + 1);
    if (!llen || llen >= len)
        return NULL;
    memcpy(line, dot + 1, llen);
    line[llen] = '\0';
    *n = 0;
    if (br) {
        uint64_t v;
        char num[32];
        const char *close = strchr(br, ']');
        if (!close || close[1] || (size_t)(close - br - 1) >= sizeof(num))
            return NULL;
        memcpy(num, br + 1, (size_t)(close - br - 1));
        num[close - br - 1] = '\0';
        if (parse_u64(num, &v, false) || v > 1023)
            return NULL;
        *n = (unsigned)v;
    }
    return object_resolve(&m->obj, path);
}

int machine_connect_irq(struct machine *m, const char *from, const char *to, const struct diag *d)
{
    char out_name[64], in_name[64];
    unsigned out_n, in_n;
    struct object *src = parse_irq_ref(m, from, out_name, sizeof(out_name), &out_n);
    struct object *dst = parse_irq_ref(m, to, in_name, sizeof(in_name), &in_n);
    if (!src || !object_is(src, "sysbus") || !((struct sysbus *)src)->irq_out) {
        diag_error(d, "irq: '%s' is not an interrupt output (expected DEVICE.LINE[N])", from);
        return -EINVAL;
    }
    struct irq_line *slot = ((struct sysbus *)src)->irq_out((struct sysbus *)src, out_name, out_n);
    if (!slot) {
        diag_error(d, "irq: '%s' has no output line '%s[%u]'", from, out_name, out_n);
        return -EINVAL;
    }
    /* The input's owner knows its lines: it reports a wrong one itself. */
    if (dst && object_is(dst, "cpu") && ((struct cpu *)dst)->target->irq_in)
        return ((struct cpu *)dst)->target->irq_in((struct cpu *)dst, in_name, in_n, slot, d);
    if (dst && object_is(dst, "sysbus") && ((struct sysbus *)dst)->irq_in)
        return ((struct sysbus *)dst)->irq_in((struct sysbus *)dst, in_name, in_n, slot, d);
    diag_error(d, "irq: '%s' is not an interrupt input", to);
    return -EINVAL;
}
