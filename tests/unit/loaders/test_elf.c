/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the ELF loader. The test builds its ELF32/ELF64 images
 * itself with a small writer (no cross compiler needed), then checks valid
 * loads (bytes, bss, entry, symbols), every kind of rejected file with its
 * exact message, that a rejected file leaves memory untouched, and that
 * thousands of randomly corrupted files are all handled without a crash.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "loaders/loader.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/loaders/testutil.h"

#define PT_LOAD 1
#define PT_NOTE 4
#define STB_LOCAL 0
#define STB_GLOBAL 1
#define STB_WEAK 2
#define STT_NOTYPE 0
#define STT_OBJECT 1
#define STT_FUNC 2
#define STT_SECTION 3
#define STT_FILE 4
#define SYM_INFO(bind, type) ((uint8_t)((bind) << 4 | (type)))

struct seg {
    uint32_t type;
    uint64_t vaddr, paddr;
    const uint8_t *data;
    uint64_t filesz, memsz;
};

struct sym {
    const char *name;
    uint64_t value;
    uint8_t info;
    uint16_t shndx;
};

struct elf_img {
    unsigned cls; /* 1: ELF32, 2: ELF64 */
    uint16_t machine;
    uint64_t entry;
    struct seg seg[6];
    unsigned nseg;
    struct sym sym[10];
    unsigned nsym;
};

/* A written image and where its parts are, so tests can corrupt them. */
struct elf_file {
    uint8_t buf[8192];
    size_t size;
    unsigned cls, w, phsz, shsz, symsz;
    size_t phoff, shoff, seg_off[6], symtab_off, strtab_off, strtab_size;
};

