/* SPDX-License-Identifier: MIT */
/* ecall from M-mode. */
#include "exec.h"

    trap_prologue
    ecall
