/* SPDX-License-Identifier: MIT */
/*
 * The 16550 UART driven through its registers: transmit to a file, line
 * and interrupt status, divisor latch, loopback and overrun, receive from
 * a unix socket with flow control, the interrupt line, access widths, and
 * the "auto" backends (stdio for the first UART, stdout for the others).
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

enum {
    RBR = 0,
    THR = 0,
    DLL = 0,
    IER = 1,
    DLM = 1,
    IIR = 2,
    FCR = 2,
    LCR = 3,
    MCR = 4,
    LSR = 5,
    MSR = 6,
    SCR = 7
};

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

/* A board with one UART on @chardev_kind ("file" or "unix") wired to cpu0.meip. */
static struct uart_fixture *uart_board(const char *chardev_kind, const char *extra)
{
    struct uart_fixture *f = calloc(1, sizeof(*f));
    char *xml = NULL;

    f->dir = tmpdir_new();
    assert_true(asprintf(&f->out, "%s/tx.txt", f->dir) > 0);
    assert_true(asprintf(&f->sock, "%s/uart.sock", f->dir) > 0);
    assert_true(asprintf(&xml,
                         "<board name=\"u\">\n"
                         "  <cluster name=\"app\" arch=\"riscv\"/>\n"
                         "  <device name=\"uart0\" type=\"ns16550\" base=\"0x10000000\""
                         " chardev=\"%s:%s\" %s/>\n"
                         "  <irq from=\"uart0.irq[0]\" to=\"app/cpu0.meip\"/>\n"
                         "</board>\n",
                         chardev_kind, strcmp(chardev_kind, "file") ? f->sock : f->out, extra) > 0);
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

    assert_int_equal(support_mmio_read(f->m, "/uart0", reg, 1, &v), MEM_OK);
    return v;
}

static void wr(struct uart_fixture *f, unsigned reg, uint64_t v)
{
    assert_int_equal(support_mmio_write(f->m, "/uart0", reg, 1, v), MEM_OK);
}

static int irq(struct uart_fixture *f)
{
    return toy_cpu_at(f->m, "/app", 0)->level[TOY_MEIP];
}

static void test_transmit_to_file(void **state)
{
    struct uart_fixture *f = uart_board("file", "");
    char *text;

    (void)state;
    for (const char *s = "hello\n"; *s; s++)
        wr(f, THR, (uint8_t)*s);
    text = tmpdir_read(f->out);
    assert_string_equal(text, "hello\n");
    free(text);
    uart_free(f);
}

static void test_reset_state(void **state)
{
    struct uart_fixture *f = uart_board("file", "");

    (void)state;
    assert_int_equal(rd(f, LSR), 0x60); /* THRE | TEMT */
    assert_int_equal(rd(f, IIR), 0x01); /* nothing pending, FIFOs off */
    assert_int_equal(rd(f, IER), 0);
    assert_int_equal(rd(f, LCR), 0);
    assert_int_equal(rd(f, MSR), 0xb0); /* DCD | DSR | CTS */
    wr(f, FCR, 0x01);
    assert_int_equal(rd(f, IIR), 0xc1);
    wr(f, SCR, 0x5a);
    assert_int_equal(rd(f, SCR), 0x5a);
    uart_free(f);
}

static void test_divisor_latch(void **state)
{
    struct uart_fixture *f = uart_board("file", "");
    char *text;

    (void)state;
    wr(f, LCR, 0x83);
    wr(f, DLL, 0x0c);
    wr(f, DLM, 0x01);
    assert_int_equal(rd(f, DLL), 0x0c);
    assert_int_equal(rd(f, DLM), 0x01);
    wr(f, LCR, 0x03);
    assert_int_equal(rd(f, LCR), 0x03);
    assert_int_equal(rd(f, IER), 0);
    wr(f, THR, 'x');
    text = tmpdir_read(f->out);
    assert_string_equal(text, "x"); /* the divisor writes did not transmit */
    free(text);
    uart_free(f);
}

