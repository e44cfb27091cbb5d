/* SPDX-License-Identifier: MIT */
/*
 * IR for control flow and system instructions: branches (B, BL, BX, BLX,
 * CBZ/CBNZ), IT, MRS/MSR, CPS, hints (WFI, WFE, SEV, ...), barriers,
 * SVC, BKPT and the undefined and coprocessor encodings. Anything that
 * changes the execution priority or the stack pointer selection ends the
 * TB, so a pending exception is taken at the next instruction (B1.5.3).
 */
#include "targets/arm/internals.h"

static void emit_b(struct arm_tc *s, const struct thumb_insn *in)
{
    arm_gen_jump(s, s->pc + 4 + in->imm, 0);
}

static void emit_bl(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_movi(s->b, arm_glob(s, ARM_G_R0 + ARM_LR), s->next | 1);
    arm_gen_jump(s, s->pc + 4 + in->imm, 0);
}

static void emit_bx(struct arm_tc *s, const struct thumb_insn *in)
{
    arm_gen_bx(s, arm_src(s, in->rm), true);
}

static void emit_blx(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val target = arm_src_copy(s, in->rm);
    ir_movi(s->b, arm_glob(s, ARM_G_R0 + ARM_LR), s->next | 1);
    arm_gen_bx(s, target, false);
}

static void emit_cbz(struct arm_tc *s, const struct thumb_insn *in)
{
    unsigned taken = ir_label(s->b);
    ir_brcondi(s->b, in->op == T_CBZ ? IR_EQ : IR_NE, arm_src(s, in->rn), 0, taken);
    arm_gen_jump(s, s->next, 0);
    ir_set_label(s->b, taken);
    arm_gen_jump(s, s->pc + 4 + in->imm, 1);
}

/* IT: the following instructions translate under the new ITSTATE. */
static void emit_it(struct arm_tc *s, const struct thumb_insn *in)
{
    s->it_next = in->imm & 0xff;
    s->it_live = true;
}

static void emit_mrs(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_val r = arm_tmp(s);
    ir_call(s->b, &arm_helper_mrs, r, arm_const(s, in->imm), IR_NO_VAL, IR_NO_VAL, IR_NO_VAL);
    arm_set_reg(s, in->rd, r);
}

static void emit_msr(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_call(s->b, &arm_helper_msr, IR_NO_VAL, arm_const(s, in->imm | (uint32_t)in->shamt << 8),
            arm_src(s, in->rn), IR_NO_VAL, IR_NO_VAL);
    arm_gen_exit(s, s->next);
}

static void emit_cps(struct arm_tc *s, const struct thumb_insn *in)
{
    ir_call(s->b, &arm_helper_cps, IR_NO_VAL, arm_const(s, in->imm), IR_NO_VAL, IR_NO_VAL,
            IR_NO_VAL);
    arm_gen_exit(s, s->next);
}

/* WFI and WFE may put the CPU to sleep: the pc is already the next
 * instruction's, where an interrupt returns to. */
static void emit_hint(struct arm_tc *s, const struct thumb_insn *in)
{
    const struct ir_helper *h = NULL;
    switch (arm_opdefs[in->op].arg) {
    case HINT_WFI: h = &arm_helper_wfi; break;
    case HINT_WFE: h = &arm_helper_wfe; break;
    case HINT_SEV:
        ir_call(s->b, &arm_helper_sev, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL);
        return;
    default: return; /* NOP, YIELD, DBG, PLD, PLI */
    }
    arm_gen_sync_next(s);
    ir_call(s->b, h, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL, IR_NO_VAL);
    arm_gen_exit(s, s->next);
}

/* DMB and DSB need nothing (one CPU's accesses are in order and devices
 * are synchronous); ISB ends the TB so that the next instruction is
 * fetched and translated under the current state. */
static void emit_barrier(struct arm_tc *s, const struct thumb_insn *in)
{
    if (arm_opdefs[in->op].arg)
        arm_gen_exit(s, s->next);
}

static void emit_svc(struct arm_tc *s, const struct thumb_insn *in)
{
    (void)in;
    arm_gen_fault(s, ARM_EXC_SVC, 0);
}

/* BKPT: semihosting, a debugger stop, or a debug event (helpers.c). The
 * state is synced to the next instruction for the semihosting case. */
static void emit_bkpt(struct arm_tc *s, const struct thumb_insn *in)
{
    arm_gen_sync_next(s);
    ir_call(s->b, &arm_helper_bkpt, IR_NO_VAL, arm_const(s, in->imm), IR_NO_VAL, IR_NO_VAL,
            IR_NO_VAL);
}

static void emit_undef(struct arm_tc *s, const struct thumb_insn *in)
{
    (void)in;
    arm_gen_fault(s, ARM_EXC_USAGE, CFSR_UNDEFINSTR);
}

/* No coprocessor, or the FPU's (CP10, CP11) while CPACR denies access:
 * NOCP (B3.2.15). */
static void emit_nocp(struct arm_tc *s, const struct thumb_insn *in)
{
    (void)in;
    arm_gen_fault(s, ARM_EXC_USAGE, CFSR_NOCP);
}

arm_emit_fn arm_emitter_ctrl(enum arm_kind k)
{
    switch (k) {
    case K_B: return emit_b;
    case K_BL: return emit_bl;
    case K_BX: return emit_bx;
    case K_BLX: return emit_blx;
    case K_CBZ: return emit_cbz;
    case K_IT: return emit_it;
    case K_MRS: return emit_mrs;
    case K_MSR: return emit_msr;
    case K_CPS: return emit_cps;
    case K_HINT: return emit_hint;
    case K_BARRIER: return emit_barrier;
    case K_SVC: return emit_svc;
    case K_BKPT: return emit_bkpt;
    case K_NOCP: return emit_nocp;
    default: return emit_undef; /* K_UNDEF, K_UDF */
    }
}
