/* SPDX-License-Identifier: MIT */
/*
 * The backend interface (engine-internal): turn a block of IR into
 * something executable and run it. Backend 1 is the IR interpreter
 * (ir_interp.c); a native x86-64 backend implements the same functions.
 */
#ifndef MOSAIC_BACKEND_H
#define MOSAIC_BACKEND_H

#include "engine/accel/tcg/internals.h"
#include "engine/tcg/ir.h"

/* Compile @ir into tb->code and tb->marks. Returns 0, or -E2BIG when the
 * block needs more temporaries than a frame holds (retranslate smaller). */
int backend_compile(struct tb *tb, const struct ir_block *ir, const struct target_ops *t);
void backend_free(struct tb *tb);

/*
 * Run @tb and the blocks chained from it. Returns the last TB executed and
 * sets *@slot to the goto_tb slot it left through (so the loop can chain
 * it), or -1 when it left through exit_tb or a chain check.
 */
struct tb *backend_exec(struct tcg_vcpu *v, struct tb *tb, int *slot);

/* The insn mark covering backend position v->exec_pos in v->cur_tb. */
const struct tb_insn_mark *backend_current_mark(const struct tcg_vcpu *v, unsigned *index);

#endif
