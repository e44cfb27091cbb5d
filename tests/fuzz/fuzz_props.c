/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: property assignments ("PATH.PROP=VALUE", as -set, a
 * board's <set> and the monitor's set take them) through
 * object_set_assignment on a realized shipped board (rv-m4-amp), so path
 * resolution, every property type's parser and range, and the checks of
 * properties that cannot change after realize are reached. Each input is
 * one or more assignments, one per line.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/machine/machine.h"
#include "engine/object/object.h"
#include "tests/fuzz/fuzz.h"

static struct machine *fuzz_m;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_m)
        fuzz_m = fuzz_machine("rv-m4-amp");
    char *text = fuzz_string(data, size), *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        object_set_assignment(OBJECT(fuzz_m), line, &fuzz_quiet);
    free(text);
    return 0;
}
