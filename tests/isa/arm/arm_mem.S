/* SPDX-License-Identifier: MIT */
/*
 * Loads and stores (ARMv7-M ARM A5.3.7-A5.3.10, A5.2.4, A7.7): LDR/STR of
 * words, bytes and halfwords, signed and unsigned, with immediate offsets
 * (positive 12-bit, negative 8-bit), pre-indexed and post-indexed
 * writeback, register offsets with LSL #0-3, PC-relative literals, the
 * 16-bit forms (register offset, SP-relative); LDRD/STRD; LDM/STM
 * increment-after and decrement-before with and without writeback;
 * PUSH/POP including LR and PC; LDREX/STREX/CLREX on words, halfwords and
 * bytes (a store-exclusive without a reservation fails with 1); unaligned
 * word and halfword accesses while CCR.UNALIGN_TRP is clear; LDRT/STRT;
 * PLD/PLI.
 */
#include "test.h"

    .text
    .align 2
lit_back:
    .word 0x0badf00d

TEST_BEGIN mem

    LI r9, mem_data
    /* immediate offsets */
    NEXT_CHECK
    ldr r0, [r9]
    EXPECT r0, 0x11223344
    ldr r0, [r9, #4]
    EXPECT r0, 0x55667788
    ldr.w r0, [r9, #12]
    EXPECT r0, 0xddeeff00
    add r1, r9, #8
    ldr r0, [r1, #-4]
    EXPECT r0, 0x55667788
    ldrb r0, [r9, #1]
    EXPECT r0, 0x33
    ldrb r0, [r1, #-1]
    EXPECT r0, 0x55
    ldrh r0, [r9, #2]
    EXPECT r0, 0x1122
    ldrh r0, [r1, #-2]
    EXPECT r0, 0x5566
    NEXT_CHECK
    ldrsb r0, [r9, #16]
    EXPECT r0, 0xfffffff1
    ldrsb r0, [r9, #17]
    EXPECT r0, 0xfffffff0
    ldrsb r0, [r9, #0]
    EXPECT r0, 0x44
    ldrsh r0, [r9, #18]
    EXPECT r0, 0xffff8081
    ldrsh r0, [r9, #0]
    EXPECT r0, 0x3344
    add r1, r9, #20
    ldrsh r0, [r1, #-2]
    EXPECT r0, 0xffff8081
    ldrsb r0, [r1, #-3]
    EXPECT r0, 0xfffffff0

    /* writeback: pre-indexed and post-indexed */
    NEXT_CHECK
    mov r1, r9
    ldr r0, [r1, #4]!
    EXPECT r0, 0x55667788
    mov r2, r9
    add r2, r2, #4
    EXPECT_SAME r1, r2
    ldr r0, [r1], #8
    EXPECT r0, 0x55667788
    add r2, r2, #8
    EXPECT_SAME r1, r2
    ldr r0, [r1, #-4]!
    EXPECT r0, 0x99aabbcc
    ldrb r0, [r1], #-1
    EXPECT r0, 0xcc
    ldrh r0, [r1, #-1]!
    EXPECT r0, 0x5566
    ldrsb r0, [r1], #1
    EXPECT r0, 0x66
    sub r2, r1, r9
    EXPECT r2, 7

    /* register offsets */
    NEXT_CHECK
    movs r2, #3
    ldr r0, [r9, r2, lsl #2]
    EXPECT r0, 0xddeeff00
    movs r2, #4
    ldr r0, [r9, r2]
    EXPECT r0, 0x55667788
    ldrb r0, [r9, r2]
    EXPECT r0, 0x88
    movs r2, #1
    ldrh r0, [r9, r2, lsl #1]
    EXPECT r0, 0x1122
    ldrsh.w r0, [r9, r2, lsl #3]
    EXPECT r0, 0xffffbbcc
    ldrsb r0, [r9, r2]
    EXPECT r0, 0x33
    movs r2, #16
    ldrsb r0, [r9, r2]
    EXPECT r0, 0xfffffff1

    /* PC-relative literals (forwards and backwards) */
    NEXT_CHECK
    ldr r0, lit_fwd
    EXPECT r0, 0xcafef00d
    ldr.w r0, lit_back
    EXPECT r0, 0x0badf00d
    ldrh r0, lit_fwd
    EXPECT r0, 0xf00d
    ldrsb r0, lit_fwd + 3
    EXPECT r0, 0xffffffca
    b 1f
    .align 2
lit_fwd:
    .word 0xcafef00d
1:

    /* stores of every size */
    LI r8, mem_buf
    NEXT_CHECK
    LI r0, 0xa1b2c3d4
    str r0, [r8]
    ldr r1, [r8]
    EXPECT r1, 0xa1b2c3d4
    movs r0, #0xee
    strb r0, [r8, #1]
    ldr r1, [r8]
    EXPECT r1, 0xa1b2eed4
    LI r0, 0x12345678
    strh r0, [r8, #2]
    ldr r1, [r8]
    EXPECT r1, 0x5678eed4
    add r2, r8, #8
    str r0, [r2, #-4]
    ldr r1, [r8, #4]
    EXPECT r1, 0x12345678
    strb r0, [r2, #-2]!
    sub r3, r2, r8
    EXPECT r3, 6
    ldr r1, [r8, #4]
    EXPECT r1, 0x12785678
    strh r0, [r2], #6
    ldr r1, [r8, #4]
    EXPECT r1, 0x56785678
    sub r3, r2, r8
    EXPECT r3, 12
    movs r3, #2
    str r0, [r8, r3, lsl #2]
    ldr r1, [r8, #8]
    EXPECT r1, 0x12345678
    movs r3, #9
    strb r3, [r8, r3]
    ldrb r1, [r8, #9]
    EXPECT r1, 9
    /* 16-bit forms */
    NEXT_CHECK
    mov r0, r8
    movs r1, #0x5a
    movs r2, #12
    str r1, [r0, r2]
    ldr r3, [r0, #12]
    EXPECT r3, 0x5a
    strh r1, [r0, #14]
    ldr r3, [r0, r2]
    EXPECT r3, 0x005a005a
    strb r1, [r0, #13]
    ldrb r3, [r0, #13]
    EXPECT r3, 0x5a
    ldrh r3, [r0, r2]
    EXPECT r3, 0x5a5a
    ldrsb r3, [r0, r2]
    EXPECT r3, 0x5a
    /* SP-relative */
    NEXT_CHECK
    sub sp, sp, #16
    LI r0, 0x600d600d
    str r0, [sp, #8]
    ldr r1, [sp, #8]
    EXPECT r1, 0x600d600d
    ldr.w r1, [sp, #8]
    EXPECT r1, 0x600d600d
    add sp, sp, #16

    /* LDRD / STRD */
    NEXT_CHECK
    ldrd r0, r1, [r9, #8]
    EXPECT r0, 0x99aabbcc
    EXPECT r1, 0xddeeff00
    mov r2, r9
    ldrd r0, r1, [r2, #8]!
    sub r3, r2, r9
    EXPECT r3, 8
    ldrd r0, r1, [r2], #-8
    EXPECT r0, 0x99aabbcc
    EXPECT_SAME r2, r9
    LI r0, 0x01020304
    LI r1, 0x05060708
    strd r0, r1, [r8, #16]
    ldr r3, [r8, #20]
    EXPECT r3, 0x05060708
    add r2, r8, #32
    strd r1, r0, [r2, #-8]!
    ldr r3, [r8, #24]
    EXPECT r3, 0x05060708
    ldr r3, [r8, #28]
    EXPECT r3, 0x01020304
    sub r3, r2, r8
    EXPECT r3, 24

    /* LDM / STM */
    NEXT_CHECK
    mov r4, r9
    ldm r4, {r0, r1, r2}
    EXPECT r0, 0x11223344
    EXPECT r2, 0x99aabbcc
    EXPECT_SAME r4, r9
    ldmia r4!, {r0, r1}
    EXPECT r1, 0x55667788
    sub r3, r4, r9
    EXPECT r3, 8
    ldmdb r4!, {r2, r3}
    EXPECT r2, 0x11223344
    EXPECT r3, 0x55667788
    EXPECT_SAME r4, r9
    add r4, r9, #16
    ldmdb r4, {r0-r3}
    EXPECT r0, 0x11223344
    EXPECT r3, 0xddeeff00
    /* the base in the list without writeback is loaded */
    mov r1, r9
    ldm r1, {r0, r1}
    EXPECT r1, 0x55667788
    NEXT_CHECK
    mov r4, r8
    movs r0, #10
    movs r1, #11
    movs r2, #12
    LI r5, 0x50505050
    LI r6, 0x60606060
    stmia r4!, {r0, r1, r2}
    sub r3, r4, r8
    EXPECT r3, 12
    ldr r3, [r8, #8]
    EXPECT r3, 12
    stmdb r4!, {r5, r6}
    sub r3, r4, r8
    EXPECT r3, 4
    ldr r3, [r8, #4]
    EXPECT_SAME r3, r5
    ldr r3, [r8, #8]
    EXPECT_SAME r3, r6
    stm r8, {r0, r5, r6, r9}
    ldr r3, [r8, #12]
    EXPECT_SAME r3, r9
    add r4, r8, #32
    stmdb r4, {r0-r2}
    ldr r3, [r8, #20]
    EXPECT r3, 10
    /* 16-bit LDM/STM */
    NEXT_CHECK
    mov r3, r8
    movs r0, #1
    movs r1, #2
    movs r2, #3
    stmia r3!, {r0-r2}
    subs r3, r3, #12
    ldmia r3!, {r5, r6, r7}
    EXPECT r7, 3
    sub r3, r3, r8
    EXPECT r3, 12
    mov r3, r8
    ldmia r3, {r0, r3}
    EXPECT r3, 2

    /* PUSH / POP, POP into PC */
    NEXT_CHECK
    mov r7, sp
    movs r0, #1
    movs r1, #2
    mov r8, r0
    LI r9, 0x99
    push {r0, r1, r8, r9, lr}
    mov r2, sp
    sub r2, r7, r2
    EXPECT r2, 20
    ldr r2, [sp, #12]
    EXPECT r2, 0x99
    movs r0, #0
    movs r1, #0
    mov r8, r0
    mov r9, r0
    pop {r0, r1, r8, r9, lr}
    EXPECT r1, 2
    EXPECT r8, 1
    EXPECT r9, 0x99
    EXPECT_SAME sp, r7
    NEXT_CHECK
    LI r0, pop_pc_target
    push {r0}
    movs r1, #0
    pop {pc}
    movs r1, #1                 /* skipped */
pop_pc_return:
    EXPECT r1, 0x7c
    EXPECT_SAME sp, r7
    movs r3, #0x33
    push.w {r0-r3}
    pop.w {r4-r7}
    EXPECT r7, 0x33
    LI r9, mem_data
    LI r8, mem_buf

    /* exclusives */
    NEXT_CHECK
    LI r0, 5
    str r0, [r8]
    ldrex r1, [r8]
    EXPECT r1, 5
    adds r1, r1, #1
    strex r2, r1, [r8]
    EXPECT r2, 0
    ldr r3, [r8]
    EXPECT r3, 6
    /* no reservation: fails and stores nothing */
    movs r1, #99
    strex r2, r1, [r8]
    EXPECT r2, 1
    ldr r3, [r8]
    EXPECT r3, 6
    ldrex r1, [r8]
    clrex
    strex r2, r1, [r8]
    EXPECT r2, 1
    /* with an offset */
    ldrex r1, [r8, #4]
    movs r1, #0x77
    strex r2, r1, [r8, #4]
    EXPECT r2, 0
    ldr r3, [r8, #4]
    EXPECT r3, 0x77
    NEXT_CHECK
    LI r0, 0x8182
    strh r0, [r8, #8]
    add r4, r8, #8
    ldrexh r1, [r4]
    EXPECT r1, 0x8182
    LI r1, 0x1234
    strexh r2, r1, [r4]
    EXPECT r2, 0
    ldrh r3, [r4]
    EXPECT r3, 0x1234
    ldrexb r1, [r4]
    EXPECT r1, 0x34
    movs r1, #0xfe
    strexb r2, r1, [r4]
    EXPECT r2, 0
    ldrh r3, [r4]
    EXPECT r3, 0x12fe
    strexb r2, r1, [r4]
    EXPECT r2, 1

    /* unaligned word and halfword accesses (CCR.UNALIGN_TRP clear) */
    NEXT_CHECK
    ldr r0, [r9, #1]
    EXPECT r0, 0x88112233
    ldr r0, [r9, #3]
    EXPECT r0, 0x66778811
    ldrh r0, [r9, #3]
    EXPECT r0, 0x8811
    ldrsh r0, [r9, #15]
    EXPECT r0, 0xfffff1dd
    LI r0, 0xaabbccdd
    str r0, [r8, #1]
    ldr r1, [r8, #1]
    EXPECT_SAME r1, r0
    ldrb r1, [r8, #4]
    EXPECT r1, 0xaa
    strh r0, [r8, #5]
    ldrh r1, [r8, #5]
    EXPECT r1, 0xccdd

    /* LDRT / STRT from privileged code; PLD / PLI change nothing */
    NEXT_CHECK
    ldrt r0, [r9, #4]
    EXPECT r0, 0x55667788
    ldrbt r0, [r9, #5]
    EXPECT r0, 0x77
    ldrsht r0, [r9, #18]
    EXPECT r0, 0xffff8081
    LI r0, 0x3c3c3c3c
    strt r0, [r8, #8]
    ldr r1, [r8, #8]
    EXPECT_SAME r1, r0
    movs r0, #0x11
    strbt r0, [r8, #8]
    strht r0, [r8, #10]
    ldr r1, [r8, #8]
    EXPECT r1, 0x00113c11
    pld [r9]
    pld [r9, #64]
    pli [r9]
    pld [r9, r0]
    ldr r0, [r9]
    EXPECT r0, 0x11223344

    TEST_PASS

    .thumb_func
pop_pc_target:
    movs r1, #0x7c
    b pop_pc_return

    .data
    .align 3
mem_data:
    .word 0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00, 0x8081f0f1

    .bss
    .align 3
mem_buf:
    .space 64
