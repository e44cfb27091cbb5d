/* SPDX-License-Identifier: MIT */
/*
 * The CMSDK APB UART driven through its registers: reset values and ID
 * registers, transmit to a file (and holding a byte while the transmitter
 * is off), the TX interrupt and INTCLEAR, TX overrun and its interrupt,
 * receive from a unix socket with the RX interrupt and one-byte flow
 * control, byte accesses, and the "auto" backend choice beside a 16550.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "boards/board.h"
#include "engine/io/event.h"
#include "engine/machine/machine.h"
#include "tests/unit/boards/support.h"

enum { DATA = 0x0, STATE = 0x4, CTRL = 0x8, INTSTATUS = 0xc, INTCLEAR = 0xc, BAUDDIV = 0x10 };

#define TXEN 0x01
#define RXEN 0x02
#define TXIE 0x04
#define RXIE 0x08
#define TXOVRIE 0x10

struct uart_fixture {
    char *dir;
    char *out;  /* file the UART transmits to */
    char *sock; /* unix socket path */
    struct machine *m;
};

static int setup(void **state)
{
    (void)state;
    support_init();
    return 0;
}

/* One UART on @kind ("file" or "unix"); its lines drive the stand-in harts:
 * txint -> cpu0.msip, rxint -> cpu0.mtip, uartint -> cpu0.meip,
 * txovrint -> cpu1.msip, rxovrint -> cpu1.mtip. */
static struct uart_fixture *uart_board(const char *kind)
{
    struct uart_fixture *f = calloc(1, sizeof(*f));
    char *xml = NULL;

    f->dir = tmpdir_new();
    assert_true(asprintf(&f->out, "%s/tx.txt", f->dir) > 0);
    assert_true(asprintf(&f->sock, "%s/uart.sock", f->dir) > 0);
    assert_true(asprintf(&xml,
                         "<board name=\"u\">\n"
                         "  <cluster name=\"app\" arch=\"riscv\" cpus=\"2\"/>\n"
                         "  <device name=\"uart0\" type=\"cmsdk-apb-uart\" base=\"0x40004000\""
                         " chardev=\"%s:%s\"/>\n"
                         "  <irq from=\"uart0.txint\" to=\"app/cpu0.msip\"/>\n"
                         "  <irq from=\"uart0.rxint\" to=\"app/cpu0.mtip\"/>\n"
                         "  <irq from=\"uart0.uartint\" to=\"app/cpu0.meip\"/>\n"
                         "  <irq from=\"uart0.txovrint\" to=\"app/cpu1.msip\"/>\n"
                         "  <irq from=\"uart0.rxovrint\" to=\"app/cpu1.mtip\"/>\n"
                         "</board>\n",
                         kind, strcmp(kind, "file") ? f->sock : f->out) > 0);
    f->m = support_load(xml, NULL);
    free(xml);
    assert_non_null(f->m);
    assert_int_equal(machine_realize(f->m), 0);
    machine_reset(f->m);
    return f;
}

static void uart_free(struct uart_fixture *f)
{
    machine_free(f->m);
    tmpdir_remove(f->dir);
    free(f->out);
    free(f->sock);
    free(f);
}

static uint64_t rd(struct uart_fixture *f, unsigned reg)
{
    uint64_t v = 0xdead;

    assert_int_equal(support_mmio_read(f->m, "/uart0", reg, 4, &v), MEM_OK);
    return v;
}

static void wr(struct uart_fixture *f, unsigned reg, uint64_t v)
{
    assert_int_equal(support_mmio_write(f->m, "/uart0", reg, 4, v), MEM_OK);
}

static void put_string(struct uart_fixture *f, const char *s)
{
    while (*s)
        wr(f, DATA, (uint8_t)*s++);
}

static void assert_output(struct uart_fixture *f, const char *want)
{
    char *text = tmpdir_read(f->out);

    assert_string_equal(text, want);
    free(text);
}

