/* SPDX-License-Identifier: MIT */
/*
 * What the two firmware of the rv-m4-amp demo share: the mailbox, system
 * controller and PLIC registers (doc/boards.md), where each side sees the
 * devices and the shared SRAM, the message words and the layout of the
 * shared SRAM. The application (app.c, RV64) releases the real-time core
 * (rt.c, Cortex-M4), hands it requests in shared SRAM and rings the
 * mailbox; the M4 answers in shared SRAM and rings back.
 */
#ifndef AMP_H
#define AMP_H

#include <stdint.h>

/* Base addresses in each cluster's view (boards/rv-m4-amp.xml). */
#define AMP_APP_MBOX 0x10010000UL
#define AMP_APP_SYSCTL 0x10020000UL
#define AMP_APP_SHARED 0x90000000UL
#define AMP_APP_PLIC 0xc000000UL
#define AMP_APP_MBOX_SOURCE 1 /* PLIC source of mailbox channel 1 */
#define AMP_RT_MBOX 0x40010000UL
#define AMP_RT_SHARED 0x20000000UL
#define AMP_RT_UART 0x40004000UL
#define AMP_RT_MBOX_IRQ 2    /* NVIC input of mailbox channel 0 */
#define AMP_RT_VECTORS 0x0UL /* the M4's vector table: start of its TCM */

/* Mailbox channel n (0: app -> rt, 1: rt -> app) registers. */
#define MBOX_DATA(base, n) (*(volatile uint32_t *)((base) + 0x10 * (n) + 0x0))
#define MBOX_DOORBELL(base, n) (*(volatile uint32_t *)((base) + 0x10 * (n) + 0x4))
#define MBOX_ACK(base, n) (*(volatile uint32_t *)((base) + 0x10 * (n) + 0x8))
#define MBOX_INTEN(base, n) (*(volatile uint32_t *)((base) + 0x10 * (n) + 0xc))
#define MBOX_TO_RT 0
#define MBOX_TO_APP 1

/* System controller registers. */
#define SYSCTL_BOOTADDR (*(volatile uint32_t *)(AMP_APP_SYSCTL + 0x04))
#define SYSCTL_CTRL (*(volatile uint32_t *)(AMP_APP_SYSCTL + 0x08))
#define SYSCTL_STATUS (*(volatile uint32_t *)(AMP_APP_SYSCTL + 0x0c))
#define SYSCTL_CTRL_RUN 0x1

/* PLIC registers of context ctx (2h: hart h's M-mode) and source src. */
#define PLIC_PRIORITY(src) (*(volatile uint32_t *)(AMP_APP_PLIC + 4 * (src)))
#define PLIC_ENABLE(ctx) (*(volatile uint32_t *)(AMP_APP_PLIC + 0x2000 + 0x80 * (ctx)))
#define PLIC_THRESHOLD(ctx) (*(volatile uint32_t *)(AMP_APP_PLIC + 0x200000 + 0x1000 * (ctx)))
#define PLIC_CLAIM(ctx) (*(volatile uint32_t *)(AMP_APP_PLIC + 0x200004 + 0x1000 * (ctx)))

/* Message words: the command or answer in the low byte, the request
 * number above it. */
#define AMP_MSG_READY 0x01 /* rt -> app: booted */
#define AMP_MSG_SUM 0x02   /* app -> rt: summarise the request words */
#define AMP_MSG_DONE 0x03  /* rt -> app: the summary is in reply[] */
#define AMP_MSG_STOP 0x04  /* app -> rt: stop */
#define AMP_MSG_BYE 0x05   /* rt -> app: stopped */
#define AMP_MSG(code, seq) ((uint32_t)(code) | ((uint32_t)(seq) << 8))
#define AMP_MSG_CODE(msg) ((msg)&0xff)
#define AMP_MSG_SEQ(msg) ((msg) >> 8)

#define AMP_MAX_WORDS 64

/* The shared SRAM. */
struct amp_shared {
    uint32_t count; /* words in request */
    uint32_t request[AMP_MAX_WORDS];
    uint32_t reply_sum; /* sum of the words */
    uint32_t reply_xor; /* xor of the words */
    uint32_t reply_max; /* largest word (unsigned) */
};

#endif /* AMP_H */
