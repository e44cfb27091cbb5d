/* SPDX-License-Identifier: MIT */
/*
 * User mode (privileged spec 3.1.6, 3.3.2): mret with MPP = U enters
 * U-mode, where code, loads and stores run; ecall from U is cause 8 and
 * the trap records MPP = U; machine CSRs and mret are illegal in U-mode
 * (mtval = the instruction bits) and the trap returns to U-mode; ebreak
 * from U; M-mode loads and stores with MPRV = 1 and MPP = U work where
 * U-mode may access memory. (An mret into U clearing MPRV: rv_strict.S.)
 */
#include "test.h"

/* In U-mode: save the trap record's count, cause and tval in s2-s4. */
.macro USER_SAVE_TRAP
    la t0, rt_trap_state
    LREG s2, ST_COUNT(t0)
    LREG s3, ST_CAUSE(t0)
    LREG s4, ST_TVAL(t0)
.endm

TEST_BEGIN user

    PMP_OPEN_ALL
    csrw mie, zero

    /* ecall from U: cause 8, MPP = U in the trapped mstatus */
    TRAP_EXPECT_RESUME 1f
    ENTER_USER user_ecall
1:  CHECK_TRAP CAUSE_ECALL_U
    CHECK_EPC user_ecall_insn
    CHECK_TVAL 0
    csrr t0, mscratch
    LREG a0, ST_MSTATUS(t0)
    li a1, MSTATUS_MPP
    and a0, a0, a1
    CHECK a0, 0
    /* the user code ran and could use memory */
    CHECK s5, 0x600d
    la a1, user_word
    lw a0, 0(a1)
    CHECK a0, 0x600d

    /* machine CSRs are illegal in U-mode; the trap returns to U */
    TRAP_EXPECT
    ENTER_USER user_csr
user_csr_back:
    CHECK_TRAP CAUSE_ECALL_U
    NEXT_CHECK
    CMP s2, 1
    CMP s3, CAUSE_ILLEGAL
    LOAD_INSN a5, user_csr_insn
    CMP_SAME s4, a5
    /* writes too, and with rd = x0 */
    TRAP_EXPECT
    ENTER_USER user_csrw
user_csrw_back:
    CHECK_TRAP CAUSE_ECALL_U
    NEXT_CHECK
    CMP s2, 1
    CMP s3, CAUSE_ILLEGAL
    LOAD_INSN a5, user_csrw_insn
    CMP_SAME s4, a5
    /* mret from U */
    TRAP_EXPECT
    ENTER_USER user_mret
user_mret_back:
    CHECK_TRAP CAUSE_ECALL_U
    NEXT_CHECK
    CMP s2, 1
    CMP s3, CAUSE_ILLEGAL
    LOAD_INSN a5, user_mret_insn
    CMP_SAME s4, a5
    /* ebreak from U */
    TRAP_EXPECT
    ENTER_USER user_ebreak
user_ebreak_back:
    CHECK_TRAP CAUSE_ECALL_U
    NEXT_CHECK
    CMP s2, 1
    CMP s3, CAUSE_BREAKPOINT

    /* MPRV = 1 with MPP = U: M-mode data accesses use U privilege */
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    la a1, user_word
    li a0, 0x1357
    sw a0, 0(a1)
    lw a2, 0(a1)
    li a0, MSTATUS_MPRV
    csrc mstatus, a0
    CHECK a2, 0x1357

    TEST_PASS

/* U-mode code: each piece leaves through an ecall that resumes in M. */
user_ecall:
    li s5, 0x600d
    la a1, user_word
    sw s5, 0(a1)
user_ecall_insn:
    ecall

user_csr:
user_csr_insn:
    csrr a0, mstatus
    USER_SAVE_TRAP
    TRAP_EXPECT_FROM_USER user_csr_back
    ecall

user_csrw:
user_csrw_insn:
    csrw mscratch, zero
    USER_SAVE_TRAP
    TRAP_EXPECT_FROM_USER user_csrw_back
    ecall

user_mret:
user_mret_insn:
    mret
    USER_SAVE_TRAP
    TRAP_EXPECT_FROM_USER user_mret_back
    ecall

user_ebreak:
    .option push
    .option norvc
    ebreak
    .option pop
    USER_SAVE_TRAP
    TRAP_EXPECT_FROM_USER user_ebreak_back
    ecall

    .data
    .align 2
user_word:
    .word 0