static void put(uint8_t *p, uint64_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* Program header field k: 0 p_offset, 1 p_vaddr, 2 p_paddr, 3 p_filesz, 4 p_memsz. */
static void phdr_put(struct elf_file *f, unsigned i, unsigned k, uint64_t v)
{
    put(f->buf + f->phoff + i * f->phsz + (f->cls == 2 ? 8 : 4) + k * f->w, v, f->w);
}

/* Section header field at gABI offset for this class. */
static uint8_t *shdr(struct elf_file *f, unsigned i)
{
    return f->buf + f->shoff + i * f->shsz;
}

static void write_symbols(const struct elf_img *img, struct elf_file *f, size_t *off)
{
    uint8_t *b = f->buf;
    f->strtab_off = *off;
    b[(*off)++] = 0;
    uint32_t names[10];
    for (unsigned i = 0; i < img->nsym; i++) {
        names[i] = (uint32_t)(*off - f->strtab_off);
        size_t n = strlen(img->sym[i].name) + 1;
        memcpy(b + *off, img->sym[i].name, n);
        *off += n;
    }
    f->strtab_size = *off - f->strtab_off;
    *off = f->symtab_off = align8(*off);
    *off += f->symsz; /* the null symbol */
    for (unsigned i = 0; i < img->nsym; i++, *off += f->symsz) {
        uint8_t *s = b + *off;
        put(s, names[i], 4);
        put(s + (f->cls == 2 ? 8 : 4), img->sym[i].value, f->w);
        s[f->cls == 2 ? 4 : 12] = img->sym[i].info;
        put(s + (f->cls == 2 ? 6 : 14), img->sym[i].shndx, 2);
    }
    *off = f->shoff = align8(*off);
    *off += 3 * f->shsz;
    unsigned w = f->w;
    /* Section 1 .symtab (link 2), section 2 .strtab. */
    put(shdr(f, 1) + 4, 2, 4);
    put(shdr(f, 1) + 8 + 2 * w, f->symtab_off, w);
    put(shdr(f, 1) + 8 + 3 * w, (img->nsym + 1) * f->symsz, w);
    put(shdr(f, 1) + 8 + 4 * w, 2, 4);
    put(shdr(f, 1) + 12 + 4 * w, 1, 4);
    put(shdr(f, 1) + 16 + 5 * w, f->symsz, w);
    put(shdr(f, 2) + 4, 3, 4);
    put(shdr(f, 2) + 8 + 2 * w, f->strtab_off, w);
    put(shdr(f, 2) + 8 + 3 * w, f->strtab_size, w);
}

static void elf_build(const struct elf_img *img, struct elf_file *f)
{
    memset(f, 0, sizeof(*f));
    bool is64 = img->cls == 2;
    f->cls = img->cls;
    f->w = is64 ? 8 : 4;
    f->phsz = is64 ? 56 : 32;
    f->shsz = is64 ? 64 : 40;
    f->symsz = is64 ? 24 : 16;
    unsigned eh = is64 ? 64 : 52, w = f->w;
    uint8_t *b = f->buf;
    size_t off = f->phoff = eh;
    off += img->nseg * f->phsz;
    for (unsigned i = 0; i < img->nseg; i++) {
        const struct seg *s = &img->seg[i];
        off = f->seg_off[i] = align8(off);
        if (s->data)
            memcpy(b + off, s->data, s->filesz);
        off += s->data ? s->filesz : 0;
        put(b + f->phoff + i * f->phsz, s->type, 4);
        phdr_put(f, i, 0, f->seg_off[i]);
        phdr_put(f, i, 1, s->vaddr);
        phdr_put(f, i, 2, s->paddr);
        phdr_put(f, i, 3, s->filesz);
        phdr_put(f, i, 4, s->memsz);
    }
    if (img->nsym)
        write_symbols(img, f, &off);
    f->size = off;
    memcpy(b,
           "\x7f"
           "ELF",
           4);
    b[4] = (uint8_t)img->cls;
    b[5] = 1;
    b[6] = 1;
    put(b + 16, 2, 2);
    put(b + 18, img->machine, 2);
    put(b + 20, 1, 4);
    put(b + 24, img->entry, w);
    put(b + 24 + w, f->phoff, w);
    put(b + 24 + 2 * w, f->shoff, w);
    put(b + 28 + 3 * w, eh, 2);
    put(b + 30 + 3 * w, f->phsz, 2);
    put(b + 32 + 3 * w, img->nseg, 2);
    put(b + 34 + 3 * w, f->shsz, 2);
    put(b + 36 + 3 * w, img->nsym ? 3 : 0, 2);
}

static const uint8_t text[16] = {0x97, 0x02, 0x00, 0x00, 0x93, 0x82, 0x02, 0x00,
                                 0x73, 0x00, 0x10, 0x00, 0x6f, 0x00, 0x00, 0x00};
static const uint8_t data[8] = {'d', 'a', 't', 'a', 1, 2, 3, 4};
static const uint8_t note[12] = {4, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};

/* The reference image: code, an ignored note, data with bss, an empty
 * segment at an unmapped address (skipped), and a symbol table. */
static void image_ref(struct elf_img *img, unsigned cls)
{
    *img = (struct elf_img){
        .cls = cls,
        .machine = LOADER_EM_RISCV,
        .entry = 0x80000004,
        .seg =
            {
                {PT_LOAD, 0x80000000, 0x80000000, text, sizeof(text), sizeof(text)},
                {PT_NOTE, 0, 0, note, sizeof(note), sizeof(note)},
                {PT_LOAD, 0xc0001000, 0x80001000, data, sizeof(data), 0x100},
                {PT_LOAD, 0x90000000, 0x90000000, NULL, 0, 0},
            },
        .nseg = 4,
        .sym =
            {
                {"tohost", 0x80001000, SYM_INFO(STB_GLOBAL, STT_OBJECT), 3},
                {"fromhost", 0x80001040, SYM_INFO(STB_GLOBAL, STT_OBJECT), 3},
                {"_start", 0x80000000, SYM_INFO(STB_GLOBAL, STT_NOTYPE), 1},
                {"trap", 0x80000008, SYM_INFO(STB_LOCAL, STT_FUNC), 1},
                {"hook", 0x8000000c, SYM_INFO(STB_WEAK, STT_FUNC), 1},
                {"puts", 0, SYM_INFO(STB_GLOBAL, STT_FUNC), 0},
                {".text", 0x80000000, SYM_INFO(STB_LOCAL, STT_SECTION), 1},
                {"start.S", 0, SYM_INFO(STB_LOCAL, STT_FILE), 0xfff1},
                {"", 0x80000010, SYM_INFO(STB_LOCAL, STT_NOTYPE), 1},
            },
        .nsym = 9,
    };
}

struct seen_syms {
    char names[16][32];
    uint64_t values[16];
    unsigned n;
};

static void record_sym(void *opaque, const char *name, gaddr value)
{
    struct seen_syms *s = opaque;
    if (s->n < 16) {
        snprintf(s->names[s->n], sizeof(s->names[0]), "%s", name);
        s->values[s->n] = value;
    }
    s->n++;
}

static int setup(void **state)
{
    *state = tu_board_new();
    return 0;
}

static int teardown(void **state)
{
    tu_board_free(*state);
    return 0;
}

static const char *write_elf(const struct elf_file *f)
{
    return tu_write_file("fw.elf", f->buf, f->size);
}

/* Load @f expecting @expect; returns the log. Memory must be untouched. */
static const char *load_fails(struct tu_board *b, const struct elf_file *f, size_t size,
                              const struct loader_target *t, int expect)
{
    const char *path = tu_write_file("fw.elf", f->buf, size);
    struct load_result res;
    struct seen_syms seen = {0};
    capture_begin(STDERR_FILENO);
    int err = loader_load(b->view, path, t, &res, record_sym, &seen, NULL);
    const char *log = capture_end();
    assert_int_equal(err, expect);
    assert_int_equal(seen.n, 0);
    assert_true(tu_board_untouched(b));
    return log;
}

static void check_ref_loaded(const struct tu_board *b, const struct load_result *res)
{
    assert_memory_equal(b->ram->host, text, sizeof(text));
    assert_int_equal(b->ram->host[sizeof(text)], 0xaa);
    assert_memory_equal(b->ram->host + 0x1000, data, sizeof(data));
    for (unsigned i = sizeof(data); i < 0x100; i++)
        assert_int_equal(b->ram->host[0x1000 + i], 0);
    assert_int_equal(b->ram->host[0x1100], 0xaa);
    assert_int_equal(b->ram->host[0xfff], 0xaa);
    assert_true(res->has_entry);
    assert_int_equal(res->entry, 0x80000004);
    assert_int_equal(res->low, 0x80000000);
    assert_int_equal(res->high, 0x800010ff);
}

static void check_ref_symbols(const struct seen_syms *s)
{
    static const char *const names[] = {"tohost", "fromhost", "_start", "trap", "hook"};
    static const uint64_t values[] = {0x80001000, 0x80001040, 0x80000000, 0x80000008, 0x8000000c};
    assert_int_equal(s->n, 5);
    for (unsigned i = 0; i < 5; i++) {
        assert_string_equal(s->names[i], names[i]);
        assert_int_equal(s->values[i], values[i]);
    }
}

static void test_elf64_valid(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    elf_build(&img, &f);
    struct load_result res;
    struct seen_syms seen = {0};
    assert_int_equal(loader_load(b->view, write_elf(&f), &tu_rv64, &res, record_sym, &seen, NULL),
                     0);
    check_ref_loaded(b, &res);
    check_ref_symbols(&seen);
    /* Without a callback the symbols are simply not read. */
    assert_int_equal(loader_load(b->view, write_elf(&f), &tu_rv64, &res, NULL, NULL, NULL), 0);
}

static void test_elf32_valid(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 1);
    /* A segment in ROM: loaders may write it. */
    img.seg[4] =
        (struct seg){PT_LOAD, 0x1000, TU_ROM_BASE + 0x10, data, sizeof(data), sizeof(data)};
    img.nseg = 5;
    elf_build(&img, &f);
    struct load_result res;
    struct seen_syms seen = {0};
    assert_int_equal(loader_load(b->view, write_elf(&f), &tu_rv32, &res, record_sym, &seen, NULL),
                     0);
    assert_memory_equal(b->rom->host + 0x10, data, sizeof(data));
    assert_int_equal(b->rom->host[0x18], 0xbb);
    check_ref_symbols(&seen);
    assert_int_equal(res.low, TU_ROM_BASE + 0x10);
    res.low = 0x80000000;
    check_ref_loaded(b, &res);

    /* A target that accepts any machine and class. */
    const struct loader_target any = {.cluster_name = "any"};
    assert_int_equal(loader_load(b->view, write_elf(&f), &any, &res, NULL, NULL, NULL), 0);
}

