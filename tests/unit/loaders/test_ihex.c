/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the Intel HEX loader: linear and segmented addressing
 * (with the wrap rules of the specification), start records, and every
 * kind of malformed line, each reported with its line number and leaving
 * memory untouched.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "loaders/loader.h"
#include "tests/unit/common/capture.h"
#include "tests/unit/loaders/testutil.h"

/* Append one record with a correct checksum (plus @cs_delta) to @out. */
static void rec(char *out, unsigned type, unsigned offset, const uint8_t *data, unsigned len,
                int cs_delta)
{
    char *p = out + strlen(out);
    uint8_t sum = (uint8_t)(len + (offset >> 8) + offset + type);
    p += sprintf(p, ":%02X%04X%02X", len, offset & 0xffff, type);
    for (unsigned i = 0; i < len; i++) {
        p += sprintf(p, "%02X", data[i]);
        sum += data[i];
    }
    sprintf(p, "%02X\n", (uint8_t)(-sum + cs_delta));
}

static void rec_ulba(char *out, unsigned ulba)
{
    const uint8_t d[2] = {(uint8_t)(ulba >> 8), (uint8_t)ulba};
    rec(out, 4, 0, d, 2, 0);
}

static void rec_eof(char *out)
{
    strcat(out, ":00000001FF\n");
}

