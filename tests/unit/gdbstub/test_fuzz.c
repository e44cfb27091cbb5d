/* SPDX-License-Identifier: MIT */
/*
 * Random input through the whole stub (framing and every handler) against
 * the fake board, from a fixed seed so a failure repeats: raw line noise,
 * and well-framed packets built from real packet names with random
 * arguments, mixed with stop events and interrupts. The stub must never
 * crash, hang or put a malformed packet on the wire, and its current
 * thread must always name a real thread. Run it under the sanitizer build
 * too (configure --enable-sanitizers).
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

#include "fake.h"
#include "tests/unit/common/capture.h"

static uint64_t rng_state;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

/* clang-format off */
static const char *const names[] = {
    "?", "!", "g", "G", "p", "P", "m", "M", "X", "Z", "z", "H", "Hg", "Hc", "T", "c", "C",
    "s", "S", "D", "D;", "k", "vCont;", "vCont?", "vAttach;", "vKill;", "vRun;", "qC",
    "qAttached:", "qfThreadInfo", "qsThreadInfo", "qRcmd,", "qSupported:",
    "qXfer:features:read:", "qXfer:features:read:target.xml:", "qXfer:threads:read::",
    "qXfer:exec-file:read:", "qXfer:memory-map:read::", "qXfer:", "QStartNoAckMode",
    "Hgp", "vCont;c:p", "vCont;s:p", "vCont;C", "Z0,", "Z2,", "z1,", "m1000,", "M1000,",
    "X1000,", "p1", "P0=", "bc", "bs",
};
/* clang-format on */

/* Argument characters weighted towards what parsers look at. */
static char arg_char(void)
{
    static const char alphabet[] = "0123456789abcdefABCDEF,:;.-p=xlmtcsCS+*#$}";
    if (rng() % 16 == 0)
        return (char)(rng() & 0xff);
    return alphabet[rng() % (sizeof(alphabet) - 1)];
}

static void send_framed(struct fake_link *l, const char *data, size_t len)
{
    char *frame = malloc(len + 5);
    unsigned sum = 0;
    assert_non_null(frame);
    frame[0] = '$';
    memcpy(frame + 1, data, len);
    for (size_t i = 0; i < len; i++)
        sum += (unsigned char)data[i];
    snprintf(frame + 1 + len, 4, "#%02x", sum & 0xff);
    if (rng() % 50 == 0)
        frame[len + 2] ^= 1; /* now and then a bad checksum */
    fake_feed(l, frame, len + 4);
    free(frame);
}

static void random_packet(struct fake_link *l)
{
    char buf[512];
    const char *name = names[rng() % (sizeof(names) / sizeof(names[0]))];
    size_t n = strlen(name), extra = rng() % 40;
    if (rng() % 100 == 0)
        extra = sizeof(buf) - n - 1;
    memcpy(buf, name, n);
    for (size_t i = 0; i < extra; i++)
        buf[n + i] = arg_char();
    send_framed(l, buf, n + extra);
}

static void random_noise(struct fake_link *l)
{
    uint8_t buf[256];
    size_t n = rng() % sizeof(buf);
    for (size_t i = 0; i < n; i++)
        buf[i] = rng() % 4 ? (uint8_t) "$#}+-\x03g0"[rng() % 8] : (uint8_t)rng();
    fake_feed(l, buf, n);
}

static void random_event(void)
{
    struct gdb_stop ev = {
        .cl = rng() % fake.ncl,
        .reason = (enum stop_reason)(1 + rng() % STOP_EXITED),
        .signal = (int)(rng() % 32),
        .bp = (enum bp_kind)(rng() % 2),
        .wp = (enum wp_kind)(1 + rng() % 3),
        .addr = rng(),
        .exit_code = (int)rng(),
    };
    ev.cpu = rng() % fake.cl[ev.cl].ncpus;
    if (rng() % 8 == 0 && ev.reason == STOP_EXITED)
        return; /* keep exits rare enough that the board runs at all */
    fake_stop_event(&ev);
}

static void check_invariants(struct fake_link *l)
{
    /* Every byte out is an ack or a well-formed packet (fake_next checks). */
    while (fake_next(l))
        ;
    assert_int_equal(l->out_len, 0);
    struct gdb_conn *c = l->conn;
    assert_true(c->cur.pid >= 1 && (unsigned)c->cur.pid <= fake.ncl);
    assert_true(c->cur.tid >= 1 && (unsigned)c->cur.tid <= fake.cl[c->cur.pid - 1].ncpus);
    if (c->running)
        assert_true(c->focus.pid >= 1 && (unsigned)c->focus.pid <= fake.ncl);
}

static void fuzz_run(uint64_t seed, unsigned rounds)
{
    static const unsigned ncpus[] = {2, 1, 3};
    struct fake_link l;
    /* Bad packets are logged by the thousand: keep them off the test log. */
    capture_discard(STDERR_FILENO);
    rng_state = seed;
    fake_reset(3, ncpus);
    fake.cl[0].exec_file = "/x/app.elf";
    fake.cl[2].no_tdesc = true;
    fake_connect(&l);
    for (unsigned i = 0; i < rounds; i++) {
        unsigned what = rng() % 100;
        if (what < 70)
            random_packet(&l);
        else if (what < 85)
            random_noise(&l);
        else if (what < 95)
            random_event();
        else
            fake.cl[rng() % 3].cpus[0].off ^= true;
        check_invariants(&l);
        if (rng() % 2000 == 0) { /* gdb goes and comes back */
            fake_drop(&l);
            fake_reconnect_noack(&l);
        }
    }
    fake_disconnect(&l);
    capture_end();
}

static void test_fuzz_seed1(void **state)
{
    (void)state;
    fuzz_run(0x9e3779b97f4a7c15ull, 100000);
}

static void test_fuzz_seed2(void **state)
{
    (void)state;
    fuzz_run(0x0123456789abcdefull, 100000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fuzz_seed1),
        cmocka_unit_test(test_fuzz_seed2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
