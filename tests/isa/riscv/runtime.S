/* SPDX-License-Identifier: MIT */
/*
 * Runtime linked into every ISA test: reset entry, per-hart stacks and trap
 * records, the trap handler the check macros of test.h rely on, console
 * output and the pass/fail exits. Built for the virt boards (ns16550 UART
 * and the test finisher at 0x100000) or, with -DTEST_HTIF, for the spike
 * boards (HTIF console and exit through the tohost/fromhost symbols).
 *
 * Hart 0 jumps to test_main; other harts run test_secondary, which parks
 * them unless a test defines its own.
 */
#include "test.h"

    .section .text.init, "ax"
    .globl _start
_start:
    csrr a0, mhartid
    li t0, MAX_HARTS
    bgeu a0, t0, rt_park
    la sp, rt_stacks + STACK_BYTES
    slli t0, a0, STACK_SHIFT
    add sp, sp, t0
    la t0, rt_trap_state
    slli t1, a0, LOG_ST_BYTES
    add t0, t0, t1
    csrw mscratch, t0
    la t0, rt_trap_entry
    csrw mtvec, t0
    csrw mie, zero
    li TESTNUM, 0
    bnez a0, 1f
    j test_main
1:  j test_secondary

    .weak test_secondary
    .globl rt_park
test_secondary:
rt_park:
    wfi
    j rt_park

/*
 * Trap handler. An expected trap (ST_ARMED counts them down) is recorded
 * (cause, epc, tval, mstatus) and then: an interrupt masks its own mie bit
 * and returns; an exception resumes at the armed resume address in M-mode,
 * or skips the trapping instruction (2 or 4 bytes) in the mode it came
 * from. An unarmed trap fails the current case. Tests with their own
 * (vectored) entry points jump here after marking ST_MARK.
 */
    .align 2
    .globl rt_trap_entry
rt_trap_entry:
    csrrw t0, mscratch, t0
    SREG t1, ST_T1(t0)
    SREG t2, ST_T2(t0)
    csrr t1, mscratch
    SREG t1, ST_T0(t0)
    csrw mscratch, t0
    csrr t1, mcause
    SREG t1, ST_CAUSE(t0)
    csrr t1, mepc
    SREG t1, ST_EPC(t0)
    csrr t1, mtval
    SREG t1, ST_TVAL(t0)
    csrr t1, mstatus
    SREG t1, ST_MSTATUS(t0)
    LREG t1, ST_COUNT(t0)
    addi t1, t1, 1
    SREG t1, ST_COUNT(t0)
    LREG t1, ST_ARMED(t0)
    beqz t1, rt_trap_unexpected
    addi t1, t1, -1
    SREG t1, ST_ARMED(t0)
    csrr t1, mcause
    bltz t1, rt_trap_irq
    LREG t1, ST_RESUME(t0)
    bnez t1, rt_trap_resume
    csrr t1, mepc
    lhu t2, 0(t1)
    andi t2, t2, 3
    addi t2, t2, -3
    addi t1, t1, 2
    bnez t2, 1f
    addi t1, t1, 2
1:  csrw mepc, t1
    j rt_trap_return
rt_trap_resume:
    csrw mepc, t1
    SREG zero, ST_RESUME(t0)
    li t1, MSTATUS_MPP
    csrs mstatus, t1
    j rt_trap_return
rt_trap_irq:
    li t2, 1
    sll t2, t2, t1
    csrc mie, t2
rt_trap_return:
    LREG t2, ST_T2(t0)
    LREG t1, ST_T1(t0)
    LREG t0, ST_T0(t0)
    mret

rt_trap_unexpected:
    la sp, rt_fail_stack + STACK_BYTES
    la a0, rt_msg_trap
    call rt_puts
    csrr a0, mcause
    call rt_puthex
    la a0, rt_msg_epc
    call rt_puts
    csrr a0, mepc
    call rt_puthex
    la a0, rt_msg_tval
    call rt_puts
    csrr a0, mtval
    call rt_puthex
    li a0, '\n'
    call rt_putc
    csrr t5, mepc
    j rt_fail_at

/* Print "PASS name" and exit 0. */
    .globl test_pass
test_pass:
    la sp, rt_fail_stack + STACK_BYTES
    la a0, rt_msg_pass
    call rt_puts
    la a0, test_name
    call rt_puts
    li a0, '\n'
    call rt_putc
    li a0, 0
    j rt_exit

/* Print "FAIL name: case N at PC: got X, expected Y" and exit N. t5 = pc
 * after the failing compare's jal (4 bytes), t4 = value, t6 = expected. */
    .globl test_fail
test_fail:
    la sp, rt_fail_stack + STACK_BYTES
    addi t5, t5, -4
    mv s0, TESTNUM
    mv s1, t5
    mv s2, t4
    mv s3, t6
    call rt_fail_head
    la a0, rt_msg_got
    call rt_puts
    mv a0, s2
    call rt_puthex
    la a0, rt_msg_expected
    call rt_puts
    mv a0, s3
    call rt_puthex
    j rt_fail_exit

/* The same without values, for an unexpected trap at pc t5. */
rt_fail_at:
    la sp, rt_fail_stack + STACK_BYTES
    mv s0, TESTNUM
    mv s1, t5
    call rt_fail_head
    j rt_fail_exit

/* "FAIL name: case N at PC" for s0 = N, s1 = PC. */
rt_fail_head:
    mv s4, ra
    la a0, rt_msg_fail
    call rt_puts
    la a0, test_name
    call rt_puts
    la a0, rt_msg_check
    call rt_puts
    mv a0, s0
    call rt_putdec
    la a0, rt_msg_at
    call rt_puts
    mv a0, s1
    call rt_puthex
    jr s4

