/* SPDX-License-Identifier: MIT */
/*
 * The FP extension's encodings, coprocessors 10 and 11 of the
 * coprocessor space (ARMv7-M ARM A6.4: data processing, A6.5: extension
 * register loads and stores, A6.6: transfers with core registers), and
 * the FPv5 additions of the Cortex-M7 (ARMv8-M ARM: VSEL, VMAXNM, VMINNM,
 * VRINT, VCVTA/N/P/M, half to and from double; T = 1 encodings).
 *
 * Register numbers: S registers are Vx:X (0-31), D registers X:Vx; the
 * extension has 16 D registers, so X = 1 there is UNDEFINED. Double
 * precision data processing needs FPv5-D16 (ARM_FEAT_FP_DP); moves, loads
 * and stores of D registers do not.
 */
#include "targets/arm/decode32.h"
#include "targets/arm/internals.h"

struct vdec {
    uint16_t hw1, hw2;
    uint32_t feat;
    struct thumb_insn *in;
    bool undef;
};

static unsigned bit(uint16_t hw, unsigned n)
{
    return (hw >> n) & 1;
}

/* An S register (Vx:X), or a D register (X:Vx) of which only 0-15 exist. */
static uint8_t vreg(struct vdec *v, bool dp, unsigned v4, unsigned x)
{
    if (!dp)
        return (uint8_t)(v4 << 1 | x);
    v->undef |= x;
    return (uint8_t)v4;
}

/* The three register fields, Vd:D at hw2[15:12]:hw1[6], Vn:N at
 * hw1[3:0]:hw2[7], Vm:M at hw2[3:0]:hw2[5]. */
static uint8_t reg_d(struct vdec *v, bool dp)
{
    return vreg(v, dp, v->hw2 >> 12, bit(v->hw1, 6));
}

static uint8_t reg_n(struct vdec *v, bool dp)
{
    return vreg(v, dp, v->hw1 & 0xf, bit(v->hw2, 7));
}

static uint8_t reg_m(struct vdec *v, bool dp)
{
    return vreg(v, dp, v->hw2 & 0xf, bit(v->hw2, 5));
}

/* A6.5: VLDR, VSTR, VLDM, VSTM, VPUSH, VPOP (hw1 = 1110 110P UDWL Rn,
 * hw2 = Vd 101 sz imm8). */
static void dec_ldst(struct vdec *v)
{
    struct thumb_insn *in = v->in;
    bool p = bit(v->hw1, 8), u = bit(v->hw1, 7), w = bit(v->hw1, 5), l = bit(v->hw1, 4);
    unsigned imm8 = v->hw2 & 0xff;
    in->dp = bit(v->hw2, 8);
    in->rn = v->hw1 & 0xf;
    if (p && !w) {
        in->op = l ? T_VLDR : T_VSTR;
        in->rd = reg_d(v, in->dp);
        in->imm = imm8 * 4;
        in->add = u;
        dec_unpred(in, !l && in->rn == ARM_PC);
        return;
    }
    if (p == u || (in->dp && (imm8 & 1))) {
        v->undef = true; /* (FLDMX/FSTMX with an odd imm8: not on M-profile) */
        return;
    }
    /* Register lists count from Vd:D or D:Vd without the D16 limit of a
     * single register: the end of the list is checked instead. */
    unsigned first =
        in->dp ? bit(v->hw1, 6) << 4 | v->hw2 >> 12 : (v->hw2 >> 12) << 1 | bit(v->hw1, 6);
    unsigned regs = in->dp ? imm8 / 2 : imm8;
    bool sp_wb = w && in->rn == ARM_SP;
    in->rd = (uint8_t)first;
    in->imm = regs;
    in->wback = w;
    in->add = !p;
    if (l)
        in->op = p ? T_VLDMDB : sp_wb ? T_VPOP : T_VLDMIA;
    else
        in->op = !p ? T_VSTMIA : sp_wb ? T_VPUSH : T_VSTMDB;
    dec_unpred(in, !regs || first + regs > (in->dp ? 16u : 32u) || in->rn == ARM_PC);
}

