/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M core lifecycle and the target_ops table: models, IR globals,
 * reset through the vector table (the M-profile defines where reset
 * starts, so the image entry is not used), TB flags, the mapping of
 * engine memory faults to BusFault and UsageFault (ARM ARM B3.2.15), and
 * the restore of pc and ITSTATE from an instruction marker.
 */
#include <elf.h>
#include <string.h>

#include "targets/arm/arm.h"
#include "targets/arm/internals.h"

/* The Cortex-M4 has its FPU (FPv4-SP-D16), as QEMU's cortex-m4 and most
 * parts do; code that never enables CP10/CP11 in CPACR sees the integer
 * core (an FP instruction is a NOCP UsageFault, the reset state). */
#define MODEL(n, xml, f)                                                                           \
    {                                                                                              \
        .name = n, .elf_machine = EM_ARM, .elf_class = ELFCLASS32, .tdesc = xml, .features = f     \
    }
static const struct cpu_model arm_models[] = {
    MODEL("cortex-m0", "arm-m-v6.xml", ARM_FEAT_V6M | ARM_FEAT_NO_VTOR),
    MODEL("cortex-m0plus", "arm-m-v6.xml", ARM_FEAT_V6M),
    MODEL("cortex-m3", "arm-m.xml", 0),
    MODEL("cortex-m4", "arm-m-fp.xml", ARM_FEAT_DSP | ARM_FEAT_FP),
    MODEL("cortex-m7", "arm-m-fp.xml", ARM_FEAT_DSP | ARM_FEAT_FP | ARM_FEAT_FP_DP | ARM_FEAT_FPV5),
    {.name = NULL},
};
#undef MODEL

#define G(name, field)                                                                             \
    {                                                                                              \
        name, IR_I32, offsetof(struct arm_cpu, field)                                              \
    }
/* clang-format off */
const struct ir_global_def arm_globals[ARM_G_COUNT] = {
    G("r0", r[0]), G("r1", r[1]), G("r2", r[2]), G("r3", r[3]), G("r4", r[4]), G("r5", r[5]),
    G("r6", r[6]), G("r7", r[7]), G("r8", r[8]), G("r9", r[9]), G("r10", r[10]),
    G("r11", r[11]), G("r12", r[12]), G("sp", r[13]), G("lr", r[14]), G("pc", r[15]),
    G("nf", nf), G("zf", zf), G("cf", cf), G("vf", vf), G("qf", qf), G("ge", ge),
    G("itstate", itstate), G("excl_addr", excl_addr), G("excl_val", excl_val),
    G("fpscr", fpscr),
    G("s0", vfp[0]), G("s1", vfp[1]), G("s2", vfp[2]), G("s3", vfp[3]), G("s4", vfp[4]),
    G("s5", vfp[5]), G("s6", vfp[6]), G("s7", vfp[7]), G("s8", vfp[8]), G("s9", vfp[9]),
    G("s10", vfp[10]), G("s11", vfp[11]), G("s12", vfp[12]), G("s13", vfp[13]),
    G("s14", vfp[14]), G("s15", vfp[15]), G("s16", vfp[16]), G("s17", vfp[17]),
    G("s18", vfp[18]), G("s19", vfp[19]), G("s20", vfp[20]), G("s21", vfp[21]),
    G("s22", vfp[22]), G("s23", vfp[23]), G("s24", vfp[24]), G("s25", vfp[25]),
    G("s26", vfp[26]), G("s27", vfp[27]), G("s28", vfp[28]), G("s29", vfp[29]),
    G("s30", vfp[30]), G("s31", vfp[31]),
};
/* clang-format on */

static int arm_cpu_init(struct cpu *cpu, const struct cpu_model *model)
{
    struct arm_cpu *c = arm_cpu(cpu);
    c->dsp = model->features & ARM_FEAT_DSP;
    c->feat = (uint32_t)model->features;
    vtimer_init(&c->nvic.syst_timer, arm_systick_timer, c);
    return 0;
}

