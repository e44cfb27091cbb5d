/* SPDX-License-Identifier: MIT */
/*
 * Branches and IT blocks (ARMv7-M ARM A4.2, A6.3, A7.3): every condition
 * code taken and not taken with 16-bit and 32-bit conditional branches
 * and as IT/ITE blocks; B and BL to distant targets in both directions;
 * BX and BLX through registers (with the Thumb bit); MOV PC (no
 * interworking: bit 0 ignored), LDR PC and POP {PC}; CBZ/CBNZ; TBB and
 * TBH table branches; four-instruction IT blocks with mixed then/else;
 * flag-setting instructions inside an IT block deciding the conditions of
 * the instructions after them; 16-bit instructions inside an IT block do
 * not set flags; a branch as the last instruction of an IT block.
 */
#include "test.h"

/* One case: condition cond (inverse inv) under flags, taken or not (1/0),
 * through B<c>, B<c>.W and an ITE block. */
.macro TEST_COND cond, inv, flags, taken
    NEXT_CHECK
    mov r0, #0
    SET_FLAGS \flags
    b\cond 1f
    mov r0, #1
1:  SET_FLAGS \flags
    mov r1, #0
    b\cond\().w 2f
    mov r1, #1
2:  SET_FLAGS \flags
    ite \cond
    mov\cond r2, #1
    mov\inv r2, #2
    .if \taken
    EXPECT r0, 0
    EXPECT r1, 0
    EXPECT r2, 1
    .else
    EXPECT r0, 1
    EXPECT r1, 1
    EXPECT r2, 2
    .endif
.endm

/* Far behind test_main: reached with B.W and BL from the tests. */
    .text
    .align 1
    .thumb_func
far_back_func:
    adds r0, r0, #0x10
    bx lr

far_back_label:
    movs r5, #0x77
    b.w far_back_return
    .space 0x12000

TEST_BEGIN branch

    TEST_COND eq, ne, FLAG_Z, 1
    TEST_COND eq, ne, 0, 0
    TEST_COND ne, eq, 0, 1
    TEST_COND ne, eq, FLAG_Z, 0
    TEST_COND cs, cc, FLAG_C, 1
    TEST_COND cs, cc, 0, 0
    TEST_COND cc, cs, 0, 1
    TEST_COND cc, cs, FLAG_C, 0
    TEST_COND mi, pl, FLAG_N, 1
    TEST_COND mi, pl, 0, 0
    TEST_COND pl, mi, 0, 1
    TEST_COND pl, mi, FLAG_N, 0
    TEST_COND vs, vc, FLAG_V, 1
    TEST_COND vs, vc, 0, 0
    TEST_COND vc, vs, 0, 1
    TEST_COND vc, vs, FLAG_V, 0
    TEST_COND hi, ls, FLAG_C, 1
    TEST_COND hi, ls, FLAG_C | FLAG_Z, 0
    TEST_COND hi, ls, 0, 0
    TEST_COND ls, hi, FLAG_Z, 1
    TEST_COND ls, hi, 0, 1
    TEST_COND ls, hi, FLAG_C, 0
    TEST_COND ge, lt, 0, 1
    TEST_COND ge, lt, FLAG_N | FLAG_V, 1
    TEST_COND ge, lt, FLAG_N, 0
    TEST_COND ge, lt, FLAG_V, 0
    TEST_COND lt, ge, FLAG_N, 1
    TEST_COND lt, ge, FLAG_V, 1
    TEST_COND lt, ge, FLAG_N | FLAG_V, 0
    TEST_COND gt, le, 0, 1
    TEST_COND gt, le, FLAG_N | FLAG_V, 1
    TEST_COND gt, le, FLAG_Z, 0
    TEST_COND gt, le, FLAG_N, 0
    TEST_COND le, gt, FLAG_Z, 1
    TEST_COND le, gt, FLAG_V, 1
    TEST_COND le, gt, 0, 0
    TEST_COND le, gt, FLAG_N | FLAG_V, 0

    /* IT with the AL condition, and four-instruction blocks */
    NEXT_CHECK
    mov r0, #5
    SET_FLAGS 0
    .hword 0xbfe8               /* it al (the assembler refuses to write it) */
    .hword 0x2000               /* movs r0, #0: in an IT block, no flags */
    mrs r1, apsr
    EXPECT r0, 0
    and r1, r1, #FLAGS_NZCVQ
    EXPECT r1, 0
    SET_FLAGS FLAG_C
    mov r0, #0
    ittee cs
    addcs r0, r0, #1
    addcs r0, r0, #2
    addcc r0, r0, #4
    addcc r0, r0, #8
    EXPECT r0, 3
    SET_FLAGS 0
    mov r0, #0
    itete cs
    addcs r0, r0, #1
    addcc r0, r0, #2
    addcs r0, r0, #4
    addcc r0, r0, #8
    EXPECT r0, 10
    SET_FLAGS FLAG_N
    mov r0, #0
    itttt mi
    addmi r0, r0, #1
    addmi r0, r0, #2
    addmi r0, r0, #4
    addmi r0, r0, #8
    EXPECT r0, 15

    /* flags set inside the block decide the later conditions */
    NEXT_CHECK
    movs r1, #1
    movs r2, #2
    SET_FLAGS FLAG_Z
    mov r0, #0
    itte eq
    cmpeq r1, r2                /* now NE */
    addeq r0, r0, #1            /* skipped */
    addne r0, r0, #2
    EXPECT r0, 2
    SET_FLAGS FLAG_Z
    mov r0, #0
    itett eq
    addseq r3, r1, #0xff        /* 32-bit, sets flags: NE */
    movne r0, #4
    addeq r0, r0, #1            /* skipped */
    addeq r0, r0, #2            /* skipped */
    EXPECT r0, 4
    SET_FLAGS 0
    mov r0, #0
    ittt ne
    subsne r3, r1, #1           /* 0: EQ from here */
    addne r0, r0, #1
    addne r0, r0, #2
    EXPECT r0, 0
    /* 16-bit data processing in an IT block does not set flags */
    NEXT_CHECK
    SET_FLAGS FLAG_Z | FLAG_C
    movs r0, #0
    movs r1, #1
    SET_FLAGS FLAG_Z | FLAG_C
    ittt eq
    addeq r0, r0, r1
    subeq r0, r0, r1
    lsleq r1, r1, #1
    CHECK_FLAGS FLAG_Z | FLAG_C
    CHECK r0, 0
    CHECK r1, 2

    /* a branch ends an IT block */
    NEXT_CHECK
    mov r0, #0
    SET_FLAGS 0
    itt ne
    movne r0, #1
    bne.w 1f
    mov r0, #9