static void test_wrong_target(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    img.machine = LOADER_EM_ARM;
    elf_build(&img, &f);
    const char *log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: ELF machine is ARM (40), cluster 'app' (rv64imac) needs"
                         " RISC-V (243)",
                         write_elf(&f));

    img.machine = 4242;
    elf_build(&img, &f);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: ELF machine is unknown (4242), cluster 'app' (rv64imac) needs"
                         " RISC-V (243)",
                         write_elf(&f));

    image_ref(&img, 1);
    elf_build(&img, &f);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log, "%s: ELF32 image, cluster 'app' (rv64imac) needs ELF64",
                         write_elf(&f));

    image_ref(&img, 2);
    elf_build(&img, &f);
    log = load_fails(b, &f, f.size, &tu_rv32, -EINVAL);
    capture_expect_error(log, "%s: ELF64 image, cluster 'rt' (rv32imac) needs ELF32",
                         write_elf(&f));
}

static void test_bad_header(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    elf_build(&img, &f);
    const char *path = write_elf(&f);
    static const struct {
        size_t off;
        uint8_t val;
        const char *msg;
    } cases[] = {
        {5, 2, "big-endian ELF files are not supported"},
        {5, 0, "bad ELF data encoding 0 (1 is little-endian)"},
        {4, 3, "bad ELF class 3 (1 is ELF32, 2 is ELF64)"},
        {6, 0, "bad ELF version 0 (expected 1)"},
        {20, 2, "bad ELF version 2 in e_version (expected 1)"},
        {16, 1, "ELF type is ET_REL (a relocatable object), not an executable"},
        {16, 9, "ELF type 0x9 is not an executable"},
        {54, 16, "e_phentsize 16 is smaller than an ELF64 program header (56 bytes)"},
        {56, 0, "no program headers: nothing to load"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint8_t saved = f.buf[cases[i].off];
        f.buf[cases[i].off] = cases[i].val;
        const char *log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
        capture_expect_error(log, "%s: %s", path, cases[i].msg);
        f.buf[cases[i].off] = saved;
    }

    /* An ELF file given a load address. */
    char spec[600];
    snprintf(spec, sizeof(spec), "%s@0x80000000", path);
    struct load_result res;
    capture_begin(STDERR_FILENO);
    int err = loader_load(b->view, spec, &tu_rv64, &res, NULL, NULL, NULL);
    const char *log = capture_end();
    assert_int_equal(err, -EINVAL);
    capture_expect_error(log, "%s: ELF files carry their own load addresses: remove '@0x80000000'",
                         path);
}

static void test_truncated(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    elf_build(&img, &f);
    const char *path = write_elf(&f);
    const char *log = load_fails(b, &f, 10, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: file size 0xa is smaller than the ELF identification"
                         " (16 bytes)",
                         path);
    log = load_fails(b, &f, 0x28, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: file size 0x28 is smaller than the ELF64 header"
                         " (0x40 bytes)",
                         path);
    /* Program header 1 is at 0x78..0xaf. */
    log = load_fails(b, &f, 0x82, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: program header 1 ends at 0xb0 beyond the file size"
                         " 0x82",
                         path);
    size_t cut = f.seg_off[2] + 4;
    log = load_fails(b, &f, cut, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: segment 2 data ends at 0x%zx beyond the file size"
                         " 0x%zx",
                         path, cut + 4, cut);

    image_ref(&img, 1);
    elf_build(&img, &f);
    log = load_fails(b, &f, 0x30, &tu_rv32, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: file size 0x30 is smaller than the ELF32 header"
                         " (0x34 bytes)",
                         path);
}

static void test_overflows(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    elf_build(&img, &f);
    const char *path = write_elf(&f);

    phdr_put(&f, 0, 0, 0xfffffffffffffff8ull);
    const char *log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(
        log, "%s: segment 0: p_offset 0xfffffffffffffff8 + p_filesz 0x10 overflows", path);
    phdr_put(&f, 0, 0, 0x10000);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: segment 0 data ends at 0x10010 beyond the file size"
                         " 0x%zx",
                         path, f.size);
    phdr_put(&f, 0, 0, f.seg_off[0]);

    phdr_put(&f, 0, 2, 0xfffffffffffff000ull);
    phdr_put(&f, 0, 4, 0x2000);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: segment 0: p_paddr 0xfffffffffffff000 + p_memsz 0x2000 runs past"
                         " the end of the 64-bit address space",
                         path);
    phdr_put(&f, 0, 4, 0x8);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log, "%s: segment 0: p_filesz 0x10 is larger than p_memsz 0x8", path);
    /* File bytes with no memory size: refused, not skipped in silence. */
    phdr_put(&f, 0, 2, 0x80000000);
    phdr_put(&f, 0, 4, 0);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log, "%s: segment 0: p_filesz 0x10 is larger than p_memsz 0x0", path);
    phdr_put(&f, 0, 2, 0x80000000);
    phdr_put(&f, 0, 4, sizeof(text));

    put(f.buf + 32, 0xffffffffffffff00ull, 8);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: program header table at 0xffffffffffffff00 is beyond"
                         " the file size 0x%zx",
                         path, f.size);
    put(f.buf + 32, f.phoff, 8);
    put(f.buf + 56, 0xffff, 2);
    size_t first_bad = (f.size - f.phoff) / f.phsz;
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log,
                         "%s: truncated: program header %zu ends at 0x%zx beyond the file size"
                         " 0x%zx",
                         path, first_bad, f.phoff + (first_bad + 1) * f.phsz, f.size);

    image_ref(&img, 1);
    elf_build(&img, &f);
    phdr_put(&f, 2, 2, 0xfffff000);
    phdr_put(&f, 2, 4, 0x2000);
    log = load_fails(b, &f, f.size, &tu_rv32, -EINVAL);
    capture_expect_error(log,
                         "%s: segment 2: p_paddr 0xfffff000 + p_memsz 0x2000 runs past the end"
                         " of the 32-bit address space",
                         path);
}

