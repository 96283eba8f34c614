# backend/rmm_blob/rmm_blob.mk - the Mica policy library's own builds and
# tests, included by the top Makefile.
#
#   make backend-host      CMocka tests on the host, linked only with the
#                          library (sanitizers under SANITIZE=1)
#   make backend-valgrind  the same binaries under valgrind (not with SANITIZE)
#   make backend-aarch64   the library compiled freestanding for aarch64 as
#                          TF-RMM compiles it, the tests run under qemu-user
#   make backend-stack     fails if a frame is dynamic or above
#                          RMM_BLOB_STACK_MAX bytes, or the deepest call chain
#                          above RMM_BLOB_STACK_TOTAL bytes (aarch64 build)

RMM_BLOB := backend/rmm_blob
RMM_BLOB_TEST_SRC := $(wildcard $(RMM_BLOB)/tests/test_*.c)
RMM_BLOB_SUPPORT_SRC := $(filter-out $(RMM_BLOB_TEST_SRC),$(wildcard $(RMM_BLOB)/tests/*.c))
RMM_BLOB_INC := -I$(RMM_BLOB)/include -I$(RMM_BLOB)/tests

# ---- host ----------------------------------------------------------------
# The library's objects are the top Makefile's BACKEND_OBJ. This rule, with
# a shorter stem than the generic one, builds them and the tests without
# waiting for the parser headers: the backend does not use them.
$(BUILD)/obj/$(RMM_BLOB)/%.o: $(RMM_BLOB)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(RMM_BLOB_INC) -MMD -MP -c -o $@ $<

RMM_BLOB_SUPPORT_OBJ := $(RMM_BLOB_SUPPORT_SRC:%.c=$(BUILD)/obj/%.o)
RMM_BLOB_HOST_BIN := $(RMM_BLOB_TEST_SRC:$(RMM_BLOB)/tests/%.c=$(BUILD)/backend/%)
# Keep the test objects: make would delete them as intermediate files.
.SECONDARY: $(RMM_BLOB_TEST_SRC:%.c=$(BUILD)/obj/%.o) $(RMM_BLOB_SUPPORT_OBJ)

$(BUILD)/backend/test_%: $(BUILD)/obj/$(RMM_BLOB)/tests/test_%.o \
		$(RMM_BLOB_SUPPORT_OBJ) $(BACKEND_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ -lcmocka

.PHONY: backend-host backend-valgrind backend-aarch64 backend-stack
backend-host: $(RMM_BLOB_HOST_BIN)
	@tests/run_unit.sh -s backend-host $^
CHECK_STEPS += backend-host

# valgrind and AddressSanitizer do not run together.
ifneq ($(SANITIZE),1)
RMM_BLOB_VALGRIND ?= valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=all
backend-valgrind: $(RMM_BLOB_HOST_BIN)
	@tests/run_unit.sh -s backend-valgrind -r "$(RMM_BLOB_VALGRIND)" $^
CHECK_STEPS += backend-valgrind
endif

# ---- aarch64 -------------------------------------------------------------
# The library with exactly TF-RMM's constraints; the tests are ordinary
# hosted programs (they need malloc and CMocka) linked with those objects.
AARCH64_CC ?= aarch64-linux-gnu-gcc
QEMU_AARCH64 ?= qemu-aarch64 -L /usr/aarch64-linux-gnu
# cmocka.h is architecture-independent and lives only in the host's
# /usr/include; searched last, it cannot shadow the cross headers.
CMOCKA_INCLUDE ?= /usr/include
RMM_BLOB_A64 := $(BUILD)/aarch64
RMM_BLOB_A64_CFLAGS := -std=gnu11 -ffreestanding -nostdlib \
	-mgeneral-regs-only -mstrict-align -fpie -Wall -Werror \
	-Wextra -fstack-usage -O2 -I$(RMM_BLOB)/include
RMM_BLOB_A64_TEST_CFLAGS := -std=c11 $(WARN) -O2 -g -D_POSIX_C_SOURCE=200809L \
	$(RMM_BLOB_INC) -idirafter $(CMOCKA_INCLUDE)

RMM_BLOB_A64_LIB := $(BACKEND_SRC:$(RMM_BLOB)/src/%.c=$(RMM_BLOB_A64)/lib/%.o)
RMM_BLOB_A64_SUPPORT := $(RMM_BLOB_SUPPORT_SRC:$(RMM_BLOB)/tests/%.c=$(RMM_BLOB_A64)/tests/%.o)
RMM_BLOB_A64_BIN := $(RMM_BLOB_TEST_SRC:$(RMM_BLOB)/tests/%.c=$(RMM_BLOB_A64)/%)
.SECONDARY: $(RMM_BLOB_TEST_SRC:$(RMM_BLOB)/tests/%.c=$(RMM_BLOB_A64)/tests/%.o) \
	$(RMM_BLOB_A64_SUPPORT) $(RMM_BLOB_A64_LIB)

$(RMM_BLOB_A64)/lib/%.o: $(RMM_BLOB)/src/%.c
	@mkdir -p $(dir $@)
	$(AARCH64_CC) $(RMM_BLOB_A64_CFLAGS) -MMD -MP -c -o $@ $<

$(RMM_BLOB_A64)/tests/%.o: $(RMM_BLOB)/tests/%.c
	@mkdir -p $(dir $@)
	$(AARCH64_CC) $(RMM_BLOB_A64_TEST_CFLAGS) -MMD -MP -c -o $@ $<

$(RMM_BLOB_A64)/test_%: $(RMM_BLOB_A64)/tests/test_%.o \
		$(RMM_BLOB_A64_SUPPORT) $(RMM_BLOB_A64_LIB)
	$(AARCH64_CC) -o $@ $^ -lcmocka

backend-aarch64: $(RMM_BLOB_A64_BIN)
	@tests/run_unit.sh -s backend-aarch64 -r "$(QEMU_AARCH64)" $^
CHECK_STEPS += backend-aarch64

# The stack check compiles the library once more with the same flags plus
# -fcallgraph-info=su, which only adds the call graph beside the .su files.
RMM_BLOB_STACK_MAX ?= 256
RMM_BLOB_STACK_TOTAL ?= 1024
RMM_BLOB_CG_OBJ := $(BACKEND_SRC:$(RMM_BLOB)/src/%.c=$(RMM_BLOB_A64)/callgraph/%.o)
.SECONDARY: $(RMM_BLOB_CG_OBJ)

$(RMM_BLOB_A64)/callgraph/%.o: $(RMM_BLOB)/src/%.c
	@mkdir -p $(dir $@)
	$(AARCH64_CC) $(RMM_BLOB_A64_CFLAGS) -fcallgraph-info=su -MMD -MP -c -o $@ $<

backend-stack: $(RMM_BLOB_CG_OBJ)
	@$(RMM_BLOB)/tests/check_stack.sh -s backend-stack -m $(RMM_BLOB_STACK_MAX) \
		-t $(RMM_BLOB_STACK_TOTAL) $(RMM_BLOB_CG_OBJ:%.o=%.su)
CHECK_STEPS += backend-stack

-include $(wildcard $(RMM_BLOB_A64)/lib/*.d $(RMM_BLOB_A64)/tests/*.d \
	$(RMM_BLOB_A64)/callgraph/*.d)

# ---- install -------------------------------------------------------------
# The library as its users take it: the API headers, the sources (it is
# compiled into each user, freestanding, as TF-RMM does) and a pkg-config
# file. Packaged as libmica-rmm-blob-dev (debian/).
.PHONY: install-rmm-blob
install-rmm-blob:
	install -d $(DESTDIR)$(PREFIX)/include/mica-rmm-blob \
		$(DESTDIR)$(PREFIX)/src/mica-rmm-blob $(DESTDIR)$(PREFIX)/share/pkgconfig
	install -m 0644 $(RMM_BLOB)/include/*.h $(RMM_BLOB)/include/*.def \
		$(DESTDIR)$(PREFIX)/include/mica-rmm-blob/
	install -m 0644 $(RMM_BLOB)/src/*.c $(RMM_BLOB)/src/*.h $(DESTDIR)$(PREFIX)/src/mica-rmm-blob/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' $(RMM_BLOB)/mica-rmm-blob.pc.in \
		>$(DESTDIR)$(PREFIX)/share/pkgconfig/mica-rmm-blob.pc
