/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the remote-protocol framing: the receive state machine
 * (checksums, escapes, acks, interrupts, resynchronisation, the size cap),
 * what the stub puts on the wire (checksums, escaping of binary data,
 * acks, no-ack mode, resends) and unknown packets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake.h"

static enum gdb_rx_event step_all(struct gdb_rx *rx, const char *in, size_t *used)
{
    const uint8_t *p = (const uint8_t *)in, *end = p + strlen(in);
    enum gdb_rx_event ev = gdb_rx_step(rx, &p, end);
    *used = (size_t)(p - (const uint8_t *)in);
    return ev;
}

static void test_rx_packet(void **state)
{
    struct gdb_rx rx;
    size_t used;
    (void)state;
    gdb_rx_init(&rx);
    assert_int_equal(step_all(&rx, "$g#67", &used), GDB_RX_PACKET);
    assert_int_equal(used, 5);
    assert_int_equal(rx.len, 1);
    assert_string_equal(rx.buf, "g");
    assert_int_equal(step_all(&rx, "$m1000,4#8e", &used), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "m1000,4");
    /* Upper-case checksum digits are hex too. */
    assert_int_equal(step_all(&rx, "$qC#B4", &used), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "qC");
    gdb_rx_free(&rx);
}

static void test_rx_bad_checksum(void **state)
{
    struct gdb_rx rx;
    size_t used;
    (void)state;
    gdb_rx_init(&rx);
    assert_int_equal(step_all(&rx, "$g#68", &used), GDB_RX_BAD_CSUM);
    assert_int_equal(step_all(&rx, "$g#6z", &used), GDB_RX_BAD_CSUM);
    /* A '$' where a checksum digit belongs starts the next packet. */
    assert_int_equal(step_all(&rx, "$g#$g#67", &used), GDB_RX_BAD_CSUM);
    assert_int_equal(used, 4);
    assert_int_equal(step_all(&rx, "g#67", &used), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "g");
    gdb_rx_free(&rx);
}

static void test_rx_escapes(void **state)
{
    struct gdb_rx rx;
    size_t used;
    char in[64];
    /* "X0,4:" then '#', '$', '}', '*' escaped; the checksum covers the raw bytes. */
    const char raw[] = "X0,4:}\x03}\x04}]}\x0a";
    unsigned sum = 0;
    (void)state;
    for (const char *p = raw; *p; p++)
        sum += (unsigned char)*p;
    snprintf(in, sizeof(in), "$%s#%02x", raw, sum & 0xff);
    gdb_rx_init(&rx);
    assert_int_equal(step_all(&rx, in, &used), GDB_RX_PACKET);
    assert_int_equal(rx.len, 9);
    assert_memory_equal(rx.buf, "X0,4:#$}*", 9);
    gdb_rx_free(&rx);
}

static void test_rx_acks_and_interrupt(void **state)
{
    struct gdb_rx rx;
    size_t used;
    (void)state;
    gdb_rx_init(&rx);
    assert_int_equal(step_all(&rx, "+", &used), GDB_RX_ACK);
    assert_int_equal(step_all(&rx, "-", &used), GDB_RX_NACK);
    assert_int_equal(step_all(&rx, "\x03", &used), GDB_RX_INTERRUPT);
    /* Noise between packets is skipped; 0x03 inside a packet is data. */
    assert_int_equal(step_all(&rx, "xyz\r\n", &used), GDB_RX_NONE);
    assert_int_equal(used, 5);
    assert_int_equal(step_all(&rx, "$\x03#03", &used), GDB_RX_PACKET);
    assert_int_equal(rx.len, 1);
    assert_int_equal(rx.buf[0], 3);
    gdb_rx_free(&rx);
}

static void test_rx_empty_and_resync(void **state)
{
    struct gdb_rx rx;
    size_t used;
    (void)state;
    gdb_rx_init(&rx);
    assert_int_equal(step_all(&rx, "$#00", &used), GDB_RX_PACKET);
    assert_int_equal(rx.len, 0);
    assert_string_equal(rx.buf, "");
    /* A '$' inside a packet abandons the partial one. */
    assert_int_equal(step_all(&rx, "$qSupp$g#67", &used), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "g");
    gdb_rx_free(&rx);
}

