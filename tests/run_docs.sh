#!/bin/bash
# tests/run_docs.sh - the documentation keeps its promises:
# - every example output in docs/*.md is the golden output of its input
#   (tests/doc_examples.py), and docs/diagnostics.md has a section for every
#   code in compiler/diag/diag_kinds.def;
# - docs/micac.1 renders without groff warnings and documents every
#   subcommand that compiler/cmd/cli.h declares.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.." || exit 2

if python3 tests/doc_examples.py check docs/language.md docs/diagnostics.md; then
	t_pass
else
	t_fail "docs: examples out of date (python3 tests/doc_examples.py update docs/*.md)"
fi

warnings=$(groff -man -ww -z docs/micac.1 2>&1)
rc=$?
if [ $rc -ne 0 ] && ! command -v groff >/dev/null; then
	t_fail "docs/micac.1: groff not found (tests/install_deps.sh installs groff-base)"
elif [ $rc -ne 0 ]; then
	t_fail "docs/micac.1: groff exited $rc"
	printf '%s\n' "$warnings" >&2
elif [ -n "$warnings" ]; then
	t_fail "docs/micac.1: groff warnings"
	printf '%s\n' "$warnings" >&2
else
	t_pass
fi

for cmd in $(sed -n 's/^int cmd_\([a-z]*\)(.*/\1/p' compiler/cmd/cli.h); do
	if grep -q "^\.SS $cmd\b" docs/micac.1; then
		t_pass
	else
		t_fail "docs/micac.1: no section for 'micac $cmd'"
	fi
done
t_done docs