static void test_outside_memory(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    img.seg[1] = (struct seg){PT_LOAD, 0x90000000, 0x90000000, data, sizeof(data), 0x1000};
    elf_build(&img, &f);
    const char *path = write_elf(&f);
    const char *log = load_fails(b, &f, f.size, &tu_rv64, -ERANGE);
    capture_expect_error(log,
                         "%s: segment 1 [0x90000000-0x90000fff] is outside mapped memory of"
                         " cluster 'app'",
                         path);

    phdr_put(&f, 1, 2, TU_RAM_BASE + TU_RAM_SIZE - 0x800);
    log = load_fails(b, &f, f.size, &tu_rv64, -ERANGE);
    capture_expect_error(log,
                         "%s: segment 1 [0x800ff800-0x801007ff] runs past mapped memory of"
                         " cluster 'app' at 0x80100000",
                         path);

    phdr_put(&f, 1, 2, TU_DEV_BASE);
    phdr_put(&f, 1, 4, 0x10);
    log = load_fails(b, &f, f.size, &tu_rv64, -ERANGE);
    capture_expect_error(log,
                         "%s: segment 1 [0x10000000-0x1000000f] overlaps device 'uart0'"
                         " [0x10000000-0x100000ff] of cluster 'app'",
                         path);
}

static void test_overlap(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    img.seg[1] = (struct seg){PT_LOAD, 0, 0x80000ff8, data, sizeof(data), 0x10};
    elf_build(&img, &f);
    const char *path = write_elf(&f);
    const char *log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log, "%s: segments 1 and 2 overlap at 0x80001000", path);

    /* Listed in reverse address order, and one inside another. */
    image_ref(&img, 2);
    img.seg[0] = (struct seg){PT_LOAD, 0, 0x80001000, data, sizeof(data), 0x2000};
    img.seg[1] = (struct seg){PT_LOAD, 0, 0x80000000, data, sizeof(data), 0x2000};
    img.seg[2] = (struct seg){PT_LOAD, 0, 0x80000100, text, sizeof(text), sizeof(text)};
    img.nseg = 3;
    elf_build(&img, &f);
    log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log, "%s: segments 1 and 2 overlap at 0x80000100", path);
}

