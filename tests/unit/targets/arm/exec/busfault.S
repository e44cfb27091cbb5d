/* SPDX-License-Identifier: MIT */
/* A load from unmapped memory: a precise BusFault, escalated. */
#include "exec.h"

reset:
    ldr r0, =0x30000000
    ldr r1, [r0]
    b reset
