/* SPDX-License-Identifier: MIT */
/*
 * The intermediate representation frontends emit and backends execute.
 *
 * A translation block (TB) is a list of ops over values. A value is
 *   - a global: a guest-state field at a fixed offset in the CPU struct
 *     (declared by the target in its ir_global_def table),
 *   - a temp: local to the TB, live across labels within the TB,
 *   - a constant.
 * Every value has a type, IR_I32 or IR_I64, and every op works at one width
 * (its operands' type). Conversions are explicit (IR_EXT32S/U, IR_TRUNC).
 * This keeps a native backend a straight mapping from op to host code.
 *
 * Guest memory ops carry a memop (size, sign) and a memory index and go
 * through the CPU's software TLB; on a miss they take the slow path (MMIO,
 * faults, code-page writes, watchpoints).
 *
 * Semantics are total: shifts mask their count to width-1; division by zero
 * gives all ones (quotient) and the dividend (remainder); signed overflow
 * (MIN / -1) gives MIN and 0. Frontends add architecture-specific traps.
 */
#ifndef MOSAIC_IR_H
#define MOSAIC_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct cpu;

enum ir_type { IR_I32, IR_I64 };

/* A value reference: an index into the block's value table. */
typedef uint16_t ir_val;
#define IR_NO_VAL ((ir_val)0xffff)

/* clang-format off */
enum ir_cond {
    IR_EQ, IR_NE,
    IR_LT, IR_GE, IR_LE, IR_GT,     /* signed */
    IR_LTU, IR_GEU, IR_LEU, IR_GTU, /* unsigned */
};
/* clang-format on */

/* memop: size in the low 2 bits (log2 bytes), sign-extend flag. */
#define IR_MO_8 0
#define IR_MO_16 1
#define IR_MO_32 2
#define IR_MO_64 3
#define IR_MO_SIZE 3
#define IR_MO_SIGN 4
#define IR_MO_ALIGN 8 /* a misaligned access raises the target's fault */

/* Read-modify-write operations for IR_ATOMIC (the old value is returned). */
/* clang-format off */
enum ir_rmw { IR_RMW_XCHG, IR_RMW_ADD, IR_RMW_AND, IR_RMW_OR, IR_RMW_XOR,
              IR_RMW_SMIN, IR_RMW_SMAX, IR_RMW_UMIN, IR_RMW_UMAX };

enum ir_opc {
    /* d = a */
    IR_MOV,
    /* d = a OP b */
    IR_ADD, IR_SUB, IR_MUL, IR_AND, IR_OR, IR_XOR,
    IR_SHL, IR_SHR, IR_SAR, IR_ROTL, IR_ROTR,
    IR_DIVS, IR_DIVU, IR_REMS, IR_REMU,
    IR_MULHS, IR_MULHU, IR_MULHSU, /* high half of the double-width product */
    /* d = OP a */
    IR_NEG, IR_NOT, IR_CLZ, IR_CTZ, IR_BSWAP,
    IR_EXT8S, IR_EXT8U, IR_EXT16S, IR_EXT16U, /* within the op's width */
    IR_EXT32S, IR_EXT32U,                     /* d:i64 = a:i32, or a:i64's low half */
    IR_TRUNC,                                 /* d:i32 = a:i64 */
    /* d = (a COND b) ? 1 : 0   (d has the type of a and b) */
    IR_SETCOND,
    /* d = (a COND b) ? c : e   (args: d, a, b, c, e) */
    IR_MOVCOND,
    /* if (a COND b) goto label (args: a, b, label) */
    IR_BRCOND,
    IR_BR,     /* goto label (args: label) */
    IR_LABEL,  /* label: (args: label) */
    /* d = load(addr); st: store(a) at addr. args: d|a, addr. */
    IR_LD, IR_ST,
    /* d = RMW(addr, a) returning old value. args: d, addr, a; cond = enum ir_rmw */
    IR_ATOMIC,
    /* d = cmpxchg(addr, expected a, new b) returning the old value. args: d, addr, a, b */
    IR_CMPXCHG,
    /* d = helper(cpu, args...) ; args: d (or IR_NO_VAL), up to 4 inputs */
    IR_CALL,
    /* Start of a guest instruction: imm[0] = pc, imm[1] = target data. */
    IR_INSN_START,
    /* Leave the TB towards the pc in the guest state; chainable slot imm[0] (0/1). */
    IR_GOTO_TB,
    /* Leave the TB and return to the run loop (pc already in guest state). */
    IR_EXIT_TB,
    IR_OPC_COUNT
};
/* clang-format on */