/* A6.6: VMOV two core registers to and from two S or one D register
 * (hw1 = 1110 1100 010 op Rt2, hw2 = Rt 101 C 00 M 1 Vm). */
static void dec_xfer64(struct vdec *v)
{
    struct thumb_insn *in = v->in;
    bool to_core = bit(v->hw1, 4);
    if ((v->hw2 & 0xd0) != 0x10) {
        v->undef = true;
        return;
    }
    in->dp = bit(v->hw2, 8);
    in->op = to_core ? T_VMOV_R2 : T_VMOV_2R;
    in->rt = v->hw2 >> 12;
    in->rt2 = v->hw1 & 0xf;
    in->rm = reg_m(v, in->dp);
    dec_unpred(in, dec_bad(in->rt) || dec_bad(in->rt2) || (!in->dp && in->rm == 31) ||
                       (to_core && in->rt == in->rt2));
}

/* A6.6: VMOV core register to and from an S register or a 32-bit scalar
 * of a D register, VMRS and VMSR (hw1 = 1110 1110 A L Vn, hw2 = Rt 101 C
 * N B 1 0000). */
static void dec_xfer32(struct vdec *v)
{
    struct thumb_insn *in = v->in;
    unsigned a = arm_bits(v->hw1, 7, 5);
    bool l = bit(v->hw1, 4), c = bit(v->hw2, 8);
    in->rt = v->hw2 >> 12;
    if ((v->hw2 & 0x7f) != 0x10) {
        v->undef = true;
    } else if (!c && a == 0) {
        in->op = l ? T_VMOV_RS : T_VMOV_SR;
        in->rd = vreg(v, false, v->hw1 & 0xf, bit(v->hw2, 7));
        dec_unpred(in, dec_bad(in->rt));
    } else if (!c && a == 7 && (v->hw1 & 0xf) == 1 && !bit(v->hw2, 7)) {
        /* FPSCR is the only FP system register of M-profile. */
        in->op = l ? T_VMRS : T_VMSR;
        dec_unpred(in, l ? in->rt == ARM_SP : dec_bad(in->rt));
    } else if (c && (a & 6) == 0) {
        in->op = l ? T_VMOV_RX : T_VMOV_XR;
        in->dp = true;
        in->rd = vreg(v, true, v->hw1 & 0xf, bit(v->hw2, 7));
        in->imm = a & 1;
        dec_unpred(in, dec_bad(in->rt));
    } else {
        v->undef = true;
    }
}

/* VFPExpandImm's 8 bits: imm4H:imm4L. */
static uint32_t vmov_imm8(const struct vdec *v)
{
    return (uint32_t)(v->hw1 & 0xf) << 4 | (v->hw2 & 0xf);
}

/* VCVT between floating point and fixed point, in place (opc2 = 1x1x):
 * imm = fbits << 8 | size << 1 | signed. */
static void dec_fixed(struct vdec *v, bool dp)
{
    struct thumb_insn *in = v->in;
    unsigned size = bit(v->hw2, 7) ? 32 : 16;
    unsigned imm5 = (v->hw2 & 0xf) << 1 | bit(v->hw2, 5);
    in->op = bit(v->hw1, 2) ? T_VCVT_FX : T_VCVT_XF;
    in->rd = reg_d(v, dp);
    in->imm = (size - imm5) << 8 | size << 1 | !bit(v->hw1, 0);
    dec_unpred(in, imm5 > size);
}

/* VCVTB/VCVTT (opc2 = 001x): imm bit 0 = to half, bit 1 = the top half;
 * dp (FPv5) converts from or to double. */
static void dec_half(struct vdec *v, bool dp)
{
    struct thumb_insn *in = v->in;
    bool to_half = bit(v->hw1, 0);
    in->op = bit(v->hw2, 7) ? T_VCVTT : T_VCVTB;
    in->imm = (unsigned)to_half | bit(v->hw2, 7) << 1;
    in->rd = reg_d(v, dp && !to_half);
    in->rm = reg_m(v, dp && to_half);
    v->undef |= dp && !(v->feat & ARM_FEAT_FPV5 && v->feat & ARM_FEAT_FP_DP);
}

