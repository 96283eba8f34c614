# tests/examples.mk - the example pipelines (tests/run_examples.sh) and the
# documentation's promises (tests/run_docs.sh) as steps of `make check`.
# Both targets share their names with directories, hence .PHONY.
.PHONY: examples docs
examples: $(BUILD)/micac
	@tests/run_examples.sh $(BUILD)/micac
CHECK_STEPS += examples

docs:
	@tests/run_docs.sh
CHECK_STEPS += docs
