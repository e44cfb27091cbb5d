/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the RISC-V disassembler: a table of encodings of every
 * instruction class (base, M, A, F, D, Zba, Zbb, Zbc, Zbs, Zicsr,
 * Zifencei, privileged, and the compressed forms, for rv32 and rv64) with the text expected. The
 * encodings come from GNU as; the texts were checked against GNU objdump,
 * whose syntax (aliases, ABI names, bare hex targets) the disassembler
 * follows. Illegal encodings must disassemble to length 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "targets/riscv/internals.h"
#include "targets/riscv/riscv.h"

enum xlen { RV_BOTH, RV32, RV64 };

struct disas_case {
    enum xlen xlen;
    uint32_t raw;
    uint64_t pc;
    const char *text;
    unsigned len;
};

static const struct disas_case cases[] = {
    {RV_BOTH, 0x12345537, 0x80000000, "lui\ta0,0x12345", 4},
    {RV_BOTH, 0xffffffb7, 0x80000004, "lui\tt6,0xfffff", 4},
    {RV_BOTH, 0x00001497, 0x80000008, "auipc\ts1,0x1", 4},
    {RV_BOTH, 0x010000ef, 0x8000000c, "jal\t8000001c", 4},
    {RV_BOTH, 0xff9ff06f, 0x80000010, "j\t80000008", 4},
    {RV_BOTH, 0x1000036f, 0x80000014, "jal\tt1,80000114", 4},
    {RV_BOTH, 0x000500e7, 0x80000018, "jalr\ta0", 4},
    {RV_BOTH, 0x00008067, 0x8000001c, "ret", 4},
    {RV_BOTH, 0xffc582e7, 0x80000020, "jalr\tt0,-4(a1)", 4},
    {RV_BOTH, 0x00858067, 0x80000024, "jr\t8(a1)", 4},
    {RV_BOTH, 0x00b50463, 0x80000028, "beq\ta0,a1,80000030", 4},
    {RV_BOTH, 0xfe941ce3, 0x8000002c, "bne\ts0,s1,80000024", 4},
    {RV_BOTH, 0x00d640e3, 0x80000030, "blt\ta2,a3,80000830", 4},
    {RV_BOTH, 0x80f75063, 0x80000034, "bge\ta4,a5,7ffff034", 4},
    {RV_BOTH, 0x0062e263, 0x80000038, "bltu\tt0,t1,8000003c", 4},
    {RV_BOTH, 0x01c3f663, 0x8000003c, "bgeu\tt2,t3,80000048", 4},
    {RV_BOTH, 0x00050463, 0x80000040, "beqz\ta0,80000048", 4},
    {RV_BOTH, 0x00051463, 0x80000044, "bnez\ta0,8000004c", 4},
    {RV_BOTH, 0x00a01463, 0x80000048, "bne\tzero,a0,80000050", 4},
    {RV_BOTH, 0x00058503, 0x8000004c, "lb\ta0,0(a1)", 4},
    {RV_BOTH, 0xffe59503, 0x80000050, "lh\ta0,-2(a1)", 4},
    {RV_BOTH, 0x7ff5a503, 0x80000054, "lw\ta0,2047(a1)", 4},
    {RV_BOTH, 0x8005c503, 0x80000058, "lbu\ta0,-2048(a1)", 4},
    {RV_BOTH, 0x00415503, 0x8000005c, "lhu\ta0,4(sp)", 4},
    {RV_BOTH, 0x00a58023, 0x80000060, "sb\ta0,0(a1)", 4},
    {RV_BOTH, 0xfea59f23, 0x80000064, "sh\ta0,-2(a1)", 4},
    {RV_BOTH, 0x7ea5afa3, 0x80000068, "sw\ta0,2047(a1)", 4},
    {RV_BOTH, 0xfff58513, 0x8000006c, "addi\ta0,a1,-1", 4},
    {RV_BOTH, 0xff010113, 0x80000070, "addi\tsp,sp,-16", 4},
    {RV_BOTH, 0x0055a513, 0x80000074, "slti\ta0,a1,5", 4},
    {RV_BOTH, 0xffb5b513, 0x80000078, "sltiu\ta0,a1,-5", 4},
    {RV_BOTH, 0x0075c513, 0x8000007c, "xori\ta0,a1,7", 4},
    {RV_BOTH, 0xfff5e513, 0x80000080, "ori\ta0,a1,-1", 4},
    {RV_BOTH, 0x07f5f513, 0x80000084, "andi\ta0,a1,127", 4},
    {RV_BOTH, 0x00c58533, 0x80000088, "add\ta0,a1,a2", 4},
    {RV_BOTH, 0x40c58533, 0x8000008c, "sub\ta0,a1,a2", 4},
    {RV_BOTH, 0x00c59533, 0x80000090, "sll\ta0,a1,a2", 4},
    {RV_BOTH, 0x00c5a533, 0x80000094, "slt\ta0,a1,a2", 4},
    {RV_BOTH, 0x00c5b533, 0x80000098, "sltu\ta0,a1,a2", 4},
    {RV_BOTH, 0x00c5c533, 0x8000009c, "xor\ta0,a1,a2", 4},
    {RV_BOTH, 0x00c5d533, 0x800000a0, "srl\ta0,a1,a2", 4},
    {RV_BOTH, 0x40c5d533, 0x800000a4, "sra\ta0,a1,a2", 4},
    {RV_BOTH, 0x00c5e533, 0x800000a8, "or\ta0,a1,a2", 4},
    {RV_BOTH, 0x00c5f533, 0x800000ac, "and\ta0,a1,a2", 4},
    {RV_BOTH, 0x0ff0000f, 0x800000b0, "fence", 4},
    {RV_BOTH, 0x0330000f, 0x800000b4, "fence\trw,rw", 4},
    {RV_BOTH, 0x0210000f, 0x800000b8, "fence\tr,w", 4},
    {RV_BOTH, 0x8330000f, 0x800000bc, "fence.tso", 4},
    {RV_BOTH, 0x0000100f, 0x800000c0, "fence.i", 4},
    {RV_BOTH, 0x00000073, 0x800000c4, "ecall", 4},
    {RV_BOTH, 0x00100073, 0x800000c8, "ebreak", 4},
    {RV_BOTH, 0x30200073, 0x800000cc, "mret", 4},
    {RV_BOTH, 0x10500073, 0x800000d0, "wfi", 4},
    {RV_BOTH, 0x30059573, 0x800000d4, "csrrw\ta0,mstatus,a1", 4},
    {RV_BOTH, 0x3045a573, 0x800000d8, "csrrs\ta0,mie,a1", 4},
    {RV_BOTH, 0x3445b573, 0x800000dc, "csrrc\ta0,mip,a1", 4},
    {RV_BOTH, 0x3050d573, 0x800000e0, "csrrwi\ta0,mtvec,1", 4},
    {RV_BOTH, 0x340fe573, 0x800000e4, "csrrsi\ta0,mscratch,31", 4},
    {RV_BOTH, 0x34117573, 0x800000e8, "csrrci\ta0,mepc,2", 4},
    {RV_BOTH, 0x30002573, 0x800000ec, "csrr\ta0,mstatus", 4},
    {RV_BOTH, 0x30551073, 0x800000f0, "csrw\tmtvec,a0", 4},
    {RV_BOTH, 0x30052073, 0x800000f4, "csrs\tmstatus,a0", 4},
    {RV_BOTH, 0x30053073, 0x800000f8, "csrc\tmstatus,a0", 4},
    {RV_BOTH, 0x3401d073, 0x800000fc, "csrwi\tmscratch,3", 4},
    {RV_BOTH, 0x30446073, 0x80000100, "csrsi\tmie,8", 4},
    {RV_BOTH, 0x30447073, 0x80000104, "csrci\tmie,8", 4},
    {RV_BOTH, 0xf1402573, 0x80000108, "csrr\ta0,mhartid", 4},
    {RV_BOTH, 0x34202573, 0x8000010c, "csrr\ta0,mcause", 4},
    {RV_BOTH, 0x34302573, 0x80000110, "csrr\ta0,mtval", 4},
    {RV_BOTH, 0x30102573, 0x80000114, "csrr\ta0,misa", 4},
    {RV_BOTH, 0xf1102573, 0x80000118, "csrr\ta0,mvendorid", 4},
    {RV_BOTH, 0xf1202573, 0x8000011c, "csrr\ta0,marchid", 4},
    {RV_BOTH, 0xf1302573, 0x80000120, "csrr\ta0,mimpid", 4},
    {RV_BOTH, 0x30602573, 0x80000124, "csrr\ta0,mcounteren", 4},
    {RV_BOTH, 0x32002573, 0x80000128, "csrr\ta0,mcountinhibit", 4},
    {RV_BOTH, 0xb0002573, 0x8000012c, "csrr\ta0,mcycle", 4},
    {RV_BOTH, 0xb0202573, 0x80000130, "csrr\ta0,minstret", 4},
    {RV_BOTH, 0xc0002573, 0x80000134, "rdcycle\ta0", 4},
    {RV_BOTH, 0xc0102573, 0x80000138, "rdtime\ta0", 4},
    {RV_BOTH, 0xc0202573, 0x8000013c, "rdinstret\ta0", 4},
    {RV_BOTH, 0xc0302573, 0x80000140, "csrr\ta0,hpmcounter3", 4},
    {RV_BOTH, 0xb1f02573, 0x80000144, "csrr\ta0,mhpmcounter31", 4},
    {RV_BOTH, 0x32302573, 0x80000148, "csrr\ta0,mhpmevent3", 4},
    {RV_BOTH, 0x3a002573, 0x8000014c, "csrr\ta0,pmpcfg0", 4},
    {RV_BOTH, 0x3bf02573, 0x80000150, "csrr\ta0,pmpaddr15", 4},
    {RV_BOTH, 0x7c002573, 0x80000154, "csrr\ta0,0x7c0", 4},
    {RV_BOTH, 0x02c58533, 0x80000158, "mul\ta0,a1,a2", 4},
    {RV_BOTH, 0x02c59533, 0x8000015c, "mulh\ta0,a1,a2", 4},
    {RV_BOTH, 0x02c5a533, 0x80000160, "mulhsu\ta0,a1,a2", 4},
    {RV_BOTH, 0x02c5b533, 0x80000164, "mulhu\ta0,a1,a2", 4},
    {RV_BOTH, 0x02c5c533, 0x80000168, "div\ta0,a1,a2", 4},
    {RV_BOTH, 0x02c5d533, 0x8000016c, "divu\ta0,a1,a2", 4},
    {RV_BOTH, 0x02c5e533, 0x80000170, "rem\ta0,a1,a2", 4},
    {RV_BOTH, 0x02c5f533, 0x80000174, "remu\ta0,a1,a2", 4},
    {RV_BOTH, 0x1005a52f, 0x80000178, "lr.w\ta0,(a1)", 4},
    {RV_BOTH, 0x1405a52f, 0x8000017c, "lr.w.aq\ta0,(a1)", 4},
    {RV_BOTH, 0x18c5a52f, 0x80000180, "sc.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x1ac5a52f, 0x80000184, "sc.w.rl\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x08c5a52f, 0x80000188, "amoswap.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x00c5a52f, 0x8000018c, "amoadd.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x20c5a52f, 0x80000190, "amoxor.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x60c5a52f, 0x80000194, "amoand.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x40c5a52f, 0x80000198, "amoor.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x80c5a52f, 0x8000019c, "amomin.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0xa0c5a52f, 0x800001a0, "amomax.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0xc0c5a52f, 0x800001a4, "amominu.w\ta0,a2,(a1)", 4},
    {RV_BOTH, 0xe6c5a52f, 0x800001a8, "amomaxu.w.aqrl\ta0,a2,(a1)", 4},
    {RV_BOTH, 0x00000013, 0x800001ac, "nop", 4},
    {RV_BOTH, 0xff900513, 0x800001b0, "li\ta0,-7", 4},
    {RV_BOTH, 0x00058513, 0x800001b4, "mv\ta0,a1", 4},
    {RV_BOTH, 0xfff5c513, 0x800001b8, "not\ta0,a1", 4},
    {RV_BOTH, 0x40b00533, 0x800001bc, "neg\ta0,a1", 4},
    {RV_BOTH, 0x0015b513, 0x800001c0, "seqz\ta0,a1", 4},
    {RV_BOTH, 0x00b03533, 0x800001c4, "snez\ta0,a1", 4},
    {RV_BOTH, 0x0005a533, 0x800001c8, "sltz\ta0,a1", 4},
    {RV_BOTH, 0x00b02533, 0x800001cc, "sgtz\ta0,a1", 4},
    {RV_BOTH, 0x00a05463, 0x800001d0, "blez\ta0,800001d8", 4},
    {RV_BOTH, 0x00a04463, 0x800001d4, "bgtz\ta0,800001dc", 4},
    {RV_BOTH, 0x00054463, 0x800001d8, "bltz\ta0,800001e0", 4},
    {RV_BOTH, 0x00055463, 0x800001dc, "bgez\ta0,800001e4", 4},
    {RV_BOTH, 0x00000808, 0x800001e0, "addi\ta0,sp,16", 2},
    {RV_BOTH, 0x000041c8, 0x800001e2, "lw\ta0,4(a1)", 2},
    {RV_BOTH, 0x0000c1a8, 0x800001e4, "sw\ta0,64(a1)", 2},
    {RV_BOTH, 0x00000001, 0x800001e6, "nop", 2},
    {RV_BOTH, 0x0000157d, 0x800001e8, "addi\ta0,a0,-1", 2},
    {RV_BOTH, 0x0000457d, 0x800001ea, "li\ta0,31", 2},
    {RV_BOTH, 0x0000617d, 0x800001ec, "addi\tsp,sp,496", 2},
    {RV_BOTH, 0x0000657d, 0x800001ee, "lui\ta0,0x1f", 2},
    {RV_BOTH, 0x00008105, 0x800001f0, "srli\ta0,a0,0x1", 2},
    {RV_BOTH, 0x0000857d, 0x800001f2, "srai\ta0,a0,0x1f", 2},
    {RV_BOTH, 0x00009901, 0x800001f4, "andi\ta0,a0,-32", 2},
    {RV_BOTH, 0x00008c05, 0x800001f6, "sub\ts0,s0,s1", 2},
    {RV_BOTH, 0x00008c25, 0x800001f8, "xor\ts0,s0,s1", 2},
    {RV_BOTH, 0x00008c45, 0x800001fa, "or\ts0,s0,s1", 2},
    {RV_BOTH, 0x00008c65, 0x800001fc, "and\ts0,s0,s1", 2},
    {RV_BOTH, 0x0000bffd, 0x800001fe, "j\t800001fc", 2},
    {RV_BOTH, 0x0000cd7d, 0x80000200, "beqz\ta0,800002fe", 2},
    {RV_BOTH, 0x0000f101, 0x80000202, "bnez\ta0,80000102", 2},
    {RV_BOTH, 0x0000057e, 0x80000204, "slli\ta0,a0,0x1f", 2},
    {RV_BOTH, 0x0000557e, 0x80000206, "lw\ta0,252(sp)", 2},
    {RV_BOTH, 0x00008502, 0x80000208, "jr\ta0", 2},
    {RV_BOTH, 0x0000852e, 0x8000020a, "mv\ta0,a1", 2},
    {RV_BOTH, 0x00009002, 0x8000020c, "ebreak", 2},
    {RV_BOTH, 0x00009502, 0x8000020e, "jalr\ta0", 2},
    {RV_BOTH, 0x0000952e, 0x80000210, "add\ta0,a0,a1", 2},
    {RV_BOTH, 0x0000dfaa, 0x80000212, "sw\ta0,252(sp)", 2},
    {RV64, 0x0085b503, 0x80000000, "ld\ta0,8(a1)", 4},
    {RV64, 0x0085e503, 0x80000004, "lwu\ta0,8(a1)", 4},
    {RV64, 0xfea5bc23, 0x80000008, "sd\ta0,-8(a1)", 4},
    {RV64, 0x03f59513, 0x8000000c, "slli\ta0,a1,0x3f", 4},
    {RV64, 0x0205d513, 0x80000010, "srli\ta0,a1,0x20", 4},
    {RV64, 0x4015d513, 0x80000014, "srai\ta0,a1,0x1", 4},
    {RV64, 0xfff5851b, 0x80000018, "addiw\ta0,a1,-1", 4},
    {RV64, 0x0005851b, 0x8000001c, "sext.w\ta0,a1", 4},
    {RV64, 0x01f5951b, 0x80000020, "slliw\ta0,a1,0x1f", 4},
    {RV64, 0x0015d51b, 0x80000024, "srliw\ta0,a1,0x1", 4},
    {RV64, 0x4025d51b, 0x80000028, "sraiw\ta0,a1,0x2", 4},
    {RV64, 0x00c5853b, 0x8000002c, "addw\ta0,a1,a2", 4},
    {RV64, 0x40c5853b, 0x80000030, "subw\ta0,a1,a2", 4},
    {RV64, 0x40c0053b, 0x80000034, "negw\ta0,a2", 4},
    {RV64, 0x00c5953b, 0x80000038, "sllw\ta0,a1,a2", 4},
    {RV64, 0x00c5d53b, 0x8000003c, "srlw\ta0,a1,a2", 4},
    {RV64, 0x40c5d53b, 0x80000040, "sraw\ta0,a1,a2", 4},
    {RV64, 0x02c5853b, 0x80000044, "mulw\ta0,a1,a2", 4},
    {RV64, 0x02c5c53b, 0x80000048, "divw\ta0,a1,a2", 4},
    {RV64, 0x02c5d53b, 0x8000004c, "divuw\ta0,a1,a2", 4},
    {RV64, 0x02c5e53b, 0x80000050, "remw\ta0,a1,a2", 4},
    {RV64, 0x02c5f53b, 0x80000054, "remuw\ta0,a1,a2", 4},
    {RV64, 0x1005b52f, 0x80000058, "lr.d\ta0,(a1)", 4},
    {RV64, 0x18c5b52f, 0x8000005c, "sc.d\ta0,a2,(a1)", 4},
    {RV64, 0x08c5b52f, 0x80000060, "amoswap.d\ta0,a2,(a1)", 4},
    {RV64, 0x00c5b52f, 0x80000064, "amoadd.d\ta0,a2,(a1)", 4},
    {RV64, 0x20c5b52f, 0x80000068, "amoxor.d\ta0,a2,(a1)", 4},
    {RV64, 0x60c5b52f, 0x8000006c, "amoand.d\ta0,a2,(a1)", 4},
    {RV64, 0x40c5b52f, 0x80000070, "amoor.d\ta0,a2,(a1)", 4},
    {RV64, 0x80c5b52f, 0x80000074, "amomin.d\ta0,a2,(a1)", 4},
    {RV64, 0xa0c5b52f, 0x80000078, "amomax.d\ta0,a2,(a1)", 4},
    {RV64, 0xc0c5b52f, 0x8000007c, "amominu.d\ta0,a2,(a1)", 4},
    {RV64, 0xe4c5b52f, 0x80000080, "amomaxu.d.aq\ta0,a2,(a1)", 4},
    {RV64, 0x00007de8, 0x80000084, "ld\ta0,248(a1)", 2},
    {RV64, 0x0000e588, 0x80000086, "sd\ta0,8(a1)", 2},
    {RV64, 0x0000357d, 0x80000088, "addiw\ta0,a0,-1", 2},
    {RV64, 0x00002501, 0x8000008a, "sext.w\ta0,a0", 2},
    {RV64, 0x00009c05, 0x8000008c, "subw\ts0,s0,s1", 2},
    {RV64, 0x00009c25, 0x8000008e, "addw\ts0,s0,s1", 2},
    {RV64, 0x0000757e, 0x80000090, "ld\ta0,504(sp)", 2},
    {RV64, 0x0000ffaa, 0x80000092, "sd\ta0,504(sp)", 2},
    {RV64, 0x0000157e, 0x80000094, "slli\ta0,a0,0x3f", 2},
    {RV64, 0x00009101, 0x80000096, "srli\ta0,a0,0x20", 2},
    {RV64, 0x00009505, 0x80000098, "srai\ta0,a0,0x21", 2},
    {RV32, 0x01f59513, 0x80000000, "slli\ta0,a1,0x1f", 4},
    {RV32, 0x0015d513, 0x80000004, "srli\ta0,a1,0x1", 4},
    {RV32, 0x4075d513, 0x80000008, "srai\ta0,a1,0x7", 4},
    {RV32, 0xc8002573, 0x8000000c, "rdcycleh\ta0", 4},
    {RV32, 0xc8202573, 0x80000010, "rdinstreth\ta0", 4},
    {RV32, 0xb8002573, 0x80000014, "csrr\ta0,mcycleh", 4},
    {RV32, 0xb8202573, 0x80000018, "csrr\ta0,minstreth", 4},
    {RV32, 0x31002573, 0x8000001c, "csrr\ta0,mstatush", 4},
    {RV32, 0xc8302573, 0x80000020, "csrr\ta0,hpmcounter3h", 4},
    {RV32, 0x3a102573, 0x80000024, "csrr\ta0,pmpcfg1", 4},
    {RV32, 0x00002021, 0x80000028, "jal\t80000030", 2},
    {RV32, 0x0000817d, 0x8000002a, "srli\ta0,a0,0x1f", 2},
    /* F and D, with the rounding mode shown unless dynamic */
    {RV_BOTH, 0x00c5f553, 0x80000000, "fadd.s\tfa0,fa1,fa2", 4},
    {RV_BOTH, 0x00c58553, 0x80000000, "fadd.s\tfa0,fa1,fa2,rne", 4},
    {RV_BOTH, 0x0a209053, 0x80000000, "fsub.d\tft0,ft1,ft2,rtz", 4},
    {RV_BOTH, 0x105221d3, 0x80000000, "fmul.s\tft3,ft4,ft5,rdn", 4},
    {RV_BOTH, 0x1b49b953, 0x80000000, "fdiv.d\tfs2,fs3,fs4,rup", 4},
    {RV_BOTH, 0x68c5f543, 0x80000000, "fmadd.s\tfa0,fa1,fa2,fa3", 4},
    {RV_BOTH, 0x6ac5c547, 0x80000000, "fmsub.d\tfa0,fa1,fa2,fa3,rmm", 4},
    {RV_BOTH, 0xf9eefe4b, 0x80000000, "fnmsub.s\tft8,ft9,ft10,ft11", 4},
    {RV_BOTH, 0xdbacfc4f, 0x80000000, "fnmadd.d\tfs8,fs9,fs10,fs11", 4},
    {RV_BOTH, 0x5805f553, 0x80000000, "fsqrt.s\tfa0,fa1", 4},
    {RV_BOTH, 0x5a04f453, 0x80000000, "fsqrt.d\tfs0,fs1", 4},
    {RV_BOTH, 0x20c58553, 0x80000000, "fsgnj.s\tfa0,fa1,fa2", 4},
    {RV_BOTH, 0x22c59553, 0x80000000, "fsgnjn.d\tfa0,fa1,fa2", 4},
    {RV_BOTH, 0x20c5a553, 0x80000000, "fsgnjx.s\tfa0,fa1,fa2", 4},
    {RV_BOTH, 0x22b58553, 0x80000000, "fmv.d\tfa0,fa1", 4},
    {RV_BOTH, 0x20b59553, 0x80000000, "fneg.s\tfa0,fa1", 4},
    {RV_BOTH, 0x22b5a553, 0x80000000, "fabs.d\tfa0,fa1", 4},
    {RV_BOTH, 0x28c58553, 0x80000000, "fmin.s\tfa0,fa1,fa2", 4},
    {RV_BOTH, 0x2ac59553, 0x80000000, "fmax.d\tfa0,fa1,fa2", 4},
    {RV_BOTH, 0xc0051553, 0x80000000, "fcvt.w.s\ta0,fa0,rtz", 4},
    {RV_BOTH, 0xc2157553, 0x80000000, "fcvt.wu.d\ta0,fa0", 4},
    {RV_BOTH, 0xd0057553, 0x80000000, "fcvt.s.w\tfa0,a0", 4},
    {RV_BOTH, 0xd2150553, 0x80000000, "fcvt.d.wu\tfa0,a0", 4},
    {RV_BOTH, 0x42058553, 0x80000000, "fcvt.d.s\tfa0,fa1", 4},
    {RV_BOTH, 0x4015f553, 0x80000000, "fcvt.s.d\tfa0,fa1", 4},
    {RV_BOTH, 0xe0050553, 0x80000000, "fmv.x.w\ta0,fa0", 4},
    {RV_BOTH, 0xf0050553, 0x80000000, "fmv.w.x\tfa0,a0", 4},
    {RV_BOTH, 0xe0051553, 0x80000000, "fclass.s\ta0,fa0", 4},
    {RV_BOTH, 0xe2051553, 0x80000000, "fclass.d\ta0,fa0", 4},
    {RV_BOTH, 0xa0b52553, 0x80000000, "feq.s\ta0,fa0,fa1", 4},
    {RV_BOTH, 0xa2b51553, 0x80000000, "flt.d\ta0,fa0,fa1", 4},
    {RV_BOTH, 0xa0b50553, 0x80000000, "fle.s\ta0,fa0,fa1", 4},
    {RV_BOTH, 0x00452507, 0x80000000, "flw\tfa0,4(a0)", 4},
    {RV_BOTH, 0xfea52e27, 0x80000000, "fsw\tfa0,-4(a0)", 4},
    {RV_BOTH, 0x7f813d87, 0x80000000, "fld\tfs11,2040(sp)", 4},
    {RV_BOTH, 0xffb13c27, 0x80000000, "fsd\tfs11,-8(sp)", 4},
    {RV_BOTH, 0x00002588, 0x80000000, "fld\tfa0,8(a1)", 2},
    {RV_BOTH, 0x0000bc7c, 0x80000000, "fsd\tfa5,248(s0)", 2},
    {RV_BOTH, 0x00002062, 0x80000000, "fld\tft0,24(sp)", 2},
    {RV_BOTH, 0x0000a822, 0x80000000, "fsd\tfs0,16(sp)", 2},
    {RV_BOTH, 0x00302573, 0x80000000, "frcsr\ta0", 4},
    {RV_BOTH, 0x00351073, 0x80000000, "fscsr\ta0", 4},
    {RV_BOTH, 0x003515f3, 0x80000000, "fscsr\ta1,a0", 4},
    {RV_BOTH, 0x00251073, 0x80000000, "fsrm\ta0", 4},
    {RV_BOTH, 0x00202573, 0x80000000, "frrm\ta0", 4},
    {RV_BOTH, 0x00159573, 0x80000000, "fsflags\ta0,a1", 4},
    {RV_BOTH, 0x00102573, 0x80000000, "frflags\ta0", 4},
    {RV_BOTH, 0x00215073, 0x80000000, "fsrmi\tzero,2", 4},
    {RV_BOTH, 0x0011d5f3, 0x80000000, "fsflagsi\ta1,3", 4},
    {RV64, 0xc0257553, 0x80000000, "fcvt.l.s\ta0,fa0", 4},
    {RV64, 0xc0354553, 0x80000000, "fcvt.lu.s\ta0,fa0,rmm", 4},
    {RV64, 0xc2253553, 0x80000000, "fcvt.l.d\ta0,fa0,rup", 4},
    {RV64, 0xc2357553, 0x80000000, "fcvt.lu.d\ta0,fa0", 4},
    {RV64, 0xd0257553, 0x80000000, "fcvt.s.l\tfa0,a0", 4},
    {RV64, 0xd0357553, 0x80000000, "fcvt.s.lu\tfa0,a0", 4},
    {RV64, 0xd2257553, 0x80000000, "fcvt.d.l\tfa0,a0", 4},
    {RV64, 0xd2351553, 0x80000000, "fcvt.d.lu\tfa0,a0,rtz", 4},
    {RV64, 0xe2050553, 0x80000000, "fmv.x.d\ta0,fa0", 4},
    {RV64, 0xf2050553, 0x80000000, "fmv.d.x\tfa0,a0", 4},
    {RV32, 0x000061c8, 0x80000000, "flw\tfa0,4(a1)", 2},
    {RV32, 0x0000fc7c, 0x80000000, "fsw\tfa5,124(s0)", 2},
    {RV32, 0x0000707e, 0x80000000, "flw\tft0,252(sp)", 2},
    {RV32, 0x0000e822, 0x80000000, "fsw\tfs0,16(sp)", 2},
    /* Zba, Zbb, Zbc, Zbs; immediate rotates and bit operations print as
     * objdump prints them, without the i */
    {RV_BOTH, 0x20c5a533, 0x80000000, "sh1add\ta0,a1,a2", 4},
    {RV_BOTH, 0x20c5c533, 0x80000000, "sh2add\ta0,a1,a2", 4},
    {RV_BOTH, 0x20c5e533, 0x80000000, "sh3add\ta0,a1,a2", 4},
    {RV_BOTH, 0x40c5f533, 0x80000000, "andn\ta0,a1,a2", 4},
    {RV_BOTH, 0x40c5e533, 0x80000000, "orn\ta0,a1,a2", 4},
    {RV_BOTH, 0x40c5c533, 0x80000000, "xnor\ta0,a1,a2", 4},
    {RV_BOTH, 0x60059513, 0x80000000, "clz\ta0,a1", 4},
    {RV_BOTH, 0x60159513, 0x80000000, "ctz\ta0,a1", 4},
    {RV_BOTH, 0x60259513, 0x80000000, "cpop\ta0,a1", 4},
    {RV_BOTH, 0x0ac5e533, 0x80000000, "max\ta0,a1,a2", 4},
    {RV_BOTH, 0x0ac5f533, 0x80000000, "maxu\ta0,a1,a2", 4},
    {RV_BOTH, 0x0ac5c533, 0x80000000, "min\ta0,a1,a2", 4},
    {RV_BOTH, 0x0ac5d533, 0x80000000, "minu\ta0,a1,a2", 4},
    {RV_BOTH, 0x60459513, 0x80000000, "sext.b\ta0,a1", 4},
    {RV_BOTH, 0x60559513, 0x80000000, "sext.h\ta0,a1", 4},
    {RV_BOTH, 0x60c59533, 0x80000000, "rol\ta0,a1,a2", 4},
    {RV_BOTH, 0x60c5d533, 0x80000000, "ror\ta0,a1,a2", 4},
    {RV_BOTH, 0x6035d513, 0x80000000, "ror\ta0,a1,0x3", 4},
    {RV_BOTH, 0x2875d513, 0x80000000, "orc.b\ta0,a1", 4},
    {RV_BOTH, 0x0ac59533, 0x80000000, "clmul\ta0,a1,a2", 4},
    {RV_BOTH, 0x0ac5b533, 0x80000000, "clmulh\ta0,a1,a2", 4},
    {RV_BOTH, 0x0ac5a533, 0x80000000, "clmulr\ta0,a1,a2", 4},
    {RV_BOTH, 0x48c59533, 0x80000000, "bclr\ta0,a1,a2", 4},
    {RV_BOTH, 0x48c5d533, 0x80000000, "bext\ta0,a1,a2", 4},
    {RV_BOTH, 0x4835d513, 0x80000000, "bext\ta0,a1,0x3", 4},
    {RV_BOTH, 0x68c59533, 0x80000000, "binv\ta0,a1,a2", 4},
    {RV_BOTH, 0x68359513, 0x80000000, "binv\ta0,a1,0x3", 4},
    {RV_BOTH, 0x28c59533, 0x80000000, "bset\ta0,a1,a2", 4},
    {RV_BOTH, 0x28359513, 0x80000000, "bset\ta0,a1,0x3", 4},
    {RV64, 0x08c5853b, 0x80000000, "add.uw\ta0,a1,a2", 4},
    {RV64, 0x0805853b, 0x80000000, "zext.w\ta0,a1", 4},
    {RV64, 0x20c5a53b, 0x80000000, "sh1add.uw\ta0,a1,a2", 4},
    {RV64, 0x20c5c53b, 0x80000000, "sh2add.uw\ta0,a1,a2", 4},
    {RV64, 0x20c5e53b, 0x80000000, "sh3add.uw\ta0,a1,a2", 4},
    {RV64, 0x0a35951b, 0x80000000, "slli.uw\ta0,a1,0x23", 4},
    {RV64, 0x6005951b, 0x80000000, "clzw\ta0,a1", 4},
    {RV64, 0x6015951b, 0x80000000, "ctzw\ta0,a1", 4},
    {RV64, 0x6025951b, 0x80000000, "cpopw\ta0,a1", 4},
    {RV64, 0x0805c53b, 0x80000000, "zext.h\ta0,a1", 4},
    {RV64, 0x60c5953b, 0x80000000, "rolw\ta0,a1,a2", 4},
    {RV64, 0x60c5d53b, 0x80000000, "rorw\ta0,a1,a2", 4},
    {RV64, 0x6035d51b, 0x80000000, "rorw\ta0,a1,0x3", 4},
    {RV64, 0x6b85d513, 0x80000000, "rev8\ta0,a1", 4},
    {RV64, 0x63f5d513, 0x80000000, "ror\ta0,a1,0x3f", 4},
    {RV64, 0x4bf59513, 0x80000000, "bclr\ta0,a1,0x3f", 4},
    {RV32, 0x0805c533, 0x80000000, "zext.h\ta0,a1", 4},
    {RV32, 0x6985d513, 0x80000000, "rev8\ta0,a1", 4},
    {RV32, 0x61f5d513, 0x80000000, "ror\ta0,a1,0x1f", 4},
    {RV32, 0x49f59513, 0x80000000, "bclr\ta0,a1,0x1f", 4},
    /* Targets wrap at XLEN. */
    {RV32, 0xff9ff06f, 0x0, "j\tfffffff8", 4},
    {RV64, 0xff9ff06f, 0x0, "j\tfffffffffffffff8", 4},
};

static void check_case(const struct disas_case *c, bool rv64)
{
    char buf[96];
    unsigned len = riscv_disas_insn(c->raw, rv64, c->pc, buf, sizeof(buf));
    if (len != c->len || strcmp(buf, c->text))
        fail_msg("0x%08x on rv%d: got \"%s\" (%u), expected \"%s\" (%u)", c->raw, rv64 ? 64 : 32,
                 buf, len, c->text, c->len);
}

static void test_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (cases[i].xlen != RV64)
            check_case(&cases[i], false);
        if (cases[i].xlen != RV32)
            check_case(&cases[i], true);
    }
}

