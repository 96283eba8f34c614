# tests/formats.mk - the JSON and SARIF outputs of `micac check` against
# real validators (tests/check_formats.sh) as a step of `make check`.
.PHONY: formats
formats: $(BUILD)/micac
	@tests/check_formats.sh $(BUILD)/micac
CHECK_STEPS += formats
