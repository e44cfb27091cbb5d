/* SPDX-License-Identifier: MIT */
/*
 * Floating-point benchmark firmware (run by bench/run-bench.sh beside
 * bench.c): single-precision kernels, so that cores with only a
 * single-precision FPU (Cortex-M4F) run the same work in hardware -- a
 * float matrix multiply and an n-body simulation (divide and square root
 * in the inner loop). Each round must give the bits a reference build on
 * the host computed (IEEE arithmetic, evaluated in source order: -std=c11
 * does not contract a*b+c); it prints one result per kernel and
 * "bench ok", or the mismatch and exits 1. Build with -fno-math-errno so
 * that sqrtf is the instruction. FPBENCH_ROUNDS repeats the workload.
 */
#include "fw.h"

#ifndef FPBENCH_ROUNDS
#define FPBENCH_ROUNDS 4
#endif

#define MAT_N 48
#define BODIES 5
#define STEPS 2000

#define EXPECT_MATRIX 0xcb2add45u
#define EXPECT_NBODY 0xc186362eu

static float mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];

struct body {
    float x, y, z, vx, vy, vz, m;
};

static struct body bodies[BODIES];

static uint32_t bits(float f)
{
    union {
        float f;
        uint32_t u;
    } v = {.f = f};
    return v.u;
}

static void matrix_init(void)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (float)(i * 7 + j) * 0.25f - 3.0f;
            mat_b[i][j] = (float)(i - 2 * j) * 0.125f + 0.5f;
        }
}

/* c = a * b; the sum of c. */
static uint32_t matrix_multiply(void)
{
    float sum = 0.0f;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            float acc = 0.0f;
            for (int k = 0; k < MAT_N; k++)
                acc += mat_a[i][k] * mat_b[k][j];
            mat_c[i][j] = acc;
            sum += acc;
        }
    return bits(sum);
}

static void nbody_init(void)
{
    for (int i = 0; i < BODIES; i++)
        bodies[i] = (struct body){
            (float)i * 1.5f,   1.0f - (float)i * 0.5f, (float)i * 0.25f, 0.1f * (float)i, 0.0f,
            -0.05f * (float)i, 1.0f + (float)i};
}

/* STEPS steps of pairwise gravity; the energy-like sum of the state. */
static uint32_t nbody(void)
{
    const float dt = 0.01f;
    for (int s = 0; s < STEPS; s++) {
        for (int i = 0; i < BODIES; i++)
            for (int j = i + 1; j < BODIES; j++) {
                struct body *a = &bodies[i], *b = &bodies[j];
                float dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
                float d2 = dx * dx + dy * dy + dz * dz + 0.01f;
                float mag = dt / (d2 * __builtin_sqrtf(d2));
                a->vx -= dx * b->m * mag;
                a->vy -= dy * b->m * mag;
                a->vz -= dz * b->m * mag;
                b->vx += dx * a->m * mag;
                b->vy += dy * a->m * mag;
                b->vz += dz * a->m * mag;
            }
        for (int i = 0; i < BODIES; i++) {
            bodies[i].x += dt * bodies[i].vx;
            bodies[i].y += dt * bodies[i].vy;
            bodies[i].z += dt * bodies[i].vz;
        }
    }
    float e = 0.0f;
    for (int i = 0; i < BODIES; i++)
        e += bodies[i].x + bodies[i].y + bodies[i].z -
             bodies[i].m * (bodies[i].vx * bodies[i].vx + bodies[i].vy * bodies[i].vy);
    return bits(e);
}

static int report(const char *name, uint32_t got, uint32_t want)
{
    fw_puts(name);
    fw_puts(" ");
    fw_put_hex(got);
    if (got != want) {
        fw_puts(" MISMATCH, expected ");
        fw_put_hex(want);
        fw_puts("\n");
        return 1;
    }
    fw_puts("\n");
    return 0;
}

/* The kernels, apart from main: with a hard-float ABI the compiler may
 * save FP registers in the prologue of a function that uses them, which
 * needs the FPU on already. */
static __attribute__((noinline)) int run(void)
{
    uint32_t matrix = 0, energy = 0;
    for (int round = 0; round < FPBENCH_ROUNDS; round++) {
        matrix_init();
        nbody_init();
        matrix = matrix_multiply();
        energy = nbody();
        if (matrix != EXPECT_MATRIX || energy != EXPECT_NBODY)
            break;
    }
    int errors = report("fmatrix", matrix, EXPECT_MATRIX);
    errors += report("nbody", energy, EXPECT_NBODY);
    fw_puts(errors ? "bench FAILED\n" : "bench ok\n");
    return errors ? 1 : 0;
}

int main(unsigned hart)
{
    (void)hart;
    fw_uart_init();
#ifdef __riscv
    __asm__ volatile("csrs mstatus, %0" : : "r"(1ul << 13)); /* FS = Initial */
#endif
    return run();
}
