/* SPDX-License-Identifier: MIT */
/*
 * Thumb disassembly for -d in_asm and the monitor's x/i, with capstone in
 * M-profile mode (ARMv7-M executes Thumb only). One handle is opened on
 * first use and kept: both callers run on the thread that runs the board
 * and its event loop.
 */
#include <capstone/capstone.h>
#include <stdio.h>

#include "targets/arm/internals.h"

static csh handle;
static int opened; /* 0: not yet, 1: open, -1: capstone refused */

unsigned arm_disas(const struct cpu *cpu, gaddr pc, const uint8_t *code, size_t len, char *buf,
                   size_t buflen)
{
    (void)cpu;
    cs_insn *insn;
    if (!opened)
        opened =
            cs_open(CS_ARCH_ARM, CS_MODE_THUMB | CS_MODE_MCLASS, &handle) == CS_ERR_OK ? 1 : -1;
    if (opened < 0 || !cs_disasm(handle, code, len, pc, 1, &insn))
        return 0;
    snprintf(buf, buflen, "%s%s%s", insn->mnemonic, *insn->op_str ? " " : "", insn->op_str);
    unsigned size = insn->size;
    cs_free(insn, 1);
    return size;
}
