/* SPDX-License-Identifier: MIT */
/*
 * Application firmware of the rv-m4-amp gdb tests (RV64IMAC, 2 harts, on
 * start.S and fw.ld like app.c). Hart 0 releases the Cortex-M4 from reset
 * through the system controller, waits until it says it is up, then runs
 * HETERO_ROUNDS rounds: a request in shared SRAM, its turn written, the
 * mailbox doorbell rung, the M4's reply awaited and checked. It ends the
 * run through the test finisher: exit code 0 when every reply was right.
 * Hart 1 counts app_ticks forever, so a test sees whether it is held.
 * Plain C at -O0 -g, for gdb to break, step and watch in.
 */
#include "fw.h"
#include "hetero_shared.h"

#define APP_UART ((uintptr_t)0x10000000)
#define APP_SHARED ((volatile struct hetero_shared *)HETERO_APP_SHARED)

volatile uint64_t app_ticks;
volatile uint32_t app_round;
volatile uint32_t app_failures;

static void app_release_m4(void)
{
    HETERO_REG32(HETERO_SYSCTL_BOOTADDR) = 0x0; /* the M4's vector table */
    HETERO_REG32(HETERO_SYSCTL_CTRL) = HETERO_SYSCTL_CTRL_RUN;
}

/* Hand the M4 @value for round @round and ring mailbox channel 0. */
static void app_send_request(uint32_t round, uint32_t value)
{
    APP_SHARED->request = value;
    APP_SHARED->turn = 2 * round - 1;
    __asm__ volatile("fence rw, rw" ::: "memory");
    HETERO_REG32(HETERO_APP_MBOX + HETERO_MBOX_DATA) = round;
    HETERO_REG32(HETERO_APP_MBOX + HETERO_MBOX_DOORBELL) = 1;
    app_round = round;
}

static uint32_t app_expected(uint32_t value)
{
    return value > HETERO_LIMIT ? HETERO_LIMIT : value;
}

static void app_check_reply(uint32_t round, uint32_t value)
{
    while (APP_SHARED->round != round)
        ;
    if (APP_SHARED->reply != app_expected(value) || APP_SHARED->turn != 2 * round)
        app_failures++;
}

static void app_main(void)
{
    static const uint32_t values[HETERO_ROUNDS] = {42, 250, 100};

    fw_puts(APP_UART, "hetero app: releasing the M4\n");
    app_release_m4();
    while (!APP_SHARED->m4_ready)
        ;
    for (uint32_t round = 1; round <= HETERO_ROUNDS; round++) {
        app_send_request(round, values[round - 1]);
        app_check_reply(round, values[round - 1]);
    }
    fw_puts(APP_UART, app_failures ? "hetero app: fail\n" : "hetero app: pass\n");
    fw_exit(app_failures);
}

static void app_secondary(void)
{
    for (;;)
        app_ticks++;
}

void fw_main(unsigned long hartid)
{
    if (hartid != 0)
        app_secondary();
    app_main();
}
