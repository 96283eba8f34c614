#!/bin/bash
# tests/check_review.sh MICAC - the policy-review outputs against real
# validators and their promises (docs/diff.md, docs/ci.md):
#
#  - `micac diff --format json`: every JSON golden of tests/golden/diff
#    validates against docs/diff.schema.json, and a document with a kind
#    the schema does not know is rejected;
#  - `micac diff --format markdown`: when a change opens a flow to the host,
#    the first section after the summary is that flow;
#  - the examples in docs/diff.md are golden outputs;
#  - `micac check --format junit` against a JUnit XML schema
#    (tests/junit.xsd) with xmllint, `--format gitlab` against GitLab's
#    Code Quality format (tests/gitlab-codequality.schema.json), each with a
#    broken document that must be rejected;
#  - SARIF: rule names from the catalogue, every helpUri an anchor of a
#    heading of docs/diagnostics.md, the invocation and its notifications,
#    standard input named as such (the Multitool half is in
#    tests/check_formats.sh).
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

# `micac diff --help` and docs/diff.schema.json name every kind of change.
kinds=$(sed -n 's/^[[:space:]]*X(DIFF_[A-Z_]*, "\([a-z-]*\)".*/\1/p' compiler/diff/diff.h)
"$micac" diff --help >"$tmp/help"
missing=
for k in $kinds; do
	grep -qw -- "$k" "$tmp/help" || missing="$missing $k (help)"
	grep -q -- "\"$k\"" docs/diff.schema.json || missing="$missing $k (schema)"
	grep -q -- "\`$k\`" docs/diff.md || missing="$missing $k (docs/diff.md)"
done
if [ "$(echo "$kinds" | wc -w)" -ge 20 ] && [ -z "$missing" ]; then
	t_pass
else
	t_fail "diff: kinds not documented:$missing"
fi

if python3 tests/doc_examples.py check docs/diff.md; then
	t_pass
else
	t_fail "docs/diff.md: examples out of date (python3 tests/doc_examples.py update docs/diff.md)"
fi

