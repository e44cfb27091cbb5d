/* SPDX-License-Identifier: MIT */
/* SYS_EXIT with ADP_Stopped_ApplicationExit: exit status 0. */
#include "exec.h"

reset:
    movs r0, #0x18
    ldr r1, =0x20026
    bkpt 0xab
    b reset
