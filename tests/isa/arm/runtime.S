/* SPDX-License-Identifier: MIT */
/*
 * Runtime linked into every Thumb-2 ISA test: the vector table at 0x0
 * (reset loads SP and PC from it), the reset code, one exception handler
 * for every vector that fills the record test.h describes (rt_exc), the
 * console on CMSDK UART0 and the pass/fail exits through semihosting
 * SYS_EXIT_EXTENDED (exit code = failing case number, 0 = pass).
 *
 * The handler records the exception number, EXC_RETURN, the stacked
 * frame, CFSR/HFSR (then clears them), BFAR, MMFAR and CONTROL, appends
 * (number, EXC_RETURN) to a log, and calls the armed hook. A fault (3 to
 * 6) then resumes in Thumb state at the armed resume address or after
 * the faulting instruction; SysTick without a hook turns its own
 * interrupt off.
 * An exception nobody armed fails the current case.
 */
#include "test.h"

#define NUM_IRQS 32

    .section .vectors, "a"
    .align 2
    .globl rt_vectors
rt_vectors:
    .word __stack_top
    .word rt_reset
    .rept 14
    .word rt_exc_entry
    .endr
    .rept NUM_IRQS
    .word rt_exc_entry
    .endr

    .text
    .align 1
    .globl rt_reset
    .thumb_func
rt_reset:
    /* .bss: the loader clears it, but a reset without a reload does not */
    LI r0, __bss_start
    LI r1, __bss_end
    movs r2, #0
1:  cmp r0, r1
    bhs 2f
    str r2, [r0], #4
    b 1b
