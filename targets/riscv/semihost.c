/* SPDX-License-Identifier: MIT */
/*
 * RISC-V semihosting (RISC-V Semihosting spec 1.0, which reuses the Arm
 * semihosting operations): the translator turns the ebreak of the
 * "slli x0,x0,0x1f; ebreak; srai x0,x0,7" sequence into a call here when
 * the cluster's semihosting property is on. The operation is in a0, its
 * parameter (a value or the address of a block of XLEN-sized words) in a1,
 * the result goes to a0. Console output and exit are implemented; other
 * operations return -1. Guest memory is read with cpu_ld(), so a bad
 * pointer becomes a load access fault at the ebreak.
 */
#include <stdio.h>

#include "engine/log.h"
#include "engine/machine.h"
#include "targets/riscv/internals.h"

#define SYS_WRITEC 0x03
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20

#define ADP_STOPPED_APPLICATION_EXIT 0x20026

/* Console writes are copied in chunks of this size. */
#define SEMIHOST_CHUNK 256

static uint64_t guest_word(struct riscv_cpu *c, gaddr addr)
{
    return cpu_ld(&c->cpu, addr, c->rv64 ? IR_MO_64 : IR_MO_32, 0);
}

static uint8_t guest_byte(struct riscv_cpu *c, gaddr addr)
{
    return (uint8_t)cpu_ld(&c->cpu, addr, IR_MO_8, 0);
}

static void out_flush(FILE *f, const char *buf, size_t n)
{
    if (n) {
        fwrite(buf, 1, n, f);
        fflush(f);
    }
}

static uint64_t sys_writec(struct riscv_cpu *c, uint64_t arg)
{
    char ch = (char)guest_byte(c, arg);
    out_flush(stdout, &ch, 1);
    return riscv_get_x(c, 10); /* a0 is left unchanged */
}

static uint64_t sys_write0(struct riscv_cpu *c, uint64_t arg)
{
    char buf[SEMIHOST_CHUNK];
    size_t n = 0;
    for (gaddr p = arg;; p = riscv_xlen_val(c, p + 1)) {
        char ch = (char)guest_byte(c, p);
        if (!ch)
            break;
        buf[n++] = ch;
        if (n == sizeof(buf)) {
            out_flush(stdout, buf, n);
            n = 0;
        }
    }
    out_flush(stdout, buf, n);
    return riscv_get_x(c, 10);
}

/* Block: handle, buffer, length. Returns the number of bytes not written;
 * only the console handles 1 (stdout) and 2 (stderr) exist. */
static uint64_t sys_write(struct riscv_cpu *c, uint64_t arg)
{
    unsigned w = c->rv64 ? 8 : 4;
    uint64_t fd = guest_word(c, arg), buf = guest_word(c, arg + w);
    uint64_t len = guest_word(c, arg + 2 * w);
    FILE *f = fd == 1 ? stdout : fd == 2 ? stderr : NULL;
    char chunk[SEMIHOST_CHUNK];
    if (!f)
        return len;
    for (uint64_t done = 0; done < len;) {
        size_t n = 0;
        while (n < sizeof(chunk) && done < len)
            chunk[n++] = (char)guest_byte(c, riscv_xlen_val(c, buf + done++));
        out_flush(f, chunk, n);
    }
    return 0;
}

/* Ends the run: never returns to the guest. The pc is left after the
 * semihosting sequence in case the machine is resumed. */
static __attribute__((noreturn)) void semihost_exit(struct riscv_cpu *c, gaddr ebreak_pc,
                                                   int code)
{
    c->pc = riscv_xlen_val(c, ebreak_pc + 8);
    machine_request_exit(machine_of(&c->cpu.obj), code);
    cpu_loop_exit(&c->cpu);
}

/* The exit status of a (reason, subcode) pair. */
static int exit_code(uint64_t reason, uint64_t subcode)
{
    return reason == ADP_STOPPED_APPLICATION_EXIT ? (int)subcode : 1;
}

static __attribute__((noreturn)) void sys_exit(struct riscv_cpu *c, uint64_t op, uint64_t arg,
                                               gaddr pc)
{
    unsigned w = c->rv64 ? 8 : 4;
    /* On rv32, SYS_EXIT passes the reason itself and no subcode. */
    if (op == SYS_EXIT && !c->rv64)
        semihost_exit(c, pc, exit_code(arg, 0));
    semihost_exit(c, pc, exit_code(guest_word(c, arg), guest_word(c, arg + w)));
}

static void log_unimplemented(uint64_t op)
{
    static uint64_t seen; /* one bit per operation below 64, bit 63 for the rest */
    uint64_t bit = 1ull << (op < 63 ? op : 63);
    if (!(__atomic_fetch_or(&seen, bit, __ATOMIC_RELAXED) & bit))
        log_debug(LOG_UNIMP, "semihosting operation 0x%llx not implemented",
                  (unsigned long long)op);
}

/* Called with the ebreak's pc; a0/a1 carry the request. */
static uint64_t helper_semihost(struct cpu *cpu, uint64_t pc, uint64_t a1, uint64_t a2,
                                uint64_t a3)
{
    (void)a1, (void)a2, (void)a3;
    struct riscv_cpu *c = riscv_cpu(cpu);
    uint64_t op = riscv_get_x(c, 10), arg = riscv_get_x(c, 11), ret;
    switch (op) {
    case SYS_WRITEC: ret = sys_writec(c, arg); break;
    case SYS_WRITE0: ret = sys_write0(c, arg); break;
    case SYS_WRITE: ret = sys_write(c, arg); break;
    case SYS_EXIT: case SYS_EXIT_EXTENDED: sys_exit(c, op, arg, pc); /* no return */
    default:
        log_unimplemented(op);
        ret = ~0ull;
        break;
    }
    riscv_set_x(c, 10, ret);
    return 0;
}

const struct ir_helper riscv_helper_semihost = {"semihost", helper_semihost, 1, IR_I64};
