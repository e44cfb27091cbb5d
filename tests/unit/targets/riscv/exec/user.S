/* SPDX-License-Identifier: MIT */
/* ecall from U-mode. */
#include "exec.h"

    trap_prologue
    enter_user
    li a0, 5
    ecall
