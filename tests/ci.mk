# tests/ci.mk - `make ci`: everything CI runs after tests/install_deps.sh.
# The suite, then the suite again under ASan+UBSan; the second pass runs
# even when the first failed, and both summaries close the run, so one run
# shows the whole picture. Fails when either pass failed.
CI_PASSES := build:SANITIZE=0 build-san:SANITIZE=1

.PHONY: ci
ci:
	@rc=0; \
	for p in $(CI_PASSES); do \
		rm -f $${p%%:*}/summary; \
		$(MAKE) --no-print-directory check BUILD=$${p%%:*} $${p#*:} || rc=1; \
	done; \
	echo "== make ci"; \
	for p in $(CI_PASSES); do \
		printf '%s: ' "$${p#*:}"; \
		cat $${p%%:*}/summary 2>/dev/null || echo "no summary (the build failed)"; \
	done; \
	exit $$rc