static void test_reset_and_id(void **state)
{
    struct uart_fixture *f = uart_board("file");
    static const uint8_t id[12] = {0x04, 0, 0, 0, 0x21, 0xb8, 0x1b, 0, 0x0d, 0xf0, 0x05, 0xb1};

    (void)state;
    assert_int_equal(rd(f, STATE), 0);
    assert_int_equal(rd(f, CTRL), 0);
    assert_int_equal(rd(f, INTSTATUS), 0);
    assert_int_equal(rd(f, BAUDDIV), 0);
    for (unsigned i = 0; i < 12; i++)
        assert_int_equal(rd(f, 0xfd0 + 4 * i), id[i]);
    wr(f, BAUDDIV, 0xfff123456);
    assert_int_equal(rd(f, BAUDDIV), 0x23456); /* 20 bits */
    wr(f, CTRL, 0xff);
    assert_int_equal(rd(f, CTRL), 0x7f);
    wr(f, 0xfe0, 0x55); /* ID registers are read-only */
    assert_int_equal(rd(f, 0xfe0), 0x21);
    assert_int_equal(rd(f, 0x100), 0); /* reserved */
    wr(f, BAUDDIV, 16);
    machine_reset(f->m);
    assert_int_equal(rd(f, BAUDDIV), 0);
    assert_int_equal(rd(f, CTRL), 0);
    uart_free(f);
}

static void test_transmit(void **state)
{
    struct uart_fixture *f = uart_board("file");

    (void)state;
    wr(f, BAUDDIV, 16);
    wr(f, CTRL, TXEN);
    put_string(f, "hello\n");
    assert_output(f, "hello\n");
    assert_int_equal(rd(f, STATE), 0); /* TXFULL never stays set */
    /* Transmitter off: the byte waits in the buffer until it is enabled. */
    wr(f, CTRL, 0);
    wr(f, DATA, 'x');
    assert_int_equal(rd(f, STATE), 0x1);
    assert_output(f, "hello\n");
    wr(f, CTRL, TXEN);
    assert_int_equal(rd(f, STATE), 0);
    assert_output(f, "hello\nx");
    /* A byte access to DATA sends that byte. */
    assert_int_equal(support_mmio_write(f->m, "/uart0", DATA, 1, 'y'), MEM_OK);
    assert_output(f, "hello\nxy");
    uart_free(f);
}

static void test_tx_interrupt(void **state)
{
    struct uart_fixture *f = uart_board("file");

    (void)state;
    wr(f, CTRL, TXEN | TXIE);
    /* Enabling does not raise it: the event is the buffer draining. */
    assert_int_equal(rd(f, INTSTATUS), 0);
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MSIP], 0);
    wr(f, DATA, 'a');
    assert_int_equal(rd(f, INTSTATUS), 0x1);
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MSIP], 1);
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MEIP], 1); /* combined */
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MTIP], 0);
    wr(f, INTCLEAR, 0x2); /* the RX bit: no effect on TX */
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MSIP], 1);
    wr(f, INTCLEAR, 0x1);
    assert_int_equal(rd(f, INTSTATUS), 0);
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MSIP], 0);
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MEIP], 0);
    /* Without TXIE nothing is latched. */
    wr(f, CTRL, TXEN);
    wr(f, DATA, 'b');
    assert_int_equal(rd(f, INTSTATUS), 0);
    assert_output(f, "ab");
    uart_free(f);
}

static void test_tx_overrun(void **state)
{
    struct uart_fixture *f = uart_board("file");

    (void)state;
    wr(f, CTRL, TXOVRIE); /* transmitter off, so the buffer fills */
    wr(f, DATA, '1');
    wr(f, DATA, '2');
    assert_int_equal(rd(f, STATE), 0x5); /* TXFULL | TX overrun */
    assert_int_equal(rd(f, INTSTATUS), 0x4);
    assert_int_equal(toy_cpu_at(f->m, "/app", 1)->level[TOY_MSIP], 1);
    assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MEIP], 1);
    /* The overrun interrupt follows its enable. */
    wr(f, CTRL, 0);
    assert_int_equal(rd(f, INTSTATUS), 0);
    assert_int_equal(toy_cpu_at(f->m, "/app", 1)->level[TOY_MSIP], 0);
    wr(f, CTRL, TXOVRIE);
    assert_int_equal(toy_cpu_at(f->m, "/app", 1)->level[TOY_MSIP], 1);
    /* Clearing the interrupt clears the STATE flag (write one to clear). */
    wr(f, INTCLEAR, 0x4);
    assert_int_equal(rd(f, STATE), 0x1);
    assert_int_equal(toy_cpu_at(f->m, "/app", 1)->level[TOY_MSIP], 0);
    wr(f, DATA, '3');
    assert_int_equal(rd(f, STATE), 0x5);
    wr(f, STATE, 0x3); /* TXFULL and RXFULL are read-only */
    assert_int_equal(rd(f, STATE), 0x5);
    wr(f, STATE, 0x4);
    assert_int_equal(rd(f, STATE), 0x1);
    /* The first byte was kept; the later ones were lost. */
    wr(f, CTRL, TXEN);
    assert_output(f, "1");
    uart_free(f);
}

