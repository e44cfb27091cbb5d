/* SPDX-License-Identifier: MIT */
/* mcounteren.IR lets U-mode read instret; cycle stays illegal. */
#include "exec.h"

    trap_prologue
    csrwi mcounteren, 4
    enter_user
    rdinstret a0
    rdcycle a1