/* VCVT between single and double (dp: the result's precision, the
 * opposite of sz). */
static void dec_cvt_ds(struct vdec *v, bool sz)
{
    struct thumb_insn *in = v->in;
    in->op = T_VCVT_DS;
    in->dp = !sz;
    in->rd = reg_d(v, !sz);
    in->rm = reg_m(v, sz);
    v->undef |= !(v->feat & ARM_FEAT_FP_DP);
}

/* Unary operations Dd/Sd = f(Dm/Sm), FPv5's only with @v5. */
static void dec_unary(struct vdec *v, bool dp, enum thumb_op op, bool v5)
{
    v->in->op = op;
    v->in->rd = reg_d(v, dp);
    v->in->rm = reg_m(v, dp);
    v->undef |= v5 && !(v->feat & ARM_FEAT_FPV5);
}

/* A6.4 "other" data processing (opc1 = 1x11). */
static void dec_dp_other(struct vdec *v, bool dp)
{
    struct thumb_insn *in = v->in;
    unsigned opc2 = v->hw1 & 0xf, opc3 = arm_bits(v->hw2, 7, 6);
    if (!(opc3 & 1)) {
        in->op = T_VMOV_IMM;
        in->rd = reg_d(v, dp);
        in->imm = vmov_imm8(v);
        v->undef |= (v->hw2 & 0xa0) != 0;
        return;
    }
    switch (opc2) {
    case 0: dec_unary(v, dp, opc3 == 1 ? T_VMOV_REG : T_VABS, false); break;
    case 1: dec_unary(v, dp, opc3 == 1 ? T_VNEG : T_VSQRT, false); break;
    case 2:
    case 3: dec_half(v, dp); break;
    case 4:
    case 5: /* VCMP{E}; with #0.0 when opc2 bit 0, Vm and M zero */
        dec_unary(v, dp, bit(v->hw2, 7) ? T_VCMPE : T_VCMP, false);
        in->imm = opc2 & 1;
        v->undef |= (opc2 & 1) && (v->hw2 & 0x2f);
        break;
    case 6: dec_unary(v, dp, opc3 == 1 ? T_VRINTR : T_VRINTZ, true); break;
    case 7:
        if (opc3 == 1)
            dec_unary(v, dp, T_VRINTX, true);
        else
            dec_cvt_ds(v, dp);
        break;
    case 8: /* from a 32-bit integer in Sm */
        in->op = T_VCVT_IF;
        in->rd = reg_d(v, dp);
        in->rm = reg_m(v, false);
        in->imm = bit(v->hw2, 7);
        break;
    case 10:
    case 11:
    case 14:
    case 15: dec_fixed(v, dp); break;
    case 12:
    case 13: /* to a 32-bit integer in Sd */
        in->op = bit(v->hw2, 7) ? T_VCVT_FI : T_VCVTR;
        in->rd = reg_d(v, false);
        in->rm = reg_m(v, dp);
        in->imm = opc2 & 1;
        break;
    default: v->undef = true; break;
    }
}

/* A6.4 (T = 0; hw1 = 1110 1110 opc1 opc2, hw2 = Vd 101 sz opc3 M 0 Vm). */
static void dec_dp(struct vdec *v)
{
    static const uint16_t three[11][2] = {
        {T_VMLA, T_VMLS},        {T_VNMLS, T_VNMLA},      {T_VMUL, T_VNMUL},
        {T_VADD, T_VSUB},        [8] = {T_VDIV, T_UNDEF}, [9] = {T_VFNMS, T_VFNMA},
        [10] = {T_VFMA, T_VFMS},
    };
    struct thumb_insn *in = v->in;
    unsigned opc1 = arm_bits(v->hw1, 7, 4) & 0xb;
    bool dp = bit(v->hw2, 8);
    in->dp = dp;
    if (opc1 == 0xb) {
        dec_dp_other(v, dp);
    } else if (three[opc1][bit(v->hw2, 6)] != T_UNDEF) {
        in->op = three[opc1][bit(v->hw2, 6)];
        in->rd = reg_d(v, dp);
        in->rn = reg_n(v, dp);
        in->rm = reg_m(v, dp);
    } else {
        v->undef = true;
    }
}

