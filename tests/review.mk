# tests/review.mk - policy review in CI (tests/check_review.sh): micac diff's
# JSON and Markdown, the CI report formats, the GitHub Action's script and
# the pre-commit hooks, as a step of `make check`.
.PHONY: review
review: $(BUILD)/micac
	@tests/check_review.sh $(BUILD)/micac
CHECK_STEPS += review

# The GitHub Action's scripts and the pre-commit hooks (tests/check_ci.sh).
.PHONY: ci-scripts
ci-scripts: $(BUILD)/micac
	@tests/check_ci.sh $(BUILD)/micac $(BUILD)
CHECK_STEPS += ci-scripts