static void test_rx_byte_at_a_time(void **state)
{
    struct gdb_rx rx;
    const char in[] = "+$vCont;c:p1.-1#0f";
    unsigned sum = 0;
    int packets = 0, acks = 0;
    (void)state;
    for (const char *p = "vCont;c:p1.-1"; *p; p++)
        sum += (unsigned char)*p;
    assert_int_equal(sum & 0xff, 0x0f);
    gdb_rx_init(&rx);
    for (size_t i = 0; i < strlen(in); i++) {
        const uint8_t *p = (const uint8_t *)in + i;
        enum gdb_rx_event ev = gdb_rx_step(&rx, &p, p + 1);
        packets += ev == GDB_RX_PACKET;
        acks += ev == GDB_RX_ACK;
    }
    assert_int_equal(packets, 1);
    assert_int_equal(acks, 1);
    assert_string_equal(rx.buf, "vCont;c:p1.-1");
    gdb_rx_free(&rx);
}

static void test_rx_too_long(void **state)
{
    struct gdb_rx rx;
    size_t n = GDB_RX_CAP + 100, used;
    char *in = malloc(n + 16);
    (void)state;
    assert_non_null(in);
    in[0] = '$';
    memset(in + 1, 'a', n);
    strcpy(in + 1 + n, "#00$g#67");
    gdb_rx_init(&rx);
    assert_int_equal(step_all(&rx, in, &used), GDB_RX_TOO_LONG);
    assert_true(rx.cap <= GDB_RX_CAP);
    assert_int_equal(step_all(&rx, in + used, &used), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "g");
    /* A packet just under the cap is accepted. */
    in[0] = '$';
    memset(in + 1, 'a', GDB_RX_CAP - 2);
    unsigned sum = (unsigned)'a' * (GDB_RX_CAP - 2);
    snprintf(in + GDB_RX_CAP - 1, 8, "#%02x", sum & 0xff);
    assert_int_equal(step_all(&rx, in, &used), GDB_RX_PACKET);
    assert_int_equal(rx.len, GDB_RX_CAP - 2);
    gdb_rx_free(&rx);
    free(in);
}

static void setup_board(void)
{
    static const unsigned ncpus[] = {2, 1};
    fake_reset(2, ncpus);
}

static void test_wire_ack_mode(void **state)
{
    struct fake_link l;
    (void)state;
    setup_board();
    fake_connect(&l);
    fake_send(&l, "qC");
    assert_string_equal(fake_raw(&l), "+$QCp1.1#94");
    /* A bad checksum is refused with '-' and not executed. */
    fake_feed(&l, "$qC#00", 6);
    assert_string_equal(fake_raw(&l), "-");
    /* '-' from gdb: the last packet is sent again. */
    fake_send(&l, "qC");
    fake_raw(&l);
    fake_feed(&l, "-", 1);
    assert_string_equal(fake_raw(&l), "$QCp1.1#94");
    fake_feed(&l, "+", 1);
    assert_string_equal(fake_raw(&l), "");
    fake_disconnect(&l);
}

static void test_wire_noack(void **state)
{
    struct fake_link l;
    (void)state;
    setup_board();
    fake_connect(&l);
    fake_send(&l, "QStartNoAckMode");
    /* The OK itself is still acknowledged. */
    assert_string_equal(fake_raw(&l), "+$OK#9a");
    fake_feed(&l, "+", 1); /* gdb's ack of the OK is ignored */
    fake_send(&l, "qC");
    assert_string_equal(fake_raw(&l), "$QCp1.1#94");
    /* Without acks a bad packet gets an error reply, never silence. */
    fake_feed(&l, "$qC#00", 6);
    assert_string_equal(fake_next(&l), "E.bad checksum");
    /* A nack is meaningless now: nothing is resent. */
    fake_feed(&l, "-", 1);
    assert_string_equal(fake_raw(&l), "");
    fake_disconnect(&l);
}