rt_fail_exit:
    li a0, '\n'
    call rt_putc
    mv a0, s0
    li t0, 255
    beqz a0, 1f
    bleu a0, t0, rt_exit
1:  li a0, 255
    j rt_exit

/* a0 = NUL-terminated string. */
rt_puts:
    addi sp, sp, -2 * REGBYTES
    SREG ra, 0(sp)
    SREG s0, REGBYTES(sp)
    mv s0, a0
1:  lbu a0, 0(s0)
    beqz a0, 2f
    call rt_putc
    addi s0, s0, 1
    j 1b
2:  LREG s0, REGBYTES(sp)
    LREG ra, 0(sp)
    addi sp, sp, 2 * REGBYTES
    ret

/* a0 = value below 1000, printed as three decimal digits. */
rt_putdec:
    addi sp, sp, -3 * REGBYTES
    SREG ra, 0(sp)
    SREG s0, REGBYTES(sp)
    SREG s1, 2 * REGBYTES(sp)
    mv s0, a0
    li s1, 100
1:  li a0, '0'
2:  bltu s0, s1, 3f
    sub s0, s0, s1
    addi a0, a0, 1
    j 2b
3:  call rt_putc
    li a0, 10
    beq s1, a0, 4f
    li s1, 10
    j 1b
4:  addi a0, s0, '0'
    call rt_putc
    LREG s1, 2 * REGBYTES(sp)
    LREG s0, REGBYTES(sp)
    LREG ra, 0(sp)
    addi sp, sp, 3 * REGBYTES
    ret

/* a0 = value, printed as 0x followed by XLEN/4 hex digits. */
rt_puthex:
    addi sp, sp, -3 * REGBYTES
    SREG ra, 0(sp)
    SREG s0, REGBYTES(sp)
    SREG s1, 2 * REGBYTES(sp)
    mv s0, a0
    li a0, '0'
    call rt_putc
    li a0, 'x'
    call rt_putc
    li s1, XLEN - 4
1:  srl a0, s0, s1
    andi a0, a0, 0xf
    la t0, rt_hexdigits
    add a0, a0, t0
    lbu a0, 0(a0)
    call rt_putc
    addi s1, s1, -4
    bgez s1, 1b
    LREG s1, 2 * REGBYTES(sp)
    LREG s0, REGBYTES(sp)
    LREG ra, 0(sp)
    addi sp, sp, 3 * REGBYTES
    ret

#ifdef TEST_HTIF
/*
 * HTIF (Spike front-end protocol): tohost = device << 56 | command << 48 |
 * payload. Device 1 command 1 writes a character; the host acknowledges
 * through fromhost. The waits are bounded so a host that does not
 * acknowledge only slows output down. The 64-bit value is stored as two
 * 32-bit halves, low half first, as on rv32.
 */
rt_putc:
    li t1, 1000
1:  lw t0, tohost
    beqz t0, 2f
    addi t1, t1, -1
    bnez t1, 1b
2:  andi a0, a0, 0xff
    la t0, tohost
    sw a0, 0(t0)
    li t1, 0x01010000
    sw t1, 4(t0)
    li t1, 1000
3:  lw t0, fromhost
    bnez t0, 4f
    addi t1, t1, -1
    bnez t1, 3b
4:  la t0, fromhost
    sw zero, 0(t0)
    sw zero, 4(t0)
    ret

/* a0 = exit code: tohost = code << 1 | 1 (device 0). */
rt_exit:
    slli a0, a0, 1
    ori a0, a0, 1
    la t0, tohost
    sw a0, 0(t0)
    sw zero, 4(t0)
1:  j 1b

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
    .type tohost, @object
    .size tohost, 8
tohost:
    .dword 0
    .align 6
    .globl fromhost
    .type fromhost, @object
    .size fromhost, 8
fromhost:
    .dword 0
#else
/* ns16550: wait for THR empty (LSR bit 5), then write THR. */
rt_putc:
    li t0, UART_BASE
1:  lbu t1, 5(t0)
    andi t1, t1, 0x20
    beqz t1, 1b
    sb a0, 0(t0)
    ret

/* a0 = exit code, through the test finisher. */
rt_exit:
    li t0, FINISHER_BASE
    li t1, 0x5555
    beqz a0, 1f
    slli t1, a0, 16
    li t2, 0x3333
    or t1, t1, t2
1:  sw t1, 0(t0)
2:  j 2b
#endif

    .section .rodata
rt_hexdigits:
    .ascii "0123456789abcdef"
rt_msg_pass:
    .asciz "PASS "
rt_msg_fail:
    .asciz "FAIL "
rt_msg_check:
    .asciz ": case "
rt_msg_at:
    .asciz " at pc "
rt_msg_got:
    .asciz ": got "
rt_msg_expected:
    .asciz ", expected "
rt_msg_trap:
    .asciz "unexpected trap: mcause "
rt_msg_epc:
    .asciz " mepc "
rt_msg_tval:
    .asciz " mtval "

    .bss
    .align 4
rt_stacks:
    .space STACK_BYTES * MAX_HARTS
/* The pass/fail paths run on their own stack: sp may be anything there. */
rt_fail_stack:
    .space STACK_BYTES
    .align LOG_ST_BYTES
    .globl rt_trap_state
rt_trap_state:
    .space (1 << LOG_ST_BYTES) * MAX_HARTS
