/* SPDX-License-Identifier: MIT */
/* UDF with UsageFault disabled: escalated to HardFault. */
#include "exec.h"

reset:
    movs r0, #7
    udf #3
    b reset
