# SPDX-License-Identifier: MIT
# RISC-V target unit tests: the decoder, the disassembler, harts run
# through the engine, and the register descriptions.
%C%_LIBS = $(TARGETS_TEST_SUPPORT) targets/riscv/libriscv.a $(UNIT_LIBS)

%C%_TESTS = %D%/test_disas %D%/test_decode %D%/test_exec %D%/test_regs
check_PROGRAMS += $(%C%_TESTS)
TESTS += $(%C%_TESTS)
%C%_test_disas_LDADD = $(%C%_LIBS)
%C%_test_decode_LDADD = $(%C%_LIBS)
%C%_test_exec_LDADD = $(%C%_LIBS)
%C%_test_regs_LDADD = $(%C%_LIBS)
# test_exec skips (TAP "1..0 # SKIP") when configure found no RISC-V gcc.
%C%_test_exec_CPPFLAGS = $(AM_CPPFLAGS) -DMOSAIC_RISCV_CC='"$(RISCV_CC)"'

# test_exec's programs: exec/NAME.S assembled for RV64 as exec/rv64-NAME.bin
# (and .elf, to disassemble) and for RV32 as exec/rv32-NAME.bin, flat
# images linked at 0x80000000.
%C%_EXEC_RV64 = access amo_access arith64 counters csr_ro csr_unimpl ebreak ecall fetch \
	illegal illegal_c irq lr_mis lrsc misaligned mstatus sc_mis semihost store_access \
	ucsr ucycle umret user zb_andn zb_words fs_on
%C%_EXEC_RV32 = arith32 counters32 fetch lrsc mstatus semihost32
EXTRA_DIST += %D%/exec/exec.h $(sort $(%C%_EXEC_RV64:%=%D%/exec/%.S) \
	$(%C%_EXEC_RV32:%=%D%/exec/%.S))
CLEANFILES += %D%/exec/*.elf %D%/exec/*.bin

if HAVE_RISCV_CC
check_SCRIPTS += $(%C%_EXEC_RV64:%=%D%/exec/rv64-%.bin) $(%C%_EXEC_RV32:%=%D%/exec/rv32-%.bin)

%C%_EXEC_CC = $(MKDIR_P) $(@D) && $(RISCV_CC) -nostdlib -nostartfiles -static \
	-I$(srcdir)/%D%/exec -Wl,-Ttext=0x80000000 -o $(@:.bin=.elf) $<
%C%_EXEC_BIN = $$($(RISCV_CC) -print-prog-name=objcopy) -O binary $(@:.bin=.elf) $@

%D%/exec/rv64-%.bin: $(srcdir)/%D%/exec/%.S $(srcdir)/%D%/exec/exec.h
	$(AM_V_GEN)$(%C%_EXEC_CC) -march=rv64imac_zicsr -mabi=lp64 && $(%C%_EXEC_BIN)
%D%/exec/rv32-%.bin: $(srcdir)/%D%/exec/%.S $(srcdir)/%D%/exec/exec.h
	$(AM_V_GEN)$(%C%_EXEC_CC) -march=rv32imac_zicsr -mabi=ilp32 && $(%C%_EXEC_BIN)
endif
