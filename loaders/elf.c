/* SPDX-License-Identifier: MIT */
/*
 * ELF32 and ELF64 little-endian executables: check the header against the
 * cluster (machine, class), turn PT_LOAD program headers into pieces at
 * their physical addresses, and report .symtab symbols (the spike boards
 * find tohost/fromhost this way). Field offsets and sizes follow the System V
 * gABI chapters "ELF Header", "Program Header", "Sections" and "Symbol
 * Table". The file is hostile input: every offset, size and count is checked
 * against the file size with arithmetic that cannot overflow.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "engine/io/diag.h"
#include "loaders/internals.h"

#define EI_NIDENT 16
#define EI_CLASS 4
#define EI_DATA 5
#define EI_VERSION 6
#define ELFDATA2LSB 1
#define ELFDATA2MSB 2
#define EV_CURRENT 1
#define ET_EXEC 2
#define ET_DYN 3
#define PT_LOAD 1
#define SHT_SYMTAB 2
#define SHT_STRTAB 3
#define SHN_UNDEF 0

/* Where the fields read here sit, per class; fields with the same offset
 * and size in both classes (e_type, e_machine, e_version, p_type, sh_type,
 * st_name) are read directly. */
struct elf_layout {
    const char *name;
    unsigned word; /* size of addresses, offsets and sizes */
    unsigned ehsize, phsize, shsize, symsize;
    unsigned e_entry, e_phoff, e_shoff, e_phentsize, e_phnum, e_shentsize, e_shnum;
    unsigned p_offset, p_paddr, p_filesz, p_memsz;
    unsigned sh_offset, sh_size, sh_link, sh_entsize;
    unsigned st_value, st_info, st_shndx;
};

/* clang-format off */
static const struct elf_layout elf_layouts[] = {
    [LOADER_ELFCLASS32] = {
        .name = "ELF32", .word = 4, .ehsize = 52, .phsize = 32, .shsize = 40, .symsize = 16,
        .e_entry = 24, .e_phoff = 28, .e_shoff = 32, .e_phentsize = 42, .e_phnum = 44,
        .e_shentsize = 46, .e_shnum = 48,
        .p_offset = 4, .p_paddr = 12, .p_filesz = 16, .p_memsz = 20,
        .sh_offset = 16, .sh_size = 20, .sh_link = 24, .sh_entsize = 36,
        .st_value = 4, .st_info = 12, .st_shndx = 14,
    },
    [LOADER_ELFCLASS64] = {
        .name = "ELF64", .word = 8, .ehsize = 64, .phsize = 56, .shsize = 64, .symsize = 24,
        .e_entry = 24, .e_phoff = 32, .e_shoff = 40, .e_phentsize = 54, .e_phnum = 56,
        .e_shentsize = 58, .e_shnum = 60,
        .p_offset = 8, .p_paddr = 24, .p_filesz = 32, .p_memsz = 40,
        .sh_offset = 24, .sh_size = 32, .sh_link = 40, .sh_entsize = 56,
        .st_value = 8, .st_info = 4, .st_shndx = 6,
    },
};
/* clang-format on */

/* e_machine names for messages (gABI "ELF Header", e_machine). */
static const struct {
    uint16_t em;
    const char *name;
} elf_machines[] = {
    {2, "SPARC"},      {3, "x86"},       {8, "MIPS"},     {20, "PowerPC"},
    {21, "PowerPC64"}, {22, "S/390"},    {40, "ARM"},     {42, "SuperH"},
    {50, "IA-64"},     {62, "x86-64"},   {83, "AVR"},     {94, "Xtensa"},
    {105, "MSP430"},   {183, "AArch64"}, {243, "RISC-V"}, {258, "LoongArch"},
};

static const char *const elf_type_names[] = {
    "ET_NONE (no file type)", "ET_REL (a relocatable object)", "ET_EXEC", "ET_DYN",
    "ET_CORE (a core dump)",
};

struct elf_file {
    const struct loader_ctx *c;
    const struct elf_layout *l;
    const uint8_t *d;
    size_t size;
    uint64_t entry, phoff, shoff;
    unsigned phentsize, phnum, shentsize, shnum;
};

