# tests/explain.mk - `micac explain` against docs/diagnostics.md, for every
# code (tests/explain.sh), as a step of `make check`.
.PHONY: explain
explain: $(BUILD)/micac
	@tests/explain.sh $(BUILD)/micac
CHECK_STEPS += explain
