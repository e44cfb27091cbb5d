/* SPDX-License-Identifier: MIT */
/* An illegal 32-bit instruction: mtval holds it. */
#include "exec.h"

    trap_prologue
    .word 0xffffffff
