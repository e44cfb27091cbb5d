/* SPDX-License-Identifier: MIT */
/*
 * Shared set-up of the libFuzzer targets (fuzz.h): the registrations main
 * does, a realized shipped board, a silent sink.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boards/board.h"
#include "engine/io/log.h"
#include "engine/machine/machine.h"
#include "engine/machine/target.h"
#include "targets/arm/arm.h"
#include "targets/riscv/riscv.h"
#include "tests/fuzz/fuzz.h"

static void fuzz_drop(void *opaque, enum diag_level level, const char *msg)
{
    (void)opaque;
    (void)level;
    (void)msg;
}

const struct diag fuzz_quiet = {fuzz_drop, NULL};

void fuzz_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    log_set_quiet(true);
    engine_register_types();
    target_register(&arm_target_ops);
    target_register(&riscv_target_ops);
    boards_register_types();
}

struct machine *fuzz_machine(const char *name)
{
    fuzz_init();
    /* The source tree's boards: board_find looks next to "mosaic" only. */
    char path[4096];
    snprintf(path, sizeof(path), "%s/boards/%s.xml", MOSAIC_SRCDIR, name);
    struct machine *m = board_load_file(path, NULL);
    if (!m || machine_realize(m)) {
        fprintf(stderr, "fuzz: cannot build board %s\n", name);
        abort();
    }
    return m;
}

char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    for (size_t i = 0; i < size; i++)
        s[i] = data[i] ? (char)data[i] : ' ';
    s[size] = '\0';
    return s;
}
