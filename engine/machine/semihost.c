/* SPDX-License-Identifier: MIT */
/*
 * The semihosting operations behind engine/semihost.h. Operation numbers,
 * parameter blocks and results follow "Semihosting for AArch32 and
 * AArch64" (Arm, release 2.0), chapter 6; the feature file is section 6.2.
 * Console text is written to the host's stdout/stderr and flushed at once,
 * so it interleaves correctly with device output.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "engine/io/log.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "engine/machine/semihost.h"

/* clang-format off */
enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
    SYS_READ = 0x06, SYS_ISTTY = 0x09, SYS_SEEK = 0x0a, SYS_FLEN = 0x0c, SYS_CLOCK = 0x10,
    SYS_TIME = 0x11, SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15, SYS_HEAPINFO = 0x16,
    SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20, SYS_ELAPSED = 0x30, SYS_TICKFREQ = 0x31,
};
/* clang-format on */

#define ADP_STOPPED_APPLICATION_EXIT 0x20026

/* Handles: the console ones are fixed, so SYS_WRITE to 1 or 2 works
 * without an open (what most bare-metal runtimes assume). */
enum { H_STDOUT = 1, H_STDERR = 2, H_STDIN = 3, H_FEATURES = 4 };

/* ":semihosting-features": magic, then feature byte 0 with
 * SH_EXT_EXIT_EXTENDED (bit 0) and SH_EXT_STDOUT_STDERR (bit 1). */
static const uint8_t features[] = {'S', 'H', 'F', 'B', 0x03};

#define ERR_ENOENT 2
#define ERR_EBADF 9
#define CHUNK 256
#define NAME_MAX_LEN 64

static uint64_t word_at(struct semihost *sh, struct cpu *cpu, uint64_t block, unsigned i)
{
    unsigned w = sh->word;
    return cpu_ld(cpu, block + (uint64_t)i * w, w == 8 ? IR_MO_64 : IR_MO_32, 0);
}

static void put_word(struct semihost *sh, struct cpu *cpu, uint64_t addr, uint64_t v)
{
    cpu_st(cpu, addr, v, sh->word == 8 ? IR_MO_64 : IR_MO_32, 0);
}

static uint64_t fail(struct semihost *sh, uint64_t err)
{
    sh->err = err;
    return ~0ull;
}

static void out(FILE *f, const char *buf, size_t n)
{
    if (n) {
        fwrite(buf, 1, n, f);
        fflush(f);
    }
}

static FILE *console_of(uint64_t handle)
{
    return handle == H_STDOUT ? stdout : handle == H_STDERR ? stderr : NULL;
}

/* Block: name, mode (0-11, fopen's r..a+b), name length. */
static uint64_t sys_open(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t name = word_at(sh, cpu, arg, 0), mode = word_at(sh, cpu, arg, 1);
    uint64_t len = word_at(sh, cpu, arg, 2);
    char buf[NAME_MAX_LEN + 1];
    if (len > NAME_MAX_LEN)
        return fail(sh, ERR_ENOENT);
    for (uint64_t i = 0; i < len; i++)
        buf[i] = (char)cpu_ld(cpu, name + i, IR_MO_8, 0);
    buf[len] = '\0';
    if (!strcmp(buf, ":tt")) /* modes r*, w*, a*: stdin, stdout, stderr */
        return mode < 4 ? H_STDIN : mode < 8 ? H_STDOUT : H_STDERR;
    if (!strcmp(buf, ":semihosting-features") && mode < 4) {
        sh->features_pos = 0;
        return H_FEATURES;
    }
    return fail(sh, ERR_ENOENT);
}

/* Block: handle, buffer, length. Returns the number of bytes not written. */
static uint64_t sys_write(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t h = word_at(sh, cpu, arg, 0), buf = word_at(sh, cpu, arg, 1);
    uint64_t len = word_at(sh, cpu, arg, 2);
    FILE *f = console_of(h);
    char chunk[CHUNK];
    if (!f) {
        sh->err = ERR_EBADF;
        return len;
    }
    for (uint64_t done = 0; done < len;) {
        size_t n = 0;
        while (n < sizeof(chunk) && done < len)
            chunk[n++] = (char)cpu_ld(cpu, buf + done++, IR_MO_8, 0);
        out(f, chunk, n);
    }
    return 0;
}

static void sys_write0(struct cpu *cpu, uint64_t arg)
{
    char buf[CHUNK];
    size_t n = 0;
    for (uint64_t p = arg;; p++) {
        char ch = (char)cpu_ld(cpu, p, IR_MO_8, 0);
        if (!ch)
            break;
        buf[n++] = ch;
        if (n == sizeof(buf)) {
            out(stdout, buf, n);
            n = 0;
        }
    }
    out(stdout, buf, n);
}

/* Block: handle, buffer, length. Returns the number of bytes not read:
 * the console has no input here (the monitor may own stdin), so a read
 * of it is at end of file. */
static uint64_t sys_read(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t h = word_at(sh, cpu, arg, 0), buf = word_at(sh, cpu, arg, 1);
    uint64_t len = word_at(sh, cpu, arg, 2), n = 0;
    if (h == H_STDIN)
        return len;
    if (h != H_FEATURES)
        return fail(sh, ERR_EBADF);
    while (n < len && sh->features_pos < sizeof(features))
        cpu_st(cpu, buf + n++, features[sh->features_pos++], IR_MO_8, 0);
    return len - n;
}

