/* SPDX-License-Identifier: MIT */
/* WARL fields: mstatus.MPP, mtvec modes, misa, mie, mip and mepc[0]. */
#include "exec.h"

    trap_prologue
    li t0, 0x1800
    csrs mstatus, t0
    csrr a0, mstatus
    li t0, 0x800
    csrc mstatus, t0
    csrr a1, mstatus
    li t0, -1
    csrw mtvec, t0
    csrr a2, mtvec
    li t0, 0x80000002
    csrw mtvec, t0
    csrr a3, mtvec
    csrr a4, misa
    csrw misa, zero
    csrr a5, misa
    li t0, -1
    csrw mie, t0
    csrr a6, mie
    csrw mip, t0
    csrr a7, mip
    csrw mepc, t0
    csrr s3, mepc
    wfi
