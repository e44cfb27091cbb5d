/* SPDX-License-Identifier: MIT */
/* mret is illegal in U-mode. */
#include "exec.h"

    trap_prologue
    enter_user
    mret
