# tests/limits.mk - the limits and atomic-output suite (tests/limits.sh).
.PHONY: limits
limits: $(BUILD)/micac
	@tests/limits.sh $(BUILD)/micac
CHECK_STEPS += limits
