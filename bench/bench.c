/* SPDX-License-Identifier: MIT */
/*
 * Compute benchmark firmware for riscv-virt (run by bench/run-bench.sh):
 * a fixed, deterministic workload on hart 0 -- table-driven CRC-32 over a
 * pseudo-random buffer, heapsort of a few thousand integers, an integer
 * matrix multiply and a call-heavy recursive Fibonacci -- that prints one
 * result per kernel and "bench ok", exiting 0 through the test finisher,
 * or prints the mismatch and exits 1 when a result differs from the value
 * computed by a reference build. BENCH_ROUNDS repeats the whole workload,
 * checking every round.
 */
#include "fw.h"

#ifndef BENCH_ROUNDS
#define BENCH_ROUNDS 4
#endif

#define CRC_BYTES 65536
#define SORT_COUNT 4096
#define MAT_N 64
#define FIB_N 25

/* Results of one round (every round does the same work), from a
 * reference build on the host. */
#define EXPECT_CRC 0xb1b1b77eu
#define EXPECT_SORT 0x1590e475u
#define EXPECT_MATRIX 0xf1b2fc38u
#define EXPECT_FIB 75025u

static uint8_t crc_buf[CRC_BYTES];
static uint32_t crc_table[256];
static uint32_t sort_buf[SORT_COUNT];
static int32_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];

/* xorshift32: the same pseudo-random stream on every run. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;

        for (int bit = 0; bit < 8; bit++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
        crc_table[i] = c;
    }
}

static uint32_t crc32(uint32_t crc, const uint8_t *p, size_t len)
{
    crc = ~crc;
    while (len--)
        crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t bench_crc(uint32_t seed)
{
    uint32_t state = seed;
    uint32_t crc = 0;

    for (size_t i = 0; i < CRC_BYTES; i++)
        crc_buf[i] = (uint8_t)next_random(&state);
    for (int r = 0; r < 4; r++)
        crc = crc32(crc, crc_buf, CRC_BYTES);
    return crc;
}

static void sift_down(uint32_t *a, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;

        if (child >= n)
            return;
        if (child + 1 < n && a[child + 1] > a[child])
            child++;
        if (a[root] >= a[child])
            return;
        uint32_t t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

static void heapsort(uint32_t *a, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(a, i, n);
    for (size_t end = n; end-- > 1;) {
        uint32_t t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift_down(a, 0, end);
    }
}

/* Sorts, checks the order, and folds the sorted values into a hash. */
static uint32_t bench_sort(uint32_t seed)
{
    uint32_t state = seed;
    uint32_t hash = 0;

    for (size_t i = 0; i < SORT_COUNT; i++)
        sort_buf[i] = next_random(&state);
    heapsort(sort_buf, SORT_COUNT);
    for (size_t i = 0; i < SORT_COUNT; i++) {
        if (i > 0 && sort_buf[i - 1] > sort_buf[i])
            return 0;
        hash = (hash ^ sort_buf[i]) * 16777619u;
    }
    return hash;
}

static uint32_t bench_matrix(uint32_t seed)
{
    uint32_t state = seed;
    uint32_t sum = 0;

    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (int32_t)(next_random(&state) % 201) - 100;
            mat_b[i][j] = (int32_t)(next_random(&state) % 201) - 100;
        }
    }
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            int32_t acc = 0;

            for (int k = 0; k < MAT_N; k++)
                acc += mat_a[i][k] * mat_b[k][j];
            mat_c[i][j] = acc;
        }
    }
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++)
            sum = sum * 31 + (uint32_t)mat_c[i][j];
    return sum;
}

/* Deliberately call-heavy: about 2 * fib(n) calls. */
static uint32_t fib(uint32_t n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

/* Print "name value" and report whether value is the expected one. */
static int report(const char *name, uint32_t value, uint32_t expected)
{
    fw_puts(name);
    fw_putc(' ');
    fw_put_hex(value);
    if (value != expected) {
        fw_puts(" MISMATCH, expected ");
        fw_put_hex(expected);
        fw_putc('\n');
        return 1;
    }
    fw_putc('\n');
    return 0;
}

int main(unsigned hart)
{
    uint32_t crc = 0, sort = 0, matrix = 0, fibs = 0;
    int errors = 0;

    (void)hart;
    fw_uart_init();
    crc_init();
    for (uint32_t r = 0; r < BENCH_ROUNDS; r++) {
        crc = bench_crc(0x12345678u);
        sort = bench_sort(0x9e3779b9u);
        matrix = bench_matrix(0x2545f491u);
        fibs = fib(FIB_N);
        if (crc != EXPECT_CRC || sort != EXPECT_SORT || matrix != EXPECT_MATRIX ||
            fibs != EXPECT_FIB)
            break;
    }
    errors += report("crc32", crc, EXPECT_CRC);
    errors += report("sort", sort, EXPECT_SORT);
    errors += report("matrix", matrix, EXPECT_MATRIX);
    errors += report("fib", fibs, EXPECT_FIB);
    fw_puts(errors ? "bench FAILED\n" : "bench ok\n");
    return errors ? 1 : 0;
}