struct illegal_case {
    enum xlen xlen;
    uint32_t raw;
    const char *why;
};

static const struct illegal_case illegal[] = {
    {RV_BOTH, 0x0000, "c.unimp: the all-zero parcel"},
    {RV_BOTH, 0x0004, "c.addi4spn with nzuimm 0"},
    {RV_BOTH, 0x8000, "reserved quadrant 0 funct3 100"},
    {RV_BOTH, 0x6501, "c.lui with imm 0"},
    {RV_BOTH, 0x6101, "c.addi16sp with imm 0"},
    {RV_BOTH, 0x8002, "c.jr x0"},
    {RV_BOTH, 0x4002, "c.lwsp x0"},
    {RV64, 0x6002, "c.ldsp x0 on rv64"},
    {RV_BOTH, 0x9c41, "reserved c.subw/c.addw space"},
    {RV32, 0x9105, "c.srli shamt[5] on rv32"},
    {RV32, 0x1082, "c.slli shamt[5] on rv32"},
    {RV32, 0x9c01, "c.subw on rv32"},
    {RV64, 0x2001, "c.addiw x0"},
    {RV_BOTH, 0xffffffff, "all ones"},
    {RV_BOTH, 0x00007003, "LOAD funct3 7"},
    {RV32, 0x02059513, "slli shamt[5] on rv32"},
    {RV32, 0x0085e503, "lwu on rv32"},
    {RV32, 0x00b53023, "sd on rv32"},
    {RV32, 0x0005851b, "addiw on rv32"},
    {RV32, 0x1005b52f, "lr.d on rv32"},
    {RV64, 0x0200d51b, "srliw with shamt[5]"},
    {RV_BOTH, 0x10200073, "sret (no S-mode)"},
    {RV_BOTH, 0x12000073, "sfence.vma (no S-mode)"},
    {RV_BOTH, 0x7b200073, "dret"},
    {RV_BOTH, 0x00004073, "SYSTEM funct3 4"},
    {RV_BOTH, 0x1025a52f, "lr.w with rs2 != 0"},
    {RV_BOTH, 0x0000702f, "AMO funct3 7"},
    {RV_BOTH, 0x3000202f, "AMO funct5 0x06"},
    {RV_BOTH, 0x0000200f, "MISC-MEM funct3 2"},
    {RV_BOTH, 0x0005c507, "LOAD-FP funct3 4"},
    {RV_BOTH, 0x5a14f453, "fsqrt.d with rs2 != 0"},
    {RV_BOTH, 0xe0151553, "fclass.s with rs2 != 0"},
    {RV_BOTH, 0x04c58553, "fadd.q (no Q)"},
    {RV32, 0x0805c53b, "zext.h in OP-32 on rv32"},
    {RV64, 0x0805c533, "pack (no Zbkb) where rv32 has zext.h"},
    {RV32, 0x6b85d513, "rev8 of rv64 on rv32"},
    {RV64, 0x6985d513, "rev8 of rv32 on rv64"},
    {RV32, 0x6235d513, "rori shamt[5] on rv32"},
    {RV_BOTH, 0x60659513, "OP-IMM funct12 0x606"},
    {RV32, 0x08c5853b, "add.uw on rv32"},
    {RV32, 0xc0253553, "fcvt.l.d on rv32"},
    {RV32, 0xe2050553, "fmv.x.d on rv32"},
    {RV_BOTH, 0x000510e7, "jalr with funct3 1"},
    {RV_BOTH, 0x0000107f, "unknown opcode"},
    {RV_BOTH, 0x82b54533, "OP with funct7 0x41"},
};

