/* SPDX-License-Identifier: MIT */
/*
 * Control transfer (unprivileged spec, chapter 2.5): every conditional
 * branch taken and not taken, forwards and backwards, on signed and
 * unsigned edges; jal and jalr link values, jalr clearing bit 0 of the
 * target, negative offsets, and jalr with rd = rs1 (the target is computed
 * from the old rs1).
 */
#include "test.h"

/* op a, b must branch (forwards, then backwards). */
.macro BR_TAKEN op, a, b
    NEXT_CHECK
    li a1, \a
    li a2, \b
    \op a1, a2, .Lfwd\@
    jal t5, test_fail
.Lback\@:
    j .Ldone\@
.Lfwd\@:
    \op a1, a2, .Lback\@
    jal t5, test_fail
.Ldone\@:
.endm

/* op a, b must fall through (forwards and backwards targets). */
.macro BR_NOT op, a, b
    NEXT_CHECK
    li a1, \a
    li a2, \b
    j .Lcheck\@
.Lback\@:
    jal t5, test_fail
.Lcheck\@:
    \op a1, a2, .Lback\@
    \op a1, a2, .Lfwd\@
    j .Ldone\@
.Lfwd\@:
    jal t5, test_fail
.Ldone\@:
.endm

TEST_BEGIN branch

    BR_TAKEN beq, 0, 0
    BR_TAKEN beq, -1, -1
    BR_NOT beq, 0, 1
    BR_NOT beq, XMIN, 0
    BR_TAKEN bne, 0, 1
    BR_TAKEN bne, XMIN, 0
    BR_NOT bne, 7, 7
    BR_NOT bne, -1, -1

    BR_TAKEN blt, -1, 0
    BR_TAKEN blt, XMIN, XMAX
    BR_TAKEN blt, 0, 1
    BR_NOT blt, 0, -1
    BR_NOT blt, 1, 1
    BR_NOT blt, XMAX, XMIN
    BR_TAKEN bge, 0, -1
    BR_TAKEN bge, 1, 1
    BR_TAKEN bge, XMAX, XMIN
    BR_NOT bge, -1, 0
    BR_NOT bge, XMIN, XMAX

    BR_TAKEN bltu, 0, -1
    BR_TAKEN bltu, XMAX, XMIN
    BR_TAKEN bltu, 1, 2
    BR_NOT bltu, -1, 0
    BR_NOT bltu, 3, 3
    BR_NOT bltu, XMIN, XMAX
    BR_TAKEN bgeu, -1, 0
    BR_TAKEN bgeu, 3, 3
    BR_TAKEN bgeu, XMIN, XMAX
    BR_NOT bgeu, 0, -1
    BR_NOT bgeu, XMAX, XMIN

    /* the pseudo-instructions with x0 */
    li a1, -5
    NEXT_CHECK
    bltz a1, 1f
    jal t5, test_fail
1:  bgez a1, 2f
    beqz a1, 2f
    bnez a1, 1f
2:  jal t5, test_fail
1:  blez a1, 1f
    jal t5, test_fail
1:  bgtz a1, 2b

    /* jal: link = address of the next instruction */
    jal a0, 1f
2:  jal t5, test_fail
1:  CHECK_ADDR a0, 2b
    /* jal backwards */
    li a3, 0
    j 2f
1:  addi a3, a3, 1
    j 3f
2:  jal a4, 1b
3:  CHECK a3, 1
    /* jal with rd = x0 leaves x0 alone */
    jal x0, 1f
    jal t5, test_fail
1:  CHECK x0, 0

    /* jalr: target = (rs1 + imm) & ~1 */
    la a1, 1f
    jalr a0, 0(a1)
2:  jal t5, test_fail
1:  CHECK_ADDR a0, 2b
    la a1, 1f + 8
    jalr a0, -8(a1)
    jal t5, test_fail
1:  la a1, 1f - 16
    jalr a0, 16(a1)
    jal t5, test_fail
1:  la a1, 1f
    addi a1, a1, 1
    jalr a0, 0(a1)
    jal t5, test_fail
1:  la a1, 1f
    jalr a0, 1(a1)
    jal t5, test_fail
1:  CHECK x0, 0
    /* rd = rs1: jump to the old value, then link */
    la a0, 1f
    jalr a0, 0(a0)
2:  jal t5, test_fail
1:  CHECK_ADDR a0, 2b
    /* a function call and return through ra */
    li a0, 41
    call plus_one
    CHECK a0, 42

    TEST_PASS

plus_one:
    addi a0, a0, 1
    ret