# ---- JUnit and GitLab reports ----
inputs=(examples/policies/*.mica examples/policies/*.yaml examples/policies/bad/*.mica
	tests/golden/formats/*.mica)
"$micac" check --format junit "${inputs[@]}" no/such/file.mica >"$tmp/all.xml" 2>/dev/null
"$micac" check --format junit --werror tests/golden/formats/leak_json.mica >"$tmp/werror.xml" 2>/dev/null
"$micac" check --format junit examples/policies/clean_room.mica >"$tmp/clean.xml" 2>/dev/null
for x in all werror clean; do
	if out=$(xmllint --noout --schema tests/junit.xsd "$tmp/$x.xml" 2>&1); then
		t_pass
	else
		t_fail "junit: $x.xml does not validate against tests/junit.xsd"
		echo "$out" | head -5 >&2
	fi
done
# the report counts what it holds: failures = <failure> elements, errors = <error>
if python3 - "$tmp/all.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for s in [root] + root.findall('testsuite'):
    cases = s.iter('testcase')
    cases = list(cases)
    assert int(s.get('tests')) == len(cases), (s.get('name'), 'tests')
    assert int(s.get('failures')) == sum(len(c.findall('failure')) for c in cases), s.get('name')
    assert int(s.get('errors')) == sum(len(c.findall('error')) for c in cases), s.get('name')
assert int(root.get('errors')) == 1 and int(root.get('failures')) > 0
PY
then t_pass; else t_fail "junit: counts do not match the test cases"; fi
sed 's/<testcase name="[^"]*"/<testcase/' "$tmp/all.xml" >"$tmp/broken.xml"
if xmllint --noout --schema tests/junit.xsd "$tmp/broken.xml" >/dev/null 2>&1; then
	t_fail "junit: the schema accepted a testcase without a name"
else
	t_pass
fi

"$micac" check --format gitlab "${inputs[@]}" no/such/file.mica >"$tmp/gitlab.json" 2>/dev/null
if python3 tests/validate_json.py tests/gitlab-codequality.schema.json "$tmp/gitlab.json" &&
	python3 -c '
import json, sys
issues = json.load(open(sys.argv[1]))
fps = [i["fingerprint"] for i in issues]
assert len(issues) > 5 and len(fps) == len(set(fps)), "fingerprints must be unique"
assert any(i["location"]["path"] == "no/such/file.mica" for i in issues)' "$tmp/gitlab.json"; then
	t_pass
else
	t_fail "gitlab: the Code Quality report is invalid"
fi
python3 -c '
import json, sys
issues = json.load(open(sys.argv[1])); del issues[0]["fingerprint"]
json.dump(issues, open(sys.argv[2], "w"))' "$tmp/gitlab.json" "$tmp/gitlab_broken.json"
if python3 tests/validate_json.py tests/gitlab-codequality.schema.json "$tmp/gitlab_broken.json" >/dev/null 2>&1; then
	t_fail "gitlab: the schema accepted an issue without a fingerprint"
else
	t_pass
fi

# ---- SARIF: what GitHub shows people ----
"$micac" check --format sarif examples/policies/clean_room.mica no/such/file.mica >"$tmp/unreadable.sarif" 2>/dev/null
"$micac" check --format sarif - <examples/policies/bad/clean_room_leaky.mica >"$tmp/stdin.sarif" 2>/dev/null
if python3 - "$tmp/unreadable.sarif" "$tmp/stdin.sarif" <<'PY'
import json, re, sys
# GitHub's heading anchors, computed here independently of micac
anchors = set()
for line in open('docs/diagnostics.md', encoding='utf-8'):
    if line.startswith('## '):
        h = line[3:].strip().lower()
        anchors.add(re.sub(r'[^a-z0-9 _-]', '', h).replace(' ', '-'))
names = dict(re.findall(r'^DIAG\((\w+), (\w+),', open('compiler/diag/diag_kinds.def').read(), re.M))
names = {code: name for name, code in names.items()}
bad = sarif = json.load(open(sys.argv[1]))
run = sarif['runs'][0]
drv = run['tool']['driver']
assert drv['informationUri'].startswith('https://'), 'informationUri'
assert run['columnKind'] == 'unicodeCodePoints'
for rule in drv['rules']:
    want = ''.join(w.capitalize() for w in names[rule['id']].split('_')[1:])
    assert rule['name'] == want, (rule['name'], want)
    url, _, frag = rule['helpUri'].partition('#')
    assert url.endswith('/docs/diagnostics.md') and frag in anchors, rule['helpUri']
inv = run['invocations'][0]
assert inv['executionSuccessful'] is False and inv['exitCode'] == 2
notes = inv['toolExecutionNotifications']
assert len(notes) == 1 and notes[0]['level'] == 'error'
assert notes[0]['locations'][0]['physicalLocation']['artifactLocation']['uri'] == 'no/such/file.mica'
assert "cannot open 'no/such/file.mica'" in notes[0]['message']['text']
s = json.load(open(sys.argv[2]))['runs'][0]
assert s['invocations'][0]['executionSuccessful'] is True
locs = [r['locations'][0]['physicalLocation']['artifactLocation'] for r in s['results']]
assert locs and all(l['uri'] == 'stdin' and 'uriBaseId' not in l for l in locs), locs
PY
then t_pass; else t_fail "sarif: rule names, helpUri anchors, invocation or stdin"; fi
# Columns count characters in SARIF, bytes in micac's JSON: after "é" (2
# bytes) and "€" (3 bytes) on the same line, the SARIF column is 3 less.
printf 'policy p { version 1; }\n/* caf\xc3\xa9 \xe2\x82\xac */ realm cam { trust trusted; }\n' >"$tmp/utf8.mica"
"$micac" check --format sarif "$tmp/utf8.mica" >"$tmp/utf8.sarif"
"$micac" check --format json "$tmp/utf8.mica" >"$tmp/utf8.json"
if python3 - "$tmp/utf8.sarif" "$tmp/utf8.json" <<'PY'
import json, sys
reg = json.load(open(sys.argv[1]))['runs'][0]['results'][0]['locations'][0]['physicalLocation']['region']
loc = json.load(open(sys.argv[2]))['diagnostics'][0]['location']
assert (loc['column'], loc['end_column']) == (23, 25), loc
assert (reg['startColumn'], reg['endColumn']) == (20, 23), reg
PY
then t_pass; else t_fail "sarif: columns are not character columns"; fi

# A configured repository and docs URL reach informationUri and helpUri.
MICAC_REPOSITORY_URL=https://example.org/fork/micac MICAC_DOCS_URL=https://example.org/fork/micac/blob/v1/docs \
	"$micac" check --format sarif examples/policies/clean_room.mica >"$tmp/url.sarif"
if grep -q '"informationUri": "https://example.org/fork/micac"' "$tmp/url.sarif" &&
	grep -q '"helpUri": "https://example.org/fork/micac/blob/v1/docs/diagnostics.md#e0401-leak-through-a-distrustful-realm"' "$tmp/url.sarif"; then
	t_pass
else
	t_fail "sarif: MICAC_REPOSITORY_URL / MICAC_DOCS_URL not used"
fi

t_done review