static void check_illegal(const struct illegal_case *c, bool rv64)
{
    char buf[64], want[32];
    unsigned len = riscv_disas_insn(c->raw, rv64, 0, buf, sizeof(buf));
    if ((c->raw & 3) == 3)
        snprintf(want, sizeof(want), ".word\t0x%08x", c->raw);
    else
        snprintf(want, sizeof(want), ".short\t0x%04x", c->raw);
    if (len != 0 || strcmp(buf, want))
        fail_msg("%s (0x%08x) on rv%d: got \"%s\" (%u)", c->why, c->raw, rv64 ? 64 : 32, buf, len);
}

static void test_illegal(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(illegal) / sizeof(illegal[0]); i++) {
        if (illegal[i].xlen != RV64)
            check_illegal(&illegal[i], false);
        if (illegal[i].xlen != RV32)
            check_illegal(&illegal[i], true);
    }
}

/* The target_ops entry reads little-endian bytes and refuses short input. */
static void test_target_ops_bytes(void **state)
{
    (void)state;
    static struct riscv_cpu c;
    static const uint8_t code[] = {0x13, 0x05, 0x15, 0x00, 0x05, 0x45};
    char buf[64];
    c.rv64 = true;
    assert_int_equal(riscv_target_ops.disas(&c.cpu, 0x1000, code, 6, buf, sizeof(buf)), 4);
    assert_string_equal(buf, "addi\ta0,a0,1");
    assert_int_equal(riscv_target_ops.disas(&c.cpu, 0x1004, code + 4, 2, buf, sizeof(buf)), 2);
    assert_string_equal(buf, "li\ta0,1");
    assert_int_equal(riscv_target_ops.disas(&c.cpu, 0x1000, code, 3, buf, sizeof(buf)), 0);
    assert_int_equal(riscv_target_ops.disas(&c.cpu, 0x1000, code, 1, buf, sizeof(buf)), 0);
}

/* A short buffer truncates the text but never overflows. */
static void test_small_buffer(void **state)
{
    (void)state;
    char buf[8];
    memset(buf, 'x', sizeof(buf));
    assert_int_equal(riscv_disas_insn(0x00b50533, true, 0, buf, 5), 4);
    assert_string_equal(buf, "add\t");
    assert_int_equal(buf[5], 'x');
}

static void test_reg_names(void **state)
{
    (void)state;
    assert_string_equal(riscv_reg_name(0), "zero");
    assert_string_equal(riscv_reg_name(2), "sp");
    assert_string_equal(riscv_reg_name(8), "s0");
    assert_string_equal(riscv_reg_name(10), "a0");
    assert_string_equal(riscv_reg_name(27), "s11");
    assert_string_equal(riscv_reg_name(31), "t6");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_illegal),
        cmocka_unit_test(test_target_ops_bytes),
        cmocka_unit_test(test_small_buffer),
        cmocka_unit_test(test_reg_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
