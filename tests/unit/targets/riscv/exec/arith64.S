/* SPDX-License-Identifier: MIT */
/* RV64 arithmetic at the edges: the W forms sign-extend, x0 ignores
 * writes, division by zero and MIN / -1, the high multiplies. */
#include "exec.h"

_start:
    li a0, -1
    addiw a1, a0, 0
    li a2, 0x7fffffff
    addiw a3, a2, 1
    addi zero, a0, 5
    li t0, 7
    div a4, t0, zero
    rem a5, t0, zero
    divuw a6, t0, zero
    li t1, 1
    slli t1, t1, 63
    li t2, -1
    div a7, t1, t2
    rem s3, t1, t2
    mulhu s4, a0, a0
    mulhsu s5, a0, a0
    sraw s6, a3, t0
    srlw s7, a3, t0
    seqz s8, zero
    lui s9, 0x80000
    auipc s10, 0
    wfi