static void test_thr_empty_interrupt(void **state)
{
    struct uart_fixture *f = uart_board("file", "");

    (void)state;
    assert_int_equal(irq(f), 0);
    wr(f, IER, 0x02);
    assert_int_equal(irq(f), 1);
    assert_int_equal(rd(f, IIR), 0x02);
    assert_int_equal(irq(f), 0); /* reading IIR acknowledged it */
    assert_int_equal(rd(f, IIR), 0x01);
    wr(f, THR, 'a');
    assert_int_equal(irq(f), 1);
    wr(f, IER, 0);
    assert_int_equal(irq(f), 0);
    uart_free(f);
}

static void test_loopback_and_overrun(void **state)
{
    struct uart_fixture *f = uart_board("file", "");
    char *text;

    (void)state;
    wr(f, MCR, 0x1f);
    assert_int_equal(rd(f, MSR), 0xf0);
    wr(f, MCR, 0x12); /* loop + RTS: CTS only */
    assert_int_equal(rd(f, MSR), 0x10);
    wr(f, IER, 0x05);
    wr(f, THR, 'A');
    assert_int_equal(rd(f, LSR), 0x61);
    assert_int_equal(irq(f), 1);
    assert_int_equal(rd(f, IIR), 0x04);
    /* FIFOs off: one byte of room, the second overruns. */
    wr(f, THR, 'B');
    assert_int_equal(rd(f, IIR), 0x06);
    assert_int_equal(rd(f, LSR), 0x63);
    assert_int_equal(rd(f, LSR), 0x61); /* OE clears on read */
    assert_int_equal(rd(f, RBR), 'A');
    assert_int_equal(rd(f, LSR), 0x60);
    assert_int_equal(irq(f), 0);
    /* FIFOs on: 16 bytes fit; trigger level 4 decides RDA vs timeout. */
    wr(f, FCR, 0x41);
    wr(f, THR, '1');
    assert_int_equal(rd(f, IIR), 0xcc);
    for (const char *s = "234"; *s; s++)
        wr(f, THR, (uint8_t)*s);
    assert_int_equal(rd(f, IIR), 0xc4);
    assert_int_equal(rd(f, RBR), '1');
    wr(f, FCR, 0x43); /* clear RX */
    assert_int_equal(rd(f, LSR), 0x60);
    text = tmpdir_read(f->out);
    assert_string_equal(text, ""); /* loopback sends nothing out */
    free(text);
    uart_free(f);
}

static void poll_for_data(struct uart_fixture *f)
{
    for (int i = 0; i < 50 && !(rd(f, LSR) & 1); i++)
        event_poll(20);
}

static void test_receive_from_socket(void **state)
{
    struct uart_fixture *f = uart_board("unix", "");
    char buf[8];
    int client;

    (void)state;
    client = tmpdir_connect(f->sock);
    event_poll(100);
    wr(f, IER, 0x01);
    assert_int_equal(write(client, "xyz", 3), 3);
    /* FIFOs off: the bytes come one at a time as the guest reads them. */
    for (const char *s = "xyz"; *s; s++) {
        poll_for_data(f);
        assert_int_equal(irq(f), 1);
        assert_int_equal(rd(f, IIR), 0x04);
        assert_int_equal(rd(f, RBR), (uint8_t)*s);
        assert_int_equal(irq(f), 0);
        event_poll(0);
    }
    /* FIFOs on with trigger 1: all arrive together. */
    wr(f, FCR, 0x01);
    assert_int_equal(write(client, "0123", 4), 4);
    for (int i = 0; i < 50 && rd(f, IIR) != 0xc4; i++)
        event_poll(20);
    for (const char *s = "0123"; *s; s++)
        assert_int_equal(rd(f, RBR), (uint8_t)*s);
    /* Output goes to the client. */
    wr(f, THR, '!');
    assert_int_equal(read(client, buf, sizeof(buf)), 1);
    assert_int_equal(buf[0], '!');
    close(client);
    uart_free(f);
}

