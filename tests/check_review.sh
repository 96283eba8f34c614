#!/bin/bash
# tests/check_review.sh MICAC - the policy-review outputs against real
# validators and their promises (docs/diff.md, docs/ci.md):
#
#  - `micac diff --format json`: every JSON golden of tests/golden/diff
#    validates against docs/diff.schema.json, and a document with a kind
#    the schema does not know is rejected;
#  - `micac diff --format markdown`: when a change opens a flow to the host,
#    the first section after the summary is that flow;
#  - the examples in docs/diff.md are golden outputs.
. "$(dirname "$0")/lib.sh"
micac=$(realpath "$1")
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# ---- micac diff ----
mkdir -p "$tmp/diff"
for exp in tests/golden/diff/*.expected; do
	args=$(cat "${exp%.expected}.args")
	case $args in *"--format json"*) ;; *) continue ;; esac
	# the golden's stdout is the document (stderr, if any, is not JSON)
	eval "\"$micac\" $args" >"$tmp/diff/$(basename "${exp%.expected}").json" 2>/dev/null </dev/null
done
n=$(ls "$tmp/diff" | wc -l)
if [ "$n" -ge 10 ] && python3 tests/validate_json.py docs/diff.schema.json "$tmp"/diff/*.json; then
	t_pass
else
	t_fail "diff: JSON documents ($n) against docs/diff.schema.json"
fi
# negative control: an unknown kind must be rejected
python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); d["changes"][0]["kind"] = "flow-to-nowhere"
json.dump(d, open(sys.argv[2], "w"))' "$tmp/diff/transitive_json.json" "$tmp/bad_kind.json"
if python3 tests/validate_json.py docs/diff.schema.json "$tmp/bad_kind.json" >/dev/null 2>&1; then
	t_fail "diff: the schema accepted an unknown kind"
else
	t_pass
fi

# Markdown: a new flow to the host is the first section.
for md in tests/golden/diff/*_markdown.expected; do
	json=$tmp/diff/$(basename "${md%_markdown.expected}")_json.json
	hosts=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["flows_to_host"])' "$json")
	first=$(grep -m1 '^#### ' "$md")
	if [ "$hosts" -gt 0 ] && [[ $first != "#### :warning: new flow to the host: "* ]]; then
		t_fail "diff: $md opens $hosts flow(s) to the host but starts with '$first'"
	else
		t_pass
	fi
done

if python3 tests/doc_examples.py check docs/diff.md; then
	t_pass
else
	t_fail "docs/diff.md: examples out of date (python3 tests/doc_examples.py update docs/diff.md)"
fi

t_done review