static uint64_t sys_seek(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t h = word_at(sh, cpu, arg, 0), pos = word_at(sh, cpu, arg, 1);
    if (h != H_FEATURES)
        return fail(sh, ERR_EBADF);
    sh->features_pos = pos < sizeof(features) ? pos : sizeof(features);
    return 0;
}

static uint64_t sys_flen(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t h = word_at(sh, cpu, arg, 0);
    if (h == H_FEATURES)
        return sizeof(features);
    return h >= H_STDOUT && h <= H_STDIN ? 0 : fail(sh, ERR_EBADF);
}

static uint64_t handle_op(struct semihost *sh, struct cpu *cpu, uint64_t arg, bool istty)
{
    uint64_t h = word_at(sh, cpu, arg, 0);
    if (h >= H_STDOUT && h <= H_FEATURES)
        return istty ? h != H_FEATURES : 0;
    return fail(sh, ERR_EBADF);
}

/* Block: buffer, size. The command line is empty. */
static uint64_t sys_get_cmdline(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t buf = word_at(sh, cpu, arg, 0), size = word_at(sh, cpu, arg, 1);
    if (!size)
        return ~0ull;
    cpu_st(cpu, buf, 0, IR_MO_8, 0);
    put_word(sh, cpu, arg + sh->word, 0);
    return 0;
}

/* The parameter is the address of a pointer to four fields: zero means
 * "not known", so the C library keeps its link-time heap and stack. */
static uint64_t sys_heapinfo(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t block = word_at(sh, cpu, arg, 0);
    for (unsigned i = 0; i < 4; i++)
        put_word(sh, cpu, block + (uint64_t)i * sh->word, 0);
    return 0;
}

static uint64_t now_ns(struct cpu *cpu)
{
    return machine_clock_ns(machine_of(&cpu->obj), cpu);
}

/* Block: the 64-bit count is written as two 32-bit words on AArch32. */
static uint64_t sys_elapsed(struct semihost *sh, struct cpu *cpu, uint64_t arg)
{
    uint64_t t = now_ns(cpu);
    if (sh->word == 8) {
        put_word(sh, cpu, arg, t);
    } else {
        cpu_st(cpu, arg, (uint32_t)t, IR_MO_32, 0);
        cpu_st(cpu, arg + 4, t >> 32, IR_MO_32, 0);
    }
    return 0;
}

/* The exit status of a (reason, subcode) pair (section 6.5.4). */
static int exit_code(uint64_t reason, uint64_t subcode)
{
    return reason == ADP_STOPPED_APPLICATION_EXIT ? (int)subcode : 1;
}

/* SYS_EXIT passes the reason itself on AArch32 and a block on AArch64;
 * SYS_EXIT_EXTENDED always passes a block. */
static int exit_status(struct semihost *sh, struct cpu *cpu, uint64_t op, uint64_t arg)
{
    if (op == SYS_EXIT && sh->word == 4)
        return exit_code(arg, 0);
    return exit_code(word_at(sh, cpu, arg, 0), word_at(sh, cpu, arg, 1));
}

static void log_unimplemented(uint64_t op)
{
    static uint64_t seen; /* one bit per operation below 63, bit 63 for the rest */
    uint64_t bit = 1ull << (op < 63 ? op : 63);
    if (!(__atomic_fetch_or(&seen, bit, __ATOMIC_RELAXED) & bit))
        log_debug(LOG_UNIMP, "semihosting operation 0x%llx not implemented",
                  (unsigned long long)op);
}

static uint64_t semihost_op(struct semihost *sh, struct cpu *cpu, uint64_t op, uint64_t arg)
{
    switch (op) {
    case SYS_OPEN: return sys_open(sh, cpu, arg);
    case SYS_CLOSE: return handle_op(sh, cpu, arg, false);
    case SYS_ISTTY: return handle_op(sh, cpu, arg, true);
    case SYS_WRITEC: {
        char ch = (char)cpu_ld(cpu, arg, IR_MO_8, 0);
        out(stdout, &ch, 1);
        return op; /* the result register is corrupted: leave it */
    }
    case SYS_WRITE0: sys_write0(cpu, arg); return op;
    case SYS_WRITE: return sys_write(sh, cpu, arg);
    case SYS_READ: return sys_read(sh, cpu, arg);
    case SYS_SEEK: return sys_seek(sh, cpu, arg);
    case SYS_FLEN: return sys_flen(sh, cpu, arg);
    case SYS_CLOCK: return now_ns(cpu) / 10000000u; /* centiseconds */
    case SYS_TIME: return (uint64_t)time(NULL);
    case SYS_ERRNO: return sh->err;
    case SYS_GET_CMDLINE: return sys_get_cmdline(sh, cpu, arg);
    case SYS_HEAPINFO: return sys_heapinfo(sh, cpu, arg);
    case SYS_ELAPSED: return sys_elapsed(sh, cpu, arg);
    case SYS_TICKFREQ: return 1000000000u; /* SYS_ELAPSED counts nanoseconds */
    default: log_unimplemented(op); return ~0ull;
    }
}

enum semihost_status semihost_call(struct semihost *sh, struct cpu *cpu, uint64_t op, uint64_t arg,
                                   uint64_t *ret)
{
    if (op == SYS_EXIT || op == SYS_EXIT_EXTENDED) {
        machine_request_exit(machine_of(&cpu->obj), exit_status(sh, cpu, op, arg));
        return SEMIHOST_EXIT;
    }
    uint64_t r = semihost_op(sh, cpu, op, arg);
    *ret = sh->word == 8 ? r : (uint32_t)r;
    return SEMIHOST_DONE;
}
