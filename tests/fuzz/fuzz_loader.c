/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the image loaders (ELF32/64, Intel HEX, raw) through
 * loader_load, as -set /app.image= uses them, into the view of a small
 * RAM-and-ROM cluster of a shipped board (riscv-virt). The input is
 * written to a temporary file; the first byte picks how it is named and
 * loaded: *.elf, *.hex or a raw binary at an address, so each loader is
 * reached whatever the content looks like.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "engine/machine/cluster.h"
#include "engine/machine/machine.h"
#include "loaders/loader.h"
#include "tests/fuzz/fuzz.h"

static struct machine *fuzz_m;
static char fuzz_dir[] = "/tmp/mosaic-fuzz-loader-XXXXXX";

static void on_symbol(void *opaque, const char *name, gaddr value)
{
    (void)opaque;
    (void)name;
    (void)value;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"image.elf", "image.hex", "image.bin"};
    if (!fuzz_m) {
        fuzz_m = fuzz_machine("riscv-virt");
        if (!mkdtemp(fuzz_dir))
            abort();
    }
    if (!size)
        return 0;
    char path[128], spec[160];
    snprintf(path, sizeof(path), "%s/%s", fuzz_dir, names[data[0] % 3]);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f))
        abort();
    snprintf(spec, sizeof(spec), "%s%s", path, data[0] % 3 == 2 ? "@0x80000000" : "");
    struct cluster *c = fuzz_m->clusters[0];
    const struct loader_target t = {
        .elf_machine = data[0] & 0x80 ? 0 : c->model_def->elf_machine,
        .elf_class = data[0] & 0x40 ? 0 : c->model_def->elf_class,
        .cluster_name = c->obj.name,
        .model_name = c->model_def->name,
    };
    struct load_result r;
    loader_load(c->view, spec, &t, &r, on_symbol, NULL, &fuzz_quiet);
    unlink(path);
    return 0;
}
