/* SPDX-License-Identifier: MIT */
/* WFE and SEV: the event register, and a WFE that waits. */
#include "exec.h"

reset:
    sev
    wfe
    movs r0, #1
    wfe
    movs r0, #2
1:  wfi
    b 1b
