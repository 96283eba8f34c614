# tests/deps.mk - includes never reach up a level and source files call
# each other in no cycle (tests/check_deps.py), read from the objects of
# the build just made.
.PHONY: deps-check
deps-check: $(BUILD)/micac
	@tests/deps.sh $(BUILD)/obj
CHECK_STEPS += deps-check
