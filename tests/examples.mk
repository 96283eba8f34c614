# tests/examples.mk - the example pipelines (tests/run_examples.sh) and the
# documentation's promises (tests/run_docs.sh) as steps of `make check`.
examples: $(BUILD)/micac
	@tests/run_examples.sh $(BUILD)/micac
CHECK_STEPS += examples
