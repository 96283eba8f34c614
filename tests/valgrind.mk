# tests/valgrind.mk - micac itself under valgrind on every example (not with
# SANITIZE=1: valgrind and AddressSanitizer do not run together).
.PHONY: valgrind
ifneq ($(SANITIZE),1)
valgrind: $(BUILD)/micac
	@tests/valgrind.sh $(BUILD)/micac
CHECK_STEPS += valgrind
endif

# Everything CI runs (after tests/install_deps.sh): the suite, then the suite
# again under ASan+UBSan.
.PHONY: ci
ci:
	$(MAKE) check
	$(MAKE) check SANITIZE=1