static void poll_for_data(struct uart_fixture *f)
{
    for (int i = 0; i < 50 && !(rd(f, STATE) & 0x2); i++)
        event_poll(20);
}

static void test_receive(void **state)
{
    struct uart_fixture *f = uart_board("unix");
    char buf[4];
    int client;

    (void)state;
    client = tmpdir_connect(f->sock);
    event_poll(100);
    /* Receiver off: nothing is taken. */
    assert_int_equal(write(client, "pq", 2), 2);
    for (int i = 0; i < 5; i++)
        event_poll(20);
    assert_int_equal(rd(f, STATE), 0);
    wr(f, CTRL, RXEN | RXIE | TXEN);
    for (const char *s = "pq"; *s; s++) {
        poll_for_data(f);
        assert_int_equal(rd(f, STATE), 0x2);
        assert_int_equal(rd(f, INTSTATUS), 0x2);
        assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MTIP], 1);
        assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MEIP], 1);
        /* One byte at a time: the next waits until DATA is read. */
        event_poll(20);
        assert_int_equal(rd(f, DATA), (uint8_t)*s);
        assert_int_equal(rd(f, STATE), 0);
        assert_int_equal(rd(f, INTSTATUS), 0x2); /* latched until cleared */
        wr(f, INTCLEAR, 0x2);
        assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MTIP], 0);
        assert_int_equal(toy_cpu_at(f->m, "/app", 0)->level[TOY_MEIP], 0);
        event_poll(0);
    }
    assert_int_equal(toy_cpu_at(f->m, "/app", 1)->level[TOY_MTIP], 0); /* no RX overrun */
    wr(f, DATA, '!');
    assert_int_equal(read(client, buf, sizeof(buf)), 1);
    assert_int_equal(buf[0], '!');
    close(client);
    uart_free(f);
}

static void test_byte_access(void **state)
{
    struct uart_fixture *f = uart_board("file");
    uint64_t v;

    (void)state;
    wr(f, BAUDDIV, 0x12345);
    assert_int_equal(support_mmio_read(f->m, "/uart0", BAUDDIV + 1, 1, &v), MEM_OK);
    assert_int_equal(v, 0x23);
    assert_int_equal(support_mmio_read(f->m, "/uart0", BAUDDIV + 2, 2, &v), MEM_OK);
    assert_int_equal(v, 0x1);
    assert_int_equal(support_mmio_write(f->m, "/uart0", CTRL, 1, TXEN), MEM_OK);
    assert_int_equal(rd(f, CTRL), TXEN);
    uart_free(f);
}

/* "auto" counts UARTs of both types: after a 16550, this one is stdout. */
static void test_auto_backend(void **state)
{
    struct machine *m;

    (void)state;
    capture_begin(STDOUT_FILENO);
    m = support_load("<board name=\"u\"><cluster name=\"app\" arch=\"riscv\"/>"
                     "<device name=\"uart0\" type=\"ns16550\" base=\"0x1000\" chardev=\"null\"/>"
                     "<device name=\"uart1\" type=\"cmsdk-apb-uart\" base=\"0x2000\"/></board>",
                     NULL);
    assert_non_null(m);
    assert_int_equal(machine_realize(m), 0);
    support_mmio_write(m, "/uart1", CTRL, 4, TXEN);
    support_mmio_write(m, "/uart1", DATA, 4, 'z');
    assert_int_equal(event_input_sources(), 0); /* stdout: no input */
    machine_free(m);
    assert_string_equal(capture_end(), "z");
}

static void test_bad_chardev(void **state)
{
    struct machine *m = support_load("<board name=\"u\"><cluster name=\"app\" arch=\"riscv\"/>"
                                     "<device name=\"uart0\" type=\"cmsdk-apb-uart\" base=\"0\" "
                                     "chardev=\"bogus\"/></board>",
                                     NULL);
    const char *err;

    (void)state;
    assert_non_null(m);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_realize(m), 0);
    err = capture_end();
    assert_non_null(strstr(err, "/uart0.chardev: cannot open \"bogus\"\n"));
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reset_and_id), cmocka_unit_test(test_transmit),
        cmocka_unit_test(test_tx_interrupt), cmocka_unit_test(test_tx_overrun),
        cmocka_unit_test(test_receive),      cmocka_unit_test(test_byte_access),
        cmocka_unit_test(test_auto_backend), cmocka_unit_test(test_bad_chardev),
    };

    return cmocka_run_group_tests_name("cmsdk_uart", tests, setup, NULL);
}