static const uint8_t bytes16[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                    0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
static const uint8_t four[4] = {0xde, 0xad, 0xbe, 0xef};

static int setup(void **state)
{
    *state = tu_board_new();
    return 0;
}

static int teardown(void **state)
{
    tu_board_free(*state);
    return 0;
}

static const char *write_hex(const char *text)
{
    return tu_write_file("fw.hex", text, strlen(text));
}

static const char *load_fails(struct tu_board *b, const char *text, int expect)
{
    const char *path = write_hex(text);
    struct load_result res;
    capture_begin(STDERR_FILENO);
    int err = loader_load(b->view, path, &tu_rv64, &res, NULL, NULL, NULL);
    const char *log = capture_end();
    assert_int_equal(err, expect);
    assert_true(tu_board_untouched(b));
    return log;
}

static void test_linear(void **state)
{
    struct tu_board *b = *state;
    char text[2048] = "";
    rec_ulba(text, 0x8000);
    rec(text, 0, 0x0000, bytes16, 16, 0);
    rec(text, 0, 0x0010, bytes16, 16, 0);
    strcat(text, "\r\n");
    /* Lower-case digits and a CRLF line end are fine too. */
    size_t at = strlen(text);
    rec(text, 0, 0x1000, four, 4, 0);
    for (char *p = text + at; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'F' ? *p + 32 : *p);
    strcpy(text + strlen(text) - 1, "\r\n");
    const uint8_t start[4] = {0x80, 0x00, 0x00, 0x10};
    rec(text, 5, 0, start, 4, 0);
    rec_eof(text);
    struct load_result res;
    assert_int_equal(loader_load(b->view, write_hex(text), &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_memory_equal(b->ram->host, bytes16, 16);
    assert_memory_equal(b->ram->host + 16, bytes16, 16);
    assert_int_equal(b->ram->host[32], 0xaa);
    assert_memory_equal(b->ram->host + 0x1000, four, 4);
    assert_int_equal(b->ram->host[0x1004], 0xaa);
    assert_true(res.has_entry);
    assert_int_equal(res.entry, 0x80000010);
    assert_int_equal(res.low, 0x80000000);
    assert_int_equal(res.high, 0x80001003);

    /* Linear offsets carry past 64 KiB: 0x8000fff8 runs on to 0x80010007. */
    text[0] = '\0';
    rec_ulba(text, 0x8000);
    rec(text, 0, 0xfff8, bytes16, 16, 0);
    rec_eof(text);
    assert_int_equal(loader_load(b->view, write_hex(text), &tu_rv64, &res, NULL, NULL, NULL), 0);
    assert_memory_equal(b->ram->host + 0xfff8, bytes16, 16);
    assert_false(res.has_entry);
    assert_int_equal(res.low, 0x8000fff8);
    assert_int_equal(res.high, 0x80010007);
}

static void test_segmented(void **state)
{
    (void)state;
    struct mem_view *v = mem_view_new("rt");
    struct mem_region *ram = mem_region_new_ram("sram", 0x20000);
    assert_int_equal(mem_view_map(v, 0, ram, 0, 0x20000), 0);
    char text[1024] = "";
    const uint8_t usba[2] = {0x10, 0x00};
    rec(text, 2, 0, usba, 2, 0);
    /* Segment offsets wrap within the 64 KiB segment at 0x10000. */
    rec(text, 0, 0xfff8, bytes16, 16, 0);
    const uint8_t cs_ip[4] = {0x10, 0x00, 0x01, 0x00};
    rec(text, 3, 0, cs_ip, 4, 0);
    rec_eof(text);
    struct load_result res;
    assert_int_equal(loader_load(v, write_hex(text), &tu_rv32, &res, NULL, NULL, NULL), 0);
    assert_memory_equal(ram->host + 0x1fff8, bytes16, 8);
    assert_memory_equal(ram->host + 0x10000, bytes16 + 8, 8);
    assert_int_equal(ram->host[0x10008], 0);
    assert_true(res.has_entry);
    assert_int_equal(res.entry, 0x10100);
    assert_int_equal(res.low, 0x10000);
    assert_int_equal(res.high, 0x1ffff);
    mem_region_unref(ram);
    mem_view_free(v);
}

static void test_into_rom(void **state)
{
    struct tu_board *b = *state;
    char text[256] = "";
    rec(text, 0, TU_ROM_BASE + 4, four, 4, 0);
    rec_eof(text);
    strcat(text, "\n:garbage after the end\n");
    struct load_result res;
    capture_begin(STDERR_FILENO);
    int err = loader_load(b->view, write_hex(text), &tu_rv64, &res, NULL, NULL, NULL);
    const char *log = capture_end();
    assert_int_equal(err, 0);
    assert_memory_equal(b->rom->host + 4, four, 4);
    capture_expect_warning(log, "%s:4: text after the end-of-file record is ignored",
                           write_hex(text));
}

static void test_bad_checksum(void **state)
{
    char text[1024] = "";
    rec_ulba(text, 0x8000);
    rec(text, 0, 0, bytes16, 16, 0);
    rec(text, 0, 0x10, four, 4, 1);
    rec_eof(text);
    uint8_t good = (uint8_t) - (4 + 0x10 + 0xde + 0xad + 0xbe + 0xef);
    const char *log = load_fails(*state, text, -EINVAL);
    capture_expect_error(log, "%s:3: checksum mismatch (expected 0x%02x, got 0x%02x)",
                         write_hex(text), good, (uint8_t)(good + 1));
}

static void test_bad_lines(void **state)
{
    static const struct {
        const char *line;
        const char *msg;
    } cases[] = {
        {":04000000010g0304F1", "bad hex digit 'g' in column 13"},
        {":04000000 01020304F2", "bad hex digit 0x20 in column 10"},
        {":0400000001020304F", "odd number of hex digits (17)"},
        {":00000001", "record too short: 4 bytes, a record has at least 5"},
        {":0500000001020304F1", "byte count 0x05 does not match the 4 data bytes on the line"},
        {"0400000001020304F2", "a record must start with ':'"},
        {":00000006FA", "unknown record type 0x06"},
        {":03000004800000 79", "bad hex digit 0x20 in column 16"},
        {":0300000480000079", "extended linear address record (type 04) needs 2 data bytes,"
                              " has 3"},
        {":0200000500007 9", "bad hex digit 0x20 in column 15"},
        {":020000050000F9", "start linear address record (type 05) needs 4 data bytes, has 2"},
        {":0100000100FE", "end-of-file record (type 01) needs 0 data bytes, has 1"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[512] = "";
        rec_ulba(text, 0x8000);
        rec(text, 0, 0, bytes16, 16, 0);
        strcat(text, cases[i].line);
        strcat(text, "\n");
        rec_eof(text);
        const char *log = load_fails(*state, text, -EINVAL);
        capture_expect_error(log, "%s:3: %s", write_hex(text), cases[i].msg);
    }
}

static void test_missing_eof(void **state)
{
    char text[512] = "";
    rec_ulba(text, 0x8000);
    rec(text, 0, 0, bytes16, 16, 0);
    strcat(text, "\n");
    rec(text, 0, 0x10, four, 4, 0);
    const char *log = load_fails(*state, text, -EINVAL);
    capture_expect_error(log, "%s:4: the file ends without an end-of-file record (:00000001FF)",
                         write_hex(text));

    text[0] = '\0';
    rec_eof(text);
    log = load_fails(*state, text, -EINVAL);
    capture_expect_error(log, "%s: no data records: nothing to load", write_hex(text));
}

static void test_outside_and_overlap(void **state)
{
    char text[1024] = "";
    rec_ulba(text, 0x8000);
    rec(text, 0, 0, bytes16, 16, 0);
    rec_ulba(text, 0x9000);
    rec(text, 0, 0x100, four, 4, 0);
    rec_eof(text);
    const char *log = load_fails(*state, text, -ERANGE);
    capture_expect_error(log,
                         "%s:4: data [0x90000100-0x90000103] is outside mapped memory of"
                         " cluster 'app'",
                         write_hex(text));

    text[0] = '\0';
    rec(text, 0, TU_DEV_BASE & 0xffff, four, 4, 0);
    rec_ulba(text, TU_DEV_BASE >> 16);
    rec(text, 0, 0xfe, four, 4, 0);
    rec_eof(text);
    log = load_fails(*state, text, -ERANGE);
    capture_expect_error(log,
                         "%s:1: data [0x00000000-0x00000003] is outside mapped memory of"
                         " cluster 'app'",
                         write_hex(text));

    text[0] = '\0';
    rec_ulba(text, TU_DEV_BASE >> 16);
    rec(text, 0, 0xfe, four, 4, 0);
    rec_eof(text);
    log = load_fails(*state, text, -ERANGE);
    capture_expect_error(log,
                         "%s:2: data [0x100000fe-0x10000101] overlaps device 'uart0'"
                         " [0x10000000-0x100000ff] of cluster 'app'",
                         write_hex(text));

    text[0] = '\0';
    rec_ulba(text, 0x8000);
    rec(text, 0, 0x00, bytes16, 16, 0);
    rec(text, 0, 0x10, bytes16, 16, 0);
    rec(text, 0, 0x40, four, 4, 0);
    rec(text, 0, 0x18, four, 4, 0);
    rec_eof(text);
    log = load_fails(*state, text, -EINVAL);
    capture_expect_error(log, "%s:5: data at 0x80000018 overlaps the data block starting at line 2",
                         write_hex(text));
}

static int group_teardown(void **state)
{
    (void)state;
    tu_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_linear, setup, teardown),
        cmocka_unit_test(test_segmented),
        cmocka_unit_test_setup_teardown(test_into_rom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_checksum, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_eof, setup, teardown),
        cmocka_unit_test_setup_teardown(test_outside_and_overlap, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, group_teardown);
}
