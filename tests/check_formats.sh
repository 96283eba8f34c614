#!/bin/bash
# tests/check_formats.sh MICAC - the CI output formats against real
# validators, not against our own reading of their specs:
#
#  - SARIF: every example and golden input through `micac check --format
#    sarif`, checked by Microsoft's SARIF Multitool (`validate` with the
#    SARIF and GitHub code scanning rule sets: what GitHub's ingestion
#    demands) and by python3-jsonschema against the SARIF 2.1.0 schema that
#    ships with it. A deliberately broken log must be rejected by both, so a
#    validator that accepts everything cannot pass this test.
#  - JSON: the same inputs through --format json, against the schema
#    published in docs/diagnostics.schema.json;
#  - the example outputs in docs/flows.md and docs/diagnostics-json.md are
#    still the golden outputs;
#  - `micac graph --format svg|png` through Graphviz, and without it.
#
# tests/install_deps.sh installs the Multitool (its npm tarball) under
# $MICAC_SARIF_TOOLS (default ~/.cache/micac/sarif; tests/lib.sh). Without
# it the SARIF half is skipped loudly; python3-jsonschema is a Debian
# dependency.
. "$(dirname "$0")/lib.sh"
micac=$(realpath "$1")
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mtdir=$SARIF_MULTITOOL_DIR
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

inputs=(examples/policies/*.mica examples/policies/*.yaml examples/policies/bad/*.mica
	tests/golden/flow/*.mica tests/golden/formats/*.mica
	tests/golden/blobflow/*.pol)	# a leaking blob: locations are table entries
mkdir -p "$tmp/sarif" "$tmp/json"
n=0
for f in "${inputs[@]}"; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	"$micac" check --format sarif "$f" >"$tmp/sarif/$n.sarif" 2>/dev/null
	"$micac" check --format json "$f" >"$tmp/json/$n.json" 2>/dev/null
	echo "$f" >"$tmp/name.$n"
done
# One run over several files at once, too; standard input; and a run with
# an input that cannot be read (its invocation carries a notification).
"$micac" check --format sarif examples/policies/*.mica examples/policies/bad/clean_room_leaky.mica \
	>"$tmp/sarif/all.sarif" 2>/dev/null
"$micac" check --format sarif - <examples/policies/bad/clean_room_leaky.mica >"$tmp/sarif/stdin.sarif" 2>/dev/null
"$micac" check --format sarif examples/policies/clean_room.mica no/such/file.mica \
	>"$tmp/sarif/unreadable.sarif" 2>/dev/null

# JSON Schema validation of a directory of documents; prints the failures.
validate_dir() {	# SCHEMA DIR EXT
	python3 tests/validate_json.py "$1" "$2"/*"$3"
}

check_json_dir() {	# LABEL SCHEMA DIR EXT
	if out=$(validate_dir "$2" "$3" "$4" 2>&1); then t_pass; else t_fail "$1: schema violations"; echo "$out" | head -20 >&2; fi
}

check_json_dir "json: docs/diagnostics.schema.json" docs/diagnostics.schema.json "$tmp/json" .json

# The examples in the flow and CI-format docs are golden outputs.
if python3 tests/doc_examples.py check docs/flows.md docs/diagnostics-json.md; then
	t_pass
else
	t_fail "docs: examples out of date (python3 tests/doc_examples.py update docs/flows.md docs/diagnostics-json.md)"
fi

# micac graph through Graphviz: SVG that parses as XML and names every
# realm of the policy, a PNG, and a clear failure without Graphviz.
leaky=examples/policies/bad/clean_room_leaky.mica
if "$micac" graph --format svg -o "$tmp/g.svg" "$leaky" &&
	python3 - "$tmp/g.svg" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
titles = {t.text for t in ET.parse(sys.argv[1]).iter(ns + "title")}
need = {"host", "matcher", "ingest_adco", "ingest_retail", "salt_dealer", "salt"}
sys.exit(0 if need <= titles else 1)
PY
then t_pass; else t_fail "graph: svg output"; fi
if "$micac" graph --format png -o "$tmp/g.png" "$leaky" &&
	[ "$(head -c 8 "$tmp/g.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
	t_pass
else
	t_fail "graph: png output"
fi
MICAC_DOT=/nonexistent/dot "$micac" graph --format svg -o "$tmp/none.svg" "$leaky" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && grep -q 'apt-get install graphviz' "$tmp/err" && [ ! -e "$tmp/none.svg" ]; then
	t_pass
else
	t_fail "graph: without Graphviz (exit $rc)"
fi

if [ ! -x "$mtdir/Sarif.Multitool" ]; then
	echo "SKIP: SARIF Multitool not installed in $mtdir; run tests/install_deps.sh" >&2
	echo "SKIP: the SARIF output was NOT validated" >&2
	t_done formats
	exit $?
fi
check_json_dir "sarif: SARIF 2.1.0 schema" "$mtdir/sarif-2.1.0.json" "$tmp/sarif" .sarif

# Errors and warnings of both rule sets, and the notes about rule names and
# help URIs (SARIF2012), which code scanning shows to people.
multitool() {	# FILE... -> its error lines
	"$mtdir/Sarif.Multitool" validate --rule-kind "Gh;Sarif" --level "Error;Warning;Note" "$@" 2>&1 |
		grep -E ': (error|warning) [A-Z]+[0-9]+:|: note SARIF2012:'
}
if errs=$(multitool "$tmp"/sarif/*.sarif); then
	t_fail "sarif: the Multitool reports errors"
	echo "$errs" | head -20 >&2
else
	t_pass
fi

# Negative controls: a result without locations (GitHub rejects it) and a
# region starting at line 0 (the schema rejects it).
mkdir -p "$tmp/broken"
python3 - "$tmp/sarif/all.sarif" "$tmp/broken" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
res = log["runs"][0]["results"]
assert res, "the examples must produce at least one result"
a = json.loads(json.dumps(log)); del a["runs"][0]["results"][0]["locations"]
json.dump(a, open(sys.argv[2] + "/no_locations.sarif", "w"))
b = json.loads(json.dumps(log)); b["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
json.dump(b, open(sys.argv[2] + "/line_zero.sarif", "w"))
c = json.loads(json.dumps(log)); del c["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"]
json.dump(c, open(sys.argv[2] + "/no_help_uri.sarif", "w"))
d = json.loads(json.dumps(log)); del d["runs"][0]["tool"]["driver"]["informationUri"]
json.dump(d, open(sys.argv[2] + "/no_information_uri.sarif", "w"))
PY
if multitool "$tmp/broken/no_locations.sarif" >/dev/null; then t_pass; else t_fail "sarif: the Multitool accepted a result without locations"; fi
if multitool "$tmp/broken/no_help_uri.sarif" | grep -q 'help URI'; then t_pass; else t_fail "sarif: the Multitool accepted a rule without helpUri"; fi
if multitool "$tmp/broken/no_information_uri.sarif" | grep -q informationUri; then t_pass; else t_fail "sarif: the Multitool accepted a driver without informationUri"; fi
if validate_dir "$mtdir/sarif-2.1.0.json" "$tmp/broken" line_zero.sarif >/dev/null; then
	t_fail "sarif: the schema accepted startLine 0"
else
	t_pass
fi
t_done formats
