# tests/valgrind.mk - micac itself under valgrind on every example (not with
# SANITIZE=1: valgrind and AddressSanitizer do not run together).
.PHONY: valgrind
ifneq ($(SANITIZE),1)
valgrind: $(BUILD)/micac
	@tests/valgrind.sh $(BUILD)/micac
CHECK_STEPS += valgrind
endif
