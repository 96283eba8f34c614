#!/bin/bash
# tests/deps.sh OBJDIR - step `deps` of `make check`: micac's dependencies
# point one way (tests/check_deps.py, docs/architecture.md).
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.." || exit 2
if out=$(python3 tests/check_deps.py "$1" 2>&1); then
	t_pass
else
	t_fail "dependency rules (docs/architecture.md):"
	printf '%s\n' "$out" >&2
fi
t_done deps-check
