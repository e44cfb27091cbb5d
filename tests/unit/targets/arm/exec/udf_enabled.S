/* SPDX-License-Identifier: MIT */
/* UDF with UsageFault enabled in SHCSR. */
#include "exec.h"

reset:
    ldr r0, =0xe000ed24
    mov r1, #0x40000
    str r1, [r0]
    udf #3
    b reset
