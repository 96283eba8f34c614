# micac - the Mica policy compiler. GNU make.
#
#   make                 build $(BUILD)/micac
#   make check           build and run every test (unit, golden, backend, ...)
#   make check SANITIZE=1  the same under AddressSanitizer + UBSan
#   make check-quick     unit and golden tests only, for the edit-test loop
#   make unit UNIT=test_output        one unit test binary (tests/unit/)
#   make golden GOLDEN=tests/golden/flow/asserts   one golden case (or a
#                        folder); the rules are in tests/run_golden.sh
#   make ci              both passes of check (plain, then SANITIZE=1)
#   make deps            install the Debian packages the build and tests need
#   make install PREFIX=/usr/local DESTDIR=   micac, its man page, completions, Vim files
#   make install-rmm-blob PREFIX=... DESTDIR=  the RMM library (headers, sources, .pc)
#   make vsix / make deb  the VS Code extension / the Debian packages (tests/editors.mk)
#
# Sub-projects add their own targets in *.mk fragments (backend, fuzz,
# bench); each check step appends itself to CHECK_STEPS.

SANITIZE ?= 0
ifeq ($(SANITIZE),1)
BUILD ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD ?= build
SANFLAGS :=
endif

CC ?= cc
PREFIX ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0
FLEX ?= flex
BISON ?= bison

WARN := -Wall -Wextra -Werror -Wmissing-prototypes
CFLAGS ?= -O2 -g
# Where SARIF reports send people (informationUri, rule help links); empty:
# the placeholder in compiler/diag/diag_render.c. $MICAC_REPOSITORY_URL
# overrides it at run time.
REPOSITORY_URL ?=
ALL_CFLAGS := -std=c11 $(WARN) $(CFLAGS) $(SANFLAGS) -pthread -D_POSIX_C_SOURCE=200809L \
	-DMICAC_VERSION='"$(VERSION)"' $(if $(REPOSITORY_URL),-DMICAC_REPOSITORY_URL='"$(REPOSITORY_URL)"') \
	-Icompiler -I$(BUILD)/gen -Ibackend/rmm_blob/include
# flex and bison output is not ours to fix; only what they provoke is relaxed.
GEN_CFLAGS := $(ALL_CFLAGS) -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter \
	-Wno-missing-prototypes
LDLIBS := -lyaml -lmbedcrypto -ljansson -lcbor
LDFLAGS ?=
ALL_LDFLAGS := $(LDFLAGS) $(SANFLAGS) -pthread

GEN_SRC := $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.c
GEN_HDR := $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h
# compiler/ is one folder per stage (docs/architecture.md); main.c is the
# program, everything else is libmicac.a.
COMPILER_SRC := $(filter-out compiler/main.c,$(wildcard compiler/*.c compiler/*/*.c))
BACKEND_SRC := $(wildcard backend/rmm_blob/src/*.c)

COMPILER_OBJ := $(COMPILER_SRC:%.c=$(BUILD)/obj/%.o) \
	$(BUILD)/obj/gen/parser.o $(BUILD)/obj/gen/lexer.o $(BUILD)/obj/gen/diagnostics_doc.o
BACKEND_OBJ := $(BACKEND_SRC:%.c=$(BUILD)/obj/%.o)
LIBMICAC := $(BUILD)/libmicac.a

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

CHECK_STEPS :=
# Keep the unit tests' objects between runs: make deletes intermediate
# files. Listed, because a bare .SECONDARY: stops meaning "every target"
# as soon as any fragment lists its own.
.SECONDARY: $(UNIT_SRC:%.c=$(BUILD)/obj/%.o)
export MICAC_RESULTS := $(abspath $(BUILD))/results

.PHONY: all check check-quick deps install clean unit golden
all: $(BUILD)/micac

$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h &: compiler/syntax/parser.y
	@mkdir -p $(dir $@)
	$(BISON) -Wall -Werror --defines=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer.c $(BUILD)/gen/lexer.h &: compiler/syntax/lexer.l $(BUILD)/gen/parser.h
	@mkdir -p $(dir $@)
	$(FLEX) --header-file=$(BUILD)/gen/lexer.h -o $(BUILD)/gen/lexer.c $<

# docs/diagnostics.md, built in, for `micac explain CODE`.
$(BUILD)/gen/diagnostics_doc.c: docs/diagnostics.md compiler/cmd/embed_text.sh
	@mkdir -p $(dir $@)
	compiler/cmd/embed_text.sh $< $@ diagnostics_doc

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/%.o: %.c $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIBMICAC): $(COMPILER_OBJ) $(BACKEND_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/micac: $(BUILD)/obj/compiler/main.o $(LIBMICAC)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

# Unit tests: one CMocka binary per tests/unit/test_*.c, linked with the
# compiler's library (everything but main).
$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(LIBMICAC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

UNIT ?= $(UNIT_SRC:tests/unit/%.c=%)
unit: $(UNIT:%=$(BUILD)/tests/%)
	@tests/run_unit.sh $^
CHECK_STEPS += unit

GOLDEN ?=
golden: $(BUILD)/micac
	@tests/run_golden.sh $(BUILD)/micac $(GOLDEN)
CHECK_STEPS += golden

# Fragments: backend/rmm_blob/rmm_blob.mk, backend/rmm_blob/tf-rmm/*.mk,
# fuzz/fuzz.mk, bench/bench.mk, tests/*.mk, editors/editors.mk.
-include $(wildcard backend/rmm_blob/*.mk backend/rmm_blob/tf-rmm/*.mk fuzz/*.mk bench/*.mk tests/*.mk editors/*.mk)

# $(call run_steps,STEPS): every step, even after a failure, then the
# summary over exactly those steps (a step that left no result failed), kept
# in $(BUILD)/summary for `make ci`.
define run_steps
	@rm -f $(BUILD)/results/* $(BUILD)/summary
	+@$(MAKE) --no-print-directory -k $(1); rc=$$?; \
		tests/summary.sh $(BUILD)/results $(1) >$(BUILD)/summary; s=$$?; \
		cat $(BUILD)/summary; [ $$rc -eq 0 ] && [ $$s -eq 0 ]
endef

check: all
	$(call run_steps,$(CHECK_STEPS))

check-quick: all
	$(call run_steps,unit golden)

deps:
	tests/install_deps.sh

install: $(BUILD)/micac
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BUILD)/micac $(DESTDIR)$(PREFIX)/bin/micac
	install -m 0644 docs/micac.1 $(DESTDIR)$(PREFIX)/share/man/man1/micac.1

clean:
	rm -rf build build-san build-*

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