2:  LI r0, UART0_BASE
    movs r1, #16
    str r1, [r0, #UART_BAUDDIV]
    movs r1, #1
    str r1, [r0, #UART_CTRL]
    movs TESTNUM, #0
    bl test_main
    b test_pass

    .align 1
    .globl rt_exc_entry
    .thumb_func
rt_exc_entry:
    tst lr, #4
    ite eq
    mrseq r2, msp
    mrsne r2, psp
    push {r4, r5, r6, lr}
    mov r6, r2
    LI r4, rt_exc
    mrs r0, ipsr
    str r0, [r4, #ST_IPSR]
    str lr, [r4, #ST_EXCRET]
    str r6, [r4, #ST_FRAME]
    ldr r0, [r6, #0]
    str r0, [r4, #ST_R0]
    ldr r0, [r6, #4]
    str r0, [r4, #ST_R1]
    ldr r0, [r6, #8]
    str r0, [r4, #ST_R2]
    ldr r0, [r6, #12]
    str r0, [r4, #ST_R3]
    ldr r0, [r6, #16]
    str r0, [r4, #ST_R12]
    ldr r0, [r6, #20]
    str r0, [r4, #ST_LR]
    ldr r0, [r6, #24]
    str r0, [r4, #ST_PC]
    ldr r0, [r6, #28]
    str r0, [r4, #ST_XPSR]
    LI r5, SCB_CFSR
    ldr r0, [r5]
    str r0, [r4, #ST_CFSR]
    str r0, [r5]                /* write one to clear */
    ldr r0, [r5, #SCB_HFSR - SCB_CFSR]
    str r0, [r4, #ST_HFSR]
    str r0, [r5, #SCB_HFSR - SCB_CFSR]
    ldr r0, [r5, #SCB_MMFAR - SCB_CFSR]
    str r0, [r4, #ST_MMFAR]
    ldr r0, [r5, #SCB_BFAR - SCB_CFSR]
    str r0, [r4, #ST_BFAR]
    mrs r0, control
    str r0, [r4, #ST_CONTROL]
    mrs r5, ipsr                /* kept here: a nested exception rewrites rt_exc */
    ldr r0, [r4, #ST_LOGN]
    cmp r0, #LOG_MAX
    bhs 1f
    add r1, r4, #ST_LOG
    add r1, r1, r0, lsl #3
    str r5, [r1]
    str lr, [r1, #4]
    adds r0, r0, #1
    str r0, [r4, #ST_LOGN]
1:  ldr r0, [r4, #ST_COUNT]
    adds r0, r0, #1
    str r0, [r4, #ST_COUNT]
    ldr r0, [r4, #ST_ARMED]
    cmp r0, #0
    beq rt_exc_unexpected
    subs r0, r0, #1
    str r0, [r4, #ST_ARMED]
    ldr r3, [r4, #ST_HOOK]
    cbz r3, 2f
    mov r0, r5
    mov r1, r6
    blx r3
2:  cmp r5, #EXC_HARDFAULT
    blo 9f
    cmp r5, #EXC_USAGEFAULT
    bhi 5f
    /* a fault: resume (in Thumb state) at the armed address or after
     * the faulting instruction */
    ldr r0, [r6, #28]
    orr r0, r0, #XPSR_T
    str r0, [r6, #28]
    ldr r0, [r4, #ST_RESUME]
    cbz r0, 3f
    bic r0, r0, #1
    str r0, [r6, #24]
    movs r0, #0
    str r0, [r4, #ST_RESUME]
    b 9f
3:  ldr r0, [r6, #24]
    ldrh r1, [r0]
    cmp r1, #0xe800             /* first halfword of a 32-bit encoding */
    ite hs
    addhs r0, r0, #4
    addlo r0, r0, #2
    str r0, [r6, #24]
    b 9f
5:  cmp r5, #EXC_SYSTICK
    bne 9f
    ldr r3, [r4, #ST_HOOK]
    cbnz r3, 9f
    LI r1, SYST_CSR
    ldr r0, [r1]
    bic r0, r0, #SYST_TICKINT
    str r0, [r1]
    LI r1, SCB_ICSR             /* and drop a tick that came meanwhile */
    LI r0, ICSR_PENDSTCLR
    str r0, [r1]
9:  pop {r4, r5, r6, pc}

/* "FAIL name: case N at PC: unexpected exception E" and exit N. */
rt_exc_unexpected:
    mov r4, TESTNUM
    mov r7, r5
    ldr r5, [r6, #24]
    bl rt_fail_head
    LI r0, rt_msg_exc
    bl rt_puts
    mov r0, r7
    bl rt_putdec
    b rt_fail_exit

/* Print "PASS name" and exit 0. */
    .globl test_pass
    .thumb_func
test_pass:
    LI r0, rt_msg_pass
    bl rt_puts
    LI r0, test_name
    bl rt_puts
    movs r0, #'\n'
    bl rt_putc
    movs r0, #0
    b rt_exit

/* Print "FAIL name: case N at PC: got X, expected Y" and exit N; lr = the
 * return address of the failing compare's bl, r10 = value, r12 = expected. */
    .globl test_fail
    .thumb_func
test_fail:
    mov r4, TESTNUM
    sub r5, lr, #5
    mov r6, r10
    mov r7, CHKREG
    bl rt_fail_head
    LI r0, rt_msg_got
    bl rt_puts
    mov r0, r6
    bl rt_puthex
    LI r0, rt_msg_expected
    bl rt_puts
    mov r0, r7
    bl rt_puthex
    b rt_fail_exit

/* "FAIL name: case N at PC" for r4 = N, r5 = PC. */
rt_fail_head:
    push {lr}
    LI r0, rt_msg_fail
    bl rt_puts
    LI r0, test_name
    bl rt_puts
    LI r0, rt_msg_check
    bl rt_puts
    mov r0, r4
    bl rt_putdec
    LI r0, rt_msg_at
    bl rt_puts
    mov r0, r5
    bl rt_puthex
    pop {pc}

/* Exit with the case number in r4 (255 when above 255 or 0). */
rt_fail_exit:
    movs r0, #'\n'
    bl rt_putc
    mov r0, r4
    cmp r0, #0
    beq 1f
    cmp r0, #255
    bls rt_exit
1:  movs r0, #255
    b rt_exit

/* Semihosting SYS_EXIT_EXTENDED with r0 = code; spins if it returns. */
    .globl rt_exit
    .thumb_func
rt_exit:
    LI r1, ADP_STOPPED_APPLICATION_EXIT
    sub sp, sp, #8
    str r1, [sp]
    str r0, [sp, #4]
    mov r1, sp
    movs r0, #SYS_EXIT_EXTENDED
    bkpt 0xab
1:  b 1b

/* r0 = byte to send on UART0 (waits while the buffer is full). */
    .globl rt_putc
    .thumb_func
rt_putc:
    LI r1, UART0_BASE
1:  ldr r2, [r1, #UART_STATE]
    tst r2, #1
    bne 1b
    str r0, [r1, #UART_DATA]
    bx lr

/* r0 = NUL-terminated string. */
    .globl rt_puts
    .thumb_func
rt_puts:
    push {r4, lr}
    mov r4, r0
1:  ldrb r0, [r4], #1
    cbz r0, 2f
    bl rt_putc
    b 1b
2:  pop {r4, pc}

/* r0 = value below 1000, as decimal digits without leading zeros. */
rt_putdec:
    push {r4, r5, r6, lr}
    mov r4, r0
    movs r6, #0                 /* a digit was printed */
    movs r5, #100
1:  movs r0, #'0'
2:  cmp r4, r5
    blo 3f
    subs r4, r4, r5
    adds r0, r0, #1
    b 2b
3:  cmp r0, #'0'
    bne 4f
    cbz r6, 5f
4:  movs r6, #1
    bl rt_putc
5:  cmp r5, #10
    beq 6f
    movs r5, #10
    b 1b
6:  adds r0, r4, #'0'
    bl rt_putc
    pop {r4, r5, r6, pc}

/* r0 = value, as 0x and eight hex digits. */
rt_puthex:
    push {r4, r5, lr}
    mov r4, r0
    movs r0, #'0'
    bl rt_putc
    movs r0, #'x'
    bl rt_putc
    movs r5, #28
1:  lsr r0, r4, r5
    and r0, r0, #0xf
    cmp r0, #10
    ite lo
    addlo r0, r0, #'0'
    addhs r0, r0, #'a' - 10
    bl rt_putc
    subs r5, r5, #4
    bpl 1b
    pop {r4, r5, pc}

    .section .rodata
rt_msg_pass:
    .asciz "PASS "
rt_msg_fail:
    .asciz "FAIL "
rt_msg_check:
    .asciz ": case "
rt_msg_at:
    .asciz " at "
rt_msg_got:
    .asciz ": got "
rt_msg_expected:
    .asciz ", expected "
rt_msg_exc:
    .asciz ": unexpected exception "

    .bss
    .align 3
    .globl rt_exc
rt_exc:
    .space ST_SIZE
    .align 3
    .globl rt_psp_stack_top
rt_psp_stack:
    .space 2048
rt_psp_stack_top:
    .align 3
rt_stack:
    .space 8192
    .globl __stack_top
__stack_top:
