# backend/rmm_blob/tf-rmm/qemu-e2e.mk - the emulated CCA machine
# (docs/rmm-integration.md, "An emulated CCA machine"). Included by the top
# Makefile after tf-rmm.mk.
#
#   make qemu-e2e-build  the normal-world program (BL33) and the realm
#                        images, cross-compiled for aarch64, with the policy
#                        compiled by micac and its RPV linked in; no TF-A or
#                        TF-RMM needed (part of make check)
#   make qemu-e2e-unit   unit tests of the program's check bookkeeping
#                        (nw/e2e_checks.c) on the build host (make check;
#                        qemu-e2e-valgrind: the same under valgrind)
#   make qemu-e2e TFA_SRC=DIR RMM_SRC=DIR
#                        builds TF-RMM with the integration (Release; Debug
#                        with the test-only qemu/qemu-debug.patch; Release
#                        with the hook lines left out), TF-A once (the other
#                        images go into its FIP), boots each on
#                        qemu-system-aarch64 with FEAT_RME and checks the
#                        run (qemu/run_e2e.sh); the checkouts are copied,
#                        never modified

QE := backend/rmm_blob/tf-rmm/qemu
QE_OUT := $(BUILD)/qemu-e2e
QE_ROLES := camera detector uploader model_vault stock
AARCH64_OBJCOPY ?= aarch64-linux-gnu-objcopy
QE_CFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -ffreestanding -nostdlib \
	-static -no-pie -fno-pic -fno-stack-protector -mgeneral-regs-only \
	-mstrict-align -Wl,--no-warn-rwx-segments -Wl,--build-id=none

# ---- realm images: 8 pages each, loaded at IPA 0 and measured ------------------
QE_REALM_SRC := $(QE)/realm/start.S $(QE)/realm/realm.c $(QE)/realm/realm_call.c \
	$(QE)/realm/realm_share.c
$(QE_OUT)/realm/%.elf: $(QE_REALM_SRC) $(QE)/realm/realm_call.h $(QE)/realm/realm_share.h \
		$(QE)/realm/realm.ld $(QE)/e2e_abi.h
	@mkdir -p $(dir $@)
	$(AARCH64_CC) $(QE_CFLAGS) -DE2E_ROLE_$(shell echo $* | tr a-z A-Z) \
		-T $(QE)/realm/realm.ld -o $@ $(QE_REALM_SRC)

$(QE_OUT)/realm/%.img: $(QE_OUT)/realm/%.elf
	$(AARCH64_OBJCOPY) -O binary $< $@.tmp
	@[ $$(stat -c %s $@.tmp) -le 32768 ] || { echo "$@: larger than 8 pages" >&2; exit 1; }
	truncate -s 32768 $@.tmp && mv $@.tmp $@

# camera also owns a measured zero page of region frames (nw/e2e_share.c)
QE_RIM_PAGES_camera := 0x10000000
$(QE_OUT)/realm/%.rim: $(QE_OUT)/realm/%.img $(QE)/rim.py
	$(QE)/rim.py $< $(QE_RIM_PAGES_$*) > $@.tmp && mv $@.tmp $@

$(QE_OUT)/realm/%.rim.bin: $(QE_OUT)/realm/%.rim
	xxd -r -p $< > $@.tmp && mv $@.tmp $@

# ---- the policy: video_analytics with our RIMs, plus calib ---------------------
QE_EXAMPLE := examples/policies/video_analytics.mica
$(QE_OUT)/e2e.mica: $(QE_EXAMPLE) $(QE)/e2e_policy.sh \
		$(foreach r,camera detector model_vault,$(QE_OUT)/realm/$(r).rim)
	$(QE)/e2e_policy.sh $(QE_EXAMPLE) \
		$(foreach r,camera detector model_vault,$(r)=$$(cat $(QE_OUT)/realm/$(r).rim)) \
		> $@.tmp && mv $@.tmp $@

$(QE_OUT)/e2e.pol: $(QE_OUT)/e2e.mica $(BUILD)/micac
	$(BUILD)/micac check --werror $<
	$(BUILD)/micac $< -o $@