/* FPv5's T = 1 encodings (hw1 = 1111 1110 ...). */
static void dec_v5(struct vdec *v)
{
    struct thumb_insn *in = v->in;
    bool dp = bit(v->hw2, 8);
    unsigned rm4 = v->hw1 & 3;
    in->dp = dp;
    if (!(v->feat & ARM_FEAT_FPV5)) {
        v->undef = true;
    } else if (!bit(v->hw1, 7) && !bit(v->hw2, 6)) {
        in->op = (uint16_t)(T_VSELEQ + arm_bits(v->hw1, 5, 4));
        in->rd = reg_d(v, dp);
        in->rn = reg_n(v, dp);
        in->rm = reg_m(v, dp);
    } else if (bit(v->hw1, 7) && !arm_bits(v->hw1, 5, 4)) {
        in->op = bit(v->hw2, 6) ? T_VMINNM : T_VMAXNM;
        in->rd = reg_d(v, dp);
        in->rn = reg_n(v, dp);
        in->rm = reg_m(v, dp);
    } else if ((v->hw1 & 0xbc) == 0xb8 && arm_bits(v->hw2, 7, 6) == 1) {
        in->op = (uint16_t)(T_VRINTA + rm4);
        in->rd = reg_d(v, dp);
        in->rm = reg_m(v, dp);
    } else if ((v->hw1 & 0xbc) == 0xbc && bit(v->hw2, 6)) {
        in->op = (uint16_t)(T_VCVTA + rm4);
        in->rd = reg_d(v, false);
        in->rm = reg_m(v, dp);
        in->imm = bit(v->hw2, 7);
    } else {
        v->undef = true;
    }
}

/* Operations that compute in double precision when dp. */
static bool is_dp_arith(const struct thumb_insn *in)
{
    switch (arm_opdefs[in->op].kind) {
    case K_VFP: return in->op != T_VCVTB && in->op != T_VCVTT && in->op != T_VCVT_DS;
    case K_VMOV: /* VMOV immediate and register too: they are VFPv3 data processing */
        return in->op == T_VABS || in->op == T_VNEG || in->op == T_VMOV_IMM || in->op == T_VMOV_REG;
    default: return false;
    }
}

void arm_decode_vfp(uint32_t raw, uint32_t feat, struct thumb_insn *in)
{
    struct vdec v = {.hw1 = (uint16_t)(raw >> 16), .hw2 = (uint16_t)raw, .feat = feat, .in = in};
    unsigned op1 = arm_bits(v.hw1, 9, 4);
    bool t = bit(v.hw1, 12);
    if (in->len != 4 || arm_bits(v.hw2, 11, 9) != 5)
        return; /* another coprocessor */
    in->op = T_UNDEF;
    in->rd = in->rn = in->rm = 0;
    in->rt = in->rt2 = ARM_RNONE;
    if (!(op1 & 0x20) && !t)
        (op1 & 0x3e) == 0x04 ? dec_xfer64(&v) : dec_ldst(&v);
    else if ((op1 & 0x30) == 0x20 && bit(v.hw2, 4) && !t)
        dec_xfer32(&v);
    else if ((op1 & 0x30) == 0x20 && !bit(v.hw2, 4))
        t ? dec_v5(&v) : dec_dp(&v);
    else
        v.undef = true;
    if (in->dp && is_dp_arith(in) && !(feat & ARM_FEAT_FP_DP))
        v.undef = true;
    if (v.undef) {
        in->op = T_UNDEF;
        in->unpred = false;
    }
}
