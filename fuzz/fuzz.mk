# fuzz/fuzz.mk - libFuzzer targets, included by the top Makefile.
#
#   make fuzz FUZZ_SECONDS=N   run each target for N seconds (default 60) on
#                              its growing corpus in $(BUILD)/fuzz/corpus;
#                              crashes land in $(BUILD)/fuzz/artifacts
#   make fuzz-mica | fuzz-yaml | fuzz-blob | fuzz-scenario | fuzz-lsp
#                              one target (make -j runs several); FUZZ_FLAGS
#                              adds libFuzzer options (docs/fuzzing.md)
#   make fuzz-smoke            the check step: FUZZ_SMOKE_RUNS executions each
#
# The compiler, the backend and the generated parser are compiled again with
# clang and -fsanitize=fuzzer-no-link,address,undefined into $(BUILD)/fuzz,
# whatever CC and SANITIZE say: libFuzzer exists only in clang. The scenario
# target carries the example policies it replays against, embedded in a
# generated header (fuzz/embed.sh), so it runs from any directory.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_RUNS ?= 20000
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=4096
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 $(WARN) -O1 -g $(FUZZ_SAN) -D_POSIX_C_SOURCE=200809L \
	-DMICAC_VERSION='"$(VERSION)"' -Icompiler -I$(BUILD)/gen \
	-Ibackend/rmm_blob/include -Ifuzz -I$(FUZZ_DIR)/gen
FUZZ_GEN_CFLAGS := $(FUZZ_CFLAGS) -Wno-unused-function -Wno-sign-compare \
	-Wno-unused-parameter -Wno-missing-prototypes
FUZZ_TARGETS := mica yaml blob scenario lsp token
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
FUZZ_LIB_OBJ := $(COMPILER_SRC:%.c=$(FUZZ_DIR)/obj/%.o) \
	$(BACKEND_SRC:%.c=$(FUZZ_DIR)/obj/%.o) \
	$(FUZZ_DIR)/obj/gen/parser.o $(FUZZ_DIR)/obj/gen/lexer.o \
	$(FUZZ_DIR)/obj/gen/diagnostics_doc.o \
	$(FUZZ_DIR)/obj/fuzz/fuzz_compile.o

$(FUZZ_DIR)/obj/gen/%.o: $(BUILD)/gen/%.c $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_GEN_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/obj/%.o: %.c $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

FUZZ_POLICIES := $(wildcard examples/policies/*.mica examples/policies/*.yaml)
$(FUZZ_DIR)/gen/fuzz_policies.h: fuzz/embed.sh $(FUZZ_POLICIES)
	@fuzz/embed.sh $@ $(FUZZ_POLICIES)
$(FUZZ_DIR)/obj/fuzz/fuzz_scenario.o: $(FUZZ_DIR)/gen/fuzz_policies.h

# The blob target checks the RMM's queries against their definitions with
# the backend tests' oracle.
$(FUZZ_DIR)/obj/fuzz/fuzz_blob.o: FUZZ_CFLAGS += -Ibackend/rmm_blob/tests
$(FUZZ_DIR)/fuzz_blob: $(FUZZ_DIR)/obj/backend/rmm_blob/tests/core_oracle.o

$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/fuzz/fuzz_%.o $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LDLIBS)

# Keep the objects: make would delete them as intermediate files.
.SECONDARY: $(FUZZ_LIB_OBJ) $(FUZZ_TARGETS:%=$(FUZZ_DIR)/obj/fuzz/fuzz_%.o)

# Seeds are copied from the repository (and compiled, for blobs) each time.
.PHONY: fuzz-build fuzz-seeds fuzz fuzz-smoke $(FUZZ_TARGETS:%=fuzz-%)
fuzz-build: $(FUZZ_BIN)
fuzz-seeds: $(BUILD)/micac fuzz/lsp_seeds.py
	@fuzz/seeds.sh $(BUILD)/micac $(FUZZ_DIR)/seeds

fuzz: $(FUZZ_TARGETS:%=fuzz-%)
$(FUZZ_TARGETS:%=fuzz-%): fuzz-%: $(FUZZ_DIR)/fuzz_% fuzz-seeds
	@mkdir -p $(FUZZ_DIR)/corpus/$* $(FUZZ_DIR)/artifacts
	$(FUZZ_DIR)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) -max_len=8192 $(FUZZ_FLAGS) \
		$(if $(wildcard fuzz/$*.dict),-dict=fuzz/$*.dict) \
		-artifact_prefix=$(FUZZ_DIR)/artifacts/$*- -print_final_stats=1 \
		$(FUZZ_DIR)/corpus/$* $(FUZZ_DIR)/seeds/$*

# Only where clang is installed; otherwise the step leaves no result, which
# the summary counts as a failure.
ifneq ($(shell command -v $(FUZZ_CC) 2>/dev/null),)
fuzz-smoke: $(FUZZ_BIN) fuzz-seeds
	@fuzz/smoke.sh $(FUZZ_SMOKE_RUNS) $(FUZZ_DIR)/seeds $(FUZZ_DIR)/artifacts $(FUZZ_BIN)
else
fuzz-smoke:
	@echo "fuzz-smoke: not run: $(FUZZ_CC) not found (tests/install_deps.sh installs it)" >&2
endif
CHECK_STEPS += fuzz-smoke

-include $(shell find $(FUZZ_DIR)/obj -name '*.d' 2>/dev/null)
