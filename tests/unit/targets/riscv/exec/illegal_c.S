/* SPDX-License-Identifier: MIT */
/* The all-zero 16-bit instruction, defined illegal. */
#include "exec.h"

    trap_prologue
    .half 0
