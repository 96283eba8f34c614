# tests/review.mk - policy review in CI (tests/check_review.sh): micac diff's
# JSON and Markdown, the CI report formats, the GitHub Action's script and
# the pre-commit hooks, as a step of `make check`.
.PHONY: review
review: $(BUILD)/micac
	@tests/check_review.sh $(BUILD)/micac
CHECK_STEPS += review
