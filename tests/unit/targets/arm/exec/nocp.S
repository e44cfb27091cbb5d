/* SPDX-License-Identifier: MIT */
/* A coprocessor instruction without an FPU: a NOCP UsageFault,
 * escalated. */
#include "exec.h"

reset:
    movs r0, #1
    .inst.w 0xee300a00