static void test_nothing_to_load(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    img.seg[0] = img.seg[1];
    img.seg[1] = img.seg[3];
    img.nseg = 2;
    elf_build(&img, &f);
    const char *log = load_fails(b, &f, f.size, &tu_rv64, -EINVAL);
    capture_expect_error(log, "%s: no PT_LOAD segment with contents: nothing to load",
                         write_elf(&f));
}

/* A broken symbol table costs the symbols, never the load. */
static void test_corrupt_symtab(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file f;
    image_ref(&img, 2);
    elf_build(&img, &f);
    const char *path = write_elf(&f);
    struct {
        uint8_t *where;
        uint64_t val;
        unsigned n;
        const char *msg;
    } cases[] = {
        {shdr(&f, 2) + 32, 0x100000, 8,
         "symbol table (section 1) is corrupt: it or its string"
         " table extends beyond the end of the file"},
        {shdr(&f, 1) + 32, 0xffffffffffffff00ull, 8,
         "symbol table (section 1) is corrupt: it"
         " or its string table extends beyond the end of the file"},
        {shdr(&f, 1) + 40, 7, 4,
         "symbol table (section 1) is corrupt: its sh_link does not"
         " name a string table"},
        {shdr(&f, 1) + 40, 1, 4,
         "symbol table (section 1) is corrupt: its sh_link does not"
         " name a string table"},
        {shdr(&f, 1) + 56, 4, 8,
         "symbol table (section 1) is corrupt: its sh_entsize is"
         " smaller than a symbol"},
        {f.buf + f.symtab_off + 3 * f.symsz, 0x7fff, 4,
         "symbol table (section 1) is corrupt:"
         " a symbol name lies outside the string table"},
        {f.buf + f.strtab_off + f.strtab_size - 1, 'x', 1,
         "symbol table (section 1) is"
         " corrupt: a symbol name lies outside the string table"},
        {f.buf + 40, 0x100000, 8, "the section header table is corrupt or truncated"},
        {f.buf + 58, 8, 2, "the section header table is corrupt or truncated"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        static uint8_t saved[8];
        memcpy(saved, cases[i].where, cases[i].n);
        put(cases[i].where, cases[i].val, cases[i].n);
        path = write_elf(&f);
        struct load_result res;
        struct seen_syms seen = {0};
        capture_begin(STDERR_FILENO);
        int err = loader_load(b->view, path, &tu_rv64, &res, record_sym, &seen, NULL);
        const char *log = capture_end();
        assert_int_equal(err, 0);
        assert_int_equal(seen.n, 0);
        capture_expect_warning(log, "%s: %s; symbols skipped", path, cases[i].msg);
        check_ref_loaded(b, &res);
        memcpy(cases[i].where, saved, cases[i].n);
    }
}

/* xorshift64*: deterministic, so a failure reproduces. */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dull;
}

