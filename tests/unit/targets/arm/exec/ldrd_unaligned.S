/* SPDX-License-Identifier: MIT */
/* LDRD from an unaligned address: always a fault. */
#include "exec.h"

reset:
    ldr r0, =0x20000102
    ldrd r2, r3, [r0]
    b reset
