/* SPDX-License-Identifier: MIT */
/*
 * What the two debug firmware images of the rv-m4-amp gdb tests share:
 * where each cluster sees the shared SRAM, the mailbox and the system
 * controller (boards/rv-m4-amp.xml), and the layout of the words the
 * application (hetero_app.c, RV64) and the Cortex-M4 (hetero_m4.c) pass
 * each other there. Both sides write `turn`, so one watched word is hit
 * by either cluster.
 */
#ifndef MOSAIC_TESTS_GDB_HETERO_SHARED_H
#define MOSAIC_TESTS_GDB_HETERO_SHARED_H

#include <stdint.h>

/* The shared SRAM in each view. */
#define HETERO_APP_SHARED 0x90000000UL
#define HETERO_M4_SHARED 0x20000000UL

/* The mailbox in each view; channel 0 rings the M4 (NVIC input 2). */
#define HETERO_APP_MBOX 0x10010000UL
#define HETERO_M4_MBOX 0x40010000UL
#define HETERO_M4_MBOX_IRQ 2
#define HETERO_MBOX_DATA 0x0
#define HETERO_MBOX_DOORBELL 0x4
#define HETERO_MBOX_ACK 0x8
#define HETERO_MBOX_INTEN 0xc

/* The system controller holding the M4 in reset (application view). */
#define HETERO_SYSCTL_BOOTADDR 0x10020004UL
#define HETERO_SYSCTL_CTRL 0x10020008UL
#define HETERO_SYSCTL_CTRL_RUN 0x1

/* The M4's requests: values above the limit come back clamped. */
#define HETERO_ROUNDS 3
#define HETERO_LIMIT 100

struct hetero_shared {
    uint32_t m4_ready; /* the M4 sets it once it is up */
    uint32_t request;  /* app: the value to clamp */
    uint32_t reply;    /* M4: the clamped value */
    uint32_t round;    /* M4: the round the reply answers */
    uint32_t turn;     /* app writes 2 * round - 1, the M4 2 * round */
};

#define HETERO_REG32(addr) (*(volatile uint32_t *)(addr))

#endif