static void board_refill(struct tu_board *b)
{
    memset(b->ram->host, 0xaa, TU_RAM_SIZE);
    memset(b->rom->host, 0xbb, TU_ROM_SIZE);
}

static void corrupt(struct elf_file *f, size_t *size, uint64_t *rng)
{
    /* Most damage where the parser looks: headers and the symbol table. */
    size_t hot = f->phoff + 4 * f->phsz;
    unsigned edits = 1 + rng_next(rng) % 4;
    for (unsigned e = 0; e < edits; e++) {
        uint64_t r = rng_next(rng);
        size_t at = (r & 1) ? r % hot : (r & 2) ? f->shoff + r % (3 * f->shsz) : r % *size;
        static const uint8_t special[] = {0x00, 0xff, 0x7f, 0x80, 0x01, 0x02};
        f->buf[at] = (r >> 40) & 1 ? special[(r >> 41) % sizeof(special)] : (uint8_t)(r >> 48);
    }
    if (rng_next(rng) % 8 == 0)
        *size = rng_next(rng) % *size;
}

static void test_fuzz(void **state)
{
    struct tu_board *b = *state;
    struct elf_img img;
    static struct elf_file ref, f;
    uint64_t rng = 0x6d6f73616963ull;
    unsigned loaded = 0;
    for (unsigned i = 0; i < 2000; i++) {
        image_ref(&img, i % 2 ? 1 : 2);
        elf_build(&img, &ref);
        f = ref;
        size_t size = f.size;
        corrupt(&f, &size, &rng);
        const char *path = tu_write_file("fuzz.elf", f.buf, size);
        struct load_result res;
        struct seen_syms seen = {0};
        capture_discard(STDERR_FILENO);
        int err =
            loader_load(b->view, path, i % 2 ? &tu_rv32 : &tu_rv64, &res, record_sym, &seen, NULL);
        capture_end();
        if (err) {
            assert_true(err < 0);
            assert_int_equal(seen.n, 0);
            if (!tu_board_untouched(b))
                fail_msg("variant %u failed (%d) but wrote memory", i, err);
        } else {
            assert_true(res.low <= res.high);
            loaded++;
            board_refill(b);
        }
    }
    /* Enough variants must survive for the symbol code to be exercised too. */
    assert_true(loaded > 100);
}

static int group_teardown(void **state)
{
    (void)state;
    tu_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_elf64_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_elf32_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_target, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overflows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_outside_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overlap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nothing_to_load, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_symtab, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fuzz, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, group_teardown);
}
