/* SPDX-License-Identifier: MIT */
/* RV32 arithmetic at the edges: overflow, MIN / -1, 5-bit shift amounts,
 * comparisons, links and upper immediates. */
#include "exec.h"

_start:
    li a0, 0x7fffffff
    addi a1, a0, 1
    srai a2, a1, 31
    srli a3, a1, 31
    mulh a4, a1, a1
    div a5, a1, a2
    rem a6, a1, a2
    li t0, 33
    li t1, 1
    sll a7, t1, t0
    sltu s3, a1, a0
    slt s4, a1, a0
    jal s5, 1f
1:  lui s6, 0xfffff
    mulhu s7, a2, a2
    wfi
