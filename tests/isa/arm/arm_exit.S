/* SPDX-License-Identifier: MIT */
/*
 * Semihosting exit codes, one program per way of exiting, chosen with
 * EXIT_HOW: 1 = SYS_EXIT_EXTENDED {ADP_Stopped_ApplicationExit, 42} exits
 * with 42; 2 = SYS_EXIT with r1 = ADP_Stopped_ApplicationExit exits 0; 3 =
 * SYS_EXIT with r1 = ADP_Stopped_RunTimeError exits 1 (AArch32 SYS_EXIT
 * carries a reason, not a code). Anything after the call fails with 99.
 */
#include "test.h"

TEST_BEGIN exit

#if EXIT_HOW == 1
    LI r1, exit_block
    movs r0, #SYS_EXIT_EXTENDED
#elif EXIT_HOW == 2
    LI r1, ADP_STOPPED_APPLICATION_EXIT
    movs r0, #SYS_EXIT
#else
    LI r1, ADP_STOPPED_RUNTIME_ERROR
    movs r0, #SYS_EXIT
#endif
    bkpt 0xab
    movs r0, #99
    b rt_exit

    .data
    .align 2
exit_block:
    .word ADP_STOPPED_APPLICATION_EXIT, 42
