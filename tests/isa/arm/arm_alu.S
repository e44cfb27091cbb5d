/* SPDX-License-Identifier: MIT */
/*
 * Data processing (ARMv7-M ARM A5.3.1-A5.3.11, A7.7): add, add with
 * carry, subtract, subtract with carry, reverse subtract with the N, Z, C
 * and V results; the logical operations and their carry from the shifter;
 * shifts and rotates by immediate and by register (0, 32, above 32, only
 * the bottom byte counts) with their carry out; shifted register
 * operands; modified immediate constants (ThumbExpandImm, with the carry
 * of a rotated constant); MOVW/MOVT, ADDW/SUBW, ADR; compare and test;
 * the 16-bit encodings (low and high registers, SP-relative forms);
 * instructions without S leave the flags alone.
 */
#include "test.h"

TEST_BEGIN alu

    /* ADD / ADC */
    TEST_RRF adds, 3, 0, 1, 2
    TEST_RRF adds, 0x80000000, FLAG_N | FLAG_V, 0x7fffffff, 1
    TEST_RRF adds, 0, FLAG_Z | FLAG_C, 0xffffffff, 1
    TEST_RRF adds, 0, FLAG_Z | FLAG_C | FLAG_V, 0x80000000, 0x80000000
    TEST_RRF adds, 0xfffffffe, FLAG_N | FLAG_C, 0xffffffff, 0xffffffff
    TEST_RRF adcs, 4, 0, 1, 2, FLAG_C
    TEST_RRF adcs, 3, 0, 1, 2, 0
    TEST_RRF adcs, 0, FLAG_Z | FLAG_C, 0xffffffff, 0, FLAG_C
    TEST_RRF adcs, 0x80000000, FLAG_N | FLAG_V, 0x7fffffff, 0, FLAG_C
    /* SUB / SBC / RSB: C is "no borrow" */
    TEST_RRF subs, 2, FLAG_C, 5, 3
    TEST_RRF subs, 0xfffffffe, FLAG_N, 3, 5
    TEST_RRF subs, 0, FLAG_Z | FLAG_C, 5, 5
    TEST_RRF subs, 0x7fffffff, FLAG_C | FLAG_V, 0x80000000, 1
    TEST_RRF subs, 0x80000000, FLAG_N | FLAG_V, 0x7fffffff, 0xffffffff
    TEST_RRF sbcs, 1, FLAG_C, 5, 3, 0
    TEST_RRF sbcs, 2, FLAG_C, 5, 3, FLAG_C
    TEST_RRF sbcs, 0xffffffff, FLAG_N, 0, 0, 0
    TEST_RRF sbcs, 0, FLAG_Z | FLAG_C, 0, 0, FLAG_C
    TEST_RRF rsbs, 2, FLAG_C, 3, 5
    TEST_RRF rsbs, 0xfffffffe, FLAG_N, 5, 3
    /* logical: N and Z from the result, C and V unchanged */
    TEST_RRF ands, 0x80000000, FLAG_N | FLAG_C | FLAG_V, 0x80000001, 0xfffffff0, FLAG_C | FLAG_V
    TEST_RRF ands, 0, FLAG_Z, 0xf0, 0x0f
    TEST_RRF orrs, 0xff, 0, 0xf0, 0x0f
    TEST_RRF eors, 0xff00ff00, FLAG_N | FLAG_V, 0xffff0000, 0x00ffff00, FLAG_V
    TEST_RRF bics, 0x0f, FLAG_C, 0xff, 0xf0, FLAG_C
    TEST_RRF orns, 0xfffffff0, FLAG_N, 0x0, 0xf
    TEST_RR and, 0x00ff0000, 0x0fff0000, 0xf0ff00ff
    TEST_RR orr, 0x12345678, 0x12340000, 0x00005678
    TEST_RR eor, 0xedcba987, 0xffffffff, 0x12345678
    TEST_RR bic, 0x12000078, 0x12345678, 0x00345600
    TEST_RR orn, 0xff00ffff, 0x0000ffff, 0x00ff0000
    TEST_RR add, 0xffffffff, 0xfffffffe, 1
    TEST_RR sub, 0xfffffffe, 1, 3
    TEST_RRF adc, 5, 0, 2, 3, 0
    TEST_RRF adc, 6, FLAG_C | FLAG_V, 2, 3, FLAG_C | FLAG_V
    TEST_RRF sbc, 0xfffffffe, 0, 2, 3, 0
    TEST_RRF sbc, 0xffffffff, FLAG_C, 2, 3, FLAG_C
    TEST_RR rsb, 1, 2, 3

    /* Instructions without S leave the flags alone. */
    SET_FLAGS FLAG_Z | FLAG_V
    LI r1, 0xffffffff
    add r0, r1, #1
    sub r0, r1, r1
    and r0, r1, #0
    mvn r0, r1
    mov r0, #0
    CHECK_FLAGS FLAG_Z | FLAG_V

    /* MOVS / MVNS and modified immediates (ThumbExpandImm, A5.3.2) */
    SET_FLAGS 0
    movs r0, #0
    CHECK_FLAGS FLAG_Z
    LI r1, 0x12345678
    SET_FLAGS FLAG_C
    mvns r0, r1
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0xedcba987
    mov r0, #0x00ab00ab
    CHECK r0, 0x00ab00ab
    mov r0, #0xab00ab00
    CHECK r0, 0xab00ab00
    mov r0, #0xabababab
    CHECK r0, 0xabababab
    mov r0, #0x3fc00
    CHECK r0, 0x3fc00
    mvn r0, #0xff000000
    CHECK r0, 0x00ffffff
    /* A rotated constant sets C to its bit 31; an unrotated one leaves C. */
    SET_FLAGS 0
    movs r0, #0x80000000
    CHECK_FLAGS FLAG_N | FLAG_C
    SET_FLAGS FLAG_C
    movs r0, #0x40000000
    CHECK_FLAGS 0
    SET_FLAGS FLAG_C
    movs r0, #0xff
    CHECK_FLAGS FLAG_C
    SET_FLAGS FLAG_C
    ands r0, r1, #0x00ff00ff
    CHECK_FLAGS FLAG_C
    CHECK r0, 0x00340078
    movw r0, #0xbeef
    CHECK r0, 0xbeef
    movt r0, #0xdead
    CHECK r0, 0xdeadbeef
    addw r0, r1, #0xfff
    CHECK r0, 0x12346677
    subw r0, r1, #0x678
    CHECK r0, 0x12345000
    /* ADR forwards (16-bit, word-aligned target) and backwards (sub form) */
    adr r0, 1f
    b 2f
    .align 2
