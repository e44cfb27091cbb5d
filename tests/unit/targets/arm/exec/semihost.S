/* SPDX-License-Identifier: MIT */
/* Semihosting: SYS_WRITE0, SYS_OPEN of ":tt", SYS_WRITE, SYS_WRITEC and
 * SYS_EXIT_EXTENDED with code 42. */
#include "exec.h"

reset:
    movs r0, #4
    ldr r1, =hello
    bkpt 0xab
    movs r0, #1
    ldr r1, =open
    bkpt 0xab
    ldr r1, =write
    str r0, [r1]
    mov r8, r0
    movs r0, #5
    bkpt 0xab
    mov r9, r0
    movs r0, #3
    ldr r1, =bang
    bkpt 0xab
    movs r0, #0x20
    ldr r1, =exit
    bkpt 0xab
.align 2
open: .word tt, 4, 3
write: .word 0, world, 6
exit: .word 0x20026, 42
tt: .asciz ":tt"
hello: .asciz "hello "
world: .ascii "world\n"
bang: .ascii "!"