static void test_access_width(void **state)
{
    struct uart_fixture *f = uart_board("file", "");
    struct uart_fixture *g;
    uint64_t v;

    (void)state;
    assert_int_equal(support_mmio_read(f->m, "/uart0", LSR, 4, &v), MEM_DEVICE_ERROR);
    uart_free(f);
    g = uart_board("file", "reg-shift=\"2\" reg-io-width=\"4\"");
    assert_int_equal(support_mmio_read(g->m, "/uart0", LSR << 2, 4, &v), MEM_OK);
    assert_int_equal(v, 0x60);
    assert_int_equal(support_mmio_read(g->m, "/uart0", (LSR << 2) + 1, 1, &v), MEM_OK);
    assert_int_equal(v, 0);
    assert_int_equal(support_mmio_write(g->m, "/uart0", SCR << 2, 4, 0x1234), MEM_OK);
    assert_int_equal(support_mmio_read(g->m, "/uart0", SCR << 2, 1, &v), MEM_OK);
    assert_int_equal(v, 0x34);
    assert_int_equal(((struct sysbus *)object_resolve(OBJECT(g->m), "/uart0"))->region->size, 32);
    uart_free(g);
}

static void test_bad_geometry(void **state)
{
    struct machine *m = support_load("<board name=\"u\"><cluster name=\"app\" arch=\"riscv\"/>"
                                     "<device name=\"uart0\" type=\"ns16550\" base=\"0\" "
                                     "reg-io-width=\"4\" chardev=\"null\"/></board>",
                                     NULL);
    const char *err;

    (void)state;
    assert_non_null(m);
    capture_begin(STDERR_FILENO);
    assert_int_not_equal(machine_realize(m), 0);
    err = capture_end();
    assert_non_null(strstr(err, "/uart0.reg-io-width: 4 must be 1, 2 or 4 and at most "
                                "1 << reg-shift\n"));
    machine_free(m);
}

/* "auto": the first UART reads stdin and both write to stdout. */
static void test_auto_backends(void **state)
{
    int saved_in = dup(STDIN_FILENO), p[2];
    struct machine *m;
    uint64_t v;

    (void)state;
    assert_int_equal(pipe(p), 0);
    dup2(p[0], STDIN_FILENO);
    close(p[0]);
    capture_begin(STDOUT_FILENO);
    m = support_load("<board name=\"u\"><cluster name=\"app\" arch=\"riscv\"/>"
                     "<device name=\"uart0\" type=\"ns16550\" base=\"0x1000\"/>"
                     "<device name=\"uart1\" type=\"ns16550\" base=\"0x2000\"/></board>",
                     NULL);
    assert_int_equal(machine_realize(m), 0);
    assert_int_equal(write(p[1], "k", 1), 1);
    for (int i = 0; i < 50 && event_poll(20) == 0; i++)
        ;
    assert_int_equal(support_mmio_read(m, "/uart0", LSR, 1, &v), MEM_OK);
    assert_int_equal(v, 0x61);
    assert_int_equal(support_mmio_read(m, "/uart1", LSR, 1, &v), MEM_OK);
    assert_int_equal(v, 0x60);
    support_mmio_write(m, "/uart0", THR, 1, 'a');
    support_mmio_write(m, "/uart1", THR, 1, 'b');
    support_mmio_write(m, "/uart0", THR, 1, 'c');
    close(p[1]);
    event_poll(100);
    assert_int_equal(event_input_sources(), 0); /* stdin at EOF is dropped */
    machine_free(m);
    dup2(saved_in, STDIN_FILENO);
    close(saved_in);
    assert_string_equal(capture_end(), "abc");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transmit_to_file),     cmocka_unit_test(test_reset_state),
        cmocka_unit_test(test_divisor_latch),        cmocka_unit_test(test_thr_empty_interrupt),
        cmocka_unit_test(test_loopback_and_overrun), cmocka_unit_test(test_receive_from_socket),
        cmocka_unit_test(test_access_width),         cmocka_unit_test(test_bad_geometry),
        cmocka_unit_test(test_auto_backends),
    };

    return cmocka_run_group_tests_name("ns16550", tests, setup, NULL);
}