static void test_wire_unknown_packets(void **state)
{
    /* clang-format off */
    static const char *const unknown[] = {"bc", "bs", "qCRC:0,4", "vFile:open:6a,0,0",
                                          "QNonStop:1", "qTStatus", "vMustReplyEmpty", "Y",
                                          "", "qSupportedX", "vContX", "qXfer",
        /* clang-format on */
        "qXfer:libraries:read::0,100", "qXfer:features:write:target.xml:0:aa"};
    struct fake_link l;
    (void)state;
    setup_board();
    fake_connect_noack(&l);
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        fake_send(&l, unknown[i]);
        assert_string_equal(fake_raw(&l), "$#00");
    }
    fake_disconnect(&l);
}

static void test_wire_too_long(void **state)
{
    struct fake_link l;
    size_t n = GDB_RX_CAP + 1;
    char *big = malloc(n + 1);
    (void)state;
    assert_non_null(big);
    memset(big, '0', n);
    big[0] = 'M';
    big[n] = '\0';
    setup_board();
    fake_connect(&l);
    fake_send(&l, big);
    assert_string_equal(fake_raw(&l), "+$E.packet too long#2d");
    fake_disconnect(&l);
    free(big);
}

static void test_wire_binary_escapes(void **state)
{
    struct fake_link l;
    const uint8_t data[] = {'a', '$', '#', '}', '*', 0, 0xff};
    const char want[] = "$la}\x04}\x03}]}\x0a\x00\xff";
    const size_t n = sizeof(want) - 1;
    unsigned sum = 0;
    char tail[4];
    (void)state;
    setup_board();
    fake_connect_noack(&l);
    gdb_send_binary(l.conn, "l", data, sizeof(data));
    assert_int_equal(l.out_len, n + 3);
    assert_memory_equal(l.out, want, n);
    for (size_t i = 1; i < n; i++)
        sum += (unsigned char)want[i];
    snprintf(tail, sizeof(tail), "#%02x", sum & 0xff);
    assert_memory_equal(l.out + n, tail, 3);
    /* Decoded again, it is the data. */
    const char *p = fake_next(&l);
    assert_memory_equal(p, "la$#}*", 6);
    fake_disconnect(&l);
}

static void test_wire_binary_write(void **state)
{
    struct fake_link l;
    char in[64];
    const char raw[] = "X1000,5:}\x03}\x04}]}\x0a\x00";
    unsigned sum = 0;
    (void)state;
    setup_board();
    fake_connect_noack(&l);
    for (size_t i = 0; i < sizeof(raw) - 1; i++)
        sum += (unsigned char)raw[i];
    in[0] = '$';
    memcpy(in + 1, raw, sizeof(raw) - 1);
    snprintf(in + sizeof(raw), 8, "#%02x", sum & 0xff);
    fake_feed(&l, in, sizeof(raw) + 3);
    assert_string_equal(fake_next(&l), "OK");
    assert_memory_equal(fake.cl[0].ram, "#$}*\0", 5);
    fake_disconnect(&l);
}

static void test_wire_console(void **state)
{
    struct fake_link l;
    (void)state;
    setup_board();
    fake_connect_noack(&l);
    gdb_send_console(l.conn, "hi\n");
    assert_string_equal(fake_next(&l), "O68690a");
    /* Output longer than a packet is split. */
    size_t n = GDB_PACKET_SIZE;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, 'x', n);
    big[n] = '\0';
    gdb_send_console(l.conn, big);
    size_t total = 0;
    for (const char *p; (p = fake_next(&l));) {
        assert_int_equal(p[0], 'O');
        assert_true(strlen(p) < GDB_PACKET_SIZE);
        total += (strlen(p) - 1) / 2;
    }
    assert_int_equal(total, n);
    free(big);
    fake_disconnect(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rx_packet),           cmocka_unit_test(test_rx_bad_checksum),
        cmocka_unit_test(test_rx_escapes),          cmocka_unit_test(test_rx_acks_and_interrupt),
        cmocka_unit_test(test_rx_empty_and_resync), cmocka_unit_test(test_rx_byte_at_a_time),
        cmocka_unit_test(test_rx_too_long),         cmocka_unit_test(test_wire_ack_mode),
        cmocka_unit_test(test_wire_noack),          cmocka_unit_test(test_wire_unknown_packets),
        cmocka_unit_test(test_wire_too_long),       cmocka_unit_test(test_wire_binary_escapes),
        cmocka_unit_test(test_wire_binary_write),   cmocka_unit_test(test_wire_console),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
