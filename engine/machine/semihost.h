/* SPDX-License-Identifier: MIT */
/*
 * Semihosting operations ("Semihosting for AArch32 and AArch64", Arm,
 * release 2.0), shared by the targets whose trap reuses them: Arm's
 * BKPT 0xAB and RISC-V's ebreak sequence. A target recognises its trap,
 * passes the operation number and parameter here and writes the result
 * back to its result register; it knows nothing of the operations.
 *
 * What exists: console output (handles 1 = stdout, 2 = stderr, and what
 * SYS_OPEN of ":tt" returns), the ":semihosting-features" file (it
 * advertises SYS_EXIT_EXTENDED and separate stdout/stderr), clocks in
 * virtual time, an empty command line, a zero heap description (the C
 * library then uses its link-time defaults), and exit. Other operations
 * return -1. Guest memory is accessed with cpu_ld()/cpu_st(), so a bad
 * pointer becomes the target's own access fault at the trapping
 * instruction.
 */
#ifndef MOSAIC_SEMIHOST_H
#define MOSAIC_SEMIHOST_H

#include <stdint.h>

struct cpu;

/* Per-CPU semihosting state (zero it at reset, then set @word). */
struct semihost {
    unsigned word;         /* size of a parameter-block field: 4 or 8 */
    uint64_t features_pos; /* read position in ":semihosting-features" */
    uint64_t err;          /* what SYS_ERRNO returns */
};

enum semihost_status {
    SEMIHOST_DONE, /* *@ret holds the result for the guest */
    SEMIHOST_EXIT, /* the guest asked to exit: the machine is told; leave the TB */
};

/* Perform operation @op with parameter @arg (a value or the address of a
 * parameter block) on behalf of @cpu. */
enum semihost_status semihost_call(struct semihost *sh, struct cpu *cpu, uint64_t op, uint64_t arg,
                                   uint64_t *ret);

#endif
