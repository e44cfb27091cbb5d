/* SPDX-License-Identifier: MIT */
/* A fault in the HardFault handler: lockup. */
#include "exec.h"

reset:
    udf #0
hard_h:
    udf #1