struct ir_op {
    uint8_t opc;
    uint8_t type; /* enum ir_type: the width the op works at */
    uint8_t cond; /* enum ir_cond, memop, or enum ir_rmw */
    uint8_t memidx;
    uint16_t args[5];
    const struct ir_helper *helper; /* IR_CALL */
    uint64_t imm[2];
};

enum ir_val_kind { IR_VAL_GLOBAL, IR_VAL_TEMP, IR_VAL_CONST };

struct ir_value {
    uint8_t kind;    /* enum ir_val_kind */
    uint8_t type;    /* enum ir_type */
    uint16_t global; /* IR_VAL_GLOBAL: index in the target's table */
    uint64_t cval;   /* IR_VAL_CONST (i32 constants are zero-extended) */
};

/* A guest-state field a frontend names as a global. */
struct ir_global_def {
    const char *name;
    uint8_t type;  /* enum ir_type */
    size_t offset; /* in the target's CPU struct (which begins with struct cpu) */
};

/*
 * A helper: called with the CPU and up to 4 arguments (i32 values arrive
 * zero-extended). It may read and write guest state and may raise a guest
 * exception with cpu_raise_exception() (which does not return).
 */
typedef uint64_t (*ir_helper_fn)(struct cpu *cpu, uint64_t a0, uint64_t a1, uint64_t a2,
                                 uint64_t a3);
struct ir_helper {
    const char *name;
    ir_helper_fn fn;
    uint8_t nargs;
    uint8_t ret_type; /* enum ir_type of the result, if used */
};

struct ir_block {
    struct ir_op *ops;
    size_t nops, ops_cap;
    struct ir_value *vals;
    size_t nvals, vals_cap;
    unsigned nlabels;
    const struct ir_global_def *globals;
    size_t nglobals;
    ir_val *global_vals; /* value id of each global, allocated on first use */
    bool overflow;       /* too many ops/values: the translator ends the TB early */
};

/* Limits that keep one TB's pre-decoded form small. */
#define IR_MAX_OPS 4096
#define IR_MAX_VALS 8192
/* Temporaries one TB may use: the frame in struct cpu (cpu.h) holds them. */
#define IR_FRAME_SLOTS 2048

void ir_block_init(struct ir_block *b, const struct ir_global_def *globals, size_t nglobals);
void ir_block_reset(struct ir_block *b);
void ir_block_free(struct ir_block *b);

ir_val ir_global(struct ir_block *b, unsigned index);
ir_val ir_temp(struct ir_block *b, enum ir_type type);
ir_val ir_const(struct ir_block *b, enum ir_type type, uint64_t v);
unsigned ir_label(struct ir_block *b);
static inline enum ir_type ir_type_of(const struct ir_block *b, ir_val v)
{
    return (enum ir_type)b->vals[v].type;
}

/* Generic emitter; the typed helpers below are what frontends use. */
struct ir_op *ir_emit(struct ir_block *b, enum ir_opc opc, enum ir_type type);

