# SPDX-License-Identifier: MIT
# gdb target descriptions: the one register truth (parsed at start-up by
# engine/tdesc.c and served to gdb as they are).
xmldir = $(pkgdatadir)/xml
dist_xml_DATA = \
	%D%/riscv-32.xml %D%/riscv-32-cpu.xml %D%/riscv-32-csr.xml %D%/riscv-32-virtual.xml \
	%D%/riscv-64.xml %D%/riscv-64-cpu.xml %D%/riscv-64-csr.xml %D%/riscv-64-virtual.xml \
	%D%/riscv-32-gc.xml %D%/riscv-64-gc.xml %D%/riscv-64-fpu.xml \
	%D%/arm-m.xml %D%/arm-m-profile.xml %D%/arm-m-system.xml \
	%D%/arm-m-fp.xml %D%/arm-m-vfp.xml %D%/arm-m-v6.xml %D%/arm-m-v6-system.xml
