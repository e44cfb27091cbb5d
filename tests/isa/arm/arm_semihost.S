/* SPDX-License-Identifier: MIT */
/*
 * Semihosting through BKPT 0xAB (Arm "Semihosting for AArch32 and
 * AArch64", Thumb state): r0 = operation, r1 = argument. SYS_WRITEC,
 * SYS_WRITE0 and SYS_WRITE (returns the number of bytes not written) to
 * the console: the handle SYS_OPEN gives for ":tt", or 1 where SYS_OPEN is
 * not offered (it returns -1). The run passes when both lines appear and
 * the exit (SYS_EXIT_EXTENDED through the runtime) reports 0.
 */
#include "test.h"

.macro SEMIHOST op, arg
    movs r0, #\op
    LI r1, \arg
    bkpt 0xab
.endm

TEST_BEGIN semihost

    SEMIHOST SYS_WRITEC, char_s
    SEMIHOST SYS_WRITE0, text0
    SEMIHOST SYS_OPEN, open_block
    cmp r0, #0
    bge 1f
    movs r0, #1
1:  LI r1, write_block
    str r0, [r1]
    SEMIHOST SYS_WRITE, write_block
    CHECK r0, 0
    TEST_PASS

    .section .rodata
char_s:
    .byte 'S'
text0:
    .asciz "EMIHOSTING write0\n"
text1:
    .ascii "SEMIHOSTING write\n"
text1_end:
tt_name:
    .asciz ":tt"

    .data
    .align 2
open_block:
    .word tt_name, 4, 3
write_block:
    .word 1, text1, text1_end - text1
