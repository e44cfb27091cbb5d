/* SPDX-License-Identifier: MIT */
/* csrs with x0 does not write a read-only CSR; csrw does, and traps. */
#include "exec.h"

    trap_prologue
    csrr a0, mvendorid
    csrs mvendorid, zero
    csrw mhartid, a0