static void arm_cpu_reset(struct cpu *cpu)
{
    struct arm_cpu *c = arm_cpu(cpu);
    memset(&c->sh, 0, sizeof(c->sh));
    c->sh.word = 4;
    arm_take_reset(c);
}

/* A pc given by the user (reset-pc, gdb): always Thumb on M-profile. */
static void arm_set_pc(struct cpu *cpu, gaddr pc)
{
    struct arm_cpu *c = arm_cpu(cpu);
    c->r[15] = (uint32_t)pc & ~1u;
    c->thumb = 1;
}

static gaddr arm_get_pc(const struct cpu *cpu)
{
    return arm_cpu_const(cpu)->r[15];
}

static void arm_set_boot_addr(struct cpu *cpu, gaddr addr)
{
    arm_set_vtor_and_reload(arm_cpu(cpu), (uint32_t)addr);
}

static uint32_t arm_tb_flags(const struct cpu *cpu)
{
    const struct arm_cpu *c = arm_cpu_const(cpu);
    uint32_t f = c->itstate & ARM_TBF_IT_MASK;
    if (c->thumb)
        f |= ARM_TBF_THUMB;
    if (c->nvic.ccr & CCR_UNALIGN_TRP) /* always on ARMv6-M */
        f |= ARM_TBF_UNALIGN_TRP;
    if (c->nvic.ccr & CCR_DIV_0_TRP)
        f |= ARM_TBF_DIV_0_TRP;
    if (!arm_fp_enabled(c))
        return f;
    f |= ARM_TBF_FPEN;
    if (c->nvic.fpccr & FPCCR_LSPACT)
        f |= ARM_TBF_LSPACT;
    if ((c->nvic.fpccr & FPCCR_ASPEN) && !(c->control & CONTROL_FPCA))
        f |= ARM_TBF_NEWFPCTX;
    return f;
}

/* Misaligned: UsageFault UNALIGNED. Anything else the bus refused is a
 * precise BusFault with the address in BFAR. */
static __attribute__((noreturn)) void arm_mem_fault(struct cpu *cpu, gaddr addr,
                                                    enum mem_access acc, enum mem_fault_kind kind)
{
    struct arm_cpu *c = arm_cpu(cpu);
    if (kind == MEM_FAULT_MISALIGNED)
        arm_raise_fault(c, ARM_EXC_USAGE, CFSR_UNALIGNED);
    if (acc == MEM_ACCESS_FETCH)
        arm_raise_fault(c, ARM_EXC_BUS, CFSR_IBUSERR);
    c->nvic.bfar = (uint32_t)addr;
    arm_raise_fault(c, ARM_EXC_BUS, CFSR_PRECISERR | CFSR_BFARVALID);
}

static void arm_restore_state(struct cpu *cpu, uint64_t pc, uint64_t data)
{
    struct arm_cpu *c = arm_cpu(cpu);
    c->r[15] = (uint32_t)pc;
    c->itstate = (uint32_t)data;
}

const struct target_ops arm_target_ops = {
    .arch = "arm",
    .models = arm_models,
    .default_model = "cortex-m3",
    .cpu_size = sizeof(struct arm_cpu),
    .globals = arm_globals,
    .nglobals = ARM_G_COUNT,
    .regs = arm_regs,
    .arch_reset_pc = true,
    /* 16-bit Thumb, 32-bit Thumb-2, Arm (gdb sends 4 when it cannot tell
     * the pc is Thumb). */
    .bp_kinds = 1u << 2 | 1u << 3 | 1u << 4,
    .cluster_realize = arm_cluster_realize,
    .set_boot_addr = arm_set_boot_addr,
    .cpu_init = arm_cpu_init,
    .cpu_reset = arm_cpu_reset,
    .set_pc = arm_set_pc,
    .get_pc = arm_get_pc,
    .tb_flags = arm_tb_flags,
    .translate = arm_translate,
    .exec_interrupt = arm_exec_interrupt,
    .has_work = arm_has_work,
    .do_exception = arm_do_exception,
    .mem_fault = arm_mem_fault,
    .restore_state = arm_restore_state,
    .irq_in = arm_irq_in,
    .disas = arm_disas,
};