1:  EXPECT r0, 1
    SET_FLAGS FLAG_Z
    it ne
    bne 2f
    mov r0, #3
2:  EXPECT r0, 3

    /* B and BL to far targets, both directions */
    NEXT_CHECK
    movs r0, #1
    bl far_back_func
    EXPECT r0, 0x11
    bl far_fwd_func
    EXPECT r0, 0x111
    movs r5, #0
    b.w far_back_label
far_back_return:
    EXPECT r5, 0x77
    b.w far_fwd_label
far_fwd_return:
    EXPECT r5, 0x88
    SET_FLAGS FLAG_Z
    beq.w far_fwd_cond
far_fwd_cond_return:
    EXPECT r5, 0x99

    /* BX / BLX through registers; MOV PC; LDR PC; BX LR returns */
    NEXT_CHECK
    movs r0, #0
    LI r3, thumb_func
    blx r3
    EXPECT r0, 0x42
    movs r0, #0
    LI lr, 1f
    orr lr, lr, #1
    bx r3
1:  EXPECT r0, 0x42
    movs r0, #0
    LI r3, mov_pc_target
    bic r3, r3, #1
    mov pc, r3                  /* bit 0 clear: fine for MOV PC */
    movs r0, #0xee
mov_pc_back:
    EXPECT r0, 0x5
    movs r0, #0
    LI r3, ldr_pc_word
    ldr pc, [r3]
    movs r0, #0xee
ldr_pc_back:
    EXPECT r0, 0x6
    movs r0, #1
    LI r3, ldr_pc_word
    sub r3, r3, #8
    ldr.w pc, [r3, #8]
    movs r0, #0xee
    EXPECT r0, 0xee             /* not reached */

    .align 2
ldr_pc_word:
    .word ldr_pc_target

ldr_pc_resume:
    /* CBZ / CBNZ */
    NEXT_CHECK
    movs r0, #0
    movs r1, #0
    cbz r0, 1f
    movs r1, #1
1:  EXPECT r1, 0
    movs r0, #5
    cbz r0, 2f
    movs r1, #2
2:  EXPECT r1, 2
    cbnz r0, 3f
    movs r1, #3
3:  EXPECT r1, 2
    movs r0, #0
    cbnz r0, 4f
    movs r1, #4
4:  EXPECT r1, 4

    /* TBB / TBH */
    NEXT_CHECK
    movs r0, #2
    tbb [pc, r0]
tbb_table:
    .byte (tbb_case0 - tbb_table) / 2
    .byte (tbb_case1 - tbb_table) / 2
    .byte (tbb_case2 - tbb_table) / 2
    .byte (tbb_case3 - tbb_table) / 2
tbb_case0:
    movs r1, #10
    b tbb_done
tbb_case1:
    movs r1, #11
    b tbb_done
tbb_case2:
    movs r1, #12
    b tbb_done
tbb_case3:
    movs r1, #13
tbb_done:
    EXPECT r1, 12
    movs r0, #1
    tbh [pc, r0, lsl #1]
tbh_table:
    .hword (tbh_case0 - tbh_table) / 2
    .hword (tbh_case1 - tbh_table) / 2
tbh_case0:
    movs r1, #20
    b tbh_done
tbh_case1:
    movs r1, #21
    b tbh_done
    .space 600                  /* offsets above 255 halfwords */
tbh_done:
    EXPECT r1, 21
    movs r0, #0
    tbh [pc, r0, lsl #1]
tbh_table2:
    .hword (tbh2_case0 - tbh_table2) / 2
    .space 700
tbh2_case0:
    movs r1, #22
    EXPECT r1, 22
    /* table elsewhere: offsets count from the instruction after TBB */
    LI r2, tbb_far_table
    movs r0, #1
    tbb [r2, r0]
tbb_base:
    movs r1, #30
    b tbb2_done
tbb2_case1:
    movs r1, #31
tbb2_done:
    EXPECT r1, 31

    TEST_PASS

    .thumb_func
thumb_func:
    movs r0, #0x42
    bx lr

mov_pc_target:
    movs r0, #5
    b mov_pc_back

    .thumb_func
ldr_pc_target:
    cmp r0, #0
    bne 1f
    movs r0, #6
    b ldr_pc_back
1:  b ldr_pc_resume

    .space 0x12000
    .thumb_func
far_fwd_func:
    add r0, r0, #0x100
    bx lr
far_fwd_label:
    movs r5, #0x88
    b.w far_fwd_return
far_fwd_cond:
    movs r5, #0x99
    b.w far_fwd_cond_return

    .section .rodata
tbb_far_table:
    .byte 0, (tbb2_case1 - tbb_base) / 2
