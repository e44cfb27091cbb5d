/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: board_load_string on arbitrary text (the XML parser,
 * element and attribute handling, the property parsers, <set>, <irq>
 * wiring). A board that parses is also realized when its memory stays
 * small, so realize-time checks (views, aliases, models) are reached
 * without allocating gigabytes.
 */
#include <stdint.h>

#include "boards/board.h"
#include "engine/machine/machine.h"
#include "engine/object/object.h"
#include "tests/fuzz/fuzz.h"

/* RAM and ROM the fuzzer may realize, in total. */
#define FUZZ_BOARD_MEM (64u << 20)

static uint64_t memory_of(struct object *obj)
{
    uint64_t sum = 0;
    for (struct object *o = obj->first_child; o; o = o->next_sibling) {
        char buf[64];
        uint64_t size;
        if ((object_is(o, "ram") || object_is(o, "rom")) &&
            (object_get_prop_str(o, "size", buf, sizeof(buf)) || parse_u64(buf, &size, true) ||
             size > FUZZ_BOARD_MEM))
            return FUZZ_BOARD_MEM + 1;
        if (object_is(o, "ram") || object_is(o, "rom"))
            sum += size;
        sum += memory_of(o);
        if (sum > FUZZ_BOARD_MEM)
            break;
    }
    return sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    struct machine *m = board_load_string("fuzz.xml", (const char *)data, size, &fuzz_quiet);
    if (m && memory_of(OBJECT(m)) <= FUZZ_BOARD_MEM)
        machine_realize(m);
    machine_free(m);
    return 0;
}
