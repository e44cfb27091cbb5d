/* SPDX-License-Identifier: MIT */
/*
 * Semihosting exit codes, one program per way of exiting, chosen with
 * EXIT_CODE, the status it must end with: 42 = SYS_EXIT_EXTENDED
 * {ADP_Stopped_ApplicationExit, 42}; 0 = SYS_EXIT with r1 =
 * ADP_Stopped_ApplicationExit; 1 = SYS_EXIT with r1 =
 * ADP_Stopped_RunTimeError (AArch32 SYS_EXIT carries a reason, not a
 * code). Anything after the call fails with 99.
 */
#include "test.h"

TEST_BEGIN exit

#if EXIT_CODE == 42
    LI r1, exit_block
    movs r0, #SYS_EXIT_EXTENDED
#elif EXIT_CODE == 0
    LI r1, ADP_STOPPED_APPLICATION_EXIT
    movs r0, #SYS_EXIT
#elif EXIT_CODE == 1
    LI r1, ADP_STOPPED_RUNTIME_ERROR
    movs r0, #SYS_EXIT
#else
#error EXIT_CODE must be 42, 0 or 1
#endif
    bkpt 0xab
    movs r0, #99
    b rt_exit

    .data
    .align 2
exit_block:
    .word ADP_STOPPED_APPLICATION_EXIT, 42
