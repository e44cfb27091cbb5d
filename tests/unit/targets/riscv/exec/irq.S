/* SPDX-License-Identifier: MIT */
/* The timer interrupt through a vectored mtvec: wfi wakes with
 * mstatus.MIE = 0, and the interrupt is taken once MIE is set.
 * Uncompressed, so the addresses test_exec checks stay where they are. */
#include "exec.h"

    .option norvc
    .option norelax
_start:
    la t0, vec
    ori t0, t0, 1
    csrw mtvec, t0
    li t0, 0x80
    csrw mie, t0
    li a0, 1
    wfi
    li a0, 2
    csrsi mstatus, 8
    li a0, 3
    wfi
.align 6
vec:
    j exc
    .word 0, 0, 0, 0, 0, 0
    j timer
exc:
    csrr s0, mcause
    wfi
timer:
    csrr s0, mcause
    csrr s1, mepc
    csrr s2, mstatus
    li a1, 7
    csrw mie, zero
    wfi
