/* SPDX-License-Identifier: MIT */
/*
 * RISC-V semihosting (riscv-semihosting spec; calls from the Arm
 * "Semihosting for AArch32 and AArch64" spec): the slli/ebreak/srai
 * sequence with a0 = operation and a1 = argument. SYS_WRITEC, SYS_WRITE0
 * and SYS_WRITE (returns the number of bytes not written) to the console
 * (SYS_OPEN of ":tt", or handle 1 where SYS_OPEN returns -1),
 * then the exit: SYS_EXIT with a parameter block on rv64, SYS_EXIT_EXTENDED
 * on rv32, where SYS_EXIT cannot carry a code. A plain ebreak elsewhere
 * still traps (rv_traps.S). Pass = exit 0 through semihosting.
 */
#include "test.h"

#define SYS_OPEN 0x01
#define SYS_WRITEC 0x03
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

/* The semihosting call: three uncompressed instructions in one page. */
.macro SEMIHOST op, arg
    li a0, \op
    la a1, \arg
    .option push
    .option norvc
    .align 4
    slli zero, zero, 0x1f
    ebreak
    srai zero, zero, 7
    .option pop
.endm

TEST_BEGIN semihost

    SEMIHOST SYS_WRITEC, char_s
    SEMIHOST SYS_WRITE0, text0
    /* the console handle: ":tt" opened for writing, or 1 (stdout) where
     * SYS_OPEN is not offered and returns -1 */
    SEMIHOST SYS_OPEN, open_block
    bgez a0, 1f
    li a0, 1
1:  la a1, write_block
    SREG a0, 0(a1)
    SEMIHOST SYS_WRITE, write_block
    CHECK a0, 0
#if XLEN == 64
    SEMIHOST SYS_EXIT, exit_block
#else
    SEMIHOST SYS_EXIT_EXTENDED, exit_block
#endif
    /* not reached when the exit worked */
    NEXT_CHECK
    jal t5, test_fail

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
    .align 3
open_block:
    XWORD tt_name, 4, 3
write_block:
    XWORD 1, text1, text1_end - text1
exit_block:
    XWORD ADP_STOPPED_APPLICATION_EXIT, 0