void ir_mov(struct ir_block *b, ir_val d, ir_val a);
void ir_movi(struct ir_block *b, ir_val d, uint64_t imm);
void ir_binop(struct ir_block *b, enum ir_opc opc, ir_val d, ir_val a, ir_val c);
void ir_binopi(struct ir_block *b, enum ir_opc opc, ir_val d, ir_val a, uint64_t imm);
void ir_unop(struct ir_block *b, enum ir_opc opc, ir_val d, ir_val a);
void ir_setcond(struct ir_block *b, enum ir_cond c, ir_val d, ir_val a, ir_val x);
void ir_movcond(struct ir_block *b, enum ir_cond c, ir_val d, ir_val a, ir_val x, ir_val vtrue,
                ir_val vfalse);
void ir_brcond(struct ir_block *b, enum ir_cond c, ir_val a, ir_val x, unsigned label);
void ir_brcondi(struct ir_block *b, enum ir_cond c, ir_val a, uint64_t imm, unsigned label);
void ir_br(struct ir_block *b, unsigned label);
void ir_set_label(struct ir_block *b, unsigned label);
void ir_ld(struct ir_block *b, ir_val d, ir_val addr, unsigned memop, unsigned memidx);
void ir_st(struct ir_block *b, ir_val v, ir_val addr, unsigned memop, unsigned memidx);
void ir_atomic(struct ir_block *b, enum ir_rmw rmw, ir_val d, ir_val addr, ir_val v, unsigned memop,
               unsigned memidx);
void ir_cmpxchg(struct ir_block *b, ir_val d, ir_val addr, ir_val expected, ir_val newv,
                unsigned memop, unsigned memidx);
/* @d may be IR_NO_VAL; unused argument slots are ignored (nargs says). */
void ir_call(struct ir_block *b, const struct ir_helper *h, ir_val d, ir_val a0, ir_val a1,
             ir_val a2, ir_val a3);
void ir_insn_start(struct ir_block *b, uint64_t pc, uint64_t data);
void ir_goto_tb(struct ir_block *b, unsigned slot);
void ir_exit_tb(struct ir_block *b);

#define ir_add(b, d, x, y) ir_binop(b, IR_ADD, d, x, y)
#define ir_sub(b, d, x, y) ir_binop(b, IR_SUB, d, x, y)
#define ir_and(b, d, x, y) ir_binop(b, IR_AND, d, x, y)
#define ir_or(b, d, x, y) ir_binop(b, IR_OR, d, x, y)
#define ir_xor(b, d, x, y) ir_binop(b, IR_XOR, d, x, y)
#define ir_addi(b, d, x, i) ir_binopi(b, IR_ADD, d, x, i)
#define ir_andi(b, d, x, i) ir_binopi(b, IR_AND, d, x, i)
#define ir_ori(b, d, x, i) ir_binopi(b, IR_OR, d, x, i)
#define ir_xori(b, d, x, i) ir_binopi(b, IR_XOR, d, x, i)
#define ir_shli(b, d, x, i) ir_binopi(b, IR_SHL, d, x, i)
#define ir_shri(b, d, x, i) ir_binopi(b, IR_SHR, d, x, i)
#define ir_sari(b, d, x, i) ir_binopi(b, IR_SAR, d, x, i)

/* Fold constants and drop ops whose results are never read (ir_opt.c);
 * guest state stays exact wherever the TB can be left. On overflow the
 * block is left marked for retranslation. */
void ir_optimize(struct ir_block *b);

/* Print the block in a readable form (-d op). */
void ir_block_dump(FILE *out, const struct ir_block *b);
const char *ir_opc_name(enum ir_opc opc);

/* Evaluate one pure op on concrete values (the interpreter and the optimizer
 * share this, so there is one definition of each op's semantics). */
uint64_t ir_eval_binop(enum ir_opc opc, enum ir_type type, uint64_t a, uint64_t b);
uint64_t ir_eval_unop(enum ir_opc opc, enum ir_type type, uint64_t a);
bool ir_eval_cond(enum ir_cond c, enum ir_type type, uint64_t a, uint64_t b);

#endif
