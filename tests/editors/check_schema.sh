#!/bin/bash
# tests/editors/check_schema.sh MICAC - docs/mica-policy.schema.json against
# micac's verdicts on every YAML policy (tests/editors/check_schema.py).
. "$(dirname "$0")/../lib.sh"
micac=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 2
if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
	t_fail "schema: python3-yaml and python3-jsonschema are needed (tests/install_deps.sh)"
	t_done schema
	exit $?
fi
out=$(mktemp); trap 'rm -f "$out"' EXIT
python3 tests/editors/check_schema.py "$micac" >"$out" 2>&1 || t_fail "schema: check_schema.py crashed"
grep -v '^PASS ' "$out" | grep -v '^FAIL ' | head -20 >&2
t_verdicts schema <"$out"
t_done schema