static uint64_t rd(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static uint64_t rd_word(const struct elf_file *e, const uint8_t *p, unsigned off)
{
    return rd(p + off, e->l->word);
}

/* True if [off, off+len) lies inside the file. */
static bool in_file(const struct elf_file *e, uint64_t off, uint64_t len)
{
    return off <= e->size && len <= e->size - off;
}

static const char *machine_name(unsigned em)
{
    for (size_t i = 0; i < sizeof(elf_machines) / sizeof(elf_machines[0]); i++)
        if (elf_machines[i].em == em)
            return elf_machines[i].name;
    return "unknown";
}

/* e_ident: magic (checked by the caller), class, byte order, version. */
static int elf_check_ident(struct elf_file *e)
{
    const char *path = e->c->path;
    const struct diag *diag = e->c->diag;
    if (e->size < EI_NIDENT) {
        diag_error(diag,
                   "%s: truncated: file size 0x%zx is smaller than the ELF identification"
                   " (16 bytes)",
                   path, e->size);
        return -EINVAL;
    }
    unsigned cls = e->d[EI_CLASS], data = e->d[EI_DATA];
    if (cls != LOADER_ELFCLASS32 && cls != LOADER_ELFCLASS64) {
        diag_error(diag, "%s: bad ELF class %u (1 is ELF32, 2 is ELF64)", path, cls);
        return -EINVAL;
    }
    if (data != ELFDATA2LSB) {
        if (data == ELFDATA2MSB)
            diag_error(diag, "%s: big-endian ELF files are not supported", path);
        else
            diag_error(diag, "%s: bad ELF data encoding %u (1 is little-endian)", path, data);
        return -EINVAL;
    }
    if (e->d[EI_VERSION] != EV_CURRENT) {
        diag_error(diag, "%s: bad ELF version %u (expected 1)", path, e->d[EI_VERSION]);
        return -EINVAL;
    }
    e->l = &elf_layouts[cls];
    if (e->size < e->l->ehsize) {
        diag_error(diag,
                   "%s: truncated: file size 0x%zx is smaller than the %s header (0x%x bytes)",
                   path, e->size, e->l->name, e->l->ehsize);
        return -EINVAL;
    }
    return 0;
}

/* Machine, class and type against what the cluster runs. */
static int elf_check_target(const struct elf_file *e)
{
    const struct loader_target *t = e->c->target;
    const char *path = e->c->path;
    const struct diag *diag = e->c->diag;
    unsigned em = (unsigned)rd(e->d + 18, 2), type = (unsigned)rd(e->d + 16, 2);
    char cl[128];
    loader_cluster_desc(t, true, cl, sizeof(cl));
    if (t->elf_machine && em != t->elf_machine) {
        diag_error(diag, "%s: ELF machine is %s (%u), %s needs %s (%u)", path, machine_name(em), em,
                   cl, machine_name(t->elf_machine), t->elf_machine);
        return -EINVAL;
    }
    if (t->elf_class && e->d[EI_CLASS] != t->elf_class) {
        diag_error(diag, "%s: %s image, %s needs %s", path, e->l->name, cl,
                   elf_layouts[t->elf_class == LOADER_ELFCLASS32 ? 1 : 2].name);
        return -EINVAL;
    }
    if (rd(e->d + 20, 4) != EV_CURRENT) {
        diag_error(diag, "%s: bad ELF version %" PRIu64 " in e_version (expected 1)", path,
                   rd(e->d + 20, 4));
        return -EINVAL;
    }
    if (type != ET_EXEC && type != ET_DYN) {
        if (type < sizeof(elf_type_names) / sizeof(elf_type_names[0]))
            diag_error(diag, "%s: ELF type is %s, not an executable", path, elf_type_names[type]);
        else
            diag_error(diag, "%s: ELF type 0x%x is not an executable", path, type);
        return -EINVAL;
    }
    return 0;
}

static int elf_read_header(struct elf_file *e)
{
    int err = elf_check_ident(e);
    if (err || (err = elf_check_target(e)))
        return err;
    const struct elf_layout *l = e->l;
    e->entry = rd_word(e, e->d, l->e_entry);
    e->phoff = rd_word(e, e->d, l->e_phoff);
    e->shoff = rd_word(e, e->d, l->e_shoff);
    e->phentsize = (unsigned)rd(e->d + l->e_phentsize, 2);
    e->phnum = (unsigned)rd(e->d + l->e_phnum, 2);
    e->shentsize = (unsigned)rd(e->d + l->e_shentsize, 2);
    e->shnum = (unsigned)rd(e->d + l->e_shnum, 2);
    return 0;
}

/* The program header table lies in the file, one whole entry at a time. */
static int elf_check_phdrs(const struct elf_file *e)
{
    const char *path = e->c->path;
    const struct diag *diag = e->c->diag;
    if (e->phnum == 0) {
        diag_error(diag, "%s: no program headers: nothing to load", path);
        return -EINVAL;
    }
    if (e->phentsize < e->l->phsize) {
        diag_error(diag, "%s: e_phentsize %u is smaller than an %s program header (%u bytes)", path,
                   e->phentsize, e->l->name, e->l->phsize);
        return -EINVAL;
    }
    if (e->phoff > e->size) {
        diag_error(diag,
                   "%s: truncated: program header table at 0x%" PRIx64 " is beyond the file"
                   " size 0x%zx",
                   path, e->phoff, e->size);
        return -EINVAL;
    }
    for (unsigned i = 0; i < e->phnum; i++) {
        /* phoff <= size <= 1 GiB and the product < 2^32: no overflow. */
        uint64_t end = e->phoff + (uint64_t)(i + 1) * e->phentsize;
        if (end > e->size) {
            diag_error(diag,
                       "%s: truncated: program header %u ends at 0x%" PRIx64 " beyond the file"
                       " size 0x%zx",
                       path, i, end, e->size);
            return -EINVAL;
        }
    }
    return 0;
}

/* Check one PT_LOAD header and describe it as a piece. */
static int elf_segment(const struct elf_file *e, unsigned i, const uint8_t *ph,
                       struct loader_piece *p)
{
    const struct elf_layout *l = e->l;
    const char *path = e->c->path;
    const struct diag *diag = e->c->diag;
    uint64_t off = rd_word(e, ph, l->p_offset), paddr = rd_word(e, ph, l->p_paddr);
    uint64_t filesz = rd_word(e, ph, l->p_filesz), memsz = rd_word(e, ph, l->p_memsz);
    uint64_t top = l->word == 4 ? UINT32_MAX : UINT64_MAX;
    if (filesz > memsz) {
        diag_error(diag, "%s: segment %u: p_filesz 0x%" PRIx64 " is larger than p_memsz 0x%" PRIx64,
                   path, i, filesz, memsz);
        return -EINVAL;
    }
    if (filesz && !in_file(e, off, filesz)) {
        if (off + filesz < off)
            diag_error(diag,
                       "%s: segment %u: p_offset 0x%" PRIx64 " + p_filesz 0x%" PRIx64 " overflows",
                       path, i, off, filesz);
        else
            diag_error(diag,
                       "%s: truncated: segment %u data ends at 0x%" PRIx64 " beyond the file"
                       " size 0x%zx",
                       path, i, off + filesz, e->size);
        return -EINVAL;
    }
    if (memsz - 1 > top - paddr) {
        diag_error(diag,
                   "%s: segment %u: p_paddr 0x%" PRIx64 " + p_memsz 0x%" PRIx64 " runs past"
                   " the end of the %u-bit address space",
                   path, i, paddr, memsz, 8 * l->word);
        return -EINVAL;
    }
    char what[32];
    snprintf(what, sizeof(what), "segment %u", i);
    int err = loader_check_mapped(e->c, path, what, paddr, memsz);
    if (err)
        return err;
    /* A bss-only segment's p_offset means nothing: do not form a pointer from it. */
    *p = (struct loader_piece){.addr = paddr,
                               .data = filesz ? e->d + off : NULL,
                               .filesz = filesz,
                               .memsz = memsz,
                               .id = i};
    return 0;
}

/* All PT_LOAD segments with something in them, checked, in *@out. */
static int elf_collect(const struct elf_file *e, struct loader_piece **out, size_t *n)
{
    struct loader_piece *p = calloc(e->phnum, sizeof(*p));
    if (!p) {
        diag_error(e->c->diag, "%s: out of memory", e->c->path);
        return -ENOMEM;
    }
    size_t k = 0;
    for (unsigned i = 0; i < e->phnum; i++) {
        const uint8_t *ph = e->d + e->phoff + (uint64_t)i * e->phentsize;
        /* An empty segment is skipped; one with file bytes but no memory
         * size is refused by elf_segment (p_filesz > p_memsz). */
        if (rd(ph, 4) != PT_LOAD ||
            (rd_word(e, ph, e->l->p_memsz) == 0 && rd_word(e, ph, e->l->p_filesz) == 0))
            continue;
        int err = elf_segment(e, i, ph, &p[k]);
        if (err) {
            free(p);
            return err;
        }
        k++;
    }
    if (k == 0) {
        diag_error(e->c->diag, "%s: no PT_LOAD segment with contents: nothing to load", e->c->path);
        free(p);
        return -EINVAL;
    }
    *out = p;
    *n = k;
    return 0;
}

/* Section @i's header, or NULL when it is not inside the checked table. */
static const uint8_t *elf_shdr(const struct elf_file *e, uint64_t i)
{
    return i < e->shnum ? e->d + e->shoff + i * e->shentsize : NULL;
}

/*
 * Walk the symbol table in section @sec. With @report false only check it
 * (returns a reason on the first problem, NULL if sound); with @report true
 * call the symbol callback for each symbol worth reporting.
 */
static const char *elf_walk_symtab(const struct elf_file *e, const uint8_t *sh, bool report)
{
    const struct elf_layout *l = e->l;
    uint64_t off = rd_word(e, sh, l->sh_offset), size = rd_word(e, sh, l->sh_size);
    uint64_t entsize = rd_word(e, sh, l->sh_entsize);
    const uint8_t *strsh = elf_shdr(e, rd(sh + l->sh_link, 4));
    if (!strsh || rd(strsh + 4, 4) != SHT_STRTAB)
        return "its sh_link does not name a string table";
    uint64_t stroff = rd_word(e, strsh, l->sh_offset), strsize = rd_word(e, strsh, l->sh_size);
    if (entsize < l->symsize)
        return "its sh_entsize is smaller than a symbol";
    if (!in_file(e, off, size) || !in_file(e, stroff, strsize))
        return "it or its string table extends beyond the end of the file";
    const char *strtab = (const char *)e->d + stroff;
    for (uint64_t s = 0; s < size / entsize; s++) {
        const uint8_t *sym = e->d + off + s * entsize;
        uint64_t name = rd(sym, 4);
        if (name >= strsize || !memchr(strtab + name, 0, strsize - name))
            return "a symbol name lies outside the string table";
        unsigned info = sym[l->st_info], type = info & 0xf, bind = info >> 4;
        bool wanted =
            type <= 2 && bind <= 2 && rd(sym + l->st_shndx, 2) != SHN_UNDEF && strtab[name] != '\0';
        if (report && wanted)
            e->c->sym(e->c->opaque, strtab + name, rd_word(e, sym, l->st_value));
    }
    return NULL;
}

/* Report symbols; problems here only cost the symbols, not the load. */
static void elf_report_symbols(const struct elf_file *e)
{
    const char *path = e->c->path;
    const struct diag *diag = e->c->diag;
    if (e->shoff == 0 || e->shnum == 0)
        return;
    if (e->shentsize < e->l->shsize || !in_file(e, e->shoff, (uint64_t)e->shnum * e->shentsize)) {
        diag_warn(diag, "%s: the section header table is corrupt or truncated; symbols skipped",
                  path);
        return;
    }
    for (unsigned i = 0; i < e->shnum; i++) {
        const uint8_t *sh = elf_shdr(e, i);
        if (rd(sh + 4, 4) != SHT_SYMTAB)
            continue;
        const char *why = elf_walk_symtab(e, sh, false);
        if (why)
            diag_warn(diag, "%s: symbol table (section %u) is corrupt: %s; symbols skipped", path,
                      i, why);
        else
            elf_walk_symtab(e, sh, true);
    }
}

int loader_elf(const struct loader_ctx *c)
{
    struct elf_file e = {.c = c, .d = c->data, .size = c->size};
    struct loader_piece *p;
    size_t n, a, b;
    int err = elf_read_header(&e);
    if (err || (err = elf_check_phdrs(&e)) || (err = elf_collect(&e, &p, &n)))
        return err;
    if (loader_find_overlap(p, n, &a, &b)) {
        unsigned lo = p[a].id < p[b].id ? p[a].id : p[b].id;
        unsigned hi = p[a].id < p[b].id ? p[b].id : p[a].id;
        diag_error(c->diag, "%s: segments %u and %u overlap at " GADDR_FMT, c->path, lo, hi,
                   p[b].addr);
        err = -EINVAL;
    }
    if (!err)
        err = loader_write_pieces(c, p, n);
    free(p);
    if (err)
        return err;
    c->out->entry = e.entry;
    c->out->has_entry = true;
    if (c->sym)
        elf_report_symbols(&e);
    return 0;
}