$(QE_OUT)/e2e.rpv: $(QE_OUT)/e2e.pol $(BUILD)/micac
	$(BUILD)/micac hash --rpv $< | xxd -r -p > $@.tmp && mv $@.tmp $@

# ---- the normal-world program (BL33) ------------------------------------------
QE_NW_SRC := $(QE)/nw/start.S $(QE)/nw/e2e_main.c $(QE)/nw/e2e_checks.c $(QE)/nw/e2e_call.c \
	$(QE)/nw/e2e_share.c
QE_PAYLOADS := $(foreach r,camera detector uploader stock,$(QE_OUT)/realm/$(r).img) \
	$(QE_OUT)/e2e.pol $(QE_OUT)/e2e.rpv $(QE_OUT)/realm/camera.rim.bin

$(QE_OUT)/bl33.elf: $(QE_NW_SRC) $(QE)/nw/e2e_checks.h $(QE)/nw/e2e_call.h $(QE)/nw/e2e_share.h $(QE)/nw/nw.ld \
		$(QE)/e2e_abi.h $(QE_PAYLOADS)
	$(AARCH64_CC) $(QE_CFLAGS) -T $(QE)/nw/nw.ld \
		$(foreach r,camera detector uploader stock,-DE2E_IMG_$(shell echo $(r) | tr a-z A-Z)='"$(QE_OUT)/realm/$(r).img"') \
		-DE2E_POLICY='"$(QE_OUT)/e2e.pol"' -DE2E_RPV='"$(QE_OUT)/e2e.rpv"' \
		-DE2E_RIM_CAMERA='"$(QE_OUT)/realm/camera.rim.bin"' \
		-o $@ $(QE_NW_SRC)

$(QE_OUT)/bl33.bin: $(QE_OUT)/bl33.elf
	$(AARCH64_OBJCOPY) -O binary $< $@

.SECONDARY: $(foreach r,$(QE_ROLES),$(QE_OUT)/realm/$(r).elf $(QE_OUT)/realm/$(r).img $(QE_OUT)/realm/$(r).rim)

.PHONY: qemu-e2e-build qemu-e2e-unit qemu-e2e
qemu-e2e-build: $(QE_OUT)/bl33.bin $(foreach r,$(QE_ROLES),$(QE_OUT)/realm/$(r).img)
	@$(QE)/check_build.sh $(QE_OUT) $(BUILD)/micac
CHECK_STEPS += qemu-e2e-build

# ---- unit tests of the bookkeeping, on the build host ---------------------------
QE_TEST := $(BUILD)/tests/test_e2e_checks
$(QE_TEST): $(QE)/tests/test_e2e_checks.c $(QE)/nw/e2e_checks.c \
		$(QE)/nw/e2e_checks.h $(QE)/e2e_abi.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -I$(QE)/nw -o $@ $(QE)/tests/test_e2e_checks.c \
		$(QE)/nw/e2e_checks.c $(ALL_LDFLAGS) -lcmocka

qemu-e2e-unit: $(QE_TEST)
	@tests/run_unit.sh -s qemu-e2e-unit $^
CHECK_STEPS += qemu-e2e-unit

ifneq ($(SANITIZE),1)
.PHONY: qemu-e2e-valgrind
qemu-e2e-valgrind: $(QE_TEST)
	@tests/run_unit.sh -s qemu-e2e-valgrind -r "$(RMM_BLOB_VALGRIND)" $^
CHECK_STEPS += qemu-e2e-valgrind
endif

# ---- the run on QEMU ---------------------------------------------------------------
qemu-e2e: $(QE_OUT)/bl33.bin
	@[ -n "$(TFA_SRC)" ] && [ -n "$(RMM_SRC)" ] || \
		{ echo "usage: make qemu-e2e TFA_SRC=<TF-A checkout> RMM_SRC=<TF-RMM checkout>" >&2; exit 2; }
	$(QE)/run_e2e.sh -t "$(TFA_SRC)" -r "$(RMM_SRC)" -o $(QE_OUT) $(QE_OUT)/bl33.bin