1:  .word 0
2:  LI r1, 1b
    CHECK_SAME r0, r1
3:  adr.w r0, 3b
    LI r1, 3b
    CHECK_SAME r0, r1

    /* shifts by immediate, with their carry out */
    LI r1, 0x80000001
    SET_FLAGS 0
    lsls r0, r1, #1
    CHECK_FLAGS FLAG_C
    CHECK r0, 2
    LI r1, 3
    lsrs r0, r1, #1
    CHECK_FLAGS FLAG_C
    CHECK r0, 1
    LI r1, 0x80000000
    asrs r0, r1, #31
    CHECK_FLAGS FLAG_N
    CHECK r0, 0xffffffff
    asrs r0, r1, #32
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0xffffffff
    lsrs r0, r1, #32
    CHECK_FLAGS FLAG_Z | FLAG_C
    CHECK r0, 0
    LI r1, 0x12345678
    rors r0, r1, #4
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0x81234567
    LI r1, 2
    SET_FLAGS FLAG_C
    rrxs r0, r1
    CHECK_FLAGS FLAG_N
    CHECK r0, 0x80000001
    LI r1, 0x80000000
    SET_FLAGS FLAG_C
    rrx r0, r1
    CHECK r0, 0xc0000000
    LI r1, 0xf0000001
    lsl r0, r1, #4
    CHECK r0, 0x00000010
    lsr r0, r1, #28
    CHECK r0, 0xf
    asr r0, r1, #4
    CHECK r0, 0xff000000
    ror r0, r1, #1
    CHECK r0, 0xf8000000

    /* shifts by register: the bottom byte counts; 0 keeps C; 32 and more */
    LI r1, 0x80000001
    LI r2, 32
    SET_FLAGS 0
    lsls r0, r1, r2
    CHECK_FLAGS FLAG_Z | FLAG_C
    CHECK r0, 0
    LI r2, 33
    lsls r0, r1, r2
    CHECK_FLAGS FLAG_Z
    LI r2, 0
    SET_FLAGS FLAG_C
    lsls r0, r1, r2
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0x80000001
    LI r2, 0x101
    lsls r0, r1, r2
    CHECK_FLAGS FLAG_C
    CHECK r0, 2
    LI r2, 32
    lsrs r0, r1, r2
    CHECK_FLAGS FLAG_Z | FLAG_C
    LI r2, 31
    lsrs r0, r1, r2
    CHECK_FLAGS 0
    CHECK r0, 1
    LI r2, 200
    asrs r0, r1, r2
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0xffffffff
    LI r1, 0x40000000
    asrs r0, r1, r2
    CHECK_FLAGS FLAG_Z
    LI r1, 0x80000001
    LI r2, 32
    SET_FLAGS 0
    rors r0, r1, r2
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0x80000001
    LI r2, 36
    rors r0, r1, r2
    CHECK_FLAGS 0
    CHECK r0, 0x18000000
    LI r1, 0x12345678
    LI r2, 8
    lsl r0, r1, r2
    CHECK r0, 0x34567800
    lsr r0, r1, r2
    CHECK r0, 0x00123456
    ror r0, r1, r2
    CHECK r0, 0x78123456

    /* shifted register operands; logical S ops take C from the shifter */
    LI r1, 0x1000
    LI r2, 0x12
    add r0, r1, r2, lsl #4
    CHECK r0, 0x1120
    sub r0, r1, r2, lsr #1
    CHECK r0, 0xff7
    LI r2, 0x80000000
    add r0, r1, r2, asr #4
    CHECK r0, 0xf8001000
    orr r0, r1, r2, ror #8
    CHECK r0, 0x00801000
    LI r1, 0xffffffff
    LI r2, 0x80000001
    SET_FLAGS 0
    ands r0, r1, r2, lsl #1
    CHECK_FLAGS FLAG_C
    CHECK r0, 2
    SET_FLAGS FLAG_C
    eors r0, r1, r2, lsr #1
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0xbfffffff
    SET_FLAGS FLAG_C
    movs r0, r2, rrx
    CHECK_FLAGS FLAG_N | FLAG_C
    CHECK r0, 0xc0000000
    LI r1, 10
    LI r2, 3
    rsb r0, r2, r1, lsl #2
    CHECK r0, 37
    mvn r0, r2, lsl #4
    CHECK r0, 0xffffffcf

    /* compare and test */
    LI r1, 5
    cmp r1, #5
    CHECK_FLAGS FLAG_Z | FLAG_C
    cmp r1, #6
    CHECK_FLAGS FLAG_N
    LI r2, 0x80000000
    cmp r2, r1
    CHECK_FLAGS FLAG_C | FLAG_V
    LI r2, 0xffffffff
    cmn r1, r2
    CHECK_FLAGS FLAG_C
    cmn r2, #1
    CHECK_FLAGS FLAG_Z | FLAG_C
    LI r1, 0xf0
    SET_FLAGS FLAG_V
    tst r1, #0x0f
    CHECK_FLAGS FLAG_Z | FLAG_V
    LI r2, 0x80000000
    SET_FLAGS 0
    teq r2, #0
    CHECK_FLAGS FLAG_N
    SET_FLAGS 0
    teq r2, r2
    CHECK_FLAGS FLAG_Z
    LI r1, 0xc0000000
    SET_FLAGS 0
    tst r2, r1, lsl #1
    CHECK_FLAGS FLAG_N | FLAG_C

    /* 16-bit encodings: low registers set flags outside IT blocks */
    movs r1, #7
    adds r0, r1, #6
    CHECK r0, 13
    adds r0, #200
    CHECK r0, 213
    subs r0, #13
    CHECK r0, 200
    subs r0, r0, #7
    CHECK r0, 193
    movs r2, #3
    subs r0, r0, r2
    CHECK r0, 190
    adds r0, r0, r2
    CHECK r0, 193
    movs r0, #1
    negs r0, r0
    CHECK_FLAGS FLAG_N
    CHECK r0, 0xffffffff
    movs r0, #0
    negs r0, r0
    CHECK_FLAGS FLAG_Z | FLAG_C
    movs r0, #0x0f
    movs r1, #0x3c
    ands r0, r1
    CHECK r0, 0x0c
    eors r0, r1
    CHECK r0, 0x30
    orrs r0, r1
    CHECK r0, 0x3c
    SET_FLAGS 0
    bics r0, r1
    CHECK_FLAGS FLAG_Z
    mvns r0, r0
    CHECK r0, 0xffffffff
    movs r1, #4
    lsls r0, r1
    CHECK r0, 0xfffffff0
    lsrs r0, r1
    CHECK r0, 0x0fffffff
    movs r0, #0x80
    lsls r0, r0, #24
    asrs r0, r1
    CHECK r0, 0xf8000000
    rors r0, r1
    CHECK r0, 0x0f800000
    movs r0, #1
    adcs r0, r0
    movs r1, #1
    sbcs r0, r1
    tst r0, r1
    cmn r0, r1
    cmp r0, #1
    CHECK_FLAGS FLAG_Z | FLAG_C
    /* high registers: no flags */
    LI r8, 0x10000
    LI r9, 0x20000
    SET_FLAGS FLAG_V
    add r8, r9
    mov r0, r8
    CHECK_FLAGS FLAG_V
    CHECK r0, 0x30000
    cmp r8, r9
    CHECK_FLAGS FLAG_C
    mov r9, r8
    CHECK r9, 0x30000
    /* SP-relative */
    mov r2, sp
    add r0, sp, #16
    sub r1, r0, r2
    CHECK r1, 16
    sub sp, #8
    mov r0, sp
    add sp, #8
    sub r1, r2, r0
    CHECK r1, 8
    movs r1, #12
    add r0, sp, r1
    sub r1, r0, r2
    CHECK r1, 12
    add r0, sp, #0x400
    sub r1, r0, r2
    CHECK r1, 0x400
    sub r0, sp, #0x10
    sub r1, r2, r0
    CHECK r1, 0x10
    mov r0, sp
    CHECK_SAME r0, r2

    TEST_PASS
