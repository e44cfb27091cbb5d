/* SPDX-License-Identifier: MIT */
/*
 * Application side of the rv-m4-amp demo (RV64, hart 0; hart 1 parks):
 * releases the Cortex-M4 through the system controller (vector table at
 * the start of its TCM), waits for its READY message, then sends three
 * requests -- words in shared SRAM, a doorbell on mailbox channel 0 --
 * and checks each answer the M4 leaves in shared SRAM against its own
 * computation when channel 1's interrupt arrives (PLIC source 1, claimed
 * and completed by hart 0's M-mode context). It stops the M4 and exits
 * through the test finisher: 0 when every answer was right.
 */
#include <stdbool.h>

#include "amp.h"
#include "fw.h"

#define MSTATUS_MIE 0x8UL
#define MIE_MEIE 0x800UL
#define MCAUSE_MEI ((1UL << 63) | 11)
#define APP_PLIC_CONTEXT 0 /* hart 0's M-mode */

static volatile struct amp_shared *const shared = (volatile struct amp_shared *)AMP_APP_SHARED;
static volatile uint32_t last_msg;
static volatile uint32_t msg_count;

/* Machine external interrupt: the PLIC has mailbox channel 1's ring. The
 * source is completed after the acknowledge has lowered its line, so it
 * does not pend again. Aligned because mtvec's low two bits select the
 * vector mode. */
__attribute__((interrupt("machine"), aligned(4))) static void app_trap(void)
{
    unsigned long cause;
    uint32_t source;

    __asm__ volatile("csrr %0, mcause" : "=r"(cause));
    if (cause != MCAUSE_MEI) {
        fw_puts("app: unexpected trap, mcause ");
        fw_put_hex((uint32_t)cause);
        fw_putc('\n');
        fw_exit(99);
    }
    source = PLIC_CLAIM(APP_PLIC_CONTEXT);
    if (source != AMP_APP_MBOX_SOURCE) {
        fw_puts("app: unexpected interrupt source ");
        fw_put_dec(source);
        fw_putc('\n');
        fw_exit(99);
    }
    last_msg = MBOX_DATA(AMP_APP_MBOX, MBOX_TO_APP);
    MBOX_ACK(AMP_APP_MBOX, MBOX_TO_APP) = 1;
    msg_count++;
    PLIC_CLAIM(APP_PLIC_CONTEXT) = source;
}

/* Mailbox channel 1 through the PLIC: priority 1, above hart 0's
 * threshold 0, enabled for its M-mode context. */
static void app_enable_mailbox_irq(void)
{
    PLIC_PRIORITY(AMP_APP_MBOX_SOURCE) = 1;
    PLIC_THRESHOLD(APP_PLIC_CONTEXT) = 0;
    PLIC_ENABLE(APP_PLIC_CONTEXT) = 1u << AMP_APP_MBOX_SOURCE;
    MBOX_INTEN(AMP_APP_MBOX, MBOX_TO_APP) = 1;
}

/* Sleep until the next message (interrupts off while deciding to sleep:
 * wfi still wakes for the pending interrupt, taken once they are on). */
static uint32_t app_wait_message(uint32_t seen)
{
    for (;;) {
        __asm__ volatile("csrc mstatus, %0" ::"r"(MSTATUS_MIE));
        if (msg_count != seen)
            break;
        __asm__ volatile("wfi");
        __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    }
    __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    return last_msg;
}

static void app_send(uint32_t msg)
{
    __asm__ volatile("fence rw, rw" ::: "memory");
    MBOX_DATA(AMP_APP_MBOX, MBOX_TO_RT) = msg;
    MBOX_DOORBELL(AMP_APP_MBOX, MBOX_TO_RT) = 1;
}

static bool app_expect(uint32_t msg, uint32_t code, uint32_t seq)
{
    if (AMP_MSG_CODE(msg) == code && AMP_MSG_SEQ(msg) == seq)
        return true;
    fw_puts("app: unexpected message ");
    fw_put_hex(msg);
    fw_putc('\n');
    return false;
}

/* Request k: n pseudo-random words; the answer must match ours. */
static bool app_request(uint32_t k, uint32_t n, uint32_t seed)
{
    uint32_t sum = 0, xor = 0, max = 0, x = seed, msg, seen;

    for (uint32_t i = 0; i < n; i++) {
        x = x * 1664525u + 1013904223u;
        shared->request[i] = x;
        sum += x;
        xor ^= x;
        max = x > max ? x : max;
    }
    shared->count = n;
    fw_puts("app: request ");
    fw_put_dec(k);
    fw_puts(", ");
    fw_put_dec(n);
    fw_puts(" words\n");
    seen = msg_count;
    app_send(AMP_MSG(AMP_MSG_SUM, k));
    msg = app_wait_message(seen);
    if (!app_expect(msg, AMP_MSG_DONE, k))
        return false;
    if (shared->reply_sum != sum || shared->reply_xor != xor || shared->reply_max != max) {
        fw_puts("app: wrong answer to request ");
        fw_put_dec(k);
        fw_putc('\n');
        return false;
    }
    fw_puts("app: answer ");
    fw_put_dec(k);
    fw_puts(" checked, sum ");
    fw_put_hex(sum);
    fw_putc('\n');
    return true;
}

int main(unsigned hart)
{
    static const uint32_t sizes[] = {4, 17, 64};
    uint32_t seen = msg_count;
    bool ok = true;

    (void)hart;
    fw_uart_init();
    __asm__ volatile("csrw mtvec, %0" ::"r"((unsigned long)app_trap));
    app_enable_mailbox_irq();
    __asm__ volatile("csrs mie, %0" ::"r"(MIE_MEIE));
    __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    fw_puts("app: releasing the Cortex-M4 (vector table at ");
    fw_put_hex(AMP_RT_VECTORS);
    fw_puts(")\n");
    SYSCTL_BOOTADDR = AMP_RT_VECTORS;
    SYSCTL_CTRL = SYSCTL_CTRL_RUN;
    if (!app_expect(app_wait_message(seen), AMP_MSG_READY, 0))
        return 2;
    fw_puts("app: the Cortex-M4 is up\n");
    for (uint32_t k = 0; k < 3 && ok; k++)
        ok = app_request(k + 1, sizes[k], 0x1234u * (k + 1));
    seen = msg_count;
    app_send(AMP_MSG(AMP_MSG_STOP, 0));
    if (!app_expect(app_wait_message(seen), AMP_MSG_BYE, 0))
        return 3;
    fw_puts(ok ? "app: all answers right, pass\n" : "app: fail\n");
    return ok ? 0 : 1;
}
