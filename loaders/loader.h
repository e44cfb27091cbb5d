/* SPDX-License-Identifier: MIT */
/*
 * Image loaders: put an ELF32/ELF64 (little-endian), Intel HEX or raw binary
 * file into a cluster's memory view and report its entry point. Every file
 * is treated as hostile: all of it is checked first (headers, bounds,
 * machine, that every byte lands in mapped RAM/ROM and no two pieces
 * overlap) and only then written, so a failed load leaves memory untouched.
 * Every error is reported to the caller's diagnostics sink (NULL: the log)
 * with the file name (and line, for HEX) and the reason.
 */
#ifndef MOSAIC_LOADER_H
#define MOSAIC_LOADER_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/memory/memory.h"

/* ELF e_machine values of the architectures Mosaic knows (ELF gABI). */
#define LOADER_EM_ARM 40
#define LOADER_EM_X86_64 62
#define LOADER_EM_RISCV 243

/* ELF EI_CLASS values. */
#define LOADER_ELFCLASS32 1
#define LOADER_ELFCLASS64 2

/* What the CPUs that will run the image need; the names are for messages. */
struct loader_target {
    uint16_t elf_machine;     /* required e_machine; 0 accepts any */
    uint8_t elf_class;        /* LOADER_ELFCLASS32/64; 0 accepts either */
    const char *cluster_name; /* "app" */
    const char *model_name;   /* "rv64imac"; may be NULL */
};

struct load_result {
    gaddr entry;     /* ELF e_entry; HEX start record; raw: the load address */
    bool has_entry;  /* false only for a HEX file without a start record */
    gaddr low, high; /* first and last byte written (inclusive) */
    /* The file loaded, absolute and resolved (realpath), without "@ADDR":
     * what gdb is told (qXfer:exec-file). Callers never split a spec. */
    char path[PATH_MAX];
};

struct diag;

/* Called for each symbol of an ELF file's .symtab (see loader_load). */
typedef void (*loader_symbol_fn)(void *opaque, const char *name, gaddr value);

/*
 * Load @spec into @v. @spec is "PATH" or "PATH@ADDR"; ADDR (as parse_u64
 * reads it) is required for a raw binary and refused for ELF and HEX, which
 * carry their own addresses. A PATH that exists as given is never split, so
 * file names containing '@' still load.
 *
 * The format is found from the content: the ELF magic; Intel HEX when the
 * file is text beginning with ':' or is named *.hex / *.ihex; otherwise a
 * raw binary.
 *
 * ELF: PT_LOAD segments are placed at their physical address p_paddr, as
 * bare-metal loaders (QEMU's -kernel, debug probes) do, since a view maps
 * physical addresses; p_filesz bytes come from the file and the rest up to
 * p_memsz is zeroed. Segments with p_memsz 0 are skipped.
 *
 * Writes use MEM_F_LOAD | MEM_F_NO_MMIO: ROM is loadable, devices are not.
 * An image with nothing to load is an error.
 *
 * After a successful ELF load, @sym (if non-NULL) is called with every
 * defined local, global or weak symbol of type NOTYPE, OBJECT or FUNC that
 * has a name; a corrupt symbol table only produces a warning.
 *
 * Warnings (entry point outside RAM/ROM, corrupt symbol table) and errors
 * go to @d (NULL: the log). Returns 0 and fills @out, or a negative errno
 * after reporting why.
 */
int loader_load(struct mem_view *v, const char *spec, const struct loader_target *t,
                struct load_result *out, loader_symbol_fn sym, void *opaque, const struct diag *d);

/* Largest image file accepted. */
#define LOADER_MAX_FILE_SIZE (1ull << 30)

#endif
