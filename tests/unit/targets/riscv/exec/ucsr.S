/* SPDX-License-Identifier: MIT */
/* Machine CSRs are illegal in U-mode. */
#include "exec.h"

    trap_prologue
    enter_user
    csrr a0, mstatus
