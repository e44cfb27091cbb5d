# SPDX-License-Identifier: MIT
# libFuzzer targets (configure CC=clang --enable-fuzzers): the gdb packet
# handler against a real machine, the board-file parser, the image
# loaders and property assignments, each with a seed corpus in
# corpus/<target>/ (shipped boards, test images, real gdb sessions).
#   make fuzz FUZZ_SECONDS=N    each target for N seconds (default 60),
#                               new inputs kept in fuzz-corpus/<target>/
#   make fuzz-check FUZZ_RUNS=N each target over its seed corpus plus N
#                               mutations (default 2000): what CI runs
#                               (scripts/ci-fuzz.sh)
FUZZ_NAMES = packets board loader props
FUZZ_TARGETS = %D%/fuzz_packets %D%/fuzz_board %D%/fuzz_loader %D%/fuzz_props
FUZZ_SECONDS = 60
FUZZ_RUNS = 2000
.PHONY: fuzz fuzz-check
EXTRA_DIST += %D%/corpus scripts/ci-fuzz.sh

if FUZZERS
noinst_PROGRAMS = $(FUZZ_TARGETS)
%C%_FUZZ_COMMON = %D%/fuzz_common.c %D%/fuzz.h
%C%_fuzz_packets_SOURCES = %D%/fuzz_packets.c $(%C%_FUZZ_COMMON)
%C%_fuzz_board_SOURCES = %D%/fuzz_board.c $(%C%_FUZZ_COMMON)
%C%_fuzz_loader_SOURCES = %D%/fuzz_loader.c $(%C%_FUZZ_COMMON)
%C%_fuzz_props_SOURCES = %D%/fuzz_props.c $(%C%_FUZZ_COMMON)
%C%_fuzz_packets_LDADD = $(MOSAIC_LIBS)
%C%_fuzz_board_LDADD = $(MOSAIC_LIBS)
%C%_fuzz_loader_LDADD = $(MOSAIC_LIBS)
%C%_fuzz_props_LDADD = $(MOSAIC_LIBS)
%C%_fuzz_packets_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_FLAGS)
%C%_fuzz_board_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_FLAGS)
%C%_fuzz_loader_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_FLAGS)
%C%_fuzz_props_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_FLAGS)

# -close_fd_mask=3: the targets' own output is dropped; libFuzzer's and
# the sanitizers' reports still show.
fuzz: $(FUZZ_TARGETS)
	@for t in $(FUZZ_NAMES); do \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  $(MKDIR_P) fuzz-corpus/$$t && \
	  ./%D%/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=3 -print_final_stats=1 \
	    fuzz-corpus/$$t $(srcdir)/%D%/corpus/$$t || exit 1; \
	done
fuzz-check: $(FUZZ_TARGETS)
	@for t in $(FUZZ_NAMES); do \
	  echo "== fuzz_$$t: seed corpus + $(FUZZ_RUNS) runs"; \
	  rm -rf fuzz-check-corpus/$$t && $(MKDIR_P) fuzz-check-corpus/$$t && \
	  ./%D%/fuzz_$$t -runs=$(FUZZ_RUNS) -seed=1 -close_fd_mask=3 \
	    fuzz-check-corpus/$$t $(srcdir)/%D%/corpus/$$t || exit 1; \
	done
else
fuzz fuzz-check:
	@echo "the fuzzers are not built: ./configure CC=clang --enable-fuzzers" >&2; exit 1
endif
