/* SPDX-License-Identifier: MIT */
/*
 * Self-modifying code with fence.i (Zifencei, unprivileged chapter 3):
 * code that already ran (and whose translation may be cached and chained)
 * is rewritten by word, byte, halfword (compressed) and AMO stores, and
 * after fence.i the new instruction runs, including one in the same
 * straight-line block as the store, and in a loop that patches the code
 * it calls on every iteration.
 */
#include "test.h"

/* Encoding of addi a0, zero, imm (opcode OP-IMM, rd = 10). */
#define LI_A0(imm) (((imm) << 20) | (10 << 7) | 0x13)

TEST_BEGIN smc

    /* a function that ran before is patched */
    call patch_fn
    CHECK a0, 1
    call patch_fn
    CHECK a0, 1
    la a1, patch_fn
    li a2, LI_A0(2)
    sw a2, 0(a1)
    fence.i
    call patch_fn
    CHECK a0, 2

    /* patch and call in a loop: each iteration sees its own value */
    NEXT_CHECK
    li a3, 10
1:  slli a2, a3, 20
    li a4, LI_A0(0)
    or a2, a2, a4
    la a1, patch_fn
    sw a2, 0(a1)
    fence.i
    call patch_fn
    CMP_SAME a0, a3
    addi a3, a3, 1
    li a4, 20
    bne a3, a4, 1b

    /* byte stores */
    li a2, LI_A0(-5)
    la a1, patch_fn
    sb a2, 0(a1)
    srli a2, a2, 8
    sb a2, 1(a1)
    srli a2, a2, 8
    sb a2, 2(a1)
    srli a2, a2, 8
    sb a2, 3(a1)
    fence.i
    call patch_fn
    CHECK a0, -5

    /* an AMO store */
    li a2, LI_A0(77)
    la a1, patch_fn
    amoswap.w a4, a2, (a1)
    fence.i
    call patch_fn
    CHECK a0, 77
    li a2, LI_A0(-5)
    CHECK_SAME a4, a2

    /* the next instruction of the same block */
    li a2, LI_A0(7)
    la a1, 1f
    sw a2, 0(a1)
    fence.i
    .option push
    .option norvc
    .align 2
1:  addi a0, zero, 3
    .option pop
    CHECK a0, 7

    /* a compressed instruction, rewritten by a halfword store */
    call patch_c_fn
    CHECK a0, 5
    la a1, patch_c_fn
    la a2, c_li_a0_9
    lhu a2, 0(a2)
    sh a2, 0(a1)
    fence.i
    call patch_c_fn
    CHECK a0, 9

    TEST_PASS

    .align 2
patch_fn:
    .option push
    .option norvc
    addi a0, zero, 1
    .option pop
    ret

patch_c_fn:
    c.li a0, 5
    ret

    .section .rodata
    .align 1
c_li_a0_9:
    c.li a0, 9
